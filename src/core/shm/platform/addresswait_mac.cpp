// SPDX-License-Identifier: MIT
// macOS: the kernel's ulock calls (what libc++'s atomic wait and os_sync_wait_on_address use).
// UL_COMPARE_AND_WAIT_SHARED keys the wait by the physical page, so it works across
// processes. The calls are not in the SDK headers: declared here as xnu defines them.
#include "addresswait.h"

#include <cstdint>

extern "C" {
int __ulock_wait(std::uint32_t operation, void *address, std::uint64_t value,
                 std::uint32_t timeoutMicroseconds); // 0 = no timeout
int __ulock_wake(std::uint32_t operation, void *address, std::uint64_t wakeValue);
}

namespace ProcessLab::Shm::AddressWait {

namespace {
constexpr std::uint32_t UL_COMPARE_AND_WAIT_SHARED = 3;
constexpr std::uint32_t ULF_WAKE_ALL = 0x00000100;
constexpr std::uint32_t ULF_NO_ERRNO = 0x01000000;

void *address(const std::atomic<std::uint32_t> &word)
{
    return const_cast<std::atomic<std::uint32_t> *>(&word);
}
} // namespace

void wait(const std::atomic<std::uint32_t> &word, std::uint32_t expected,
          std::chrono::nanoseconds timeout)
{
    if (timeout.count() <= 0)
        return;
    // At least 1 µs (0 would mean "forever"), at most ~71 minutes (32 bits of µs).
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(timeout).count();
    const auto bounded = static_cast<std::uint32_t>(micros < 1 ? 1 : (micros > 0xFFFFFFF0 ? 0xFFFFFFF0 : micros));
    __ulock_wait(UL_COMPARE_AND_WAIT_SHARED | ULF_NO_ERRNO, address(word), expected, bounded);
}

void wakeOne(const std::atomic<std::uint32_t> &word)
{
    __ulock_wake(UL_COMPARE_AND_WAIT_SHARED | ULF_NO_ERRNO, address(word), 0);
}

void wakeAll(const std::atomic<std::uint32_t> &word)
{
    __ulock_wake(UL_COMPARE_AND_WAIT_SHARED | ULF_WAKE_ALL | ULF_NO_ERRNO, address(word), 0);
}

const char *mechanism()
{
    return "ulock";
}

} // namespace ProcessLab::Shm::AddressWait
