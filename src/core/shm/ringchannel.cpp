// SPDX-License-Identifier: MIT
// The ring channel under Queue and Pipe (docs/ipc.md, "Shared-memory objects").
// Waiting uses event counts: a waiter reads the sequence word, announces itself in a waiter
// count, re-checks its condition, then sleeps on the word; a signaller changes the state, then
// (after a full fence) bumps the word and wakes only when someone announced itself.
#include "ringchannel.h"

#include "cpurelax.h"
#include "platform/addresswait.h"
#include "platform/processliveness.h"

#include <algorithm>
#include <cstring>
#include <new>
#include <thread>

namespace ProcessLab::Shm {

namespace {

// How long a waiter spins before it sleeps adapts, per thread, to what spinning achieved:
// on an idle machine the other process answers within microseconds and spinning saves both
// a futex wake and a sleep (a round trip of ~9 µs instead of ~15); on a busy 2-core machine
// the process we wait for needs the CPU we would spin on, spinning fails, and the budget
// shrinks towards a short probe (as glibc's adaptive mutexes do).
constexpr std::chrono::nanoseconds maxSpin(std::chrono::microseconds(20));
constexpr std::chrono::nanoseconds minSpin(std::chrono::microseconds(1));
constexpr int yieldRounds = 4;
thread_local std::chrono::nanoseconds spinBudget = std::chrono::microseconds(10);
constexpr std::chrono::milliseconds waitSlice(100);
// block=false waits this long at most for a lock another process holds (Python's put_nowait
// raises Full rather than wait on another producer): it covers a holder that is only busy.
constexpr std::chrono::milliseconds noWaitLockGrace(2);

struct RecordHeader
{
    std::uint32_t length;
    std::uint8_t flags;
    std::uint8_t reserved[3];
    std::uint64_t sequence;
};
static_assert(sizeof(RecordHeader) == recordHeaderBytes);

template <class Ready, class OnSlice>
bool waitOn(std::atomic<std::uint32_t> &sequence, std::atomic<std::uint32_t> &waiters, Ready ready,
            Deadline deadline, OnSlice onSlice)
{
    // Spin (a futex wake costs the other side a system call, ~1-2 µs on a VM), then yield a
    // few times (on a busy machine the process we wait for may need this CPU), then sleep.
    if (ready())
        return true;
    const auto spinEnd = Clock::now() + spinBudget;
    for (int spin = 0;; ++spin) {
        if (ready()) {
            spinBudget = std::min(maxSpin, spinBudget * 2); // spinning paid: allow more
            return true;
        }
        cpuRelax();
        if ((spin & 63) == 63 && Clock::now() >= spinEnd)
            break;
    }
    spinBudget = std::max(minSpin, spinBudget / 2); // it did not: spin less next time
    for (int round = 0; round < yieldRounds; ++round) {
        std::this_thread::yield();
        if (ready())
            return true;
    }
    for (;;) {
        const std::uint32_t observed = sequence.load(std::memory_order_acquire);
        waiters.fetch_add(1, std::memory_order_seq_cst);
        std::atomic_thread_fence(std::memory_order_seq_cst);
        if (ready()) {
            waiters.fetch_sub(1, std::memory_order_relaxed);
            return true;
        }
        const auto now = Clock::now();
        if (deadline && now >= *deadline) {
            waiters.fetch_sub(1, std::memory_order_relaxed);
            return false;
        }
        auto slice = std::chrono::duration_cast<std::chrono::nanoseconds>(waitSlice);
        if (deadline)
            slice = std::min(slice, std::chrono::duration_cast<std::chrono::nanoseconds>(*deadline - now));
        AddressWait::wait(sequence, observed, slice);
        waiters.fetch_sub(1, std::memory_order_relaxed);
        if (ready())
            return true;
        onSlice();
    }
}

void signal(std::atomic<std::uint32_t> &sequence, const std::atomic<std::uint32_t> &waiters)
{
    std::atomic_thread_fence(std::memory_order_seq_cst);
    if (waiters.load(std::memory_order_relaxed) != 0) {
        sequence.fetch_add(1, std::memory_order_release);
        AddressWait::wakeAll(sequence);
    }
}

bool isSet(const std::atomic<std::uint32_t> *flag)
{
    return flag && flag->load(std::memory_order_acquire) != 0;
}

ChannelStatus lockTimeoutStatus(bool forPut, ChannelMode mode)
{
    if (forPut)
        return ChannelStatus::Full;
    return mode == ChannelMode::NoWait ? ChannelStatus::Empty : ChannelStatus::Timeout;
}

// How long a blocking or non-blocking put/get may wait for its lock.
Deadline lockDeadline(ChannelMode mode, Deadline deadline)
{
    return mode == ChannelMode::Block ? deadline : Deadline(Clock::now() + noWaitLockGrace);
}

// Clears `bit` in the host-waiting word; true when it was set (the caller wakes the host).
bool takeBit(std::atomic<std::uint32_t> *word, std::uint32_t bit)
{
    std::atomic_thread_fence(std::memory_order_seq_cst);
    if ((word->load(std::memory_order_relaxed) & bit) == 0)
        return false;
    return (word->fetch_and(~bit, std::memory_order_seq_cst) & bit) != 0;
}

} // namespace

void RingChannel::initialize(ChannelState *state)
{
    new (state) ChannelState{};
    SharedLock::initialize(&state->putLock);
    SharedLock::initialize(&state->getLock);
}

bool RingChannel::hasRecord() const
{
    return m_state->tail.load(std::memory_order_acquire) != m_state->head.load(std::memory_order_acquire);
}

bool RingChannel::readable(const ChannelLimits &limits) const
{
    return hasRecord() || isSet(limits.writerClosed);
}

std::int64_t RingChannel::depth() const
{
    const auto gets = m_state->gets.load(std::memory_order_acquire);
    const auto puts = m_state->puts.load(std::memory_order_acquire);
    return static_cast<std::int64_t>(puts - gets);
}

std::uint64_t RingChannel::usableBytes(std::uint64_t tail, std::uint64_t needed) const
{
    auto usable = [&](std::uint64_t head) {
        const std::uint64_t used = tail - head;
        const std::uint64_t room = m_capacity - abortReserveBytes;
        return used >= room ? 0 : room - used;
    };
    std::uint64_t bytes = usable(m_state->cachedHead.load(std::memory_order_relaxed));
    if (bytes < needed) {
        const std::uint64_t head = m_state->head.load(std::memory_order_acquire);
        m_state->cachedHead.store(head, std::memory_order_relaxed);
        bytes = usable(head);
    }
    return bytes;
}

void RingChannel::copyIn(std::uint64_t position, const void *source, std::uint64_t bytes)
{
    if (bytes == 0)
        return; // an empty record (abort): source may be null, which memcpy must not get
    const std::uint64_t offset = position & (m_capacity - 1);
    const std::uint64_t first = std::min(bytes, m_capacity - offset);
    std::memcpy(m_ring + offset, source, first);
    if (bytes > first)
        std::memcpy(m_ring, static_cast<const char *>(source) + first, bytes - first);
}

void RingChannel::copyOut(std::uint64_t position, void *target, std::uint64_t bytes) const
{
    if (bytes == 0)
        return;
    const std::uint64_t offset = position & (m_capacity - 1);
    const std::uint64_t first = std::min(bytes, m_capacity - offset);
    std::memcpy(target, m_ring + offset, first);
    if (bytes > first)
        std::memcpy(static_cast<char *>(target) + first, m_ring, bytes - first);
}

std::uint64_t RingChannel::writeRecord(std::uint64_t tail, std::uint8_t flags, std::uint64_t sequence,
                                       std::string_view payload)
{
    RecordHeader header{};
    header.length = static_cast<std::uint32_t>(payload.size());
    header.flags = flags;
    header.sequence = sequence;
    copyIn(tail, &header, sizeof header);
    copyIn(tail + recordHeaderBytes, payload.data(), payload.size());
    return tail + recordBytes(payload.size());
}

void RingChannel::writeAbort(std::uint64_t sequence)
{
    const std::uint64_t tail = m_state->tail.load(std::memory_order_relaxed);
    const std::uint64_t next = writeRecord(tail, recordAbort, sequence, {});
    m_state->tail.store(next, std::memory_order_release);
    m_state->putPhase.store(phaseIdle, std::memory_order_release);
    signal(m_state->dataSeq, m_state->dataWaiters);
}

ChannelResult RingChannel::put(std::string_view item, std::uint32_t pid, ChannelMode mode, Deadline deadline,
                               const ChannelLimits &limits)
{
    ChannelState *s = m_state;
    ChannelResult result;
    // Lengths are 32-bit; fragments keep far below that.
    const std::uint64_t maxFragmentPayload = std::min<std::uint64_t>(m_capacity, 0x40000000);
    const std::uint64_t wholeRecord = recordBytes(item.size());
    auto roomForItem = [&] { return limits.maxsize <= 0 || depth() < limits.maxsize; };
    SharedLock putLock(&s->putLock);
    for (;;) {
        if (isSet(limits.readerClosed)) {
            result.status = ChannelStatus::Closed;
            return result;
        }
        if (mode == ChannelMode::Try && putLock.owner() != 0) {
            result.status = ChannelStatus::WouldBlock;
            return result;
        }
        // 1. Wait (without the lock) until maxsize allows one more item.
        if (!roomForItem()) {
            if (mode != ChannelMode::Block) {
                result.status = ChannelStatus::Full;
                return result;
            }
            s->blockedPutters.fetch_add(1, std::memory_order_relaxed);
            const bool room = waitOn(
                s->spaceSeq, s->spaceWaiters, [&] { return roomForItem() || isSet(limits.readerClosed); },
                deadline, [] {});
            s->blockedPutters.fetch_sub(1, std::memory_order_relaxed);
            if (!room) {
                result.status = ChannelStatus::Full;
                return result;
            }
            continue;
        }
        // 2. The put lock: one producer for the whole item.
        if (mode == ChannelMode::Try) {
            if (!putLock.tryAcquire(pid)) {
                result.status = ChannelStatus::WouldBlock;
                return result;
            }
        } else if (!putLock.tryAcquire(pid)) {
            s->blockedPutters.fetch_add(1, std::memory_order_relaxed);
            const LockOutcome outcome = acquireLock(&s->putLock, pid, lockDeadline(mode, deadline));
            s->blockedPutters.fetch_sub(1, std::memory_order_relaxed);
            if (!outcome.acquired) {
                result.status = lockTimeoutStatus(true, mode);
                return result;
            }
            if (outcome.tookOverFrom) {
                const std::uint64_t dropped = repairPutSide();
                s->putRepairDropped.store(static_cast<std::uint32_t>(dropped), std::memory_order_relaxed);
                s->putRepairedFor.store(outcome.tookOverFrom, std::memory_order_release);
            }
        }
        if (isSet(limits.readerClosed) || !roomForItem()) {
            putLock.release(pid);
            continue; // another producer filled the last slot first
        }
        std::uint64_t tail = s->tail.load(std::memory_order_relaxed);
        if (mode != ChannelMode::Block && usableBytes(tail, wholeRecord) < wholeRecord) {
            // Never wait for ring bytes without blocking: a full byte ring counts as full.
            putLock.release(pid);
            result.status = ChannelStatus::Full;
            return result;
        }
        break;
    }

    // 3. Write the item: whole when it fits, else in fragments as consumers free space.
    const std::uint64_t sequence = s->putSequence.load(std::memory_order_relaxed) + 1;
    s->putSequence.store(sequence, std::memory_order_relaxed);
    std::uint64_t tail = s->tail.load(std::memory_order_relaxed);
    std::size_t offset = 0;
    bool first = true;
    for (;;) {
        const std::uint64_t remaining = item.size() - offset;
        const std::uint64_t needed = recordBytes(remaining);
        std::uint64_t usable = usableBytes(tail, needed);
        if (needed <= usable && remaining <= maxFragmentPayload) {
            const std::uint8_t flags = static_cast<std::uint8_t>((first ? recordFirst : 0) | recordLast);
            const std::uint64_t next = writeRecord(tail, flags, sequence, item.substr(offset));
            const std::uint64_t puts = s->puts.load(std::memory_order_relaxed) + 1;
            s->commitTail.store(next, std::memory_order_relaxed);
            s->commitPuts.store(puts, std::memory_order_relaxed);
            s->putPhase.store(phaseCommitting, std::memory_order_release);
            s->puts.store(puts, std::memory_order_release);
            s->tail.store(next, std::memory_order_release);
            s->putPhase.store(phaseIdle, std::memory_order_release);
            signal(s->dataSeq, s->dataWaiters);
            result.depthAfter = static_cast<std::int64_t>(puts - s->gets.load(std::memory_order_acquire));
            if (result.depthAfter > s->maxDepth.load(std::memory_order_relaxed))
                s->maxDepth.store(result.depthAfter, std::memory_order_relaxed);
            result.sequence = sequence;
            putLock.release(pid);
            return result;
        }
        const std::uint64_t minimumChunk = std::min<std::uint64_t>(needed, m_capacity / 4);
        if (usable >= minimumChunk && usable > recordHeaderBytes + 8) {
            const std::uint64_t payload =
                std::min<std::uint64_t>({remaining, (usable - recordHeaderBytes) & ~std::uint64_t(7), maxFragmentPayload});
            const std::uint8_t flags = first ? recordFirst : 0;
            const std::uint64_t next = writeRecord(tail, flags, sequence, item.substr(offset, payload));
            if (first)
                s->putPhase.store(phaseMidItem, std::memory_order_release);
            s->tail.store(next, std::memory_order_release);
            signal(s->dataSeq, s->dataWaiters);
            // The host reads only when woken: it cannot free the space we wait for otherwise.
            if (limits.wakeHost && *limits.wakeHost && limits.hostWaiting
                && takeBit(limits.hostWaiting, limits.hostReadingBit))
                (*limits.wakeHost)();
            tail = next;
            offset += payload;
            first = false;
            continue;
        }
        s->blockedPutters.fetch_add(1, std::memory_order_relaxed);
        const bool space = waitOn(
            s->spaceSeq, s->spaceWaiters,
            [&] { return usableBytes(tail, minimumChunk) >= minimumChunk || isSet(limits.readerClosed); }, deadline,
            [] {});
        s->blockedPutters.fetch_sub(1, std::memory_order_relaxed);
        if (!space || isSet(limits.readerClosed)) {
            if (!first)
                writeAbort(sequence); // the consumer drops the fragments it has
            putLock.release(pid);
            result.status = space ? ChannelStatus::Closed : ChannelStatus::Full;
            return result;
        }
    }
}

void RingChannel::publishHead(std::uint64_t head)
{
    m_state->head.store(head, std::memory_order_release);
    signal(m_state->spaceSeq, m_state->spaceWaiters);
}

bool RingChannel::completeItemAvailable() const
{
    const ChannelState *s = m_state;
    const std::uint64_t tail = s->tail.load(std::memory_order_acquire);
    std::uint64_t position = s->head.load(std::memory_order_relaxed);
    bool skipping = s->skipToFirst.load(std::memory_order_relaxed) != 0;
    bool inItem = false;
    while (position < tail) {
        RecordHeader header;
        copyOut(position, &header, sizeof header);
        const std::uint64_t next = position + recordBytes(header.length);
        if (next > tail)
            return false; // corrupt: let the reading path handle it
        if (skipping && !(header.flags & recordFirst)) {
            if (header.flags & recordAbort)
                skipping = false;
            position = next;
            continue;
        }
        skipping = false;
        if (header.flags & recordAbort) {
            inItem = false;
        } else {
            if (header.flags & recordFirst)
                inItem = true;
            if (inItem && (header.flags & recordLast))
                return true;
        }
        position = next;
    }
    return false;
}

void RingChannel::checkProducerAlive(std::uint32_t pid)
{
    const std::uint32_t owner = SharedLock(&m_state->putLock).owner();
    if (owner == 0 || owner == pid || !processIsGone(owner))
        return;
    if (takeOverLock(&m_state->putLock, owner, pid)) {
        const std::uint64_t dropped = repairPutSide();
        // Leave a trace for the host's recoverDeadProcess(owner), which finds the lock free.
        m_state->putRepairDropped.store(static_cast<std::uint32_t>(dropped), std::memory_order_relaxed);
        m_state->putRepairedFor.store(owner, std::memory_order_release);
        SharedLock(&m_state->putLock).release(pid);
    }
}

void RingChannel::skipDeadConsumersItem()
{
    // Under the get lock: drop the rest of the item a dead consumer had begun, as far as it is
    // there; once its last fragment is dropped the item leaves the queue (gets, qsize()).
    ChannelState *s = m_state;
    std::uint64_t head = s->head.load(std::memory_order_relaxed);
    const std::uint64_t tail = s->tail.load(std::memory_order_acquire);
    while (s->skipToFirst.load(std::memory_order_relaxed) != 0 && head != tail) {
        RecordHeader header;
        copyOut(head, &header, sizeof header);
        const std::uint64_t next = head + recordBytes(header.length);
        if (next > tail || header.length > m_capacity || (header.flags & recordFirst))
            break; // a new item (or a corrupt record: the reading path drops it)
        if (header.flags & (recordAbort | recordLast))
            s->skipToFirst.store(0, std::memory_order_relaxed);
        if ((header.flags & recordLast) && !(header.flags & recordAbort))
            s->gets.store(s->gets.load(std::memory_order_relaxed) + 1, std::memory_order_release);
        head = next;
        publishHead(head);
    }
    s->cachedTail.store(tail, std::memory_order_relaxed);
    if (s->skipToFirst.load(std::memory_order_relaxed) != 0 && head != tail) {
        RecordHeader header;
        copyOut(head, &header, sizeof header);
        if (header.flags & recordFirst)
            s->skipToFirst.store(0, std::memory_order_relaxed);
    }
}

void RingChannel::appendFragment(std::string *item, std::uint64_t position, std::uint64_t length, PartialRead *cap) const
{
    std::uint64_t keep = length;
    if (cap && cap->maxItemBytes != 0) {
        cap->itemBytes += length;
        if (cap->itemBytes > cap->maxItemBytes) {
            // Over the cap: the item keeps its start only; the rest is dropped as it streams.
            if (item->size() > oversizedItemPrefixBytes)
                std::string(item->data(), oversizedItemPrefixBytes).swap(*item); // frees what was held
            keep = std::min<std::uint64_t>(length, oversizedItemPrefixBytes - item->size());
        }
    }
    const std::size_t offset = item->size();
    item->resize(offset + keep);
    copyOut(position + recordHeaderBytes, item->data() + offset, keep);
}

RingChannel::ReadOutcome RingChannel::readItem(std::string *item, bool resume, std::uint32_t pid,
                                               ChannelResult *result, bool mayWait, const ChannelLimits &limits,
                                               PartialRead *cap)
{
    ChannelState *s = m_state;
    skipDeadConsumersItem();
    std::uint64_t head = s->head.load(std::memory_order_relaxed);
    bool assembling = resume;
    if (!resume)
        item->clear();
    for (;;) {
        std::uint64_t tail = s->cachedTail.load(std::memory_order_relaxed);
        if (head == tail) {
            tail = s->tail.load(std::memory_order_acquire);
            s->cachedTail.store(tail, std::memory_order_relaxed);
        }
        if (head == tail) {
            if (!assembling)
                return ReadOutcome::NothingToRead;
            if (!mayWait) {
                // The host: ask the producer for a wake, then look once more (it may have
                // published before it saw the request). A dead producer is repaired here too.
                if (limits.hostWaiting)
                    limits.hostWaiting->fetch_or(limits.hostReadingBit, std::memory_order_seq_cst);
                if (s->tail.load(std::memory_order_seq_cst) != head)
                    continue;
                checkProducerAlive(pid);
                if (s->tail.load(std::memory_order_acquire) != head)
                    continue; // the repair ended the item with an abort record
                return ReadOutcome::MidItem;
            }
            // Mid-item: the producer holding the put lock is writing the rest (it waits for the
            // space we just freed). Keep waiting past any deadline; if it dies, repair for it.
            s->blockedGetters.fetch_add(1, std::memory_order_relaxed);
            waitOn(
                s->dataSeq, s->dataWaiters,
                [&] { return s->tail.load(std::memory_order_acquire) != head; }, Deadline{},
                [&] { checkProducerAlive(pid); });
            s->blockedGetters.fetch_sub(1, std::memory_order_relaxed);
            continue;
        }
        RecordHeader header;
        copyOut(head, &header, sizeof header);
        const std::uint64_t next = head + recordBytes(header.length);
        if (next > tail || header.length > m_capacity) {
            // Corrupt record (a writer broke the layout): drop all that is there.
            assembling = false;
            item->clear();
            s->getPhase.store(phaseIdle, std::memory_order_release);
            head = tail;
            publishHead(head);
            continue;
        }
        if (header.flags & recordAbort) {
            if (assembling) {
                assembling = false;
                item->clear();
                s->getPhase.store(phaseIdle, std::memory_order_release);
            }
            head = next;
            publishHead(head);
            continue;
        }
        if (header.flags & recordFirst) {
            item->clear();
            if (cap)
                cap->itemBytes = 0;
            assembling = true;
        } else if (!assembling) {
            head = next; // a stray fragment: its item's start is gone
            publishHead(head);
            continue;
        }
        appendFragment(item, head, header.length, cap);
        if (!(header.flags & recordLast)) {
            s->getPhase.store(phaseMidItem, std::memory_order_release);
            head = next;
            publishHead(head);
            continue;
        }
        const std::uint64_t gets = s->gets.load(std::memory_order_relaxed) + 1;
        s->commitHead.store(next, std::memory_order_relaxed);
        s->commitGets.store(gets, std::memory_order_relaxed);
        s->getPhase.store(phaseCommitting, std::memory_order_release);
        s->gets.store(gets, std::memory_order_release);
        s->head.store(next, std::memory_order_release);
        s->getPhase.store(phaseIdle, std::memory_order_release);
        signal(s->spaceSeq, s->spaceWaiters);
        result->sequence = header.sequence;
        result->depthAfter = static_cast<std::int64_t>(s->puts.load(std::memory_order_acquire) - gets);
        if (cap && cap->maxItemBytes != 0 && cap->itemBytes > cap->maxItemBytes)
            result->oversizedBytes = cap->itemBytes;
        return ReadOutcome::Item;
    }
}

ChannelResult RingChannel::tryGetPartial(std::string *item, std::uint32_t pid, const ChannelLimits &limits,
                                         PartialRead *partial)
{
    ChannelResult result;
    SharedLock getLock(&m_state->getLock);
    if (partial->holdsLock && getLock.owner() != pid) {
        partial->holdsLock = false; // not ours any more (cannot happen while we live): start afresh
        partial->bytes.clear();
        partial->itemBytes = 0;
    }
    for (;;) {
        if (!partial->holdsLock) {
            // Another consumer holding the lock means "later", even on an empty ring.
            if (getLock.owner() != 0) {
                result.status = ChannelStatus::WouldBlock;
                return result;
            }
            if (!hasRecord()) {
                result.status = isSet(limits.writerClosed) && !hasRecord() ? ChannelStatus::Eof : ChannelStatus::Empty;
                return result;
            }
            if (!getLock.tryAcquire(pid)) {
                result.status = ChannelStatus::WouldBlock;
                return result;
            }
        }
        switch (readItem(&partial->bytes, partial->holdsLock, pid, &result, false, limits, partial)) {
        case ReadOutcome::MidItem: // keep the lock and the bytes: the rest comes at a later try
            partial->holdsLock = true;
            result.status = ChannelStatus::WouldBlock;
            return result;
        case ReadOutcome::Item:
            item->swap(partial->bytes);
            partial->bytes.clear();
            partial->itemBytes = 0;
            partial->holdsLock = false;
            getLock.release(pid);
            return result;
        case ReadOutcome::NothingToRead: // only dropped records: look again (Empty when none came)
            partial->bytes.clear();
            partial->itemBytes = 0;
            partial->holdsLock = false;
            getLock.release(pid);
            break;
        }
    }
}

ChannelResult RingChannel::get(std::string *item, std::uint32_t pid, ChannelMode mode, Deadline deadline,
                               const ChannelLimits &limits, PartialRead *partial)
{
    if (mode == ChannelMode::Try && partial)
        return tryGetPartial(item, pid, limits, partial);
    ChannelState *s = m_state;
    ChannelResult result;
    SharedLock getLock(&s->getLock);
    for (;;) {
        // The host's form: another consumer holding the lock means "later", even on an empty ring.
        if (mode == ChannelMode::Try && SharedLock(&s->getLock).owner() != 0) {
            result.status = ChannelStatus::WouldBlock;
            return result;
        }
        // 1. Wait (without the lock) until there is a record.
        if (!hasRecord()) {
            if (isSet(limits.writerClosed) && !hasRecord()) {
                result.status = ChannelStatus::Eof;
                return result;
            }
            if (mode != ChannelMode::Block) {
                result.status = ChannelStatus::Empty;
                return result;
            }
            s->blockedGetters.fetch_add(1, std::memory_order_relaxed);
            const bool ready = waitOn(
                s->dataSeq, s->dataWaiters, [&] { return hasRecord() || isSet(limits.writerClosed); }, deadline,
                [] {});
            s->blockedGetters.fetch_sub(1, std::memory_order_relaxed);
            if (!ready) {
                result.status = ChannelStatus::Timeout;
                return result;
            }
            continue;
        }
        // 2. The get lock: one consumer for the whole item.
        if (mode == ChannelMode::Try) {
            if (!getLock.tryAcquire(pid)) {
                result.status = ChannelStatus::WouldBlock;
                return result;
            }
            skipDeadConsumersItem();
            if (!completeItemAvailable()) {
                const bool nothingLeft = !hasRecord();
                getLock.release(pid);
                if (nothingLeft)
                    continue; // only the dead consumer's item was there: Empty (or Eof)
                result.status = ChannelStatus::WouldBlock; // a fragmented item is in progress
                return result;
            }
        } else if (!getLock.tryAcquire(pid)) {
            s->blockedGetters.fetch_add(1, std::memory_order_relaxed);
            const LockOutcome outcome = acquireLock(&s->getLock, pid, lockDeadline(mode, deadline));
            s->blockedGetters.fetch_sub(1, std::memory_order_relaxed);
            if (!outcome.acquired) {
                result.status = lockTimeoutStatus(false, mode);
                return result;
            }
            if (outcome.tookOverFrom) {
                const std::uint64_t lost = repairGetSide();
                s->getRepairLost.store(static_cast<std::uint32_t>(lost), std::memory_order_relaxed);
                s->getRepairedFor.store(outcome.tookOverFrom, std::memory_order_release);
            }
        }
        const ReadOutcome outcome = readItem(item, false, pid, &result, true, limits);
        getLock.release(pid);
        if (outcome == ReadOutcome::Item)
            return result;
        // Only dropped records (or another consumer was first): wait again.
    }
}

std::uint64_t RingChannel::repairPutSide()
{
    ChannelState *s = m_state;
    switch (s->putPhase.load(std::memory_order_acquire)) {
    case phaseCommitting: // the last record is written: finish publishing it
        s->puts.store(s->commitPuts.load(std::memory_order_relaxed), std::memory_order_release);
        s->tail.store(s->commitTail.load(std::memory_order_relaxed), std::memory_order_release);
        s->putPhase.store(phaseIdle, std::memory_order_release);
        signal(s->dataSeq, s->dataWaiters);
        return 0;
    case phaseMidItem: // fragments published: end the item with an abort record
        writeAbort(s->putSequence.load(std::memory_order_relaxed));
        s->partialItemsDropped.fetch_add(1, std::memory_order_relaxed);
        return 1;
    default: // nothing published: bytes past the tail are simply overwritten later
        return 0;
    }
}

std::uint64_t RingChannel::repairGetSide()
{
    ChannelState *s = m_state;
    switch (s->getPhase.load(std::memory_order_acquire)) {
    case phaseCommitting: // the whole item was read: it is lost with the consumer
        s->gets.store(s->commitGets.load(std::memory_order_relaxed), std::memory_order_release);
        s->head.store(s->commitHead.load(std::memory_order_relaxed), std::memory_order_release);
        s->getPhase.store(phaseIdle, std::memory_order_release);
        signal(s->spaceSeq, s->spaceWaiters);
        s->itemsLostInRead.fetch_add(1, std::memory_order_relaxed);
        return 1;
    case phaseMidItem: // part of an item was read: skip the rest of it (now and in later gets)
        s->skipToFirst.store(1, std::memory_order_relaxed);
        s->getPhase.store(phaseIdle, std::memory_order_release);
        s->itemsLostInRead.fetch_add(1, std::memory_order_relaxed);
        skipDeadConsumersItem(); // the caller holds the get lock
        return 1;
    default:
        return 0;
    }
}

Recovery RingChannel::recoverDeadProcess(std::uint32_t deadPid, std::uint32_t pid)
{
    Recovery recovery;
    if (deadPid == 0)
        return recovery;
    ChannelState *s = m_state;
    if (takeOverLock(&s->putLock, deadPid, pid)) {
        recovery.lockRecovered = true;
        recovery.partialItemsDropped += repairPutSide();
        SharedLock(&s->putLock).release(pid);
    } else if (std::uint32_t repaired = deadPid;
               s->putRepairedFor.compare_exchange_strong(repaired, 0, std::memory_order_acquire)) {
        recovery.lockRecovered = true; // a waiting consumer found it dead and repaired first
        recovery.partialItemsDropped += s->putRepairDropped.load(std::memory_order_relaxed);
    }
    if (takeOverLock(&s->getLock, deadPid, pid)) {
        recovery.lockRecovered = true;
        recovery.itemsLostInRead += repairGetSide();
        SharedLock(&s->getLock).release(pid);
    } else if (std::uint32_t repaired = deadPid;
               s->getRepairedFor.compare_exchange_strong(repaired, 0, std::memory_order_acquire)) {
        recovery.lockRecovered = true; // the next consumer found it dead and repaired first
        recovery.itemsLostInRead += s->getRepairLost.load(std::memory_order_relaxed);
    }
    return recovery;
}

bool RingChannel::waitReadable(Deadline deadline, const ChannelLimits &limits)
{
    auto ready = [&] { return hasRecord() || isSet(limits.writerClosed); };
    if (ready())
        return true;
    m_state->blockedGetters.fetch_add(1, std::memory_order_relaxed);
    const bool readable = waitOn(m_state->dataSeq, m_state->dataWaiters, ready, deadline, [] {});
    m_state->blockedGetters.fetch_sub(1, std::memory_order_relaxed);
    return readable;
}

void RingChannel::wakeEveryone()
{
    std::atomic_thread_fence(std::memory_order_seq_cst);
    m_state->dataSeq.fetch_add(1, std::memory_order_release);
    AddressWait::wakeAll(m_state->dataSeq);
    m_state->spaceSeq.fetch_add(1, std::memory_order_release);
    AddressWait::wakeAll(m_state->spaceSeq);
}

} // namespace ProcessLab::Shm
