// SPDX-License-Identifier: MIT
// macOS: proc_pid_rusage(RUSAGE_INFO_V2) gives a process's user and system time (all
// threads) and its resident size in one call. The times are in Mach absolute time units
// (nanoseconds on Intel, 1/24 µs ticks on Apple silicon): mach_timebase_info converts them.
// The process's end is read as on Linux, from this process's reaped-children time
// (getrusage(RUSAGE_CHILDREN)). Not compiled on Debian: written from Apple's headers
// (libproc.h, sys/resource.h) and first built by release.yml.
#include "processsampler.h"
#include "reapedchildrentime.h"

#include <libproc.h>
#include <mach/mach_time.h>

namespace ProcessLab {

struct ProcessSampler::Platform
{
    mach_timebase_info_data_t timebase{};
    std::int64_t childrenNs = reapedChildrenCpuNs(); // reaped children's time at the previous ended read

    Platform()
    {
        if (mach_timebase_info(&timebase) != KERN_SUCCESS || timebase.denom == 0)
            timebase = {1, 1};
    }
    std::int64_t toNs(std::uint64_t machTime) const
    {
        return std::int64_t(static_cast<long double>(machTime) * timebase.numer / timebase.denom);
    }
};

ProcessSampler::ProcessSampler()
    : m_platform(std::make_unique<Platform>())
{
}

ProcessSampler::~ProcessSampler() = default;

bool ProcessSampler::isAvailable()
{
    return true;
}

void ProcessSampler::watch(std::int64_t)
{
    // Nothing to keep: proc_pid_rusage takes the pid, and the end comes from getrusage.
}

std::optional<ProcessUsage> ProcessSampler::read(std::int64_t pid)
{
    if (pid <= 0)
        return std::nullopt;
    rusage_info_v2 info{};
    if (proc_pid_rusage(static_cast<int>(pid), RUSAGE_INFO_V2, reinterpret_cast<rusage_info_t *>(&info)) != 0)
        return std::nullopt; // gone (ESRCH), or not ours to read
    return ProcessUsage{.cpuNs = m_platform->toNs(info.ri_user_time) + m_platform->toNs(info.ri_system_time),
                        .residentBytes = std::int64_t(info.ri_resident_size)};
}

std::optional<std::int64_t> ProcessSampler::endedCpuNs(std::int64_t)
{
    const std::int64_t now = reapedChildrenCpuNs();
    if (now < 0 || m_platform->childrenNs < 0)
        return std::nullopt;
    const std::int64_t ended = now - m_platform->childrenNs;
    m_platform->childrenNs = now;
    return ended;
}

void ProcessSampler::forget(std::int64_t)
{
}

} // namespace ProcessLab
