// SPDX-License-Identifier: MIT
// Windows: GetProcessTimes (user + kernel time of all threads, 100 ns units) and
// K32GetProcessMemoryInfo (working set: the resident memory) on a handle opened once per
// process. The handle keeps the process object alive after it exits, so the last reading
// (endedCpuNs) is exact, and a reused pid number cannot be confused with it.
#include "processsampler.h"

#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#ifndef NOMINMAX
#define NOMINMAX
#endif
#ifndef PSAPI_VERSION
#define PSAPI_VERSION 2 // K32GetProcessMemoryInfo from kernel32: no psapi.dll needed
#endif
#include <windows.h>
#include <psapi.h>

#include <unordered_map>

namespace ProcessLab {

namespace {

std::int64_t toNs(const FILETIME &time)
{
    const std::uint64_t units = (std::uint64_t(time.dwHighDateTime) << 32) | time.dwLowDateTime;
    return std::int64_t(units) * 100;
}

std::optional<std::int64_t> cpuNsOf(HANDLE process)
{
    FILETIME creation{}, exit{}, kernel{}, user{};
    if (!GetProcessTimes(process, &creation, &exit, &kernel, &user))
        return std::nullopt;
    return toNs(kernel) + toNs(user);
}

} // namespace

struct ProcessSampler::Platform
{
    std::unordered_map<std::int64_t, HANDLE> handles;

    ~Platform()
    {
        for (const auto &[pid, handle] : handles)
            CloseHandle(handle);
    }
    HANDLE handleOf(std::int64_t pid)
    {
        if (const auto it = handles.find(pid); it != handles.end())
            return it->second;
        HANDLE handle = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION | PROCESS_VM_READ, FALSE, DWORD(pid));
        if (!handle) // older systems want PROCESS_VM_READ only for the memory; times still work
            handle = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, DWORD(pid));
        if (handle)
            handles.emplace(pid, handle);
        return handle;
    }
    void close(std::int64_t pid)
    {
        if (const auto it = handles.find(pid); it != handles.end()) {
            CloseHandle(it->second);
            handles.erase(it);
        }
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

void ProcessSampler::watch(std::int64_t pid)
{
    if (pid > 0)
        m_platform->handleOf(pid);
}

std::optional<ProcessUsage> ProcessSampler::read(std::int64_t pid)
{
    if (pid <= 0)
        return std::nullopt;
    HANDLE process = m_platform->handleOf(pid);
    if (!process)
        return std::nullopt;
    DWORD exitCode = 0;
    if (!GetExitCodeProcess(process, &exitCode) || exitCode != STILL_ACTIVE)
        return std::nullopt; // gone: its total is endedCpuNs()'s
    const std::optional<std::int64_t> cpuNs = cpuNsOf(process);
    if (!cpuNs)
        return std::nullopt;
    ProcessUsage usage{.cpuNs = *cpuNs, .residentBytes = -1};
    PROCESS_MEMORY_COUNTERS counters{};
    counters.cb = sizeof counters;
    if (K32GetProcessMemoryInfo(process, &counters, sizeof counters))
        usage.residentBytes = std::int64_t(counters.WorkingSetSize);
    return usage;
}

std::optional<std::int64_t> ProcessSampler::endedCpuNs(std::int64_t pid)
{
    const auto it = m_platform->handles.find(pid);
    if (it == m_platform->handles.end())
        return std::nullopt; // never watched: nothing holds the ended process
    const std::optional<std::int64_t> cpuNs = cpuNsOf(it->second);
    m_platform->close(pid);
    return cpuNs;
}

void ProcessSampler::forget(std::int64_t pid)
{
    m_platform->close(pid);
}

} // namespace ProcessLab
