// SPDX-License-Identifier: MIT
#pragma once

// CPU time and resident memory of other processes (the run's workers), read by the host
// about 10 times a second. One interface, one implementation per platform (CMake picks the
// file): processsampler_linux.cpp (/proc/<pid>/stat), processsampler_windows.cpp
// (GetProcessTimes, K32GetProcessMemoryInfo), processsampler_macos.cpp (proc_pid_rusage),
// processsampler_other.cpp (not available: views show "—", never 0).
// Std-only, so the MinGW cross build compiles and tests the Windows file under Wine.

#include <cstdint>
#include <memory>
#include <optional>

namespace ProcessLab {

struct ProcessUsage
{
    std::int64_t cpuNs = 0;          // user + system time of all its threads since it started
    std::int64_t residentBytes = -1; // resident memory; -1 when the platform could not say
};

class ProcessSampler
{
public:
    ProcessSampler();
    ~ProcessSampler();
    ProcessSampler(const ProcessSampler &) = delete;
    ProcessSampler &operator=(const ProcessSampler &) = delete;

    // False where this platform has no implementation: every read gives nullopt.
    static bool isAvailable();

    // Starts following a child of this process (call as soon as its pid is known): keeps what
    // makes later reads cheap (an open /proc file) and the end exact (a process handle).
    void watch(std::int64_t pid);
    // Its usage now; nullopt when it is gone, may not be read, or the platform cannot say.
    std::optional<ProcessUsage> read(std::int64_t pid);
    // Its total CPU time after it ended, called right after this process reaped it (the
    // exit was reported), before another child is reaped: Windows reads the handle kept since
    // watch(); Linux and macOS the growth of this process's reaped-children time since the
    // previous call (getrusage(RUSAGE_CHILDREN)). nullopt when the platform cannot tell, and on
    // Linux when another watched process was reaped in the same stretch (the growth is theirs
    // together: two workers ending at once).
    // Forgets the pid.
    std::optional<std::int64_t> endedCpuNs(std::int64_t pid);
    // Stops following it without a final reading.
    void forget(std::int64_t pid);

private:
    struct Platform;
    std::unique_ptr<Platform> m_platform;
};

} // namespace ProcessLab
