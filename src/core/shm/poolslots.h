// SPDX-License-Identifier: MIT
#pragma once

// The "pool slots" of a process pool (docs/pool.md): one slot per pool worker, in a segment
// the host creates. A worker stores the ring sequence of the task queue item it took in its
// slot right after its get() returned (before it decodes the item), then the task number
// BEFORE it runs it, and clears both only AFTER the task's result is in the result queue: the
// host, which sees every worker die, knows which task a dead worker had without a message per
// task, even one it died decoding. Std-only: linked by the host and by processlab-worker.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace ProcessLab::Shm {

class PoolSlotsView
{
public:
    struct Slot
    {
        std::uint64_t task = 0;     // 0: idle (or still decoding the item it took)
        std::uint64_t startNs = 0;  // monotonic clock (monotonicNowNs) when the task began
        std::uint32_t pid = 0;      // the worker that holds the slot
        std::uint64_t sequence = 0; // the task queue item it took (QueueView sequence); 0: none
    };

    static std::size_t segmentSize(std::size_t slots);
    // Host, once, on a fresh (zeroed) segment of at least segmentSize(slots) bytes.
    static PoolSlotsView initialize(void *memory, std::size_t size, std::size_t slots);
    // nullopt + error when the memory is not a slots layout or is too small.
    static std::optional<PoolSlotsView> attach(void *memory, std::size_t size, std::string *error);

    std::size_t count() const;
    // The worker: taken stores the item's ring sequence as soon as get() returned; begin stores
    // pid and start time, then the task; end clears the task, then the sequence.
    void taken(std::size_t slot, std::uint64_t sequence, std::uint32_t pid);
    void begin(std::size_t slot, std::uint64_t task, std::uint32_t pid, std::uint64_t startNs);
    void end(std::size_t slot);
    // The host: what the slot says now (task 0: idle), one task's fields, never one task's number
    // with the next one's start or pid (read again while the worker changed the slot meanwhile).
    // A slot index out of range reads idle.
    Slot read(std::size_t slot) const;
    // The host, when the slot's worker has died and its task was handled: the slot is free.
    void clear(std::size_t slot) { end(slot); }

private:
    struct Layout;
    struct SlotState;
    explicit PoolSlotsView(Layout *layout) : m_layout(layout) {}
    SlotState *slotAt(std::size_t slot) const;
    Layout *m_layout;
};

} // namespace ProcessLab::Shm
