// SPDX-License-Identifier: MIT
// PipeView: multiprocessing.Pipe as two ring channels, channel e carrying end e -> end 1-e.
// Segment: [ObjectHeader 64][closed[2] u32, 56 reserved][ChannelState 0][ChannelState 1]
//          [ring 0][ring 1]  (docs/ipc.md)
#include "objectheader.h"
#include "platform/processliveness.h"
#include "ringchannel.h"

#include <bit>

namespace ProcessLab::Shm {

namespace {
constexpr std::size_t ringsOffset = 640;

std::uint64_t ringCapacity(std::size_t ringBytes)
{
    return std::bit_ceil(std::max<std::uint64_t>(ringBytes, minimumRingBytes));
}

PipeView::Status statusOf(ChannelStatus status)
{
    switch (status) {
    case ChannelStatus::Ok: return PipeView::Status::Ok;
    case ChannelStatus::Timeout: return PipeView::Status::Timeout;
    case ChannelStatus::Closed: return PipeView::Status::Closed;
    case ChannelStatus::Eof: return PipeView::Status::Eof;
    case ChannelStatus::Full:
    case ChannelStatus::Empty:
    case ChannelStatus::WouldBlock: break;
    }
    return PipeView::Status::WouldBlock;
}

bool validEnd(int end)
{
    return end == 0 || end == 1;
}
} // namespace

struct PipeView::Layout
{
    ObjectHeader header;                 // 0
    std::atomic<std::uint32_t> closed[2]; // 64
    std::uint32_t reserved[14];          // 72
    ChannelState channels[2];            // 128, 384

    RingChannel channel(int index)
    {
        char *rings = reinterpret_cast<char *>(this) + ringsOffset;
        return RingChannel(&channels[index], rings + static_cast<std::uint64_t>(index) * header.parameter,
                           header.parameter);
    }
    // Host-waiting bit 1 << e: the host holding end e waits (to receive, or to send).
    ChannelLimits sendLimits(int end, const HostWake *wakeHost = nullptr)
    {
        ChannelLimits limits;
        limits.readerClosed = &closed[1 - end];
        limits.hostWaiting = &header.hostWaiting;
        limits.hostReadingBit = 1u << (1 - end);
        limits.wakeHost = wakeHost;
        return limits;
    }
    ChannelLimits recvLimits(int end)
    {
        ChannelLimits limits;
        limits.writerClosed = &closed[1 - end];
        limits.hostWaiting = &header.hostWaiting;
        limits.hostReadingBit = 1u << end;
        return limits;
    }
    bool isClosed(int end) const { return closed[end].load(std::memory_order_acquire) != 0; }
};

std::size_t PipeView::segmentSize(std::size_t ringBytesPerDirection)
{
    static_assert(sizeof(Layout) == ringsOffset); // the layout docs/ipc.md describes
    return ringsOffset + 2 * ringCapacity(ringBytesPerDirection);
}

PipeView PipeView::initialize(void *memory, std::size_t size, bool duplex, std::uint64_t observationBudget)
{
    requireSegmentSize(size, segmentSize(minimumRingBytes), "PipeView::initialize");
    const std::uint64_t capacity = std::bit_floor((size - ringsOffset) / 2);
    auto *layout = static_cast<Layout *>(memory);
    ObjectHeader *header = initializeHeader(memory, ObjectKind::Pipe, ringsOffset + 2 * capacity, observationBudget);
    header->parameter = capacity;
    header->flags = duplex ? flagDuplex : 0;
    for (auto &closed : layout->closed)
        new (&closed) std::atomic<std::uint32_t>(0);
    RingChannel::initialize(&layout->channels[0]);
    RingChannel::initialize(&layout->channels[1]);
    publishHeader(header);
    return PipeView(layout);
}

std::optional<PipeView> PipeView::attach(void *memory, std::size_t size, std::string *error)
{
    ObjectHeader *header = checkHeader(memory, size, ObjectKind::Pipe, error);
    if (!header)
        return std::nullopt;
    const std::uint64_t capacity = header->parameter;
    if (capacity < minimumRingBytes || !std::has_single_bit(capacity)
        || ringsOffset + 2 * capacity > header->segmentSize) {
        if (error)
            *error = "shared-memory pipe has an invalid ring size (" + std::to_string(capacity) + " bytes)";
        return std::nullopt;
    }
    return PipeView(static_cast<Layout *>(memory));
}

namespace {
// What stops `end` from sending (or receiving) before anything is looked at.
std::optional<PipeView::Status> refusal(const PipeView &pipe, int end, bool sending)
{
    if (!validEnd(end))
        return sending ? PipeView::Status::NotWritable : PipeView::Status::NotReadable;
    if (!pipe.duplex() && end == (sending ? 0 : 1))
        return sending ? PipeView::Status::NotWritable : PipeView::Status::NotReadable;
    if (pipe.isClosed(end))
        return PipeView::Status::Closed;
    return std::nullopt;
}
} // namespace

PipeView::Result PipeView::send(int end, std::string_view message, std::uint32_t pid, const HostWake &wakeHost)
{
    if (const auto refused = refusal(*this, end, true))
        return {*refused, false};
    const ChannelResult channel =
        m_layout->channel(end).put(message, pid, ChannelMode::Block, {}, m_layout->sendLimits(end, &wakeHost));
    Result result{statusOf(channel.status), false};
    if (result.status == Status::Ok)
        result.wakeHost = takeHostWaiting(&m_layout->header, 1u << (1 - end));
    return result;
}

PipeView::Result PipeView::recv(int end, std::string *message, std::uint32_t pid, Deadline deadline)
{
    if (const auto refused = refusal(*this, end, false))
        return {*refused, false};
    const ChannelResult channel =
        m_layout->channel(1 - end).get(message, pid, ChannelMode::Block, deadline, m_layout->recvLimits(end));
    Result result{statusOf(channel.status), false};
    if (result.status == Status::Ok)
        result.wakeHost = takeHostWaiting(&m_layout->header, 1u << (1 - end));
    return result;
}

PipeView::Result PipeView::trySend(int end, std::string_view message, std::uint32_t pid)
{
    if (const auto refused = refusal(*this, end, true))
        return {*refused, false};
    const ChannelResult channel =
        m_layout->channel(end).put(message, pid, ChannelMode::Try, {}, m_layout->sendLimits(end));
    return {statusOf(channel.status), false};
}

PipeView::Result PipeView::tryRecv(int end, std::string *message, std::uint32_t pid, PartialRead *partial)
{
    if (const auto refused = refusal(*this, end, false))
        return {*refused, false};
    const ChannelResult channel =
        m_layout->channel(1 - end).get(message, pid, ChannelMode::Try, {}, m_layout->recvLimits(end), partial);
    return {statusOf(channel.status), false, channel.oversizedBytes};
}

bool PipeView::poll(int end, Deadline deadline)
{
    if (refusal(*this, end, false))
        return false;
    return m_layout->channel(1 - end).waitReadable(deadline, m_layout->recvLimits(end));
}

bool PipeView::readable(int end) const
{
    if (refusal(*this, end, false))
        return false;
    return m_layout->channel(1 - end).readable(m_layout->recvLimits(end));
}

bool PipeView::close(int end)
{
    if (!validEnd(end))
        return false;
    m_layout->closed[end].store(1, std::memory_order_seq_cst);
    // Receivers of this end's messages see EOF; senders to this end see Closed.
    m_layout->channel(0).wakeEveryone();
    m_layout->channel(1).wakeEveryone();
    return takeHostWaiting(&m_layout->header, 1u << (1 - end));
}

bool PipeView::isClosed(int end) const
{
    return validEnd(end) && m_layout->isClosed(end);
}

bool PipeView::duplex() const
{
    return m_layout->header.flags & flagDuplex;
}

void PipeView::setHostWaiting(int end, bool waiting)
{
    if (validEnd(end))
        setHostWaitingBit(&m_layout->header, 1u << end, waiting);
}

bool PipeView::hostWaiting(int end) const
{
    return validEnd(end) && (m_layout->header.hostWaiting.load(std::memory_order_acquire) & (1u << end));
}

bool PipeView::claimObservation()
{
    return Shm::claimObservation(&m_layout->header);
}

PipeView::Counters PipeView::counters() const
{
    Counters counters;
    for (int end = 0; end < 2; ++end) {
        const ChannelState &outgoing = m_layout->channels[end];
        const ChannelState &incoming = m_layout->channels[1 - end];
        counters.sent[end] = outgoing.puts.load(std::memory_order_relaxed);
        const auto received = incoming.gets.load(std::memory_order_relaxed);
        counters.received[end] = received;
        counters.inFlight[end] = static_cast<std::int64_t>(incoming.puts.load(std::memory_order_relaxed) - received);
    }
    return counters;
}

Recovery PipeView::recoverDeadProcess(std::uint32_t pid)
{
    Recovery total;
    for (int index = 0; index < 2; ++index) {
        const Recovery recovery = m_layout->channel(index).recoverDeadProcess(pid, currentProcessId());
        total.lockRecovered = total.lockRecovered || recovery.lockRecovered;
        total.partialItemsDropped += recovery.partialItemsDropped;
        total.itemsLostInRead += recovery.itemsLostInRead;
    }
    return total;
}

} // namespace ProcessLab::Shm
