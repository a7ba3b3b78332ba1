// SPDX-License-Identifier: MIT
#pragma once

#include "examples/hostscript.h"
#include "protocol/protocol.h"
#include "record/runrecord.h"
#include "scriptobject.h"
#include "workerprocess.h"

#include <QHash>
#include <QObject>
#include <QProcessEnvironment>

#include <chrono>
#include <map>
#include <memory>

class QLocalSocket;
class QTimer;

namespace ProcessLab::Protocol {
struct IpcEvent;
}

namespace ProcessLab {

struct ExampleDefinition;
class RunServer;
class IpcObject;
class ResourceSampling;

// One execution of an example: runs the host script step by step without blocking the
// event loop, owns the worker processes and the run's local server, and writes
// everything into its RunRecord. Views observe the record; nothing else.
//
// Timing is what the processes did, not the app's scheduling: each statement of the main
// program is a ScriptStep (stamped when it really begins; a Start step when
// QProcess::start() is called for its worker, the same instant as the worker's Starting
// state) and a ScriptStepEnded when it returned. Starts run one per event-loop turn, so
// starting 64 workers never freezes a window, and the time between two statements is
// ProcessLab's, not the statement's. In step mode a Paused event marks the wait for the
// user, which belongs to no statement.
//
// A step may be pending (a join, a call on an object that waits for an item, a message, a
// lock): it is a ScriptStep without its ScriptStepEnded until what it waits for happens,
// which completes it through a queued call; nothing in the loop that runs the steps knows
// what a step waits for. A step may produce a value into a variable of the main program.
// Objects the script creates (ScriptObject) belong to the run; workers receive them in
// their Start arguments, and their requests and notifications are routed to them by name.
//
// The main program ("Main", process 0) ends Finished when its script ran to the end,
// Killed ("stopped by the user") when the user stopped the run, Failed with the reason
// when the run could not go on or a statement raised ("queue.Empty raised at line 12";
// the workers then run on, as Python's children outlive a failed main program's
// statement, and the run ends when they have); it never has an exit code (see
// RunEvent::hasExitStatus).
class Run : public QObject, public ScriptHost
{
    Q_OBJECT
public:
    enum class Status { NotStarted, Running, Stopping, Finished };

    Run(const QString &exampleId, const QVariantMap &knobs, HostScript script,
        QHash<QString, int> traceLines = {}, QObject *parent = nullptr);
    // knobs must already be resolved (see resolveKnobs()). The caller owns the run.
    static std::unique_ptr<Run> create(const ExampleDefinition &example, const QVariantMap &knobs);
    ~Run() override;

    // Overrides worker lookup (locateWorker()); tests use it.
    void setWorkerProgram(const QString &path) { m_workerProgram = path; }
    // Caps the output lines the record keeps (see RunRecord); set before start().
    void setOutputLineCap(qsizetype cap) { m_record.setOutputLineCap(cap); }
    // How long each worker may take from start() to its hello; set before start().
    void setHelloTimeout(std::chrono::milliseconds timeout) { m_helloTimeout = timeout; }
    // In step mode the main program advances one statement per step() call.
    void setStepMode(bool on);
    bool stepMode() const { return m_stepMode; }

    void start();
    void step();
    void stop();

    Status status() const { return m_status; }
    int exitCode() const { return m_exitCode; }
    const RunRecord &record() const { return m_record; }
    const HostScript &script() const { return m_script; }
    QString serverName() const; // the run's local server, once started
    // Index of the step being executed or waited on (== steps.size() when all are done).
    int currentStep() const { return m_next; }
    bool isWaitingForStep() const { return m_stepMode && !m_stepEntered && m_next < m_script.steps.size(); }
    // The current step has begun and waits for something to happen (a join, a get()).
    bool isWaitingInStep() const { return m_stepEntered && m_pending.active && !m_pending.done; }
    // The main program's variables and objects (for tests and views).
    const QHash<QString, QCborValue> &variables() const { return m_variables; }
    ScriptObject *object(const QString &name) const;
    // Sends a request to a worker's mailbox; its answer comes as workerReplied(). Returns the
    // request's id, 0 when that worker is not connected.
    quint64 requestWorker(int workerId, const QString &name, const QCborValue &body);
    // "Kill this worker...": the user asks ProcessLab to kill a live pool worker (fault injection
    // on request, the knob's path: the record says so before the kill; its task is lost, the
    // pool starts a replacement). False and *error when it is not a live pool worker.
    bool killPoolWorker(int workerId, QString *error);

    // ScriptHost: what objects that run processes (a Pool) ask of the run.
    int startWorker(const QString &role, const QString &behaviour, const QCborMap &arguments, QString *error) override;
    void stopWorker(int workerId) override;
    void killWorker(int workerId) override;
    qint64 workerPid(int workerId) const override;
    bool workerEnded(int workerId) const override;
    int newObjectId() override { return m_nextObjectId++; }
    void recordEvent(RunEvent event) override;

signals:
    void eventRecorded(const ProcessLab::RunEvent &event);
    // An event over one of the record's caps: counted, not stored. The CLI prints such
    // output lines, so its stdout carries every line however long the run.
    void eventDropped(const ProcessLab::RunEvent &event);
    void stepChanged(int currentStep);
    void workerReplied(int workerId, quint64 requestId, const QCborValue &body, const QString &error);
    void finished(int exitCode);

private:
    WorkerProcess *createWorkerProcess(const WorkerSpec &spec);
    void endMainProgram();
    void flushDroppedEvents(qint64 timeNs);
    void advance();
    void runSteps();
    void scheduleAdvance();
    void executeStep(const ScriptStep &step, qint64 beginNs);
    ScriptResult createObject(const ScriptStep &step);
    void callObject(const ScriptStep &step);
    ScriptResult startStepWorker(const ScriptStep &step, qint64 beginNs);
    ScriptResult evaluate(const ScriptExpression &expression) const;
    void completeStep(quint64 token, ScriptResult result);
    void failMain(const ScriptStep &step, const QString &error);
    void cancelPending();
    void handleRequest(int workerId, quint64 requestId, const QString &name, const QCborValue &body);
    void handleNotify(int workerId, const QString &name, const QCborValue &body);
    WorkerProcess *worker(int id) const;
    void handleWorkerAuthenticated(const Protocol::Hello &hello, QLocalSocket *socket,
                                   std::shared_ptr<Protocol::FrameReader> reader);
    void handleWorkerEnded(int workerId);
    void handleIpcEvent(int workerId, const Protocol::IpcEvent &event);
    void handleWake(int workerId, int objectId);
    void sampleObjects(qint64 nowNs);
    void releaseObjects();
    QList<ScriptObject *> allObjects() const; // named and unbound
    void handleTrace(int workerId, const QString &label, qint64 timeNs);
    void maybeFinish();
    void finish(int exitCode, const QString &reason, ProcessState mainState);
    void fail(const QString &reason);

    RunRecord m_record;
    HostScript m_script;
    QHash<QString, int> m_traceLines;
    QString m_workerProgram;
    QProcessEnvironment m_workerEnvironment;
    RunServer *m_server = nullptr;
    QTimer *m_dropFlushTimer = nullptr;
    QTimer *m_sampleTimer = nullptr; // shared objects' counters, ~100 Hz while running
    QTimer *m_advanceTimer = nullptr;
    ResourceSampling *m_resources = nullptr; // CPU and memory of the workers, ~10 Hz // the next start() in a later event-loop turn
    QHash<int, WorkerProcess *> m_workers;
    Status m_status = Status::NotStarted;
    int m_next = 0;
    bool m_stepEntered = false; // the current step has started (it may still be pending)
    // The outcome of the current step: done at once, or pending until completeStep().
    struct PendingStep
    {
        bool active = false; // the current step has begun
        bool done = false;   // ... and has its result
        quint64 token = 0;   // completions carrying another token are stale (cancelled)
        int joinWorker = 0;  // a join: the worker whose end completes it
        int jumpTarget = -1; // a jump taken: the next step
        ScriptResult result;
    };
    PendingStep m_pending;
    quint64 m_nextToken = 0;
    bool m_executing = false; // executeStep() is on the stack: a completion needs no queued resume
    QHash<QString, QCborValue> m_variables;
    std::map<QString, std::unique_ptr<ScriptObject>> m_objects;
    int m_nextObjectId = 1;
    // The shared objects (Queue, Pipe ends, Value, Array, Lock) among m_objects, by object id:
    // a Pipe's two ends share one id.
    QMultiHash<int, IpcObject *> m_ipcObjects;
    std::vector<std::unique_ptr<ScriptObject>> m_unboundObjects; // names bound again; kept to the end
    // Objects a call returned (`result = pool.apply_async(...)`), by the variable they are bound to.
    std::map<QString, std::shared_ptr<ScriptObject>> m_returnedObjects;
    bool m_mainEnded = false; // mainProgramEnded() was called
    QHash<int, qint64> m_ipcEventsRecorded; // per object: a worker cannot flood the record
    QHash<int, int> m_unknownNotifies;      // per worker: the same for notifications to nowhere
    QString m_mainFailure; // Main failed (a statement raised); the run ends when the workers have
    bool m_stepMode = false;
    bool m_advancing = false;         // advance() is on the stack
    bool m_advanceRequested = false;  // ... and was asked again meanwhile (e.g. a worker failed to start)
    bool m_startedThisTurn = false;   // one QProcess::start() per event-loop turn
    bool m_advanceScheduled = false;
    bool m_paused = false;            // a Paused event is open (step mode waits for the user)
    std::chrono::milliseconds m_helloTimeout = WorkerProcess::defaultHelloTimeout;
    int m_stepPermits = 0;
    int m_exitCode = 0;
};

} // namespace ProcessLab
