// SPDX-License-Identifier: MIT
// Runs with the real processlab-worker: example output, failures, stop, protocol abuse.
#include "testscriptobject.h"
#include "testsupport.h"

#include "examples/exampleregistry.h"
#include "protocol/monotonicclock.h"
#include "protocol/protocol.h"
#include "runtime/protocolqt.h"

#include <QElapsedTimer>
#include <QLocalSocket>
#include <QRegularExpression>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>
#endif

using namespace ProcessLab;
using namespace ProcessLab::TestSupport;

namespace {

std::unique_ptr<Run> exampleRun(const QString &id, int workers, double sleepSeconds)
{
    const ExampleDefinition *example = ExampleRegistry::find(id);
    QString error;
    const auto knobs = resolveKnobs(example->knobs,
                                    {{QStringLiteral("workers"), workers}, {QStringLiteral("sleep"), sleepSeconds}},
                                    &error);
    return Run::create(*example, *knobs);
}

// A script that starts the given behaviours (one worker each) and joins them all.
HostScript testScript(const QStringList &behaviours, const QList<QCborMap> &arguments = {})
{
    QList<WorkerSpec> workers;
    for (int i = 1; i <= behaviours.size(); ++i)
        workers.append({i, QStringLiteral("Worker %1").arg(i), behaviours.at(i - 1), arguments.value(i - 1)});
    HostScript script = startAllThenJoinAll(workers);
    script.steps.append({ScriptStep::Kind::Print, 0, QStringLiteral("done"), 0, {}, {}});
    return script;
}

const ProcessSummary &worker(const RunSummary &summary, int id)
{
    return summary.processes.at(id);
}

} // namespace

class TestRun : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void examples_data();
    void examples();
    void crashIsReported();
    void exitCodeIsReported();
    void chineseSplitAcrossReads();
    void lastLineWithoutNewline();
    void stopEndsEveryWorker();
    void stopKillsWorkerThatIgnoresIt();
    void workersDyingDuringStopAreReadQuietly();
    void stopBeforeWorkersStart();
    void stopEndsMainAsStopped();
    void workerThatNeverConnectsFails_data();
    void workerThatNeverConnectsFails();
    void shippedWorkerRefusesTestBehaviours();
    void startFailingAtOnceSkipsNoStep();
    void startStepsAreTimedAlone();
    void pausedTimeIsNotChargedToAStep();
    void readyIsWhenTheWorkerSaidHello();
    void pythonExitCodes();
    void badFrameClosesConnection_data();
    void badFrameClosesConnection();
    void foreignConnectionsRefused_data();
    void foreignConnectionsRefused();
    void unknownBehaviourFails();
    void missingWorkerIsAClearError();
    void stepModeAdvancesOnRequest();
    void floodCountsEveryLine();
    void notifiesCompleteAPendingCall();
    void workerRequestIsAnswered_data();
    void workerRequestIsAnswered();
    void hostRequestsReachTheWorker();
};

void TestRun::init()
{
    // Workers dying while the host reads their connection must not make Qt complain.
    QTest::failOnWarning(QRegularExpression(QStringLiteral("device not open")));
}

void TestRun::examples_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("workers");
    for (const char *id : {"process", "subclass"}) {
        for (const int n : {1, 2, 8})
            QTest::addRow("%s-%d", id, n) << QString::fromLatin1(id) << n;
    }
}

void TestRun::examples()
{
    QFETCH(QString, id);
    QFETCH(int, workers);
    constexpr double sleepSeconds = 0.6;
    auto run = exampleRun(id, workers, sleepSeconds);
    QElapsedTimer elapsed;
    elapsed.start();
    QVERIFY(runToEnd(*run));
    const qint64 wallMs = elapsed.elapsed();
    QCOMPARE(run->exitCode(), 0);

    const QStringList lines = outputLines(run->record());
    QStringList expected;
    for (int i = 1; i <= workers; ++i)
        expected << QStringLiteral("Worker %1 started").arg(i) << QStringLiteral("Worker %1 finished").arg(i);
    expected << QStringLiteral("All processes finished");
    QStringList sorted = lines;
    sorted.sort();
    expected.sort();
    QCOMPARE(sorted, expected);
    QCOMPARE(lines.constLast(), QStringLiteral("All processes finished"));
    for (int i = 1; i <= workers; ++i) {
        QVERIFY(lines.indexOf(QStringLiteral("Worker %1 started").arg(i))
                < lines.indexOf(QStringLiteral("Worker %1 finished").arg(i)));
        QCOMPARE(outputLines(run->record(), i).size(), 2);
    }
    QVERIFY(outputLines(run->record(), -2, OutputStream::StdErr).isEmpty());

    // Parallel: about one sleep, far from workers x sleep.
    QVERIFY2(wallMs >= sleepSeconds * 1000, qPrintable(QString::number(wallMs)));
    QVERIFY2(wallMs < sleepSeconds * 1000 + 5000, qPrintable(QString::number(wallMs)));
    const RunSummary summary = summarize(run->record());
    QCOMPARE(summary.processes.size(), workers + 1);
    for (int i = 1; i <= workers; ++i) {
        QCOMPARE(worker(summary, i).state, ProcessState::Finished);
        QVERIFY(worker(summary, i).spawnToReadyMs() > 0);
        QVERIFY(worker(summary, i).runMs() >= sleepSeconds * 1000);
    }
    QVERIFY(hasEvent(run->record(), EventKind::WorkerTrace, QStringLiteral("finished")));
    QVERIFY(allGone(workerPids(run->record())));
}

void TestRun::crashIsReported()
{
    Run run(QStringLiteral("test"), {}, testScript({QStringLiteral("test.crash"), QStringLiteral("bench.noop")}));
    QVERIFY(runToEnd(run));
    QCOMPARE(run.exitCode(), 1);
    const RunSummary summary = summarize(run.record());
    QCOMPARE(worker(summary, 1).state, ProcessState::Failed);
    QCOMPARE(worker(summary, 1).exitSignal, SIGABRT);
    QCOMPARE(worker(summary, 1).pythonExitCode(), -SIGABRT);
    QCOMPARE(worker(summary, 1).exitSignalName(), QStringLiteral("SIGABRT"));
    QVERIFY(worker(summary, 1).detail.contains(QStringLiteral("crashed")));
    QCOMPARE(summary.processes.at(0).state, ProcessState::Finished); // Main ran to its end
    QVERIFY(summary.processes.at(0).detail.contains(QStringLiteral("Worker 1")));
    QCOMPARE(worker(summary, 2).state, ProcessState::Finished);
    QCOMPARE(outputLines(run.record(), 1),
             (QStringList{QStringLiteral("about to crash"), QStringLiteral("last words without newline")}));
    QCOMPARE(outputLines(run.record(), 0), QStringList{QStringLiteral("done")}); // the host carried on
    QVERIFY(allGone(workerPids(run.record())));
}

void TestRun::exitCodeIsReported()
{
    QCborMap args;
    args.insert(QLatin1StringView("code"), 3);
    Run run(QStringLiteral("test"), {}, testScript({QStringLiteral("test.exit-code")}, {args}));
    QVERIFY(runToEnd(run));
    QCOMPARE(run.exitCode(), 1);
    const ProcessSummary p = worker(summarize(run.record()), 1);
    QCOMPARE(p.state, ProcessState::Failed);
    QCOMPARE(p.exitCode, 3);
    QCOMPARE(p.exitSignal, 0);
}

void TestRun::chineseSplitAcrossReads()
{
    Run run(QStringLiteral("test"), {}, testScript({QStringLiteral("test.split-utf8")}));
    QVERIFY(runToEnd(run));
    QCOMPARE(run.exitCode(), 0);
    QCOMPARE(outputLines(run.record(), 1), QStringList{QStringLiteral("进程间通信")});
    QCOMPARE(outputLines(run.record(), 1, OutputStream::StdErr), QStringList{QStringLiteral("标准错误输出")});
}

void TestRun::lastLineWithoutNewline()
{
    Run run(QStringLiteral("test"), {}, testScript({QStringLiteral("test.no-newline")}));
    QVERIFY(runToEnd(run));
    QCOMPARE(outputLines(run.record(), 1), QStringList{QStringLiteral("no newline at the end")});
}

// Stop is Python's Process.terminate(): SIGTERM, and the worker ends with exit code -15.
// A cooperative worker dies of the SIGTERM itself, long before SIGKILL would come.
void TestRun::stopEndsEveryWorker()
{
    auto run = exampleRun(QStringLiteral("process"), 4, 30.0);
    run->setWorkerProgram(workerPath());
    QSignalSpy finished(run.get(), &Run::finished);
    run->start();
    QVERIFY(QTest::qWaitFor([&] { return outputLines(run->record()).size() == 4; }, 30000));
    const QList<qint64> pids = workerPids(run->record());
    QCOMPARE(pids.size(), 4);
    run->stop();
    QVERIFY(run->status() == Run::Status::Finished || finished.wait(30000));
    QCOMPARE(run->exitCode(), 1);
    const RunSummary summary = summarize(run->record());
    for (int i = 1; i <= 4; ++i) {
        const ProcessSummary &p = worker(summary, i);
        QCOMPARE(p.state, ProcessState::Killed);
#ifdef Q_OS_UNIX
        QCOMPARE(p.exitSignal, SIGTERM);
        QCOMPARE(p.pythonExitCode(), -SIGTERM);
        QCOMPARE(p.exitSignalName(), QStringLiteral("SIGTERM"));
        QCOMPARE(p.detail, QStringLiteral("stopped by the user (SIGTERM)"));
#endif
    }
    QVERIFY(!outputLines(run->record()).contains(QStringLiteral("All processes finished")));
    QVERIFY(allGone(pids));
}

// As when a terminal's Ctrl+C reached the workers too: they die while the host stops them.
// Reading their closed connections must not warn "device not open" (see init()).
void TestRun::workersDyingDuringStopAreReadQuietly()
{
    constexpr int workers = 8;
    Run run(QStringLiteral("test"), {}, testScript(QStringList(workers, QStringLiteral("bench.idle"))));
    run.setWorkerProgram(workerPath());
    QSignalSpy finished(&run, &Run::finished);
    run.start();
    QVERIFY(QTest::qWaitFor([&] {
        return std::count_if(run.record().events().cbegin(), run.record().events().cend(),
                                [](const RunEvent &e) { return e.kind == EventKind::WorkerTrace; }) == workers;
    }, 30000));
    const QList<qint64> pids = workerPids(run.record());
    QCOMPARE(pids.size(), workers);
    for (const qint64 pid : pids)
        QVERIFY(killProcess(pid));
    run.stop();
    QVERIFY(run.status() == Run::Status::Finished || finished.wait(30000));
    const RunSummary summary = summarize(run.record());
    for (int i = 1; i <= workers; ++i)
        QCOMPARE(worker(summary, i).state, ProcessState::Killed);
    QVERIFY(allGone(pids));
}

// A worker that ignores SIGTERM gets SIGKILL, but only after the grace period.
void TestRun::stopKillsWorkerThatIgnoresIt()
{
#ifndef Q_OS_UNIX
    QSKIP("ignoring SIGTERM is Unix; Windows' TerminateProcess cannot be ignored");
#else
    Run run(QStringLiteral("test"), {}, testScript({QStringLiteral("test.stubborn")}));
    run.setWorkerProgram(workerPath());
    QSignalSpy finished(&run, &Run::finished);
    run.start();
    QVERIFY(QTest::qWaitFor([&] { return !outputLines(run.record(), 1).isEmpty(); }, 30000));
    const qint64 stopNs = monotonicNowNs();
    run.stop();
    QVERIFY(finished.wait(30000));
    const ProcessSummary p = worker(summarize(run.record()), 1);
    QCOMPARE(p.state, ProcessState::Killed);
    QCOMPARE(p.exitSignal, SIGKILL); // SIGTERM was ignored; SIGKILL is not
    QCOMPARE(p.pythonExitCode(), -SIGKILL);
    QCOMPARE(p.detail, QStringLiteral("stopped by the user (SIGKILL)"));
    const auto graceNs = std::chrono::nanoseconds(WorkerProcess::terminateGrace).count();
    QVERIFY2(p.endNs - stopNs >= graceNs, qPrintable(QString::number((p.endNs - stopNs) / 1e6)));
    QVERIFY(allGone(workerPids(run.record())));
#endif
}

void TestRun::stopBeforeWorkersStart()
{
    auto run = exampleRun(QStringLiteral("process"), 3, 5.0);
    run->setWorkerProgram(workerPath());
    run->setStepMode(true);
    QSignalSpy finished(run.get(), &Run::finished);
    run->start();
    run->step(); // creates worker 1 only
    run->stop();
    QVERIFY(run->status() == Run::Status::Finished || finished.wait(30000));
    const RunSummary summary = summarize(run->record());
    QCOMPARE(summary.processes.size(), 2);
    QCOMPARE(worker(summary, 1).state, ProcessState::Killed);
    QCOMPARE(worker(summary, 1).pid, 0);
    QCOMPARE(worker(summary, 1).pythonExitCode(), std::nullopt); // it never ran
}

// Main is played by the host: stopped, it has no exit code; ran to the end, neither.
void TestRun::stopEndsMainAsStopped()
{
    auto run = exampleRun(QStringLiteral("process"), 2, 30.0);
    run->setWorkerProgram(workerPath());
    QSignalSpy finished(run.get(), &Run::finished);
    run->start();
    QVERIFY(QTest::qWaitFor([&] { return outputLines(run->record()).size() == 2; }, 30000));
    run->stop();
    QVERIFY(run->status() == Run::Status::Finished || finished.wait(30000));
    const RunSummary summary = summarize(run->record());
    const ProcessSummary &main = summary.processes.at(0);
    QCOMPARE(main.state, ProcessState::Killed);
    QCOMPARE(main.detail, QStringLiteral("stopped by the user"));
    QVERIFY(!main.hasExitStatus);
    QCOMPARE(main.pythonExitCode(), std::nullopt);
    QCOMPARE(main.exitSignalName(), QString());
    QCOMPARE(summary.finishReason, QStringLiteral("stopped by the user"));

    auto ok = exampleRun(QStringLiteral("process"), 1, 0);
    QVERIFY(runToEnd(*ok));
    const ProcessSummary okMain = summarize(ok->record()).processes.at(0);
    QCOMPARE(okMain.state, ProcessState::Finished);
    QCOMPARE(okMain.pythonExitCode(), std::nullopt);
    QCOMPARE(okMain.detail, QString());
}

// A worker that ends without ever saying hello (PROCESSLAB_WORKER=/bin/true) or never says
// it has failed, and so has the run; the bound on the hello is honoured.
void TestRun::workerThatNeverConnectsFails_data()
{
    QTest::addColumn<QByteArray>("hook");
    QTest::addColumn<QString>("detail");
    QTest::newRow("exits") << QByteArray("exit") << QStringLiteral("exited with code 0 without ever connecting");
    QTest::newRow("hangs") << QByteArray("hang") << QStringLiteral("did not connect to the host within 0.5 s");
}

void TestRun::workerThatNeverConnectsFails()
{
    QFETCH(QByteArray, hook);
    QFETCH(QString, detail);
    Run run(QStringLiteral("test"), {}, testScript({QStringLiteral("bench.noop")}));
    run.setHelloTimeout(std::chrono::milliseconds(500));
    qputenv("PROCESSLAB_TEST_BEFORE_HELLO", hook);
    run.setWorkerProgram(workerPath());
    QSignalSpy finished(&run, &Run::finished);
    run.start(); // the workers' environment is taken here
    qunsetenv("PROCESSLAB_TEST_BEFORE_HELLO");
    QVERIFY(run.status() == Run::Status::Finished || finished.wait(30000));
    QCOMPARE(run.exitCode(), 1);
    const RunSummary summary = summarize(run.record());
    const ProcessSummary &p = worker(summary, 1);
    QCOMPARE(p.state, ProcessState::Failed);
    QVERIFY2(p.detail.contains(detail), qPrintable(p.detail));
    QCOMPARE(p.readyNs, 0);
    QCOMPARE(summary.finishReason, QStringLiteral("failed: Worker 1"));
    QCOMPARE(outputLines(run.record(), 0), QStringList{QStringLiteral("done")});
    QVERIFY(allGone(workerPids(run.record())));
}

void TestRun::shippedWorkerRefusesTestBehaviours()
{
    Run run(QStringLiteral("test"), {}, testScript({QStringLiteral("test.crash"), QStringLiteral("bench.noop")}));
    QSignalSpy finished(&run, &Run::finished);
    run.setWorkerProgram(shippedWorkerPath());
    run.start();
    QVERIFY(run.status() == Run::Status::Finished || finished.wait(30000));
    const RunSummary summary = summarize(run.record());
    QCOMPARE(worker(summary, 1).state, ProcessState::Failed);
    QCOMPARE(worker(summary, 1).exitCode, int(Protocol::ExitUnknownBehaviour));
    const QStringList err = outputLines(run.record(), 1, OutputStream::StdErr);
    QCOMPARE(err.size(), 1);
    QVERIFY2(err.constFirst().contains(QStringLiteral("unknown behaviour 'test.crash'")), qPrintable(err.constFirst()));
    QVERIFY(err.constFirst().contains(QStringLiteral("processlab-test-worker")));
    QVERIFY(outputLines(run.record(), 1).isEmpty()); // it did not crash: it refused
    QCOMPARE(worker(summary, 2).state, ProcessState::Finished);
}

// QProcess::start() can fail synchronously (here: no file descriptor left for its pipes).
// That ends the worker inside the Start step; the run must go on with the very next step.
void TestRun::startFailingAtOnceSkipsNoStep()
{
#ifndef Q_OS_UNIX
    QSKIP("exhausting file descriptors with RLIMIT_NOFILE is Unix");
#else
    auto run = exampleRun(QStringLiteral("process"), 2, 0.2);
    run->setWorkerProgram(workerPath());
    run->setStepMode(true);
    QSignalSpy finished(run.get(), &Run::finished);
    run->start();
    run->step(); // create 1
    run->step(); // create 2
    QCOMPARE(run->currentStep(), 2);

    rlimit saved{};
    QCOMPARE(::getrlimit(RLIMIT_NOFILE, &saved), 0);
    const int lowestFree = ::fcntl(0, F_DUPFD, 0); // every descriptor below it is taken
    QVERIFY(lowestFree > 0);
    ::close(lowestFree);
    rlimit none = saved;
    none.rlim_cur = rlim_t(lowestFree); // no new descriptor can be made
    QCOMPARE(::setrlimit(RLIMIT_NOFILE, &none), 0);
    run->step(); // start 1: fails inside QProcess::start()
    QCOMPARE(::setrlimit(RLIMIT_NOFILE, &saved), 0);

    QCOMPARE(worker(summarize(run->record()), 1).state, ProcessState::Failed);
    QCOMPARE(run->currentStep(), 3); // process2.start() is next, not skipped
    QCOMPARE(worker(summarize(run->record()), 2).state, ProcessState::Created);
    run->setStepMode(false);
    QVERIFY(run->status() == Run::Status::Finished || finished.wait(30000));
    const RunSummary summary = summarize(run->record());
    QCOMPARE(worker(summary, 2).state, ProcessState::Finished);
    QCOMPARE(summary.steps.size(), run->script().steps.size()); // every statement ran once
    QCOMPARE(outputLines(run->record(), 0), QStringList{QStringLiteral("All processes finished")});
    QCOMPARE(run->exitCode(), 1);
#endif
}

// The record shows what the processes did, not ProcessLab's scheduling: each start() step
// begins exactly when its worker's Starting state does, and Main's time in it is only that
// worker's QProcess::start(): nothing the host did for another process falls inside it.
void TestRun::startStepsAreTimedAlone()
{
    constexpr int workers = 16;
    Run run(QStringLiteral("test"), {}, testScript(QStringList(workers, QStringLiteral("bench.noop"))));
    QVERIFY(runToEnd(run));
    QCOMPARE(run.exitCode(), 0);
    const RunSummary summary = summarize(run.record());
    QCOMPARE(summary.steps.size(), run.script().steps.size());
    QList<const StepTiming *> starts;
    for (qsizetype k = 0; k < summary.steps.size(); ++k) {
        if (run.script().steps.at(k).kind == ScriptStep::Kind::Start)
            starts.append(&summary.steps.at(k));
    }
    QCOMPARE(starts.size(), workers);
    for (int i = 1; i <= workers; ++i) {
        const StepTiming &step = *starts.at(i - 1);
        const ProcessSummary &p = worker(summary, i);
        QVERIFY(step.endNs >= step.beginNs);
        QVERIFY2(qAbs(step.beginNs - p.startingNs) <= 1'000'000,
                 qPrintable(QStringLiteral("worker %1: step %2 ns, starting %3 ns").arg(i).arg(step.beginNs).arg(p.startingNs)));
        for (const RunEvent &event : run.record().events()) {
            const bool workerClock = event.kind == EventKind::WorkerTrace
                                     || (event.kind == EventKind::StateChanged && event.state == ProcessState::Ready);
            if (workerClock || event.process == mainProcessId || event.process == i)
                continue; // traces and Ready carry the worker's own clock; Main and this worker belong here
            QVERIFY2(event.timeNs < step.beginNs || event.timeNs > step.endNs,
                     qPrintable(QStringLiteral("%1 of process %2 inside worker %3's start()")
                                    .arg(eventKindName(event.kind))
                                    .arg(event.process)
                                    .arg(i)));
        }
    }
}

// In step mode the wait for the user belongs to no statement: line 12's statement ends when
// it returned, the pause is recorded as such, and the next statement starts when it starts.
void TestRun::pausedTimeIsNotChargedToAStep()
{
    auto run = exampleRun(QStringLiteral("process"), 1, 0);
    run->setWorkerProgram(workerPath());
    run->setStepMode(true);
    QSignalSpy finished(run.get(), &Run::finished);
    run->start();
    run->step(); // create
    run->step(); // start
    // A real pause: wait until the worker has printed (a condition that takes real time).
    QVERIFY(QTest::qWaitFor([&] { return outputLines(run->record(), 1).size() == 2; }, 30000));
    const qint64 beforeStepNs = monotonicNowNs();
    run->setStepMode(false);
    QVERIFY(run->status() == Run::Status::Finished || finished.wait(30000));

    const RunSummary summary = summarize(run->record());
    QCOMPARE(summary.steps.size(), run->script().steps.size());
    const StepTiming &startStep = summary.steps.at(1);
    const StepTiming &joinStep = summary.steps.at(2);
    QVERIFY(startStep.text.contains(QStringLiteral("start")));
    QVERIFY(startStep.endNs > 0 && startStep.endNs < beforeStepNs); // returned before the pause
    QVERIFY(joinStep.beginNs >= beforeStepNs);                       // began when it really began
    // The pause before the join is recorded and covers the wait.
    QVERIFY(!summary.pauses.isEmpty());
    const PauseInterval &pause = summary.pauses.constLast();
    QVERIFY(pause.beginNs >= startStep.endNs);
    QCOMPARE(pause.endNs, joinStep.beginNs);
    QVERIFY(pause.endNs - pause.beginNs >= beforeStepNs - startStep.endNs);
    QVERIFY(summary.pausedMs() > 0);
}

// A busy host (a GUI painting 64 rows) reads a worker's hello late: Ready is stamped when
// the worker said hello, so spawn->ready is what the worker did, in every view.
void TestRun::readyIsWhenTheWorkerSaidHello()
{
    // On a loaded machine the worker may take longer than the busy spell to say hello; then
    // the spell proves nothing and a longer one is tried.
    for (const int busyMs : {200, 1000, 5000}) {
        auto run = exampleRun(QStringLiteral("process"), 1, 0);
        run->setWorkerProgram(workerPath());
        run->setStepMode(true);
        QSignalSpy finished(run.get(), &Run::finished);
        run->start();
        run->step(); // create
        run->step(); // start: QProcess::start() returns, the worker is Starting
        QVERIFY(worker(summarize(run->record()), 1).startingNs != 0);
        // Block the event loop: the worker connects and says hello meanwhile, unread.
        QElapsedTimer busy;
        busy.start();
        while (busy.elapsed() < busyMs) {
        }
        const qint64 busyEndNs = monotonicNowNs();
        QVERIFY(QTest::qWaitFor(
            [&] { return worker(summarize(run->record()), 1).runningNs != 0; }, 30000));
        run->setStepMode(false);
        QVERIFY(run->status() == Run::Status::Finished || finished.wait(30000));
        QCOMPARE(run->exitCode(), 0);
        const ProcessSummary p = worker(summarize(run->record()), 1);
        QVERIFY(p.runningNs >= busyEndNs); // the host read the hello after the busy spell
        if (p.readyNs > busyEndNs)
            continue; // the worker said hello after the spell: try a longer one
        QVERIFY2(p.readyNs >= p.startingNs, qPrintable(QString::number(p.readyNs - p.startingNs)));
        QVERIFY2(p.spawnToReadyMs() < busyMs, qPrintable(QString::number(p.spawnToReadyMs())));
        return;
    }
    QFAIL("Ready was stamped when the host read the hello, never when the worker sent it");
}

void TestRun::pythonExitCodes()
{
    ProcessSummary p;
    p.id = 1;
    QCOMPARE(p.pythonExitCode(), std::nullopt); // created
    p.state = ProcessState::Running;
    QCOMPARE(p.pythonExitCode(), std::nullopt); // running: Python's None
    p.state = ProcessState::Finished;
    p.hasExitStatus = true;
    QCOMPARE(p.pythonExitCode(), 0);
    p.exitCode = 3;
    QCOMPARE(p.pythonExitCode(), 3);
    QCOMPARE(p.exitSignalName(), QString());
#ifdef Q_OS_UNIX
    p.state = ProcessState::Killed;
    p.exitCode = 0;
    p.exitSignal = SIGKILL;
    QCOMPARE(p.pythonExitCode(), -9);
    QCOMPARE(p.exitSignalName(), QStringLiteral("SIGKILL"));
    p.state = ProcessState::Failed;
    p.exitSignal = SIGSEGV;
    QCOMPARE(p.pythonExitCode(), -SIGSEGV);
    QCOMPARE(p.exitSignalName(), QStringLiteral("SIGSEGV"));
#endif
    QCOMPARE(signalName(SIGTERM), QStringLiteral("SIGTERM"));
    QCOMPARE(signalName(1000), QStringLiteral("signal 1000"));
}

void TestRun::badFrameClosesConnection_data()
{
    QTest::addColumn<QString>("behaviour");
    QTest::addColumn<QString>("reason");
    QTest::newRow("garbage") << QStringLiteral("test.bad-frame") << QStringLiteral("CBOR");
    QTest::newRow("oversized") << QStringLiteral("test.oversized-frame") << QStringLiteral("exceeds");
}

void TestRun::badFrameClosesConnection()
{
    QFETCH(QString, behaviour);
    QFETCH(QString, reason);
    Run run(QStringLiteral("test"), {}, testScript({behaviour, QStringLiteral("bench.noop")}));
    QElapsedTimer elapsed;
    elapsed.start();
    QVERIFY(runToEnd(run));
    QVERIFY2(elapsed.elapsed() < 20000, "closing the connection must end the worker (it would sleep 30 s)");
    QCOMPARE(run.exitCode(), 1);
    QVERIFY(hasEvent(run.record(), EventKind::Error, reason));
    const RunSummary summary = summarize(run.record());
    QCOMPARE(worker(summary, 1).state, ProcessState::Failed);
    QVERIFY(worker(summary, 1).detail.contains(QStringLiteral("protocol error")));
    QCOMPARE(worker(summary, 2).state, ProcessState::Finished);
    QVERIFY(allGone(workerPids(run.record())));
}

void TestRun::foreignConnectionsRefused_data()
{
    QTest::addColumn<QByteArray>("firstBytes");
    QTest::addColumn<QString>("reason");
    const auto frame = [](const Protocol::Message &message) {
        return Protocol::toQByteArray(Protocol::encodeFrame(message));
    };
    QTest::newRow("wrong-token") << frame(Protocol::makeHello({std::string(16, 'x'), 1, 1, 0}))
                                 << QStringLiteral("wrong run token");
    QTest::newRow("wrong-magic") << frame(Protocol::makeHello({std::string(16, 'x'), 1, 1, 0}, 0x1234))
                                 << QStringLiteral("magic");
    QTest::newRow("not-hello") << frame(Protocol::makeStop()) << QStringLiteral("hello");
    QTest::newRow("garbage") << QByteArray("\x00\x00\x00\x03zzz", 7) << QStringLiteral("bad first frame");
    QTest::newRow("closed-early") << QByteArray("\x00\x00", 2) << QStringLiteral("closed before");
}

void TestRun::foreignConnectionsRefused()
{
    QFETCH(QByteArray, firstBytes);
    QFETCH(QString, reason);
    QCborMap args;
    args.insert(QLatin1StringView("sleep"), 1.0);
    Run run(QStringLiteral("test"), {}, testScript({QStringLiteral("bench.idle")}, {args}));
    run.setWorkerProgram(workerPath());
    QSignalSpy finished(&run, &Run::finished);
    run.start();

    QLocalSocket intruder;
    intruder.connectToServer(run.serverName());
    QVERIFY(intruder.waitForConnected(30000));
    intruder.write(firstBytes);
    intruder.flush();
    if (reason == QStringLiteral("closed before"))
        intruder.disconnectFromServer();
    QVERIFY(QTest::qWaitFor([&] { return hasEvent(run.record(), EventKind::ConnectionRejected, reason); }, 30000));
    if (intruder.state() != QLocalSocket::UnconnectedState)
        QVERIFY(intruder.waitForDisconnected(30000));

    // The run may have finished while the refusal was awaited: wait on the state, not a new signal.
    QTRY_VERIFY_WITH_TIMEOUT(run.status() == Run::Status::Finished, 15000);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(run.exitCode(), 0); // the real worker was not disturbed
}

void TestRun::unknownBehaviourFails()
{
    Run run(QStringLiteral("test"), {}, testScript({QStringLiteral("no.such.behaviour")}));
    QVERIFY(runToEnd(run));
    const ProcessSummary p = worker(summarize(run.record()), 1);
    QCOMPARE(p.state, ProcessState::Failed);
    QCOMPARE(p.exitCode, int(Protocol::ExitUnknownBehaviour));
    QVERIFY(p.detail.contains(QStringLiteral("behaviour")));
    QVERIFY(outputLines(run.record(), 1, OutputStream::StdErr).constFirst().contains(QStringLiteral("no.such.behaviour")));
}

void TestRun::missingWorkerIsAClearError()
{
    qputenv("PROCESSLAB_WORKER", "/nonexistent/processlab-worker");
    auto run = exampleRun(QStringLiteral("process"), 2, 0);
    QSignalSpy finished(run.get(), &Run::finished);
    run->start(); // no setWorkerProgram: uses the lookup
    qunsetenv("PROCESSLAB_WORKER");
    QVERIFY(run->status() == Run::Status::Finished || finished.wait(30000));
    QCOMPARE(run->exitCode(), 1);
    QVERIFY(hasEvent(run->record(), EventKind::Error, QStringLiteral("/nonexistent/processlab-worker")));
    QVERIFY(hasEvent(run->record(), EventKind::Error, QStringLiteral("not found")));
}

void TestRun::stepModeAdvancesOnRequest()
{
    auto run = exampleRun(QStringLiteral("process"), 2, 0.2);
    run->setWorkerProgram(workerPath());
    run->setStepMode(true);
    QSignalSpy finished(run.get(), &Run::finished);
    run->start();
    QVERIFY(hasEvent(run->record(), EventKind::Paused)); // waits for the user, right away
    QCOMPARE(run->currentStep(), 0);
    QVERIFY(workerPids(run->record()).isEmpty());
    for (int i = 0; i < 4; ++i) // create, create, start, start (one start per event-loop turn)
        run->step();
    QTRY_COMPARE_WITH_TIMEOUT(run->currentStep(), 4, 30000);
    QVERIFY(QTest::qWaitFor([&] { return outputLines(run->record()).size() == 4; }, 30000));
    QCOMPARE(run->currentStep(), 4); // join not entered without a step
    run->step();
    run->step();
    QTRY_COMPARE_WITH_TIMEOUT(run->currentStep(), 6, 30000);
    QVERIFY(outputLines(run->record(), 0).isEmpty());
    run->setStepMode(false); // continue freely
    QVERIFY(run->status() == Run::Status::Finished || finished.wait(30000));
    QCOMPARE(outputLines(run->record(), 0), QStringList{QStringLiteral("All processes finished")});
    QCOMPARE(run->exitCode(), 0);
}

void TestRun::floodCountsEveryLine()
{
    constexpr int workers = 4;
    constexpr int lines = 20000;
    QCborMap args;
    args.insert(QLatin1StringView("lines"), lines);
    Run run(QStringLiteral("test"), {},
            testScript(QStringList(workers, QStringLiteral("test.flood")), QList<QCborMap>(workers, args)));
    run.setOutputLineCap(50000);
    QVERIFY(runToEnd(run));
    QCOMPARE(run.exitCode(), 0);
    const RunSummary summary = summarize(run.record());
    qint64 shown = 0, dropped = 0;
    for (int i = 1; i <= workers; ++i) {
        shown += worker(summary, i).stdoutLines;
        dropped += worker(summary, i).droppedLines;
        const QStringList got = outputLines(run.record(), i);
        // What was kept is in order and complete up to the cap.
        for (qsizetype k = 0; k < got.size(); ++k)
            QCOMPARE(got.at(k), QStringLiteral("worker %1 line %2").arg(i).arg(k));
    }
    QCOMPARE(shown, 50000);
    QCOMPARE(shown + dropped, qint64(workers) * lines);
}

void TestRun::notifiesCompleteAPendingCall()
{
    // n = counter.waitNotifies(5) waits in the event loop until the worker's 5 notifications
    // ("counter.tick") have arrived, then the main program goes on.
    constexpr int notifies = 5;
    auto counters = std::make_shared<TestSupport::TestScriptObject::Counters>();
    HostScript script;
    script.objectFactory = TestSupport::testObjectFactory(counters);
    QCborMap arguments;
    arguments.insert(QLatin1StringView("count"), notifies);
    WorkerSpec spec{1, QStringLiteral("Worker 1"), QStringLiteral("test.notify"), arguments};
    spec.objects.insert(QStringLiteral("target"), QStringLiteral("counter"));
    script.workers.append(spec);
    using E = ScriptExpression;
    script.steps.append(atLine(createObjectStep(QStringLiteral("counter"), QStringLiteral("TestObject")), 1,
                               QStringLiteral("counter = TestObject()")));
    script.steps.append({ScriptStep::Kind::Create, 1, {}, 2, QStringLiteral("p = Process()"), {}});
    script.steps.append({ScriptStep::Kind::Start, 1, {}, 3, QStringLiteral("p.start()"), {}});
    script.steps.append(atLine(callStep(QStringLiteral("counter"), QStringLiteral("waitNotifies"), {E::value(notifies)},
                                        QStringLiteral("n")),
                               4, QStringLiteral("n = counter.wait(5)")));
    script.steps.append(atLine(printStep({E::value(QStringLiteral("got")), E::variable(QStringLiteral("n")),
                                          E::read(QStringLiteral("counter"), QStringLiteral("value"))}),
                               5, QStringLiteral("print(\"got\", n, counter.value)")));
    script.steps.append({ScriptStep::Kind::Join, 1, {}, 6, QStringLiteral("p.join()"), {}});
    Run run(QStringLiteral("test"), {}, script);
    QVERIFY(runToEnd(run));
    QCOMPARE(run.exitCode(), 0);
    QCOMPARE(outputLines(run.record(), 0), QStringList{QStringLiteral("got 5 5")});
    QCOMPARE(outputLines(run.record(), 1), QStringList{QStringLiteral("sent 5")});
    QCOMPARE(counters->notifies, notifies);
    QVERIFY(allGone(workerPids(run.record())));
}

void TestRun::workerRequestIsAnswered_data()
{
    QTest::addColumn<QString>("object");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("printed");
    QTest::newRow("value") << QStringLiteral("box") << QStringLiteral("echo") << QStringLiteral("reply: ping");
    QTest::newRow("error") << QStringLiteral("box") << QStringLiteral("nope")
                           << QStringLiteral("error: ValueError: ping");
    QTest::newRow("no such object") << QStringLiteral("ghost") << QStringLiteral("echo")
                                    << QStringLiteral("error: NameError: no object 'ghost' in this run");
}

void TestRun::workerRequestIsAnswered()
{
    QFETCH(QString, object);
    QFETCH(QString, method);
    QFETCH(QString, printed);
    auto counters = std::make_shared<TestSupport::TestScriptObject::Counters>();
    HostScript script;
    script.objectFactory = TestSupport::testObjectFactory(counters);
    QCborMap arguments;
    arguments.insert(QLatin1StringView("value"), QStringLiteral("ping"));
    arguments.insert(QLatin1StringView("method"), method);
    QCborMap target; // as an object's attachment would name it
    target.insert(QLatin1StringView("object"), object);
    target.insert(QLatin1StringView("worker"), 1);
    arguments.insert(QLatin1StringView("target"), target);
    script.workers.append({1, QStringLiteral("Worker 1"), QStringLiteral("test.request-echo"), arguments});
    script.steps.append(createObjectStep(QStringLiteral("box"), QStringLiteral("TestObject")));
    script.steps.append({ScriptStep::Kind::Create, 1, {}, 0, {}, {}});
    script.steps.append({ScriptStep::Kind::Start, 1, {}, 0, {}, {}});
    script.steps.append({ScriptStep::Kind::Join, 1, {}, 0, {}, {}});
    Run run(QStringLiteral("test"), {}, script);
    QVERIFY(runToEnd(run));
    QCOMPARE(run.exitCode(), 0);
    QCOMPARE(outputLines(run.record(), 1),
             (QStringList{QStringLiteral("attached to %1 as worker 1").arg(object), printed}));
    QCOMPARE(counters->requests, object == QLatin1StringView("box") ? 1 : 0);
}

void TestRun::hostRequestsReachTheWorker()
{
    // The worker's mailbox takes requests while its behaviour runs; it answers each.
    Run run(QStringLiteral("test"), {}, testScript({QStringLiteral("test.serve")}));
    run.setWorkerProgram(workerPath());
    QSignalSpy replied(&run, &Run::workerReplied);
    QSignalSpy finished(&run, &Run::finished);
    run.start();
    QTRY_VERIFY_WITH_TIMEOUT(summarize(run.record()).processes.value(1).state == ProcessState::Running, 30000);
    const quint64 ping = run.requestWorker(1, QStringLiteral("ping"), QStringLiteral("进程"));
    QVERIFY(ping != 0);
    QVERIFY(QTest::qWaitFor([&] { return replied.count() == 1; }, 30000));
    QCOMPARE(replied.at(0).at(0).toInt(), 1);
    QCOMPARE(replied.at(0).at(1).toULongLong(), ping);
    QCOMPARE(replied.at(0).at(2).value<QCborValue>(), QCborValue(QStringLiteral("进程")));
    QVERIFY(replied.at(0).at(3).toString().isEmpty());
    const quint64 stop = run.requestWorker(1, QStringLiteral("stop"), QCborValue(nullptr));
    QVERIFY(stop > ping);
    QVERIFY(run.status() == Run::Status::Finished || finished.wait(30000));
    QCOMPARE(run.exitCode(), 0);
    QCOMPARE(replied.count(), 2);
    QCOMPARE(outputLines(run.record(), 1), (QStringList{QStringLiteral("request ping"), QStringLiteral("request stop")}));
}

QTEST_GUILESS_MAIN(TestRun)
#include "tst_run.moc"
