// SPDX-License-Identifier: MIT
#pragma once

#include <QMetaType>
#include <QString>

namespace ProcessLab {

// Lifecycle of one process of a run. Workers go Created -> Starting -> Ready -> Running ->
// an end state. The main program ("Main", played by the host itself) is Running until its
// script ran to the end (Finished), the user stopped the run (Killed, "stopped by the user"),
// or the run could not go on (Failed, with the reason). Main never has an exit code: the
// host is not a process that exits when the script ends.
enum class ProcessState : quint8 {
    Created,
    Starting, // QProcess::start() called
    Ready,    // the worker connected and authenticated; stamped when it sent its hello
    Running,  // the worker was told which behaviour to run
    Finished, // exited normally (any exit code); Main: its script ran to the end
    Failed,   // crashed, could not start, never connected, or broke the protocol
    Killed,   // stopped by the user (SIGTERM, SIGKILL after the grace period)
};

inline bool isEndState(ProcessState state)
{
    return state == ProcessState::Finished || state == ProcessState::Failed
           || state == ProcessState::Killed;
}

enum class OutputStream : quint8 { StdOut, StdErr };

enum class EventKind : quint8 {
    RunStarted,         // text: example id
    RunFinished,        // exitCode: 0 ok, 1 failed; text: reason when failed or stopped
    ProcessCreated,     // process, text: role name ("Main", "Worker 1"); count: 1 for a helper
                        // process of the program's library (a Python Manager's server,
                        // docs/python-runner.md), 0 for the program's own processes
    StateChanged,       // process, state, pid, text: detail; end states with hasExitStatus: exitCode/exitSignal
    Output,             // process, stream, text: one line without its newline
    ScriptStep,         // process 0, sourceLine, text: what the main program does; stamped when it
                        // really begins (a Start step: when QProcess::start() is called);
                        // count: the process a join() statement joins (0: not a join)
    WorkerTrace,        // process, sourceLine (may be 0), text: label reported by the worker
    Error,              // process (or -1), text
    ConnectionRejected, // text: why a connection to the run's server was refused
    OutputDropped,      // process, count: lines the record did not keep (over its cap)
    TracesDropped,      // process, count: worker traces the record did not keep (over its cap)
    RejectionsDropped,  // count: refused connections the record did not keep (over its cap)
    ScriptStepEnded,    // process 0, sourceLine, text: the statement of the ScriptStep that returned
    Paused,             // process 0, sourceLine, text: the statement step mode waits before, for
                        // the user, until the next ScriptStep
    // Shared objects (Queue, Pipe, Value/Array, Lock; docs/ipc.md):
    IpcObjectCreated, // object, op: IpcObjectKind, text: its name in the program ("queue"),
                      // count: maxsize (Queue), cells (Array), 1 (duplex Pipe); sequence: observation budget
    IpcOperation,     // process, object, op: Protocol::IpcOp, text: the item, message or value
                      // (Python repr, shortened), count: items/messages left after (put/get/send/recv)
                      // or the cell index (write), sequence: the item's number
    IpcSampling,      // object, count: operations reported one by one; from here on IpcCounters only
    IpcCounters,      // object, count: depth (Queue), in flight (Pipe), value (Value), acquisitions (Lock),
                      // sequence: operations so far (all processes)
    IpcRecovered,     // process: the one that died, object, text: what the host repaired
    // Process pools (docs/pool.md):
    PoolTask,   // object: the pool, op: PoolTaskPhase, count: task number (one queue item: an
                // apply_async or a chunk of map), sequence: items in the task; process/pid: the
                // worker (started/finished/failed/lost); text: call, value repr or error
    PoolWorker, // object: the pool, op: PoolWorkerChange, process/pid: the pool worker, text: detail
    // Resources of one process, sampled by the host (~10 Hz while it runs):
    ResourceSample, // process, pid, count: CPU use since the previous sample in per-mille of one
                    // core (1000 = one core busy the whole time; may exceed 1000 for a process
                    // with threads), sequence: resident memory in bytes (-1 unknown)
};

// RunEvent::op of a PoolTask event. Counters: count = tasks done, sequence = tasks queued
// (after the per-task budget, and at the end).
// Cancelled: the pool was terminated (terminate(), the main program's end) or the run stopped
// before the task finished; text says which. Not a loss: nothing died of itself.
enum class PoolTaskPhase : quint8 { Queued = 1, Started = 2, Finished = 3, Failed = 4, Lost = 5, Counters = 6, Cancelled = 7 };
// A pool records queued/started/finished/failed/lost one by one for its first this many tasks.
inline constexpr quint64 poolTaskEventBudget = 10'000;
// RunEvent::op of a PoolWorker event.
// FaultInjected: ProcessLab itself killed this worker (fault injection knob, not the program):
// process/pid the worker, count the task it was running (0: it was idle), text says so;
// sequence faultInjectedByUser when the user asked for it.
// FaultNotFired: the knob was set but the pool ended (joined, terminated, the main program's
// end) with no task running after that many ms, so nothing was killed: process runLevel,
// count the knob's ms, text says so.
enum class PoolWorkerChange : quint8 { Started = 1, Recycled = 2, Replaced = 3, FaultInjected = 4, FaultNotFired = 5 };
// RunEvent::sequence of a FaultInjected event: the user asked for it ("Kill this worker..." on
// the worker's pane), not the knob (0).
inline constexpr qint64 faultInjectedByUser = 1;

// The kinds of shared objects, as RunEvent::op of an IpcObjectCreated event.
enum class IpcObjectKind : quint8 { Queue = 1, Pipe = 2, Value = 3, Array = 4, Lock = 5 };

inline constexpr int mainProcessId = 0;
inline constexpr int runLevel = -1;

// One entry of the run record. Plain value; which fields matter depends on kind.
struct RunEvent
{
    qint64 timeNs = 0; // machine-wide monotonic clock, see monotonicNowNs()
    EventKind kind = EventKind::Error;
    int process = runLevel;
    ProcessState state = ProcessState::Created;
    OutputStream stream = OutputStream::StdOut;
    int exitCode = 0;   // end states: the process's exit code (0 when it died by a signal)
    int exitSignal = 0; // end states: the signal that ended it (Unix), else 0
    bool hasExitStatus = false; // end states: the OS reported an exit (exitCode/exitSignal mean something)
    qint64 pid = 0;
    int sourceLine = 0;
    qint64 count = 0;
    int object = 0;      // shared object events: the object's id (from 1)
    quint8 op = 0;       // IpcOperation: Protocol::IpcOp; IpcObjectCreated: IpcObjectKind
    qint64 sequence = 0; // IpcOperation: the item's number; IpcCounters: operations so far
    QString text;
};

QString stateName(ProcessState state);          // stable English id used in exports
QString stateDisplayName(ProcessState state);   // the word users read ("stopped"), translated: GUI and CLI
QString eventKindName(EventKind kind);          // stable English id used in exports
QString streamName(OutputStream stream);        // "stdout" / "stderr"
QString ipcOpName(int op);                       // "put", "get", ...: stable ids used in exports
QString ipcObjectKindName(IpcObjectKind kind);   // "queue", "pipe", "value", "array", "lock"
QString poolTaskPhaseName(int op);               // "queued", "started", ...: stable ids used in exports
QString poolWorkerChangeName(int op);            // "started", "recycled", "replaced", "fault-injected"

} // namespace ProcessLab

// PODs and a QString: the record's QList can grow with realloc() instead of moving each
// event (a flood of 800,000 lines otherwise stalls the event loop on every doubling).
Q_DECLARE_TYPEINFO(ProcessLab::RunEvent, Q_RELOCATABLE_TYPE);
Q_DECLARE_METATYPE(ProcessLab::RunEvent)
