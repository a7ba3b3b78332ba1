// SPDX-License-Identifier: MIT
#include "poolbenchcommand.h"

#include "benchsupport.h"
#include "cliarguments.h"

#include "examples/hostscript.h"
#include "ipc/poolobject.h"
#include "runtime/run.h"

#include <QCborArray>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTimer>

#include <algorithm>

namespace ProcessLab::Cli {

namespace {

// bench/pool_bench.py runs the same main programs with multiprocessing.Pool; keep them in step.
constexpr PoolBenchCase cases[] = {
    {"apply-async", 20'000}, // [pool.apply_async(square, (i,)) for i in range(n)], then every get()
    {"map", 200'000},        // pool.map(square, range(n)), default chunksize
    {"startup", 0},          // Pool(processes) until every pool worker said hello
};

// Source lines of the bench programs: the run record's step events name them, so the
// timed interval is read from the record itself.
enum Line : int { CreateLine = 1, SubmitLine = 2, GetLine = 3, CloseLine = 4, JoinLine = 5, PrintLine = 6 };

ScriptExpression lit(const QCborValue &value)
{
    return ScriptExpression::value(value);
}

ScriptStep line(ScriptStep step, Line number, const QString &source)
{
    return atLine(std::move(step), int(number), source);
}

HostScript poolBenchScript(const QString &name, int processes, qint64 tasks)
{
    HostScript script;
    QList<ScriptStep> &steps = script.steps;
    steps.append(line(createObjectStep(QStringLiteral("pool"), QStringLiteral("Pool"), {lit(processes)}), CreateLine,
                      QStringLiteral("pool = multiprocessing.Pool(%1)").arg(processes)));
    if (name == QLatin1StringView("apply-async")) {
        // results = [pool.apply_async(square, (i,)) for i in range(n)]; for r in results: r.get()
        const QString submit = QStringLiteral("results = [pool.apply_async(square, (i,)) for i in range(%1)]").arg(tasks);
        const QString get = QStringLiteral("last = [r.get() for r in results][-1]");
        steps.reserve(2 * tasks + 5);
        for (qint64 i = 0; i < tasks; ++i) {
            steps.append(line(callStep(QStringLiteral("pool"), QStringLiteral("apply_async"),
                                       {lit(QStringLiteral("square")), lit(QCborArray{i})}, QStringLiteral("r%1").arg(i)),
                              SubmitLine, submit));
        }
        for (qint64 i = 0; i < tasks; ++i) {
            steps.append(line(callStep(QStringLiteral("r%1").arg(i), QStringLiteral("get"), {},
                                       i + 1 == tasks ? QStringLiteral("last") : QString()),
                              GetLine, get));
        }
    } else if (name == QLatin1StringView("map")) {
        steps.append(line(callStep(QStringLiteral("pool"), QStringLiteral("map"), {lit(QStringLiteral("square")), lit(tasks)},
                                   QStringLiteral("results")),
                          SubmitLine, QStringLiteral("results = pool.map(square, range(%1))").arg(tasks)));
    }
    steps.append(line(callStep(QStringLiteral("pool"), QStringLiteral("close")), CloseLine, QStringLiteral("pool.close()")));
    steps.append(line(callStep(QStringLiteral("pool"), QStringLiteral("join")), JoinLine, QStringLiteral("pool.join()")));
    if (name == QLatin1StringView("apply-async"))
        steps.append(line(printStep({ScriptExpression::variable(QStringLiteral("last"))}), PrintLine, QStringLiteral("print(last)")));
    return script;
}

struct Round
{
    QString problem;       // empty: ok
    double seconds = 0;    // the timed statements (throughput cases)
    double readyMs = 0;    // Pool(...) step began -> last pool worker's hello
    double runningMs = 0;  // ... -> last pool worker told to run (pool.worker)
    qint64 perTaskEvents = 0;
    double longestStallMs = 0; // the host's event loop did not turn for this long
};

Round poolRound(const QString &name, int processes, qint64 tasks)
{
    Run run(QStringLiteral("bench-pool"), {}, poolBenchScript(name, processes, tasks));
    // How responsive the host stays: the longest gap between two turns of a 1 ms timer
    // while the run goes on (a window would not repaint for that long).
    QTimer probe;
    probe.setInterval(1);
    probe.setTimerType(Qt::PreciseTimer);
    QElapsedTimer sinceTick;
    qint64 longestStallNs = 0;
    probe.callOnTimeout([&] {
        longestStallNs = std::max(longestStallNs, sinceTick.nsecsElapsed());
        sinceTick.start();
    });
    runToEnd(run, [&] {
        sinceTick.start();
        probe.start();
    });
    probe.stop();

    Round round;
    round.longestStallMs = double(longestStallNs) / 1e6;
    const bool apply = name == QLatin1StringView("apply-async");
    const int firstTimed = apply || name == QLatin1StringView("map") ? SubmitLine : 0;
    const int lastTimed = apply ? GetLine : firstTimed;
    qint64 createNs = 0, beginNs = 0, endNs = 0, readyNs = 0, runningNs = 0;
    qint64 itemsFinished = 0, countersDone = -1, countersQueued = -1;
    QSet<int> poolWorkers;
    for (const RunEvent &event : run.record().events()) {
        switch (event.kind) {
        case EventKind::ScriptStep:
            if (event.sourceLine == CreateLine && !createNs)
                createNs = event.timeNs;
            if (firstTimed && event.sourceLine == firstTimed && !beginNs)
                beginNs = event.timeNs;
            break;
        case EventKind::ScriptStepEnded:
            if (firstTimed && event.sourceLine == lastTimed)
                endNs = event.timeNs;
            break;
        case EventKind::PoolWorker:
            if (event.op == quint8(PoolWorkerChange::Started))
                poolWorkers.insert(event.process);
            break;
        case EventKind::StateChanged:
            if (poolWorkers.contains(event.process) && event.state == ProcessState::Ready)
                readyNs = std::max(readyNs, event.timeNs);
            if (poolWorkers.contains(event.process) && event.state == ProcessState::Running)
                runningNs = std::max(runningNs, event.timeNs);
            break;
        case EventKind::PoolTask:
            if (event.op == quint8(PoolTaskPhase::Counters)) {
                countersDone = event.count;
                countersQueued = event.sequence;
            } else {
                ++round.perTaskEvents;
                if (event.op == quint8(PoolTaskPhase::Finished))
                    itemsFinished += event.sequence;
            }
            break;
        default:
            break;
        }
    }
    round.seconds = double(endNs - beginNs) / 1e9;
    round.readyMs = double(readyNs - createNs) / 1e6;
    round.runningMs = double(runningNs - createNs) / 1e6;
    // Every task done: per-task events count the items while they last, counters after.
    const bool allDone = countersDone >= 0 ? countersDone == countersQueued : itemsFinished == (firstTimed ? tasks : 0);
    if (run.exitCode() != 0)
        round.problem = QStringLiteral("the run failed (exit code %1)").arg(run.exitCode());
    else if (poolWorkers.size() != processes || !readyNs || !runningNs)
        round.problem = QStringLiteral("%1 of %2 pool workers became ready").arg(poolWorkers.size()).arg(processes);
    else if (firstTimed && (round.seconds <= 0 || !beginNs))
        round.problem = QStringLiteral("no time measured");
    else if (!allDone)
        round.problem = QStringLiteral("not every task finished (items %1, counters %2/%3)")
                            .arg(itemsFinished).arg(countersDone).arg(countersQueued);
    else if (const QStringList mainLines = mainOutput(run.record());
             apply && mainLines != QStringList{QString::number((tasks - 1) * (tasks - 1))})
        round.problem = QStringLiteral("the last result is %1, expected %2")
                            .arg(mainLines.join(QLatin1Char(' ')))
                            .arg((tasks - 1) * (tasks - 1));
    round.problem = withErrors(round.problem, runErrors(run.record()));
    return round;
}

} // namespace

std::span<const PoolBenchCase> poolBenchCases()
{
    return cases;
}

const PoolBenchCase *findPoolBenchCase(QStringView name)
{
    return findBenchCase(poolBenchCases(), name);
}

int runPoolBench(QCoreApplication &app, const BenchOptions &options)
{
    Q_UNUSED(app);
    const PoolBenchCase *benchCase = findPoolBenchCase(options.poolCase);
    if (!benchCase)
        return 2; // the parser only lets known cases through
    const QString name = QString::fromLatin1(benchCase->name);
    const bool throughput = benchCase->defaultTasks > 0;
    const qint64 tasks = throughput ? (options.ops > 0 ? options.ops : benchCase->defaultTasks) : 0;
    const int processes = options.workers;

    poolRound(QStringLiteral("startup"), processes, 0); // warm-up: page cache, first local server
    QList<double> rates, seconds, readyMs, runningMs, stallMs;
    QJsonArray problems;
    qint64 perTaskEvents = 0;
    int failures = 0;
    for (int r = 0; r < options.repeat; ++r) {
        const Round round = poolRound(name, processes, tasks);
        if (!round.problem.isEmpty()) {
            ++failures;
            problems.append(round.problem);
            reportFailedRound(QStringLiteral("pool"), name, r + 1, round.problem);
            continue;
        }
        readyMs.append(round.readyMs);
        runningMs.append(round.runningMs);
        stallMs.append(round.longestStallMs);
        perTaskEvents = round.perTaskEvents;
        if (throughput) {
            seconds.append(round.seconds);
            rates.append(double(tasks) / round.seconds);
        }
    }
    QJsonObject result;
    result.insert(QLatin1StringView("case"), name);
    result.insert(QLatin1StringView("processes"), processes);
    result.insert(QLatin1StringView("tasks"), tasks);
    result.insert(QLatin1StringView("repeat"), options.repeat);
    result.insert(QLatin1StringView("failures"), failures);
    result.insert(QLatin1StringView("taskEventBudget"), qint64(PoolObject::taskEventBudget));
    result.insert(QLatin1StringView("perTaskEvents"), perTaskEvents);
    if (throughput) {
        result.insert(QLatin1StringView("rate"), median(rates)); // tasks (items for map) per second, median
        result.insert(QLatin1StringView("rates"), toJsonArray(rates));
        result.insert(QLatin1StringView("seconds"), toJsonArray(seconds));
    }
    result.insert(QLatin1StringView("readyMs"), toJsonArray(readyMs));
    result.insert(QLatin1StringView("runningMs"), toJsonArray(runningMs));
    result.insert(QLatin1StringView("longestStallMs"), toJsonArray(stallMs));
    if (!problems.isEmpty())
        result.insert(QLatin1StringView("problems"), problems);
    printJsonLine(result);
    return failures ? 1 : 0;
}

} // namespace ProcessLab::Cli
