// SPDX-License-Identifier: MIT
// CPU and memory of a run's processes: the host's sampling (ResourceSampling) with real
// workers, the record's resource-sample events, and the summary's fold of them.
#include "testsupport.h"

#include "examples/hostscript.h"
#include "record/resourcesample.h"
#include "runtime/platform/processsampler.h"
#include "runtime/resourcesampling.h"

#include <QCoreApplication>
#include <QElapsedTimer>

using namespace ProcessLab;
using namespace ProcessLab::TestSupport;

namespace {

HostScript testScript(const QStringList &behaviours, const QList<QCborMap> &arguments = {})
{
    QList<WorkerSpec> workers;
    for (int i = 1; i <= behaviours.size(); ++i)
        workers.append({i, QStringLiteral("Worker %1").arg(i), behaviours.at(i - 1), arguments.value(i - 1)});
    return startAllThenJoinAll(workers);
}

QList<RunEvent> samplesOf(const RunRecord &record, int process)
{
    QList<RunEvent> samples;
    for (const RunEvent &event : record.events()) {
        if (event.kind == EventKind::ResourceSample && event.process == process)
            samples.append(event);
    }
    return samples;
}

qsizetype indexOfEnd(const RunRecord &record, int process)
{
    for (qsizetype i = 0; i < record.size(); ++i) {
        const RunEvent &event = record.events().at(i);
        if (event.kind == EventKind::StateChanged && event.process == process && isEndState(event.state))
            return i;
    }
    return -1;
}

qsizetype indexOfLastSample(const RunRecord &record, int process)
{
    for (qsizetype i = record.size() - 1; i >= 0; --i) {
        const RunEvent &event = record.events().at(i);
        if (event.kind == EventKind::ResourceSample && event.process == process)
            return i;
    }
    return -1;
}

RunEvent stateEvent(qint64 timeNs, int process, ProcessState state, qint64 pid = 0)
{
    return {.timeNs = timeNs, .kind = EventKind::StateChanged, .process = process, .state = state, .pid = pid, .text = {}};
}

RunEvent sampleEvent(qint64 timeNs, int process, qint64 permille, qint64 rss)
{
    return {.timeNs = timeNs, .kind = EventKind::ResourceSample, .process = process, .pid = 77,
            .count = permille, .sequence = rss, .text = {}};
}

} // namespace

class TestResourceSampling : public QObject
{
    Q_OBJECT
private slots:
    void permilleArithmetic_data();
    void permilleArithmetic();
    void summaryFoldsSamples();
    void workersAreSampled();
    void budgetSlowsTheRate();
    void sixtyFourProcessesPerTick();
    void pythonProcessesEndWithTheirOwnTotal();
};

void TestResourceSampling::permilleArithmetic_data()
{
    QTest::addColumn<qint64>("cpuNs");
    QTest::addColumn<qint64>("elapsedNs");
    QTest::addColumn<qint64>("permille");
    QTest::addColumn<qint64>("cpuNsBack");
    QTest::newRow("one core") << qint64(100'000'000) << qint64(100'000'000) << qint64(1000) << qint64(100'000'000);
    QTest::newRow("idle") << qint64(0) << qint64(100'000'000) << qint64(0) << qint64(0);
    QTest::newRow("a tick of 10 ms in 100") << qint64(10'000'000) << qint64(100'000'000) << qint64(100) << qint64(10'000'000);
    QTest::newRow("rounded half up") << qint64(1'500'000) << qint64(1'000'000'000) << qint64(2) << qint64(2'000'000);
    QTest::newRow("two threads") << qint64(200'000'000) << qint64(100'000'000) << qint64(2000) << qint64(200'000'000);
    QTest::newRow("no time") << qint64(5) << qint64(0) << qint64(0) << qint64(0);
    QTest::newRow("an hour of a core") << qint64(3'600'000'000'000) << qint64(3'600'000'000'000) << qint64(1000)
                                       << qint64(3'600'000'000'000);
}

void TestResourceSampling::permilleArithmetic()
{
    QFETCH(qint64, cpuNs);
    QFETCH(qint64, elapsedNs);
    QFETCH(qint64, permille);
    QFETCH(qint64, cpuNsBack);
    QCOMPARE(cpuPermille(cpuNs, elapsedNs), permille);
    QCOMPARE(cpuNsOfSample(permille, elapsedNs), cpuNsBack);
}

void TestResourceSampling::summaryFoldsSamples()
{
    RunSummaryBuilder builder;
    builder.consume({.timeNs = 0, .kind = EventKind::RunStarted, .text = {}});
    builder.consume({.timeNs = 0, .kind = EventKind::ProcessCreated, .process = 0, .text = QStringLiteral("Main")});
    builder.consume({.timeNs = 0, .kind = EventKind::ProcessCreated, .process = 1, .text = QStringLiteral("Worker 1")});
    builder.consume(stateEvent(1'000'000'000, 1, ProcessState::Starting));
    QCOMPARE(builder.summary().processes.at(1).cpuNs, qint64(-1)); // no sample: unknown, not 0
    QCOMPARE(builder.summary().processes.at(1).cpuMs(), -1.0);
    builder.consume(stateEvent(1'001'000'000, 1, ProcessState::Starting, 77));
    // The first sample counts from the Starting stamp: 500 per-mille over 100 ms = 50 ms.
    builder.consume(sampleEvent(1'100'000'000, 1, 500, 4096));
    QCOMPARE(builder.summary().processes.at(1).cpuNs, qint64(50'000'000));
    builder.consume(sampleEvent(1'300'000'000, 1, 1000, 8192)); // 200 ms of a core
    builder.consume(sampleEvent(1'300'500'000, 1, 2000, -1));   // the end: 1 ms more, memory unknown
    const ProcessSummary &worker = builder.summary().processes.at(1);
    QCOMPARE(worker.cpuNs, qint64(251'000'000));
    QCOMPARE(worker.cpuMs(), 251.0);
    QCOMPARE(worker.cpuPermille, qint64(2000));
    QCOMPARE(worker.residentBytes, qint64(8192)); // the last known
    QCOMPARE(worker.peakResidentBytes, qint64(8192));
    QCOMPARE(worker.resourceSamples, qint64(3));
    // Over its life so far (1 s to the last sample at 1.3005 s): 251 ms of 300.5 ms.
    QCOMPARE(worker.averageCpuPermille(0), qint64(835));
    QCOMPARE(worker.averageCpuPermille(2'001'000'000), qint64(251)); // now 1 s after its start
    QCOMPARE(builder.summary().processes.at(0).cpuNs, qint64(-1)); // Main is never sampled
    // The series the sparklines and the CPU lane draw: the same samples as spans.
    const ResourceSeries &series = builder.summary().resources;
    QCOMPARE(series.points(1),
             (QList<ResourcePoint>{{1'000'000'000, 1'100'000'000, 500, 4096},
                                   {1'100'000'000, 1'300'000'000, 1000, 8192},
                                   {1'300'000'000, 1'300'500'000, 2000, -1}}));
    QVERIFY(series.points(0).isEmpty());
    QCOMPARE(series.firstEndingAfter(1, 0), qsizetype(0));
    QCOMPARE(series.firstEndingAfter(1, 1'100'000'000), qsizetype(1));
    QCOMPARE(series.firstEndingAfter(1, 1'250'000'000), qsizetype(1));
    QCOMPARE(series.firstEndingAfter(1, 2'000'000'000), qsizetype(3));
}

void TestResourceSampling::workersAreSampled()
{
    if (!ProcessSampler::isAvailable())
        QSKIP("no process sampler on this platform");
    // One worker computes for 600 ms of CPU, one sleeps for 0.6 s.
    QCborMap compute;
    compute.insert(QLatin1StringView("cpuMs"), 600);
    QCborMap idle;
    idle.insert(QLatin1StringView("sleep"), 0.6);
    Run run(QStringLiteral("test"), {}, testScript({QStringLiteral("test.compute"), QStringLiteral("bench.idle")},
                                                   {compute, idle}));
    QVERIFY(runToEnd(run));
    QCOMPARE(run.exitCode(), 0);
    const RunSummary summary = summarize(run.record());
    QVERIFY(samplesOf(run.record(), mainProcessId).isEmpty()); // the host itself is not sampled
    for (int id : {1, 2}) {
        const QList<RunEvent> samples = samplesOf(run.record(), id);
        const ProcessSummary &process = summary.processes.at(id);
        QVERIFY2(samples.size() >= 2, qPrintable(QStringLiteral("worker %1: %2 samples").arg(id).arg(samples.size())));
        for (const RunEvent &sample : samples) {
            QCOMPARE(sample.pid, process.pid);
            QVERIFY(sample.count >= 0);
        }
        // Memory known while it ran; the last sample (after the exit: memory unknown) comes
        // before the process's end, and the end is after it was sampled.
        QVERIFY(process.peakResidentBytes > 0);
        QCOMPARE(samples.constLast().sequence, qint64(-1));
        QVERIFY(indexOfLastSample(run.record(), id) < indexOfEnd(run.record(), id));
        QVERIFY(samples.constFirst().timeNs > process.startingNs);
        QVERIFY(samples.constLast().timeNs <= process.endNs);
    }
    // The exact total from the platform once it ended: at least what it computed, and not much
    // more (its start-up and exit).
    const ProcessSummary &computeWorker = summary.processes.at(1);
    const ProcessSummary &idleWorker = summary.processes.at(2);
    qInfo("compute worker: %.1f ms of CPU, idle worker: %.1f ms", computeWorker.cpuMs(), idleWorker.cpuMs());
    QVERIFY2(computeWorker.cpuMs() >= 590 && computeWorker.cpuMs() < 1500, qPrintable(QString::number(computeWorker.cpuMs())));
    QVERIFY2(idleWorker.cpuMs() >= 0 && idleWorker.cpuMs() < 200, qPrintable(QString::number(idleWorker.cpuMs())));
    QVERIFY(allGone(workerPids(run.record())));
}

void TestResourceSampling::budgetSlowsTheRate()
{
    if (!ProcessSampler::isAvailable())
        QSKIP("no process sampler on this platform");
    // This test process stands for a worker: it can be read. Times are the test's own.
    QList<RunEvent> recorded;
    ResourceSampling sampling([&recorded](RunEvent event) { recorded.append(std::move(event)); });
    sampling.setSampleBudget(5);
    const qint64 pid = QCoreApplication::applicationPid();
    const qint64 ms = 1'000'000;
    sampling.observe(stateEvent(0, 1, ProcessState::Starting));
    sampling.observe(stateEvent(1 * ms, 1, ProcessState::Starting, pid));
    QCOMPARE(sampling.trackedCount(), 1);
    sampling.sampleNow(30 * ms); // too soon after its start: waits
    QCOMPARE(recorded.size(), 0);
    qint64 now = 0;
    for (int i = 1; i <= 5; ++i)
        sampling.sampleNow(now = i * 100 * ms);
    QCOMPARE(recorded.size(), 5);
    QCOMPARE(sampling.interval(), std::chrono::milliseconds(200)); // the budget used up: half the rate
    sampling.sampleNow(now += 90 * ms); // under half of 200 ms: not yet
    QCOMPARE(recorded.size(), 5);
    sampling.sampleNow(now += 110 * ms);
    QCOMPARE(recorded.size(), 6);
    for (const RunEvent &event : std::as_const(recorded)) {
        QCOMPARE(event.kind, EventKind::ResourceSample);
        QCOMPARE(event.process, 1);
        QCOMPARE(event.pid, pid);
        QVERIFY(event.sequence > 0);
    }
    // Its end (here: it did not end, the platform cannot say) still records a last sample.
    sampling.processExited(1, now += 100 * ms);
    QCOMPARE(recorded.size(), 7);
    QCOMPARE(recorded.constLast().sequence, qint64(-1));
    QCOMPARE(sampling.trackedCount(), 0);
    sampling.sampleNow(now += 500 * ms);
    QCOMPARE(recorded.size(), 7);
}

void TestResourceSampling::sixtyFourProcessesPerTick()
{
    if (!ProcessSampler::isAvailable())
        QSKIP("no process sampler on this platform");
    // 64 sleeping workers; then ticks of the sampler are timed on their own.
    QCborMap idle;
    idle.insert(QLatin1StringView("sleep"), 3600.0);
    QStringList behaviours;
    QList<QCborMap> arguments;
    for (int i = 0; i < 64; ++i) {
        behaviours.append(QStringLiteral("bench.idle"));
        arguments.append(idle);
    }
    Run run(QStringLiteral("test"), {}, testScript(behaviours, arguments));
    run.setWorkerProgram(workerPath());
    run.start();
    const auto runningWorkers = [&run] {
        const RunSummary summary = summarize(run.record());
        return std::count_if(summary.processes.cbegin(), summary.processes.cend(), [](const ProcessSummary &p) {
            return p.id != mainProcessId && p.state == ProcessState::Running && p.pid != 0;
        });
    };
    QTRY_VERIFY_WITH_TIMEOUT(runningWorkers() == 64, 120000);
    QList<qint64> pids;
    for (const ProcessSummary &p : summarize(run.record()).processes) {
        if (p.id != mainProcessId)
            pids.append(p.pid);
    }
    QCOMPARE(pids.size(), 64);
    QList<RunEvent> recorded;
    ResourceSampling sampling([&recorded](RunEvent event) { recorded.append(std::move(event)); });
    for (int i = 0; i < pids.size(); ++i)
        sampling.observe(stateEvent(0, i + 1, ProcessState::Starting, pids.at(i)));
    QList<qint64> tickNs;
    for (int tick = 1; tick <= 50; ++tick) {
        QElapsedTimer timer;
        timer.start();
        sampling.sampleNow(qint64(tick) * 100'000'000);
        tickNs.append(timer.nsecsElapsed());
    }
    QCOMPARE(recorded.size(), 64 * 50);
    std::sort(tickNs.begin(), tickNs.end());
    qInfo("64 processes per tick: median %.3f ms, max %.3f ms", tickNs.at(tickNs.size() / 2) / 1e6,
          tickNs.constLast() / 1e6);
    // Well under a millisecond on an idle machine; generous on a busy one.
    QVERIFY2(tickNs.at(tickNs.size() / 2) < 10'000'000, "median tick over 10 ms");
    run.stop();
    QSignalSpy finished(&run, &Run::finished);
    QVERIFY(run.status() == Run::Status::Finished || finished.wait(60000));
    QVERIFY(allGone(pids));
}

// A Python run: the main interpreter (process 0) is sampled too, and a process the host did not
// reap ends with the largest of its readings and the total it reported itself, if possible.
void TestResourceSampling::pythonProcessesEndWithTheirOwnTotal()
{
    if (!ProcessSampler::isAvailable())
        QSKIP("no process sampler on this platform");
    const qint64 pid = QCoreApplication::applicationPid();
    const qint64 ms = 1'000'000;
    QList<RunEvent> recorded;
    ResourceSampling native([&recorded](RunEvent event) { recorded.append(std::move(event)); });
    native.observe(stateEvent(0, mainProcessId, ProcessState::Starting, pid));
    QCOMPARE(native.trackedCount(), 0); // a native run's main is the host: never sampled

    ResourceSampling sampling([&recorded](RunEvent event) { recorded.append(std::move(event)); });
    sampling.setSamplesMain(true);
    sampling.observe(stateEvent(0, mainProcessId, ProcessState::Starting, pid));
    sampling.observe(stateEvent(0, 1, ProcessState::Starting, pid));
    QCOMPARE(sampling.trackedCount(), 2);
    sampling.sampleNow(100 * ms);
    QCOMPARE(recorded.size(), 2);
    const auto cpuOf = [&recorded](int process) {
        qint64 total = 0;
        qint64 previous = 0;
        for (const RunEvent &event : std::as_const(recorded)) {
            if (event.process == process) {
                total += cpuNsOfSample(event.count, event.timeNs - previous);
                previous = event.timeNs;
            }
        }
        return total;
    };
    const qint64 readNs = cpuOf(mainProcessId);
    // Reported a little more than read (its exit's work): the samples add up to it.
    const qint64 reportedNs = std::max<qint64>(readNs, ProcessSampler().read(pid).value_or(ProcessUsage{}).cpuNs) + 30 * ms;
    sampling.processEnded(mainProcessId, 200 * ms, reportedNs);
    QVERIFY2(std::abs(cpuOf(mainProcessId) - reportedNs) < 1 * ms,
             qPrintable(QStringLiteral("%1 vs %2").arg(cpuOf(mainProcessId)).arg(reportedNs)));
    QCOMPARE(recorded.constLast().sequence, qint64(-1));
    // Impossible (more than every core for the whole stretch): the reading wins.
    sampling.processEnded(1, 200 * ms, qint64(1'000'000) * 1'000'000'000);
    QVERIFY(cpuOf(1) < 10'000 * ms);
    QCOMPARE(sampling.trackedCount(), 0);
    sampling.sampleNow(400 * ms);
    QCOMPARE(recorded.size(), 4);
}

QTEST_GUILESS_MAIN(TestResourceSampling)
#include "tst_resourcesampling.moc"
