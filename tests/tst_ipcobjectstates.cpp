// SPDX-License-Identifier: MIT
// IpcObjectStates: the fold of shared-object events that the queue, pipe and shared-memory
// views draw. Synthetic records (out-of-order reports, caps, sampling) and real runs of the
// queue, pipe and shared examples: depth at t is puts − gets up to t, the items left are the
// puts not got, pipe in-flight counts, the cells' last writers, the lost-update count.
#include "testsupport.h"

#include "examples/exampleregistry.h"
#include "protocol/protocol.h"
#include "record/ipcobjectstates.h"
#include "record/runsummary.h"

#include <QRegularExpression>
#include <QTest>

#include <algorithm>

using namespace ProcessLab;
using namespace ProcessLab::TestSupport;

namespace {

RunEvent created(int object, IpcObjectKind kind, qint64 count = 0)
{
    return {.timeNs = 1, .kind = EventKind::IpcObjectCreated, .process = 0, .count = count, .object = object,
            .op = quint8(kind), .sequence = 10'000, .text = QStringLiteral("obj")};
}

RunEvent ipc(qint64 t, int process, int object, Protocol::IpcOp op, const QString &text = {}, qint64 seq = 0,
             qint64 count = 0)
{
    return {.timeNs = t, .kind = EventKind::IpcOperation, .process = process, .count = count, .object = object,
            .op = quint8(op), .sequence = seq, .text = text};
}

RunEvent counters(qint64 t, int object, qint64 count, qint64 operations)
{
    return {.timeNs = t, .kind = EventKind::IpcCounters, .count = count, .object = object, .sequence = operations,
            .text = {}};
}

// puts − gets among the record's reported operations on object up to t: what the depth lane
// must show, computed here independently of the fold.
qint64 countedDepth(const RunRecord &record, int object, qint64 t)
{
    qint64 depth = 0;
    for (const RunEvent &event : record.events()) {
        if (event.kind != EventKind::IpcOperation || event.object != object || event.timeNs > t)
            continue;
        if (event.op == quint8(Protocol::IpcOp::Put))
            ++depth;
        else if (event.op == quint8(Protocol::IpcOp::Get))
            --depth;
    }
    return depth;
}

} // namespace

class TestIpcObjectStates : public QObject
{
    Q_OBJECT
private slots:
    void queueItemsAndPaths();
    void getReportedBeforeItsPut();
    void depthIsPutsMinusGetsByTime();
    void sampledQueueTakesTheCounters();
    void depthSeriesIsBounded();
    void pipeInFlightPerDirection_data();
    void pipeInFlightPerDirection();
    void pipeCloseAndEof();
    void cellsLastWriterByTime();
    void lockHolder();
    void lostUpdatesAreWritesMinusValue_data();
    void lostUpdatesAreWritesMinusValue();
    void realQueueRun();
    void realPipeRun();
    void realSharedRunWithoutLock();
    void realSharedRunArrayWriters();
};

void TestIpcObjectStates::queueItemsAndPaths()
{
    IpcObjectStates states;
    states.consume(created(1, IpcObjectKind::Queue, 3));
    states.consume(ipc(10, 1, 1, Protocol::IpcOp::Put, QStringLiteral("'a'"), 1, 1));
    states.consume(ipc(20, 1, 1, Protocol::IpcOp::Put, QStringLiteral("'b'"), 2, 2));
    states.consume(ipc(30, 0, 1, Protocol::IpcOp::Put, QStringLiteral("None"), 3, 3));
    states.consume(ipc(40, 2, 1, Protocol::IpcOp::Get, QStringLiteral("'a'"), 1, 2));
    const IpcObjectState *queue = states.object(1);
    QVERIFY(queue);
    QCOMPARE(queue->queue.maxsize, 3);
    QCOMPARE(queue->queue.inQueue.keys(), (QList<qint64>{2, 3}));
    QCOMPARE(queue->queue.inQueue.value(2).producer, 1);
    QVERIFY(!queue->queue.inQueue.value(2).sentinel);
    QVERIFY(queue->queue.inQueue.value(3).sentinel);
    QCOMPARE(queue->queue.inQueue.value(3).producer, mainProcessId);
    QCOMPARE(queue->queue.got.size(), 1);
    const QueueItem &path = queue->queue.got.constFirst();
    QCOMPARE(path.text, QStringLiteral("'a'"));
    QCOMPARE(path.producer, 1);
    QCOMPARE(path.consumer, 2);
    QCOMPARE(path.putNs, 10);
    QCOMPARE(path.getNs, 40);
    QCOMPARE(queue->queue.currentDepth(), 2);
}

void TestIpcObjectStates::getReportedBeforeItsPut()
{
    // The consumer's report arrives first (another process, another connection).
    IpcObjectStates states;
    states.consume(created(1, IpcObjectKind::Queue));
    states.consume(ipc(50, 3, 1, Protocol::IpcOp::Get, QStringLiteral("7"), 1, 0));
    const IpcObjectState *queue = states.object(1);
    QVERIFY(queue->queue.inQueue.isEmpty());
    QCOMPARE(queue->queue.got.size(), 0);
    states.consume(ipc(40, 2, 1, Protocol::IpcOp::Put, QStringLiteral("7"), 1, 1));
    QVERIFY(queue->queue.inQueue.isEmpty());
    QVERIFY(queue->queue.getsBeforePuts.isEmpty());
    QCOMPARE(queue->queue.got.size(), 1);
    QCOMPARE(queue->queue.got.constFirst().producer, 2);
    QCOMPARE(queue->queue.got.constFirst().consumer, 3);
    QCOMPARE(queue->queue.depthAt(39), 0);
    QCOMPARE(queue->queue.depthAt(45), 1);
    QCOMPARE(queue->queue.depthAt(50), 0);
}

void TestIpcObjectStates::depthIsPutsMinusGetsByTime()
{
    IpcObjectStates states;
    RunRecord record;
    const auto add = [&](const RunEvent &event) {
        states.consume(event);
        record.append(event);
    };
    add(created(1, IpcObjectKind::Queue));
    // Reports of two producers and a consumer, interleaved out of time order.
    add(ipc(100, 1, 1, Protocol::IpcOp::Put, QStringLiteral("1"), 1));
    add(ipc(300, 1, 1, Protocol::IpcOp::Put, QStringLiteral("2"), 3));
    add(ipc(350, 3, 1, Protocol::IpcOp::Get, QStringLiteral("1"), 1));
    add(ipc(200, 2, 1, Protocol::IpcOp::Put, QStringLiteral("x"), 2));
    add(ipc(250, 3, 1, Protocol::IpcOp::Get, QStringLiteral("x"), 2));
    add(ipc(150, 2, 1, Protocol::IpcOp::Put, QStringLiteral("y"), 4));
    const IpcObjectState *queue = states.object(1);
    for (qint64 t : {0, 99, 100, 149, 150, 200, 249, 250, 300, 349, 350, 1000})
        QCOMPARE(queue->queue.depthAt(t), countedDepth(record, 1, t));
    QVERIFY(std::is_sorted(queue->queue.depth.cbegin(), queue->queue.depth.cend(),
                           [](const DepthPoint &a, const DepthPoint &b) { return a.timeNs < b.timeNs; }));
}

void TestIpcObjectStates::sampledQueueTakesTheCounters()
{
    IpcObjectStates states;
    states.consume(created(1, IpcObjectKind::Queue));
    states.consume(ipc(100, 1, 1, Protocol::IpcOp::Put, QStringLiteral("1"), 1));
    states.consume(counters(150, 1, 1, 1)); // before the budget ran out: the reports are exact
    QCOMPARE(states.object(1)->queue.depth.size(), 1);
    states.consume({.timeNs = 200, .kind = EventKind::IpcSampling, .count = 10'000, .object = 1, .text = {}});
    states.consume(counters(300, 1, 42, 20'000));
    states.consume(counters(400, 1, 17, 30'000));
    const IpcObjectState *queue = states.object(1);
    QVERIFY(queue->sampled);
    QCOMPARE(queue->sampledFromNs, 200);
    QCOMPARE(queue->queue.depthAt(350), 42);
    QCOMPARE(queue->queue.currentDepth(), 17);
    QCOMPARE(queue->operations, 30'000);
}

void TestIpcObjectStates::depthSeriesIsBounded()
{
    IpcObjectStates states;
    states.consume(created(1, IpcObjectKind::Queue));
    states.consume({.timeNs = 1, .kind = EventKind::IpcSampling, .count = 10'000, .object = 1, .text = {}});
    qint64 peak = 0;
    for (qint64 i = 0; i < 100'000; ++i) {
        const qint64 depth = (i * 7919) % 1000;
        peak = std::max(peak, depth);
        states.consume(counters(10 + i, 1, depth, i));
    }
    const QueueState &queue = states.object(1)->queue;
    QVERIFY(queue.decimated);
    QVERIFY2(queue.depth.size() <= QueueState::depthPointCap, qPrintable(QString::number(queue.depth.size())));
    QCOMPARE(std::max_element(queue.depth.cbegin(), queue.depth.cend(),
                              [](const DepthPoint &a, const DepthPoint &b) { return a.depth < b.depth; })
                 ->depth,
             peak); // peaks survive decimation
    QCOMPARE(queue.currentDepth(), (99'999 * 7919) % 1000);
}

void TestIpcObjectStates::pipeInFlightPerDirection_data()
{
    QTest::addColumn<bool>("recvFirst");
    QTest::newRow("sends-reported-first") << false;
    QTest::newRow("recv-reported-first") << true;
}

void TestIpcObjectStates::pipeInFlightPerDirection()
{
    QFETCH(bool, recvFirst);
    IpcObjectStates states;
    states.consume(created(1, IpcObjectKind::Pipe, 1));
    if (recvFirst) // the main program's recv is recorded before the worker's send report
        states.consume(ipc(60, 0, 1, Protocol::IpcOp::Recv, QStringLiteral("'m0'"), 0, 2));
    states.consume(ipc(50, 1, 1, Protocol::IpcOp::Send, QStringLiteral("'m0'"), 0, 1));
    states.consume(ipc(51, 1, 1, Protocol::IpcOp::Send, QStringLiteral("'m1'"), 0, 2));
    states.consume(ipc(52, 1, 1, Protocol::IpcOp::Send, QStringLiteral("'m2'"), 0, 3));
    if (!recvFirst)
        states.consume(ipc(60, 0, 1, Protocol::IpcOp::Recv, QStringLiteral("'m0'"), 0, 2));
    states.consume(ipc(70, 0, 1, Protocol::IpcOp::Send, QStringLiteral("'ack'"), 0, 1));
    const PipeState &pipe = states.object(1)->pipe;
    QCOMPARE(pipe.directions.size(), 2);
    const PipeDirection *fromWorker = pipe.directionFrom(1);
    QVERIFY(fromWorker);
    QCOMPARE(fromWorker->inFlightCount(), 2);
    QCOMPARE(fromWorker->inFlight.size(), 2);
    QCOMPARE(fromWorker->inFlight.constFirst().text, QStringLiteral("'m1'"));
    QCOMPARE(fromWorker->receiver, mainProcessId);
    QCOMPARE(fromWorker->lastReceived, QStringLiteral("'m0'"));
    const PipeDirection *fromMain = pipe.directionFrom(0);
    QVERIFY(fromMain);
    QCOMPARE(fromMain->inFlightCount(), 1);
    QCOMPARE(pipe.inFlightTotal(), 3);
}

void TestIpcObjectStates::pipeCloseAndEof()
{
    IpcObjectStates states;
    states.consume(created(1, IpcObjectKind::Pipe, 1));
    states.consume(ipc(50, 1, 1, Protocol::IpcOp::Send, QStringLiteral("'m0'")));
    states.consume(ipc(55, 1, 1, Protocol::IpcOp::Close));
    states.consume(ipc(60, 0, 1, Protocol::IpcOp::Recv, QStringLiteral("'m0'")));
    states.consume(ipc(70, 0, 1, Protocol::IpcOp::Failed, QStringLiteral("EOFError")));
    const PipeDirection *direction = states.object(1)->pipe.directionFrom(1);
    QVERIFY(direction->senderClosed);
    QCOMPARE(direction->closedNs, 55);
    QVERIFY(direction->eofSeen);
    QCOMPARE(direction->eofNs, 70);
    QCOMPARE(direction->inFlightCount(), 0);
    QCOMPARE(states.object(1)->pipe.closedBy, QList<int>{1});
}

void TestIpcObjectStates::cellsLastWriterByTime()
{
    IpcObjectStates states;
    states.consume(created(2, IpcObjectKind::Array, 3));
    states.consume(ipc(200, 2, 2, Protocol::IpcOp::Write, QStringLiteral("2"), 0, 1));
    states.consume(ipc(100, 1, 2, Protocol::IpcOp::Write, QStringLiteral("1"), 0, 1)); // earlier, reported later
    states.consume(ipc(150, 1, 2, Protocol::IpcOp::Write, QStringLiteral("5"), 0, 0));
    states.consume(ipc(150, 1, 2, Protocol::IpcOp::Write, QStringLiteral("9"), 0, 7)); // no such cell
    const CellsState &cells = states.object(2)->cells;
    QCOMPARE(cells.cells.size(), 3);
    QCOMPARE(cells.cells.at(0).writer, 1);
    QCOMPARE(cells.cells.at(0).value, QStringLiteral("5"));
    QCOMPARE(cells.cells.at(1).writer, 2);
    QCOMPARE(cells.cells.at(1).value, QStringLiteral("2"));
    QCOMPARE(cells.cells.at(1).writes, 2);
    QCOMPARE(cells.cells.at(2).writer, runLevel);
}

void TestIpcObjectStates::lockHolder()
{
    IpcObjectStates states;
    states.consume(created(1, IpcObjectKind::Value, 1));
    states.consume(ipc(100, 1, 1, Protocol::IpcOp::Acquire));
    QCOMPARE(states.object(1)->cells.lockHolder, 1);
    states.consume(ipc(50, 2, 1, Protocol::IpcOp::Acquire)); // an earlier acquisition, reported late
    states.consume(ipc(60, 2, 1, Protocol::IpcOp::Release));
    QCOMPARE(states.object(1)->cells.lockHolder, 1);
    states.consume(ipc(120, 1, 1, Protocol::IpcOp::Release));
    QCOMPARE(states.object(1)->cells.lockHolder, runLevel);
    states.consume(ipc(130, 2, 1, Protocol::IpcOp::Acquire));
    // The holder dies: the host frees its lock.
    states.consume({.timeNs = 140, .kind = EventKind::StateChanged, .process = 2, .state = ProcessState::Killed,
                    .text = {}});
    QCOMPARE(states.object(1)->cells.lockHolder, runLevel);
    QCOMPARE(states.object(1)->cells.acquisitions, 3);
}

void TestIpcObjectStates::lostUpdatesAreWritesMinusValue_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<qint64>("value");
    QTest::addColumn<qint64>("writes");
    QTest::addColumn<qint64>("lost");
    QTest::newRow("value-lock-off") << int(IpcObjectKind::Value) << qint64(1330817) << qint64(2000000) << qint64(669183);
    QTest::newRow("value-exact") << int(IpcObjectKind::Value) << qint64(40000) << qint64(40000) << qint64(0);
    QTest::newRow("array-never") << int(IpcObjectKind::Array) << qint64(2) << qint64(2) << qint64(0);
}

void TestIpcObjectStates::lostUpdatesAreWritesMinusValue()
{
    QFETCH(int, kind);
    QFETCH(qint64, value);
    QFETCH(qint64, writes);
    QFETCH(qint64, lost);
    IpcObjectStates states;
    states.consume(created(1, IpcObjectKind(kind), 2));
    QCOMPARE(states.object(1)->cells.lostUpdates(IpcObjectKind(kind)), 0);
    states.consume(counters(100, 1, value, writes));
    QCOMPARE(states.object(1)->cells.lostUpdates(IpcObjectKind(kind)), lost);
    if (kind == int(IpcObjectKind::Value))
        QCOMPARE(states.object(1)->cells.cells.at(0).value, QString::number(value));
}

void TestIpcObjectStates::realQueueRun()
{
    const auto run = exampleRun(QStringLiteral("queue"), {{QStringLiteral("producers"), 2},
                                                         {QStringLiteral("consumers"), 2},
                                                         {QStringLiteral("items"), 50}});
    QVERIFY(runToEnd(*run, 120000));
    QCOMPARE(run->exitCode(), 0);
    const RunRecord &record = run->record();
    const RunSummary summary = summarize(record);
    QCOMPARE(summary.ipcStates.objects().size(), 1);
    const IpcObjectState &queue = summary.ipcStates.objects().constFirst();
    QCOMPARE(queue.kind, IpcObjectKind::Queue);
    QVERIFY(!queue.sampled);
    QCOMPARE(queue.queue.puts, 102); // 2 × 50 + one None per consumer
    QCOMPARE(queue.queue.gets, 102);
    QVERIFY(queue.queue.inQueue.isEmpty());
    QVERIFY(queue.queue.getsBeforePuts.isEmpty());
    QCOMPARE(queue.queue.got.size(), 102);
    // Every item's path: the put's process and the get's process of the same seq.
    QHash<qint64, std::pair<int, int>> paths;
    for (const RunEvent &event : record.events()) {
        if (event.kind != EventKind::IpcOperation)
            continue;
        if (event.op == quint8(Protocol::IpcOp::Put))
            paths[event.sequence].first = event.process;
        else if (event.op == quint8(Protocol::IpcOp::Get))
            paths[event.sequence].second = event.process;
    }
    int sentinels = 0;
    for (const QueueItem &item : queue.queue.got) {
        QCOMPARE(item.producer, paths.value(item.seq).first);
        QCOMPARE(item.consumer, paths.value(item.seq).second);
        sentinels += item.sentinel ? 1 : 0;
        QCOMPARE(item.sentinel, item.producer == mainProcessId);
    }
    QCOMPARE(sentinels, 2);
    // Depth at every operation's time (and just before) is puts − gets up to then.
    for (const RunEvent &event : record.events()) {
        if (event.kind != EventKind::IpcOperation)
            continue;
        QCOMPARE(queue.queue.depthAt(event.timeNs), countedDepth(record, queue.id, event.timeNs));
        QCOMPARE(queue.queue.depthAt(event.timeNs - 1), countedDepth(record, queue.id, event.timeNs - 1));
    }
    QCOMPARE(queue.queue.currentDepth(), 0);

    // Items in the queue part-way through the record equal the puts not yet got (by record order).
    IpcObjectStates partial;
    const qsizetype half = record.size() / 2;
    QSet<qint64> put, got;
    for (qsizetype i = 0; i < half; ++i) {
        const RunEvent &event = record.events().at(i);
        partial.consume(event);
        if (event.kind == EventKind::IpcOperation && event.op == quint8(Protocol::IpcOp::Put))
            put.insert(event.sequence);
        else if (event.kind == EventKind::IpcOperation && event.op == quint8(Protocol::IpcOp::Get))
            got.insert(event.sequence);
    }
    const QList<qint64> inQueue = partial.object(queue.id)->queue.inQueue.keys();
    QSet<qint64> expected = put - got;
    QCOMPARE(QSet<qint64>(inQueue.cbegin(), inQueue.cend()), expected);
}

void TestIpcObjectStates::realPipeRun()
{
    const auto run = exampleRun(QStringLiteral("pipe"), {{QStringLiteral("messages"), 20}});
    QVERIFY(runToEnd(*run, 120000));
    QCOMPARE(run->exitCode(), 0);
    const RunRecord &record = run->record();
    const RunSummary summary = summarize(record);
    const IpcObjectState &pipe = summary.ipcStates.objects().constFirst();
    QCOMPARE(pipe.kind, IpcObjectKind::Pipe);
    const PipeDirection *fromSender = pipe.pipe.directionFrom(1);
    QVERIFY(fromSender);
    QCOMPARE(fromSender->sent, 21); // 20 messages and None
    QCOMPARE(fromSender->received, 21);
    QCOMPARE(fromSender->inFlightCount(), 0);
    QCOMPARE(fromSender->receiver, mainProcessId);
    QCOMPARE(fromSender->lastReceived, QStringLiteral("None"));
    QVERIFY(fromSender->senderClosed);
    // Replayed event by event, the in-flight count after each report of the sender is sends −
    // recvs so far (each direction counted from the record independently).
    IpcObjectStates partial;
    qint64 sends = 0, recvs = 0;
    for (const RunEvent &event : record.events()) {
        partial.consume(event);
        if (event.kind != EventKind::IpcOperation)
            continue;
        sends += event.op == quint8(Protocol::IpcOp::Send) ? 1 : 0;
        recvs += event.op == quint8(Protocol::IpcOp::Recv) ? 1 : 0;
        if (const PipeDirection *direction = partial.object(pipe.id)->pipe.directionFrom(1))
            QCOMPARE(direction->inFlightCount(), std::max<qint64>(0, sends - recvs));
    }
}

void TestIpcObjectStates::realSharedRunWithoutLock()
{
    constexpr int workers = 2, increments = 300000;
    const auto run = exampleRun(QStringLiteral("shared"), {{QStringLiteral("workers"), workers},
                                                          {QStringLiteral("increments"), increments},
                                                          {QStringLiteral("lock"), false}});
    QVERIFY(runToEnd(*run, 120000));
    QCOMPARE(run->exitCode(), 0);
    const RunSummary summary = summarize(run->record());
    const IpcObjectState &counter = summary.ipcStates.objects().constFirst();
    QCOMPARE(counter.kind, IpcObjectKind::Value);
    // The fold's count is the program's own "Lost updates:" line.
    const QStringList lines = outputLines(run->record(), mainProcessId);
    static const QRegularExpression lostLine(QStringLiteral("^Lost updates: (\\d+)$"));
    const QRegularExpressionMatch lost = lostLine.match(lines.value(2));
    QVERIFY2(lost.hasMatch(), qPrintable(lines.join(QLatin1Char('|'))));
    QCOMPARE(counter.cells.lostUpdates(counter.kind), lost.captured(1).toLongLong());
    QCOMPARE(counter.cells.writes, qint64(workers) * increments);
}

void TestIpcObjectStates::realSharedRunArrayWriters()
{
    const auto run = exampleRun(QStringLiteral("shared"), {{QStringLiteral("workers"), 3},
                                                          {QStringLiteral("increments"), 2000}});
    QVERIFY(runToEnd(*run, 120000));
    QCOMPARE(run->exitCode(), 0);
    const RunSummary summary = summarize(run->record());
    QCOMPARE(summary.ipcStates.objects().size(), 2);
    const IpcObjectState &counter = summary.ipcStates.objects().at(0);
    QCOMPARE(counter.cells.lostUpdates(counter.kind), 0);
    QCOMPARE(counter.cells.cells.at(0).value, QStringLiteral("6000"));
    QCOMPARE(counter.cells.lockHolder, runLevel); // released at the end
    const IpcObjectState &results = summary.ipcStates.objects().at(1);
    QCOMPARE(results.kind, IpcObjectKind::Array);
    // Cell i is written by worker i + 1 (results[num - 1] = num): its last writer and colour.
    QCOMPARE(results.cells.cells.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(results.cells.cells.at(i).writer, i + 1);
        QCOMPARE(results.cells.cells.at(i).value, QString::number(i + 1));
    }
}

QTEST_GUILESS_MAIN(TestIpcObjectStates)
#include "tst_ipcobjectstates.moc"
