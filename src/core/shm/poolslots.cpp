// SPDX-License-Identifier: MIT
#include "poolslots.h"

#include <atomic>
#include <new>
#include <stdexcept>

namespace ProcessLab::Shm {

namespace {
constexpr std::uint32_t slotsMagic = 0x4C4F4F50; // "POOL" in memory
constexpr std::uint32_t slotsVersion = 2; // 2: the taken item's sequence
// A reader retries while the worker changes the slot under it; a slot changes a few times per
// task, so a few tries see it still, and a bounded loop can never hang the host.
constexpr int readAttempts = 1000;
} // namespace

// 16 bytes of header, then 32 bytes per slot. Every field another process reads is atomic.
struct PoolSlotsView::Layout
{
    std::atomic<std::uint32_t> magic; // stored last by initialize() (release)
    std::uint32_t version;
    std::uint64_t count;
};

struct PoolSlotsView::SlotState
{
    std::atomic<std::uint64_t> task;
    std::atomic<std::uint64_t> startNs;
    std::atomic<std::uint32_t> pid;
    std::uint32_t reserved0;
    std::atomic<std::uint64_t> sequence;
};

static_assert(sizeof(std::atomic<std::uint64_t>) == 8 && std::atomic<std::uint64_t>::is_always_lock_free);
static_assert(std::atomic<std::uint32_t>::is_always_lock_free);

std::size_t PoolSlotsView::segmentSize(std::size_t slots)
{
    return 16 + slots * 32;
}

PoolSlotsView PoolSlotsView::initialize(void *memory, std::size_t size, std::size_t slots)
{
    static_assert(sizeof(Layout) == 16 && sizeof(SlotState) == 32);
    if (!memory || size < segmentSize(slots))
        throw std::length_error("pool slots: segment too small");
    auto *layout = new (memory) Layout;
    layout->version = slotsVersion;
    layout->count = slots;
    auto *first = reinterpret_cast<unsigned char *>(memory) + sizeof(Layout);
    for (std::size_t i = 0; i < slots; ++i) {
        auto *slot = new (first + i * sizeof(SlotState)) SlotState;
        slot->task.store(0, std::memory_order_relaxed);
        slot->startNs.store(0, std::memory_order_relaxed);
        slot->pid.store(0, std::memory_order_relaxed);
        slot->sequence.store(0, std::memory_order_relaxed);
    }
    layout->magic.store(slotsMagic, std::memory_order_release);
    return PoolSlotsView(layout);
}

std::optional<PoolSlotsView> PoolSlotsView::attach(void *memory, std::size_t size, std::string *error)
{
    if (!memory || size < sizeof(Layout)) {
        *error = "pool slots: segment too small";
        return std::nullopt;
    }
    auto *layout = static_cast<Layout *>(memory);
    if (layout->magic.load(std::memory_order_acquire) != slotsMagic || layout->version != slotsVersion) {
        *error = "pool slots: not a pool slots segment";
        return std::nullopt;
    }
    if (size < segmentSize(layout->count)) {
        *error = "pool slots: segment smaller than its slots";
        return std::nullopt;
    }
    return PoolSlotsView(layout);
}

std::size_t PoolSlotsView::count() const
{
    return static_cast<std::size_t>(m_layout->count);
}

PoolSlotsView::SlotState *PoolSlotsView::slotAt(std::size_t slot) const
{
    if (slot >= count())
        return nullptr;
    auto *first = reinterpret_cast<unsigned char *>(m_layout) + sizeof(Layout);
    return std::launder(reinterpret_cast<SlotState *>(first + slot * sizeof(SlotState)));
}

// Sequentially consistent stores and loads: a reader that saw one of a later task's fields
// sees that task's number (or the 0 before it) when it reads the number again.
void PoolSlotsView::taken(std::size_t slot, std::uint64_t sequence, std::uint32_t pid)
{
    if (SlotState *state = slotAt(slot)) {
        state->pid.store(pid);
        state->sequence.store(sequence);
    }
}

void PoolSlotsView::begin(std::size_t slot, std::uint64_t task, std::uint32_t pid, std::uint64_t startNs)
{
    if (SlotState *state = slotAt(slot)) {
        state->pid.store(pid);
        state->startNs.store(startNs);
        state->task.store(task);
    }
}

void PoolSlotsView::end(std::size_t slot)
{
    if (SlotState *state = slotAt(slot)) {
        state->task.store(0);
        state->sequence.store(0);
    }
}

PoolSlotsView::Slot PoolSlotsView::read(std::size_t slot) const
{
    const SlotState *state = slotAt(slot);
    if (!state)
        return {};
    Slot result;
    for (int attempt = 0; attempt < readAttempts; ++attempt) {
        result.task = state->task.load();
        result.sequence = state->sequence.load();
        result.startNs = state->startNs.load();
        result.pid = state->pid.load();
        // Seqlock-style: the task and its item again; changed means the worker moved on meanwhile.
        if (state->task.load() == result.task && state->sequence.load() == result.sequence)
            break;
    }
    return result;
}

} // namespace ProcessLab::Shm
