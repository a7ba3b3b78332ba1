// SPDX-License-Identifier: MIT
#include "processlistmodel.h"

#include "cpusparkline.h"
#include "processcolors.h"
#include "processstatustext.h"

#include <QLocale>

namespace ProcessLab {

ProcessListModel::ProcessListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ProcessListModel::setSummary(const RunSummary &summary, qint64 nowNs)
{
    QList<ProcessSummary> processes;
    processes.reserve(summary.processes.size());
    for (const ProcessSummary &p : summary.processes) {
        if (!p.role.isEmpty() && (m_showHelpers || !p.helper)) // slots of processes not created yet have no role
            processes.append(p);
    }
    const bool grows = processes.size() >= m_processes.size()
                       && std::equal(m_processes.cbegin(), m_processes.cend(), processes.cbegin(),
                                     [](const ProcessSummary &a, const ProcessSummary &b) { return a.id == b.id; });
    m_nowNs = nowNs;
    if (!grows) {
        beginResetModel();
        m_processes = processes;
        endResetModel();
        return;
    }
    const auto oldCount = static_cast<int>(m_processes.size());
    const auto newCount = static_cast<int>(processes.size());
    if (newCount > oldCount) {
        beginInsertRows({}, oldCount, newCount - 1);
        m_processes = processes;
        endInsertRows();
    } else {
        m_processes = processes;
    }
    if (oldCount > 0)
        emit dataChanged(index(0, 0), index(oldCount - 1, ColumnCount - 1));
}

void ProcessListModel::clear()
{
    if (m_processes.isEmpty())
        return;
    beginResetModel();
    m_processes.clear();
    endResetModel();
}

void ProcessListModel::setDarkTheme(bool dark)
{
    if (dark == m_dark)
        return;
    m_dark = dark;
    if (!m_processes.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::DecorationRole});
}

void ProcessListModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_processes.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int ProcessListModel::processIdAt(int row) const
{
    return row >= 0 && row < m_processes.size() ? m_processes.at(row).id : -1;
}

int ProcessListModel::rowOf(int processId) const
{
    for (int row = 0; row < m_processes.size(); ++row) {
        if (m_processes.at(row).id == processId)
            return row;
    }
    return -1;
}

int ProcessListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_processes.size());
}

int ProcessListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProcessListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ProcessSummary &p = m_processes.at(index.row());
    if (role == ProcessIdRole)
        return p.id;
    const QLocale locale;
    switch (index.column()) {
    case Name:
        if (role == Qt::DisplayRole)
            return ProcessStatusText::roleName(p.id, p.role); // as the panes and the timeline name it
        if (role == Qt::ToolTipRole)
            return ProcessStatusText::roleToolTip(p);
        if (role == Qt::DecorationRole)
            return processColor(p.id, m_dark);
        break;
    case Pid:
        if (role == Qt::DisplayRole)
            return p.pid ? QVariant(p.pid) : QVariant(QString());
        if (role == Qt::TextAlignmentRole)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case State:
        if (role == Qt::DisplayRole)
            return ProcessStatusText::state(p.state);
        if (role == Qt::DecorationRole)
            return stateColor(p.state, m_dark);
        if (role == Qt::ToolTipRole && !p.detail.isEmpty())
            return p.detail;
        break;
    case Exit:
        // The column's header says "Exit": "0", "−15 (SIGTERM)" (the list fits a narrow window).
        if (role == Qt::DisplayRole)
            return ProcessStatusText::exitStatusShort(p);
        if (role == Qt::ToolTipRole)
            return ProcessStatusText::exitStatus(p);
        if (role == Qt::ForegroundRole && (p.exitSignal != 0 || (p.hasEnded() && p.exitCode != 0)))
            return stateColor(ProcessState::Failed, m_dark);
        break;
    case Elapsed: {
        if (role == Qt::TextAlignmentRole)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        if (role != Qt::DisplayRole)
            break;
        const qint64 ns = ProcessStatusText::elapsedNs(p, p.endNs ? p.endNs : m_nowNs);
        return ns >= 0 && (p.endNs || m_nowNs) ? ProcessStatusText::duration(ns) : QString();
    }
    case Cpu:
        // The last sample's CPU use while it runs; once it ended, its average over its life (4
        // computing workers on 2 cores: 50%). The same fold as the pane header's sparkline.
        if (role == Qt::DisplayRole) {
            if (p.cpuNs < 0)
                return QStringLiteral("—");
            return formatCpuPercent(p.hasEnded() ? p.averageCpuPermille(m_nowNs) : p.cpuPermille);
        }
        if (role == Qt::TextAlignmentRole)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        if (role == Qt::ToolTipRole && p.cpuNs >= 0) {
            return tr("CPU time: %1 s, on average %2 of one core\nMemory (resident): %3, at most %4")
                .arg(double(p.cpuNs) / 1e9, 0, 'f', 2)
                .arg(formatCpuPercent(p.averageCpuPermille(m_nowNs)), formatMemory(p.residentBytes),
                     formatMemory(p.peakResidentBytes));
        }
        break;
    case Lines:
        if (role == Qt::DisplayRole)
            return locale.toString(p.stdoutLines + p.stderrLines);
        if (role == Qt::TextAlignmentRole)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        if (role == Qt::ToolTipRole)
            return tr("stdout: %1, stderr: %2").arg(locale.toString(p.stdoutLines), locale.toString(p.stderrLines));
        break;
    default:
        break;
    }
    return {};
}

QVariant ProcessListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Process");
    case Pid: return tr("PID");
    case State: return tr("State");
    case Exit: return tr("Exit");
    case Elapsed: return tr("Elapsed");
    case Cpu: return tr("CPU");
    case Lines: return tr("Lines");
    default: return {};
    }
}

} // namespace ProcessLab
