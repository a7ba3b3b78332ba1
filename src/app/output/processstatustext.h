// SPDX-License-Identifier: MIT
#pragma once

#include "record/pooltaskspans.h"
#include "record/runsummary.h"

#include <QCoreApplication>

#include <optional>

namespace ProcessLab {

// Where the main program is: the statement it executes, waits at or is paused before.
struct MainProgramPosition
{
    enum class Activity { None, Executing, Waiting, Paused };
    Activity activity = Activity::None;
    int line = 0;   // line of the Python listing
    QString source; // what that line says
};

// What a pool worker does, for its pane: the task it runs, "idle", or the task lost when it died.
struct PoolWorkerActivity
{
    QString text;    // "task 3: worker(2)", "idle", "task 3 lost: killed by SIGKILL"
    QString toolTip; // the full wording (the pane elides text)
    bool lost = false;
    bool faultInjected = false; // ProcessLab killed this worker on purpose
};

// The words every view uses for a process: its name, state and exit status, translated at
// display time (the record keeps stable English ids). Panes, timeline, console, history
// and compare dialog all call these, so they never disagree.
class ProcessStatusText
{
    Q_DECLARE_TR_FUNCTIONS(ProcessStatusText)
public:
    // "Main" (process 0) -> 主进程, "Worker 3" -> 进程 3; other roles as recorded.
    static QString roleName(int processId, const QString &recordedRole);
    static QString roleName(const ProcessSummary &process) { return roleName(process.id, process.role); }

    // Process 0 of a native run: the example's main program, played by ProcessLab (no exit
    // code, no CPU samples). False for a Python run's main interpreter, a real process.
    static bool isPlayedMain(const ProcessSummary &process);

    // What a process is, for its name's tool tip: Main is the example's main program,
    // played by ProcessLab; a worker is a child process the example started.
    static QString roleToolTip(const ProcessSummary &process);

    static QString state(ProcessState state);        // "running", "finished", "stopped", ...
    // Python's Process.exitcode: the exit code, or -N when signal N ended the process;
    // nullopt while it runs, if it never ran, and for Main (it is not a child process).
    static std::optional<int> pythonExitCode(const ProcessSummary &process);
    // "exit 0", "exit −15 (SIGTERM)"; empty when pythonExitCode() is empty.
    static QString exitStatus(const ProcessSummary &process);
    // The same without the word: "0", "−15 (SIGTERM)" (for narrow panes; the full wording is the tool tip).
    static QString exitStatusShort(const ProcessSummary &process);
    // Only the number ("−15"), for the narrowest header; the signal's name goes in the tool tip.
    static QString exitCodeOnly(const ProcessSummary &process);
    // Main's status line (it never has an exit code): "at line 20: …", "waiting at line 20: …",
    // "paused before line 13: …", "finished", "stopped by you", "ended: <reason>".
    static QString mainProgramStatus(const ProcessSummary &main, const MainProgramPosition &position = {});
    // Empty text for a process that is not a pool worker.
    static PoolWorkerActivity poolWorkerActivity(const PoolTaskSpans &pool, const ProcessSummary &process);
    // Why a failed run failed, for the status line: the first lost task, else the recorded reason.
    static QString runFailureReason(const RunSummary &run, const PoolTaskSpans &pool);
    // ProcessLab killed a pool worker on purpose (fault injection): the console's line and the
    // timeline's tool tip, "ProcessLab killed PoolWorker-2 (PID 123) on purpose ...".
    static QString faultInjection(const PoolFaultInjection &fault, const QString &role);
    static QString faultNotFired(qint64 afterMs); // the kill-worker-after knob's kill never came
    static QString duration(qint64 ns);              // "420 ms", "1.42 s", "12.4 s", "2:05 min"
    // From the spawn (or creation, for Main) to the end, or to nowNs while alive; -1 if not started.
    static qint64 elapsedNs(const ProcessSummary &process, qint64 nowNs);
};

} // namespace ProcessLab
