// SPDX-License-Identifier: MIT
// QueueView: multiprocessing.Queue on one ring channel (docs/ipc.md).
// Segment: [ObjectHeader 64][ChannelState 256][ring: a power of two >= 256 bytes]
#include "objectheader.h"
#include "platform/processliveness.h"
#include "ringchannel.h"

#include <bit>

namespace ProcessLab::Shm {

namespace {
constexpr std::uint32_t waitingForItem = 1;
constexpr std::uint32_t waitingForSpace = 2;
constexpr std::size_t ringOffset = sizeof(ObjectHeader) + sizeof(ChannelState);
static_assert(ringOffset == 320);

std::uint64_t ringCapacity(std::size_t ringBytes)
{
    return std::bit_ceil(std::max<std::uint64_t>(ringBytes, minimumRingBytes));
}

QueueView::Status statusOf(ChannelStatus status)
{
    switch (status) {
    case ChannelStatus::Ok: return QueueView::Status::Ok;
    case ChannelStatus::Full: return QueueView::Status::Full;
    case ChannelStatus::Empty: return QueueView::Status::Empty;
    case ChannelStatus::Timeout: return QueueView::Status::Timeout;
    case ChannelStatus::WouldBlock: return QueueView::Status::WouldBlock;
    case ChannelStatus::Closed:
    case ChannelStatus::Eof: break; // a queue has no ends to close
    }
    return QueueView::Status::WouldBlock;
}
} // namespace

struct QueueView::Layout
{
    ObjectHeader header;
    ChannelState channel;

    RingChannel ring() { return RingChannel(&channel, reinterpret_cast<char *>(this) + ringOffset, header.parameter); }
    ChannelLimits limits(const HostWake *wakeHost = nullptr)
    {
        ChannelLimits limits;
        limits.maxsize = header.maxsize;
        limits.hostWaiting = &header.hostWaiting;
        limits.hostReadingBit = waitingForItem;
        limits.wakeHost = wakeHost;
        return limits;
    }
};

std::size_t QueueView::segmentSize(std::size_t ringBytes)
{
    static_assert(sizeof(Layout) == ringOffset); // the layout docs/ipc.md describes
    return ringOffset + ringCapacity(ringBytes);
}

QueueView QueueView::initialize(void *memory, std::size_t size, std::int64_t maxsize, std::uint64_t observationBudget)
{
    // The largest power-of-two ring that fits the segment.
    requireSegmentSize(size, segmentSize(minimumRingBytes), "QueueView::initialize");
    const std::uint64_t capacity = std::bit_floor(size - ringOffset);
    auto *layout = static_cast<Layout *>(memory);
    ObjectHeader *header = initializeHeader(memory, ObjectKind::Queue, ringOffset + capacity, observationBudget);
    header->parameter = capacity;
    header->maxsize = maxsize < 0 ? 0 : maxsize;
    RingChannel::initialize(&layout->channel);
    publishHeader(header);
    return QueueView(layout);
}

std::optional<QueueView> QueueView::attach(void *memory, std::size_t size, std::string *error)
{
    ObjectHeader *header = checkHeader(memory, size, ObjectKind::Queue, error);
    if (!header)
        return std::nullopt;
    const std::uint64_t capacity = header->parameter;
    if (capacity < minimumRingBytes || !std::has_single_bit(capacity) || ringOffset + capacity > header->segmentSize) {
        if (error)
            *error = "shared-memory queue has an invalid ring size (" + std::to_string(capacity) + " bytes)";
        return std::nullopt;
    }
    return QueueView(static_cast<Layout *>(memory));
}

QueueView::Result QueueView::put(std::string_view item, std::uint32_t pid, bool block, Deadline deadline,
                                 const HostWake &wakeHost)
{
    const ChannelResult channel = m_layout->ring().put(item, pid, block ? ChannelMode::Block : ChannelMode::NoWait,
                                                       deadline, m_layout->limits(&wakeHost));
    Result result{statusOf(channel.status), channel.depthAfter, channel.sequence, false};
    if (result.status == Status::Ok)
        result.wakeHost = takeHostWaiting(&m_layout->header, waitingForItem | waitingForSpace);
    return result;
}

QueueView::Result QueueView::get(std::string *item, std::uint32_t pid, bool block, Deadline deadline)
{
    const ChannelResult channel = m_layout->ring().get(item, pid, block ? ChannelMode::Block : ChannelMode::NoWait,
                                                       deadline, m_layout->limits());
    Result result{statusOf(channel.status), channel.depthAfter, channel.sequence, false};
    if (result.status == Status::Ok)
        result.wakeHost = takeHostWaiting(&m_layout->header, waitingForItem | waitingForSpace);
    return result;
}

QueueView::Result QueueView::tryPut(std::string_view item, std::uint32_t pid)
{
    const ChannelResult channel = m_layout->ring().put(item, pid, ChannelMode::Try, {}, m_layout->limits());
    return Result{statusOf(channel.status), channel.depthAfter, channel.sequence, false};
}

QueueView::Result QueueView::tryGet(std::string *item, std::uint32_t pid, PartialRead &partial)
{
    const ChannelResult channel = m_layout->ring().get(item, pid, ChannelMode::Try, {}, m_layout->limits(), &partial);
    return Result{statusOf(channel.status), channel.depthAfter, channel.sequence, false, channel.oversizedBytes};
}

std::int64_t QueueView::qsize() const
{
    return m_layout->ring().depth();
}

bool QueueView::empty() const
{
    return qsize() == 0;
}

bool QueueView::full() const
{
    return m_layout->header.maxsize > 0 && qsize() >= m_layout->header.maxsize;
}

std::int64_t QueueView::maxsize() const
{
    return m_layout->header.maxsize;
}

void QueueView::setHostWaitingForItem(bool waiting)
{
    setHostWaitingBit(&m_layout->header, waitingForItem, waiting);
}

void QueueView::setHostWaitingForSpace(bool waiting)
{
    setHostWaitingBit(&m_layout->header, waitingForSpace, waiting);
}

bool QueueView::hostWaitingForItem() const
{
    return m_layout->header.hostWaiting.load(std::memory_order_acquire) & waitingForItem;
}

bool QueueView::hostWaitingForSpace() const
{
    return m_layout->header.hostWaiting.load(std::memory_order_acquire) & waitingForSpace;
}

bool QueueView::claimObservation()
{
    return Shm::claimObservation(&m_layout->header);
}

QueueView::Counters QueueView::counters() const
{
    const ChannelState &s = m_layout->channel;
    Counters counters;
    counters.gets = s.gets.load(std::memory_order_relaxed);
    counters.puts = s.puts.load(std::memory_order_relaxed);
    counters.depth = static_cast<std::int64_t>(counters.puts - counters.gets);
    counters.maxDepth = s.maxDepth.load(std::memory_order_relaxed);
    counters.blockedPutters = s.blockedPutters.load(std::memory_order_relaxed);
    counters.blockedGetters = s.blockedGetters.load(std::memory_order_relaxed);
    counters.partialItemsDropped = s.partialItemsDropped.load(std::memory_order_relaxed);
    counters.itemsLostInRead = s.itemsLostInRead.load(std::memory_order_relaxed);
    counters.lockRecoveries = s.putLock.recoveries.load(std::memory_order_relaxed)
        + s.getLock.recoveries.load(std::memory_order_relaxed);
    return counters;
}

Recovery QueueView::recoverDeadProcess(std::uint32_t pid)
{
    return m_layout->ring().recoverDeadProcess(pid, currentProcessId());
}

} // namespace ProcessLab::Shm
