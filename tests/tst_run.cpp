// SPDX-License-Identifier: MIT
// Runs with the real processlab-worker: example output, failures, stop, protocol abuse.
#include "testsupport.h"

#include "examples/exampleregistry.h"
#include "protocol/protocol.h"
#include "runtime/protocolqt.h"

#include <QElapsedTimer>
#include <QLocalSocket>

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
    void examples_data();
    void examples();
    void crashIsReported();
    void exitCodeIsReported();
    void chineseSplitAcrossReads();
    void lastLineWithoutNewline();
    void stopEndsEveryWorker();
    void stopKillsWorkerThatIgnoresIt();
    void stopBeforeWorkersStart();
    void badFrameClosesConnection_data();
    void badFrameClosesConnection();
    void foreignConnectionsRefused_data();
    void foreignConnectionsRefused();
    void unknownBehaviourFails();
    void missingWorkerIsAClearError();
    void stepModeAdvancesOnRequest();
    void floodCountsEveryLine();
};

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
    Run run(QStringLiteral("test"), {}, testScript({QStringLiteral("test.crash"), QStringLiteral("test.noop")}));
    QVERIFY(runToEnd(run));
    QCOMPARE(run.exitCode(), 1);
    const RunSummary summary = summarize(run.record());
    QCOMPARE(worker(summary, 1).state, ProcessState::Failed);
    QCOMPARE(worker(summary, 1).exitSignal, SIGABRT);
    QVERIFY(worker(summary, 1).detail.contains(QStringLiteral("signal")));
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

void TestRun::stopEndsEveryWorker()
{
    auto run = exampleRun(QStringLiteral("process"), 4, 30.0);
    run->setWorkerProgram(workerPath());
    QSignalSpy finished(run.get(), &Run::finished);
    run->start();
    QVERIFY(QTest::qWaitFor([&] { return outputLines(run->record()).size() == 4; }, 10000));
    const QList<qint64> pids = workerPids(run->record());
    QCOMPARE(pids.size(), 4);
    QElapsedTimer elapsed;
    elapsed.start();
    run->stop();
    QVERIFY(run->status() == Run::Status::Finished || finished.wait(10000));
    QVERIFY2(elapsed.elapsed() < 3000, "asking must be enough for a cooperative worker");
    QCOMPARE(run->exitCode(), 1);
    const RunSummary summary = summarize(run->record());
    for (int i = 1; i <= 4; ++i)
        QCOMPARE(worker(summary, i).state, ProcessState::Killed);
    QCOMPARE(summary.processes.at(0).state, ProcessState::Killed);
    QVERIFY(!outputLines(run->record()).contains(QStringLiteral("All processes finished")));
    QVERIFY(allGone(pids));
}

void TestRun::stopKillsWorkerThatIgnoresIt()
{
    Run run(QStringLiteral("test"), {}, testScript({QStringLiteral("test.stubborn")}));
    run.setWorkerProgram(workerPath());
    QSignalSpy finished(&run, &Run::finished);
    run.start();
    QVERIFY(QTest::qWaitFor([&] { return !outputLines(run.record(), 1).isEmpty(); }, 10000));
    run.stop();
    QVERIFY(finished.wait(15000));
    const ProcessSummary p = worker(summarize(run.record()), 1);
    QCOMPARE(p.state, ProcessState::Killed);
    QCOMPARE(p.exitSignal, SIGKILL); // ask and terminate were ignored; kill was not
    QVERIFY(allGone(workerPids(run.record())));
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
    QVERIFY(run->status() == Run::Status::Finished || finished.wait(5000));
    const RunSummary summary = summarize(run->record());
    QCOMPARE(summary.processes.size(), 2);
    QCOMPARE(worker(summary, 1).state, ProcessState::Killed);
    QCOMPARE(worker(summary, 1).pid, 0);
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
    Run run(QStringLiteral("test"), {}, testScript({behaviour, QStringLiteral("test.noop")}));
    QElapsedTimer elapsed;
    elapsed.start();
    QVERIFY(runToEnd(run));
    QVERIFY2(elapsed.elapsed() < 10000, "closing the connection must end the worker");
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
    Run run(QStringLiteral("test"), {}, testScript({QStringLiteral("test.idle")}, {args}));
    run.setWorkerProgram(workerPath());
    QSignalSpy finished(&run, &Run::finished);
    run.start();

    QLocalSocket intruder;
    intruder.connectToServer(run.serverName());
    QVERIFY(intruder.waitForConnected(5000));
    intruder.write(firstBytes);
    intruder.flush();
    if (reason == QStringLiteral("closed before"))
        intruder.disconnectFromServer();
    QVERIFY(QTest::qWaitFor([&] { return hasEvent(run.record(), EventKind::ConnectionRejected, reason); }, 5000));
    if (intruder.state() != QLocalSocket::UnconnectedState)
        QVERIFY(intruder.waitForDisconnected(5000));

    QVERIFY(finished.wait(15000));
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
    QVERIFY(run->status() == Run::Status::Finished || finished.wait(5000));
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
    QTest::qWait(300);
    QCOMPARE(run->currentStep(), 0);
    QVERIFY(workerPids(run->record()).isEmpty());
    for (int i = 0; i < 4; ++i) // create, create, start, start
        run->step();
    QCOMPARE(run->currentStep(), 4);
    QVERIFY(QTest::qWaitFor([&] { return outputLines(run->record()).size() == 4; }, 5000));
    QCOMPARE(run->currentStep(), 4); // join not entered without a step
    run->step();
    run->step();
    QTRY_COMPARE_WITH_TIMEOUT(run->currentStep(), 6, 5000);
    QVERIFY(outputLines(run->record(), 0).isEmpty());
    run->setStepMode(false); // continue freely
    QVERIFY(run->status() == Run::Status::Finished || finished.wait(5000));
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

QTEST_GUILESS_MAIN(TestRun)
#include "tst_run.moc"
