// SPDX-License-Identifier: MIT
#pragma once

// Cross-process wait/wake on a 32-bit word in shared memory (docs/ipc.md, "Shared-memory
// objects"). std::atomic::wait cannot be used: libstdc++ waits on process-private futexes.
//   Linux          futex FUTEX_WAIT/FUTEX_WAKE without FUTEX_PRIVATE_FLAG (keyed by the page)
//   macOS          __ulock_wait/__ulock_wake with UL_COMPARE_AND_WAIT_SHARED
//   Windows/other  spin, then sleep-poll with a backoff up to 1 ms (wake is a no-op)
// One implementation per platform: addresswait_<os>.cpp.

#include <atomic>
#include <chrono>
#include <cstdint>

namespace ProcessLab::Shm::AddressWait {

static_assert(sizeof(std::atomic<std::uint32_t>) == sizeof(std::uint32_t));
static_assert(std::atomic<std::uint32_t>::is_always_lock_free);

// Blocks while word == expected, at most `timeout`. May return early (a wake, a signal, a
// spurious wake-up): callers re-check their condition. A timeout <= 0 returns at once.
void wait(const std::atomic<std::uint32_t> &word, std::uint32_t expected,
          std::chrono::nanoseconds timeout);
void wakeOne(const std::atomic<std::uint32_t> &word);
void wakeAll(const std::atomic<std::uint32_t> &word);

// What this platform waits with, for diagnostics and docs ("futex", "ulock", "poll").
const char *mechanism();

} // namespace ProcessLab::Shm::AddressWait
