// SPDX-License-Identifier: MIT
#pragma once

#include "examples/hostscript.h"
#include "record/pooltaskspans.h"
#include "record/runsummary.h"
#include "runtime/pythonrun.h"

#include <QHash>
#include <QObject>
#include <QTimer>
#include <QVariantMap>

#include <memory>

namespace ProcessLab {

class ReplaySource;
class Run;
class RunRecord;
class RunHistoryModel;
struct ExampleDefinition;

// The app's single owner of runs. Views never talk to a Run's sockets or processes: they
// receive the record's new events in batches (eventsAvailable, every batchInterval) and
// project them. One RunSummaryBuilder here is the summary every view shows.
//
// A live run is either a native Run (the examples' host script and workers) or a PythonRun
// (real Python, docs/python-runner.md): both are batched, summarized, stopped, restarted and
// added to the history alike; views see only the record. run() is the native one (its script
// and steps), pythonRun() the Python one; at most one of them exists.
class RunController : public QObject
{
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds batchInterval{16};
    // Per turn of the event loop the views get at most this much work; a backlog (a flood
    // of output) is worked off in further turns, so the UI never freezes.
    static constexpr std::chrono::milliseconds deliverBudget{6};
    static constexpr qsizetype deliverChunk = 1024;

    explicit RunController(QObject *parent = nullptr);
    ~RunController() override;

    bool startExample(const ExampleDefinition &example, const QVariantMap &knobs, bool stepMode);
    // Any host script (benchmarks and tests use test behaviours).
    void startScript(const QString &id, const QVariantMap &knobs, HostScript script,
                     const QHash<QString, int> &traceLines, bool stepMode);
    // Real Python: the options' script (a tutorial listing written to a file, or the user's own).
    bool startPython(PythonRun::Options options);
    void stop();
    void step();
    void continueRun(); // leave step mode and run freely
    void pause();       // step mode on mid-run: the main program pauses before its next statement
    // "Kill this worker..." on a pool worker's pane (Run::killPoolWorker()).
    bool killPoolWorker(int process, QString *error);
    // Stops the current run if needed, then starts the same example again with these knobs.
    void restart(const ExampleDefinition &example, const QVariantMap &knobs);
    // The same for a Python run.
    void restartPython(const PythonRun::Options &options);

    // A saved record played back instead of a live run (File → Open run…): the same signals
    // drive the views. False while a live run is active. A live run's start ends the replay.
    bool startReplay(std::unique_ptr<ReplaySource> replay);
    void leaveReplay(); // the views are reset (aboutToReplaceRun, then replayChanged)
    ReplaySource *replay() const { return m_replay.get(); }
    bool isReplaying() const { return m_replay != nullptr; }

    Run *run() const { return m_run.get(); }
    PythonRun *pythonRun() const { return m_pythonRun.get(); }
    bool isPythonRun() const { return m_pythonRun != nullptr; }
    // A live run's object exists (native or Python; not a replay).
    bool hasRun() const { return m_run || m_pythonRun; }
    // The live run is stopping (Stop was pressed, its processes are ending).
    bool isStopping() const;
    // What the views show: the live run's record, or the replayed part of a loaded one.
    const RunRecord *record() const;
    bool isActive() const;
    bool isStepping() const;
    int runNumber() const { return m_runNumber; }
    const RunSummary &summary() const { return m_summary.summary(); }
    // The run's pool tasks, folded from the same events as summary().
    const PoolTaskSpans &poolTasks() const { return m_summary.summary().pools; }
    RunHistoryModel *history() const { return m_history; }
    void setWorkerProgram(const QString &path) { m_workerProgram = path; }
    void setOutputLineCap(qsizetype cap) { m_outputLineCap = cap; }

signals:
    void aboutToReplaceRun(); // the previous run and its record are about to be destroyed
    void runStarted();
    void eventsAvailable(const ProcessLab::RunRecord &record, qsizetype from, qsizetype to);
    void tick(qint64 nowNs);
    void runFinished(int exitCode);
    void controlsChanged(); // active / stepping changed
    void replayChanged();   // a replay began or ended

private:
    void beginRun(std::unique_ptr<Run> run, bool stepMode);
    void prepareRun(); // the previous run, replay and summary go; a new run number
    void launch();     // the batches begin
    void deliver();
    void handleFinished(int exitCode);
    void completeFinish();
    void followReplay();
    void deliverReplayTick();
    void restartViews();

    void stopLiveRun(); // whichever run is live

    std::unique_ptr<Run> m_run;
    std::unique_ptr<PythonRun> m_pythonRun;
    std::unique_ptr<ReplaySource> m_replay;
    bool m_replayFinished = false; // runFinished was emitted since the views' last reset
    RunSummaryBuilder m_summary;
    QTimer m_batchTimer;
    qsizetype m_delivered = 0;
    bool m_finishPending = false; // the run ended; views still catching up with its record
    bool m_catchUpScheduled = false;
    int m_exitCode = 0;
    int m_runNumber = 0;
    RunHistoryModel *m_history = nullptr;
    QString m_workerProgram;
    qsizetype m_outputLineCap = 0;
    std::function<void()> m_afterStop; // restart waits for the old run to end
};

} // namespace ProcessLab
