// SPDX-License-Identifier: MIT
#pragma once

// Internal: the lock's 32 bytes in shared memory and the acquire variant the queue and pipe
// use to learn that they took a lock over from a dead owner (and must repair what it guarded).

#include "objects.h"

#include <atomic>
#include <cstdint>

namespace ProcessLab::Shm {

inline constexpr std::uint32_t lockWaitersBit = 0x80000000u;

struct SharedLock::State
{
    std::atomic<std::uint32_t> word;          // 0  owner pid (0 = free) | lockWaitersBit
    std::atomic<std::uint32_t> lastDeadOwner; // 4
    std::atomic<std::uint64_t> acquisitions;  // 8  written by the holder only
    std::atomic<std::uint64_t> contended;     // 16 written by the holder only
    std::atomic<std::uint64_t> recoveries;    // 24
};
static_assert(sizeof(SharedLock::State) == 32);

struct LockOutcome
{
    bool acquired = false;
    std::uint32_t tookOverFrom = 0; // non-zero: the previous owner died holding the lock
};

// acquire() that takes a dead owner's lock over directly (counted as a recovery) and says so.
LockOutcome acquireLock(SharedLock::State *state, std::uint32_t pid, Deadline deadline);
// CAS the word from a (dead) owner to `pid`: the caller repairs, then releases.
bool takeOverLock(SharedLock::State *state, std::uint32_t deadOwner, std::uint32_t pid);

} // namespace ProcessLab::Shm
