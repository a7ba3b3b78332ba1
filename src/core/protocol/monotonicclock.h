// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <cstdint>

namespace ProcessLab {

// Nanoseconds on the machine-wide monotonic clock (CLOCK_MONOTONIC on Linux, QPC on
// Windows, mach_continuous/absolute time on macOS). Every process reads the same clock,
// so times taken in the host and in workers line up on one timeline. Plain C++: the
// worker, which links no Qt, reads it too.
inline std::int64_t monotonicNowNs()
{
    using namespace std::chrono;
    return duration_cast<nanoseconds>(steady_clock::now().time_since_epoch()).count();
}

} // namespace ProcessLab
