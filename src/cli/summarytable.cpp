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
    return formatDurationMs(value);
}

// Rows in aligned columns, two spaces apart: numbers right-aligned, names left-aligned.
QString columns(const QList<QStringList> &rows, const QList<qsizetype> &numericColumns)
{
    QList<qsizetype> widths(rows.value(0).size(), 0);
    for (const QStringList &row : rows) {
        for (qsizetype c = 0; c < row.size() && c < widths.size(); ++c)
            widths[c] = std::max(widths[c], row[c].size());
    }
    QString text;
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype c = 0; c < row.size(); ++c) {
            line += numericColumns.contains(c) ? row[c].rightJustified(widths[c]) : row[c].leftJustified(widths[c]);
            if (c + 1 < row.size())
                line += QStringLiteral("  ");
        }
        text += line.trimmed() + QLatin1Char('\n');
    }
    return text;
}

QString translated(const char *text)
{
    return QCoreApplication::translate("ProcessLab::Cli", text);
}

QString taskStateText(PoolTaskOutcome outcome)
{
    switch (outcome) {
    case PoolTaskOutcome::Queued: return translated("queued");
    case PoolTaskOutcome::Running: return translated("running");
    case PoolTaskOutcome::Finished: return translated("finished");
    case PoolTaskOutcome::Failed: return translated("failed");
    case PoolTaskOutcome::Lost: return translated("lost");
    case PoolTaskOutcome::Unfinished: return translated("unfinished");
    }
    return {};
}

// The pool's tasks: which worker (and PID) ran each, how it ended, how long it took. A table
// of 100,000 rows is no summary: the first rows, then the failed and lost ones (what a reader
// looks for), each part bounded; --json has every task.
QString poolTable(const RunSummary &summary, const PoolProgress &pool)
{
    QString text;
    const PoolTaskSpans &spans = summary.pools;
    const qint64 count = pool.queued();
    const auto stateCount = [&](PoolTaskOutcome outcome) { return spans.tasksIn(pool.pool, outcome); };
    if (pool.counted) {
        text += translated("pool: %1 tasks (counted, not listed): %2 done; the first %3 recorded one by one, "
                           "%4 of them lost\n")
                    .arg(count)
                    .arg(pool.countedDone)
                    .arg(pool.tracked)
                    .arg(stateCount(PoolTaskOutcome::Lost));
        return text;
    }
    text += translated("pool: %1 tasks: %2 finished, %3 failed, %4 lost\n")
                .arg(count)
                .arg(stateCount(PoolTaskOutcome::Finished))
                .arg(stateCount(PoolTaskOutcome::Failed))
                .arg(stateCount(PoolTaskOutcome::Lost));
    const QList<qsizetype> tasks = spans.tasksOfPool(pool.pool);
    if (tasks.isEmpty())
        return text;
    QList<QStringList> rows{{translated("task"), translated("items"), translated("worker"), translated("pid"),
                             translated("state"), translated("duration")}};
    const auto addRow = [&](const PoolTaskSpan &task) {
        const ProcessSummary *worker = summary.process(task.process);
        rows.append({QString::number(task.task), QString::number(task.items),
                     worker && task.process > 0 ? worker->role : QStringLiteral("-"),
                     task.pid ? QString::number(task.pid) : QStringLiteral("-"),
                     taskStateText(task.outcome), ms(task.durationMs())});
    };
    constexpr qsizetype firstRows = 50;
    constexpr qsizetype troubleRows = 50;
    qsizetype listed = 0;
    for (qsizetype i = 0; i < tasks.size() && i < firstRows; ++i, ++listed)
        addRow(spans.tasks().at(tasks.at(i)));
    for (qsizetype i = firstRows, trouble = 0; i < tasks.size() && trouble < troubleRows; ++i) {
        const PoolTaskSpan &task = spans.tasks().at(tasks.at(i));
        if (task.outcome == PoolTaskOutcome::Failed || task.outcome == PoolTaskOutcome::Lost) {
            addRow(task);
            ++trouble;
            ++listed;
        }
    }
    text += columns(rows, {1, 3, 5});
    if (listed < count)
        text += translated("… %1 more tasks not listed (--json has every task)\n").arg(count - listed);
    return text;
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

QString cpuSeconds(const ProcessSummary &process)
{
    // CPU time (user + system) the host sampled; "-" for Main (the host itself) and where
    // nothing was sampled (never 0: that would claim it was measured).
    if (process.cpuNs < 0)
        return QStringLiteral("-");
    return QCoreApplication::translate("ProcessLab::Cli", "%1 s").arg(double(process.cpuNs) / 1e9, 0, 'f', 2);
}

QString formatSummaryTable(const RunSummary &summary)
{
    const QStringList header = {QCoreApplication::translate("ProcessLab::Cli", "process"),
                                QCoreApplication::translate("ProcessLab::Cli", "pid"),
                                QCoreApplication::translate("ProcessLab::Cli", "spawn→ready"),
                                QCoreApplication::translate("ProcessLab::Cli", "run"),
                                QCoreApplication::translate("ProcessLab::Cli", "CPU"),
                                QCoreApplication::translate("ProcessLab::Cli", "state"),
                                QCoreApplication::translate("ProcessLab::Cli", "exit")};
    QList<QStringList> rows{header};
    for (const ProcessSummary &p : summary.processes) {
        rows.append({p.role, p.pid ? QString::number(p.pid) : QStringLiteral("-"), ms(p.spawnToReadyMs()),
                     ms(p.runMs()), cpuSeconds(p), stateDisplayName(p.state), exitText(p)});
    }
    QString text = columns(rows, {1, 2, 3, 4});
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
    for (const PoolProgress &pool : summary.pools.pools())
        text += poolTable(summary, pool);
    return text;
}

} // namespace ProcessLab::Cli
