// SPDX-License-Identifier: MIT
// LockView: multiprocessing.Lock as an object of its own (docs/ipc.md).
// Segment: [ObjectHeader 64][SharedLock::State 32][32 reserved]
#include "objectheader.h"
#include "sharedlockstate.h"

namespace ProcessLab::Shm {

namespace {
constexpr std::uint32_t waitingForLock = 1;
}

struct LockView::Layout
{
    ObjectHeader header;     // 0
    SharedLock::State lock;  // 64
    std::uint64_t reserved[4]; // 96
};

std::size_t LockView::segmentSize()
{
    static_assert(sizeof(Layout) == 128); // the layout docs/ipc.md describes
    return sizeof(Layout);
}

LockView LockView::initialize(void *memory, std::size_t size, std::uint64_t observationBudget)
{
    requireSegmentSize(size, segmentSize(), "LockView::initialize");
    auto *layout = static_cast<Layout *>(memory);
    ObjectHeader *header = initializeHeader(memory, ObjectKind::Lock, sizeof(Layout), observationBudget);
    SharedLock::initialize(&layout->lock);
    publishHeader(header);
    return LockView(layout);
}

std::optional<LockView> LockView::attach(void *memory, std::size_t size, std::string *error)
{
    if (!checkHeader(memory, size, ObjectKind::Lock, error))
        return std::nullopt;
    return LockView(static_cast<Layout *>(memory));
}

SharedLock LockView::lock()
{
    return SharedLock(&m_layout->lock);
}

void LockView::setHostWaiting(bool waiting)
{
    setHostWaitingBit(&m_layout->header, waitingForLock, waiting);
}

bool LockView::hostWaiting() const
{
    return m_layout->header.hostWaiting.load(std::memory_order_acquire) & waitingForLock;
}

bool LockView::takeHostWaiting()
{
    return Shm::takeHostWaiting(&m_layout->header, waitingForLock);
}

bool LockView::claimObservation()
{
    return Shm::claimObservation(&m_layout->header);
}

Recovery LockView::recoverDeadProcess(std::uint32_t pid)
{
    Recovery recovery;
    recovery.lockRecovered = lock().recoverIfOwnedBy(pid);
    return recovery;
}

} // namespace ProcessLab::Shm
