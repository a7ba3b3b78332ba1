// SPDX-License-Identifier: MIT
#pragma once

// The worker's side of the shared objects a main program hands to a process in `args=`:
// multiprocessing.Queue, a Pipe's Connection, Value, Array and Lock, in C++. Each attaches
// the segment the host created (src/core/shm/sharedsegment.h) and runs the std-only
// algorithms on it (src/core/shm/objects.h); no host round trip per operation.
//
// Observation: while an object's budget lasts every operation is reported to the host as an
// IpcEvent frame (the item as Python's repr shows it, shortened); after that the host samples
// the object's counters. A process that must wait says so first (IpcOp::Blocked), so views
// draw who waits for whom. When the main program (played by the host, which never blocks)
// waits on an object, the operation that may release it sends a Wake frame.
//
// Errors are Python's: Full, Empty, EOFError, ValueError (closed), as C++ exceptions whose
// what() is the text Python prints.

#include "protocol/cbor.h"
#include "protocol/protocol.h"
#include "shm/objects.h"
#include "shm/sharedsegment.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace ProcessLab::Worker {

class HostConnection;

struct PythonError : std::runtime_error
{
    using std::runtime_error::runtime_error;
};
struct Full : PythonError { Full() : PythonError("queue.Full") {} };
struct Empty : PythonError { Empty() : PythonError("queue.Empty") {} };
struct EOFError : PythonError { EOFError() : PythonError("EOFError") {} };

// Reports operations and wakes to the host; shared by all objects of the worker.
class ObjectReporter
{
public:
    explicit ObjectReporter(HostConnection *host) : m_host(host) {}
    void report(int object, Protocol::IpcOp op, const Protocol::Value *value, std::string_view text,
                std::int64_t count, std::uint64_t sequence) const;
    void wakeHost(int object) const;

private:
    HostConnection *m_host;
};

// Python's repr of a value for an event, at most Protocol::ipcTextLimit bytes.
std::string shortRepr(const Protocol::Value &value);

class SharedObject
{
public:
    SharedObject(int id, std::unique_ptr<Shm::SharedSegment> segment, const ObjectReporter *reporter)
        : m_id(id)
        , m_segment(std::move(segment))
        , m_reporter(reporter)
    {
    }
    virtual ~SharedObject() = default;
    int id() const { return m_id; }

protected:
    int m_id;
    std::unique_ptr<Shm::SharedSegment> m_segment;
    const ObjectReporter *m_reporter;
};

class Queue : public SharedObject
{
public:
    Queue(int id, std::unique_ptr<Shm::SharedSegment> segment, Shm::QueueView view, const ObjectReporter *reporter);

    // timeout in seconds; nullopt: wait as long as it takes (Python's default).
    void put(const Protocol::Value &item, bool block = true, std::optional<double> timeout = {});
    // taken (optional): called with the item's ring sequence as soon as it left the ring, before
    // it is decoded (a pool worker marks its slot with it).
    Protocol::Value get(bool block = true, std::optional<double> timeout = {},
                        const std::function<void(std::uint64_t sequence)> &taken = {});
    void put_nowait(const Protocol::Value &item) { put(item, false); }
    Protocol::Value get_nowait() { return get(false); }
    std::int64_t qsize() const { return m_view.qsize(); }
    bool empty() const { return m_view.empty(); }
    bool full() const { return m_view.full(); }
    void close(); // this process puts no more (put() then raises ValueError)

private:
    Shm::QueueView m_view;
    bool m_closed = false;
};

class Connection : public SharedObject
{
public:
    Connection(int id, std::unique_ptr<Shm::SharedSegment> segment, Shm::PipeView view, int end,
               const ObjectReporter *reporter);

    void send(const Protocol::Value &message);
    Protocol::Value recv(); // EOFError when the other end is closed and nothing is left
    bool poll(double timeoutSeconds = 0);
    void close();

private:
    Shm::PipeView m_view;
    int m_end;
    bool m_closed = false;
};

class Lock : public SharedObject
{
public:
    // The lock of a Value/Array (get_lock()): events name that object and use its budget.
    Lock(int id, Shm::SharedLock lock, const ObjectReporter *reporter, std::function<bool()> claimObservation);
    // A Lock object of its own.
    Lock(int id, std::unique_ptr<Shm::SharedSegment> segment, Shm::LockView view, const ObjectReporter *reporter);

    bool acquire(bool block = true, std::optional<double> timeout = {});
    void release(); // ValueError when this process does not hold it, as in Python

    // `with lock:` — acquires now, releases at the end of the scope.
    class Guard
    {
    public:
        explicit Guard(Lock &lock) : m_lock(lock) { m_lock.acquire(); }
        ~Guard() { m_lock.releaseHeld(); }
        Guard(const Guard &) = delete;
        Guard &operator=(const Guard &) = delete;

    private:
        Lock &m_lock;
    };

private:
    void releaseHeld() noexcept; // the Guard's: it holds the lock, so nothing to raise
    void afterRelease();

    std::optional<Shm::LockView> m_view;
    Shm::SharedLock m_lock;
    std::function<bool()> m_claimObservation;
    std::function<bool()> m_hostWaiting; // the main program waits for this lock
};

// Value('i', 0) and Array('i', n): cells in shared memory and, unless lock=False, get_lock().
class SharedCells : public SharedObject
{
public:
    SharedCells(int id, std::unique_ptr<Shm::SharedSegment> segment, Shm::CellsView view,
                const ObjectReporter *reporter);

    std::size_t size() const { return m_view.count(); }
    Protocol::Value at(std::size_t index) const;
    void set(std::size_t index, const Protocol::Value &value);
    std::int64_t intAt(std::size_t index) const { return m_view.integerAt(index); }
    void setInt(std::size_t index, std::int64_t value);
    Lock &get_lock(); // throws PythonError when created with lock=False

private:
    Shm::CellsView m_view;
    std::unique_ptr<Lock> m_lock;
};

// Value: one cell, read and written as .value
class SharedValue
{
public:
    explicit SharedValue(SharedCells &cells) : m_cells(cells) {}
    std::int64_t value() const { return m_cells.intAt(0); }
    void setValue(std::int64_t value) { m_cells.setInt(0, value); }
    Lock &get_lock() { return m_cells.get_lock(); }

private:
    SharedCells &m_cells;
};

// What a worker got in args=: looked up by the parameter's name.
class SharedObjects
{
public:
    explicit SharedObjects(HostConnection *host) : m_reporter(host) {}
    // Attaches every object described in the Start arguments (maps with an "ipc" key);
    // false and *error naming the parameter when one cannot be attached.
    bool attachAll(const Protocol::Map &arguments, std::string *error);

    Queue &queue(std::string_view parameter) const;
    Connection &connection(std::string_view parameter) const;
    SharedCells &cells(std::string_view parameter) const;
    Lock &lock(std::string_view parameter) const;

private:
    template <typename T> T &find(std::string_view parameter) const;

    ObjectReporter m_reporter;
    std::map<std::string, std::unique_ptr<SharedObject>, std::less<>> m_objects;
};

} // namespace ProcessLab::Worker
