// SPDX-License-Identifier: MIT
// PoolTaskSpans: the projection of pool-task / pool-worker events the panes, the timeline and
// the status line read. Synthetic events: finished, failed, lost (with and without a recorded
// start), a chunk, a start that arrives after the next task's, counters past the budget, a
// task whose worker was stopped.
#include "record/pooltaskspans.h"

#include <QTest>

using namespace ProcessLab;

namespace {

constexpr int poolId = 7;

RunEvent task(qint64 t, PoolTaskPhase phase, qint64 number, int process = 0, qint64 pid = 0, const QString &text = {},
              qint64 items = 1)
{
    return {.timeNs = t, .kind = EventKind::PoolTask, .process = process, .pid = pid, .count = number,
            .object = poolId, .op = quint8(phase), .sequence = items, .text = text};
}

RunEvent worker(qint64 t, PoolWorkerChange change, int process, qint64 pid = 0)
{
    return {.timeNs = t, .kind = EventKind::PoolWorker, .process = process, .pid = pid, .object = poolId,
            .op = quint8(change), .text = {}};
}

RunEvent ended(qint64 t, int process, int signal)
{
    return {.timeNs = t, .kind = EventKind::StateChanged, .process = process,
            .state = signal ? ProcessState::Failed : ProcessState::Finished, .exitSignal = signal,
            .hasExitStatus = true, .text = {}};
}

PoolTaskSpans fold(const QList<RunEvent> &events)
{
    PoolTaskSpans spans;
    for (const RunEvent &event : events)
        spans.consume(event);
    return spans;
}

QList<qint64> numbers(const PoolTaskSpans &spans, int process)
{
    QList<qint64> result;
    for (const qsizetype index : spans.tasksOf(process))
        result.append(spans.tasks().at(index).task);
    return result;
}

} // namespace

class TestPoolTaskSpans : public QObject
{
    Q_OBJECT
private slots:
    void finishedAndFailedTasks();
    void currentTaskAndIdle();
    void lostTaskEndsAtTheWorkersDeath_data();
    void lostTaskEndsAtTheWorkersDeath();
    void chunkKeepsItsItemsAndCall();
    void lateStartIsOrderedByTime();
    void countersPastTheBudget();
    void taskOfAStoppedWorkerIsUnfinished();
    void cancelledTasksAreUnfinishedWithTheirReason();
    void eventsOfOtherKindsAreIgnored();
};

void TestPoolTaskSpans::finishedAndFailedTasks()
{
    const PoolTaskSpans spans = fold({
        worker(10, PoolWorkerChange::Started, 1),
        worker(11, PoolWorkerChange::Started, 2),
        task(20, PoolTaskPhase::Queued, 1, 0, 0, QStringLiteral("worker(1)")),
        task(21, PoolTaskPhase::Queued, 2, 0, 0, QStringLiteral("worker(2)")),
        task(30, PoolTaskPhase::Started, 1, 1, 101),
        task(31, PoolTaskPhase::Started, 2, 2, 102),
        task(50, PoolTaskPhase::Finished, 1, 1, 101, QStringLiteral("None")),
        task(60, PoolTaskPhase::Failed, 2, 2, 102, QStringLiteral("ValueError: bad value 2")),
    });
    QCOMPARE(spans.tasks().size(), 2);
    const PoolTaskSpan *first = spans.task(poolId, 1);
    QVERIFY(first);
    QCOMPARE(first->outcome, PoolTaskOutcome::Finished);
    QCOMPARE(first->process, 1);
    QCOMPARE(first->pid, 101);
    QCOMPARE(first->queuedNs, 20);
    QCOMPARE(first->startNs, 30);
    QCOMPARE(first->endNs, 50);
    QCOMPARE(first->call, QStringLiteral("worker(1)"));
    QCOMPARE(first->result, QStringLiteral("None"));
    const PoolTaskSpan *second = spans.task(poolId, 2);
    QCOMPARE(second->outcome, PoolTaskOutcome::Failed);
    QCOMPARE(second->result, QStringLiteral("ValueError: bad value 2"));
    QCOMPARE(numbers(spans, 1), QList<qint64>{1});
    QCOMPARE(numbers(spans, 2), QList<qint64>{2});
    QVERIFY(spans.isPoolWorker(1));
    QVERIFY(!spans.isPoolWorker(0));
    QCOMPARE(spans.pools().size(), 1);
    const PoolProgress &pool = spans.pools().constFirst();
    QCOMPARE(pool.tracked, 2);
    QCOMPARE(pool.finished, 1);
    QCOMPARE(pool.failed, 1);
    QCOMPARE(pool.done(), 2);
    QVERIFY(!pool.counted);
    QVERIFY(spans.lostTasks().isEmpty());
}

void TestPoolTaskSpans::currentTaskAndIdle()
{
    PoolTaskSpans spans;
    for (const RunEvent &event : {worker(1, PoolWorkerChange::Started, 1),
                                  task(2, PoolTaskPhase::Queued, 1, 0, 0, QStringLiteral("worker(1)"))})
        spans.consume(event);
    QCOMPARE(spans.currentTask(1), nullptr); // queued, not yet taken
    spans.consume(task(3, PoolTaskPhase::Started, 1, 1, 101));
    QVERIFY(spans.currentTask(1));
    QCOMPARE(spans.currentTask(1)->task, 1);
    QCOMPARE(spans.currentTask(1)->outcome, PoolTaskOutcome::Running);
    spans.consume(task(9, PoolTaskPhase::Finished, 1, 1, 101, QStringLiteral("None")));
    QCOMPARE(spans.currentTask(1), nullptr); // idle between tasks
    QCOMPARE(spans.lostTask(1), nullptr);
}

void TestPoolTaskSpans::lostTaskEndsAtTheWorkersDeath_data()
{
    QTest::addColumn<bool>("startRecorded");
    QTest::addColumn<qint64>("expectedStart");
    QTest::newRow("started, then killed") << true << qint64(30);
    // Killed within the 10 ms before its start was read from the slot: a mark at the death.
    QTest::newRow("killed before its start was recorded") << false << qint64(70);
}

void TestPoolTaskSpans::lostTaskEndsAtTheWorkersDeath()
{
    QFETCH(bool, startRecorded);
    QFETCH(qint64, expectedStart);
    QList<RunEvent> events{
        worker(10, PoolWorkerChange::Started, 1),
        task(20, PoolTaskPhase::Queued, 1, 0, 0, QStringLiteral("worker(1)")),
    };
    if (startRecorded)
        events.append(task(30, PoolTaskPhase::Started, 1, 1, 101));
    events += {
        ended(70, 1, 9), // the worker's death, then what the pool makes of it
        task(75, PoolTaskPhase::Lost, 1, 1, 101, QStringLiteral("task 1 lost: PoolWorker-1 (pid 101) was killed by signal 9")),
        worker(76, PoolWorkerChange::Replaced, 1, 101),
        worker(80, PoolWorkerChange::Started, 3),
    };
    const PoolTaskSpans spans = fold(events);
    const PoolTaskSpan *lost = spans.task(poolId, 1);
    QVERIFY(lost);
    QCOMPARE(lost->outcome, PoolTaskOutcome::Lost);
    QCOMPARE(lost->startNs, expectedStart);
    QCOMPARE(lost->endNs, 70);
    QCOMPARE(lost->process, 1);
    QCOMPARE(lost->pid, 101);
    QVERIFY(lost->result.contains(QStringLiteral("signal 9")));
    QCOMPARE(spans.lostTask(1), lost);
    QCOMPARE(spans.currentTask(1), nullptr);
    QCOMPARE(spans.lostTasks().size(), 1);
    QCOMPARE(spans.pools().constFirst().lost, 1);
    QVERIFY(spans.isPoolWorker(3)); // the replacement
    QVERIFY(spans.tasksOf(3).isEmpty());
}

void TestPoolTaskSpans::chunkKeepsItsItemsAndCall()
{
    const PoolTaskSpans spans = fold({
        worker(1, PoolWorkerChange::Started, 1),
        task(2, PoolTaskPhase::Queued, 5, 0, 0, QStringLiteral("square × 10 (items 40..49)"), 10),
        task(3, PoolTaskPhase::Started, 5, 1, 101, {}, 10),
        task(4, PoolTaskPhase::Finished, 5, 1, 101, QStringLiteral("[1600, 1681]"), 10),
    });
    const PoolTaskSpan *chunk = spans.task(poolId, 5);
    QVERIFY(chunk);
    QCOMPARE(chunk->items, 10);
    QCOMPARE(chunk->call, QStringLiteral("square × 10 (items 40..49)"));
    QCOMPARE(chunk->outcome, PoolTaskOutcome::Finished);
}

void TestPoolTaskSpans::lateStartIsOrderedByTime()
{
    // Task 1's start comes with its result, after task 2's start read from the slot.
    const PoolTaskSpans spans = fold({
        worker(1, PoolWorkerChange::Started, 1),
        task(2, PoolTaskPhase::Queued, 1),
        task(2, PoolTaskPhase::Queued, 2),
        task(40, PoolTaskPhase::Started, 2, 1, 101),
        task(10, PoolTaskPhase::Started, 1, 1, 101),
        task(30, PoolTaskPhase::Finished, 1, 1, 101),
    });
    QCOMPARE(numbers(spans, 1), (QList<qint64>{1, 2}));
    QCOMPARE(spans.currentTask(1)->task, 2);
}

void TestPoolTaskSpans::countersPastTheBudget()
{
    PoolTaskSpans spans;
    spans.consume(worker(1, PoolWorkerChange::Started, 1));
    spans.consume(task(2, PoolTaskPhase::Queued, 1));
    spans.consume(task(3, PoolTaskPhase::Started, 1, 1, 101));
    spans.consume(task(4, PoolTaskPhase::Finished, 1, 1, 101));
    spans.consume(task(100, PoolTaskPhase::Counters, 5000, 0, 0, {}, 20000));
    spans.consume(task(200, PoolTaskPhase::Counters, 20000, 0, 0, {}, 20000));
    QCOMPARE(spans.tasks().size(), 1); // counters are no tasks
    const PoolProgress *pool = spans.pool(poolId);
    QVERIFY(pool);
    QVERIFY(pool->counted);
    QCOMPARE(pool->tracked, 1);
    QCOMPARE(pool->queued(), 20000);
    QCOMPARE(pool->done(), 20000);
    QCOMPARE(pool->untracked(), 19999);
    QCOMPARE(pool->firstCountedNs, 100);
    QCOMPARE(pool->lastCountedNs, 200);
}

void TestPoolTaskSpans::taskOfAStoppedWorkerIsUnfinished()
{
    const PoolTaskSpans spans = fold({
        worker(1, PoolWorkerChange::Started, 1),
        task(2, PoolTaskPhase::Queued, 1),
        task(3, PoolTaskPhase::Started, 1, 1, 101),
        ended(50, 1, 15), // Stop: no lost event, the task ends with its process
    });
    const PoolTaskSpan *task1 = spans.task(poolId, 1);
    QCOMPARE(task1->outcome, PoolTaskOutcome::Unfinished);
    QCOMPARE(task1->endNs, 50);
    QCOMPARE(spans.currentTask(1), nullptr);
    QCOMPARE(spans.lostTask(1), nullptr);
    QVERIFY(spans.lostTasks().isEmpty());
}

// terminate() / Stop: a `cancelled` event per outstanding task, running or still queued.
void TestPoolTaskSpans::cancelledTasksAreUnfinishedWithTheirReason()
{
    const PoolTaskSpans spans = fold({
        worker(1, PoolWorkerChange::Started, 1),
        task(2, PoolTaskPhase::Queued, 1),
        task(2, PoolTaskPhase::Queued, 2),
        task(3, PoolTaskPhase::Started, 1, 1, 101),
        task(40, PoolTaskPhase::Cancelled, 1, 0, 0, QStringLiteral("the pool was terminated")),
        task(40, PoolTaskPhase::Cancelled, 2, 0, 0, QStringLiteral("the pool was terminated")),
        ended(50, 1, 15),
    });
    const PoolTaskSpan *running = spans.task(poolId, 1);
    QCOMPARE(running->outcome, PoolTaskOutcome::Unfinished);
    QCOMPARE(running->endNs, 40);
    QCOMPARE(running->result, QStringLiteral("the pool was terminated"));
    const PoolTaskSpan *queued = spans.task(poolId, 2);
    QCOMPARE(queued->outcome, PoolTaskOutcome::Unfinished);
    QCOMPARE(queued->result, QStringLiteral("the pool was terminated"));
    QVERIFY(spans.lostTasks().isEmpty());
    QCOMPARE(spans.pool(poolId)->cancelled, 2);
    QCOMPARE(spans.pool(poolId)->lost, 0);
}

void TestPoolTaskSpans::eventsOfOtherKindsAreIgnored()
{
    const PoolTaskSpans spans = fold({
        {.timeNs = 1, .kind = EventKind::Output, .process = 1, .text = QStringLiteral("Worker 1 started")},
        {.timeNs = 2, .kind = EventKind::IpcOperation, .process = 1, .count = 3, .object = poolId, .text = {}},
        ended(3, 1, 0),
    });
    QVERIFY(spans.tasks().isEmpty());
    QVERIFY(spans.pools().isEmpty());
    QVERIFY(!spans.isPoolWorker(1));
}

QTEST_GUILESS_MAIN(TestPoolTaskSpans)
#include "tst_pooltaskspans.moc"
