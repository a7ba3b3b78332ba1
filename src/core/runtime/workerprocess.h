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
// protocol errors) goes to the event sink as RunEvents. It never blocks.
//
// Stop does what Python's Process.terminate() does: SIGTERM at once (Windows:
// TerminateProcess), and SIGKILL if the worker is still alive after terminateGrace. The
// worker ends as Killed, with Python's exit code -15 (-9 if it had to be killed).
// A worker must say hello within the hello timeout; one that does not, or that exits
// without ever connecting, has failed.
// On Unix each worker runs in its own process group, so a terminal's Ctrl+C reaches only
// the host, which then stops the workers itself.
class WorkerProcess : public QObject
{
    Q_OBJECT
public:
    // What the host keeps for a worker that does not read its replies, before it gives up on it.
    static constexpr qint64 maxUnreadBytes = 4 * qint64(Protocol::maxFrameSize);

    using EventSink = std::function<void(RunEvent)>;

    static constexpr std::chrono::milliseconds terminateGrace{2000}; // SIGTERM -> SIGKILL
    static constexpr std::chrono::milliseconds defaultHelloTimeout{10000}; // start() -> hello
    // After the process exited, how long its control connection may take to report its
    // end (the last frames arrive before it); only a safety net, it normally takes < 1 ms.
    static constexpr std::chrono::milliseconds connectionCloseGrace{2000};
    static constexpr qint64 readChunkBytes = 4 * 1024; // output handled per event-loop turn and stream

    WorkerProcess(WorkerSpec spec, EventSink sink, QObject *parent = nullptr);
    ~WorkerProcess() override;

    int id() const { return m_spec.id; }
    const WorkerSpec &spec() const { return m_spec; }
    ProcessState state() const { return m_state; }
    qint64 pid() const { return m_pid; }
    bool hasEnded() const { return isEndState(m_state); }
    // How it ended (valid once hasEnded()): what its end event says, one source for every reader.
    int exitCode() const { return m_exitCode; }
    int exitSignal() const { return m_exitSignal; }
    const QString &endDetail() const { return m_endDetail; }
    bool stopRequested() const { return m_stopRequested; }
    bool isConnected() const { return m_socket != nullptr; }

    // How long a started worker may take to say hello; set before start().
    void setHelloTimeout(std::chrono::milliseconds timeout) { m_helloTimeout = timeout; }
    // Spawns program with env (which carries the server name and token). The Starting
    // state is stamped startingNs: the caller's clock reading right before this call.
    void start(const QString &program, const QProcessEnvironment &environment, qint64 startingNs);
    // Called by the run when this worker's hello arrived; false if it cannot be accepted.
    // helloTimeNs: when the worker said hello, on its own monotonic clock (the machine's);
    // Ready is stamped then, not when a busy host got round to reading it. 0: unknown (now).
    bool attachConnection(QLocalSocket *socket, qint64 helloPid, qint64 helloTimeNs,
                          std::shared_ptr<Protocol::FrameReader> reader, QString *error);
    // Marks a never-started worker as ended, or terminates a live one (SIGTERM, then
    // SIGKILL after grace).
    void requestStop(std::chrono::milliseconds grace = terminateGrace);
    // Last resort, e.g. when the host itself is going away: SIGKILL, no waiting.
    void killNow();
    // Fault injection: SIGKILL now without a stop request, so the worker ends as a crash
    // would (Failed, with its signal), which is what the injected fault stands for.
    void killAsCrash();
    // The arguments the Start frame carries; set before the worker connects.
    void setArguments(const QCborMap &arguments) { m_spec.arguments = arguments; }

    // Messages to the worker's mailbox. False (no frame) while it is not connected.
    bool sendReply(quint64 requestId, const QCborValue &body, const QString &error = {});
    // A request the worker answers with a Reply (replyReceived); returns its id, 0 if not connected.
    quint64 sendRequest(const QString &name, const QCborValue &body);

signals:
    void traceReceived(int workerId, const QString &label, qint64 timeNs);
    void requestReceived(int workerId, quint64 requestId, const QString &name, const QCborValue &body);
    void replyReceived(int workerId, quint64 requestId, const QCborValue &body, const QString &error);
    void notifyReceived(int workerId, const QString &name, const QCborValue &body);
    // An operation on a shared object, reported by the worker (see Protocol::IpcOp).
    void ipcEventReceived(int workerId, const ProcessLab::Protocol::IpcEvent &event);
    // The worker changed an object the main program waits on.
    void wakeReceived(int workerId, int objectId);
    void ended(int workerId);
    // The OS reported its exit (QProcess reaped it), before its end is recorded: the moment
    // its total CPU time can be read exactly (ResourceSampling). Direct connections only.
    void exited(int workerId);

private:
    void handleStarted();
    void handleFinished(int exitCode, QProcess::ExitStatus status);
    void handleErrorOccurred(QProcess::ProcessError error);
    void handleReadyRead(OutputStream stream);
    void readOutputChunk(OutputStream stream);
    void recordOutputLine(OutputStream stream, const SplitLine &line, qint64 timeNs);
    bool hasBufferedOutput();
    void scheduleDrain();
    void drainOutput();
    void flushRemainders();
    bool maybeCompleteExit();
    void completeExit();
    void handleHelloTimeout();
    void handleSocketData();
    void handleSocketDisconnected();
    RunEvent stateChangedEvent(ProcessState state, const QString &detail) const;
    void setState(ProcessState state, const QString &detail = {});
    void setEndState(ProcessState state, const QString &detail, int exitCode, int exitSignal);
    void recordError(const QString &text);
    void closeConnection();
    QString handleMessage(const Protocol::Message &message); // empty, or what is wrong with it
    bool sendFrame(const Protocol::Message &message);

    WorkerSpec m_spec;
    EventSink m_sink;
    QProcess *m_process = nullptr;
    QLocalSocket *m_socket = nullptr;
    std::shared_ptr<Protocol::FrameReader> m_reader;
    OutputLineSplitter m_stdout;
    OutputLineSplitter m_stderr;
    QTimer *m_killTimer = nullptr;
    QTimer *m_helloTimer = nullptr;
    QTimer *m_connectionCloseTimer = nullptr;
    std::chrono::milliseconds m_helloTimeout = defaultHelloTimeout;
    bool m_everConnected = false;
    ProcessState m_state = ProcessState::Created;
    qint64 m_pid = 0;
    qint64 m_startingNs = 0; // when start() was called (the Starting stamp)
    bool m_stopRequested = false;
    QString m_failure; // protocol failure that explains a later exit
    int m_exitCode = 0;
    int m_exitSignal = 0;
    QString m_endDetail;
    struct ExitInfo
    {
        int code = 0;
        QProcess::ExitStatus status = QProcess::NormalExit;
    };
    // Exited; recorded once the buffered output is drained and the connection has closed.
    std::optional<ExitInfo> m_exit;
    bool m_drainScheduled = false;
    quint64 m_lastRequestId = 0;
};

} // namespace ProcessLab
