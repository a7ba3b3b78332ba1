// SPDX-License-Identifier: MIT
#pragma once

// The shared-memory objects of a run (Queue, Pipe, Value/Array, Lock) as both ends see them:
// the segment layouts and the algorithms on them. Std-only (no Qt): compiled into the host
// (processlab_core) and into processlab-worker. Each object lives in one segment the host
// created (src/core/ipc/hostsegment.h); a worker attaches it (sharedsegment.h). A view
// class below wraps the segment's bytes; it owns nothing.
//
// DRAFT CONTRACT (lead, issue 10): the implementer may change details, and reports what changed.
//
// initialize() needs at least segmentSize(...) bytes (else std::length_error); a Queue or Pipe
// uses the largest power-of-two ring that fits the bytes it is given.
//
// Rules every operation follows (docs/ipc.md):
// - Everything shared is a lock-free std::atomic or bytes guarded by a lock in the segment.
// - A lock word holds its owner's pid, so the host can free the lock of a dead process
//   (recoverDeadProcess), and a process waiting for a lock re-checks its owner's liveness.
// - Blocking operations are for workers; the host uses the try* forms only and asks to be
//   woken (the wake itself travels on the worker's control connection; see hostWake*).

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace ProcessLab::Shm {

using Clock = std::chrono::steady_clock;
using Deadline = std::optional<Clock::time_point>; // nullopt: wait forever

enum class ObjectKind : std::uint32_t { Queue = 1, Pipe = 2, Value = 3, Array = 4, Lock = 5 };

// Per-item operations of an object are reported one by one until this many (all processes
// together); after that only counters the host samples (observation switches to sampling).
inline constexpr std::uint64_t defaultObservationBudget = 10'000;

// What the host learnt when it cleaned up after a dead process (all zero: nothing to do).
// It includes what a waiting process already repaired for that process (it found the dead
// owner of a Queue's or Pipe's lock itself): each such repair is reported once.
struct Recovery
{
    bool lockRecovered = false;        // the dead process held a lock; it is free again
    std::uint64_t partialItemsDropped = 0; // an item it was writing (never visible) was discarded
    std::uint64_t itemsLostInRead = 0;     // an item it was reading half-way was dropped
};

// The host's read of an item in progress, kept by the host object between its try-reads
// (QueueView::tryGet, PipeView::tryRecv): an item larger than the ring arrives in fragments, so
// the host reads what there is, frees that ring space and goes on at its next try. Meanwhile it
// holds the channel's get lock (as a blocking consumer holds it for a whole item).
struct PartialRead
{
    std::string bytes;      // the item's fragments read so far
    bool holdsLock = false; // true: mid-item, the get lock is held by the host
    // The host's cap on one item (0: none): everything a process sends is capped before it is
    // decoded. Past it the item's fragments are still read (their ring space is freed, the
    // producer goes on) but dropped as they stream, never held: the try-read then returns the
    // item with oversizedBytes (its whole size) and only its first oversizedItemPrefixBytes,
    // enough for a header that says whose item it was.
    std::uint64_t maxItemBytes = 0;
    std::uint64_t itemBytes = 0; // the current item's bytes read so far, kept or dropped
};
inline constexpr std::size_t oversizedItemPrefixBytes = 64;

// Called by a producer (a worker) in the middle of a fragmented item when the host waits for
// the rest of it: send the host a Wake frame (the producer cannot return before the host reads).
using HostWake = std::function<void()>;

// ---- Lock -----------------------------------------------------------------------------------
// multiprocessing.Lock semantics (non-recursive). Word = owner pid | waitersBit.
class SharedLock
{
public:
    struct State; // in shared memory; size below
    static std::size_t stateSize();

    explicit SharedLock(State *state) : m_state(state) {}
    static void initialize(State *state);

    bool acquire(std::uint32_t pid, Deadline deadline); // false: timed out
    bool tryAcquire(std::uint32_t pid);
    bool release(std::uint32_t pid); // by the owner; false (nothing changes) when pid does not hold it
    std::uint32_t owner() const;     // 0: free
    bool recoverIfOwnedBy(std::uint32_t deadPid);

    struct Counters
    {
        std::uint64_t acquisitions = 0, contended = 0, recoveries = 0;
        std::uint32_t lastDeadOwner = 0;
    };
    Counters counters() const;

private:
    State *m_state;
};

// ---- Queue ----------------------------------------------------------------------------------
// multiprocessing.Queue(maxsize): any number of producers and consumers. Items are opaque
// byte strings (CBOR). An item larger than the ring goes through in fragments.
class QueueView
{
public:
    static std::size_t segmentSize(std::size_t ringBytes);
    // Host, once, on a fresh segment. maxsize 0 = unbounded (items; ring bytes still bound it).
    static QueueView initialize(void *memory, std::size_t size, std::int64_t maxsize,
                                std::uint64_t observationBudget = defaultObservationBudget);
    // Checks the header (magic, version, kind, sizes); nullopt + error when it is not a queue.
    static std::optional<QueueView> attach(void *memory, std::size_t size, std::string *error);

    enum class Status { Ok, Full, Empty, Timeout, WouldBlock };
    struct Result
    {
        Status status = Status::Ok;
        std::int64_t depthAfter = 0; // items in the queue right after this operation
        std::uint64_t sequence = 0;  // the item's number (1, 2, ... in put order): its identity
        bool wakeHost = false;       // put/get by a worker: the host waited; send it a Wake frame
        // tryGet over PartialRead::maxItemBytes: the item's size; *item is only its start.
        std::uint64_t oversizedBytes = 0;
    };
    // block=false: Full at once when maxsize is reached or the item does not fit the ring's free
    // bytes now (put_nowait); block with deadline: Full when it passes (an item already partly
    // written is then aborted). get: Empty (block=false) or Timeout when nothing arrives in time;
    // once the first fragment of an item is read, get waits for the rest regardless of deadline.
    // Both take the object's put/get lock (held for one item); block=false waits for a lock
    // another process holds only a moment (then Full / Empty), a deadline bounds the lock wait.
    // wakeHost (a worker's put): called mid-item when the host waits for the rest of the item.
    Result put(std::string_view item, std::uint32_t pid, bool block, Deadline deadline,
               const HostWake &wakeHost = {});
    Result get(std::string *item, std::uint32_t pid, bool block, Deadline deadline);
    // Host forms: never wait, not even for a lock (WouldBlock: try again after a wake).
    // tryPut: Full also when the whole item does not fit the ring's free bytes at once (the
    // host only puts small items). tryGet reads what there is of an item: WouldBlock while the
    // item is incomplete (`partial` keeps the bytes and the get lock until the next call; it asks
    // the producer for a wake, see HostWake).
    Result tryPut(std::string_view item, std::uint32_t pid);
    Result tryGet(std::string *item, std::uint32_t pid, PartialRead &partial);

    std::int64_t qsize() const;
    bool empty() const;
    bool full() const;
    std::int64_t maxsize() const;

    // Host waiting (main program blocked in get/put): set before its last try; a worker's
    // put (get) returns wakeHost=true when the host waits for an item (for room).
    void setHostWaitingForItem(bool waiting);
    void setHostWaitingForSpace(bool waiting);
    bool hostWaitingForItem() const;
    bool hostWaitingForSpace() const;

    bool claimObservation(); // true while the per-item budget lasts

    struct Counters
    {
        std::uint64_t puts = 0, gets = 0; // gets include items lost with a dead consumer
        std::int64_t depth = 0, maxDepth = 0;
        // Processes waiting for room/items/a lock now (a process killed while waiting stays
        // counted: display only).
        std::uint32_t blockedPutters = 0, blockedGetters = 0;
        // Cumulative repairs by anyone (the host or a process that found a dead lock owner).
        std::uint64_t partialItemsDropped = 0, itemsLostInRead = 0, lockRecoveries = 0;
    };
    Counters counters() const;

    // Host, after `pid` died: frees its locks and repairs what it left half-done (the calling
    // process takes the lock over while it repairs).
    Recovery recoverDeadProcess(std::uint32_t pid);

private:
    struct Layout;
    explicit QueueView(Layout *layout) : m_layout(layout) {}
    Layout *m_layout;
};

// ---- Pipe -----------------------------------------------------------------------------------
// multiprocessing.Pipe(duplex): end 0 and end 1. With duplex=false end 0 only receives and end 1
// only sends (as Python: r, w = Pipe(False)).
class PipeView
{
public:
    static std::size_t segmentSize(std::size_t ringBytesPerDirection);
    static PipeView initialize(void *memory, std::size_t size, bool duplex,
                               std::uint64_t observationBudget = defaultObservationBudget);
    static std::optional<PipeView> attach(void *memory, std::size_t size, std::string *error);

    enum class Status { Ok, Timeout, Eof, Closed, NotReadable, NotWritable, WouldBlock };
    struct Result
    {
        Status status = Status::Ok;
        bool wakeHost = false; // by a worker: the host holding the other end waits; send Wake
        std::uint64_t oversizedBytes = 0; // as QueueView::Result
    };
    // send blocks while full; wakeHost as in QueueView::put.
    Result send(int end, std::string_view message, std::uint32_t pid, const HostWake &wakeHost = {});
    Result recv(int end, std::string *message, std::uint32_t pid, Deadline deadline);
    Result trySend(int end, std::string_view message, std::uint32_t pid);
    // Without `partial` (a worker's probe): whole messages only, WouldBlock while one is
    // incomplete. With it (the host): as QueueView::tryGet.
    Result tryRecv(int end, std::string *message, std::uint32_t pid, PartialRead *partial = nullptr);
    bool poll(int end, Deadline deadline); // true: a message (or EOF) is ready
    bool readable(int end) const;          // poll without any waiting (the host's form)
    bool close(int end);                   // the holder closed its end (or died: host); true: wake host
    bool isClosed(int end) const;
    bool duplex() const;

    void setHostWaiting(int end, bool waiting); // host holds `end` and waits in recv()
    bool hostWaiting(int end) const;
    bool claimObservation();

    struct Counters
    {
        std::uint64_t sent[2] = {0, 0};     // by end
        std::uint64_t received[2] = {0, 0}; // by end
        std::int64_t inFlight[2] = {0, 0};  // messages waiting to be received by end
    };
    Counters counters() const;
    Recovery recoverDeadProcess(std::uint32_t pid);

private:
    struct Layout;
    explicit PipeView(Layout *layout) : m_layout(layout) {}
    Layout *m_layout;
};

// ---- Value / Array ---------------------------------------------------------------------------
// multiprocessing.Value(typecode, init, lock) and Array(typecode, n, lock): cells plus the lock
// get_lock() returns. Cells are read and written with relaxed atomic loads and stores, never
// read-modify-write: `value += 1` without the lock loses updates, as in Python, without UB.
enum class TypeCode : char { Int = 'i', Double = 'd', Char = 'c', SignedChar = 'b' };

class CellsView
{
public:
    static std::size_t segmentSize(TypeCode type, std::size_t count);
    static CellsView initialize(void *memory, std::size_t size, ObjectKind kind, TypeCode type,
                                std::size_t count, bool withLock,
                                std::uint64_t observationBudget = defaultObservationBudget);
    static std::optional<CellsView> attach(void *memory, std::size_t size, std::string *error);

    ObjectKind kind() const; // Value or Array
    TypeCode type() const;
    std::size_t count() const;
    bool hasLock() const;
    SharedLock lock(); // get_lock(); only when hasLock()

    std::int64_t integerAt(std::size_t index) const; // 'i', 'c', 'b'
    double doubleAt(std::size_t index) const;        // 'd' (integers convert)
    void setInteger(std::size_t index, std::int64_t value);
    void setDouble(std::size_t index, double value);

    bool claimObservation();
    // Writes counted by the writers (not by the host), for the "lost updates" display.
    std::uint64_t writes() const;
    void countWrite();
    Recovery recoverDeadProcess(std::uint32_t pid);

private:
    struct Layout;
    explicit CellsView(Layout *layout) : m_layout(layout) {}
    Layout *m_layout;
};

// ---- Lock as an object of its own (multiprocessing.Lock()) -----------------------------------
class LockView
{
public:
    static std::size_t segmentSize();
    static LockView initialize(void *memory, std::size_t size,
                               std::uint64_t observationBudget = defaultObservationBudget);
    static std::optional<LockView> attach(void *memory, std::size_t size, std::string *error);
    SharedLock lock();
    void setHostWaiting(bool waiting);
    bool hostWaiting() const;
    // A worker, right after release(): true when the host waits for this lock (the flag is
    // cleared; send it a Wake frame).
    bool takeHostWaiting();
    bool claimObservation();
    Recovery recoverDeadProcess(std::uint32_t pid);

private:
    struct Layout;
    explicit LockView(Layout *layout) : m_layout(layout) {}
    Layout *m_layout;
};

// Reads the common header: which kind of object a segment holds (nullopt: not ours).
std::optional<ObjectKind> objectKindOf(const void *memory, std::size_t size);

} // namespace ProcessLab::Shm
