// SPDX-License-Identifier: MIT
// Windows and any other platform: no cross-process address wait is available
// (WaitOnAddress is process-private), so spin briefly, then sleep-poll with a doubling
// backoff capped at 1 ms. Correct, with up to ~1 ms (Windows: one timer tick) wake-up latency.
#include "addresswait.h"

#include <algorithm>
#include <thread>

namespace ProcessLab::Shm::AddressWait {

void wait(const std::atomic<std::uint32_t> &word, std::uint32_t expected,
          std::chrono::nanoseconds timeout)
{
    using namespace std::chrono;
    if (timeout.count() <= 0)
        return;
    const auto end = steady_clock::now() + timeout;
    for (int spin = 0; spin < 64; ++spin) {
        if (word.load(std::memory_order_acquire) != expected)
            return;
        std::this_thread::yield();
    }
    nanoseconds pause = microseconds(2);
    while (word.load(std::memory_order_acquire) == expected) {
        const auto now = steady_clock::now();
        if (now >= end)
            return;
        std::this_thread::sleep_for(std::min<nanoseconds>(pause, end - now));
        pause = std::min<nanoseconds>(pause * 2, milliseconds(1));
    }
}

void wakeOne(const std::atomic<std::uint32_t> &)
{
}

void wakeAll(const std::atomic<std::uint32_t> &)
{
}

const char *mechanism()
{
    return "poll";
}

} // namespace ProcessLab::Shm::AddressWait
