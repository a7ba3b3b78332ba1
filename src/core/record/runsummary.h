// SPDX-License-Identifier: MIT
#pragma once

#include "runevent.h"

#include <QList>

#include <algorithm>
#include <optional>

namespace ProcessLab {

class RunRecord;

// Per-process figures derived from the record: the one place where spawn->ready,
// run time and exit status are computed, for the CLI table, the panes and the timeline.
struct ProcessSummary
{
    int id = 0;
    QString role;
    qint64 pid = 0;
    ProcessState state = ProcessState::Created;
    qint64 createdNs = 0;
    qint64 startingNs = 0; // 0 = never reached
    qint64 readyNs = 0;
    qint64 runningNs = 0;
    qint64 endNs = 0;
    int exitCode = 0;
    int exitSignal = 0;
    bool hasExitStatus = false; // ended with an exit the OS reported (not Main, not "never started")
    QString detail; // why it failed or was stopped, if it did
    qint64 stdoutLines = 0;
    qint64 stderrLines = 0;
    qint64 droppedLines = 0;

    bool hasEnded() const { return isEndState(state); }
    // Python's Process.exitcode: 0 or the exit code, -N when signal N ended it (Unix);
    // nullopt while running, for a worker that never ran, and for Main (played by the host).
    std::optional<int> pythonExitCode() const;
    // "SIGTERM" for a process ended by a signal; empty otherwise (always on Windows, where
    // pythonExitCode() is the process's exit code).
    QString exitSignalName() const;
    double spawnToReadyMs() const; // -1 when not applicable
    double runMs() const;          // running (or first seen) -> end; -1 while running
};

// One statement of the main program: from the moment it began to the moment it returned.
struct StepTiming
{
    int sourceLine = 0;
    QString text;
    qint64 beginNs = 0;
    qint64 endNs = 0; // 0: it never returned (the run ended during it)
};

// Time the main program spent waiting for the user in step mode; not part of any statement.
struct PauseInterval
{
    qint64 beginNs = 0;
    qint64 endNs = 0;   // 0 while still paused
    int sourceLine = 0; // the statement it waits before (0: not recorded)
    QString text;
};

// A shared object of the run (Queue, Pipe, Value, Array, Lock), folded from its events.
struct ObjectSummary
{
    int id = 0;
    IpcObjectKind kind = IpcObjectKind::Queue;
    QString name;             // in the program: "queue", "parent_conn, child_conn"
    qint64 reported = 0;      // operations reported one by one (put, get, send, recv, acquire, release, write)
    qint64 sampledTotal = 0;  // operations so far by the last ipc-counters sample
    qint64 lastCount = 0;     // the last sample's count: depth, in flight, value, acquisitions
    qint64 maxDepth = 0;      // the most items (messages) seen in it at once
    bool sampled = false;     // the observation budget ran out: counters only from then on
    int recoveries = 0;       // repairs after a process died (ipc-recovered)

    qint64 operations() const { return std::max(reported, sampledTotal); }
};

// One task of a process pool (an apply_async, or a chunk of map), folded from its pool-task
// events: the rows of the CLI's task table and of the app's views of the pool.
struct PoolTaskSummary
{
    enum class State { Queued, Running, Finished, Failed, Lost };
    quint64 task = 0;   // its number in the pool, from 1
    qint64 items = 0;   // items in the task (1 for apply_async, the chunk's size for map)
    int worker = 0;     // the pool worker that ran it (process id in the run), 0 before it started
    qint64 pid = 0;
    State state = State::Queued;
    qint64 queuedNs = 0;
    qint64 startNs = 0; // the worker's clock: when it began the task
    qint64 endNs = 0;   // finished/failed (the worker's clock) or lost (when the host saw the loss)
    QString text;       // the call when queued; the value, error or what was lost when it ended

    double durationMs() const; // start -> end; -1 while not both known
};

// A process pool of the run (identified by its task queue's object id), folded from its events.
// Per-task events stop after PoolObject::taskEventBudget tasks; then only counters arrive.
struct PoolSummary
{
    int id = 0;
    QList<PoolTaskSummary> tasks; // task n at index n - 1, for the tasks recorded one by one
    qint64 tasksQueued = 0;       // every task, recorded or counted
    qint64 tasksDone = 0;         // by the last counters event (0 if none came)
    bool counted = false;         // over the budget: some tasks are counted, not listed
    int faultsInjected = 0;       // workers ProcessLab killed on purpose (fault injection)

    qint64 taskCount() const { return std::max<qint64>(tasksQueued, tasks.size()); }
    qint64 tasksIn(PoolTaskSummary::State state) const;
};

QString poolTaskStateName(PoolTaskSummary::State state); // "queued", "running", "finished", "failed", "lost"

struct RunSummary
{
    QString exampleId;
    qint64 startNs = 0;
    qint64 endNs = 0; // 0 while running
    bool finished = false;
    int exitCode = 0;
    QString finishReason;
    QList<ProcessSummary> processes; // indexed by process id
    QList<StepTiming> steps;         // the main program's statements, in order
    QList<PauseInterval> pauses;     // step mode: waits for the user between statements
    QList<ObjectSummary> objects;    // shared objects, in the order the program created them
    QList<PoolSummary> pools;        // process pools, in the order the program created them

    double wallMs() const;
    const ProcessSummary *process(int id) const;
    int liveProcessCount() const;
    double pausedMs() const; // total of the ended pauses
};

// "SIGTERM", "SIGKILL", "SIGSEGV", ... for the common signals of this platform; "signal N"
// for others.
QString signalName(int signalNumber);
// The same, empty for a signal without a well-known name.
QString knownSignalName(int signalNumber);

// Folds events one at a time, so live views can update incrementally with exactly the
// numbers a full pass over the record gives.
class RunSummaryBuilder
{
public:
    void consume(const RunEvent &event);
    const RunSummary &summary() const { return m_summary; }

private:
    ProcessSummary &processAt(int id);
    ObjectSummary *objectWithId(int id);
    PoolSummary &poolWithId(int id);
    void consumePoolTask(const RunEvent &event);
    RunSummary m_summary;
};

RunSummary summarize(const RunRecord &record);

} // namespace ProcessLab
