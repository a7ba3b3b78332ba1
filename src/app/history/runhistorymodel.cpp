// SPDX-License-Identifier: MIT
#include "runhistorymodel.h"

#include <QBrush>
#include <QColor>

namespace ProcessLab {

RunHistoryModel::RunHistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void RunHistoryModel::addRun(int number, const QString &exampleId, const QVariantMap &knobs,
                             const RunSummary &summary)
{
    if (m_entries.size() >= maxRuns) {
        const int last = static_cast<int>(m_entries.size()) - 1;
        beginRemoveRows({}, last, last);
        m_entries.removeLast();
        endRemoveRows();
    }
    beginInsertRows({}, 0, 0);
    m_entries.prepend({number, exampleId, knobs, summary});
    endInsertRows();
}

void RunHistoryModel::clear()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

int RunHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int RunHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RunHistoryModel::knobsText(const QVariantMap &knobs)
{
    QStringList parts;
    for (auto it = knobs.cbegin(); it != knobs.cend(); ++it) {
        const QVariant &v = it.value();
        const QString value = v.typeId() == QMetaType::Double ? QString::number(v.toDouble(), 'g', 6)
                              : v.typeId() == QMetaType::Bool ? (v.toBool() ? tr("on") : tr("off"))
                                                              : v.toString();
        parts.append(it.key() + QLatin1Char('=') + value);
    }
    return parts.join(QLatin1StringView(", "));
}

QString RunHistoryModel::resultText(const RunSummary &summary)
{
    if (!summary.finished)
        return tr("running");
    const ProcessSummary *main = summary.process(0);
    if (main && main->state == ProcessState::Killed)
        return tr("stopped");
    return summary.exitCode == 0 ? tr("ok") : tr("failed");
}

QString RunHistoryModel::msText(double ms)
{
    if (ms < 0)
        return QStringLiteral("–");
    return ms >= 1000 ? tr("%1 s").arg(ms / 1000.0, 0, 'f', 2) : tr("%1 ms").arg(ms, 0, 'f', 1);
}

QVariant RunHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_entries.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case NumberColumn: return QStringLiteral("#%1").arg(e.number);
        case ExampleColumn: return e.exampleId;
        case KnobsColumn: return knobsText(e.knobs);
        case WallTimeColumn: return msText(e.summary.wallMs());
        case ResultColumn: return resultText(e.summary);
        case ProcessesColumn: return static_cast<int>(e.summary.processes.size());
        default: return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == ResultColumn && e.summary.exitCode != 0)
        return QBrush(QColor(0xd3, 0x2f, 0x2f));
    if (role == Qt::TextAlignmentRole && (index.column() == WallTimeColumn || index.column() == ProcessesColumn))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::UserRole)
        return e.number;
    return {};
}

QVariant RunHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NumberColumn: return tr("Run");
    case ExampleColumn: return tr("Example");
    case KnobsColumn: return tr("Settings");
    case WallTimeColumn: return tr("Wall time");
    case ResultColumn: return tr("Result");
    case ProcessesColumn: return tr("Processes");
    default: return {};
    }
}

} // namespace ProcessLab
