// SPDX-License-Identifier: MIT
#pragma once

#include "ipcobjectstates.h"
#include "ipctopology.h"
#include "ipcwaits.h"
#include "joinwaits.h"
#include "pooltaskspans.h"
#include "resourceseries.h"
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
    // A helper of Python's multiprocessing (a Manager's server...): ProcessCreated.count == 1.
    bool helper = false;
    qint64 stdoutLines = 0;
    qint64 stderrLines = 0;
    qint64 droppedLines = 0;
    // Sampled by the host (resource-sample events, docs/run-record.md); Main never is.
    qint64 cpuNs = -1;             // CPU time (user + system) its samples add up to; -1: no sample
    qint64 cpuPermille = -1;       // the last sample's CPU use, per-mille of one core; -1: none
    qint64 residentBytes = -1;     // the last known resident memory; -1: unknown
    qint64 peakResidentBytes = -1; // the most resident memory seen; -1: unknown
    qint64 lastSampleNs = 0;       // the last sample's stamp: the next one's CPU is since then
    qint64 resourceSamples = 0;

    bool hasEnded() const { return isEndState(state); }
    // Python's Process.exitcode: 0 or the exit code, -N when signal N ended it (Unix);
    // nullopt while running, for a worker that never ran, and for Main (played by the host).
    std::optional<int> pythonExitCode() const;
    // "SIGTERM" for a process ended by a signal; empty otherwise (always on Windows, where
    // pythonExitCode() is the process's exit code).
    QString exitSignalName() const;
    double spawnToReadyMs() const; // -1 when not applicable
    double runMs() const;          // running (or first seen) -> end; -1 while running
    double cpuMs() const { return cpuNs < 0 ? -1.0 : double(cpuNs) / 1e6; } // -1: not sampled
    // Its CPU time over its life (Starting to its end, or to nowNs while it runs), in per-mille
    // of one core: 4 computing workers on 2 cores average 500. -1: not sampled.
    qint64 averageCpuPermille(qint64 nowNs) const;
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
    PoolTaskSpans pools;             // process pools: their tasks, workers, counts (one fold for every view)
    IpcWaits waits;                  // who waits in which operation on which shared object (one fold for every view)
    JoinWaits joins;                 // Main waiting in join() for a process (with waits: who waits for whom)
    IpcObjectStates ipcStates;       // each shared object's state over time: queue items and depth, pipe messages, cells
    ResourceSeries resources;        // CPU and memory samples per process (sparklines, the CPU lane)
    IpcTopology topology;            // who used which shared object or pool (the Topology view)

    double wallMs() const;
    const ProcessSummary *process(int id) const;
    int liveProcessCount() const;
    double pausedMs() const; // total of the ended pauses
    // Operations on a shared object (ObjectSummary::operations()) or a pool (tasks queued + done),
    // by its id; 0 for an unknown id.
    qint64 objectOperations(int id) const;
};

// A duration for tables, with the precision that says something at every scale: "18 µs",
// "0.35 ms", "4.27 ms", "300.2 ms"; "-" for a negative (unknown) one.
QString formatDurationMs(double ms);

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
    RunSummary m_summary;
};

RunSummary summarize(const RunRecord &record);

} // namespace ProcessLab
