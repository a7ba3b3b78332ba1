// SPDX-License-Identifier: MIT
#include "benchcommand.h"

#include "benchsupport.h"
#include "cliarguments.h"

#include "record/runsummary.h"
#include "runtime/run.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

namespace ProcessLab::Cli {

namespace {

struct Round
{
    double firstReadyMs = 0;
    double allReadyMs = 0;
    QList<double> perWorkerMs;
    bool ok = false;
};

Round spawnRound(int workers)
{
    Run run(QStringLiteral("bench-spawn"), {}, startAllThenJoinAll(workers, QStringLiteral("bench.noop")));
    runToEnd(run);

    Round round;
    round.ok = run.exitCode() == 0;
    const RunSummary summary = summarize(run.record());
    qint64 firstStart = 0, firstReady = 0, lastReady = 0;
    for (const ProcessSummary &p : summary.processes) {
        if (p.id == mainProcessId || !p.readyNs)
            continue;
        round.perWorkerMs.append(p.spawnToReadyMs());
        firstStart = firstStart ? qMin(firstStart, p.startingNs) : p.startingNs;
        firstReady = firstReady ? qMin(firstReady, p.readyNs) : p.readyNs;
        lastReady = qMax(lastReady, p.readyNs);
    }
    round.ok = round.ok && round.perWorkerMs.size() == workers;
    round.firstReadyMs = (firstReady - firstStart) / 1e6;
    round.allReadyMs = (lastReady - firstStart) / 1e6;
    return round;
}

qint64 pssKiB(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/smaps_rollup").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith("Pss:"))
            return line.mid(4).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

QJsonArray idleMemory(int workers)
{
    Run run(QStringLiteral("bench-memory"), {}, startAllThenJoinAll(workers, QStringLiteral("bench.idle")));
    QEventLoop loop;
    int idle = 0;
    QObject::connect(&run, &Run::eventRecorded, &loop, [&](const RunEvent &event) {
        if (event.kind == EventKind::WorkerTrace && ++idle == workers)
            QTimer::singleShot(300, &loop, &QEventLoop::quit); // let the worker settle
    });
    QTimer::singleShot(0, &run, &Run::start);
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    loop.exec();

    QJsonArray pss;
    for (const ProcessSummary &p : summarize(run.record()).processes) {
        if (p.id != mainProcessId && p.pid)
            pss.append(pssKiB(p.pid));
    }
    QObject::connect(&run, &Run::finished, &loop, &QEventLoop::quit);
    run.stop();
    if (run.status() != Run::Status::Finished)
        loop.exec();
    return pss;
}

} // namespace

int runSpawnBench(QCoreApplication &app, const BenchOptions &options)
{
    Q_UNUSED(app);
    spawnRound(options.workers); // warm-up: page cache, first QLocalServer
    QList<double> first, all, perWorker;
    int failures = 0;
    for (int r = 0; r < options.repeat; ++r) {
        const Round round = spawnRound(options.workers);
        if (!round.ok) {
            ++failures;
            continue;
        }
        first.append(round.firstReadyMs);
        all.append(round.allReadyMs);
        perWorker.append(round.perWorkerMs);
    }
    QJsonObject result;
    result.insert(QLatin1StringView("workers"), options.workers);
    result.insert(QLatin1StringView("repeat"), options.repeat);
    result.insert(QLatin1StringView("failures"), failures);
    result.insert(QLatin1StringView("firstReadyMs"), toJsonArray(first));
    result.insert(QLatin1StringView("allReadyMs"), toJsonArray(all));
    result.insert(QLatin1StringView("perWorkerMs"), toJsonArray(perWorker));
    if (options.memory)
        result.insert(QLatin1StringView("idlePssKiB"), idleMemory(options.workers));
    printJsonLine(result);
    return failures ? 1 : 0;
}

} // namespace ProcessLab::Cli
