// SPDX-License-Identifier: MIT
#include "pooltaskmodel.h"

#include "output/processstatustext.h"
#include "processcolors.h"
#include "record/runrecord.h"

#include <QBrush>
#include <QLocale>

#include <algorithm>

namespace ProcessLab {

PoolTaskModel::PoolTaskModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

const RunSummary &PoolTaskModel::summary() const
{
    static const RunSummary none;
    return m_summary ? *m_summary : none;
}

void PoolTaskModel::setSummary(const RunSummary *summary)
{
    beginResetModel();
    m_summary = summary;
    m_rows = 0;
    endResetModel();
    emit progressChanged();
}

void PoolTaskModel::reset()
{
    beginResetModel();
    m_rows = 0;
    endResetModel();
    emit progressChanged();
}

void PoolTaskModel::setDarkTheme(bool dark)
{
    if (dark == m_dark)
        return;
    m_dark = dark;
    if (m_rows > 0)
        emit dataChanged(index(0, 0), index(m_rows - 1, ColumnCount - 1), {Qt::BackgroundRole, Qt::ForegroundRole});
}

void PoolTaskModel::consume(const RunRecord &record, qsizetype from, qsizetype to)
{
    // Rows touched by these events, as a range of indexes into the fold's tasks (one
    // dataChanged per batch, not per event).
    qsizetype first = -1;
    qsizetype last = -1;
    const auto touch = [&](qsizetype row) {
        first = first < 0 ? row : std::min(first, row);
        last = std::max(last, row);
    };
    bool progress = false;
    const PoolTaskSpans &pools = spans();
    for (qsizetype i = from; i < to; ++i) {
        const RunEvent &event = record.events().at(i);
        switch (event.kind) {
        case EventKind::PoolTask:
            if (event.op == quint8(PoolTaskPhase::Counters)) {
                progress = true;
            } else if (const PoolTaskSpan *span = pools.task(event.object, event.count)) {
                touch(span - pools.tasks().constData());
            }
            break;
        case EventKind::StateChanged:
            // A worker's end ends its running task (Stop, terminate()).
            if (isEndState(event.state))
                for (const qsizetype row : pools.tasksOf(event.process))
                    touch(row);
            break;
        case EventKind::ProcessCreated:
        case EventKind::PoolWorker:
            progress = true;
            break;
        default:
            break;
        }
    }
    const int known = m_rows;
    const int now = int(pools.tasks().size());
    if (now > known) {
        beginInsertRows({}, known, now - 1);
        m_rows = now;
        endInsertRows();
    }
    // Rows inserted just now need no dataChanged: the view reads them fresh.
    if (first >= 0 && first < known)
        emit dataChanged(index(int(first), 0), index(int(std::min<qsizetype>(last, known - 1)), ColumnCount - 1));
    if (progress || now > known)
        emit progressChanged();
}

qint64 PoolTaskModel::untrackedTasks() const
{
    qint64 total = 0;
    for (const PoolProgress &pool : spans().pools())
        total += pool.untracked();
    return total;
}

int PoolTaskModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int PoolTaskModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString PoolTaskModel::outcomeText(PoolTaskOutcome outcome)
{
    switch (outcome) {
    case PoolTaskOutcome::Queued: return tr("queued");
    case PoolTaskOutcome::Running: return tr("running");
    case PoolTaskOutcome::Finished: return tr("finished");
    case PoolTaskOutcome::Failed: return tr("failed");
    case PoolTaskOutcome::Lost: return tr("lost");
    case PoolTaskOutcome::Unfinished: return tr("cancelled");
    }
    return {};
}

qint64 PoolTaskModel::sinceStart(qint64 timeNs) const
{
    const qint64 start = summary().startNs;
    return timeNs == 0 || start == 0 ? -1 : std::max<qint64>(0, timeNs - start);
}

QString PoolTaskModel::timeText(qint64 timeNs) const
{
    const qint64 ns = sinceStart(timeNs);
    return ns < 0 ? QString() : tr("%1 s").arg(QLocale().toString(double(ns) / 1e9, 'f', 3));
}

QString PoolTaskModel::workerText(const PoolTaskSpan &span) const
{
    if (span.process <= mainProcessId)
        return {};
    const ProcessSummary *worker = summary().process(span.process);
    const QString role = worker ? ProcessStatusText::roleName(*worker) : QString::number(span.process);
    return span.pid > 0 ? tr("%1 (PID %2)").arg(role).arg(span.pid) : role;
}

QVariant PoolTaskModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PoolTaskSpan &span = task(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TaskColumn: return QLocale().toString(span.task);
        case CallColumn: return span.call;
        case WorkerColumn: return workerText(span);
        case QueuedColumn: return timeText(span.queuedNs);
        case StartedColumn: return timeText(span.startNs);
        case FinishedColumn: return timeText(span.endNs);
        case DurationColumn: return span.durationMs() < 0 ? QString() : formatDurationMs(span.durationMs());
        case ResultColumn: return span.isOpen() ? QString() : span.result;
        case StateColumn: return outcomeText(span.outcome);
        default: return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == ResultColumn || index.column() == CallColumn || index.column() == StateColumn) {
            const QString call = span.call.isEmpty() ? tr("task %1").arg(span.task) : tr("task %1: %2").arg(span.task).arg(span.call);
            return span.isOpen() || span.result.isEmpty() ? call : call + u'\n' + span.result;
        }
        return {};
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case TaskColumn:
        case QueuedColumn:
        case StartedColumn:
        case FinishedColumn:
        case DurationColumn:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    case Qt::BackgroundRole: {
        // As the timeline paints them: lost red, failed yellow (translucent over the palette's base).
        QColor color;
        if (span.outcome == PoolTaskOutcome::Lost)
            color = stateColor(ProcessState::Failed, m_dark);
        else if (span.outcome == PoolTaskOutcome::Failed)
            color = m_dark ? QColor(0xfd, 0xe0, 0x47) : QColor(0xfa, 0xcc, 0x15);
        else
            return {};
        color.setAlpha(m_dark ? 90 : 110);
        return QBrush(color);
    }
    case Qt::DecorationRole:
        if (index.column() == WorkerColumn && span.process > mainProcessId)
            return processColor(span.process, m_dark);
        return {};
    case SortRole:
        switch (index.column()) {
        case TaskColumn: return span.task;
        case CallColumn: return span.call;
        case WorkerColumn: return span.process;
        case QueuedColumn: return sinceStart(span.queuedNs);
        case StartedColumn: return sinceStart(span.startNs);
        case FinishedColumn: return sinceStart(span.endNs);
        case DurationColumn: return span.durationMs();
        case ResultColumn: return span.result;
        case StateColumn: return int(span.outcome);
        default: return {};
        }
    case OutcomeRole: return int(span.outcome);
    case ProcessRole: return span.process;
    case TaskIndexRole: return index.row();
    default: return {};
    }
}

QVariant PoolTaskModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TaskColumn: return tr("Task");
    case CallColumn: return tr("Call");
    case WorkerColumn: return tr("Worker");
    case QueuedColumn: return tr("Queued");
    case StartedColumn: return tr("Started");
    case FinishedColumn: return tr("Ended");
    case DurationColumn: return tr("Duration");
    case ResultColumn: return tr("Result or error");
    case StateColumn: return tr("State");
    default: return {};
    }
}

PoolTaskFilterModel::PoolTaskFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(PoolTaskModel::SortRole);
    setDynamicSortFilter(true);
}

void PoolTaskFilterModel::setFilter(Filter filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    invalidateRowsFilter();
}

bool PoolTaskFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_filter == Filter::All)
        return true;
    const auto outcome = PoolTaskOutcome(sourceModel()->index(sourceRow, 0, sourceParent).data(PoolTaskModel::OutcomeRole).toInt());
    switch (m_filter) {
    case Filter::All: return true;
    case Filter::Open: return outcome == PoolTaskOutcome::Queued || outcome == PoolTaskOutcome::Running;
    case Filter::Finished: return outcome == PoolTaskOutcome::Finished;
    case Filter::Problems:
        return outcome == PoolTaskOutcome::Failed || outcome == PoolTaskOutcome::Lost || outcome == PoolTaskOutcome::Unfinished;
    case Filter::Lost: return outcome == PoolTaskOutcome::Lost;
    }
    return true;
}

} // namespace ProcessLab
