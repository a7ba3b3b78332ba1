// SPDX-License-Identifier: MIT
#include "cputime.h"

#ifdef _WIN32
#include <windows.h>
#else
#include <ctime>
#endif

namespace ProcessLab::Worker {

double processCpuSeconds()
{
#ifdef _WIN32
    FILETIME creation{}, exit{}, kernel{}, user{};
    if (!GetProcessTimes(GetCurrentProcess(), &creation, &exit, &kernel, &user))
        return 0;
    const auto ticks = [](const FILETIME &time) { // 100 ns units
        return (static_cast<unsigned long long>(time.dwHighDateTime) << 32) | time.dwLowDateTime;
    };
    return static_cast<double>(ticks(kernel) + ticks(user)) * 1e-7;
#else
    timespec now{};
    if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now) != 0)
        return 0;
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
#endif
}

} // namespace ProcessLab::Worker
