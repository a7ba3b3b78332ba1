// SPDX-License-Identifier: MIT
#include "ipcbenchcommand.h"

#include "benchsupport.h"
#include "cliarguments.h"

#include "examples/hostscript.h"
#include "runtime/run.h"
#include "shm/objects.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace ProcessLab::Cli {

namespace {

// Python's side of each case is in bench/ipc_bench.py; keep the two in step. The default
// operations make Python's side run 1-3 s on the project's machine, so both sides are timed
// in their steady state; ProcessLab's includes the per-object observation budget (the first
// 10,000 operations of each object are events), whose weight shrinks as ops grow.
constexpr IpcBenchCase cases[] = {
    {"queue-small", 200'000},     // 1 producer -> 1 consumer, small ints
    {"queue-1k", 100'000},        // 1 producer -> 1 consumer, 1 KiB bytes items
    {"pipe-oneway", 200'000},     // send -> recv, small ints
    {"pipe-roundtrip", 50'000},   // ping <-> pong, small ints
    {"value-lock", 1'000'000},    // 2 processes x ops of `with v.get_lock(): v.value += 1`
};

constexpr int valueLockParties = 2;

WorkerSpec benchWorker(int id, const QString &behaviour, qint64 ops, const QMap<QString, QString> &objects)
{
    WorkerSpec spec;
    spec.id = id;
    spec.role = QStringLiteral("Worker %1").arg(id);
    spec.behaviour = behaviour;
    spec.arguments.insert(QLatin1StringView("ops"), ops);
    spec.objects = objects;
    return spec;
}

// The main program of a case: create the objects, start both workers, join them (and for
// value-lock print counter.value, which the bench checks).
HostScript ipcBenchScript(const QString &name, qint64 ops)
{
    QList<WorkerSpec> workers;
    QList<ScriptStep> objects;
    QList<ScriptStep> after;
    if (name.startsWith(QLatin1StringView("queue-"))) {
        objects.append(createObjectStep(QStringLiteral("queue"), QStringLiteral("Queue")));
        const QMap<QString, QString> queue{{QStringLiteral("queue"), QStringLiteral("queue")}};
        workers = {benchWorker(1, QStringLiteral("bench.queue-get"), ops, queue),
                   benchWorker(2, QStringLiteral("bench.queue-put"), ops, queue)};
        if (name == QLatin1StringView("queue-1k")) {
            for (WorkerSpec &w : workers)
                w.arguments.insert(QLatin1StringView("size"), 1024);
        }
    } else if (name.startsWith(QLatin1StringView("pipe-"))) {
        objects.append(createObjectStep(QStringLiteral("a, b"), QStringLiteral("Pipe")));
        const bool roundTrip = name == QLatin1StringView("pipe-roundtrip");
        workers = {benchWorker(1, roundTrip ? QStringLiteral("bench.pipe-ping") : QStringLiteral("bench.pipe-recv"), ops,
                               {{QStringLiteral("conn"), QStringLiteral("a")}}),
                   benchWorker(2, roundTrip ? QStringLiteral("bench.pipe-pong") : QStringLiteral("bench.pipe-send"), ops,
                               {{QStringLiteral("conn"), QStringLiteral("b")}})};
    } else { // value-lock
        for (const QString &value : {QStringLiteral("counter"), QStringLiteral("ready")}) {
            objects.append(createObjectStep(value, QStringLiteral("Value"),
                                            {ScriptExpression::value(QStringLiteral("i")), ScriptExpression::value(0)}));
        }
        const QMap<QString, QString> cells{{QStringLiteral("counter"), QStringLiteral("counter")},
                                           {QStringLiteral("ready"), QStringLiteral("ready")}};
        for (int id = 1; id <= valueLockParties; ++id) {
            workers.append(benchWorker(id, QStringLiteral("bench.value-add"), ops, cells));
            workers.last().arguments.insert(QLatin1StringView("parties"), valueLockParties);
        }
        after.append(printStep({ScriptExpression::read(QStringLiteral("counter"), QStringLiteral("value"))}));
    }
    HostScript script = startAllThenJoinAll(workers);
    script.steps = objects + script.steps + after;
    return script;
}

struct Round
{
    bool ok = false;
    QString problem;     // why not ok
    qint64 opsTimed = 0; // operations inside the timed interval (all measuring workers)
    double seconds = 0;  // first measuring worker's start -> last one's end
};

Round ipcRound(const QString &name, qint64 ops)
{
    Run run(QStringLiteral("bench-ipc"), {}, ipcBenchScript(name, ops));
    runToEnd(run);

    static const QRegularExpression resultLine(
        QStringLiteral("^bench-result ops=(\\d+) start_ns=(-?\\d+) end_ns=(-?\\d+)$"));
    Round round;
    qint64 start = 0, end = 0;
    int results = 0;
    for (const RunEvent &event : run.record().events()) {
        if (event.kind != EventKind::Output || event.stream == OutputStream::StdErr || event.process == mainProcessId)
            continue;
        const QRegularExpressionMatch m = resultLine.match(event.text);
        if (!m.hasMatch())
            continue;
        const qint64 s = m.captured(2).toLongLong();
        const qint64 e = m.captured(3).toLongLong();
        round.opsTimed += m.captured(1).toLongLong();
        start = results ? std::min(start, s) : s;
        end = results ? std::max(end, e) : e;
        ++results;
    }
    const int expected = name == QLatin1StringView("value-lock") ? valueLockParties : 1;
    const QStringList mainLines = mainOutput(run.record());
    round.seconds = double(end - start) / 1e9;
    if (run.exitCode() != 0)
        round.problem = QStringLiteral("the run failed (exit code %1)").arg(run.exitCode());
    else if (results != expected)
        round.problem = QStringLiteral("%1 result lines, expected %2").arg(results).arg(expected);
    else if (round.seconds <= 0 || round.opsTimed <= 0)
        round.problem = QStringLiteral("no time measured");
    else if (expected > 1 && mainLines != QStringList{QString::number(valueLockParties * ops)})
        round.problem = QStringLiteral("counter.value is %1, expected %2")
                            .arg(mainLines.join(QLatin1Char(' ')))
                            .arg(valueLockParties * ops);
    round.problem = withErrors(round.problem, runErrors(run.record()));
    round.ok = round.problem.isEmpty();
    return round;
}

} // namespace

std::span<const IpcBenchCase> ipcBenchCases()
{
    return cases;
}

const IpcBenchCase *findIpcBenchCase(QStringView name)
{
    return findBenchCase(ipcBenchCases(), name);
}

int runIpcBench(QCoreApplication &app, const BenchOptions &options)
{
    Q_UNUSED(app);
    const IpcBenchCase *benchCase = findIpcBenchCase(options.ipcCase);
    if (!benchCase)
        return 2; // the parser only lets known cases through
    const QString name = QString::fromLatin1(benchCase->name);
    const qint64 ops = options.ops > 0 ? options.ops : benchCase->defaultOps;
    const bool roundTrip = name == QLatin1StringView("pipe-roundtrip");

    QJsonArray rates, seconds, opsTimed, roundTripUs, problems;
    QList<double> rateList;
    int failures = 0;
    for (int r = 0; r < options.repeat; ++r) {
        const Round round = ipcRound(name, ops);
        if (!round.ok) {
            ++failures;
            problems.append(round.problem);
            reportFailedRound(QStringLiteral("ipc"), name, r + 1, round.problem);
            continue;
        }
        const double rate = double(round.opsTimed) / round.seconds;
        rateList.append(rate);
        rates.append(rate);
        seconds.append(round.seconds);
        opsTimed.append(round.opsTimed);
        if (roundTrip)
            roundTripUs.append(round.seconds * 1e6 / double(round.opsTimed));
    }
    QJsonObject result;
    result.insert(QLatin1StringView("case"), name);
    result.insert(QLatin1StringView("ops"), ops);
    result.insert(QLatin1StringView("repeat"), options.repeat);
    result.insert(QLatin1StringView("failures"), failures);
    result.insert(QLatin1StringView("observation"), true);
    result.insert(QLatin1StringView("observationBudget"), qint64(Shm::defaultObservationBudget));
    result.insert(QLatin1StringView("rate"), median(rateList)); // operations per second, median
    result.insert(QLatin1StringView("rates"), rates);
    result.insert(QLatin1StringView("seconds"), seconds);
    result.insert(QLatin1StringView("opsTimed"), opsTimed);
    if (roundTrip)
        result.insert(QLatin1StringView("roundTripUs"), roundTripUs);
    if (!problems.isEmpty())
        result.insert(QLatin1StringView("problems"), problems);
    printJsonLine(result);
    return failures ? 1 : 0;
}

} // namespace ProcessLab::Cli
