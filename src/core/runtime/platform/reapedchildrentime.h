// SPDX-License-Identifier: MIT
#pragma once

// POSIX (Linux, macOS): the CPU time (user + system) of every child this process has reaped so
// far, in nanoseconds, or -1 if the system would not say. A worker's exact total at its end is
// the growth of this figure across its reaping.
#include <cstdint>
#include <sys/resource.h>

namespace ProcessLab {

inline std::int64_t reapedChildrenCpuNs()
{
    rusage usage{};
    if (::getrusage(RUSAGE_CHILDREN, &usage) != 0)
        return -1;
    const auto ns = [](const timeval &tv) { return std::int64_t(tv.tv_sec) * 1'000'000'000 + std::int64_t(tv.tv_usec) * 1000; };
    return ns(usage.ru_utime) + ns(usage.ru_stime);
}

} // namespace ProcessLab
