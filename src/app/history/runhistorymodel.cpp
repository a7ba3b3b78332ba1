// SPDX-License-Identifier: MIT
#include "runhistorymodel.h"

#include "examples/exampleregistry.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace ProcessLab {

RunHistoryModel::RunHistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void RunHistoryModel::addRun(int number, const QString &exampleId, const QVariantMap &knobs,
                             const RunSummary &summary, RunnerKind runner)
{
    if (m_entries.size() >= maxRuns) {
        const int last = static_cast<int>(m_entries.size()) - 1;
        beginRemoveRows({}, last, last);
        m_entries.removeLast();
        endRemoveRows();
    }
    beginInsertRows({}, 0, 0);
    m_entries.prepend({number, exampleId, knobs, summary, runner});
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

void RunHistoryModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_entries.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QString RunHistoryModel::exampleTitle(const QString &exampleId)
{
    const ExampleDefinition *example = ExampleRegistry::find(exampleId);
    if (!example)
        return exampleId;
    return QLocale().language() == QLocale::Chinese ? example->titleZh : example->titleEn;
}

QString RunHistoryModel::knobsText(const QString &exampleId, const QVariantMap &knobs)
{
    const auto valueText = [](const QVariant &v) {
        return v.typeId() == QMetaType::Double ? QLocale().toString(v.toDouble(), 'g', 6)
               : v.typeId() == QMetaType::Bool ? (v.toBool() ? tr("on") : tr("off"))
                                               : v.toString();
    };
    QStringList parts;
    QStringList named;
    if (const ExampleDefinition *example = ExampleRegistry::find(exampleId)) {
        for (const KnobSpec &knob : example->knobs) {
            if (!knobs.contains(knob.name))
                continue;
            // A choice shows its label ("after each start"), as the knob's combo box does.
            const QVariant value = knobs.value(knob.name);
            parts.append(knob.translatedLabel() + u' '
                         + (knob.type == KnobSpec::Type::Choice ? knob.translatedChoiceLabel(value.toString())
                                                                : valueText(value)));
            named.append(knob.name);
        }
    }
    for (auto it = knobs.cbegin(); it != knobs.cend(); ++it) {
        if (!named.contains(it.key()))
            parts.append(it.key() + u' ' + valueText(it.value()));
    }
    return parts.join(tr(", "));
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
        case ExampleColumn:
            return e.runner == RunnerKind::Python ? tr("%1 (Python)").arg(exampleTitle(e.exampleId)) : exampleTitle(e.exampleId);
        case KnobsColumn: return knobsText(e.exampleId, e.knobs);
        case WallTimeColumn: return msText(e.summary.wallMs());
        case ResultColumn: return resultText(e.summary);
        case ProcessesColumn: return static_cast<int>(e.summary.processes.size());
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == ExampleColumn)
        return e.exampleId;
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
