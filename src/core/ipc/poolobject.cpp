// SPDX-License-Identifier: MIT
#include "poolobject.h"

#include "poolfunctions.h"

#include "examples/hostscript.h"
#include "ipc/asyncresultobject.h"
#include "ipc/ipcobject.h"
#include "protocol/monotonicclock.h"
#include "protocol/protocol.h"
#include "runtime/protocolqt.h"
#include "runtime/pythonvalue.h"

#include <QCborArray>
#include <QCborStreamReader>
#include <QThread>

#include <thread>

namespace ProcessLab {

namespace {

constexpr auto pollInterval = std::chrono::milliseconds(10);
// Encoding a big map's tasks (and reading its results) gives the event loop a turn this often:
// workers that said hello get their Start and take the first chunks while the host encodes the rest.
constexpr qint64 encodeSliceNs = 2'000'000;
// A worker that died with an empty slot may have taken a task from the queue just before:
// tasks taken from the ring that no slot shows for this long are lost with it.
constexpr qint64 vanishedGraceMs = 500;
constexpr int maxProcesses = 1024;
// Pool processes in a row that end before taking a task (cannot start, exit at once): then the
// pool starts no more of them and fails the tasks no process is left to run.
constexpr int maxDeathsBeforeATask = 3;
constexpr int textLimit = 256;
// The most bytes one task's result may have (a fragmented item is assembled before it is
// decoded): a worker is our own process, but whatever crosses a process boundary is capped
// before it is decoded. 16 MiB is far past any tutorial result (a chunk of 62,500 squares is
// ~0.6 MB) and still a size the host holds without harm; past it the bytes are dropped as
// they stream and the task fails.
constexpr std::uint64_t maxResultBytes = 16 * 1024 * 1024;
// Python's default chunks, halved until the first one's encoded input is at most a quarter of
// the 1 MiB ring: its results (a square takes at most about twice its int's bytes) then come
// back as one item of the result ring, not as fragments the host reassembles, and several
// chunks wait in the task ring at once for the next free worker.
constexpr std::size_t defaultChunkInputBytes = ipcRingBytes / 4;

QString shortened(QString text)
{
    if (text.size() > textLimit)
        text = text.left(textLimit - 3) + QStringLiteral("...");
    return text;
}

quint32 hostPid()
{
    // Asked for every put and get of the queues: a system call each time otherwise.
    static const auto pid = static_cast<quint32>(QCoreApplication::applicationPid());
    return pid;
}

// Python's repr of a chunk's values, "[1, 4, 9, ...]": only as much as the event's text keeps.
QString reprOfList(const QCborArray &values, qsizetype first, qsizetype count)
{
    QString text = QStringLiteral("[");
    for (qsizetype i = 0; i < count; ++i) {
        if (text.size() > textLimit)
            return text + QStringLiteral("...");
        if (i)
            text += QStringLiteral(", ");
        text += pythonRepr(values.at(first + i));
    }
    return text + QLatin1Char(']');
}

// A result's header: [task, slot, pid, startNs, endNs, ...]; false on garbage.
bool readResultHeader(QCborStreamReader &reader, qint64 (&header)[5])
{
    if (!reader.isArray() || !reader.isLengthKnown() || reader.length() != 7 || !reader.enterContainer())
        return false;
    for (qint64 &field : header) {
        if (!reader.isInteger())
            return false;
        field = reader.toInteger();
        reader.next();
    }
    return true;
}

QCborMap queueAttachment(const HostSegment &segment, int id)
{
    const Shm::SegmentKey key = segment.segmentKey();
    QCborMap map;
    map.insert(QLatin1StringView("ipc"), QStringLiteral("queue"));
    map.insert(QLatin1StringView("id"), id);
    map.insert(QLatin1StringView("key"), QString::fromStdString(key.nativeKey));
    map.insert(QLatin1StringView("keyType"), QString::fromLatin1(Shm::keyTypeName(key.type)));
    return map;
}

} // namespace

// The items of map(): a list, or an int n for range(n).
std::optional<PoolObject::Items> PoolObject::iterableItems(const QCborValue &iterable)
{
    PoolObject::Items items;
    if (iterable.isArray()) {
        const QCborArray array = iterable.toArray();
        items.list.reserve(array.size());
        for (const QCborValue &item : array)
            items.list.append(item);
        return items;
    }
    if (iterable.isInteger()) {
        items.rangeEnd = std::max<qint64>(0, iterable.toInteger());
        return items;
    }
    return std::nullopt;
}

std::unique_ptr<PoolObject> PoolObject::create(const ScriptObjectSpec &spec, QString *error)
{
    if (!spec.host) {
        *error = QStringLiteral("RuntimeError: Pool needs a run to start its processes");
        return nullptr;
    }
    const QCborValue processes = spec.arguments.value(0);
    const QCborValue maxTasks = spec.arguments.value(1);
    qint64 count = processes.isNull() || processes.isUndefined() ? QThread::idealThreadCount() : processes.toInteger(-1);
    if (count < 1) {
        *error = QStringLiteral("ValueError: Number of processes must be at least 1");
        return nullptr;
    }
    if (count > maxProcesses) {
        *error = QStringLiteral("ValueError: ProcessLab runs at most %1 pool processes").arg(maxProcesses);
        return nullptr;
    }
    qint64 maxTasksPerChild = 0;
    if (!maxTasks.isNull() && !maxTasks.isUndefined()) {
        maxTasksPerChild = maxTasks.toInteger(-1);
        if (!maxTasks.isInteger() || maxTasksPerChild <= 0) { // 0 too, as Python: None means no limit
            *error = QStringLiteral("ValueError: maxtasksperchild must be a positive int or None");
            return nullptr;
        }
    }
    std::unique_ptr<PoolObject> pool(new PoolObject);
    pool->m_host = spec.host;
    pool->m_name = spec.name;
    pool->m_processes = int(count);
    pool->m_maxTasksPerChild = maxTasksPerChild;
    // Three segments: the task queue, the result queue, the slots. Observation budget 0: the
    // pool records tasks itself; its queues' items are not the user's objects.
    pool->m_taskQueueId = spec.objectId;
    pool->m_resultQueueId = spec.host->newObjectId();
    const int slotsId = spec.host->newObjectId();
    pool->m_taskSegment = HostSegment::create(spec.runKey, quint32(pool->m_taskQueueId),
                                              qsizetype(Shm::QueueView::segmentSize(ipcRingBytes)), error);
    if (pool->m_taskSegment)
        pool->m_resultSegment = HostSegment::create(spec.runKey, quint32(pool->m_resultQueueId),
                                                    qsizetype(Shm::QueueView::segmentSize(ipcRingBytes)), error);
    if (pool->m_resultSegment)
        pool->m_slotsSegment = HostSegment::create(spec.runKey, quint32(slotsId),
                                                   qsizetype(Shm::PoolSlotsView::segmentSize(std::size_t(count))), error);
    if (!pool->m_slotsSegment)
        return nullptr;
    pool->m_tasks = Shm::QueueView::initialize(pool->m_taskSegment->data(), std::size_t(pool->m_taskSegment->size()), 0, 0);
    pool->m_results = Shm::QueueView::initialize(pool->m_resultSegment->data(), std::size_t(pool->m_resultSegment->size()), 0, 0);
    pool->m_slots = Shm::PoolSlotsView::initialize(pool->m_slotsSegment->data(), std::size_t(pool->m_slotsSegment->size()),
                                                   std::size_t(count));
    pool->m_poll.setInterval(pollInterval);
    pool->m_poll.callOnTimeout([raw = pool.get()] { raw->pump(); });
    pool->m_feedTimer.setSingleShot(true);
    pool->m_feedTimer.setInterval(0);
    pool->m_feedTimer.callOnTimeout([raw = pool.get()] { raw->pump(); });
    pool->m_replaceTimer.setSingleShot(true);
    pool->m_replaceTimer.setInterval(0);
    pool->m_replaceTimer.callOnTimeout([raw = pool.get()] { raw->startMissingWorkers(); });
    // Tests only (processlab-test-worker): the behaviour the pool's processes run.
    if (const QString behaviour = spec.options.value(QLatin1StringView("workerBehaviour")).toString(); !behaviour.isEmpty())
        pool->m_workerBehaviour = behaviour;
    pool->m_partialRead.maxItemBytes = maxResultBytes;
    pool->m_workers.resize(count);
    for (qsizetype slot = 0; slot < count && pool->m_cannotStart.isEmpty(); ++slot)
        pool->startWorker(slot);
    pool->m_killWorkerAfterMs = spec.options.value(QLatin1StringView("killWorkerAfterMs")).toInteger(0);
    if (pool->m_killWorkerAfterMs > 0) {
        pool->m_faultTimer.setSingleShot(true);
        pool->m_faultTimer.callOnTimeout([raw = pool.get()] {
            raw->m_faultArmed = true;
            raw->injectFault();
        });
        pool->m_faultTimer.start(std::chrono::milliseconds(pool->m_killWorkerAfterMs));
    }
    return pool;
}

PoolObject::~PoolObject()
{
    if (m_callJob)
        m_callJob->unlisten(m_callListener);
}

void PoolObject::startWorker(qsizetype slot)
{
    Worker &worker = m_workers[slot];
    worker.role = QStringLiteral("PoolWorker-%1").arg(++m_workersStarted);
    worker.tookTask = false;
    const Shm::SegmentKey slotsKey = m_slotsSegment->segmentKey();
    QCborMap slotsDescription;
    slotsDescription.insert(QLatin1StringView("key"), QString::fromStdString(slotsKey.nativeKey));
    slotsDescription.insert(QLatin1StringView("keyType"), QString::fromLatin1(Shm::keyTypeName(slotsKey.type)));
    QCborMap arguments;
    arguments.insert(QLatin1StringView("tasks"), queueAttachment(*m_taskSegment, m_taskQueueId));
    arguments.insert(QLatin1StringView("results"), queueAttachment(*m_resultSegment, m_resultQueueId));
    arguments.insert(QLatin1StringView("slots"), slotsDescription);
    arguments.insert(QLatin1StringView("slot"), slot);
    arguments.insert(QLatin1StringView("maxtasks"), m_maxTasksPerChild);
    QString error;
    m_endedWhileStarting.reset();
    m_starting = true;
    const int id = m_host->startWorker(worker.role, m_workerBehaviour, arguments, &error);
    m_starting = false;
    m_workers[slot].id = id;
    if (id != 0 && m_endedWhileStarting && m_endedWhileStarting->first == id) {
        // It ended inside startWorker() (a start that fails at once): handled now that it has its slot.
        recordWorker(PoolWorkerChange::Started, id, 0, m_workers.at(slot).role);
        const WorkerEnd end = std::exchange(m_endedWhileStarting, std::nullopt)->second;
        return workerEnded(id, end);
    }
    if (id == 0) {
        const QString why = tr("%1 could not start: %2").arg(worker.role, error);
        m_host->recordEvent({.timeNs = monotonicNowNs(), .kind = EventKind::Error, .process = runLevel,
                             .text = tr("%1: %2").arg(m_name, why)});
        workerDiedBeforeTakingATask(why);
        return;
    }
    recordWorker(PoolWorkerChange::Started, worker.id, 0, worker.role);
    if (m_state == State::Closed) {
        m_backlog.emplace_back(0, Protocol::encode(Protocol::Value(nullptr))); // its "no more tasks"
        pump();
    }
}

void PoolObject::startMissingWorkers()
{
    if (m_state == State::Terminated || !m_cannotStart.isEmpty())
        return;
    for (qsizetype slot = 0; slot < m_workers.size(); ++slot) {
        if (m_workers.at(slot).id != 0 || !m_cannotStart.isEmpty())
            continue;
        startWorker(slot);
        // After processes that ended before taking a task, one at a time: the next ones start
        // once it took a task (handleResult, recordStartsFromSlots) or it too ended.
        if (m_deathsBeforeATask > 0)
            return;
    }
}

void PoolObject::workerDiedBeforeTakingATask(const QString &why)
{
    if (++m_deathsBeforeATask < maxDeathsBeforeATask) {
        if (m_state != State::Terminated)
            m_replaceTimer.start(); // a new try, in a turn of its own
        return;
    }
    if (!m_cannotStart.isEmpty())
        return;
    m_cannotStart = why;
    m_replaceTimer.stop();
    m_host->recordEvent({.timeNs = monotonicNowNs(), .kind = EventKind::Error, .process = runLevel,
                         .text = tr("%1: %2 processes in a row ended before taking a task; the pool starts no more: %3")
                                     .arg(m_name)
                                     .arg(m_deathsBeforeATask)
                                     .arg(why)});
    pump();
}

void PoolObject::noteTookTask(qsizetype slot)
{
    m_workers[slot].tookTask = true;
    if (m_deathsBeforeATask > 0 && m_cannotStart.isEmpty()) {
        m_deathsBeforeATask = 0; // processes of this pool can start and run tasks: the others too
        m_replaceTimer.start();
    }
}

bool PoolObject::hasLiveWorker() const
{
    return std::any_of(m_workers.cbegin(), m_workers.cend(),
                       [this](const Worker &worker) { return worker.id != 0 && !m_host->workerEnded(worker.id); });
}

void PoolObject::failTasksWithoutWorkers()
{
    // Only once the pool gave up starting processes and none is left: nothing would run them.
    if (m_cannotStart.isEmpty() || m_outstanding.isEmpty() || hasLiveWorker())
        return;
    m_backlog.clear();
    m_feedTimer.stop();
    QList<quint64> numbers = m_outstanding.keys();
    std::sort(numbers.begin(), numbers.end());
    for (const quint64 number : std::as_const(numbers)) {
        const qsizetype items = m_outstanding.value(number).count;
        const QString error = tr("RuntimeError: the pool has no process to run task %1: %2").arg(number).arg(m_cannotStart);
        failTask(number, error);
        if (number <= taskEventBudget)
            record(PoolTaskPhase::Failed, number, items, 0, 0, shortened(error));
    }
}

void PoolObject::call(const QString &method, const QList<QCborValue> &arguments, Completion completion)
{
    const auto isMethod = [&method](const char *name) { return method == QLatin1StringView(name); };
    const bool apply = isMethod("apply") || isMethod("apply_async");
    const bool map = isMethod("map") || isMethod("map_async") || isMethod("starmap") || isMethod("starmap_async");
    const bool imap = isMethod("imap") || isMethod("imap_unordered");
    if (apply || map || imap) {
        if (m_state != State::Running)
            return completion(ScriptResult::failure(QStringLiteral("ValueError: Pool not running")));
        const QString function = arguments.value(0).toString();
        Items items;
        bool itemsAreArgumentLists = true;
        qsizetype chunksize = -1; // Python's default rule
        PoolJob::Kind kind = PoolJob::Kind::Apply;
        if (apply) {
            const QCborValue args = arguments.value(1);
            items.list.append(args.isArray() ? args : QCborValue(QCborArray{args}));
            if (args.isNull() || args.isUndefined())
                items.list.first() = QCborArray();
        } else {
            std::optional<Items> iterable = iterableItems(arguments.value(1));
            if (!iterable)
                return completion(ScriptResult::failure(QStringLiteral("TypeError: '%1' object is not iterable")
                                                            .arg(pythonTypeName(arguments.value(1)))));
            items = std::move(*iterable);
            itemsAreArgumentLists = method.startsWith(QLatin1StringView("starmap"));
            for (qsizetype index = 0; itemsAreArgumentLists && index < items.size(); ++index) {
                // starmap(f, [(1, 2), ...]) calls f(1, 2): each item must be an argument list.
                const QCborValue item = items.at(index);
                if (!item.isArray())
                    return completion(ScriptResult::failure(
                        QStringLiteral("TypeError: %1() argument after * must be an iterable, not %2")
                            .arg(function, pythonTypeName(item))));
            }
            const QCborValue chunkArgument = arguments.value(2);
            if (!chunkArgument.isNull() && !chunkArgument.isUndefined()) {
                chunksize = qsizetype(chunkArgument.toInteger(0));
                if (chunksize < 1)
                    return completion(ScriptResult::failure(QStringLiteral("ValueError: Chunksize must be 1+, not %1")
                                                                .arg(chunksize)));
            } else if (imap) {
                chunksize = 1; // imap's default, as Python's
            }
            kind = imap ? (isMethod("imap") ? PoolJob::Kind::IMap : PoolJob::Kind::IMapUnordered) : PoolJob::Kind::Map;
        }
        std::shared_ptr<PoolJob> job = submit(kind, function, items, itemsAreArgumentLists, chunksize);
        if (method.endsWith(QLatin1StringView("_async")) || imap)
            return completion(ScriptResult::returning(std::make_shared<AsyncResultObject>(job)));
        // apply(), map(), starmap(): the main program waits for the result.
        const auto finish = [this] {
            if (!m_callJob || !m_callJob->ready())
                return;
            const std::shared_ptr<PoolJob> ready = std::exchange(m_callJob, {});
            ready->unlisten(m_callListener);
            Completion done = std::move(m_callCompletion);
            m_callCompletion = nullptr;
            if (!ready->successful())
                return done(ScriptResult::failure(ready->error));
            if (ready->kind == PoolJob::Kind::Apply)
                return done(ScriptResult::success(ready->values.at(0)));
            done(ScriptResult::success(ready->values));
        };
        m_callJob = job;
        m_callCompletion = std::move(completion);
        m_callListener = job->listen(finish);
        finish();
        return;
    }
    if (isMethod("close")) {
        if (m_state == State::Running) {
            m_state = State::Closed;
            // One "no more tasks" per worker, after every task (Python's task handler does the same).
            for (const Worker &worker : std::as_const(m_workers)) {
                if (worker.id != 0 && !m_host->workerEnded(worker.id))
                    m_backlog.emplace_back(0, Protocol::encode(Protocol::Value(nullptr)));
            }
            pump();
        }
        return completion(ScriptResult::success());
    }
    if (isMethod("join")) {
        if (m_state == State::Running)
            return completion(ScriptResult::failure(QStringLiteral("ValueError: Pool is still running")));
        m_joinCompletion = std::move(completion);
        return checkJoin();
    }
    if (isMethod("terminate") || isMethod("__exit__")) {
        terminate();
        m_joinCompletion = std::move(completion);
        return checkJoin();
    }
    completion(ScriptResult::failure(QStringLiteral("AttributeError: 'Pool' object has no attribute '%1'").arg(method)));
}

std::shared_ptr<PoolJob> PoolObject::submit(PoolJob::Kind kind, const QString &function, const Items &items,
                                            bool itemsAreArgumentLists, qsizetype chunksize)
{
    auto job = std::make_shared<PoolJob>();
    job->kind = kind;
    job->resize(items.size());
    const bool pythonsRule = chunksize < 0;
    if (pythonsRule) {
        // Python's rule: chunksize, extra = divmod(len(iterable), len(self._pool) * 4); if extra: chunksize += 1
        chunksize = job->size / (qsizetype(m_processes) * 4);
        if (job->size % (qsizetype(m_processes) * 4))
            ++chunksize;
    }
    job->chunked = (kind == PoolJob::Kind::IMap || kind == PoolJob::Kind::IMapUnordered) && chunksize > 1;
    const auto source = std::make_shared<const TaskSource>(TaskSource{items, function.toStdString(), itemsAreArgumentLists});
    std::string firstChunk;
    if (pythonsRule) {
        // Python's rule only sizes chunks for speed: halve them until the first one's input is at
        // most defaultChunkInputBytes (map(square, range(1000000)) on 2 processes: 16 chunks of
        // 62,500, not 8 of 125,000). A chunksize the program gave is kept; a chunk too big for
        // the ring then fails its items (encodeTask). The first chunk's bytes are kept: it is
        // the next task, fed below.
        for (;;) {
            firstChunk = encodeChunk(m_lastTask + 1, *source, 0, std::min(chunksize, job->size));
            if (chunksize <= 1 || firstChunk.size() <= defaultChunkInputBytes)
                break;
            chunksize = std::max<qsizetype>(1, chunksize / 2);
        }
        if (firstChunk.size() > mainProgramItemLimit)
            firstChunk.clear(); // encodeTask fails it with the ValueError
    }
    for (qsizetype first = 0; first < job->size; first += chunksize) {
        const qsizetype end = std::min(job->size, first + chunksize);
        Task task;
        task.job = job;
        task.source = source;
        task.first = first;
        task.count = end - first;
        const quint64 number = ++m_lastTask;
        if (number <= taskEventBudget) {
            // What the program wrote: worker(1), square(3), square × 10 (items 0..9).
            const QString text = shortened(kind == PoolJob::Kind::Apply || end - first == 1
                                               ? poolCallText(function, items.at(first), itemsAreArgumentLists)
                                               : poolChunkText(function, first, end - first));
            record(PoolTaskPhase::Queued, number, end - first, 0, 0, text);
        }
        m_outstanding.insert(number, std::move(task));
        // Encoded when fed, a slice of the event loop's time at a time; a task too big for the
        // ring fails then (encodeTask).
        m_backlog.emplace_back(number, first == 0 ? std::move(firstChunk) : std::string());
    }
    pump();
    if (job->size == 0)
        job->changed();
    return job;
}

void PoolObject::pump()
{
    feedTasks();
    drainResults();
    recordStartsFromSlots();
    injectFault();
    sweepVanishedTasks();
    failTasksWithoutWorkers();
    recordCounters(false);
    checkJoin();
    updatePolling();
}

void PoolObject::updatePolling()
{
    const bool busy = !m_outstanding.isEmpty() || !m_backlog.empty();
    if (busy && !m_poll.isActive())
        m_poll.start();
    else if (!busy && m_poll.isActive())
        m_poll.stop();
}

void PoolObject::feedTasks()
{
    enum class Fed { All, RingFull, OutOfTime };
    QElapsedTimer encoding;
    encoding.start();
    const auto tryFeed = [this, &encoding] {
        while (!m_backlog.empty()) {
            auto &[number, bytes] = m_backlog.front();
            if (bytes.empty()) {
                if (encoding.nsecsElapsed() > encodeSliceNs)
                    return Fed::OutOfTime;
                if (!encodeTask(number, &bytes)) {
                    m_backlog.pop_front(); // failed (too big) or no longer outstanding
                    continue;
                }
            }
            const Shm::QueueView::Result result = m_tasks->tryPut(bytes, hostPid());
            if (result.status != Shm::QueueView::Status::Ok)
                return Fed::RingFull; // a worker's get() wakes us
            if (number != 0) {
                if (auto task = m_outstanding.find(number); task != m_outstanding.end())
                    task->sequence = result.sequence;
            }
            m_backlog.pop_front();
        }
        return Fed::All;
    };
    Fed fed = tryFeed();
    if (fed == Fed::RingFull) {
        m_tasks->setHostWaitingForSpace(true); // then once more: a get in between sends no Wake
        fed = tryFeed();
    }
    if (fed != Fed::RingFull)
        m_tasks->setHostWaitingForSpace(false);
    if (fed == Fed::OutOfTime && !m_feedTimer.isActive())
        m_feedTimer.start();
}

std::string PoolObject::encodeChunk(quint64 number, const TaskSource &source, qsizetype first, qsizetype count)
{
    // [task, function, [item, ...], itemsAreArgumentLists]: the items are first..first+count-1
    // in order (no indexes travel); map's items go as they are, not each in a list of one.
    // Written straight from the items: an int costs no Protocol::Value of its own (building
    // the chunk as an Array of Values first was most of the host's time for a map of ints).
    std::string bytes;
    bytes.reserve(std::size_t(count) * 5 + source.function.size() + 32);
    Protocol::encodeArrayHead(4, bytes);
    Protocol::encode(Protocol::Value(static_cast<std::int64_t>(number)), bytes);
    Protocol::encode(Protocol::Value(std::string_view(source.function)), bytes);
    Protocol::encodeArrayHead(std::size_t(count), bytes);
    const Items &items = source.items;
    for (qsizetype index = first; index < first + count; ++index) {
        if (items.rangeEnd >= 0) {
            Protocol::encode(Protocol::Value(static_cast<std::int64_t>(index)), bytes);
            continue;
        }
        const QCborValue &item = items.list.at(index);
        if (item.isInteger())
            Protocol::encode(Protocol::Value(static_cast<std::int64_t>(item.toInteger())), bytes);
        else
            Protocol::encode(Protocol::fromQCborValue(item), bytes);
    }
    Protocol::encode(Protocol::Value(source.itemsAreArgumentLists), bytes);
    return bytes;
}

bool PoolObject::encodeTask(quint64 number, std::string *bytes)
{
    const auto found = m_outstanding.constFind(number);
    if (found == m_outstanding.cend())
        return false; // failed meanwhile (the pool was terminated)
    const Task &task = *found;
    *bytes = encodeChunk(number, *task.source, task.first, task.count);
    if (bytes->size() <= mainProgramItemLimit)
        return true;
    const QString error = tr("ValueError: a task of %1 KiB does not fit the pool's task queue (at most %2 KiB); use a smaller chunksize")
                              .arg(bytes->size() / 1024)
                              .arg(mainProgramItemLimit / 1024);
    const qsizetype items = task.count;
    failTask(number, error);
    if (number <= taskEventBudget)
        record(PoolTaskPhase::Failed, number, items, 0, 0, shortened(error));
    return false;
}

void PoolObject::drainResults(DrainLimit limit)
{
    // Like feeding: ~2 ms of results per turn of the event loop, then the rest in the next
    // turn (a 1,000,000-item map's results arrive 16 chunks of 62,500 at a time).
    QElapsedTimer reading;
    reading.start();
    const auto tryDrain = [this, &reading, limit] {
        for (;;) {
            if (limit == DrainLimit::TimeSlice && reading.nsecsElapsed() > encodeSliceNs) {
                if (!m_feedTimer.isActive())
                    m_feedTimer.start();
                return;
            }
            std::string bytes;
            const Shm::QueueView::Result result = m_results->tryGet(&bytes, hostPid(), m_partialRead);
            if (result.status != Shm::QueueView::Status::Ok)
                return;
            if (result.oversizedBytes != 0)
                handleOversizedResult(bytes, result.oversizedBytes);
            else
                handleResult(bytes);
        }
    };
    tryDrain();
    if (m_outstanding.isEmpty()) {
        m_results->setHostWaitingForItem(false);
        return;
    }
    m_results->setHostWaitingForItem(true);
    tryDrain();
}

void PoolObject::handleResult(std::string_view bytes)
{
    // [task, slot, pid, startNs, endNs, [[position, "Error: text"], ...], [value, ...]]: one
    // value per item of the task in order (None where it failed), the failures before them.
    // Read with a stream reader straight into the job's values: no tree of the whole result
    // first, no second conversion per item.
    QCborStreamReader reader(bytes.data(), qsizetype(bytes.size()));
    qint64 header[5] = {};
    if (!readResultHeader(reader, header))
        return; // garbage
    const quint64 number = quint64(header[0]);
    const auto found = m_outstanding.find(number);
    if (found == m_outstanding.end())
        return; // a task already reported lost (its worker looked dead)
    const Task task = *found;
    m_outstanding.erase(found);
    ++m_tasksDone;
    const qsizetype slot = qsizetype(header[1]);
    const int workerId = slot >= 0 && slot < m_workers.size() ? m_workers.at(slot).id : 0;
    if (workerId != 0)
        noteTookTask(slot);
    const qint64 pid = header[2];
    // A task is one call in CPython (mapstar): its first error fails the whole chunk, every
    // item of it, and the worker ran none after it. The failures come first: [[position, text]].
    QString firstError;
    const QCborArray errorList = QCborValue::fromCbor(reader).toArray();
    if (!errorList.isEmpty()) {
        const QCborArray pair = errorList.at(0).toArray();
        firstError = pair.size() == 2 && pair.at(1).isString()
                         ? pair.at(1).toString()
                         : QStringLiteral("RuntimeError: the pool worker returned a malformed error");
    }
    qsizetype position = 0;
    if (firstError.isEmpty() && reader.lastError() == QCborError::NoError && reader.isArray() && reader.enterContainer()) {
        while (position < task.count && reader.hasNext()) {
            QCborValue value;
            if (reader.isInteger()) {
                value = QCborValue(reader.toInteger());
                reader.next();
            } else {
                value = QCborValue::fromCbor(reader);
            }
            if (reader.lastError() != QCborError::NoError)
                break; // malformed from here on: no result for the rest
            task.job->setResult(task.first + position, value);
            ++position;
        }
    }
    if (firstError.isEmpty() && position < task.count)
        firstError = QStringLiteral("RuntimeError: the pool worker returned no result");
    if (!firstError.isEmpty()) {
        for (qsizetype item = position; item < task.count; ++item)
            task.job->setError(task.first + item, firstError);
    }
    if (number <= taskEventBudget) {
        if (task.startedBy == 0)
            record(PoolTaskPhase::Started, number, task.count, workerId, pid, {}, header[3]);
        QString text;
        if (!firstError.isEmpty())
            text = firstError;
        else if (task.job->kind == PoolJob::Kind::Apply)
            text = task.count ? pythonRepr(task.job->values.at(task.first)) : QString();
        else
            text = reprOfList(task.job->values, task.first, task.count);
        record(firstError.isEmpty() ? PoolTaskPhase::Finished : PoolTaskPhase::Failed, number, task.count, workerId, pid,
               shortened(text), header[4]);
    }
    task.job->changed();
}

void PoolObject::handleOversizedResult(std::string_view start, std::uint64_t size)
{
    // Its bytes were dropped as they streamed (Shm::PartialRead::maxItemBytes); its start
    // names the task, which fails; the worker lived on and the pool goes on.
    QCborStreamReader reader(start.data(), qsizetype(start.size()));
    qint64 header[5] = {};
    const QString sizeText = QString::number(double(size) / (1024 * 1024), 'f', 1);
    if (!readResultHeader(reader, header)) {
        m_host->recordEvent({.timeNs = monotonicNowNs(), .kind = EventKind::Error, .process = runLevel,
                             .text = tr("%1: a pool result of %2 MiB that names no task was dropped (at most %3 MiB)")
                                         .arg(m_name, sizeText)
                                         .arg(maxResultBytes / (1024 * 1024))});
        return;
    }
    const quint64 number = quint64(header[0]);
    const auto found = m_outstanding.constFind(number);
    if (found == m_outstanding.cend())
        return; // a task already reported lost
    const qsizetype items = found->count;
    const bool startRecorded = found->startedBy != 0;
    ++m_tasksDone;
    const qsizetype slot = qsizetype(header[1]);
    const int workerId = slot >= 0 && slot < m_workers.size() ? m_workers.at(slot).id : 0;
    if (workerId != 0)
        noteTookTask(slot);
    const QString error = tr("RuntimeError: the result of task %1 is larger than %2 MiB (%3 MiB): "
                             "a pool process sends back at most %2 MiB per task")
                              .arg(number)
                              .arg(maxResultBytes / (1024 * 1024))
                              .arg(sizeText);
    failTask(number, error);
    if (number <= taskEventBudget) {
        if (!startRecorded)
            record(PoolTaskPhase::Started, number, items, workerId, header[2], {}, header[3]);
        record(PoolTaskPhase::Failed, number, items, workerId, header[2], shortened(error), header[4]);
    }
}

void PoolObject::recordStartsFromSlots()
{
    // Long tasks show as running while they run; short ones get their start from the result.
    for (qsizetype slot = 0; slot < m_workers.size(); ++slot) {
        const Shm::PoolSlotsView::Slot state = m_slots->read(std::size_t(slot));
        if (state.task == 0 || state.task > taskEventBudget)
            continue;
        const auto task = m_outstanding.find(state.task);
        if (task == m_outstanding.end() || task->startedBy != 0)
            continue;
        task->startedBy = m_workers.at(slot).id;
        noteTookTask(slot);
        record(PoolTaskPhase::Started, state.task, task->count, task->startedBy, state.pid, {},
               qint64(state.startNs));
    }
}

void PoolObject::workerEnded(int workerId, const WorkerEnd &end)
{
    const auto worker = std::find_if(m_workers.begin(), m_workers.end(), [workerId](const Worker &w) { return w.id == workerId; });
    if (worker == m_workers.end()) {
        if (m_starting)
            m_endedWhileStarting.emplace(workerId, end); // startWorker() has not returned its id yet
        return;
    }
    const qsizetype slot = worker - m_workers.begin();
    const QString role = worker->role;
    const qint64 pid = end.pid;
    // What it left half done in the queues, then every result it put before it died, credited
    // to it: its id is cleared only after that.
    if (pid != 0) {
        m_tasks->recoverDeadProcess(quint32(pid));
        m_results->recoverDeadProcess(quint32(pid));
    }
    drainResults(DrainLimit::All); // its task is lost only if its result is not among them
    m_workers[slot].id = 0;
    const Shm::PoolSlotsView::Slot state = m_slots->read(std::size_t(slot));
    // Any end while the pool needs it is a death, unless it exited 0 by itself after its
    // maxtasksperchild tasks or after its "no more tasks"; one that Stop or terminate()
    // ended was not lost: its pool cancelled its tasks.
    const bool stopped = end.stopRequested;
    const bool exitedCleanly = pid != 0 && !end.failed && !stopped && end.exitCode == 0 && end.exitSignal == 0;
    const bool recycled = exitedCleanly && m_maxTasksPerChild > 0;
    const bool died = !stopped && !(exitedCleanly && (m_maxTasksPerChild > 0 || m_state != State::Running));
    // "was killed by signal 9", "exited with code 3", "could not start ...: execve: No such file ...".
    const QString how = end.exitSignal != 0                  ? tr("was killed by signal %1").arg(end.exitSignal)
                        : end.exitCode != 0 || !end.failed ? tr("exited with code %1").arg(end.exitCode)
                                                           : end.detail;
    const bool tookTask = m_workers.at(slot).tookTask || state.task != 0 || state.sequence != 0;
    // Its task: the slot names it, or only the queue item it took (it died decoding it).
    quint64 lostTask = state.task;
    if (lostTask == 0 && state.sequence != 0) {
        for (auto it = m_outstanding.cbegin(); it != m_outstanding.cend(); ++it) {
            if (it->sequence == state.sequence) {
                lostTask = it.key();
                break;
            }
        }
    }
    if (lostTask != 0 && !stopped)
        loseTask(lostTask, workerId, role, pid, how);
    else if (state.task == 0 && state.sequence == 0 && died && pid != 0)
        // It may have taken a task and died before it marked its slot: looked for in a moment.
        m_vanishedDeaths.append({workerId, role, pid, how, QDeadlineTimer(vanishedGraceMs)});
    m_slots->clear(std::size_t(slot));
    const bool tasksLeft = !m_outstanding.isEmpty() || std::any_of(m_backlog.cbegin(), m_backlog.cend(), [](const auto &item) {
        return item.first != 0;
    });
    if (m_state != State::Terminated && m_cannotStart.isEmpty() && (died || recycled)
        && (m_state == State::Running || tasksLeft)) {
        if (died && !tookTask) {
            // Cannot start, or exits at once: a few more tries, then the pool says why and stops.
            const QString why = tr("%1 (pid %2) %3 before it took a task").arg(role).arg(pid).arg(how);
            if (m_deathsBeforeATask + 1 < maxDeathsBeforeATask)
                recordWorker(PoolWorkerChange::Replaced, workerId, pid, tr("%1; a new process takes its place").arg(why));
            workerDiedBeforeTakingATask(why);
        } else {
            if (died)
                m_deathsBeforeATask = 0;
            recordWorker(recycled ? PoolWorkerChange::Recycled : PoolWorkerChange::Replaced, workerId, pid,
                         recycled ? tr("%1 (pid %2) exited after %3 tasks; a new process takes its place")
                                        .arg(role).arg(pid).arg(m_maxTasksPerChild)
                                  : tr("%1 (pid %2) %3; a new process takes its place").arg(role).arg(pid).arg(how));
            m_replaceTimer.start();
        }
    }
    pump();
}

void PoolObject::loseTask(quint64 number, int workerId, const QString &role, qint64 pid, const QString &how)
{
    if (!m_outstanding.contains(number))
        return; // its result came, or it failed otherwise
    failTask(number, tr("multiprocessing.pool.WorkerLostError: task %1 was lost: its process %2 (pid %3) %4")
                         .arg(number)
                         .arg(role)
                         .arg(pid)
                         .arg(how));
    record(PoolTaskPhase::Lost, number, 0, workerId, pid, tr("task %1 lost: %2 (pid %3) %4").arg(number).arg(role).arg(pid).arg(how));
}

void PoolObject::sweepVanishedTasks()
{
    // Only for a worker that died with an empty slot (between its get() and marking the slot,
    // microseconds): at most one task per such death, the oldest taken that nobody runs.
    if (m_vanishedDeaths.isEmpty() || !m_vanishedDeaths.constFirst().due.hasExpired())
        return;
    const VanishedDeath death = m_vanishedDeaths.takeFirst();
    // The ring's gets, then the slots, then the results: a task a live worker took after we
    // read gets is not a candidate, one a live worker holds is in its slot (task or item), one
    // finished meanwhile has its result drained. The slots once more after the drain: a live
    // worker between its get and its mark when we first looked has marked it by now.
    const std::uint64_t taken = m_tasks->counters().gets;
    QSet<quint64> runningTasks, runningItems;
    const auto readSlots = [&] {
        for (qsizetype slot = 0; slot < m_workers.size(); ++slot) {
            const Shm::PoolSlotsView::Slot state = m_slots->read(std::size_t(slot));
            runningTasks.insert(state.task);
            runningItems.insert(state.sequence);
        }
    };
    readSlots();
    drainResults(DrainLimit::All); // every result in before a task is judged lost
    readSlots();
    quint64 oldest = 0;
    quint64 oldestSequence = ~quint64(0);
    for (auto it = m_outstanding.cbegin(); it != m_outstanding.cend(); ++it) {
        if (it->sequence != 0 && it->sequence <= taken && !runningTasks.contains(it.key())
            && !runningItems.contains(it->sequence) && it->sequence < oldestSequence) {
            oldest = it.key();
            oldestSequence = it->sequence;
        }
    }
    if (oldest != 0)
        loseTask(oldest, death.workerId, death.role, death.pid, death.how);
}

void PoolObject::failTask(quint64 number, const QString &error)
{
    const auto found = m_outstanding.find(number);
    if (found == m_outstanding.end())
        return;
    const Task task = *found;
    m_outstanding.erase(found);
    for (qsizetype index = task.first; index < task.first + task.count; ++index)
        task.job->setError(index, error);
    task.job->changed();
}

void PoolObject::injectFault()
{
    if (!m_faultArmed || m_state == State::Terminated)
        return;
    for (qsizetype slot = 0; slot < m_workers.size(); ++slot) {
        const Worker &worker = m_workers.at(slot);
        const Shm::PoolSlotsView::Slot state = m_slots->read(std::size_t(slot));
        if (worker.id == 0 || state.task == 0 || m_host->workerEnded(worker.id))
            continue;
        m_faultArmed = false;
        m_faultFired = true;
        // Said before the kill: whoever reads the record sees the cause before the loss.
        m_host->recordEvent({.timeNs = monotonicNowNs(), .kind = EventKind::PoolWorker, .process = worker.id,
                             .pid = qint64(state.pid), .count = qint64(state.task), .object = m_taskQueueId,
                             .op = quint8(PoolWorkerChange::FaultInjected),
                             .text = tr("fault injected by ProcessLab, not part of the program: killed %1 (pid %2) "
                                        "while it ran task %3, %4 ms after the pool started")
                                         .arg(worker.role)
                                         .arg(state.pid)
                                         .arg(state.task)
                                         .arg(m_killWorkerAfterMs)});
        m_host->killWorker(worker.id);
        return;
    }
}

std::optional<QString> PoolObject::killWorkerOnRequest(int workerId)
{
    for (qsizetype slot = 0; slot < m_workers.size(); ++slot) {
        const Worker &worker = m_workers.at(slot);
        if (worker.id != workerId)
            continue;
        if (m_host->workerEnded(workerId))
            return tr("%1 has already ended").arg(worker.role);
        const Shm::PoolSlotsView::Slot state = m_slots->read(std::size_t(slot));
        const qint64 pid = state.pid != 0 ? qint64(state.pid) : m_host->workerPid(workerId);
        // Said before the kill, as the knob's fault: the record shows the cause before the loss,
        // and `sequence` 1 says the user asked for it (the knob's carries 0).
        const QString text = state.task != 0
                                 ? tr("fault injected by the user (Kill this worker), not part of the program: "
                                      "killed %1 (pid %2) while it ran task %3")
                                       .arg(worker.role)
                                       .arg(pid)
                                       .arg(state.task)
                                 : tr("fault injected by the user (Kill this worker), not part of the program: "
                                      "killed %1 (pid %2) while it was idle")
                                       .arg(worker.role)
                                       .arg(pid);
        m_host->recordEvent({.timeNs = monotonicNowNs(), .kind = EventKind::PoolWorker, .process = workerId,
                             .pid = pid, .count = qint64(state.task), .object = m_taskQueueId,
                             .op = quint8(PoolWorkerChange::FaultInjected), .sequence = faultInjectedByUser,
                             .text = text});
        m_host->killWorker(workerId);
        return QString();
    }
    return std::nullopt;
}

void PoolObject::reportFaultNotFired()
{
    // The pool is done (joined or terminated) and the knob's kill never came: said once, so a
    // run that "survived" the fault is not mistaken for one that recovered from it.
    if (m_killWorkerAfterMs <= 0 || m_faultFired || m_faultOutcomeReported)
        return;
    m_faultOutcomeReported = true;
    m_faultTimer.stop();
    m_faultArmed = false;
    m_host->recordEvent({.timeNs = monotonicNowNs(), .kind = EventKind::PoolWorker, .process = runLevel,
                         .count = m_killWorkerAfterMs, .object = m_taskQueueId,
                         .op = quint8(PoolWorkerChange::FaultNotFired),
                         .text = tr("the injected fault did not fire: no task was running after %1 ms")
                                     .arg(m_killWorkerAfterMs)});
}

void PoolObject::wake(int objectId)
{
    if (objectId == m_taskQueueId || objectId == m_resultQueueId)
        pump();
}

void PoolObject::terminate()
{
    if (m_state == State::Terminated)
        return;
    m_state = State::Terminated;
    m_backlog.clear();
    m_feedTimer.stop();
    m_replaceTimer.stop();
    reportFaultNotFired();
    m_faultTimer.stop();
    m_faultArmed = false;
    cancelOutstanding(tr("the pool was terminated"));
    for (const Worker &worker : std::as_const(m_workers)) {
        if (worker.id != 0)
            m_host->stopWorker(worker.id);
    }
    updatePolling();
}

bool PoolObject::allWorkersEnded() const
{
    return std::all_of(m_workers.cbegin(), m_workers.cend(),
                       [this](const Worker &worker) { return worker.id == 0 || m_host->workerEnded(worker.id); });
}

void PoolObject::checkJoin()
{
    if (!m_joinCompletion || m_state == State::Running || m_replaceTimer.isActive() || !allWorkersEnded())
        return;
    if (m_state == State::Closed && !m_outstanding.isEmpty())
        return; // a replacement is on its way to finish them
    Completion completion = std::move(m_joinCompletion);
    m_joinCompletion = nullptr;
    recordCounters(true);
    if (m_state == State::Closed)
        reportFaultNotFired(); // every worker ended: no task runs any more
    completion(ScriptResult::success());
}

void PoolObject::mainProgramEnded()
{
    // As at interpreter exit: a pool still running is terminated (its finalizer).
    terminate();
    recordCounters(true);
}

void PoolObject::cancelOutstanding(const QString &reason)
{
    // Failed at get() (never a get() that hangs) and recorded: a `cancelled` event per task.
    QList<quint64> numbers = m_outstanding.keys();
    std::sort(numbers.begin(), numbers.end());
    for (const quint64 number : std::as_const(numbers)) {
        const qsizetype items = m_outstanding.value(number).count;
        failTask(number, QStringLiteral("RuntimeError: task %1 was cancelled: %2").arg(number).arg(reason));
        if (number <= taskEventBudget)
            record(PoolTaskPhase::Cancelled, number, items, 0, 0, reason);
    }
}

void PoolObject::cancel()
{
    // Stop: the Run stops every worker (pool workers too); their tasks are cancelled, not lost.
    if (m_state != State::Terminated)
        cancelOutstanding(tr("the run was stopped"));
    m_backlog.clear();
    m_joinCompletion = nullptr;
    m_callCompletion = nullptr;
    if (m_callJob)
        m_callJob->unlisten(m_callListener);
    m_callJob.reset();
    m_replaceTimer.stop();
    m_faultTimer.stop();
    m_faultArmed = false;
    m_feedTimer.stop();
    m_state = State::Terminated; // Stop ends every worker; no replacements
}

ScriptResult PoolObject::read(const QString &member) const
{
    if (member == QLatin1StringView("_processes"))
        return ScriptResult::success(m_processes);
    return ScriptResult::failure(QStringLiteral("AttributeError: 'Pool' object has no attribute '%1'").arg(member));
}

QCborMap PoolObject::attachment(int workerId) const
{
    Q_UNUSED(workerId);
    return {};
}

void PoolObject::record(PoolTaskPhase phase, quint64 task, qint64 items, int worker, qint64 pid, const QString &text,
                        qint64 timeNs)
{
    m_host->recordEvent({.timeNs = timeNs ? timeNs : monotonicNowNs(), .kind = EventKind::PoolTask, .process = worker,
                         .pid = pid, .count = qint64(task), .object = m_taskQueueId, .op = quint8(phase),
                         .sequence = items, .text = text});
}

void PoolObject::recordWorker(PoolWorkerChange change, int worker, qint64 pid, const QString &text)
{
    m_host->recordEvent({.timeNs = monotonicNowNs(), .kind = EventKind::PoolWorker, .process = worker, .pid = pid,
                         .object = m_taskQueueId, .op = quint8(change), .text = text});
}

void PoolObject::recordCounters(bool force)
{
    // Only once per-task events stopped (over the budget), at most every 100 ms, and at the end.
    if (m_lastTask <= taskEventBudget || m_countersDone == m_tasksDone)
        return;
    if (!force && m_countersRecorded.isValid() && m_countersRecorded.elapsed() < 100)
        return;
    m_countersRecorded.start();
    m_countersDone = m_tasksDone;
    m_host->recordEvent({.timeNs = monotonicNowNs(), .kind = EventKind::PoolTask, .count = qint64(m_tasksDone),
                         .object = m_taskQueueId, .op = quint8(PoolTaskPhase::Counters),
                         .sequence = qint64(m_lastTask), .text = {}});
}

} // namespace ProcessLab
