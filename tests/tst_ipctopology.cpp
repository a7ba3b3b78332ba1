// SPDX-License-Identifier: MIT
// IpcTopology: the Topology view's graph folded from the record. Its edges are exactly the
// (process, object) pairs of the record's ipc events (plus pool workers and Main's submits),
// and "who waits" is exactly IpcWaits' open waits, with the processes that can end each.
#include "testsupport.h"

#include "examples/exampleregistry.h"
#include "examples/knob.h"
#include "protocol/protocol.h"
#include "record/ipctopology.h"
#include "record/jsonexport.h"
#include "record/runrecordreader.h"
#include "record/runsummary.h"
#include "runtime/run.h"

#include <QBuffer>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace ProcessLab;
using namespace ProcessLab::TestSupport;

namespace {

RunEvent created(int object, IpcObjectKind kind, const QString &name)
{
    return {.timeNs = 1, .kind = EventKind::IpcObjectCreated, .process = mainProcessId, .object = object,
            .op = quint8(kind), .text = name};
}

RunEvent ipc(qint64 t, int process, int object, Protocol::IpcOp op, const QString &text = {})
{
    return {.timeNs = t, .kind = EventKind::IpcOperation, .process = process, .object = object,
            .op = quint8(op), .text = text};
}

RunEvent ended(qint64 t, int process)
{
    return {.timeNs = t, .kind = EventKind::StateChanged, .process = process, .state = ProcessState::Finished,
            .hasExitStatus = true, .text = {}};
}

using Pair = QPair<int, int>;

QSet<Pair> edgePairs(const IpcTopology &topology)
{
    QSet<Pair> pairs;
    for (const TopologyEdge &e : topology.edges())
        pairs.insert({e.process, e.object});
    return pairs;
}

QSet<Pair> openWaitPairs(const IpcWaits &waits)
{
    QSet<Pair> pairs;
    for (const IpcWait &w : waits.waits()) {
        if (w.isOpen())
            pairs.insert({w.process, w.object});
    }
    return pairs;
}

} // namespace

class TestIpcTopology : public QObject
{
    Q_OBJECT
private slots:
    void edgesAreTheIpcPairs();
    void waitsNameTheirCounterparts_data();
    void waitsNameTheirCounterparts();
    void lockHolderEndsWithTheProcess();
    void lockHolderIsTheSharedViewsPastTheBudget();
    void sharedRunsLockWaitsAgreeWithIpcStates();
    void poolWorkersAndMainJoinThePool();
    void unknownObjectsAndCapsMakeNoEdges();
    void realRunsEdgesEqualTheRecordsPairs_data();
    void realRunsEdgesEqualTheRecordsPairs();
    void joinWaitsLastUntilTheJoinReturns();
    void realTrapsShowMainsJoinWait_data();
    void realTrapsShowMainsJoinWait();
};

void TestIpcTopology::edgesAreTheIpcPairs()
{
    RunSummaryBuilder builder; // the topology is folded once, in RunSummary
    const IpcTopology &topology = builder.summary().topology;
    builder.consume(created(1, IpcObjectKind::Queue, QStringLiteral("queue")));
    builder.consume(created(2, IpcObjectKind::Value, QStringLiteral("counter")));
    builder.consume(ipc(10, 1, 1, Protocol::IpcOp::Put, QStringLiteral("1")));
    builder.consume(ipc(20, 1, 1, Protocol::IpcOp::Put, QStringLiteral("2")));
    builder.consume(ipc(30, 2, 1, Protocol::IpcOp::Get, QStringLiteral("1")));
    builder.consume(ipc(40, 0, 2, Protocol::IpcOp::Write, QStringLiteral("5")));
    QCOMPARE(edgePairs(topology), (QSet<Pair>{{1, 1}, {2, 1}, {0, 2}}));
    const TopologyEdge *producer = topology.edge(1, 1);
    QVERIFY(producer);
    QCOMPARE(producer->operations, 2);
    QCOMPARE(producer->lastTrafficNs, 20);
    QVERIFY(producer->writes());
    QVERIFY(!producer->reads());
    QVERIFY(topology.edge(2, 1)->reads());
    QCOMPARE(builder.summary().objectOperations(1), 3); // the one count (ObjectSummary)
    QCOMPARE(topology.object(1)->lastTrafficNs, 30);
    QCOMPARE(topology.objects().size(), 2);
    QCOMPARE(topology.objects().at(0).kind, TopologyObject::Kind::Queue);
    QCOMPARE(topology.objects().at(1).name, QStringLiteral("counter"));
    // A wait makes an edge (the process uses the object) but is no traffic.
    builder.consume(ipc(50, 3, 1, Protocol::IpcOp::Blocked, QStringLiteral("get")));
    QVERIFY(topology.edge(3, 1));
    QCOMPARE(topology.edge(3, 1)->operations, 0);
    QCOMPARE(topology.edge(3, 1)->lastTrafficNs, 0);
    QCOMPARE(builder.summary().objectOperations(1), 3);
    // Past the budget the counters' total is the count, and a change lights the node.
    builder.consume({.timeNs = 60, .kind = EventKind::IpcCounters, .process = runLevel, .count = 1, .object = 1,
                     .sequence = 9, .text = {}});
    QCOMPARE(builder.summary().objectOperations(1), 9);
    QCOMPARE(topology.object(1)->lastTrafficNs, 60);
    IpcTopology copy = topology;
    copy.clear();
    QVERIFY(copy.edges().isEmpty());
    QVERIFY(copy.objects().isEmpty());
}

void TestIpcTopology::waitsNameTheirCounterparts_data()
{
    QTest::addColumn<QList<RunEvent>>("events");
    QTest::addColumn<QString>("what");
    QTest::addColumn<QList<int>>("counterparts");
    // Object 1: a queue with producers 1 and 2, consumers 3 and 4; object 2: a pipe; 3: a lock.
    const QList<RunEvent> traffic{
        ipc(10, 1, 1, Protocol::IpcOp::Put), ipc(11, 2, 1, Protocol::IpcOp::Put), ipc(12, 3, 1, Protocol::IpcOp::Get),
        ipc(13, 4, 1, Protocol::IpcOp::Get), ipc(14, 1, 2, Protocol::IpcOp::Send), ipc(15, 2, 3, Protocol::IpcOp::Acquire)};
    QTest::newRow("get waits for the producers")
        << (traffic + QList<RunEvent>{ipc(20, 3, 1, Protocol::IpcOp::Blocked, QStringLiteral("get"))}) << QStringLiteral("get")
        << QList<int>{1, 2};
    QTest::newRow("full put waits for the consumers")
        << (traffic + QList<RunEvent>{ipc(20, 2, 1, Protocol::IpcOp::Blocked, QStringLiteral("put"))}) << QStringLiteral("put")
        << QList<int>{3, 4};
    QTest::newRow("recv waits for the sender")
        << (traffic + QList<RunEvent>{ipc(20, 4, 2, Protocol::IpcOp::Blocked, QStringLiteral("recv"))}) << QStringLiteral("recv")
        << QList<int>{1};
    QTest::newRow("acquire waits for the holder")
        << (traffic + QList<RunEvent>{ipc(20, 0, 3, Protocol::IpcOp::Blocked, QStringLiteral("acquire"))})
        << QStringLiteral("acquire") << QList<int>{2};
}

void TestIpcTopology::waitsNameTheirCounterparts()
{
    QFETCH(QList<RunEvent>, events);
    QFETCH(QString, what);
    QFETCH(QList<int>, counterparts);
    RunSummaryBuilder summary; // its IpcWaits, IpcObjectStates and IpcTopology: one fold each
    const IpcTopology &topology = summary.summary().topology;
    summary.consume(created(1, IpcObjectKind::Queue, QStringLiteral("queue")));
    summary.consume(created(2, IpcObjectKind::Pipe, QStringLiteral("a, b")));
    summary.consume(created(3, IpcObjectKind::Lock, QStringLiteral("lock")));
    for (const RunEvent &event : events)
        summary.consume(event);
    const QList<TopologyWait> waits = topology.waitsNow(summary.summary().waits, summary.summary().ipcStates);
    QCOMPARE(waits.size(), 1);
    QCOMPARE(waits.first().what, what);
    QCOMPARE(waits.first().counterparts, counterparts);
    QCOMPARE(QSet<Pair>({{waits.first().process, waits.first().object}}), openWaitPairs(summary.summary().waits));
    // The waiter's next event on the object ends the wait: nothing is red any more.
    const RunEvent last = events.last();
    const RunEvent done = ipc(30, last.process, last.object, Protocol::IpcOp::Get);
    summary.consume(done);
    QVERIFY(topology.waitsNow(summary.summary().waits, summary.summary().ipcStates).isEmpty());
}

namespace {
// The lock holder the Topology view names: the counterpart of another process's acquire() wait.
int topologyHolder(const RunSummary &summary, int lock, int waiter)
{
    const QList<int> holders = summary.topology.counterparts(waiter, lock, QStringLiteral("acquire"), summary.ipcStates);
    return holders.isEmpty() ? runLevel : holders.first();
}
} // namespace

void TestIpcTopology::lockHolderEndsWithTheProcess()
{
    RunSummaryBuilder builder;
    const auto holder = [&] { return topologyHolder(builder.summary(), 1, 9); };
    builder.consume(created(1, IpcObjectKind::Lock, QStringLiteral("lock")));
    QCOMPARE(holder(), -1);
    builder.consume(ipc(10, 0, 1, Protocol::IpcOp::Acquire));
    QCOMPARE(holder(), 0); // Main holds it
    builder.consume(ipc(11, 0, 1, Protocol::IpcOp::Release));
    QCOMPARE(holder(), -1);
    builder.consume(ipc(12, 2, 1, Protocol::IpcOp::Acquire));
    QCOMPARE(holder(), 2);
    builder.consume(ended(20, 2)); // the host frees a dead process's lock (ipc-recovered)
    QCOMPARE(holder(), -1);
}

// Past the observation budget acquire/release are no longer reported: the last reported holder
// is stale. The Shared memory view says "no longer reported"; the Topology must not name it.
void TestIpcTopology::lockHolderIsTheSharedViewsPastTheBudget()
{
    RunSummaryBuilder builder;
    builder.consume(created(1, IpcObjectKind::Value, QStringLiteral("counter")));
    builder.consume(ipc(10, 2, 1, Protocol::IpcOp::Acquire));
    QCOMPARE(topologyHolder(builder.summary(), 1, 3), 2);
    QCOMPARE(builder.summary().ipcStates.object(1)->reportedLockHolder(), 2);
    builder.consume({.timeNs = 11, .kind = EventKind::IpcSampling, .process = 2, .object = 1, .text = {}});
    builder.consume(ipc(12, 3, 1, Protocol::IpcOp::Blocked, QStringLiteral("acquire")));
    const RunSummary &summary = builder.summary();
    QVERIFY(summary.ipcStates.object(1)->sampled);
    QCOMPARE(summary.ipcStates.object(1)->reportedLockHolder(), runLevel);
    QCOMPARE(topologyHolder(summary, 1, 3), runLevel);
    const QList<TopologyWait> waits = summary.topology.waitsNow(summary.waits, summary.ipcStates);
    QCOMPARE(waits.size(), 1);
    QVERIFY(waits.first().counterparts.isEmpty());
}

// A real shared-memory run far past the budget: at every event, the holder the Topology names
// for a lock wait is the one the Shared memory view shows (IpcObjectStates).
void TestIpcTopology::sharedRunsLockWaitsAgreeWithIpcStates()
{
    const auto run = exampleRun(QStringLiteral("shared"), {{QStringLiteral("workers"), 3},
                                                           {QStringLiteral("increments"), 20000}});
    QVERIFY(run);
    QVERIFY(runToEnd(*run));
    RunSummaryBuilder builder;
    const RunSummary &summary = builder.summary();
    qint64 lockWaitsChecked = 0;
    for (const RunEvent &event : run->record().events()) {
        builder.consume(event);
        for (const TopologyWait &wait : summary.topology.waitsNow(summary.waits, summary.ipcStates)) {
            if (wait.what != QLatin1StringView("acquire"))
                continue;
            const int holder = summary.ipcStates.object(wait.object)->reportedLockHolder();
            QCOMPARE(wait.counterparts, holder >= 0 && holder != wait.process ? QList<int>{holder} : QList<int>{});
            ++lockWaitsChecked;
        }
    }
    bool sampled = false;
    for (const IpcObjectState &object : summary.ipcStates.objects())
        sampled = sampled || (object.sampled && object.cells.acquisitions > 0);
    QVERIFY2(sampled, "the run should outlast the observation budget of its locked Value");
    qInfo("%lld lock waits checked", qlonglong(lockWaitsChecked));
}

void TestIpcTopology::poolWorkersAndMainJoinThePool()
{
    IpcTopology topology;
    topology.consume({.timeNs = 5, .kind = EventKind::PoolWorker, .process = 1, .pid = 100, .object = 7,
                      .op = quint8(PoolWorkerChange::Started), .text = {}});
    topology.consume({.timeNs = 6, .kind = EventKind::PoolWorker, .process = 2, .pid = 101, .object = 7,
                      .op = quint8(PoolWorkerChange::Started), .text = {}});
    topology.consume({.timeNs = 10, .kind = EventKind::PoolTask, .process = 0, .count = 1, .object = 7,
                      .op = quint8(PoolTaskPhase::Queued), .sequence = 1, .text = QStringLiteral("f(1)")});
    topology.consume({.timeNs = 20, .kind = EventKind::PoolTask, .process = 2, .pid = 101, .count = 1, .object = 7,
                      .op = quint8(PoolTaskPhase::Started), .sequence = 1, .text = {}});
    QCOMPARE(topology.objects().size(), 1);
    QCOMPARE(topology.objects().first().kind, TopologyObject::Kind::Pool);
    QCOMPARE(edgePairs(topology), (QSet<Pair>{{1, 7}, {2, 7}, {0, 7}}));
    QCOMPARE(topology.edge(0, 7)->ops, TopologyEdge::poolSubmit);
    QVERIFY(topology.edge(0, 7)->writes());
    QVERIFY(topology.edge(2, 7)->reads());
    QCOMPARE(topology.edge(2, 7)->lastTrafficNs, 20);
    QCOMPARE(topology.edge(1, 7)->lastTrafficNs, 0); // idle so far: no traffic
}

void TestIpcTopology::unknownObjectsAndCapsMakeNoEdges()
{
    IpcTopology topology;
    topology.consume(ipc(10, 1, 99, Protocol::IpcOp::Put)); // never created
    topology.consume({.timeNs = 11, .kind = EventKind::IpcOperation, .process = 1, .object = 1, .op = 200, .text = {}});
    QVERIFY(topology.edges().isEmpty());
    for (int i = 1; i <= IpcTopology::objectCap + 10; ++i)
        topology.consume(created(i, IpcObjectKind::Value, QString()));
    QCOMPARE(topology.objects().size(), IpcTopology::objectCap);
}

void TestIpcTopology::realRunsEdgesEqualTheRecordsPairs_data()
{
    QTest::addColumn<QString>("example");
    QTest::addColumn<QVariantMap>("knobs");
    QTest::newRow("queue 2x2") << QStringLiteral("queue")
                               << QVariantMap{{QStringLiteral("producers"), 2}, {QStringLiteral("consumers"), 2}};
    QTest::newRow("pipe") << QStringLiteral("pipe") << QVariantMap{};
    QTest::newRow("shared") << QStringLiteral("shared") << QVariantMap{};
    QTest::newRow("pool") << QStringLiteral("pool") << QVariantMap{};
}

void TestIpcTopology::realRunsEdgesEqualTheRecordsPairs()
{
    QFETCH(QString, example);
    QFETCH(QVariantMap, knobs);
    const auto run = exampleRun(example, knobs);
    QVERIFY(run);
    QVERIFY(runToEnd(*run));
    RunSummaryBuilder summary;
    const IpcTopology &topology = summary.summary().topology;
    QSet<Pair> expected;
    QSet<Pair> openWaitsSeen; // at every event: red exactly where IpcWaits has an open wait
    for (const RunEvent &event : run->record().events()) {
        summary.consume(event);
        if (event.kind == EventKind::IpcOperation)
            expected.insert({event.process, event.object});
        else if (event.kind == EventKind::PoolWorker && event.op == quint8(PoolWorkerChange::Started))
            expected.insert({event.process, event.object});
        else if (event.kind == EventKind::PoolTask && event.op == quint8(PoolTaskPhase::Queued))
            expected.insert({mainProcessId, event.object});
        else if (event.kind == EventKind::PoolTask && event.process > mainProcessId
                 && event.op != quint8(PoolTaskPhase::Cancelled) && event.op != quint8(PoolTaskPhase::Counters))
            expected.insert({event.process, event.object});
        QSet<Pair> red;
        for (const TopologyWait &wait : topology.waitsNow(summary.summary().waits, summary.summary().ipcStates))
            red.insert({wait.process, wait.object});
        QCOMPARE(red, openWaitPairs(summary.summary().waits));
        openWaitsSeen += red;
    }
    QVERIFY(!expected.isEmpty());
    QCOMPARE(edgePairs(topology), expected);
    // Every object the record created is a node.
    for (const ObjectSummary &object : summary.summary().objects)
        QVERIFY2(topology.object(object.id), qPrintable(object.name));
    qInfo("%s: %lld edges, %lld objects, %lld (process, object) pairs seen waiting", qPrintable(example),
          qlonglong(topology.edges().size()), qlonglong(topology.objects().size()), qlonglong(openWaitsSeen.size()));
}

namespace {
RunEvent step(qint64 t, int line, const QString &text, int joins = 0)
{
    return {.timeNs = t, .kind = EventKind::ScriptStep, .process = mainProcessId, .sourceLine = line, .count = joins,
            .text = text};
}
RunEvent stepEnded(qint64 t, int line, const QString &text)
{
    return {.timeNs = t, .kind = EventKind::ScriptStepEnded, .process = mainProcessId, .sourceLine = line, .text = text};
}
} // namespace

// Main's join(): a `step` naming the joined process opens a wait Main -> that process until the
// join returns, the process ends, Main ends or the run does; a join of an ended process waits not.
void TestIpcTopology::joinWaitsLastUntilTheJoinReturns()
{
    RunSummaryBuilder builder;
    const JoinWaits &joins = builder.summary().joins;
    const QString join2 = QStringLiteral("consumer_process.join()");
    builder.consume(step(10, 30, QStringLiteral("producer_process.start()")));
    QVERIFY(!joins.openWait());
    builder.consume(step(20, 33, join2, 2));
    QVERIFY(joins.openWait());
    QCOMPARE(joins.openWait()->process, mainProcessId);
    QCOMPARE(joins.openWait()->target, 2);
    QCOMPARE(joins.openWait()->sourceLine, 33);
    QCOMPARE(joins.openWait()->statement, join2);
    QCOMPARE(joins.openWait()->startNs, 20);
    builder.consume(ipc(25, 2, 1, Protocol::IpcOp::Blocked, QStringLiteral("get"))); // other events: still waiting
    QVERIFY(joins.openWait());
    builder.consume(stepEnded(40, 33, join2));
    QVERIFY(!joins.openWait());
    QCOMPARE(joins.waits().size(), 1);
    QCOMPARE(joins.waits().first().endNs, 40);

    // The joined process ends: the wait is over even before the step-ended arrives.
    builder.consume(step(50, 34, QStringLiteral("p.join()"), 3));
    QVERIFY(joins.openWait());
    builder.consume(ended(60, 3));
    QVERIFY(!joins.openWait());
    QCOMPARE(joins.waits().last().endNs, 60);
    // Joining a process that has ended returns at once: no wait.
    builder.consume(step(70, 35, QStringLiteral("p.join()"), 3));
    QVERIFY(!joins.openWait());
    QCOMPARE(joins.waits().size(), 2);

    // Stopped while waiting: Main's end and the run's end close it.
    builder.consume(step(80, 36, QStringLiteral("q.join()"), 4));
    QVERIFY(joins.openWait());
    builder.consume({.timeNs = 90, .kind = EventKind::StateChanged, .process = mainProcessId,
                     .state = ProcessState::Killed, .text = QStringLiteral("stopped by the user")});
    QVERIFY(!joins.openWait());
    builder.consume(step(95, 37, QStringLiteral("r.join()"), 5)); // a hand-made record: the run's end closes it
    builder.consume({.timeNs = 99, .kind = EventKind::RunFinished, .exitCode = 1, .text = {}});
    QVERIFY(!joins.openWait());
    QCOMPARE(joins.waits().last().endNs, 99);
    QVERIFY(std::none_of(joins.waits().cbegin(), joins.waits().cend(), [](const JoinWait &w) { return w.isOpen(); }));
}

void TestIpcTopology::realTrapsShowMainsJoinWait_data()
{
    QTest::addColumn<QVariantMap>("knobs");
    QTest::addColumn<QString>("joined");      // the role Main waits for
    QTest::addColumn<QString>("blockedRole"); // the role that waits on the queue
    QTest::addColumn<QString>("blockedIn");   // and in which operation
    QTest::newRow("missing sentinel") << QVariantMap{{QStringLiteral("sentinel"), false}} << QStringLiteral("Consumer")
                                      << QStringLiteral("Consumer") << QStringLiteral("get");
    QTest::newRow("join before drain")
        << QVariantMap{{QStringLiteral("consumers-start"), QStringLiteral("after-join")}, {QStringLiteral("maxsize"), 2},
                       {QStringLiteral("items"), 10}}
        << QStringLiteral("Producer") << QStringLiteral("Producer") << QStringLiteral("put");
}

// The two traps of issue 12 as real runs: Main waits in join() for the process that can never
// end, which waits on the queue; Stop ends every wait.
void TestIpcTopology::realTrapsShowMainsJoinWait()
{
    QFETCH(QVariantMap, knobs);
    QFETCH(QString, joined);
    QFETCH(QString, blockedRole);
    QFETCH(QString, blockedIn);
    const auto run = exampleRun(QStringLiteral("queue"), knobs);
    QVERIFY(run);
    run->setWorkerProgram(workerPath());
    QSignalSpy finished(run.get(), &Run::finished);
    run->start();
    const auto roleOf = [&](const RunSummary &summary, int process) {
        const ProcessSummary *p = summary.process(process);
        return p ? p->role : QString();
    };
    // Both waits at once: Main in join(), the other on the queue (each a fold of the one record).
    const auto deadlocked = [&] {
        const RunSummary summary = summarize(run->record());
        const JoinWait *join = summary.joins.openWait();
        if (!join || !roleOf(summary, join->target).startsWith(joined))
            return false;
        const QList<TopologyWait> waits = summary.topology.waitsNow(summary.waits, summary.ipcStates);
        return std::any_of(waits.cbegin(), waits.cend(), [&](const TopologyWait &w) {
            return roleOf(summary, w.process).startsWith(blockedRole) && w.what == blockedIn;
        });
    };
    QVERIFY2(QTest::qWaitFor(deadlocked, 60000), "Main should wait in join() while the other waits on the queue");
    int stuckTarget = 0;
    {
        const RunSummary summary = summarize(run->record());
        const JoinWait *join = summary.joins.openWait();
        QCOMPARE(join->process, mainProcessId);
        QVERIFY2(join->statement.endsWith(QLatin1StringView(".join()")), qPrintable(join->statement));
        QVERIFY(join->sourceLine > 0);
        // The step's line is the join() statement the record's step names.
        const auto stepAt = std::find_if(summary.steps.crbegin(), summary.steps.crend(),
                                         [&](const StepTiming &s) { return s.beginNs == join->startNs; });
        QVERIFY(stepAt != summary.steps.crend());
        QCOMPARE(stepAt->sourceLine, join->sourceLine);
        QCOMPARE(stepAt->endNs, 0);
        QVERIFY(!summary.process(join->target)->hasEnded());
        stuckTarget = join->target;
    }
    run->stop();
    QVERIFY(run->status() == Run::Status::Finished || finished.wait(60000));
    const RunSummary summary = summarize(run->record());
    QVERIFY(!summary.joins.openWait());
    QVERIFY(summary.topology.waitsNow(summary.waits, summary.ipcStates).isEmpty());
    // The join() Main was stuck in is its last; those before it (the producer's, when the
    // consumers were started with it) ended when their process did.
    QVERIFY(!summary.joins.waits().isEmpty());
    QCOMPARE(summary.joins.waits().last().target, stuckTarget);
    for (const JoinWait &wait : summary.joins.waits()) {
        QVERIFY(wait.endNs > wait.startNs);
        if (&wait != &summary.joins.waits().last())
            QCOMPARE(wait.endNs, summary.process(wait.target)->endNs);
    }
    // The join is in the exported record too: a replay of the JSON sees the same wait.
    QBuffer json;
    QString error;
    QVERIFY(json.open(QIODevice::WriteOnly));
    QVERIFY2(writeRunRecordJson(run->record(), &json, &error), qPrintable(error));
    const std::optional<LoadedRunRecord> loaded = RunRecordReader::read(json.data(), &error);
    QVERIFY2(loaded, qPrintable(error));
    const JoinWaits replayed = summarize(loaded->record).joins;
    QCOMPARE(replayed.waits().size(), summary.joins.waits().size());
    for (qsizetype i = 0; i < replayed.waits().size(); ++i) {
        QCOMPARE(replayed.waits().at(i).target, summary.joins.waits().at(i).target);
        QCOMPARE(replayed.waits().at(i).sourceLine, summary.joins.waits().at(i).sourceLine);
        QCOMPARE(replayed.waits().at(i).endNs, summary.joins.waits().at(i).endNs);
    }
}

QTEST_GUILESS_MAIN(TestIpcTopology)
#include "tst_ipctopology.moc"
