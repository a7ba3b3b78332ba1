// SPDX-License-Identifier: MIT
#pragma once

#include "examples/hostscript.h"
#include "protocol/protocol.h"
#include "record/runrecord.h"

#include <QHash>
#include <QObject>
#include <QProcessEnvironment>

#include <memory>

class QLocalSocket;
class QTimer;

namespace ProcessLab {

struct ExampleDefinition;
class RunServer;
class WorkerProcess;

// One execution of an example: runs the host script step by step without blocking the
// event loop, owns the worker processes and the run's local server, and writes
// everything into its RunRecord. Views observe the record; nothing else.
class Run : public QObject
{
    Q_OBJECT
public:
    enum class Status { NotStarted, Running, Stopping, Finished };

    Run(const QString &exampleId, const QVariantMap &knobs, HostScript script,
        QHash<QString, int> traceLines = {}, QObject *parent = nullptr);
    // knobs must already be resolved (see resolveKnobs()).
    static std::unique_ptr<Run> create(const ExampleDefinition &example, const QVariantMap &knobs,
                                       QObject *parent = nullptr);
    ~Run() override;

    // Overrides worker lookup (locateWorker()); tests use it.
    void setWorkerProgram(const QString &path) { m_workerProgram = path; }
    // Caps the output lines the record keeps (see RunRecord); set before start().
    void setOutputLineCap(qsizetype cap) { m_record.setOutputLineCap(cap); }
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

signals:
    void eventRecorded(const ProcessLab::RunEvent &event);
    // An event over one of the record's caps: counted, not stored. The CLI prints such
    // output lines, so its stdout carries every line however long the run.
    void eventDropped(const ProcessLab::RunEvent &event);
    void stepChanged(int currentStep);
    void finished(int exitCode);

private:
    void recordEvent(RunEvent event);
    void flushDroppedEvents(qint64 timeNs);
    void advance();
    void executeStep(const ScriptStep &step);
    WorkerProcess *worker(int id) const;
    void handleWorkerAuthenticated(const Protocol::Hello &hello, QLocalSocket *socket,
                                   std::shared_ptr<Protocol::FrameReader> reader);
    void handleWorkerEnded();
    void handleTrace(int workerId, const QString &label, qint64 timeNs);
    void maybeFinish();
    void finish(int exitCode, const QString &reason);
    void fail(const QString &reason);

    RunRecord m_record;
    HostScript m_script;
    QHash<QString, int> m_traceLines;
    QString m_workerProgram;
    QProcessEnvironment m_workerEnvironment;
    RunServer *m_server = nullptr;
    QTimer *m_dropFlushTimer = nullptr;
    QHash<int, WorkerProcess *> m_workers;
    Status m_status = Status::NotStarted;
    int m_next = 0;
    bool m_stepEntered = false; // the current step has started (a join may still be waiting)
    bool m_stepMode = false;
    static constexpr int startsPerTurn = 4;
    int m_startsThisTurn = 0;
    bool m_stopRequested = false;
    int m_stepPermits = 0;
    int m_exitCode = 0;
};

} // namespace ProcessLab
