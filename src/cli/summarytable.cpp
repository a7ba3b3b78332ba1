// SPDX-License-Identifier: MIT
#include "summarytable.h"

#include "record/runsummary.h"

#include <QCoreApplication>

namespace ProcessLab::Cli {

namespace {
// What the program wrote to make it: multiprocessing.Queue(), Pipe(), Value(), Array(), Lock().
QString pythonTypeName(IpcObjectKind kind)
{
    switch (kind) {
    case IpcObjectKind::Queue: return QStringLiteral("Queue");
    case IpcObjectKind::Pipe: return QStringLiteral("Pipe");
    case IpcObjectKind::Value: return QStringLiteral("Value");
    case IpcObjectKind::Array: return QStringLiteral("Array");
    case IpcObjectKind::Lock: return QStringLiteral("Lock");
    }
    return {};
}

QString ms(double value)
{
    return value < 0 ? QStringLiteral("-") : QStringLiteral("%1 ms").arg(value, 0, 'f', 1);
}
} // namespace

QString exitText(const ProcessSummary &process)
{
    // Python's Process.exitcode: -15 for SIGTERM; "-" for Main and while running.
    const std::optional<int> exitcode = process.pythonExitCode();
    if (!exitcode)
        return QStringLiteral("-");
    const QString signal = process.exitSignalName();
    return signal.isEmpty() ? QString::number(*exitcode) : QStringLiteral("%1 (%2)").arg(*exitcode).arg(signal);
}

QString formatSummaryTable(const RunSummary &summary)
{
    const QStringList header = {QCoreApplication::translate("ProcessLab::Cli", "process"),
                                QCoreApplication::translate("ProcessLab::Cli", "pid"),
                                QCoreApplication::translate("ProcessLab::Cli", "spawn→ready"),
                                QCoreApplication::translate("ProcessLab::Cli", "run"),
                                QCoreApplication::translate("ProcessLab::Cli", "state"),
                                QCoreApplication::translate("ProcessLab::Cli", "exit")};
    QList<QStringList> rows{header};
    for (const ProcessSummary &p : summary.processes) {
        rows.append({p.role, p.pid ? QString::number(p.pid) : QStringLiteral("-"), ms(p.spawnToReadyMs()),
                     ms(p.runMs()), stateDisplayName(p.state), exitText(p)});
    }
    QList<qsizetype> widths(header.size(), 0);
    for (const QStringList &row : rows) {
        for (qsizetype c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], row[c].size());
    }
    QString text;
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype c = 0; c < row.size(); ++c) {
            // Numbers right-aligned, names left-aligned.
            const bool numeric = c == 1 || c == 2 || c == 3;
            line += numeric ? row[c].rightJustified(widths[c]) : row[c].leftJustified(widths[c]);
            if (c + 1 < row.size())
                line += QStringLiteral("  ");
        }
        text += line.trimmed() + QLatin1Char('\n');
    }
    text += QCoreApplication::translate("ProcessLab::Cli", "wall time: %1\n").arg(ms(summary.wallMs()));
    // The shared objects: how much went through each (every count, sampled or not).
    for (const ObjectSummary &object : summary.objects) {
        QString line = QCoreApplication::translate("ProcessLab::Cli", "%1 (%2): %3 operations")
                           .arg(object.name, pythonTypeName(object.kind))
                           .arg(object.operations());
        if (object.kind == IpcObjectKind::Queue || object.kind == IpcObjectKind::Pipe)
            line += QCoreApplication::translate("ProcessLab::Cli", ", at most %1 waiting at once").arg(object.maxDepth);
        if (object.sampled)
            line += QCoreApplication::translate("ProcessLab::Cli", " (counted; the first %1 recorded one by one)")
                        .arg(object.reported);
        if (object.recoveries)
            line += QCoreApplication::translate("ProcessLab::Cli", ", repaired %1 time(s) after a process ended in the middle of an operation")
                        .arg(object.recoveries);
        text += line + QLatin1Char('\n');
    }
    return text;
}

} // namespace ProcessLab::Cli
