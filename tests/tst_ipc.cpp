// SPDX-License-Identifier: MIT
// The shared objects with real worker processes: the queue, pipe and shared examples, the
// main program's waits and errors, deaths (a consumer, a lock holder, the host) and what a
// run leaves behind (nothing).
#include "pythontestsupport.h"
#include "testsupport.h"

#include "examples/exampleregistry.h"
#include "protocol/protocol.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace ProcessLab;
using namespace ProcessLab::TestSupport;

namespace {

QList<RunEvent> ipcEvents(const RunRecord &record, Protocol::IpcOp op)
{
    QList<RunEvent> events;
    for (const RunEvent &event : record.events()) {
        if (event.kind == EventKind::IpcOperation && event.op == quint8(op))
            events.append(event);
    }
    return events;
}

const RunEvent *lastEvent(const RunRecord &record, EventKind kind)
{
    for (qsizetype i = record.events().size() - 1; i >= 0; --i) {
        if (record.events().at(i).kind == kind)
            return &record.events().at(i);
    }
    return nullptr;
}

QString finishReason(const Run &run)
{
    const RunEvent *finished = lastEvent(run.record(), EventKind::RunFinished);
    return finished ? finished->text : QString();
}

// Main program of the tests below: one object, then the given steps.
HostScript objectScript(const QString &name, const QString &type, QList<ScriptExpression> arguments)
{
    HostScript script;
    script.steps.append(createObjectStep(name, type, std::move(arguments)));
    return script;
}

ScriptStep processStep(ScriptStep::Kind kind, int worker)
{
    return ScriptStep{kind, worker, {}, 0, {}, {}};
}

} // namespace

class TestIpc : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void queueTutorialOutput();
    void queueManyProducersAndConsumers();
    void queueMaxsizeIsNeverExceeded();
    void mainGetTimesOutWithEmpty();
    void putNowaitOnFullQueueRaisesFull();
    void bigItemGoesThrough();
    void bigItemReachesTheMainProgram();
    void mainProgramTooBigItemFailsClearly();
    void mainPutNowaitOnAnUnboundedQueueNeverRaisesFull();
    void killedConsumerDoesNotHangTheRun();
    void pipeTutorialOutput();
    void pipeRecvAfterCloseRaisesEofError();
    void pipePollTimesOut();
    void stopWhileMainWaitsInRecv();
    void sharedWithLockIsExact();
    void sharedWithoutLockReportsTheLoss();
    void killedLockHolderIsRecovered();
    void mainProgramLockIsPythons();
    void killedHostLeftoversAreSweptAtNextStart();
    void pythonListingPrintsTheSameLines_data();
    void pythonListingPrintsTheSameLines();

private:
    QTemporaryDir m_temp; // TMPDIR of this process: the runs' segments and sockets live here
};

void TestIpc::initTestCase()
{
    QVERIFY(m_temp.isValid());
    // Every segment a run creates has its key file in the temp directory: a private one makes
    // "nothing left behind" checkable without seeing other programs' files.
    qputenv("TMPDIR", QFile::encodeName(m_temp.path()));
    QCOMPARE(QDir::tempPath(), QDir(m_temp.path()).canonicalPath());
}

void TestIpc::cleanup()
{
    QCOMPARE(leftoverSegments(m_temp.path()), QStringList());
}

void TestIpc::queueTutorialOutput()
{
    const auto run = exampleRun(QStringLiteral("queue"), {});
    QVERIFY(runToEnd(*run));
    QCOMPARE(run->exitCode(), 0);
    const RunRecord &record = run->record();
    QStringList lines = outputLines(record);
    QCOMPARE(lines.constLast(), QStringLiteral("All processes finished"));
    QStringList expected;
    for (int i = 0; i < 5; ++i)
        expected << QStringLiteral("Produced: %1").arg(i) << QStringLiteral("Consumed: %1").arg(i);
    expected << QStringLiteral("All processes finished");
    QStringList sortedLines = lines;
    sortedLines.sort();
    expected.sort();
    QCOMPARE(sortedLines, expected);
    QStringList consumed = outputLines(record, 2);
    QCOMPARE(consumed, (QStringList{QStringLiteral("Consumed: 0"), QStringLiteral("Consumed: 1"),
                                    QStringLiteral("Consumed: 2"), QStringLiteral("Consumed: 3"),
                                    QStringLiteral("Consumed: 4")}));
    // Every operation is an event at this scale: 5 puts by the producer and main's None.
    const QList<RunEvent> puts = ipcEvents(record, Protocol::IpcOp::Put);
    const QList<RunEvent> gets = ipcEvents(record, Protocol::IpcOp::Get);
    QCOMPARE(puts.size(), 6);
    QCOMPARE(gets.size(), 6);
    QCOMPARE(puts.constLast().process, mainProcessId);
    QCOMPARE(puts.constLast().text, QStringLiteral("None"));
    QCOMPARE(gets.constLast().text, QStringLiteral("None"));
    QVERIFY(hasEvent(record, EventKind::IpcObjectCreated, QStringLiteral("queue")));
}

void TestIpc::queueManyProducersAndConsumers()
{
    constexpr int producers = 3, consumers = 3, items = 100000;
    const auto run = exampleRun(QStringLiteral("queue"), {{QStringLiteral("producers"), producers},
                                                         {QStringLiteral("consumers"), consumers},
                                                         {QStringLiteral("items"), items}});
    QVERIFY(runToEnd(*run, 240000));
    QCOMPARE(run->exitCode(), 0);
    // Consumed: i (producer p, consumer c): each (p, i) exactly once; per consumer, each
    // producer's items in the order it put them.
    static const QRegularExpression consumedLine(QStringLiteral("^Consumed: (\\d+) \\(producer (\\d), consumer (\\d)\\)$"));
    QList<QList<bool>> seen(producers + 1, QList<bool>(items, false));
    qsizetype consumedCount = 0;
    for (int c = 1; c <= consumers; ++c) {
        QList<int> lastOfProducer(producers + 1, -1);
        for (const QString &line : outputLines(run->record(), producers + c)) {
            const QRegularExpressionMatch m = consumedLine.match(line);
            QVERIFY2(m.hasMatch(), qPrintable(line));
            const int i = m.captured(1).toInt(), p = m.captured(2).toInt();
            QCOMPARE(m.captured(3).toInt(), c);
            QVERIFY2(!seen[p][i], qPrintable(QStringLiteral("delivered twice: ") + line));
            seen[p][i] = true;
            QVERIFY2(i > lastOfProducer[p], qPrintable(QStringLiteral("out of order: ") + line));
            lastOfProducer[p] = i;
            ++consumedCount;
        }
    }
    QCOMPARE(consumedCount, qsizetype(producers) * items);
    // Past the observation budget the record keeps counters: the last sample has them all.
    QVERIFY(hasEvent(run->record(), EventKind::IpcSampling));
    const RunEvent *counters = lastEvent(run->record(), EventKind::IpcCounters);
    QVERIFY(counters);
    QCOMPARE(counters->sequence, 2 * (qint64(producers) * items + consumers)); // puts + gets
    QCOMPARE(counters->count, 0);                                              // depth at the end
}

void TestIpc::queueMaxsizeIsNeverExceeded()
{
    const auto run = exampleRun(QStringLiteral("queue"), {{QStringLiteral("producers"), 2},
                                                         {QStringLiteral("items"), 300},
                                                         {QStringLiteral("maxsize"), 2}});
    QVERIFY(runToEnd(*run));
    QCOMPARE(run->exitCode(), 0);
    const QList<RunEvent> puts = ipcEvents(run->record(), Protocol::IpcOp::Put);
    QCOMPARE(puts.size(), 601); // 2 x 300 + main's None: all observed at this scale
    for (const RunEvent &put : puts)
        QVERIFY2(put.count <= 2, qPrintable(QStringLiteral("depth %1 after put").arg(put.count)));
    QVERIFY(!ipcEvents(run->record(), Protocol::IpcOp::Blocked).isEmpty()); // producers waited
}

void TestIpc::mainGetTimesOutWithEmpty()
{
    HostScript script = objectScript(QStringLiteral("q"), QStringLiteral("Queue"), {});
    script.steps.append(callStep(QStringLiteral("q"), QStringLiteral("get"),
                                 {ScriptExpression::value(true), ScriptExpression::value(0.3)}, QStringLiteral("item")));
    Run run(QStringLiteral("test"), {}, std::move(script));
    QElapsedTimer timer;
    timer.start();
    QVERIFY(runToEnd(run));
    const qint64 elapsed = timer.elapsed();
    QCOMPARE(run.exitCode(), 1);
    QVERIFY2(finishReason(run).contains(QStringLiteral("queue.Empty")), qPrintable(finishReason(run)));
    QVERIFY2(elapsed >= 290 && elapsed < 10000, qPrintable(QString::number(elapsed)));
}

void TestIpc::putNowaitOnFullQueueRaisesFull()
{
    HostScript script = objectScript(QStringLiteral("q"), QStringLiteral("Queue"), {ScriptExpression::value(1)});
    script.steps.append(callStep(QStringLiteral("q"), QStringLiteral("put_nowait"), {ScriptExpression::value(1)}));
    script.steps.append(callStep(QStringLiteral("q"), QStringLiteral("put_nowait"), {ScriptExpression::value(2)}));
    Run run(QStringLiteral("test"), {}, std::move(script));
    QVERIFY(runToEnd(run));
    QCOMPARE(run.exitCode(), 1);
    QVERIFY2(finishReason(run).contains(QStringLiteral("queue.Full")), qPrintable(finishReason(run)));
}

void TestIpc::bigItemGoesThrough()
{
    constexpr qint64 size = 10 * 1024 * 1024; // ten times the queue's ring
    HostScript script = objectScript(QStringLiteral("q"), QStringLiteral("Queue"), {});
    for (int id = 1; id <= 2; ++id) {
        WorkerSpec spec{id, QStringLiteral("Worker %1").arg(id),
                        id == 1 ? QStringLiteral("test.queue-big-put") : QStringLiteral("test.queue-big-get"),
                        QCborMap{{QStringLiteral("size"), size}}};
        spec.objects.insert(QStringLiteral("queue"), QStringLiteral("q"));
        script.workers.append(spec);
    }
    for (const ScriptStep::Kind kind : {ScriptStep::Kind::Create, ScriptStep::Kind::Start, ScriptStep::Kind::Join}) {
        script.steps.append(processStep(kind, 1));
        script.steps.append(processStep(kind, 2));
    }
    Run run(QStringLiteral("test"), {}, std::move(script));
    QVERIFY(runToEnd(run, 120000));
    QCOMPARE(outputLines(run.record(), 2), QStringList{QStringLiteral("got %1").arg(size)});
    QCOMPARE(run.exitCode(), 0);
}

void TestIpc::bigItemReachesTheMainProgram()
{
    // A worker puts an item ten times the ring; the main program's get() reads it in parts
    // (the worker wakes it for each), so neither side waits for ever.
    constexpr qint64 size = 10 * 1024 * 1024;
    HostScript script = objectScript(QStringLiteral("q"), QStringLiteral("Queue"), {});
    WorkerSpec spec{1, QStringLiteral("Worker 1"), QStringLiteral("test.queue-big-put"),
                    QCborMap{{QStringLiteral("size"), size}}};
    spec.objects.insert(QStringLiteral("queue"), QStringLiteral("q"));
    script.workers.append(spec);
    script.steps.append(processStep(ScriptStep::Kind::Create, 1));
    script.steps.append(processStep(ScriptStep::Kind::Start, 1));
    script.steps.append(callStep(QStringLiteral("q"), QStringLiteral("get"), {}, QStringLiteral("item")));
    script.steps.append(printStep({ScriptExpression::value(QStringLiteral("got it"))}));
    script.steps.append(processStep(ScriptStep::Kind::Join, 1));
    Run run(QStringLiteral("test"), {}, std::move(script));
    QVERIFY(runToEnd(run, 120000));
    QCOMPARE(run.exitCode(), 0);
    QCOMPARE(outputLines(run.record(), mainProcessId), QStringList{QStringLiteral("got it")});
    QCOMPARE(outputLines(run.record(), 1), QStringList{QStringLiteral("put %1").arg(size)});
}

void TestIpc::mainProgramTooBigItemFailsClearly()
{
    // The main program cannot wait for room for an item bigger than the queue's ring: it
    // would wait for ever. Python's error, at once.
    HostScript script = objectScript(QStringLiteral("q"), QStringLiteral("Queue"), {});
    script.steps.append(callStep(QStringLiteral("q"), QStringLiteral("put"),
                                 {ScriptExpression::value(QByteArray(2 * 1024 * 1024, 'x'))}));
    Run run(QStringLiteral("test"), {}, std::move(script));
    QVERIFY(runToEnd(run, 30000));
    QCOMPARE(run.exitCode(), 1);
    QVERIFY2(finishReason(run).contains(QStringLiteral("ValueError")), qPrintable(finishReason(run)));
}

void TestIpc::mainPutNowaitOnAnUnboundedQueueNeverRaisesFull()
{
    // 2 MiB of put_nowait() into an unbounded queue whose ring holds 1 MiB, a consumer
    // draining it: Python never raises Full here; ProcessLab waits for room instead.
    constexpr int items = 2048;
    HostScript script = objectScript(QStringLiteral("q"), QStringLiteral("Queue"), {});
    WorkerSpec consumer{1, QStringLiteral("Consumer"), QStringLiteral("queue.consumer"), {}};
    consumer.objects.insert(QStringLiteral("queue"), QStringLiteral("q"));
    script.workers.append(consumer);
    script.steps.append(processStep(ScriptStep::Kind::Create, 1));
    script.steps.append(processStep(ScriptStep::Kind::Start, 1));
    const QString item(1024, QLatin1Char('x'));
    for (int i = 0; i < items; ++i)
        script.steps.append(callStep(QStringLiteral("q"), QStringLiteral("put_nowait"), {ScriptExpression::value(item)}));
    script.steps.append(callStep(QStringLiteral("q"), QStringLiteral("put_nowait"), {ScriptExpression::value(QCborValue(nullptr))}));
    script.steps.append(processStep(ScriptStep::Kind::Join, 1));
    Run run(QStringLiteral("test"), {}, std::move(script));
    QVERIFY(runToEnd(run, 120000));
    QVERIFY2(run.exitCode() == 0, qPrintable(finishReason(run)));
    QCOMPARE(outputLines(run.record(), 1).size(), items);
}

void TestIpc::killedConsumerDoesNotHangTheRun()
{
    const auto run = exampleRun(QStringLiteral("queue"), {{QStringLiteral("consumers"), 2},
                                                         {QStringLiteral("items"), 200000}});
    run->setWorkerProgram(workerPath());
    QSignalSpy finished(run.get(), &Run::finished);
    bool killed = false;
    connect(run.get(), &Run::eventRecorded, this, [&](const RunEvent &event) {
        if (!killed && event.kind == EventKind::Output && event.process == 2) { // Consumer 1 consumed an item
            const RunSummary summary = summarize(run->record());
            killed = killProcess(summary.processes.at(2).pid);
        }
    });
    run->start();
    QVERIFY(finished.wait(120000));
    QVERIFY(killed);
    QCOMPARE(run->exitCode(), 1);
    QVERIFY2(finishReason(*run).contains(QStringLiteral("Consumer 1")), qPrintable(finishReason(*run)));
    QCOMPARE(outputLines(run->record(), mainProcessId).constLast(), QStringLiteral("All processes finished"));
    QVERIFY(allGone(workerPids(run->record())));
}

void TestIpc::pipeTutorialOutput()
{
    const auto run = exampleRun(QStringLiteral("pipe"), {});
    QVERIFY(runToEnd(*run));
    QCOMPARE(run->exitCode(), 0);
    QStringList received, sent;
    for (int i = 0; i < 5; ++i) {
        received << QStringLiteral("Received: Message %1").arg(i);
        sent << QStringLiteral("Sent: Message %1").arg(i);
    }
    received << QStringLiteral("All processes finished");
    QCOMPARE(outputLines(run->record(), mainProcessId), received);
    QCOMPARE(outputLines(run->record(), 1), sent);
    QCOMPARE(ipcEvents(run->record(), Protocol::IpcOp::Send).size(), 6);
    QCOMPARE(ipcEvents(run->record(), Protocol::IpcOp::Recv).size(), 6);
}

void TestIpc::pipeRecvAfterCloseRaisesEofError()
{
    HostScript script;
    script.steps.append(createObjectStep(QStringLiteral("a, b"), QStringLiteral("Pipe")));
    WorkerSpec sender{1, QStringLiteral("Sender"), QStringLiteral("pipe.worker"), QCborMap{{QStringLiteral("messages"), 2}}};
    sender.objects.insert(QStringLiteral("conn"), QStringLiteral("b"));
    script.workers.append(sender);
    script.steps.append(processStep(ScriptStep::Kind::Create, 1));
    script.steps.append(processStep(ScriptStep::Kind::Start, 1));
    for (int i = 0; i < 3; ++i) { // two messages and None
        script.steps.append(callStep(QStringLiteral("a"), QStringLiteral("recv"), {}, QStringLiteral("msg")));
        script.steps.append(printStep({ScriptExpression::variable(QStringLiteral("msg"))}));
    }
    script.steps.append(callStep(QStringLiteral("a"), QStringLiteral("recv"), {}, QStringLiteral("msg")));
    Run run(QStringLiteral("test"), {}, std::move(script));
    QVERIFY(runToEnd(run));
    QCOMPARE(outputLines(run.record(), mainProcessId),
             (QStringList{QStringLiteral("Message 0"), QStringLiteral("Message 1"), QStringLiteral("None")}));
    QCOMPARE(run.exitCode(), 1);
    QVERIFY2(finishReason(run).contains(QStringLiteral("EOFError")), qPrintable(finishReason(run)));
}

void TestIpc::pipePollTimesOut()
{
    HostScript script;
    script.steps.append(createObjectStep(QStringLiteral("a, b"), QStringLiteral("Pipe")));
    script.steps.append(callStep(QStringLiteral("a"), QStringLiteral("poll"), {ScriptExpression::value(0.2)},
                                 QStringLiteral("ready")));
    script.steps.append(printStep({ScriptExpression::variable(QStringLiteral("ready"))}));
    Run run(QStringLiteral("test"), {}, std::move(script));
    QElapsedTimer timer;
    timer.start();
    QVERIFY(runToEnd(run));
    QVERIFY(timer.elapsed() >= 190);
    QCOMPARE(run.exitCode(), 0);
    QCOMPARE(outputLines(run.record(), mainProcessId), QStringList{QStringLiteral("False")});
}

void TestIpc::stopWhileMainWaitsInRecv()
{
    // The missing sentinel: the child never sends, main waits in recv() until the user stops.
    HostScript script;
    script.steps.append(createObjectStep(QStringLiteral("a, b"), QStringLiteral("Pipe")));
    WorkerSpec silent{1, QStringLiteral("Silent"), QStringLiteral("bench.idle"), {}};
    silent.objects.insert(QStringLiteral("conn"), QStringLiteral("b"));
    script.workers.append(silent);
    script.steps.append(processStep(ScriptStep::Kind::Create, 1));
    script.steps.append(processStep(ScriptStep::Kind::Start, 1));
    script.steps.append(callStep(QStringLiteral("a"), QStringLiteral("recv"), {}, QStringLiteral("msg")));
    script.steps.append(processStep(ScriptStep::Kind::Join, 1));
    Run run(QStringLiteral("test"), {}, std::move(script));
    run.setWorkerProgram(workerPath());
    QSignalSpy finished(&run, &Run::finished);
    connect(&run, &Run::eventRecorded, this, [&run](const RunEvent &event) {
        if (event.kind == EventKind::WorkerTrace) // the worker is idle and main waits in recv()
            QMetaObject::invokeMethod(&run, &Run::stop, Qt::QueuedConnection);
    });
    run.start();
    QVERIFY(finished.wait(30000));
    QCOMPARE(run.exitCode(), 1);
    QCOMPARE(finishReason(run), QStringLiteral("stopped by the user"));
    const QList<RunEvent> blocked = ipcEvents(run.record(), Protocol::IpcOp::Blocked);
    QCOMPARE(blocked.size(), 1);
    QCOMPARE(blocked.constFirst().process, mainProcessId);
    QCOMPARE(blocked.constFirst().text, QStringLiteral("recv"));
    QVERIFY(allGone(workerPids(run.record())));
}

void TestIpc::sharedWithLockIsExact()
{
    const auto run = exampleRun(QStringLiteral("shared"), {{QStringLiteral("workers"), 4},
                                                          {QStringLiteral("increments"), 50000}});
    QVERIFY(runToEnd(*run, 120000));
    QCOMPARE(run->exitCode(), 0);
    QCOMPARE(outputLines(run->record(), mainProcessId),
             (QStringList{QStringLiteral("Final value: 200000"), QStringLiteral("Array: [1, 2, 3, 4]")}));
}

void TestIpc::sharedWithoutLockReportsTheLoss()
{
    constexpr int workers = 2, increments = 300000;
    const auto run = exampleRun(QStringLiteral("shared"), {{QStringLiteral("workers"), workers},
                                                          {QStringLiteral("increments"), increments},
                                                          {QStringLiteral("lock"), false}});
    QVERIFY(runToEnd(*run, 120000));
    QCOMPARE(run->exitCode(), 0);
    const QStringList lines = outputLines(run->record(), mainProcessId);
    QCOMPARE(lines.size(), 3);
    static const QRegularExpression valueLine(QStringLiteral("^Final value: (\\d+)$"));
    static const QRegularExpression lostLine(QStringLiteral("^Lost updates: (\\d+)$"));
    const QRegularExpressionMatch value = valueLine.match(lines.at(0));
    const QRegularExpressionMatch lost = lostLine.match(lines.at(2));
    QVERIFY2(value.hasMatch() && lost.hasMatch(), qPrintable(lines.join(QLatin1Char('|'))));
    QCOMPARE(lines.at(1), QStringLiteral("Array: [1, 2]"));
    QCOMPARE(value.captured(1).toLongLong() + lost.captured(1).toLongLong(), qint64(workers) * increments);
}

void TestIpc::killedLockHolderIsRecovered()
{
    HostScript script = objectScript(QStringLiteral("counter"), QStringLiteral("Value"),
                                     {ScriptExpression::value(QStringLiteral("i")), ScriptExpression::value(0)});
    script.steps.append(createObjectStep(QStringLiteral("results"), QStringLiteral("Array"),
                                         {ScriptExpression::value(QStringLiteral("i")), ScriptExpression::value(2)}));
    WorkerSpec holder{1, QStringLiteral("Holder"), QStringLiteral("test.hold-lock"), {}};
    holder.objects.insert(QStringLiteral("counter"), QStringLiteral("counter"));
    WorkerSpec adder{2, QStringLiteral("Adder"), QStringLiteral("shared.worker"),
                     QCborMap{{QStringLiteral("num"), 2}, {QStringLiteral("increments"), 1000}}};
    adder.objects.insert(QStringLiteral("counter"), QStringLiteral("counter"));
    adder.objects.insert(QStringLiteral("results"), QStringLiteral("results"));
    script.workers = {holder, adder};
    script.steps.append(processStep(ScriptStep::Kind::Create, 1));
    script.steps.append(processStep(ScriptStep::Kind::Start, 1));
    script.steps.append(processStep(ScriptStep::Kind::Create, 2));
    script.steps.append(processStep(ScriptStep::Kind::Start, 2));
    script.steps.append(processStep(ScriptStep::Kind::Join, 1));
    script.steps.append(processStep(ScriptStep::Kind::Join, 2));
    script.steps.append(printStep({ScriptExpression::read(QStringLiteral("counter"), QStringLiteral("value"))}));
    Run run(QStringLiteral("test"), {}, std::move(script));
    run.setWorkerProgram(workerPath());
    QSignalSpy finished(&run, &Run::finished);
    connect(&run, &Run::eventRecorded, this, [&](const RunEvent &event) {
        if (event.kind == EventKind::Output && event.process == 1 && event.text == QStringLiteral("holding"))
            killProcess(summarize(run.record()).processes.at(1).pid);
    });
    run.start();
    QVERIFY(finished.wait(60000));
    QCOMPARE(outputLines(run.record(), 2), QStringList{QStringLiteral("Worker 2 finished")});
    QCOMPARE(outputLines(run.record(), mainProcessId), QStringList{QStringLiteral("1000")});
    QVERIFY2(hasEvent(run.record(), EventKind::IpcRecovered, QStringLiteral("recovered")),
             "no event says the lock was recovered");
}

void TestIpc::mainProgramLockIsPythons()
{
    // multiprocessing.Lock() is not recursive; acquire(False) says whether it got it; a
    // release too many raises ValueError.
    HostScript script = objectScript(QStringLiteral("lock"), QStringLiteral("Lock"), {});
    script.steps.append(callStep(QStringLiteral("lock"), QStringLiteral("acquire"), {}, QStringLiteral("first")));
    script.steps.append(callStep(QStringLiteral("lock"), QStringLiteral("acquire"), {ScriptExpression::value(false)},
                                 QStringLiteral("again")));
    script.steps.append(printStep({ScriptExpression::variable(QStringLiteral("first")),
                                   ScriptExpression::variable(QStringLiteral("again"))}));
    script.steps.append(callStep(QStringLiteral("lock"), QStringLiteral("release")));
    script.steps.append(callStep(QStringLiteral("lock"), QStringLiteral("release")));
    Run run(QStringLiteral("test"), {}, std::move(script));
    QVERIFY(runToEnd(run));
    QCOMPARE(outputLines(run.record(), mainProcessId), QStringList{QStringLiteral("True False")});
    QCOMPARE(run.exitCode(), 1);
    QVERIFY2(finishReason(run).contains(QStringLiteral("ValueError")), qPrintable(finishReason(run)));
    QCOMPARE(ipcEvents(run.record(), Protocol::IpcOp::Acquire).size(), 1);
    QCOMPARE(ipcEvents(run.record(), Protocol::IpcOp::Release).size(), 1);
}

void TestIpc::killedHostLeftoversAreSweptAtNextStart()
{
#ifndef Q_OS_UNIX
    QSKIP("System V leftovers exist on Unix only (Windows file mappings vanish with their last handle)");
#else
    QTemporaryDir hostTemp;
    QVERIFY(hostTemp.isValid());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("TMPDIR"), hostTemp.path());
    environment.insert(QStringLiteral("PROCESSLAB_WORKER"), workerPath());
    QProcess host;
    host.setProcessEnvironment(environment);
    host.start(cliPath(), {QStringLiteral("run"), QStringLiteral("queue"), QStringLiteral("--items"),
                           QStringLiteral("100"), QStringLiteral("--delay"), QStringLiteral("1")});
    QVERIFY(host.waitForStarted());
    // Wait until a worker printed (the queue's segment exists), then kill the host outright.
    QVERIFY(QTest::qWaitFor([&] { return host.readAllStandardOutput().contains("Produced"); }, 30000));
    QVERIFY(!leftoverSegments(hostTemp.path()).isEmpty());
    QVERIFY(killProcess(host.processId()));
    QVERIFY(host.waitForFinished(10000));
    const QStringList left = leftoverSegments(hostTemp.path());
    QVERIFY2(!left.isEmpty() && left.constFirst().contains(QStringLiteral("segment exists")),
             "a SIGKILLed host leaves its segment (the sweep is what removes it)");
    // The next start sweeps the dead host's segment; its own run leaves nothing either.
    QProcess next;
    next.setProcessEnvironment(environment);
    next.start(cliPath(), {QStringLiteral("run"), QStringLiteral("shared"), QStringLiteral("--workers"),
                           QStringLiteral("1"), QStringLiteral("--increments"), QStringLiteral("10")});
    QVERIFY(next.waitForFinished(60000));
    QCOMPARE(next.exitCode(), 0);
    QCOMPARE(leftoverSegments(hostTemp.path()), QStringList());
#endif
}

void TestIpc::pythonListingPrintsTheSameLines_data()
{
    QTest::addColumn<QString>("example");
    QTest::addColumn<QVariantMap>("knobs");
    QTest::newRow("queue tutorial") << QStringLiteral("queue") << QVariantMap{};
    QTest::newRow("queue 2x3") << QStringLiteral("queue")
                               << QVariantMap{{QStringLiteral("producers"), 2}, {QStringLiteral("consumers"), 3},
                                              {QStringLiteral("items"), 20}, {QStringLiteral("maxsize"), 3}};
    // Consumers started after the producers' join: fine while the queue never fills.
    QTest::newRow("queue consumers after join") << QStringLiteral("queue")
                                                << QVariantMap{{QStringLiteral("consumers-start"), QStringLiteral("after-join")}};
    QTest::newRow("queue 3x2 consumers after join")
        << QStringLiteral("queue")
        << QVariantMap{{QStringLiteral("producers"), 3}, {QStringLiteral("consumers"), 2}, {QStringLiteral("items"), 20},
                       {QStringLiteral("maxsize"), 100}, {QStringLiteral("consumers-start"), QStringLiteral("after-join")}};
    QTest::newRow("pipe 7") << QStringLiteral("pipe") << QVariantMap{{QStringLiteral("messages"), 7}};
    QTest::newRow("shared 3 with lock") << QStringLiteral("shared")
                                        << QVariantMap{{QStringLiteral("workers"), 3}, {QStringLiteral("increments"), 2000}};
}

void TestIpc::pythonListingPrintsTheSameLines()
{
    QFETCH(QString, example);
    QFETCH(QVariantMap, knobs);
    const QString python = resolvePython();
    if (python.isEmpty())
        QSKIP("python3 is not installed");
    const ExampleDefinition *definition = ExampleRegistry::find(example);
    QVERIFY(definition);
    QString error;
    const std::optional<QVariantMap> resolved = resolveKnobs(definition->knobs, knobs, &error);
    QVERIFY2(resolved, qPrintable(error));
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("example_%1.py").arg(example))); // not queue.py: it shadows the queue module
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(definition->pythonProgram(*resolved).text.toUtf8());
    file.close();
    QProcess process;
    process.setProcessEnvironment(pythonEnvironment());
    process.setWorkingDirectory(dir.path());
    process.start(python, {file.fileName()});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 0);
    QStringList pythonLines = textLines(process.readAllStandardOutput());

    const auto run = Run::create(*definition, *resolved);
    QVERIFY(runToEnd(*run));
    QCOMPARE(run->exitCode(), 0);
    QStringList ours = outputLines(run->record());
    QCOMPARE(ours.constLast(), pythonLines.constLast()); // the main program's last line is last in both
    // Which consumer gets an item is up to the scheduler, in Python as here: compare without it.
    static const QRegularExpression consumerName(QStringLiteral("(, consumer \\d+| \\(consumer \\d+\\))"));
    for (QStringList *lines : {&pythonLines, &ours}) {
        for (QString &line : *lines)
            line.remove(consumerName);
        lines->sort();
    }
    QCOMPARE(ours, pythonLines);
}

QTEST_GUILESS_MAIN(TestIpc)
#include "tst_ipc.moc"
