// SPDX-License-Identifier: MIT
#include "run.h"

#include "examples/exampleregistry.h"
#include "ipc/ipcobject.h"
#include "protocolqt.h"
#include "shm/objects.h"
#include "protocol/monotonicclock.h"
#include "printformat.h"
#include "resourcesampling.h"
#include "runserver.h"
#include "scriptevaluation.h"
#include "workerlocator.h"
#include "workerprocess.h"

#include <QCoreApplication>
#include <QLocalSocket>
#include <QPointer>
#include <QSet>
#include <QTimer>

namespace ProcessLab {

namespace {
constexpr auto dropFlushInterval = std::chrono::milliseconds(250);
// Shared objects' counters (queue depth, operations) are sampled at 100 Hz: what the record
// keeps once per-operation events would cost more than the work (docs/run-record.md).
constexpr auto sampleInterval = std::chrono::milliseconds(10);
// Per-operation events a worker may report per object: the budget, with room for the
// host's own; what a misbehaving worker sends beyond is not recorded.
constexpr qint64 ipcEventLimit = 2 * qint64(Shm::defaultObservationBudget);
// Notifications for objects the run does not have, recorded per worker; the rest are dropped.
constexpr int unknownNotifyLimit = 10;
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
    m_advanceTimer = new QTimer(this);
    m_advanceTimer->setSingleShot(true);
    m_advanceTimer->setInterval(0);
    connect(m_advanceTimer, &QTimer::timeout, this, [this] {
        m_advanceScheduled = false;
        m_startedThisTurn = false;
        advance();
    });
    m_sampleTimer = new QTimer(this);
    m_sampleTimer->setInterval(sampleInterval);
    connect(m_sampleTimer, &QTimer::timeout, this, [this] { sampleObjects(monotonicNowNs()); });
    m_resources = new ResourceSampling([this](RunEvent event) { recordEvent(std::move(event)); }, this);
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
    m_resources->observe(event); // a worker's pid starts its sampling, its end stops it
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
    m_record.setRecordedAt(QDateTime::currentDateTimeUtc());
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
    // Workers connect to the server; shared objects take their segments' names from it.
    const bool createsObjects = std::any_of(m_script.steps.cbegin(), m_script.steps.cend(), [](const ScriptStep &step) {
        return step.kind == ScriptStep::Kind::CreateObject;
    });
    if ((!m_script.workers.isEmpty() || createsObjects) && !m_server->listen(&error))
        return fail(error);

    m_workerEnvironment = QProcessEnvironment::systemEnvironment();
    m_workerEnvironment.insert(QLatin1StringView(Protocol::serverEnvVar), m_server->fullServerName());
    m_workerEnvironment.insert(QLatin1StringView(Protocol::tokenEnvVar),
                               QString::fromLatin1(m_server->token().toHex()));
    m_dropFlushTimer->start();
    m_resources->start();
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
    // A zero-interval timer, not a queued call: it fires once the event loop has looked at
    // its sockets, so a worker that said hello gets its Start (and runs) between two start()
    // calls of the main program, as a Python child runs as soon as start() returned. A chain
    // of queued calls would run every start() first and leave the first workers "ready".
    m_advanceTimer->start();
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
            // A join names the process it waits for: "who waits for whom" (JoinWaits) reads it.
            recordEvent({.timeNs = beginNs, .kind = EventKind::ScriptStep, .process = mainProcessId,
                         .sourceLine = step.sourceLine,
                         .count = step.kind == ScriptStep::Kind::Join ? step.worker : 0, .text = step.source});
            if (step.kind == ScriptStep::Kind::Start)
                m_startedThisTurn = true;
            m_pending = {.active = true, .done = false, .token = ++m_nextToken, .joinWorker = 0, .jumpTarget = -1,
                         .result = {}};
            m_executing = true;
            executeStep(step, beginNs);
            m_executing = false;
        }
        if (!m_pending.done)
            return; // pending: completeStep() resumes through a queued call
        const PendingStep outcome = std::exchange(m_pending, {});
        if (!outcome.result.ok())
            return failMain(step, outcome.result.error);
        if (step.kind == ScriptStep::Kind::Call && !step.variable.isEmpty()) {
            m_variables.insert(step.variable, outcome.result.value);
            if (outcome.result.object)
                m_returnedObjects[step.variable] = outcome.result.object;
            else
                m_returnedObjects.erase(step.variable);
        }
        recordEvent({.timeNs = monotonicNowNs(), .kind = EventKind::ScriptStepEnded, .process = mainProcessId,
                     .sourceLine = step.sourceLine, .text = step.source});
        m_next = outcome.jumpTarget >= 0 ? outcome.jumpTarget : m_next + 1;
        m_stepEntered = false;
        emit stepChanged(m_next);
    }
    if (m_status == Status::Running && m_next >= m_script.steps.size())
        endMainProgram();
    maybeFinish();
}

void Run::endMainProgram()
{
    if (m_mainEnded)
        return;
    m_mainEnded = true;
    for (ScriptObject *scriptObject : allObjects())
        scriptObject->mainProgramEnded();
}

// Runs one statement. Its outcome goes to completeStep(): at once, or later for a step
// that waits (a join, a call the object completes later).
void Run::executeStep(const ScriptStep &step, qint64 beginNs)
{
    const quint64 token = m_pending.token;
    switch (step.kind) {
    case ScriptStep::Kind::Create: {
        const auto spec = std::find_if(m_script.workers.cbegin(), m_script.workers.cend(),
                                       [&step](const WorkerSpec &w) { return w.id == step.worker; });
        if (spec == m_script.workers.cend() || m_workers.contains(step.worker))
            return completeStep(token, ScriptResult::success());
        createWorkerProcess(*spec);
        recordEvent({.timeNs = monotonicNowNs(), .kind = EventKind::ProcessCreated, .process = step.worker,
                     .text = spec->role});
        recordEvent({.timeNs = monotonicNowNs(), .kind = EventKind::StateChanged, .process = step.worker,
                     .state = ProcessState::Created, .text = {}});
        return completeStep(token, ScriptResult::success());
    }
    case ScriptStep::Kind::Start:
        return completeStep(token, startStepWorker(step, beginNs));
    case ScriptStep::Kind::Join: {
        const WorkerProcess *joined = worker(step.worker);
        if (joined && !joined->hasEnded()) {
            m_pending.joinWorker = step.worker; // handleWorkerEnded() completes it
            return;
        }
        return completeStep(token, ScriptResult::success());
    }
    case ScriptStep::Kind::Print: {
        QString line = step.text;
        if (!step.arguments.isEmpty()) {
            QList<QCborValue> values;
            for (const ScriptExpression &argument : step.arguments) {
                ScriptResult value = evaluate(argument);
                if (!value.ok())
                    return completeStep(token, std::move(value));
                values.append(value.value);
            }
            line = formatPrintLine(values);
        }
        recordEvent({.timeNs = monotonicNowNs(), .kind = EventKind::Output, .process = mainProcessId,
                     .stream = OutputStream::StdOut, .text = line});
        return completeStep(token, ScriptResult::success());
    }
    case ScriptStep::Kind::CreateObject:
        return completeStep(token, createObject(step));
    case ScriptStep::Kind::Call:
        return callObject(step);
    case ScriptStep::Kind::Jump:
    case ScriptStep::Kind::JumpIfNone: {
        if (step.target < 0 || step.target > m_script.steps.size())
            return completeStep(token, ScriptResult::failure(tr("SyntaxError: jump to step %1 of %2")
                                                                 .arg(step.target)
                                                                 .arg(m_script.steps.size())));
        bool taken = true;
        if (step.kind == ScriptStep::Kind::JumpIfNone) {
            const ScriptResult tested = evaluate(ScriptExpression::variable(step.variable));
            if (!tested.ok())
                return completeStep(token, tested);
            taken = tested.value.isNull() || tested.value.isUndefined();
        }
        if (taken)
            m_pending.jumpTarget = step.target;
        return completeStep(token, ScriptResult::success());
    }
    }
}

WorkerProcess *Run::createWorkerProcess(const WorkerSpec &spec)
{
    auto *process = new WorkerProcess(spec, [this](RunEvent event) { recordEvent(std::move(event)); }, this);
    process->setHelloTimeout(m_helloTimeout);
    connect(process, &WorkerProcess::ended, this, &Run::handleWorkerEnded);
    // Right after the OS reported the exit, before another child is reaped: the exact total.
    connect(process, &WorkerProcess::exited, m_resources, [this](int workerId) {
        m_resources->processExited(workerId, monotonicNowNs());
    });
    connect(process, &WorkerProcess::traceReceived, this, &Run::handleTrace);
    connect(process, &WorkerProcess::requestReceived, this, &Run::handleRequest);
    connect(process, &WorkerProcess::notifyReceived, this, &Run::handleNotify);
    connect(process, &WorkerProcess::ipcEventReceived, this, &Run::handleIpcEvent);
    connect(process, &WorkerProcess::wakeReceived, this, &Run::handleWake);
    connect(process, &WorkerProcess::replyReceived, this, &Run::workerReplied);
    m_workers.insert(spec.id, process);
    return process;
}

int Run::startWorker(const QString &role, const QString &behaviour, const QCborMap &arguments, QString *error)
{
    if (m_status != Status::Running) {
        *error = tr("the run is not running");
        return 0;
    }
    if (m_workerProgram.isEmpty()) {
        const WorkerLocation location = locateWorker();
        if (location.path.isEmpty()) {
            *error = location.errorString();
            return 0;
        }
        m_workerProgram = location.path;
    }
    // Past every id the script uses and every worker started so far.
    int id = 1;
    for (const WorkerSpec &spec : std::as_const(m_script.workers))
        id = std::max(id, spec.id + 1);
    for (auto it = m_workers.cbegin(); it != m_workers.cend(); ++it)
        id = std::max(id, it.key() + 1);
    WorkerSpec spec;
    spec.id = id;
    spec.role = role;
    spec.behaviour = behaviour;
    spec.arguments = arguments;
    WorkerProcess *process = createWorkerProcess(spec);
    recordEvent({.timeNs = monotonicNowNs(), .kind = EventKind::ProcessCreated, .process = id, .text = role});
    recordEvent({.timeNs = monotonicNowNs(), .kind = EventKind::StateChanged, .process = id,
                 .state = ProcessState::Created, .text = {}});
    QProcessEnvironment environment = m_workerEnvironment;
    environment.insert(QLatin1StringView(Protocol::workerIdEnvVar), QString::number(id));
    process->start(m_workerProgram, environment, monotonicNowNs());
    return id;
}

void Run::stopWorker(int workerId)
{
    if (WorkerProcess *process = worker(workerId); process && !process->hasEnded())
        process->requestStop();
}

void Run::killWorker(int workerId)
{
    if (WorkerProcess *process = worker(workerId); process && !process->hasEnded())
        process->killAsCrash();
}

bool Run::killPoolWorker(int workerId, QString *error)
{
    if (m_status != Status::Running) {
        *error = tr("the run is not running");
        return false;
    }
    for (ScriptObject *object : allObjects()) {
        if (const std::optional<QString> refused = object->killWorkerOnRequest(workerId)) {
            *error = *refused;
            return refused->isEmpty();
        }
    }
    *error = tr("process %1 is not a worker of a process pool").arg(workerId);
    return false;
}

qint64 Run::workerPid(int workerId) const
{
    const WorkerProcess *process = worker(workerId);
    return process ? process->pid() : 0;
}

bool Run::workerEnded(int workerId) const
{
    const WorkerProcess *process = worker(workerId);
    return !process || process->hasEnded();
}

ScriptResult Run::startStepWorker(const ScriptStep &step, qint64 beginNs)
{
    WorkerProcess *process = worker(step.worker);
    if (!process)
        return ScriptResult::success();
    // Objects passed in args=: what each worker needs to attach, under the parameter's name.
    QCborMap arguments = process->spec().arguments;
    for (auto it = process->spec().objects.cbegin(); it != process->spec().objects.cend(); ++it) {
        const ScriptObject *passed = object(it.value());
        if (!passed)
            return ScriptResult::failure(QStringLiteral("NameError: name '%1' is not defined").arg(it.value()));
        arguments.insert(it.key(), passed->attachment(step.worker));
    }
    process->setArguments(arguments);
    QProcessEnvironment environment = m_workerEnvironment;
    environment.insert(QLatin1StringView(Protocol::workerIdEnvVar), QString::number(step.worker));
    process->start(m_workerProgram, environment, beginNs);
    return ScriptResult::success();
}

ScriptResult Run::createObject(const ScriptStep &step)
{
    ScriptObjectSpec spec;
    spec.type = step.method;
    spec.name = step.object;
    spec.objectId = m_nextObjectId++; // before the factory: an object may ask for more ids (ScriptHost)
    spec.runKey = m_server->runName(); // "processlab-<pid>-<hex>": segment names derive from it
    spec.host = this;
    spec.options = step.options;
    for (const ScriptExpression &argument : step.arguments) {
        ScriptResult value = evaluate(argument);
        if (!value.ok())
            return value;
        spec.arguments.append(value.value);
    }
    QString error;
    std::unique_ptr<ScriptObject> created;
    if (m_script.objectFactory) {
        created = m_script.objectFactory(spec, &error);
    } else {
        // multiprocessing's own objects: Queue, Pipe, Value, Array, Lock.
        created = createIpcObject(spec, [this](RunEvent event) { recordEvent(std::move(event)); }, &error);
    }
    if (!created) {
        return ScriptResult::failure(error.isEmpty() ? QStringLiteral("NameError: name '%1' is not defined").arg(spec.type)
                                                     : error);
    }
    // `a, b = Pipe()`: one name per part of what the call returned.
    QStringList names = step.object.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString &name : names)
        name = name.trimmed();
    std::vector<std::unique_ptr<ScriptObject>> parts;
    if (names.size() > 1) {
        parts = created->unpack();
        if (parts.size() != std::size_t(names.size()))
            return ScriptResult::failure(QStringLiteral("ValueError: not enough values to unpack (expected %1, got %2)")
                                             .arg(names.size())
                                             .arg(parts.size()));
    } else {
        parts.push_back(std::move(created));
    }
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (auto *ipc = dynamic_cast<IpcObject *>(parts[std::size_t(i)].get()))
            m_ipcObjects.insert(ipc->id(), ipc);
        // A name bound again (`q = Queue()` twice, a CreateObject in a loop): the old object
        // may still be in a worker's hands, so it lives on, unnamed, until the run ends.
        if (auto bound = m_objects.find(names.at(i)); bound != m_objects.end())
            m_unboundObjects.push_back(std::move(bound->second));
        m_objects[names.at(i)] = std::move(parts[std::size_t(i)]);
    }
    if (!m_ipcObjects.isEmpty() && !m_sampleTimer->isActive())
        m_sampleTimer->start();
    return ScriptResult::success();
}

void Run::callObject(const ScriptStep &step)
{
    const quint64 token = m_pending.token;
    ScriptObject *target = object(step.object);
    if (!target)
        return completeStep(token, ScriptResult::failure(QStringLiteral("NameError: name '%1' is not defined").arg(step.object)));
    QList<QCborValue> arguments;
    for (const ScriptExpression &argument : step.arguments) {
        ScriptResult value = evaluate(argument);
        if (!value.ok())
            return completeStep(token, std::move(value));
        arguments.append(value.value);
    }
    // The object may complete now or keep the completion; a stale one (after Stop) is ignored.
    target->call(step.method, arguments, [run = QPointer<Run>(this), token](ScriptResult result) {
        if (run)
            run->completeStep(token, std::move(result));
    });
}

ScriptResult Run::evaluate(const ScriptExpression &expression) const
{
    return evaluateExpression(expression, m_variables, [this](const QString &name) { return object(name); });
}

void Run::completeStep(quint64 token, ScriptResult result)
{
    if (!m_pending.active || m_pending.done || m_pending.token != token)
        return; // cancelled by Stop, or completed twice
    m_pending.done = true;
    m_pending.result = std::move(result);
    // Completed later (a timer, a worker's frame): resume in a turn of its own, never inside
    // the object's code that called us.
    if (!m_executing)
        QMetaObject::invokeMethod(this, &Run::advance, Qt::QueuedConnection);
}

void Run::failMain(const ScriptStep &step, const QString &error)
{
    m_mainFailure = step.sourceLine > 0 ? tr("%1 raised at line %2").arg(error).arg(step.sourceLine)
                                        : tr("%1 raised").arg(error);
    const qint64 now = monotonicNowNs();
    recordEvent({.timeNs = now, .kind = EventKind::Error, .process = mainProcessId, .sourceLine = step.sourceLine,
                 .text = m_mainFailure});
    recordEvent({.timeNs = now, .kind = EventKind::StateChanged, .process = mainProcessId,
                 .state = ProcessState::Failed, .pid = QCoreApplication::applicationPid(), .text = m_mainFailure});
    // The main program is over; its workers run on until they end (or the user stops them).
    m_stepEntered = false;
    m_next = m_script.steps.size();
    emit stepChanged(m_next);
    endMainProgram();
    maybeFinish();
}

void Run::cancelPending()
{
    m_pending = {};
    for (ScriptObject *scriptObject : allObjects())
        scriptObject->cancel();
}

QList<ScriptObject *> Run::allObjects() const
{
    QList<ScriptObject *> objects;
    for (const auto &[name, scriptObject] : m_objects)
        objects.append(scriptObject.get());
    for (const std::unique_ptr<ScriptObject> &scriptObject : m_unboundObjects)
        objects.append(scriptObject.get());
    // A set, not objects.contains(): 20,000 apply_async results alive made this quadratic.
    QSet<ScriptObject *> seen(objects.cbegin(), objects.cend());
    for (const auto &[name, scriptObject] : m_returnedObjects) {
        if (!seen.contains(scriptObject.get())) {
            seen.insert(scriptObject.get());
            objects.append(scriptObject.get());
        }
    }
    return objects;
}

quint64 Run::requestWorker(int workerId, const QString &name, const QCborValue &body)
{
    WorkerProcess *process = worker(workerId);
    return process ? process->sendRequest(name, body) : 0;
}

ScriptObject *Run::object(const QString &name) const
{
    if (const auto it = m_objects.find(name); it != m_objects.end())
        return it->second.get();
    const auto returned = m_returnedObjects.find(name);
    return returned == m_returnedObjects.end() ? nullptr : returned->second.get();
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

void Run::handleWorkerEnded(int workerId)
{
    if (const WorkerProcess *ended = worker(workerId)) {
        if (ended->pid() != 0) {
            for (ScriptObject *scriptObject : allObjects()) {
                if (auto *ipc = dynamic_cast<IpcObject *>(scriptObject)) {
                    // What the process left half done in a shared object, repaired and said.
                    for (const QString &repair : ipc->processEnded(workerId, ended->pid())) {
                        recordEvent({.timeNs = monotonicNowNs(), .kind = EventKind::IpcRecovered, .process = workerId,
                                     .pid = ended->pid(), .object = ipc->id(), .text = repair});
                    }
                    continue;
                }
                for (const QString &repair : scriptObject->recoverDeadProcess(ended->pid()))
                    recordEvent({.timeNs = monotonicNowNs(), .kind = EventKind::Error, .process = workerId, .text = repair});
            }
            // Now that every object has seen the end (a pipe end closed, a lock freed), a main
            // program waiting on any of them tries again.
            for (IpcObject *ipc : std::as_const(m_ipcObjects))
                ipc->retryAfterWake();
        }
        // How it ended, from the process itself (a pool names the signal of a worker lost
        // mid-task, or why a worker could not start: those have no pid).
        const WorkerEnd end{.pid = ended->pid(),
                            .exitCode = ended->exitCode(),
                            .exitSignal = ended->exitSignal(),
                            .stopRequested = ended->stopRequested(),
                            .failed = ended->state() == ProcessState::Failed,
                            .detail = ended->endDetail()};
        for (ScriptObject *scriptObject : allObjects())
            scriptObject->workerEnded(workerId, end);
    }
    if (m_pending.active && m_pending.joinWorker == workerId) {
        // Completed here, not through a queued call: the join ends in the same turn as the
        // worker, as it always has.
        m_pending.done = true;
        m_pending.result = ScriptResult::success();
    }
    if (m_status == Status::Running)
        advance();
    else
        maybeFinish();
}

void Run::handleIpcEvent(int workerId, const Protocol::IpcEvent &event)
{
    if (!m_ipcObjects.contains(event.object) || m_ipcEventsRecorded[event.object]++ >= ipcEventLimit)
        return; // not an object of this run, or more than its budget allows: a misbehaving worker
    RunEvent recorded;
    recorded.timeNs = event.timeNs ? event.timeNs : monotonicNowNs();
    recorded.kind = EventKind::IpcOperation;
    recorded.process = workerId;
    recorded.object = event.object;
    recorded.op = static_cast<quint8>(event.op);
    recorded.count = event.count;
    recorded.sequence = event.sequence;
    recorded.text = Protocol::toQString(event.text);
    recordEvent(std::move(recorded));
}

void Run::handleWake(int workerId, int objectId)
{
    Q_UNUSED(workerId);
    const QList<IpcObject *> objects = m_ipcObjects.values(objectId);
    for (IpcObject *object : objects)
        object->retryAfterWake();
    if (objects.isEmpty()) {
        // A Wake names a shared segment's object id; only objects the main program created own
        // segments (call results such as a pool's AsyncResults stay in the host), so those alone
        // are asked: a pool wakes once per batch of results while thousands of results are alive.
        // A list first, as allObjects() gives: a wake may complete a step that binds a name.
        QList<ScriptObject *> created;
        for (const auto &[name, scriptObject] : m_objects)
            created.append(scriptObject.get());
        for (const std::unique_ptr<ScriptObject> &scriptObject : m_unboundObjects)
            created.append(scriptObject.get());
        for (ScriptObject *scriptObject : std::as_const(created))
            scriptObject->wake(objectId);
    }
}

void Run::sampleObjects(qint64 nowNs)
{
    for (auto it = m_ipcObjects.cbegin(); it != m_ipcObjects.cend(); ++it)
        it.value()->sample(nowNs);
}

void Run::releaseObjects()
{
    // Every worker has ended: the segments can go (HostSegment removes them), so nothing of
    // the run stays in shared memory while its record lives on in the history.
    m_ipcObjects.clear();
    m_returnedObjects.clear();
    m_objects.clear();
    m_unboundObjects.clear();
}

void Run::handleRequest(int workerId, quint64 requestId, const QString &name, const QCborValue &body)
{
    WorkerProcess *process = worker(workerId);
    if (!process)
        return;
    QPointer<WorkerProcess> replyTo(process);
    const auto reply = [replyTo, requestId](const ScriptResult &result) {
        if (replyTo)
            replyTo->sendReply(requestId, result.value, result.error);
    };
    const qsizetype dot = name.indexOf(u'.');
    ScriptObject *target = dot > 0 ? object(name.left(dot)) : nullptr;
    if (!target)
        return reply(ScriptResult::failure(QStringLiteral("NameError: no object '%1' in this run").arg(name.left(dot))));
    target->handleRequest(workerId, name.mid(dot + 1), body, reply);
}

void Run::handleNotify(int workerId, const QString &name, const QCborValue &body)
{
    const qsizetype dot = name.indexOf(u'.');
    if (ScriptObject *target = dot > 0 ? object(name.left(dot)) : nullptr)
        target->handleNotify(workerId, name.mid(dot + 1), body);
    else if (m_unknownNotifies[workerId]++ < unknownNotifyLimit) // a flood must not grow the record
        recordEvent({.timeNs = monotonicNowNs(), .kind = EventKind::Error, .process = workerId,
                     .text = tr("notification for an unknown object: %1").arg(name)});
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
    if (!m_mainFailure.isEmpty())
        return finish(1, m_mainFailure, ProcessState::Failed);
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
    cancelPending(); // a pending step stays without its end, as a join interrupted by Stop
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
    m_resources->stop();
    m_server->close();
    const qint64 now = monotonicNowNs();
    flushDroppedEvents(now);
    // The shared objects' final counters: however fast the run, the record has every count.
    m_sampleTimer->stop();
    sampleObjects(now);
    // Not now: finish() may run inside one of the objects' own calls.
    QMetaObject::invokeMethod(this, &Run::releaseObjects, Qt::QueuedConnection);
    // No exit code for Main: the host plays the main program and does not exit here. A
    // main program that failed already has its end.
    if (m_mainFailure.isEmpty()) {
        recordEvent({.timeNs = now, .kind = EventKind::StateChanged, .process = mainProcessId, .state = mainState,
                     .pid = QCoreApplication::applicationPid(), .text = reason});
    }
    recordEvent({.timeNs = now, .kind = EventKind::RunFinished, .exitCode = exitCode, .text = reason});
    emit finished(exitCode);
}

} // namespace ProcessLab
