// SPDX-License-Identifier: MIT
#include "workerprocess.h"

#include "protocol/monotonicclock.h"
#include "protocolqt.h"

#include <QCoreApplication>
#include <QLocalSocket>
#include <QTimer>

#include <algorithm>

#include "record/runsummary.h"

#ifdef Q_OS_UNIX
#include <csignal>
#include <unistd.h>
#endif
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif
#ifdef Q_OS_WIN
#include <qt_windows.h>
#endif

namespace ProcessLab {

WorkerProcess::WorkerProcess(WorkerSpec spec, EventSink sink, QObject *parent)
    : QObject(parent)
    , m_spec(std::move(spec))
    , m_sink(std::move(sink))
    , m_process(new QProcess(this))
    , m_killTimer(new QTimer(this))
    , m_helloTimer(new QTimer(this))
    , m_connectionCloseTimer(new QTimer(this))
{
    m_killTimer->setSingleShot(true);
    m_killTimer->setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5% early: the grace is promised
    m_helloTimer->setSingleShot(true);
    m_connectionCloseTimer->setSingleShot(true);
    connect(m_killTimer, &QTimer::timeout, m_process, &QProcess::kill);
    connect(m_helloTimer, &QTimer::timeout, this, &WorkerProcess::handleHelloTimeout);
    connect(m_connectionCloseTimer, &QTimer::timeout, this, [this] {
        closeConnection();
        maybeCompleteExit();
    });

    m_process->setStandardInputFile(QProcess::nullDevice());
    connect(m_process, &QProcess::started, this, &WorkerProcess::handleStarted);
    connect(m_process, &QProcess::finished, this, &WorkerProcess::handleFinished);
    connect(m_process, &QProcess::errorOccurred, this, &WorkerProcess::handleErrorOccurred);
    connect(m_process, &QProcess::readyReadStandardOutput, this,
            [this] { handleReadyRead(OutputStream::StdOut); });
    connect(m_process, &QProcess::readyReadStandardError, this,
            [this] { handleReadyRead(OutputStream::StdErr); });

#ifdef Q_OS_UNIX
    // Runs in the child between fork and exec. Its own process group: a terminal's Ctrl+C
    // (SIGINT to the foreground group) reaches only the host, which stops the workers the
    // way Stop does, instead of every worker dying of SIGINT on its own.
    const pid_t hostPid = getpid();
    m_process->setChildProcessModifier([hostPid] {
        ::setpgid(0, 0);
#ifdef Q_OS_LINUX
        // The child dies with the host even if the host is SIGKILLed. The parent may
        // already be gone by then, so check.
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != hostPid)
            ::_exit(Protocol::ExitHostGone);
#else
        Q_UNUSED(hostPid); // macOS: the worker exits when its control connection closes
#endif
    });
#elif defined(Q_OS_WIN)
    // The Windows counterpart: a console's Ctrl+C goes to the host's group only.
    m_process->setCreateProcessArgumentsModifier([](QProcess::CreateProcessArguments *arguments) {
        arguments->flags |= CREATE_NEW_PROCESS_GROUP;
    });
#endif
}

WorkerProcess::~WorkerProcess()
{
    // A QProcess must not be destroyed while running: its destructor would block.
    if (m_process->state() != QProcess::NotRunning) {
        disconnect(m_process, nullptr, this, nullptr);
        m_process->kill();
        m_process->waitForFinished(1000);
    }
}

void WorkerProcess::start(const QString &program, const QProcessEnvironment &environment, qint64 startingNs)
{
    if (m_state != ProcessState::Created)
        return;
    m_process->setProcessEnvironment(environment);
    m_process->setProgram(program);
    m_state = ProcessState::Starting;
    m_startingNs = startingNs;
    RunEvent event;
    event.timeNs = startingNs;
    event.kind = EventKind::StateChanged;
    event.process = m_spec.id;
    event.state = ProcessState::Starting;
    m_sink(std::move(event));
    m_helloTimer->start(m_helloTimeout);
    m_process->start(QIODevice::ReadOnly); // may fail at once: errorOccurred -> ended, synchronously
    // Known once start() returns, before started() is delivered: the worker may connect in
    // between, and the run's server recognises its own workers by pid.
    if (const qint64 pid = m_process->processId(); pid != 0)
        m_pid = pid;
}

void WorkerProcess::handleHelloTimeout()
{
    if (m_socket || hasEnded() || m_stopRequested)
        return;
    m_failure = tr("did not connect to the host within %1 s").arg(m_helloTimeout.count() / 1000.0);
    recordError(m_failure);
    m_process->kill(); // handleFinished() records it as Failed with m_failure
}

void WorkerProcess::handleStarted()
{
    m_pid = m_process->processId();
    // Report the pid as soon as it is known; the state stays Starting until the hello.
    RunEvent event;
    event.timeNs = monotonicNowNs();
    event.kind = EventKind::StateChanged;
    event.process = m_spec.id;
    event.state = m_state;
    event.pid = m_pid;
    m_sink(std::move(event));
    if (m_stopRequested) {
#ifdef Q_OS_WIN
        m_process->kill();
#else
        m_process->terminate();
#endif
    }
}

bool WorkerProcess::attachConnection(QLocalSocket *socket, qint64 helloPid, qint64 helloTimeNs,
                                     std::shared_ptr<Protocol::FrameReader> reader, QString *error)
{
    if (m_socket || m_state != ProcessState::Starting || m_stopRequested) {
        *error = tr("worker %1 is not waiting for a connection").arg(m_spec.id);
        return false;
    }
    if (m_pid == 0)
        m_pid = m_process->processId();
    if (helloPid != m_pid) {
        *error = tr("worker %1 announced pid %2, but its process is %3").arg(m_spec.id).arg(helloPid).arg(m_pid);
        return false;
    }
    m_helloTimer->stop();
    m_everConnected = true;
    m_socket = socket;
    m_socket->setParent(this);
    m_reader = std::move(reader);
    connect(m_socket, &QLocalSocket::readyRead, this, &WorkerProcess::handleSocketData);
    connect(m_socket, &QLocalSocket::disconnected, this, &WorkerProcess::handleSocketDisconnected);
    // Ready when the worker was ready: spawn->ready is what the worker did, not how long a
    // busy event loop took to read its hello. Clamped, as the worker's word is not trusted
    // beyond [Starting, now].
    const qint64 nowNs = monotonicNowNs();
    RunEvent ready = stateChangedEvent(ProcessState::Ready, {});
    ready.timeNs = helloTimeNs > 0 ? std::clamp(helloTimeNs, std::min(m_startingNs, nowNs), nowNs)
                                   : nowNs;
    m_state = ProcessState::Ready;
    m_sink(std::move(ready));

    m_socket->write(Protocol::toQByteArray(Protocol::encodeFrame(Protocol::makeStart(
        {Protocol::fromQString(m_spec.behaviour), Protocol::fromQCborMap(m_spec.arguments)}))));
    setState(ProcessState::Running);
    if (m_reader->bufferedBytes() > 0 || m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &WorkerProcess::handleSocketData, Qt::QueuedConnection);
    return true;
}

void WorkerProcess::handleSocketData()
{
    // A closed socket cannot be read (Qt warns "device not open"); what it had was read
    // in the readyRead that came before its disconnected().
    if (!m_socket || !m_socket->isReadable() || m_socket->bytesAvailable() <= 0)
        return;
    m_reader->append(Protocol::viewOf(m_socket->readAll()));
    Protocol::Message message;
    for (;;) {
        switch (m_reader->next(&message)) {
        case Protocol::FrameReader::Status::NeedMore:
            return;
        case Protocol::FrameReader::Status::Error:
            m_failure = tr("protocol error: %1").arg(Protocol::toQString(m_reader->errorString()));
            recordError(m_failure);
            closeConnection(); // the worker exits when its control connection closes
            return;
        case Protocol::FrameReader::Status::Frame:
            break;
        }
        const QString error = handleMessage(message);
        if (!m_socket)
            return; // a receiver closed the connection
        if (error.isEmpty())
            continue;
        m_failure = tr("protocol error: %1").arg(error);
        recordError(m_failure);
        closeConnection();
        return;
    }
}

QString WorkerProcess::handleMessage(const Protocol::Message &message)
{
    std::string error;
    switch (message.type) {
    case Protocol::MessageType::Trace:
        if (const auto trace = Protocol::parseTrace(message, &error)) {
            emit traceReceived(m_spec.id, Protocol::toQString(trace->label),
                               trace->timeNs ? trace->timeNs : monotonicNowNs());
            return {};
        }
        break;
    case Protocol::MessageType::Request:
        if (const auto request = Protocol::parseRequest(message, &error)) {
            emit requestReceived(m_spec.id, quint64(request->id), Protocol::toQString(request->name),
                                 Protocol::toQCborValue(request->body));
            return {};
        }
        break;
    case Protocol::MessageType::Reply:
        if (const auto reply = Protocol::parseReply(message, &error)) {
            emit replyReceived(m_spec.id, quint64(reply->id), Protocol::toQCborValue(reply->body),
                               reply->error ? Protocol::toQString(*reply->error) : QString());
            return {};
        }
        break;
    case Protocol::MessageType::Notify:
        if (const auto notify = Protocol::parseNotify(message, &error)) {
            emit notifyReceived(m_spec.id, Protocol::toQString(notify->name), Protocol::toQCborValue(notify->body));
            return {};
        }
        break;
    case Protocol::MessageType::IpcEvent:
        if (const auto event = Protocol::parseIpcEvent(message, &error)) {
            emit ipcEventReceived(m_spec.id, *event);
            return {};
        }
        break;
    case Protocol::MessageType::Wake:
        if (const auto object = Protocol::parseWake(message, &error)) {
            emit wakeReceived(m_spec.id, *object);
            return {};
        }
        break;
    default:
        return tr("unexpected message type %1").arg(static_cast<int>(message.type));
    }
    return Protocol::toQString(error);
}

bool WorkerProcess::sendFrame(const Protocol::Message &message)
{
    if (!m_socket || m_socket->state() != QLocalSocket::ConnectedState)
        return false;
    // Replies to a worker that sends requests and never reads them would pile up in the
    // socket's buffer without bound: past a few frames' worth, it is a broken worker.
    if (m_socket->bytesToWrite() > maxUnreadBytes) {
        m_failure = tr("protocol error: the worker does not read what the host sends (%1 MiB waiting)")
                        .arg(m_socket->bytesToWrite() / (1024 * 1024));
        recordError(m_failure);
        closeConnection();
        return false;
    }
    m_socket->write(Protocol::toQByteArray(Protocol::encodeFrame(message)));
    return true;
}

bool WorkerProcess::sendReply(quint64 requestId, const QCborValue &body, const QString &error)
{
    Protocol::Reply reply;
    reply.id = static_cast<std::int64_t>(requestId);
    if (error.isEmpty())
        reply.body = Protocol::fromQCborValue(body);
    else
        reply.error = Protocol::fromQString(error);
    return sendFrame(Protocol::makeReply(reply));
}

quint64 WorkerProcess::sendRequest(const QString &name, const QCborValue &body)
{
    const quint64 id = m_lastRequestId + 1;
    if (!sendFrame(Protocol::makeRequest({static_cast<std::int64_t>(id), Protocol::fromQString(name),
                                          Protocol::fromQCborValue(body)})))
        return 0;
    m_lastRequestId = id;
    return id;
}

void WorkerProcess::handleReadyRead(OutputStream stream)
{
    readOutputChunk(stream);
    if (hasBufferedOutput())
        scheduleDrain();
}

bool WorkerProcess::hasBufferedOutput()
{
    // QProcess counts buffered bytes per read channel.
    for (const auto channel : {QProcess::StandardOutput, QProcess::StandardError}) {
        m_process->setReadChannel(channel);
        if (m_process->bytesAvailable() > 0)
            return true;
    }
    return false;
}

// Reads at most readChunkBytes of one stream and records its complete lines. A worker that
// floods its output must not hold the host's event loop: the rest waits for drainOutput()
// in a later turn, after other events (input, paints, other workers) had theirs.
void WorkerProcess::readOutputChunk(OutputStream stream)
{
    const auto channel = stream == OutputStream::StdErr ? QProcess::StandardError : QProcess::StandardOutput;
    m_process->setReadChannel(channel);
    const QByteArray bytes = m_process->read(readChunkBytes);
    OutputLineSplitter &splitter = stream == OutputStream::StdErr ? m_stderr : m_stdout;
    const QList<SplitLine> lines = splitter.feed(bytes);
    const qint64 now = monotonicNowNs();
    for (const SplitLine &line : lines)
        recordOutputLine(stream, line, now);
}

void WorkerProcess::recordOutputLine(OutputStream stream, const SplitLine &line, qint64 timeNs)
{
    RunEvent event;
    event.timeNs = timeNs;
    event.kind = EventKind::Output;
    event.process = m_spec.id;
    event.stream = stream;
    event.count = line.cutCharacters;
    event.text = outputLineText(line);
    m_sink(std::move(event));
}

void WorkerProcess::scheduleDrain()
{
    if (m_drainScheduled)
        return;
    m_drainScheduled = true;
    QTimer::singleShot(0, this, &WorkerProcess::drainOutput);
}

void WorkerProcess::drainOutput()
{
    m_drainScheduled = false;
    readOutputChunk(OutputStream::StdOut);
    readOutputChunk(OutputStream::StdErr);
    if (hasBufferedOutput())
        scheduleDrain();
    else
        maybeCompleteExit();
}

void WorkerProcess::flushRemainders()
{
    // A last line without a newline is still a line.
    for (const OutputStream stream : {OutputStream::StdOut, OutputStream::StdErr}) {
        OutputLineSplitter &splitter = stream == OutputStream::StdErr ? m_stderr : m_stdout;
        if (splitter.hasRemainder())
            recordOutputLine(stream, splitter.takeRemainder(), monotonicNowNs());
    }
}

void WorkerProcess::handleFinished(int exitCode, QProcess::ExitStatus status)
{
    emit exited(m_spec.id);
    m_killTimer->stop();
    m_helloTimer->stop();
    // Its output and its last frames (the final trace, written just before it exited) came
    // before its exit: record the exit once every buffered line is in and the control
    // connection has reported its end, which comes after the last frame. No waiting here.
    m_exit = ExitInfo{exitCode, status};
    if (m_socket) {
        handleSocketData();
        if (m_socket && m_socket->state() != QLocalSocket::ConnectedState)
            closeConnection();
        else if (m_socket)
            m_connectionCloseTimer->start(connectionCloseGrace);
    }
    drainOutput();
}

void WorkerProcess::handleSocketDisconnected()
{
    handleSocketData(); // anything still buffered
    closeConnection();
    maybeCompleteExit();
}

bool WorkerProcess::maybeCompleteExit()
{
    if (!m_exit || m_socket || hasBufferedOutput())
        return false;
    completeExit();
    return true;
}

void WorkerProcess::completeExit()
{
    m_connectionCloseTimer->stop();
    const ExitInfo exit = *std::exchange(m_exit, std::nullopt);
    flushRemainders();
#ifdef Q_OS_WIN
    // No signals: TerminateProcess and crashes end a process with an exit code, which is
    // also what Python's Process.exitcode shows there.
    const bool bySignal = false;
    const int signal = 0;
    const int code = exit.code;
#else
    // QProcess reports the terminating signal as the exit code of a crash.
    const bool bySignal = exit.status == QProcess::CrashExit;
    const int signal = bySignal ? exit.code : 0;
    const int code = bySignal ? 0 : exit.code;
#endif
    if (m_stopRequested) {
        setEndState(ProcessState::Killed,
                    bySignal ? tr("stopped by the user (%1)").arg(signalName(signal)) : tr("stopped by the user"),
                    code, signal);
    } else if (!m_failure.isEmpty()) {
        setEndState(ProcessState::Failed, m_failure, code, signal);
    } else if (bySignal) {
        setEndState(ProcessState::Failed, tr("crashed (signal %1, %2)").arg(signal).arg(signalName(signal)), code,
                    signal);
    } else if (!m_everConnected) {
        setEndState(ProcessState::Failed, tr("exited with code %1 without ever connecting to the host").arg(code),
                    code, signal);
    } else if (code != 0) {
        const QString known = Protocol::describeWorkerExitText(code);
        setEndState(ProcessState::Failed,
                    known.isEmpty() ? tr("exited with code %1").arg(code)
                                    : tr("exited with code %1: %2").arg(code).arg(known),
                    code, signal);
    } else {
        setEndState(ProcessState::Finished, {}, code, signal);
    }
    emit ended(m_spec.id);
}

void WorkerProcess::handleErrorOccurred(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart || hasEnded())
        return; // other errors are followed by finished()
    m_helloTimer->stop();
    closeConnection();
    setState(m_stopRequested ? ProcessState::Killed : ProcessState::Failed,
             tr("could not start %1: %2").arg(m_process->program(), m_process->errorString()));
    emit ended(m_spec.id);
}

void WorkerProcess::requestStop(std::chrono::milliseconds grace)
{
    if (hasEnded() || m_stopRequested)
        return;
    m_stopRequested = true;
    if (m_state == ProcessState::Created) {
        setState(ProcessState::Killed, tr("stopped before it was started"));
        emit ended(m_spec.id);
        return;
    }
    m_helloTimer->stop();
#ifdef Q_OS_WIN
    Q_UNUSED(grace);
    m_process->kill(); // TerminateProcess: what Python's terminate() does on Windows
#else
    // Python's Process.terminate(): SIGTERM. Still Starting (no pid yet)? handleStarted() sends it.
    if (m_process->state() == QProcess::Running)
        m_process->terminate();
    m_killTimer->start(grace);
#endif
}

void WorkerProcess::killNow()
{
    if (m_process->state() != QProcess::NotRunning) {
        m_stopRequested = true;
        m_process->kill();
    }
}

void WorkerProcess::killAsCrash()
{
    if (m_process->state() != QProcess::NotRunning)
        m_process->kill();
}

void WorkerProcess::closeConnection()
{
    if (!m_socket)
        return;
    disconnect(m_socket, nullptr, this, nullptr);
    m_socket->abort();
    m_socket->deleteLater();
    m_socket = nullptr;
}

RunEvent WorkerProcess::stateChangedEvent(ProcessState state, const QString &detail) const
{
    RunEvent event;
    event.timeNs = monotonicNowNs();
    event.kind = EventKind::StateChanged;
    event.process = m_spec.id;
    event.state = state;
    event.pid = m_pid;
    event.text = detail;
    return event;
}

void WorkerProcess::setState(ProcessState state, const QString &detail)
{
    m_state = state;
    if (isEndState(state))
        m_endDetail = detail;
    m_sink(stateChangedEvent(state, detail));
}

void WorkerProcess::setEndState(ProcessState state, const QString &detail, int exitCode, int exitSignal)
{
    m_state = state;
    m_exitCode = exitCode;
    m_exitSignal = exitSignal;
    m_endDetail = detail;
    RunEvent event = stateChangedEvent(state, detail);
    event.exitCode = exitCode;
    event.exitSignal = exitSignal;
    event.hasExitStatus = true;
    m_sink(std::move(event));
}

void WorkerProcess::recordError(const QString &text)
{
    RunEvent event;
    event.timeNs = monotonicNowNs();
    event.kind = EventKind::Error;
    event.process = m_spec.id;
    event.text = text;
    m_sink(std::move(event));
}

} // namespace ProcessLab
