// SPDX-License-Identifier: MIT
#include "run.h"

#include "examples/exampleregistry.h"
#include "protocol/monotonicclock.h"
#include "runserver.h"
#include "workerlocator.h"
#include "workerprocess.h"

#include <QCoreApplication>
#include <QLocalSocket>
#include <QTimer>

namespace ProcessLab {

namespace {
constexpr auto dropFlushInterval = std::chrono::milliseconds(250);
} // namespace

Run::Run(const QString &exampleId, const QVariantMap &knobs, HostScript script,
         QHash<QString, int> traceLines, QObject *parent)
    : QObject(parent)
    , m_script(std::move(script))
    , m_traceLines(std::move(traceLines))
    , m_server(new RunServer(this))
    , m_dropFlushTimer(new QTimer(this))
{
    m_record.setExampleId(exampleId);
    m_record.setKnobs(knobs);
    connect(m_server, &RunServer::workerAuthenticated, this, &Run::handleWorkerAuthenticated);
    m_server->setOwnProcessCheck([this](qint64 pid) {
        return std::any_of(m_workers.cbegin(), m_workers.cend(), [pid](const WorkerProcess *w) { return w->pid() == pid; });
    });
    connect(m_server, &RunServer::connectionRejected, this, [this](const QString &reason) {
        RunEvent event;
        event.timeNs = monotonicNowNs();
        event.kind = EventKind::ConnectionRejected;
        event.text = reason;
        recordEvent(std::move(event));
    });
    m_dropFlushTimer->setInterval(dropFlushInterval);
    connect(m_dropFlushTimer, &QTimer::timeout, this, [this] { flushDroppedEvents(monotonicNowNs()); });
}

std::unique_ptr<Run> Run::create(const ExampleDefinition &example, const QVariantMap &knobs)
{
    return std::make_unique<Run>(example.id, knobs, example.script(knobs), example.traceSourceLines(knobs));
}

Run::~Run()
{
    for (WorkerProcess *worker : std::as_const(m_workers))
        worker->killNow();
}

void Run::setStepMode(bool on)
{
    m_stepMode = on;
    if (!on && m_status == Status::Running)
        QMetaObject::invokeMethod(this, &Run::advance, Qt::QueuedConnection);
}

void Run::recordEvent(RunEvent event)
{
    // run-finished is the record's last event: views and exports treat the run as over.
    if (!m_record.events().isEmpty() && m_record.events().constLast().kind == EventKind::RunFinished) {
        qWarning("ProcessLab: event %d after run-finished ignored", int(event.kind));
        return;
    }
    if (m_record.append(event)) // a copy: the event's text is shared, not duplicated
        emit eventRecorded(m_record.events().constLast());
    else
        emit eventDropped(event);
}

void Run::flushDroppedEvents(qint64 timeNs)
{
    const qsizetype before = m_record.size();
    m_record.flushDropped(timeNs);
    for (qsizetype i = before; i < m_record.size(); ++i)
        emit eventRecorded(m_record.events().at(i));
}

void Run::start()
{
    if (m_status != Status::NotStarted)
        return;
    m_status = Status::Running;
    const qint64 now = monotonicNowNs();
    recordEvent({.timeNs = now, .kind = EventKind::RunStarted, .text = m_record.exampleId()});
    recordEvent({.timeNs = now, .kind = EventKind::ProcessCreated, .process = mainProcessId,
                 .pid = QCoreApplication::applicationPid(), .text = QStringLiteral("Main")});
    recordEvent({.timeNs = now, .kind = EventKind::StateChanged, .process = mainProcessId,
                 .state = ProcessState::Running, .pid = QCoreApplication::applicationPid(), .text = {}});

    if (m_workerProgram.isEmpty() && !m_script.workers.isEmpty()) {
        const WorkerLocation location = locateWorker();
        if (location.path.isEmpty())
            return fail(location.errorString());
        m_workerProgram = location.path;
    }
    QString error;
    if (!m_script.workers.isEmpty() && !m_server->listen(&error))
        return fail(error);

    m_workerEnvironment = QProcessEnvironment::systemEnvironment();
    m_workerEnvironment.insert(QLatin1StringView(Protocol::serverEnvVar), m_server->fullServerName());
    m_workerEnvironment.insert(QLatin1StringView(Protocol::tokenEnvVar),
                               QString::fromLatin1(m_server->token().toHex()));
    m_dropFlushTimer->start();
    emit stepChanged(m_next);
    advance();
}

void Run::step()
{
    if (m_status != Status::Running || !m_stepMode)
        return;
    ++m_stepPermits;
    advance();
}

void Run::advance()
{
    // A step can end a worker synchronously (QProcess::start() failing at once emits
    // errorOccurred -> ended -> handleWorkerEnded() -> here): the outer call goes on instead
    // of a nested one running steps under its feet.
    if (m_advancing) {
        m_advanceRequested = true;
        return;
    }
    m_advancing = true;
    do {
        m_advanceRequested = false;
        runSteps();
    } while (m_advanceRequested);
    m_advancing = false;
}

void Run::scheduleAdvance()
{
    if (m_advanceScheduled)
        return;
    m_advanceScheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_advanceScheduled = false;
        m_startedThisTurn = false;
        advance();
    });
}

void Run::runSteps()
{
    while (m_status == Status::Running && m_next < m_script.steps.size()) {
        const ScriptStep &step = m_script.steps.at(m_next);
        if (!m_stepEntered) {
            if (m_stepMode && m_stepPermits == 0) {
                if (!m_paused) {
                    m_paused = true;
                    recordEvent({.timeNs = monotonicNowNs(), .kind = EventKind::Paused, .process = mainProcessId,
                                 .sourceLine = step.sourceLine, .text = step.source});
                }
                return; // step() resumes
            }
            if (step.kind == ScriptStep::Kind::Start && m_startedThisTurn) {
                // QProcess::start() blocks for up to a few ms: one per event-loop turn keeps a
                // window responsive while 64 workers start, and each start is timed alone.
                scheduleAdvance();
                return;
            }
            if (m_stepMode)
                --m_stepPermits;
            m_stepEntered = true;
            m_paused = false;
            const qint64 beginNs = monotonicNowNs();
            recordEvent({.timeNs = beginNs, .kind = EventKind::ScriptStep, .process = mainProcessId,
                         .sourceLine = step.sourceLine, .text = step.source});
            if (step.kind == ScriptStep::Kind::Start)
                m_startedThisTurn = true;
            executeStep(step, beginNs);
        }
        if (step.kind == ScriptStep::Kind::Join) {
            const WorkerProcess *joined = worker(step.worker);
            if (joined && !joined->hasEnded())
                return; // handleWorkerEnded() resumes
        }
        recordEvent({.timeNs = monotonicNowNs(), .kind = EventKind::ScriptStepEnded, .process = mainProcessId,
                     .sourceLine = step.sourceLine, .text = step.source});
        ++m_next;
        m_stepEntered = false;
        emit stepChanged(m_next);
    }
    maybeFinish();
}

void Run::executeStep(const ScriptStep &step, qint64 beginNs)
{
    switch (step.kind) {
    case ScriptStep::Kind::Create: {
        const auto spec = std::find_if(m_script.workers.cbegin(), m_script.workers.cend(),
                                       [&step](const WorkerSpec &w) { return w.id == step.worker; });
        if (spec == m_script.workers.cend() || m_workers.contains(step.worker))
            return;
        auto *process = new WorkerProcess(*spec, [this](RunEvent event) { recordEvent(std::move(event)); }, this);
        process->setHelloTimeout(m_helloTimeout);
        connect(process, &WorkerProcess::ended, this, &Run::handleWorkerEnded);
        connect(process, &WorkerProcess::traceReceived, this, &Run::handleTrace);
        m_workers.insert(step.worker, process);
        recordEvent({.timeNs = monotonicNowNs(), .kind = EventKind::ProcessCreated, .process = step.worker,
                     .text = spec->role});
        recordEvent({.timeNs = monotonicNowNs(), .kind = EventKind::StateChanged, .process = step.worker,
                     .state = ProcessState::Created, .text = {}});
        break;
    }
    case ScriptStep::Kind::Start:
        if (WorkerProcess *process = worker(step.worker)) {
            QProcessEnvironment environment = m_workerEnvironment;
            environment.insert(QLatin1StringView(Protocol::workerIdEnvVar), QString::number(step.worker));
            process->start(m_workerProgram, environment, beginNs);
        }
        break;
    case ScriptStep::Kind::Join:
        break; // runSteps() waits
    case ScriptStep::Kind::Print:
        recordEvent({.timeNs = monotonicNowNs(), .kind = EventKind::Output, .process = mainProcessId,
                     .stream = OutputStream::StdOut, .text = step.text});
        break;
    }
}

QString Run::serverName() const
{
    return m_server->fullServerName();
}

WorkerProcess *Run::worker(int id) const
{
    return m_workers.value(id);
}

void Run::handleWorkerAuthenticated(const Protocol::Hello &hello, QLocalSocket *socket,
                                    std::shared_ptr<Protocol::FrameReader> reader)
{
    QString error;
    WorkerProcess *process = worker(hello.workerId);
    if (!process)
        error = tr("no worker %1 in this run (pid %2)").arg(hello.workerId).arg(hello.pid);
    else if (process->attachConnection(socket, hello.pid, hello.timeNs, std::move(reader), &error))
        return;
    recordEvent({.timeNs = monotonicNowNs(), .kind = EventKind::ConnectionRejected, .text = error});
    socket->abort();
    socket->deleteLater();
}

void Run::handleTrace(int workerId, const QString &label, qint64 timeNs)
{
    recordEvent({.timeNs = timeNs, .kind = EventKind::WorkerTrace, .process = workerId,
                 .sourceLine = m_traceLines.value(label), .text = label});
}

void Run::handleWorkerEnded()
{
    if (m_status == Status::Running)
        advance();
    else
        maybeFinish();
}

void Run::maybeFinish()
{
    if (m_status == Status::Finished || m_status == Status::NotStarted)
        return;
    if (m_status == Status::Running && m_next < m_script.steps.size())
        return;
    for (const WorkerProcess *process : std::as_const(m_workers)) {
        if (!process->hasEnded())
            return;
    }
    if (m_status == Status::Stopping)
        return finish(1, tr("stopped by the user"), ProcessState::Killed);
    QStringList failed;
    for (const WorkerProcess *process : std::as_const(m_workers)) {
        if (process->state() != ProcessState::Finished)
            failed.append(process->spec().role);
    }
    std::sort(failed.begin(), failed.end());
    // The main program ran to its end, as Python's would even when a child failed; the
    // run's result says that something failed.
    finish(failed.isEmpty() ? 0 : 1,
           failed.isEmpty() ? QString() : tr("failed: %1").arg(failed.join(QLatin1StringView(", "))),
           ProcessState::Finished);
}

void Run::stop()
{
    if (m_status == Status::NotStarted || m_status == Status::Finished) {
        return;
    }
    m_status = Status::Stopping;
    for (WorkerProcess *process : std::as_const(m_workers))
        process->requestStop();
    maybeFinish();
}

void Run::fail(const QString &reason)
{
    recordEvent({.timeNs = monotonicNowNs(), .kind = EventKind::Error, .process = runLevel, .text = reason});
    finish(1, reason, ProcessState::Failed);
}

void Run::finish(int exitCode, const QString &reason, ProcessState mainState)
{
    m_status = Status::Finished;
    m_exitCode = exitCode;
    m_dropFlushTimer->stop();
    m_server->close();
    const qint64 now = monotonicNowNs();
    flushDroppedEvents(now);
    // No exit code for Main: the host plays the main program and does not exit here.
    recordEvent({.timeNs = now, .kind = EventKind::StateChanged, .process = mainProcessId, .state = mainState,
                 .pid = QCoreApplication::applicationPid(), .text = reason});
    recordEvent({.timeNs = now, .kind = EventKind::RunFinished, .exitCode = exitCode, .text = reason});
    emit finished(exitCode);
}

} // namespace ProcessLab
