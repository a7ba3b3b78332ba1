// SPDX-License-Identifier: MIT
#pragma once

#include "runevent.h"

#include <QHash>
#include <QList>
#include <QString>

namespace ProcessLab {

// How a pool task ended (or that it has not).
enum class PoolTaskOutcome : quint8 {
    Queued,     // waiting for a free worker
    Running,    // a worker started it
    Finished,   // its result came back
    Failed,     // it raised: the error reached its result
    Lost,       // its worker died while running it (docs/pool.md, "Deaths")
    Unfinished, // cancelled (terminate(), Stop: a `cancelled` event, its reason the result), or its
                // worker ended without a result or a lost event
};

// One task of a pool (an apply_async, or a chunk of map), folded from its pool-task events.
// Times are the record's (absolute monotonic ns); 0 = not (yet) known.
struct PoolTaskSpan
{
    int pool = 0;       // the pool's object id
    qint64 task = 0;    // its number in the pool (from 1)
    qint64 items = 0;   // items in the task (a chunk of map: more than one)
    int process = 0;    // the worker that ran it (0: none yet, or unknown)
    qint64 pid = 0;
    qint64 queuedNs = 0;
    qint64 startNs = 0; // Lost without a recorded start: the end (a zero-length span)
    qint64 endNs = 0;   // 0 while it runs
    PoolTaskOutcome outcome = PoolTaskOutcome::Queued;
    QString call;   // "worker(2)", "square × 10 (items 40..49)"
    QString result; // the value's repr, the error, or what was lost

    bool hasStarted() const { return startNs != 0; }
    double durationMs() const; // start -> end; -1 while not both known
    bool isOpen() const { return outcome == PoolTaskOutcome::Queued || outcome == PoolTaskOutcome::Running; }
};

// A pool's task counts: per-task events for its first tasks, `counters` events after that.
struct PoolProgress
{
    int pool = 0;
    qint64 tracked = 0;  // tasks with their own events (queued)
    qint64 finished = 0; // tracked tasks that ended so
    qint64 failed = 0;
    qint64 lost = 0;
    qint64 cancelled = 0; // tracked tasks the pool's end or Stop cancelled
    qint64 countedDone = 0;   // last counters event: tasks done (0: none seen)
    qint64 countedQueued = 0; // last counters event: tasks queued
    bool counted = false;     // past the per-task budget: the rest only as counters
    qint64 firstCountedNs = 0; // first and last counters event (0: none)
    qint64 lastCountedNs = 0;
    int faultsInjected = 0;    // workers ProcessLab killed on purpose (fault injection knob)

    qint64 queued() const { return std::max(tracked, countedQueued); }
    qint64 done() const { return std::max(finished + failed + lost, countedDone); }
    qint64 untracked() const { return std::max<qint64>(0, queued() - tracked); }
};

// "queued", "running", "finished", "failed", "lost", "unfinished" (JSON, docs/run-record.md).
QString poolTaskOutcomeName(PoolTaskOutcome outcome);

// A pool worker ProcessLab killed on purpose (the fault injection knob): not a bug of the program.
struct PoolFaultInjection
{
    int process = 0;
    qint64 pid = 0;
    qint64 task = 0; // the task it was running
    qint64 timeNs = 0;
    QString text;    // the event's sentence
    bool byUser = false; // the user asked for it ("Kill this worker..."), not the knob
};

// Projection of a record's pool-task and pool-worker events: every task with the worker that
// ran it, from when to when and how it ended, and which processes are pool workers. The pool
// workers' panes, the timeline's busy spans and the status line all read this one fold, and so
// do the CLI's task table and the JSON (RunSummary::pools is one: RunSummaryBuilder feeds it).
// Incremental: consume() one event at a time, in record order.
class PoolTaskSpans
{
public:
    void consume(const RunEvent &event);

    const QList<PoolTaskSpan> &tasks() const { return m_tasks; }
    const PoolTaskSpan *task(int pool, qint64 number) const;
    // The tasks a process ran, as indexes into tasks(), ordered by start time.
    const QList<qsizetype> &tasksOf(int process) const;
    bool isPoolWorker(int process) const { return m_poolOf.contains(process); }
    int poolOf(int process) const { return m_poolOf.value(process); } // 0: not a pool worker
    // The task the process is running now; nullptr when it is idle or ended.
    const PoolTaskSpan *currentTask(int process) const;
    // The task lost when the process died; nullptr if none.
    const PoolTaskSpan *lostTask(int process) const;
    // The pools in the order they were created.
    const QList<PoolProgress> &pools() const { return m_pools; }
    const PoolProgress *pool(int id) const;
    // Tasks lost in this run, in the order they were reported.
    const QList<qsizetype> &lostTasks() const { return m_lost; }
    // The pool workers ProcessLab killed on purpose, in the order it did.
    const QList<PoolFaultInjection> &faultInjections() const { return m_faults; }
    const PoolFaultInjection *faultInjection(int process) const; // nullptr: not killed on purpose
    // The tasks of one pool in task order (indexes into tasks()).
    QList<qsizetype> tasksOfPool(int pool) const;
    qint64 tasksIn(int pool, PoolTaskOutcome outcome) const;

private:
    qsizetype indexOf(int pool, qint64 number); // adds the task if it is new
    PoolProgress &progressOf(int pool);
    void attach(qsizetype index, int process);
    void processEnded(int process, qint64 timeNs);

    QList<PoolTaskSpan> m_tasks;
    QHash<QPair<int, qint64>, qsizetype> m_index; // (pool, task) -> tasks()
    QHash<int, QList<qsizetype>> m_byProcess;
    QHash<int, int> m_poolOf;      // pool worker process -> its pool
    QHash<int, qint64> m_endedNs;  // process -> when it ended
    QList<PoolProgress> m_pools;
    QList<qsizetype> m_lost;
    QList<PoolFaultInjection> m_faults;
};

} // namespace ProcessLab
