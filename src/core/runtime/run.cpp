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
    connect(m_server, &RunServer::connectionRejected, this, [this](const QString &reason) {
        RunEvent event;
        event.timeNs = monotonicNowNs();
        event.kind = EventKind::ConnectionRejected;
        event.text = reason;
        recordEvent(std::move(event));
    });
    m_dropFlushTimer->setInterval(dropFlushInterval);
    connect(m_dropFlushTimer, &QTimer::timeout, this, [this] {
        const qsizetype before = m_record.size();
        m_record.flushDroppedOutput(monotonicNowNs());
        for (qsizetype i = before; i < m_record.size(); ++i)
            emit eventRecorded(m_record.events().at(i));
    });
}

std::unique_ptr<Run> Run::create(const ExampleDefinition &example, const QVariantMap &knobs, QObject *parent)
{
    return std::make_unique<Run>(example.id, knobs, example.script(knobs), example.traceSourceLines(knobs), parent);
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
    if (m_record.append(std::move(event)))
        emit eventRecorded(m_record.events().constLast());
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
    m_startsThisTurn = 0;
    while (m_status == Status::Running && m_next < m_script.steps.size()) {
        const ScriptStep &step = m_script.steps.at(m_next);
        if (!m_stepEntered) {
            if (m_stepMode) {
                if (m_stepPermits == 0)
                    return;
                --m_stepPermits;
            }
            m_stepEntered = true;
            recordEvent({.timeNs = monotonicNowNs(), .kind = EventKind::ScriptStep, .process = mainProcessId,
                         .sourceLine = step.sourceLine, .text = step.source});
            executeStep(step);
            if (step.kind == ScriptStep::Kind::Start && ++m_startsThisTurn >= startsPerTurn) {
                // QProcess::start() blocks for up to a few ms: give the event loop a turn
                // every few starts, so starting 64 workers never freezes a window.
                m_startsThisTurn = 0;
                ++m_next;
                m_stepEntered = false;
                emit stepChanged(m_next);
                QMetaObject::invokeMethod(this, &Run::advance, Qt::QueuedConnection);
                return;
            }
        }
        if (step.kind == ScriptStep::Kind::Join) {
            const WorkerProcess *joined = worker(step.worker);
            if (joined && !joined->hasEnded())
                return; // handleWorkerEnded() resumes
        }
        ++m_next;
        m_stepEntered = false;
        emit stepChanged(m_next);
    }
    maybeFinish();
}

void Run::executeStep(const ScriptStep &step)
{
    switch (step.kind) {
    case ScriptStep::Kind::Create: {
        const auto spec = std::find_if(m_script.workers.cbegin(), m_script.workers.cend(),
                                       [&step](const WorkerSpec &w) { return w.id == step.worker; });
        if (spec == m_script.workers.cend() || m_workers.contains(step.worker))
            return;
        auto *process = new WorkerProcess(*spec, [this](RunEvent event) { recordEvent(std::move(event)); }, this);
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
            process->start(m_workerProgram, environment);
        }
        break;
    case ScriptStep::Kind::Join:
        break; // advance() waits
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
    else if (process->attachConnection(socket, hello.pid, std::move(reader), &error))
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
        return finish(1, tr("stopped by the user"));
    QStringList failed;
    for (const WorkerProcess *process : std::as_const(m_workers)) {
        if (process->state() != ProcessState::Finished)
            failed.append(process->spec().role);
    }
    std::sort(failed.begin(), failed.end());
    finish(failed.isEmpty() ? 0 : 1,
           failed.isEmpty() ? QString() : tr("failed: %1").arg(failed.join(QLatin1StringView(", "))));
}

void Run::stop()
{
    if (m_status == Status::NotStarted || m_status == Status::Finished) {
        return;
    }
    m_status = Status::Stopping;
    m_stopRequested = true;
    for (WorkerProcess *process : std::as_const(m_workers))
        process->requestStop();
    maybeFinish();
}

void Run::fail(const QString &reason)
{
    recordEvent({.timeNs = monotonicNowNs(), .kind = EventKind::Error, .process = runLevel, .text = reason});
    finish(1, reason);
}

void Run::finish(int exitCode, const QString &reason)
{
    m_status = Status::Finished;
    m_exitCode = exitCode;
    m_dropFlushTimer->stop();
    m_server->close();
    const qint64 now = monotonicNowNs();
    m_record.flushDroppedOutput(now);
    const ProcessState mainState = m_stopRequested ? ProcessState::Killed
                                   : exitCode == 0 ? ProcessState::Finished
                                                   : ProcessState::Failed;
    recordEvent({.timeNs = now, .kind = EventKind::StateChanged, .process = mainProcessId, .state = mainState,
                 .exitCode = exitCode, .pid = QCoreApplication::applicationPid(), .text = reason});
    recordEvent({.timeNs = now, .kind = EventKind::RunFinished, .exitCode = exitCode, .text = reason});
    emit finished(exitCode);
}

} // namespace ProcessLab
