// SPDX-License-Identifier: MIT
#pragma once

// Internal: the 64-byte header every object segment starts with (docs/ipc.md, "Shared-memory
// objects"). Written once by the host in initialize(), magic last; checked by attach().

#include "objects.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <new>
#include <stdexcept>
#include <string>

namespace ProcessLab::Shm {

inline constexpr std::uint32_t objectMagic = 0x48534C50; // "PLSH" in little-endian bytes
inline constexpr std::uint32_t layoutVersion = 1;

struct ObjectHeader
{
    std::atomic<std::uint32_t> magic;              // 0
    std::uint32_t version;                         // 4
    std::uint32_t kind;                            // 8  ObjectKind
    std::uint32_t flags;                           // 12 bit 0 duplex (Pipe), bit 1 has lock (cells)
    std::uint64_t segmentSize;                     // 16 bytes the layout needs (<= mapped size)
    std::uint64_t parameter;                       // 24 ring bytes (per direction) or cell count
    std::int64_t maxsize;                          // 32 Queue: items (0 = unbounded)
    std::uint64_t observationBudget;               // 40
    std::atomic<std::uint64_t> observationsClaimed; // 48
    std::atomic<std::uint32_t> hostWaiting;        // 56 bit mask of what the host waits for
    std::uint32_t typeCode;                        // 60 cells: TypeCode
};
static_assert(sizeof(ObjectHeader) == 64);
static_assert(offsetof(ObjectHeader, hostWaiting) == 56);
static_assert(std::atomic<std::uint64_t>::is_always_lock_free);
static_assert(std::atomic<std::uint32_t>::is_always_lock_free);

inline constexpr std::uint32_t flagDuplex = 1;
inline constexpr std::uint32_t flagHasLock = 2;

// initialize() on fewer bytes than segmentSize() asks for is a programming error of the host.
inline void requireSegmentSize(std::size_t size, std::size_t needed, const char *what)
{
    if (size < needed)
        throw std::length_error(std::string(what) + ": segment of " + std::to_string(size) + " bytes, needs "
                                + std::to_string(needed));
}

inline ObjectHeader *initializeHeader(void *memory, ObjectKind kind, std::uint64_t segmentSize,
                                      std::uint64_t budget)
{
    auto *header = new (memory) ObjectHeader{};
    header->version = layoutVersion;
    header->kind = static_cast<std::uint32_t>(kind);
    header->segmentSize = segmentSize;
    header->observationBudget = budget;
    return header;
}

inline void publishHeader(ObjectHeader *header)
{
    header->magic.store(objectMagic, std::memory_order_release);
}

// The header when `memory` holds an object of `kind` that fits `size`; else nullptr + error.
ObjectHeader *checkHeader(void *memory, std::size_t size, ObjectKind kind, std::string *error);

inline bool claimObservation(ObjectHeader *header)
{
    // Load first: once the budget is spent, sampling costs no read-modify-write.
    if (header->observationsClaimed.load(std::memory_order_relaxed) >= header->observationBudget)
        return false;
    return header->observationsClaimed.fetch_add(1, std::memory_order_relaxed) < header->observationBudget;
}

// Host-waiting bits: set by the host before its last try; taken (cleared) by the worker that
// then sends the Wake frame. A full fence orders the worker's change before the check.
inline void setHostWaitingBit(ObjectHeader *header, std::uint32_t bit, bool waiting)
{
    if (waiting)
        header->hostWaiting.fetch_or(bit, std::memory_order_seq_cst);
    else
        header->hostWaiting.fetch_and(~bit, std::memory_order_seq_cst);
}

inline bool takeHostWaiting(ObjectHeader *header, std::uint32_t mask)
{
    std::atomic_thread_fence(std::memory_order_seq_cst);
    if ((header->hostWaiting.load(std::memory_order_relaxed) & mask) == 0)
        return false;
    return (header->hostWaiting.fetch_and(~mask, std::memory_order_seq_cst) & mask) != 0;
}

} // namespace ProcessLab::Shm
