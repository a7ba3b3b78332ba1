// SPDX-License-Identifier: MIT
#include "pythonrun.h"

#include "protocol/monotonicclock.h"
#include "protocolqt.h"
#include "pythonipcrecorder.h"
#include "record/runsummary.h"
#include "resourcesampling.h"
#include "runserver.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QLocalSocket>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <limits>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/types.h>
#include <unistd.h>
#endif
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

namespace ProcessLab {

namespace {

constexpr auto dropFlushInterval = std::chrono::milliseconds(250);
constexpr qsizetype maxNameLength = 256; // characters of a process name the record keeps
constexpr char bootResourceRoot[] = ":/python";
constexpr char exampleIdForPython[] = "python";

qint64 clampTime(qint64 timeNs, qint64 lowerNs)
{
    const qint64 now = monotonicNowNs();
    return timeNs < lowerNs ? lowerNs : timeNs > now ? now : timeNs;
}

QString textOf(const Protocol::Value &value)
{
    return QString::fromUtf8(value.toText().data(), qsizetype(value.toText().size()));
}

} // namespace

PythonRun::PythonRun(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_server(new RunServer(this))
    , m_main(new QProcess(this))
    , m_killTimer(new QTimer(this))
    , m_dropFlushTimer(new QTimer(this))
    , m_resources(new ResourceSampling([this](RunEvent event) { recordEvent(std::move(event)); }, this))
    , m_ipc(new PythonIpcRecorder([this](RunEvent event) { recordEvent(std::move(event)); }, this))
{
    m_resources->setSamplesMain(true); // the main interpreter is a process of the program here
    m_record.setExampleId(QString::fromLatin1(exampleIdForPython));
    m_record.setKnobs({{QStringLiteral("script"), m_options.script},
                       {QStringLiteral("arguments"), m_options.arguments.join(QLatin1Char(' '))}});
    if (!m_options.exampleId.isEmpty()) {
        QVariantMap knobs = m_record.knobs();
        knobs.insert(QStringLiteral("example"), m_options.exampleId);
        m_record.setKnobs(knobs);
    }
    m_killTimer->setSingleShot(true);
    connect(m_killTimer, &QTimer::timeout, this, [this] { signalTree(SIGKILL); });
    m_dropFlushTimer->setInterval(dropFlushInterval);
    connect(m_dropFlushTimer, &QTimer::timeout, this, [this] { flushDroppedEvents(monotonicNowNs()); });

    connect(m_server, &RunServer::workerAuthenticated, this, &PythonRun::handleAuthenticated);
    connect(m_server, &RunServer::connectionRejected, this, [this](const QString &reason) {
        recordEvent({.timeNs = monotonicNowNs(), .kind = EventKind::ConnectionRejected, .text = reason});
        // The run may have been waiting for this pending connection.
        maybeEndMain();
        maybeFinish();
    });
    m_settleTimer = new QTimer(this);
    m_settleTimer->setSingleShot(true);
    m_settleTimer->setInterval(connectSettleGrace);
    connect(m_settleTimer, &QTimer::timeout, this, [this] {
        m_settled = true;
        maybeEndMain();
        maybeFinish();
    });
#ifdef Q_OS_UNIX
    // Every process of the tree is in the main interpreter's process group (unless it left
    // it): such connections never count as strangers.
    m_server->setOwnProcessCheck([this](qint64 pid) {
        const qint64 mainPid = m_processes.empty() ? 0 : m_processes.front()->pid;
        return mainPid > 0 && ::getpgid(pid_t(pid)) == pid_t(mainPid);
    });
#endif

    m_main->setStandardInputFile(QProcess::nullDevice());
    connect(m_main, &QProcess::started, this, &PythonRun::handleMainStarted);
    connect(m_main, &QProcess::finished, this, &PythonRun::handleMainFinished);
    connect(m_main, &QProcess::errorOccurred, this, &PythonRun::handleMainError);
    connect(m_main, &QProcess::readyReadStandardOutput, this, [this] { readMainOutput(OutputStream::StdOut); });
    connect(m_main, &QProcess::readyReadStandardError, this, [this] { readMainOutput(OutputStream::StdErr); });
#ifdef Q_OS_UNIX
    const pid_t hostPid = ::getpid();
    m_main->setChildProcessModifier([hostPid] {
        // Its own process group: Stop reaches the whole tree, a terminal's Ctrl+C only the host.
        ::setpgid(0, 0);
#ifdef Q_OS_LINUX
        ::prctl(PR_SET_PDEATHSIG, SIGKILL); // dies with the host, even a SIGKILLed one
        if (::getppid() != hostPid)
            ::_exit(Protocol::ExitHostGone);
#else
        Q_UNUSED(hostPid);
#endif
    });
#endif
}

PythonRun::~PythonRun()
{
    // Nothing of the tree outlives the run object; a QProcess must not be destroyed running.
    if (m_main->state() != QProcess::NotRunning) {
        disconnect(m_main, nullptr, this, nullptr);
        signalTree(SIGKILL);
        m_main->kill();
        m_main->waitForFinished(1000);
    }
}

QString PythonRun::findInterpreter(QString *error)
{
#ifdef Q_OS_WIN
    const QStringList names{QStringLiteral("python"), QStringLiteral("python3")};
#else
    const QStringList names{QStringLiteral("python3"), QStringLiteral("python")};
#endif
    for (const QString &name : names) {
        const QString path = QStandardPaths::findExecutable(name);
        if (!path.isEmpty())
            return path;
    }
    if (error) {
        *error = tr("no Python interpreter found: install Python 3.9 or newer (Debian/Ubuntu: "
                    "sudo apt install python3; Windows and macOS: python.org) or choose one in Settings");
    }
    return {};
}

QString PythonRun::serverName() const
{
    return m_server->fullServerName();
}

bool PythonRun::extractBootstrap(QString *error)
{
    m_bootDir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/processlab-python-XXXXXX"));
    if (!m_bootDir->isValid()) {
        *error = tr("cannot create a temporary directory for the Python bootstrap: %1").arg(m_bootDir->errorString());
        return false;
    }
    const QString root = QString::fromLatin1(bootResourceRoot);
    QDirIterator files(root, QDir::Files, QDirIterator::Subdirectories);
    int copied = 0;
    while (files.hasNext()) {
        const QString source = files.next();
        const QString target = m_bootDir->filePath(source.mid(root.size() + 1));
        if (!QDir().mkpath(QFileInfo(target).path()) || !QFile::copy(source, target)) {
            *error = tr("cannot write the Python bootstrap to %1").arg(target);
            return false;
        }
        ++copied;
    }
    if (copied == 0) {
        *error = tr("the Python bootstrap is missing from this build");
        return false;
    }
    return true;
}

void PythonRun::recordEvent(RunEvent event)
{
    if (!m_record.events().isEmpty() && m_record.events().constLast().kind == EventKind::RunFinished)
        return; // run-finished is the record's last event
    m_resources->observe(event); // a process's pid starts its sampling, its end stops it
    if (m_record.append(event))
        emit eventRecorded(m_record.events().constLast());
    else
        emit eventDropped(event);
}

void PythonRun::flushDroppedEvents(qint64 timeNs)
{
    const qsizetype before = m_record.size();
    m_record.flushDropped(timeNs);
    for (qsizetype i = before; i < m_record.size(); ++i)
        emit eventRecorded(m_record.events().at(i));
}

void PythonRun::start()
{
    if (m_status != Status::NotStarted)
        return;
    m_status = Status::Running;
    const qint64 now = monotonicNowNs();
    m_record.setRecordedAt(QDateTime::currentDateTimeUtc());
    recordEvent({.timeNs = now, .kind = EventKind::RunStarted, .text = m_record.exampleId()});
    createProcess(0, QStringLiteral("MainProcess"), now);
    m_dropFlushTimer->start();
    m_resources->start();

    QString error;
    if (!extractBootstrap(&error) || !m_server->listen(&error))
        return failRun(error);

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QString previousPath = environment.value(QStringLiteral("PYTHONPATH"));
    environment.insert(QStringLiteral("PYTHONPATH"),
                       previousPath.isEmpty() ? m_bootDir->path()
                                              : m_bootDir->path() + QDir::listSeparator() + previousPath);
    environment.insert(QString::fromLatin1(Protocol::serverEnvVar), m_server->fullServerName());
    environment.insert(QString::fromLatin1(Protocol::tokenEnvVar), QString::fromLatin1(m_server->token().toHex()));
    environment.insert(QStringLiteral("PROCESSLAB_PY_BOOT"), QStringLiteral("1"));
    environment.insert(QStringLiteral("PYTHONIOENCODING"), QStringLiteral("utf-8"));
    environment.remove(QStringLiteral("PYTHONSTARTUP"));
    environment.remove(QString::fromLatin1(Protocol::workerIdEnvVar));
    m_main->setProcessEnvironment(environment);

    QString script = m_options.script;
    if (!m_options.workingDirectory.isEmpty()) {
        script = QFileInfo(script).absoluteFilePath();
        m_main->setWorkingDirectory(m_options.workingDirectory);
    }
    m_main->setProgram(m_options.interpreter);
    m_main->setArguments(QStringList{QStringLiteral("-m"), QStringLiteral("processlab_boot"), script} + m_options.arguments);
    m_main->start(QIODevice::ReadOnly); // may fail at once: errorOccurred
    if (const qint64 pid = m_main->processId(); pid != 0)
        m_processes.front()->pid = pid; // before started(): the main may say hello in between
}

void PythonRun::stop()
{
    if (m_status != Status::Running)
        return;
    m_status = Status::Stopping;
    m_stopRequested = true;
    if (m_main->state() == QProcess::NotRunning && m_connections.isEmpty()) {
        maybeEndMain();
        maybeFinish();
        return;
    }
    signalTree(SIGTERM);
    m_killTimer->start(terminateGrace);
}

void PythonRun::signalTree(int signalNumber)
{
#ifdef Q_OS_UNIX
    const qint64 mainPid = m_processes.empty() ? 0 : m_processes.front()->pid;
    if (mainPid > 0)
        ::kill(-pid_t(mainPid), signalNumber); // the whole process group
    // A process that left the group (setsid()) but is still connected.
    for (const auto &process : m_processes) {
        if (process->id != mainProcessId && process->connected && !process->connectionClosed && process->pid > 0)
            ::kill(pid_t(process->pid), signalNumber);
    }
#else
    Q_UNUSED(signalNumber);
    // Windows: the host's kill-on-close job holds the tree; the main interpreter is ended here.
    m_main->kill();
#endif
}

PythonRun::PyProcess *PythonRun::processByPid(qint64 pid)
{
    for (const auto &process : m_processes) {
        if (process->pid == pid && pid > 0)
            return process.get();
    }
    return nullptr;
}

PythonRun::PyProcess *PythonRun::createProcess(qint64 pid, const QString &name, qint64 startingNs, bool helper)
{
    if (int(m_processes.size()) >= maxProcesses) {
        if (m_runFailure.isEmpty()) {
            m_runFailure = tr("more than %1 Python processes: the run was stopped").arg(maxProcesses);
            recordEvent({.timeNs = monotonicNowNs(), .kind = EventKind::Error, .text = m_runFailure});
            stop();
        }
        return nullptr;
    }
    auto process = std::make_unique<PyProcess>();
    process->id = int(m_processes.size());
    process->pid = pid;
    process->name = name.left(maxNameLength);
    PyProcess *created = process.get();
    m_processes.push_back(std::move(process));
    // count 1: multiprocessing's helper (a Manager's server), not one of the user's processes.
    recordEvent({.timeNs = startingNs, .kind = EventKind::ProcessCreated, .process = created->id,
                 .count = helper ? 1 : 0, .text = created->name});
    setState(*created, ProcessState::Starting, startingNs);
    return created;
}

void PythonRun::setState(PyProcess &process, ProcessState state, qint64 timeNs, const QString &detail)
{
    process.state = state;
    recordEvent({.timeNs = timeNs, .kind = EventKind::StateChanged, .process = process.id, .state = state,
                 .pid = process.pid, .text = detail});
}

void PythonRun::endProcess(PyProcess &process, ProcessState state, const QString &detail, int exitCode,
                           int exitSignal, bool hasExitStatus)
{
    if (isEndState(process.state))
        return;
    if (process.exitReportTimer)
        process.exitReportTimer->stop();
    process.state = state;
    // Its last resource sample comes before its end: the sum of the samples is its CPU total.
    m_resources->processEnded(process.id, monotonicNowNs(), process.reportedCpuNs);
    m_ipc->processEnded(process.id, process.pid, process.name, m_stopRequested); // pool tasks it was running
    recordEvent({.timeNs = monotonicNowNs(), .kind = EventKind::StateChanged, .process = process.id, .state = state,
                 .exitCode = exitCode, .exitSignal = exitSignal, .hasExitStatus = hasExitStatus,
                 .pid = process.pid, .text = detail});
}

// Python's Process.exitcode: the exit code, or -N for a process ended by signal N.
void PythonRun::endChildFromExitCode(PyProcess &process, int pythonExitCode)
{
    if (pythonExitCode < 0) {
        const int signal = -pythonExitCode;
        if (m_stopRequested)
            endProcess(process, ProcessState::Killed, tr("stopped by the user (%1)").arg(signalName(signal)), 0, signal, true);
        else
            endProcess(process, ProcessState::Failed, tr("crashed (signal %1, %2)").arg(signal).arg(signalName(signal)),
                       0, signal, true);
    } else if (pythonExitCode == 0) {
        endProcess(process, ProcessState::Finished, {}, 0, 0, true);
    } else {
        endProcess(process, ProcessState::Failed, tr("exited with code %1").arg(pythonExitCode), pythonExitCode, 0, true);
    }
}

void PythonRun::handleAuthenticated(const Protocol::Hello &hello, QLocalSocket *socket,
                                    std::shared_ptr<Protocol::FrameReader> reader)
{
    socket->setParent(this);
    if (m_status == Status::Finished || m_connections.size() >= maxProcesses) {
        socket->abort();
        socket->deleteLater();
        return;
    }
    const qint64 lower = m_record.startNs();
    m_connections.insert(socket, Connection{hello.pid, clampTime(hello.timeNs, lower), std::move(reader), nullptr});
    connect(socket, &QLocalSocket::readyRead, this, [this, socket] { handleSocketData(socket); });
    connect(socket, &QLocalSocket::disconnected, this, [this, socket] { handleSocketClosed(socket); });
    handleSocketData(socket); // frames that came with the hello
    if (m_connections.contains(socket) && socket->state() != QLocalSocket::ConnectedState)
        handleSocketClosed(socket);
}

void PythonRun::handleSocketData(QLocalSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    const std::shared_ptr<Protocol::FrameReader> reader = it->reader;
    const QByteArray bytes = socket->readAll();
    reader->append(std::string_view(bytes.constData(), size_t(bytes.size())));
    Protocol::Message message;
    for (;;) {
        const Protocol::FrameReader::Status status = reader->next(&message);
        if (status == Protocol::FrameReader::Status::NeedMore)
            return;
        if (status == Protocol::FrameReader::Status::Error)
            return closeConnection(socket, QString::fromStdString(reader->errorString()));
        if (const QString error = handleMessage(socket, message); !error.isEmpty())
            return closeConnection(socket, error);
        if (!m_connections.contains(socket))
            return;
    }
}

QString PythonRun::handleMessage(QLocalSocket *socket, const Protocol::Message &message)
{
    Connection &connection = m_connections[socket];
    std::string parseError;
    const std::optional<Protocol::Notify> notify = Protocol::parseNotify(message, &parseError);
    if (!notify)
        return tr("unexpected frame from a Python process: %1").arg(QString::fromStdString(parseError));
    if (!notify->body.isMap())
        return tr("malformed %1 notification").arg(QString::fromStdString(notify->name));
    const Protocol::Map &body = notify->body.toMap();
    if (notify->name == "py.process")
        return handleProcessNotify(connection, body);
    if (!connection.process)
        return tr("a Python process sent %1 before saying who it is").arg(QString::fromStdString(notify->name));
    PyProcess &process = *connection.process;
    if (notify->name == "py.out") {
        handleOutputNotify(process, body);
    } else if (notify->name == "py.start") {
        handleStartNotify(process, body);
    } else if (notify->name == "py.exit") {
        process.exitReported = true;
        process.reportedExitCode = int(std::clamp<std::int64_t>(body.value("code").toInteger(1), -255, 255));
        process.reportedCpuNs = body.value("cpu").toInteger(-1);
    } else if (notify->name == "py.usage") {
        process.reportedCpuNs = body.value("cpu").toInteger(-1);
    } else if (notify->name == "py.join") {
        handleJoinNotify(body);
    } else if (notify->name == "py.line") {
        handleLineNotify(connection, body);
    } else if (PythonIpcRecorder::handles(notify->name)) {
        m_ipc->handle(notify->name, body, process.id, process.pid, process.name, m_record.startNs());
    }
    // Other notifications are recorded by later versions; ignoring them keeps a newer
    // bootstrap working with this host.
    return {};
}

QString PythonRun::handleProcessNotify(Connection &connection, const Protocol::Map &body)
{
    if (connection.process)
        return tr("a Python process said who it is twice");
    const QString name = textOf(body.value("name"));
    PyProcess *process = nullptr;
    if (body.value("main").toBool()) {
        PyProcess &main = *m_processes.front();
        if (connection.pid != main.pid || main.connected)
            return tr("pid %1 claims to be the main interpreter").arg(connection.pid);
        process = &main;
    } else {
        process = processByPid(connection.pid);
        if (process && (process->connected || process->id == mainProcessId))
            return tr("a second connection from pid %1").arg(connection.pid);
        if (!process) // its hello came before its parent's py.start
            process = createProcess(connection.pid, name.isEmpty() ? tr("pid %1").arg(connection.pid) : name,
                                    connection.helloNs, body.value("helper").isText());
        if (!process)
            return tr("too many Python processes");
    }
    process->connected = true;
    connection.process = process;
    setState(*process, ProcessState::Ready, connection.helloNs);
    setState(*process, ProcessState::Running, clampTime(body.value("t").toInteger(0), connection.helloNs));
    return {};
}

void PythonRun::handleOutputNotify(PyProcess &process, const Protocol::Map &body)
{
    const OutputStream stream = body.value("s").toInteger(0) == 1 ? OutputStream::StdErr : OutputStream::StdOut;
    const qint64 timeNs = monotonicNowNs();
    for (const Protocol::Value &lineValue : body.value("lines").toArray()) {
        SplitLine line;
        line.text = textOf(lineValue);
        if (line.text.endsWith(QLatin1Char('\r')))
            line.text.chop(1);
        if (line.text.size() > OutputLineSplitter::maxLineLength) {
            line.cutCharacters = line.text.size() - OutputLineSplitter::maxLineLength;
            line.text.truncate(OutputLineSplitter::maxLineLength);
        }
        recordEvent({.timeNs = timeNs, .kind = EventKind::Output, .process = process.id, .stream = stream,
                     .count = line.cutCharacters, .text = outputLineText(line)});
    }
}

void PythonRun::handleStartNotify(PyProcess &parent, const Protocol::Map &body)
{
    Q_UNUSED(parent);
    const qint64 pid = body.value("pid").toInteger(0);
    if (pid <= 0 || processByPid(pid))
        return; // the child said hello first: it is known already
    const QString name = textOf(body.value("name"));
    createProcess(pid, name.isEmpty() ? tr("pid %1").arg(pid) : name,
                  clampTime(body.value("t").toInteger(0), m_record.startNs()), body.value("helper").isText());
}

void PythonRun::handleLineNotify(const Connection &connection, const Protocol::Map &body)
{
    // The line of the script the process executes now (sampled, at most ~20 a second).
    const std::int64_t line = body.value("line").toInteger(0);
    if (line <= 0 || line > std::numeric_limits<int>::max())
        return;
    recordEvent({.timeNs = clampTime(body.value("t").toInteger(0), connection.helloNs), .kind = EventKind::WorkerTrace,
                 .process = connection.process->id, .sourceLine = int(line), .text = QStringLiteral("line")});
}

void PythonRun::handleJoinNotify(const Protocol::Map &body)
{
    PyProcess *process = processByPid(body.value("pid").toInteger(0));
    if (!process || process->id == mainProcessId || isEndState(process->state))
        return;
    const int code = int(std::clamp<std::int64_t>(body.value("exitcode").toInteger(0), -255, 255));
    // join() returned: the process is gone, whatever its connection says yet. Python's
    // exitcode is what the user sees; it wins over what the process reported itself.
    process->exitReported = true;
    process->reportedExitCode = code;
    if (process->connectionClosed) {
        endChildFromExitCode(*process, code);
    } else if (!process->connected && !process->exitReportTimer) {
        // join() returned before the child's own connection was read: its hello and what it
        // printed may still wait in the server (a busy host reads the parent's socket first).
        // It ends when that connection closes; after the grace, with join()'s code (it died
        // before its _bootstrap connected).
        process->exitReportTimer = new QTimer(this);
        process->exitReportTimer->setSingleShot(true);
        connect(process->exitReportTimer, &QTimer::timeout, this, [this, process] {
            if (!isEndState(process->state) && !process->connected)
                endChildFromExitCode(*process, process->reportedExitCode);
            maybeFinish();
        });
        process->exitReportTimer->start(exitReportGrace);
    }
    maybeFinish();
}

void PythonRun::closeConnection(QLocalSocket *socket, const QString &error)
{
    const auto it = m_connections.constFind(socket);
    const int process = it != m_connections.cend() && it->process ? it->process->id : runLevel;
    recordEvent({.timeNs = monotonicNowNs(), .kind = EventKind::Error, .process = process, .text = error});
    socket->abort(); // disconnected() -> handleSocketClosed()
    if (m_connections.contains(socket))
        handleSocketClosed(socket);
}

void PythonRun::handleSocketClosed(QLocalSocket *socket)
{
    if (!m_connections.contains(socket))
        return;
    handleSocketData(socket); // what arrived before the close
    const Connection connection = m_connections.take(socket);
    socket->deleteLater();
    PyProcess *process = connection.process;
    if (!process) {
        recordEvent({.timeNs = monotonicNowNs(), .kind = EventKind::Error,
                     .text = tr("a Python process (pid %1) connected and left without saying who it is").arg(connection.pid)});
        return maybeFinish();
    }
    process->connectionClosed = true;
    if (process->id == mainProcessId)
        return maybeEndMain();
    if (process->exitReported) {
        endChildFromExitCode(*process, process->reportedExitCode);
    } else if (m_stopRequested) {
        endProcess(*process, ProcessState::Killed, tr("stopped by the user"), 0, 0, false);
    } else {
        // Killed, or os._exit(): only its parent's join() can say how it ended.
        process->exitReportTimer = new QTimer(this);
        process->exitReportTimer->setSingleShot(true);
        connect(process->exitReportTimer, &QTimer::timeout, this, [this, process] {
            endProcess(*process, ProcessState::Failed, tr("ended without reporting an exit status"), 0, 0, false);
            maybeFinish();
        });
        process->exitReportTimer->start(exitReportGrace);
    }
    maybeFinish();
}

void PythonRun::handleMainStarted()
{
    PyProcess &main = *m_processes.front();
    main.pid = m_main->processId();
    setState(main, ProcessState::Starting, monotonicNowNs()); // the pid, as soon as it is known
}

void PythonRun::handleMainError(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart)
        return; // the others end in finished()
    // A run failure, not the script's: recorded as an Error, so the CLI and the app say it.
    failRun(tr("could not start the Python interpreter %1: %2").arg(m_options.interpreter, m_main->errorString()));
}

void PythonRun::readMainOutput(OutputStream stream)
{
    const QByteArray bytes = stream == OutputStream::StdOut ? m_main->readAllStandardOutput()
                                                            : m_main->readAllStandardError();
    OutputLineSplitter &splitter = stream == OutputStream::StdOut ? m_mainStdout : m_mainStderr;
    const qint64 timeNs = monotonicNowNs();
    for (const SplitLine &line : splitter.feed(bytes)) {
        recordEvent({.timeNs = timeNs, .kind = EventKind::Output, .process = mainProcessId, .stream = stream,
                     .count = line.cutCharacters, .text = outputLineText(line)});
    }
}

void PythonRun::handleMainFinished(int exitCode, QProcess::ExitStatus status)
{
    readMainOutput(OutputStream::StdOut);
    readMainOutput(OutputStream::StdErr);
    for (OutputStream stream : {OutputStream::StdOut, OutputStream::StdErr}) {
        OutputLineSplitter &splitter = stream == OutputStream::StdOut ? m_mainStdout : m_mainStderr;
        if (splitter.hasRemainder()) {
            const SplitLine line = splitter.takeRemainder();
            recordEvent({.timeNs = monotonicNowNs(), .kind = EventKind::Output, .process = mainProcessId,
                         .stream = stream, .count = line.cutCharacters, .text = outputLineText(line)});
        }
    }
    m_mainExited = true;
    m_mainExitCode = exitCode;
    m_mainExitStatus = status;
    // Its connection closes as it exits; a descendant that kept a copy of it must not hold the
    // main's end forever.
    QTimer::singleShot(exitReportGrace, this, [this] {
        for (auto it = m_connections.begin(); it != m_connections.end(); ++it) {
            if (it->process && it->process->id == mainProcessId)
                return closeConnection(it.key(), tr("the main interpreter exited, its connection stayed open"));
        }
    });
    maybeEndMain();
}

void PythonRun::maybeEndMain()
{
    PyProcess &main = *m_processes.front();
    if (isEndState(main.state) || !m_mainExited || (main.connected && !main.connectionClosed)
        || awaitPendingConnections())
        return;
    // Its exit can be seen before its connection (in the listen backlog, or accepted and not
    // yet past its hello) with the lines it printed: wait for that connection a moment, once.
    if (!main.connected && m_runFailure.isEmpty() && !m_stopRequested) {
        if (!m_settled) {
            if (!m_settleTimer->isActive())
                m_settleTimer->start();
            return;
        }
    }
#ifdef Q_OS_WIN
    const bool bySignal = false;
#else
    const bool bySignal = m_mainExitStatus == QProcess::CrashExit; // QProcess: the signal is the code
#endif
    const int signal = bySignal ? m_mainExitCode : 0;
    const int code = bySignal ? 0 : m_mainExitCode;
    m_exitCode = bySignal ? 1 : code;
    if (m_stopRequested)
        endProcess(main, ProcessState::Killed,
                   bySignal ? tr("stopped by the user (%1)").arg(signalName(signal)) : tr("stopped by the user"), code,
                   signal, true);
    else if (bySignal)
        endProcess(main, ProcessState::Failed, tr("crashed (signal %1, %2)").arg(signal).arg(signalName(signal)), code,
                   signal, true);
    else if (code != 0)
        endProcess(main, ProcessState::Failed, tr("exited with code %1").arg(code), code, 0, true);
    else
        endProcess(main, ProcessState::Finished, {}, 0, 0, true);
    maybeFinish();
}

// The interpreter's exit (QProcess) or a parent's join() may be handled before a connection
// the server accepted has had its hello read: that process's lines would be lost. The end
// waits for such connections, at most exitReportGrace (a stranger that never says hello).
bool PythonRun::awaitPendingConnections()
{
    if (m_server->pendingConnectionCount() == 0 || m_stopRequested)
        return false;
    if (!m_pendingGrace) {
        m_pendingGrace = new QTimer(this);
        m_pendingGrace->setSingleShot(true);
        connect(m_pendingGrace, &QTimer::timeout, this, [this] {
            maybeEndMain();
            maybeFinish();
        });
        m_pendingGrace->start(exitReportGrace);
    }
    return m_pendingGrace->isActive();
}

void PythonRun::maybeFinish()
{
    if (m_status == Status::Finished || m_processes.empty() || !isEndState(m_processes.front()->state)
        || awaitPendingConnections())
        return;
    for (const auto &process : m_processes) {
        if (isEndState(process->state))
            continue;
        if (process->connected && !process->connectionClosed)
            return; // still running
        if (process->exitReportTimer && process->exitReportTimer->isActive())
            return; // waiting for its parent to say how it ended
    }
    // A connection past its hello but not yet saying who it is carries a process's lines
    // (one not yet past its hello: awaitPendingConnections above).
    for (const Connection &connection : std::as_const(m_connections)) {
        if (!connection.process)
            return;
    }
    // A process (the main interpreter included) that has not connected may still be in the
    // listen backlog: the main interpreter's exit can be seen first. Give it a moment, once.
    const bool someoneNeverConnected = std::any_of(m_processes.cbegin(), m_processes.cend(), [](const auto &process) {
        return !process->connected && !process->exitReported;
    });
    if (someoneNeverConnected && !m_settled && !m_stopRequested && m_runFailure.isEmpty()) {
        if (!m_settleTimer->isActive())
            m_settleTimer->start();
        return;
    }
    m_settleTimer->stop();
    // What is left never connected (it died before its _bootstrap, or the run was stopped first).
    for (const auto &process : m_processes) {
        if (isEndState(process->state))
            continue;
        if (process->exitReported)
            endChildFromExitCode(*process, process->reportedExitCode);
        else if (m_stopRequested)
            endProcess(*process, ProcessState::Killed, tr("stopped by the user"), 0, 0, false);
        else
            endProcess(*process, ProcessState::Failed, tr("never connected to the host"), 0, 0, false);
    }
    finish();
}

void PythonRun::failRun(const QString &reason)
{
    m_runFailure = reason;
    m_exitCode = 1;
    recordEvent({.timeNs = monotonicNowNs(), .kind = EventKind::Error, .text = reason});
    PyProcess &main = *m_processes.front();
    m_mainExited = true;
    endProcess(main, ProcessState::Failed, reason, 0, 0, false);
    maybeFinish();
}

void PythonRun::finish()
{
    m_status = Status::Finished;
    m_killTimer->stop();
    m_dropFlushTimer->stop();
    m_resources->stop();
    m_server->close();
    const qint64 now = monotonicNowNs();
    m_ipc->finish(now); // the last counters of objects past their budget
    flushDroppedEvents(now);
    // Name the processes that did not end well, as the panes name them (at most three).
    QStringList failed;
    for (const auto &process : m_processes) {
        if (process->state != ProcessState::Finished)
            failed.append(process->name);
    }
    const bool allFinished = failed.isEmpty();
    if (failed.size() > 3) {
        const qsizetype more = failed.size() - 3;
        failed.resize(3);
        //: The end of a list of process names: "Process-1, Process-2, Process-3 and 5 more".
        failed.last() = tr("%1 and %n more", nullptr, int(more)).arg(failed.last());
    }
    const QString reason = !m_runFailure.isEmpty() ? m_runFailure
        : m_stopRequested                          ? tr("stopped by the user")
        : allFinished                              ? QString()
                                                   //: Python processes that failed, e.g. "Process-1 failed".
                                                   : tr("%1 failed").arg(failed.join(tr(", ")));
    recordEvent({.timeNs = now, .kind = EventKind::RunFinished, .exitCode = allFinished && !m_stopRequested ? 0 : 1,
                 .text = reason});
    emit finished(m_exitCode);
}

} // namespace ProcessLab
