// SPDX-License-Identifier: MIT
#pragma once

#include "examples/hostscript.h"
#include "outputlinesplitter.h"
#include "protocol/protocol.h"
#include "record/runevent.h"

#include <QObject>
#include <QProcess>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

class QLocalSocket;
class QTimer;

namespace ProcessLab {

// One worker OS process of a run: owns its QProcess and, once it has authenticated, its
// control connection. Everything it observes (state changes, each output line, traces,
// protocol errors) goes to the event sink as RunEvents. It never blocks: stopping is
// "ask over the connection, terminate after a grace period, kill after another".
class WorkerProcess : public QObject
{
    Q_OBJECT
public:
    using EventSink = std::function<void(RunEvent)>;

    static constexpr std::chrono::milliseconds defaultStopGrace{1000};
    static constexpr std::chrono::milliseconds killGrace{2000};
    static constexpr qint64 readChunkBytes = 4 * 1024; // output handled per event-loop turn and stream

    WorkerProcess(WorkerSpec spec, EventSink sink, QObject *parent = nullptr);
    ~WorkerProcess() override;

    int id() const { return m_spec.id; }
    const WorkerSpec &spec() const { return m_spec; }
    ProcessState state() const { return m_state; }
    qint64 pid() const { return m_pid; }
    bool hasEnded() const { return isEndState(m_state); }
    bool isConnected() const { return m_socket != nullptr; }

    // Spawns program with env (which carries the server name and token).
    void start(const QString &program, const QProcessEnvironment &environment);
    // Called by the run when this worker's hello arrived; false if it cannot be accepted.
    bool attachConnection(QLocalSocket *socket, qint64 helloPid,
                          std::shared_ptr<Protocol::FrameReader> reader, QString *error);
    // Marks a never-started worker as ended, or asks a live one to stop.
    void requestStop(std::chrono::milliseconds grace = defaultStopGrace);
    // Last resort, e.g. when the host itself is going away: SIGKILL, no waiting.
    void killNow();

signals:
    void traceReceived(int workerId, const QString &label, qint64 timeNs);
    void ended(int workerId);

private:
    void handleStarted();
    void handleFinished(int exitCode, QProcess::ExitStatus status);
    void handleErrorOccurred(QProcess::ProcessError error);
    void handleReadyRead(OutputStream stream);
    void readOutputChunk(OutputStream stream);
    bool hasBufferedOutput();
    void scheduleDrain();
    void drainOutput();
    void flushRemainders();
    void completeExit();
    void handleSocketData();
    void setState(ProcessState state, const QString &detail = {}, int exitCode = 0, int exitSignal = 0);
    void recordError(const QString &text);
    void closeConnection();

    WorkerSpec m_spec;
    EventSink m_sink;
    QProcess *m_process = nullptr;
    QLocalSocket *m_socket = nullptr;
    std::shared_ptr<Protocol::FrameReader> m_reader;
    OutputLineSplitter m_stdout;
    OutputLineSplitter m_stderr;
    QTimer *m_terminateTimer = nullptr;
    QTimer *m_killTimer = nullptr;
    ProcessState m_state = ProcessState::Created;
    qint64 m_pid = 0;
    bool m_stopRequested = false;
    QString m_failure; // protocol failure that explains a later exit
    struct ExitInfo
    {
        int code = 0;
        QProcess::ExitStatus status = QProcess::NormalExit;
    };
    std::optional<ExitInfo> m_exit; // exited; recorded once the buffered output is drained
    bool m_drainScheduled = false;
};

} // namespace ProcessLab
