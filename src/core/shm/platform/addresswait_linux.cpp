// SPDX-License-Identifier: MIT
// Linux: a shared futex. Without FUTEX_PRIVATE_FLAG the kernel keys the wait queue by the
// physical page, so a process that mapped the same segment elsewhere wakes us.
#include "addresswait.h"

#include <climits>
#include <linux/futex.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

namespace ProcessLab::Shm::AddressWait {

namespace {
std::uint32_t *address(const std::atomic<std::uint32_t> &word)
{
    return reinterpret_cast<std::uint32_t *>(const_cast<std::atomic<std::uint32_t> *>(&word));
}
} // namespace

void wait(const std::atomic<std::uint32_t> &word, std::uint32_t expected,
          std::chrono::nanoseconds timeout)
{
    if (timeout.count() <= 0)
        return;
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(timeout);
    timespec relative{};
    relative.tv_sec = static_cast<time_t>(seconds.count());
    relative.tv_nsec = static_cast<long>((timeout - seconds).count());
    // EAGAIN (value changed), EINTR and ETIMEDOUT all mean "re-check": nothing to report.
    syscall(SYS_futex, address(word), FUTEX_WAIT, expected, &relative, nullptr, 0);
}

void wakeOne(const std::atomic<std::uint32_t> &word)
{
    syscall(SYS_futex, address(word), FUTEX_WAKE, 1, nullptr, nullptr, 0);
}

void wakeAll(const std::atomic<std::uint32_t> &word)
{
    syscall(SYS_futex, address(word), FUTEX_WAKE, INT_MAX, nullptr, nullptr, 0);
}

const char *mechanism()
{
    return "futex";
}

} // namespace ProcessLab::Shm::AddressWait
