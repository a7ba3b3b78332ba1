// SPDX-License-Identifier: MIT
#pragma once

// Internal: one byte ring in shared memory with a put lock and a get lock — the channel that
// QueueView (one) and PipeView (one per direction) are built on (docs/ipc.md).
// The put lock is held by one producer for a whole item, the get lock by one consumer for a
// whole item, so between them the ring is single-producer/single-consumer at any moment.
// Records: [u32 length | u8 flags | 3 reserved | u64 sequence | payload, padded to 8].

#include "objects.h"
#include "sharedlockstate.h"

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>

namespace ProcessLab::Shm {

inline constexpr std::uint8_t recordFirst = 1;
inline constexpr std::uint8_t recordLast = 2;
inline constexpr std::uint8_t recordAbort = 4;
inline constexpr std::uint64_t recordHeaderBytes = 16;
// Producers always leave room for one abort record, so a recoverer never waits for space.
inline constexpr std::uint64_t abortReserveBytes = recordHeaderBytes;
inline constexpr std::uint64_t minimumRingBytes = 256;

// Phases a holder publishes so a recoverer knows what to repair.
inline constexpr std::uint32_t phaseIdle = 0;
inline constexpr std::uint32_t phaseMidItem = 1;    // fragments of an unfinished item published/consumed
inline constexpr std::uint32_t phaseCommitting = 2; // commit* hold the values being stored

struct alignas(64) ChannelState
{
    // Producer side (written under the put lock)
    SharedLock::State putLock;                         // 0
    std::atomic<std::uint64_t> tail;                   // 32  bytes published
    std::atomic<std::uint64_t> puts;                   // 40  items completed
    std::atomic<std::uint64_t> putSequence;            // 48  last sequence number given out
    std::atomic<std::uint32_t> putPhase;               // 56
    std::atomic<std::uint32_t> dataSeq;                // 60  consumers wait on it
    std::atomic<std::uint64_t> commitTail;             // 64
    std::atomic<std::uint64_t> commitPuts;             // 72
    std::atomic<std::uint64_t> cachedHead;             // 80  producer's last look at head
    std::atomic<std::int64_t> maxDepth;                // 88
    std::atomic<std::uint32_t> dataWaiters;            // 96
    std::atomic<std::uint32_t> blockedPutters;         // 100
    std::atomic<std::uint64_t> partialItemsDropped;    // 104 all recoverers together
    // The last dead producer a waiting process repaired for (0: none, or the host reported it)
    // and whether it dropped that producer's partial item: recoverDeadProcess reports it once.
    std::atomic<std::uint32_t> putRepairedFor;         // 112
    std::atomic<std::uint32_t> putRepairDropped;       // 116
    std::uint64_t reservedProducer;                    // 120
    // Consumer side (written under the get lock)
    SharedLock::State getLock;                         // 128
    std::atomic<std::uint64_t> head;                   // 160 bytes consumed
    std::atomic<std::uint64_t> gets;                   // 168 items completed
    std::atomic<std::uint64_t> commitHead;             // 176
    std::atomic<std::uint64_t> commitGets;             // 184
    std::atomic<std::uint64_t> cachedTail;             // 192 consumer's last look at tail
    std::atomic<std::uint32_t> getPhase;               // 200
    std::atomic<std::uint32_t> spaceSeq;               // 204 producers wait on it
    std::atomic<std::uint32_t> spaceWaiters;           // 208
    std::atomic<std::uint32_t> blockedGetters;         // 212
    std::atomic<std::uint32_t> skipToFirst;            // 216 a consumer died mid-item
    std::atomic<std::uint32_t> getRepairedFor;         // 220 as putRepairedFor, consumer side
    std::atomic<std::uint64_t> itemsLostInRead;        // 224 all recoverers together
    std::atomic<std::uint32_t> getRepairLost;          // 232 items getRepairedFor's repair lost
    std::uint32_t reservedConsumer0;                   // 236
    std::uint64_t reservedConsumer[2];                 // 240
};
static_assert(sizeof(ChannelState) == 256);
static_assert(offsetof(ChannelState, getLock) == 128);
static_assert(offsetof(ChannelState, itemsLostInRead) == 224);
static_assert(offsetof(ChannelState, putRepairedFor) == 112);
static_assert(offsetof(ChannelState, getRepairLost) == 232);

enum class ChannelMode { Block, NoWait, Try };
enum class ChannelStatus { Ok, Full, Empty, Timeout, WouldBlock, Closed, Eof };

struct ChannelLimits
{
    std::int64_t maxsize = 0;                                  // items; 0: unbounded
    const std::atomic<std::uint32_t> *readerClosed = nullptr;  // put: Closed once set
    const std::atomic<std::uint32_t> *writerClosed = nullptr;  // get: Eof once set and empty
    // The object's host-waiting word and the bit that means "the host waits to read this
    // channel": a Try get mid-item sets it; a put mid-item takes it and calls wakeHost.
    std::atomic<std::uint32_t> *hostWaiting = nullptr;
    std::uint32_t hostReadingBit = 0;
    const HostWake *wakeHost = nullptr;
};

struct ChannelResult
{
    ChannelStatus status = ChannelStatus::Ok;
    std::int64_t depthAfter = 0;
    std::uint64_t sequence = 0;
    std::uint64_t oversizedBytes = 0; // see PartialRead::maxItemBytes
};

class RingChannel
{
public:
    RingChannel(ChannelState *state, char *ring, std::uint64_t capacity)
        : m_state(state), m_ring(ring), m_capacity(capacity)
    {
    }
    static void initialize(ChannelState *state);

    ChannelResult put(std::string_view item, std::uint32_t pid, ChannelMode mode, Deadline deadline,
                      const ChannelLimits &limits);
    // Mode Try with `partial`: an item is read across calls (see PartialRead); without it, Try
    // reads whole items only (WouldBlock while one is incomplete).
    ChannelResult get(std::string *item, std::uint32_t pid, ChannelMode mode, Deadline deadline,
                      const ChannelLimits &limits, PartialRead *partial = nullptr);

    bool hasRecord() const;
    bool readable(const ChannelLimits &limits) const; // a record is there or the writer closed
    // Waits until a record is there or the writer closed (no lock taken); false: deadline.
    bool waitReadable(Deadline deadline, const ChannelLimits &limits);
    std::int64_t depth() const;
    Recovery recoverDeadProcess(std::uint32_t deadPid, std::uint32_t pid);
    void wakeEveryone(); // after a close: everyone waiting re-checks
    ChannelState *state() const { return m_state; }

private:
    std::uint64_t usableBytes(std::uint64_t tail, std::uint64_t needed) const;
    void copyIn(std::uint64_t position, const void *source, std::uint64_t bytes);
    void copyOut(std::uint64_t position, void *target, std::uint64_t bytes) const;
    std::uint64_t writeRecord(std::uint64_t tail, std::uint8_t flags, std::uint64_t sequence,
                              std::string_view payload);
    void writeAbort(std::uint64_t sequence);
    std::uint64_t repairPutSide();
    std::uint64_t repairGetSide();
    void checkProducerAlive(std::uint32_t pid);
    bool completeItemAvailable() const;
    void skipDeadConsumersItem();
    enum class ReadOutcome { Item, NothingToRead, MidItem };
    // `resume`: *item holds the fragments read so far (the caller holds the get lock mid-item).
    // Without mayWait it returns MidItem where it would wait for the rest of an item.
    // `cap` (the host's PartialRead, or null): its maxItemBytes bounds what *item keeps.
    ReadOutcome readItem(std::string *item, bool resume, std::uint32_t pid, ChannelResult *result, bool mayWait,
                         const ChannelLimits &limits, PartialRead *cap = nullptr);
    void appendFragment(std::string *item, std::uint64_t position, std::uint64_t length, PartialRead *cap) const;
    ChannelResult tryGetPartial(std::string *item, std::uint32_t pid, const ChannelLimits &limits,
                                PartialRead *partial);
    void publishHead(std::uint64_t head);

    ChannelState *m_state;
    char *m_ring;
    std::uint64_t m_capacity; // a power of two
};

inline std::uint64_t recordBytes(std::uint64_t payload)
{
    return (recordHeaderBytes + payload + 7) & ~std::uint64_t(7);
}

} // namespace ProcessLab::Shm
