// SPDX-License-Identifier: MIT
// The traps the examples stage on purpose, run with real worker processes: joins right after
// each start (one process at a time), the queue without its None (the consumers wait for
// ever), the consumers started after the producers' join with a queue that fills (deadlock).
// Who waits for what is in the record; Stop ends the hanging ones and leaves nothing behind.
#include "testsupport.h"

#include "examples/exampleregistry.h"
#include "protocol/protocol.h"

#include <QTemporaryDir>

using namespace ProcessLab;
using namespace ProcessLab::TestSupport;

namespace {

// Index of the first event after `from` of this kind, process and IPC op; -1 if none.
qsizetype findIpc(const RunRecord &record, int process, Protocol::IpcOp op, const QString &text, qsizetype from = 0)
{
    const QList<RunEvent> &events = record.events();
    for (qsizetype i = from; i < events.size(); ++i) {
        const RunEvent &e = events.at(i);
        if (e.kind == EventKind::IpcOperation && e.process == process && e.op == quint8(op)
            && (text.isEmpty() || e.text == text))
            return i;
    }
    return -1;
}

// The last IPC operation of this process; nullptr if none.
const RunEvent *lastIpc(const RunRecord &record, int process)
{
    const QList<RunEvent> &events = record.events();
    for (qsizetype i = events.size() - 1; i >= 0; --i) {
        const RunEvent &e = events.at(i);
        if (e.kind == EventKind::IpcOperation && e.process == process)
            return &e;
    }
    return nullptr;
}

// The statement main is in: the line of its last ScriptStep, 0 when that step has returned.
int mainWaitsAtLine(const RunRecord &record)
{
    for (qsizetype i = record.events().size() - 1; i >= 0; --i) {
        const RunEvent &e = record.events().at(i);
        if (e.kind == EventKind::ScriptStepEnded)
            return 0;
        if (e.kind == EventKind::ScriptStep)
            return e.sourceLine;
    }
    return 0;
}

QString finishReason(const RunRecord &record)
{
    for (qsizetype i = record.events().size() - 1; i >= 0; --i) {
        if (record.events().at(i).kind == EventKind::RunFinished)
            return record.events().at(i).text;
    }
    return {};
}

// The lines of the example's program for these knobs.
PythonProgram programOf(const QString &id, const QVariantMap &given)
{
    QString error;
    const ExampleDefinition *example = ExampleRegistry::find(id);
    const auto knobs = resolveKnobs(example->knobs, given, &error);
    if (!knobs)
        qFatal("%s", qPrintable(error));
    return example->pythonProgram(*knobs);
}

} // namespace

class TestTrapKnobs : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void joinsAfterEachStartRunOneAtATime_data();
    void joinsAfterEachStartRunOneAtATime();
    void withoutSentinelTheConsumerWaitsUntilStop_data();
    void withoutSentinelTheConsumerWaitsUntilStop();
    void consumersAfterJoinDeadlockUntilStop();

private:
    // Stops the run (as the Stop button) and checks it ended cleanly: stopped by the user,
    // the still-running workers ended by SIGTERM (Python's exitcode -15), the others as they
    // ended, no process left.
    void stopAndCheck(Run &run, const QList<int> &stillRunning);

    QTemporaryDir m_temp; // TMPDIR of this process: the runs' segments and sockets live here
};

void TestTrapKnobs::initTestCase()
{
    QVERIFY(m_temp.isValid());
    // A private temp directory makes "no segment left behind" checkable.
    qputenv("TMPDIR", QFile::encodeName(m_temp.path()));
    QCOMPARE(QDir::tempPath(), QDir(m_temp.path()).canonicalPath());
}

void TestTrapKnobs::cleanup()
{
    QCOMPARE(leftoverSegments(m_temp.path()), QStringList());
    // Nothing else either: no socket file of the run's server, no key file.
    QCOMPARE(QDir(m_temp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System),
             QStringList());
}

void TestTrapKnobs::joinsAfterEachStartRunOneAtATime_data()
{
    QTest::addColumn<QString>("id");
    QTest::newRow("process") << QStringLiteral("process");
    QTest::newRow("subclass") << QStringLiteral("subclass");
}

// start, join, start, join: Worker 2 starts only after Worker 1 ended, so 2 workers sleeping
// 0.3 s take at least 0.6 s, and the lines come in one order.
void TestTrapKnobs::joinsAfterEachStartRunOneAtATime()
{
    QFETCH(QString, id);
    const QVariantMap knobs{{QStringLiteral("workers"), 2},
                            {QStringLiteral("sleep"), 0.3},
                            {QStringLiteral("joins"), QStringLiteral("after-each-start")}};
    const auto run = exampleRun(id, knobs);
    QVERIFY(run);
    QVERIFY(runToEnd(*run));
    QCOMPARE(run->exitCode(), 0);
    const RunRecord &record = run->record();
    QCOMPARE(outputLines(record),
             (QStringList{QStringLiteral("Worker 1 started"), QStringLiteral("Worker 1 finished"),
                          QStringLiteral("Worker 2 started"), QStringLiteral("Worker 2 finished"),
                          QStringLiteral("All processes finished")}));
    const RunSummary summary = summarize(record);
    const ProcessSummary &first = summary.processes.at(1);
    const ProcessSummary &second = summary.processes.at(2);
    QCOMPARE(first.role, QStringLiteral("Worker 1"));
    QCOMPARE(second.role, QStringLiteral("Worker 2"));
    QVERIFY2(second.startingNs >= first.endNs, "Worker 2 was started before Worker 1 ended");
    const qint64 runNs = record.events().constLast().timeNs - record.events().constFirst().timeNs;
    QVERIFY2(runNs >= 600'000'000, qPrintable(QStringLiteral("%1 ms").arg(runNs / 1e6)));

    // Main's statements, on their lines: start 1, join 1, start 2, join 2.
    const PythonProgram program = programOf(id, knobs);
    QList<int> startJoinLines;
    for (const RunEvent &e : record.events()) {
        if (e.kind == EventKind::ScriptStep && (e.text.contains(QLatin1StringView(".start()"))
                                                || e.text.contains(QLatin1StringView(".join()"))))
            startJoinLines << e.sourceLine;
    }
    QCOMPARE(startJoinLines, (QList<int>{program.workers.at(0).start.line, program.workers.at(0).join.line,
                                         program.workers.at(1).start.line, program.workers.at(1).join.line}));
    QVERIFY(program.workers.at(0).join.line == program.workers.at(0).start.line + 1);
}

void TestTrapKnobs::withoutSentinelTheConsumerWaitsUntilStop_data()
{
    QTest::addColumn<int>("producers");
    QTest::addColumn<int>("consumers");
    QTest::newRow("1x1") << 1 << 1;
    QTest::newRow("2x2") << 2 << 2;
}

// No None: the consumer gets every item, then waits in get() (blocked) for ever; main waits
// in the consumer's join(). Stop ends it.
void TestTrapKnobs::withoutSentinelTheConsumerWaitsUntilStop()
{
    QFETCH(int, producers);
    QFETCH(int, consumers);
    constexpr int items = 5;
    const QVariantMap knobs{{QStringLiteral("producers"), producers},
                            {QStringLiteral("consumers"), consumers},
                            {QStringLiteral("items"), items},
                            {QStringLiteral("sentinel"), false}};
    const PythonProgram program = programOf(QStringLiteral("queue"), knobs);
    const int consumerJoin = program.statements.value(QStringLiteral("consumer.1.join")).line;
    QVERIFY(consumerJoin > 0);
    QVERIFY(!program.statements.contains(QStringLiteral("sentinel.1")));
    const auto run = exampleRun(QStringLiteral("queue"), knobs);
    QVERIFY(run);
    run->setWorkerProgram(workerPath());
    run->start();
    const RunRecord &record = run->record();
    const QList<int> consumerIds = [&] {
        QList<int> ids;
        for (int c = 1; c <= consumers; ++c)
            ids << producers + c;
        return ids;
    }();
    // Every item consumed, each consumer waiting in a get (its last operation is a blocked
    // get, after the last item it got), main in the first consumer's join.
    const auto waitingForever = [&] {
        qsizetype gets = 0;
        for (const int c : consumerIds) {
            const RunEvent *last = lastIpc(record, c);
            if (!last || last->op != quint8(Protocol::IpcOp::Blocked) || last->text != QLatin1StringView("get"))
                return false;
        }
        for (const RunEvent &e : record.events())
            gets += e.kind == EventKind::IpcOperation && e.op == quint8(Protocol::IpcOp::Get);
        return gets == producers * items && mainWaitsAtLine(record) == consumerJoin;
    };
    QVERIFY2(QTest::qWaitFor(waitingForever, 60000), qPrintable(outputLines(record).join(QLatin1Char('\n'))));
    QCOMPARE(run->status(), Run::Status::Running);
    QStringList consumed;
    for (const QString &line : outputLines(record)) {
        if (line.startsWith(QLatin1StringView("Consumed: ")))
            consumed << line;
    }
    QCOMPARE(consumed.size(), producers * items);
    // No None was ever put.
    for (const RunEvent &e : record.events())
        QVERIFY(!(e.kind == EventKind::IpcOperation && e.op == quint8(Protocol::IpcOp::Put) && e.text == QLatin1StringView("None")));
    stopAndCheck(*run, consumerIds);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(!outputLines(record, mainProcessId).contains(QStringLiteral("All processes finished")));
}

// The consumers start only after the producer's join, and the queue holds 2: the producer
// puts 2 items, then waits for room (blocked put); main waits in the producer's join. Stop
// ends it; the consumer never started.
void TestTrapKnobs::consumersAfterJoinDeadlockUntilStop()
{
    const QVariantMap knobs{{QStringLiteral("maxsize"), 2},
                            {QStringLiteral("items"), 10},
                            {QStringLiteral("consumers-start"), QStringLiteral("after-join")}};
    const PythonProgram program = programOf(QStringLiteral("queue"), knobs);
    const int producerJoin = program.statements.value(QStringLiteral("producer.1.join")).line;
    QVERIFY(producerJoin > 0);
    QVERIFY(program.statements.value(QStringLiteral("consumer.1.start")).line > producerJoin);
    const auto run = exampleRun(QStringLiteral("queue"), knobs);
    QVERIFY(run);
    run->setWorkerProgram(workerPath());
    run->start();
    const RunRecord &record = run->record();
    constexpr int producer = 1;
    constexpr int consumer = 2;
    const auto deadlocked = [&] {
        return findIpc(record, producer, Protocol::IpcOp::Blocked, QStringLiteral("put")) >= 0
               && mainWaitsAtLine(record) == producerJoin;
    };
    QVERIFY2(QTest::qWaitFor(deadlocked, 60000), qPrintable(outputLines(record).join(QLatin1Char('\n'))));
    QCOMPARE(run->status(), Run::Status::Running);
    // The blocked put comes after the second, with the queue full.
    const qsizetype blocked = findIpc(record, producer, Protocol::IpcOp::Blocked, QStringLiteral("put"));
    QCOMPARE(record.events().at(blocked).count, 2);
    qsizetype puts = 0;
    for (const RunEvent &e : record.events())
        puts += e.kind == EventKind::IpcOperation && e.op == quint8(Protocol::IpcOp::Put);
    QCOMPARE(puts, 2);
    QCOMPARE(outputLines(record, producer), (QStringList{QStringLiteral("Produced: 0"), QStringLiteral("Produced: 1")}));
    QCOMPARE(summarize(record).processes.at(consumer).pid, 0); // never started
    stopAndCheck(*run, {producer});
    if (QTest::currentTestFailed())
        return;
    const ProcessSummary consumerSummary = summarize(record).processes.at(consumer);
    QCOMPARE(consumerSummary.pid, 0);
    QVERIFY(!consumerSummary.pythonExitCode().has_value());
    QVERIFY(outputLines(record, consumer).isEmpty());
}

void TestTrapKnobs::stopAndCheck(Run &run, const QList<int> &stillRunning)
{
    QSignalSpy finished(&run, &Run::finished);
    run.stop();
    QVERIFY(run.status() == Run::Status::Finished || finished.wait(30000));
    const RunRecord &record = run.record();
    QCOMPARE(run.exitCode(), 1);
    QCOMPARE(finishReason(record), QStringLiteral("stopped by the user"));
    const RunSummary summary = summarize(record);
    for (const ProcessSummary &p : summary.processes) {
        if (p.id == mainProcessId || !p.pid)
            continue;
        if (stillRunning.contains(p.id)) {
            QCOMPARE(p.state, ProcessState::Killed);
#ifdef Q_OS_UNIX
            QCOMPARE(p.pythonExitCode(), std::optional<int>(-15));
#endif
        } else {
            QCOMPARE(p.state, ProcessState::Finished);
            QCOMPARE(p.pythonExitCode(), std::optional<int>(0));
        }
    }
    QVERIFY(allGone(workerPids(record)));
}

QTEST_GUILESS_MAIN(TestTrapKnobs)
#include "tst_trapknobs.moc"
