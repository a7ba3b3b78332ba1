// SPDX-License-Identifier: MIT
#include "sharedobjects.h"

#include "hostconnection.h"
#include "protocol/monotonicclock.h"
#include "protocol/protocol.h"
#include "protocol/pythonformat.h"

#include <chrono>

#ifdef _WIN32
#include <process.h>
#define getpid _getpid
#else
#include <unistd.h>
#endif

namespace ProcessLab::Worker {

namespace {

std::uint32_t ownPid()
{
    static const auto pid = static_cast<std::uint32_t>(getpid());
    return pid;
}

Shm::Deadline deadlineAfter(std::optional<double> seconds)
{
    if (!seconds)
        return std::nullopt;
    const double s = *seconds > 0 ? *seconds : 0.0;
    return Shm::Clock::now() + std::chrono::duration_cast<Shm::Clock::duration>(std::chrono::duration<double>(s));
}

// Cuts UTF-8 text to at most `limit` bytes at a character boundary, marking the cut.
std::string shortened(std::string text, std::size_t limit)
{
    if (text.size() <= limit)
        return text;
    static constexpr std::string_view ellipsis = "\u2026";
    std::size_t cut = limit - ellipsis.size();
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut; // not inside a multi-byte character
    text.resize(cut);
    text.append(ellipsis);
    return text;
}

} // namespace

std::string shortRepr(const Protocol::Value &value)
{
    return shortened(Protocol::pythonRepr(value), Protocol::ipcTextLimit);
}

void ObjectReporter::report(int object, Protocol::IpcOp op, const Protocol::Value *value, std::string_view text,
                            std::int64_t count, std::uint64_t sequence) const
{
    Protocol::IpcEvent event;
    event.object = object;
    event.op = op;
    event.text = value ? shortRepr(*value) : shortened(std::string(text), Protocol::ipcTextLimit);
    event.count = count;
    event.sequence = static_cast<std::int64_t>(sequence);
    event.timeNs = monotonicNowNs();
    m_host->send(Protocol::encodeFrame(Protocol::makeIpcEvent(event)));
}

void ObjectReporter::wakeHost(int object) const
{
    m_host->send(Protocol::encodeFrame(Protocol::makeWake(object)));
}

// ---- Queue -------------------------------------------------------------------------------------

Queue::Queue(int id, std::unique_ptr<Shm::SharedSegment> segment, Shm::QueueView view, const ObjectReporter *reporter)
    : SharedObject(id, std::move(segment), reporter)
    , m_view(view)
{
}

void Queue::put(const Protocol::Value &item, bool block, std::optional<double> timeout)
{
    if (m_closed)
        throw PythonError("ValueError: Queue is closed");
    const std::string bytes = Protocol::encode(item);
    const Shm::Deadline deadline = deadlineAfter(timeout);
    // Try first: only an operation that really has to wait reports Blocked.
    // The host reads an item bigger than the ring only as it is woken for each part.
    const Shm::HostWake wakeHost = [this] { m_reporter->wakeHost(m_id); };
    Shm::QueueView::Result result = m_view.put(bytes, ownPid(), false, std::nullopt, wakeHost);
    if (result.status == Shm::QueueView::Status::Full && block) {
        if (m_view.claimObservation())
            m_reporter->report(m_id, Protocol::IpcOp::Blocked, nullptr, "put", m_view.qsize(), 0);
        result = m_view.put(bytes, ownPid(), true, deadline, wakeHost);
    }
    if (result.status != Shm::QueueView::Status::Ok) {
        if (m_view.claimObservation())
            m_reporter->report(m_id, Protocol::IpcOp::Failed, nullptr, "queue.Full", m_view.qsize(), 0);
        throw Full();
    }
    if (m_view.claimObservation())
        m_reporter->report(m_id, Protocol::IpcOp::Put, &item, {}, result.depthAfter, result.sequence);
    if (result.wakeHost)
        m_reporter->wakeHost(m_id);
}

Protocol::Value Queue::get(bool block, std::optional<double> timeout, const std::function<void(std::uint64_t sequence)> &taken)
{
    std::string bytes;
    const Shm::Deadline deadline = deadlineAfter(timeout);
    Shm::QueueView::Result result = m_view.get(&bytes, ownPid(), false, std::nullopt);
    if (result.status == Shm::QueueView::Status::Empty && block) {
        if (m_view.claimObservation())
            m_reporter->report(m_id, Protocol::IpcOp::Blocked, nullptr, "get", 0, 0);
        result = m_view.get(&bytes, ownPid(), true, deadline);
    }
    if (result.status != Shm::QueueView::Status::Ok) {
        if (m_view.claimObservation())
            m_reporter->report(m_id, Protocol::IpcOp::Failed, nullptr, "queue.Empty", m_view.qsize(), 0);
        throw Empty();
    }
    if (taken)
        taken(result.sequence);
    std::string error;
    std::optional<Protocol::Value> item = Protocol::decode(bytes, &error);
    if (!item) // only ProcessLab writes into the segment; a bad item is a bug worth naming
        throw PythonError("RuntimeError: undecodable queue item (" + error + ")");
    if (m_view.claimObservation())
        m_reporter->report(m_id, Protocol::IpcOp::Get, &*item, {}, result.depthAfter, result.sequence);
    if (result.wakeHost)
        m_reporter->wakeHost(m_id);
    return std::move(*item);
}

void Queue::close()
{
    m_closed = true;
}

// ---- Connection (one end of a Pipe) -----------------------------------------------------------

Connection::Connection(int id, std::unique_ptr<Shm::SharedSegment> segment, Shm::PipeView view, int end,
                       const ObjectReporter *reporter)
    : SharedObject(id, std::move(segment), reporter)
    , m_view(view)
    , m_end(end)
{
}

void Connection::send(const Protocol::Value &message)
{
    if (m_closed)
        throw PythonError("OSError: handle is closed");
    const Shm::PipeView::Result result =
        m_view.send(m_end, Protocol::encode(message), ownPid(), [this] { m_reporter->wakeHost(m_id); });
    switch (result.status) {
    case Shm::PipeView::Status::Ok: break;
    case Shm::PipeView::Status::NotWritable: throw PythonError("OSError: connection is read-only");
    default: throw PythonError("BrokenPipeError: [Errno 32] Broken pipe");
    }
    const int peer = 1 - m_end;
    if (m_view.claimObservation())
        m_reporter->report(m_id, Protocol::IpcOp::Send, &message, {}, m_view.counters().inFlight[peer], 0);
    if (result.wakeHost)
        m_reporter->wakeHost(m_id);
}

Protocol::Value Connection::recv()
{
    if (m_closed)
        throw PythonError("OSError: handle is closed");
    std::string bytes;
    Shm::PipeView::Result result = m_view.tryRecv(m_end, &bytes, ownPid());
    if (result.status == Shm::PipeView::Status::WouldBlock) {
        if (m_view.claimObservation())
            m_reporter->report(m_id, Protocol::IpcOp::Blocked, nullptr, "recv", 0, 0);
        result = m_view.recv(m_end, &bytes, ownPid(), std::nullopt);
    }
    if (result.wakeHost) // the host waits to send to us: there is room now
        m_reporter->wakeHost(m_id);
    const Shm::PipeView::Status status = result.status;
    if (status == Shm::PipeView::Status::Eof) {
        if (m_view.claimObservation())
            m_reporter->report(m_id, Protocol::IpcOp::Failed, nullptr, "EOFError", 0, 0);
        throw EOFError();
    }
    if (status == Shm::PipeView::Status::NotReadable)
        throw PythonError("OSError: connection is write-only");
    if (status != Shm::PipeView::Status::Ok)
        throw PythonError("OSError: recv failed");
    std::string error;
    std::optional<Protocol::Value> message = Protocol::decode(bytes, &error);
    if (!message)
        throw PythonError("RuntimeError: undecodable pipe message (" + error + ")");
    if (m_view.claimObservation())
        m_reporter->report(m_id, Protocol::IpcOp::Recv, &*message, {}, m_view.counters().inFlight[m_end], 0);
    return std::move(*message);
}

bool Connection::poll(double timeoutSeconds)
{
    return m_view.poll(m_end, deadlineAfter(timeoutSeconds));
}

void Connection::close()
{
    if (m_closed)
        return;
    m_closed = true;
    const bool wakeHost = m_view.close(m_end);
    if (m_view.claimObservation())
        m_reporter->report(m_id, Protocol::IpcOp::Close, nullptr, {}, 0, 0);
    if (wakeHost)
        m_reporter->wakeHost(m_id);
}

// ---- Lock ---------------------------------------------------------------------------------------

Lock::Lock(int id, Shm::SharedLock lock, const ObjectReporter *reporter, std::function<bool()> claimObservation)
    : SharedObject(id, nullptr, reporter)
    , m_lock(lock)
    , m_claimObservation(std::move(claimObservation))
{
}

Lock::Lock(int id, std::unique_ptr<Shm::SharedSegment> segment, Shm::LockView view, const ObjectReporter *reporter)
    : SharedObject(id, std::move(segment), reporter)
    , m_view(view)
    , m_lock(m_view->lock())
{
    m_claimObservation = [this] { return m_view->claimObservation(); };
    m_hostWaiting = [this] { return m_view->takeHostWaiting(); };
}

bool Lock::acquire(bool block, std::optional<double> timeout)
{
    const auto observe = [this] { return m_claimObservation(); };
    if (m_lock.tryAcquire(ownPid())) {
        if (observe())
            m_reporter->report(m_id, Protocol::IpcOp::Acquire, nullptr, {}, 0, 0);
        return true;
    }
    if (!block)
        return false;
    if (observe())
        m_reporter->report(m_id, Protocol::IpcOp::Blocked, nullptr, "acquire", 0, 0);
    if (!m_lock.acquire(ownPid(), deadlineAfter(timeout)))
        return false;
    if (observe())
        m_reporter->report(m_id, Protocol::IpcOp::Acquire, nullptr, {}, 0, 0);
    return true;
}

void Lock::release()
{
    if (!m_lock.release(ownPid()))
        throw PythonError("ValueError: lock released too many times");
    afterRelease();
}

void Lock::releaseHeld() noexcept
{
    m_lock.release(ownPid());
    afterRelease();
}

void Lock::afterRelease()
{
    if (m_claimObservation())
        m_reporter->report(m_id, Protocol::IpcOp::Release, nullptr, {}, 0, 0);
    if (m_hostWaiting && m_hostWaiting())
        m_reporter->wakeHost(m_id);
}

// ---- Value / Array ------------------------------------------------------------------------------

SharedCells::SharedCells(int id, std::unique_ptr<Shm::SharedSegment> segment, Shm::CellsView view,
                         const ObjectReporter *reporter)
    : SharedObject(id, std::move(segment), reporter)
    , m_view(view)
{
    if (m_view.hasLock())
        m_lock = std::make_unique<Lock>(id, m_view.lock(), reporter, [this] { return m_view.claimObservation(); });
}

Protocol::Value SharedCells::at(std::size_t index) const
{
    if (index >= m_view.count())
        throw PythonError("IndexError: invalid index");
    if (m_view.type() == Shm::TypeCode::Double)
        return m_view.doubleAt(index);
    return m_view.integerAt(index);
}

void SharedCells::set(std::size_t index, const Protocol::Value &value)
{
    if (index >= m_view.count())
        throw PythonError("IndexError: invalid index");
    if (m_view.type() == Shm::TypeCode::Double)
        m_view.setDouble(index, value.toDouble());
    else
        m_view.setInteger(index, value.toInteger());
    m_view.countWrite();
    // A Value's writes are counted, not reported one by one: `counter.value += 1` in a loop is
    // the race the shared example shows, and a report between two increments (a system call,
    // ~1000x the increment) would hide it. The host samples the value at 100 Hz; an Array's
    // writes (one per cell in the examples) are reported.
    if (m_view.kind() == Shm::ObjectKind::Array && m_view.claimObservation())
        m_reporter->report(m_id, Protocol::IpcOp::Write, &value, {}, static_cast<std::int64_t>(index), 0);
}

void SharedCells::setInt(std::size_t index, std::int64_t value)
{
    set(index, Protocol::Value(value));
}

Lock &SharedCells::get_lock()
{
    if (!m_lock)
        throw PythonError("AttributeError: 'c_int' object has no attribute 'get_lock'");
    return *m_lock;
}

// ---- SharedObjects ------------------------------------------------------------------------------

bool SharedObjects::attachAll(const Protocol::Map &arguments, std::string *error)
{
    for (const auto &[parameter, value] : arguments) {
        if (!value.isMap() || !value.toMap().contains("ipc"))
            continue;
        const Protocol::Map &description = value.toMap();
        const std::string_view kind = description.value("ipc").toText();
        const std::int64_t id = description.value("id").toInteger(0);
        Shm::SegmentKey key;
        key.nativeKey = std::string(description.value("key").toText());
        if (id <= 0 || key.nativeKey.empty() || !Shm::keyTypeFromName(description.value("keyType").toText(), &key.type)) {
            *error = "argument '" + parameter + "': malformed shared object description";
            return false;
        }
        std::string attachError;
        std::unique_ptr<Shm::SharedSegment> segment = Shm::SharedSegment::attach(key, &attachError);
        if (!segment) {
            *error = "argument '" + parameter + "': " + attachError;
            return false;
        }
        void *memory = segment->data();
        const std::size_t size = segment->size();
        const int objectId = static_cast<int>(id);
        std::unique_ptr<SharedObject> object;
        if (kind == "queue") {
            if (auto view = Shm::QueueView::attach(memory, size, &attachError))
                object = std::make_unique<Queue>(objectId, std::move(segment), *view, &m_reporter);
        } else if (kind == "pipe") {
            const std::int64_t end = description.value("end").toInteger(-1);
            if (end != 0 && end != 1) {
                *error = "argument '" + parameter + "': malformed pipe end";
                return false;
            }
            if (auto view = Shm::PipeView::attach(memory, size, &attachError))
                object = std::make_unique<Connection>(objectId, std::move(segment), *view, static_cast<int>(end), &m_reporter);
        } else if (kind == "value" || kind == "array") {
            if (auto view = Shm::CellsView::attach(memory, size, &attachError))
                object = std::make_unique<SharedCells>(objectId, std::move(segment), *view, &m_reporter);
        } else if (kind == "lock") {
            if (auto view = Shm::LockView::attach(memory, size, &attachError))
                object = std::make_unique<Lock>(objectId, std::move(segment), *view, &m_reporter);
        } else {
            attachError = "unknown kind of shared object '" + std::string(kind) + "'";
        }
        if (!object) {
            *error = "argument '" + parameter + "': " + attachError;
            return false;
        }
        m_objects.emplace(parameter, std::move(object));
    }
    return true;
}

template <typename T> T &SharedObjects::find(std::string_view parameter) const
{
    const auto it = m_objects.find(parameter);
    T *object = it == m_objects.end() ? nullptr : dynamic_cast<T *>(it->second.get());
    if (!object) // a behaviour asking for what its example does not hand it: a ProcessLab bug
        throw PythonError("TypeError: argument '" + std::string(parameter) + "' is not the expected shared object");
    return *object;
}

Queue &SharedObjects::queue(std::string_view parameter) const { return find<Queue>(parameter); }
Connection &SharedObjects::connection(std::string_view parameter) const { return find<Connection>(parameter); }
SharedCells &SharedObjects::cells(std::string_view parameter) const { return find<SharedCells>(parameter); }
Lock &SharedObjects::lock(std::string_view parameter) const { return find<Lock>(parameter); }

} // namespace ProcessLab::Worker
