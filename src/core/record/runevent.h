// SPDX-License-Identifier: MIT
#pragma once

#include <QMetaType>
#include <QString>

namespace ProcessLab {

// Lifecycle of one process of a run. The host script's own process ("Main") goes
// Running -> Finished; workers go Created -> Starting -> Ready -> Running -> an end state.
enum class ProcessState : quint8 {
    Created,
    Starting, // QProcess::start() called
    Ready,    // the worker connected and authenticated
    Running,  // the worker was told which behaviour to run
    Finished, // exited normally (any exit code)
    Failed,   // crashed, could not start, or broke the protocol
    Killed,   // stopped by the user (asked, terminated or killed)
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
    ProcessCreated,     // process, text: role name ("Main", "Worker 1")
    StateChanged,       // process, state, pid, exitCode/exitSignal for end states, text: detail
    Output,             // process, stream, text: one line without its newline
    ScriptStep,         // process 0, sourceLine, text: what the main program does
    WorkerTrace,        // process, sourceLine (may be 0), text: label reported by the worker
    Error,              // process (or -1), text
    ConnectionRejected, // text: why a connection to the run's server was refused
    OutputDropped,      // process, count: lines the record did not keep (over its cap)
    TracesDropped,      // process, count: worker traces the record did not keep (over its cap)
    RejectionsDropped,  // count: refused connections the record did not keep (over its cap)
};

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
    int exitCode = 0;
    int exitSignal = 0;
    qint64 pid = 0;
    int sourceLine = 0;
    qint64 count = 0;
    QString text;
};

QString stateName(ProcessState state);          // stable English id used in exports
QString eventKindName(EventKind kind);          // stable English id used in exports
QString streamName(OutputStream stream);        // "stdout" / "stderr"

} // namespace ProcessLab

// PODs and a QString: the record's QList can grow with realloc() instead of moving each
// event (a flood of 800,000 lines otherwise stalls the event loop on every doubling).
Q_DECLARE_TYPEINFO(ProcessLab::RunEvent, Q_RELOCATABLE_TYPE);
Q_DECLARE_METATYPE(ProcessLab::RunEvent)
