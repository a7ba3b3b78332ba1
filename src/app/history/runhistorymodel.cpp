// SPDX-License-Identifier: MIT
#include "runhistorymodel.h"

#include "examples/exampleregistry.h"

#include <QBrush>
#include <QColor>
#include <QFileInfo>
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

namespace {
// A Python run records its script's path and arguments as knobs (PythonRun).
const QString scriptKnob = QStringLiteral("script");
const QString argumentsKnob = QStringLiteral("arguments");
} // namespace

QString RunHistoryModel::exampleText(const Entry &entry)
{
    if (entry.runner == RunnerKind::Python && !ExampleRegistry::find(entry.exampleId)) {
        const QString script = entry.knobs.value(scriptKnob).toString();
        if (!script.isEmpty())
            return QFileInfo(script).fileName();
    }
    return exampleTitle(entry.exampleId);
}

QString RunHistoryModel::settingsText(const Entry &entry)
{
    if (entry.runner != RunnerKind::Python)
        return knobsText(entry.exampleId, entry.knobs);
    // The script's path is in the Example column (a listing runs from a temporary file: noise).
    QVariantMap knobs = entry.knobs;
    knobs.remove(scriptKnob);
    const QString arguments = knobs.take(argumentsKnob).toString();
    QString text = knobsText(entry.exampleId, knobs);
    if (!arguments.isEmpty()) {
        if (!text.isEmpty())
            text += tr(", ");
        text += tr("arguments: %1").arg(arguments);
    }
    return text;
}

QString RunHistoryModel::runnerText(RunnerKind runner)
{
    return runner == RunnerKind::Python ? tr("Python") : tr("ProcessLab");
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
        case ExampleColumn: return exampleText(e);
        case RunnerColumn: return runnerText(e.runner);
        case KnobsColumn: return settingsText(e);
        case WallTimeColumn: return msText(e.summary.wallMs());
        case ResultColumn: return resultText(e.summary);
        case ProcessesColumn: return static_cast<int>(e.summary.processes.size());
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == ExampleColumn)
        return e.runner == RunnerKind::Python && !ExampleRegistry::find(e.exampleId)
                   ? e.knobs.value(scriptKnob, e.exampleId).toString()
                   : e.exampleId;
    if (role == Qt::ToolTipRole && index.column() == RunnerColumn)
        return e.runner == RunnerKind::Python ? tr("Real Python: the interpreter ran the program")
                                              : tr("ProcessLab's native workers played the program");
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
    case RunnerColumn: return tr("Runner");
    case KnobsColumn: return tr("Settings");
    case WallTimeColumn: return tr("Wall time");
    case ResultColumn: return tr("Result");
    case ProcessesColumn: return tr("Processes");
    default: return {};
    }
}

} // namespace ProcessLab
