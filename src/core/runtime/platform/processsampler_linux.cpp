// SPDX-License-Identifier: MIT
// Linux: /proc/<pid>/stat has the process's user and system time (all threads, in clock
// ticks) and its resident set (in pages) in one file. The file is opened once per process
// and read again with pread() at offset 0: one system call per process and sample, so 64
// processes at 10 Hz cost well under a millisecond per tick. The open file belongs to that
// process (not to a pid number a new process may reuse): once it is reaped, reads fail.
#include "processsampler.h"
#include "reapedchildrentime.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <unistd.h>
#include <unordered_map>
#include <unordered_set>

namespace ProcessLab {

namespace {

// Fields 14 (utime), 15 (stime) and 24 (rss) of /proc/<pid>/stat, counted after the
// command name, which is in parentheses and may itself contain spaces and parentheses.
bool parseStat(const char *text, std::size_t size, std::uint64_t *ticks, std::int64_t *rssPages)
{
    const char *end = text + size;
    const char *p = end;
    while (p > text && p[-1] != ')')
        --p;
    if (p == text)
        return false;
    // After ')': field 3 (state) is the first; utime is field 14, stime 15, rss 24.
    std::uint64_t utime = 0, stime = 0;
    std::int64_t rss = 0;
    int field = 2;
    while (p < end) {
        while (p < end && *p == ' ')
            ++p;
        if (p >= end)
            break;
        ++field;
        const char *tokenEnd = p;
        while (tokenEnd < end && *tokenEnd != ' ' && *tokenEnd != '\n')
            ++tokenEnd;
        if (field == 14 || field == 15 || field == 24) {
            char *parsedEnd = nullptr;
            errno = 0;
            const long long value = std::strtoll(p, &parsedEnd, 10);
            if (errno != 0 || parsedEnd != tokenEnd)
                return false;
            if (field == 14)
                utime = std::uint64_t(value);
            else if (field == 15)
                stime = std::uint64_t(value);
            else {
                rss = value;
                *ticks = utime + stime;
                *rssPages = rss;
                return true;
            }
        }
        p = tokenEnd;
        if (p < end && *p == '\n')
            break;
    }
    return false;
}

} // namespace

struct ProcessSampler::Platform
{
    std::unordered_map<std::int64_t, int> files; // pid -> open /proc/<pid>/stat
    std::int64_t nsPerTick = 1'000'000'000 / std::max(1L, ::sysconf(_SC_CLK_TCK));
    std::int64_t pageSize = std::max(1L, ::sysconf(_SC_PAGESIZE));
    std::int64_t childrenNs = reapedChildrenCpuNs(); // reaped children's time at the previous ended read
    // Watched processes reaped together with another one: the growth of the children's time
    // was theirs together, so none of them gets an end total of its own.
    std::unordered_set<std::int64_t> ambiguous;

    ~Platform()
    {
        for (const auto &[pid, fd] : files)
            ::close(fd);
    }
    int fileOf(std::int64_t pid)
    {
        if (const auto it = files.find(pid); it != files.end())
            return it->second;
        const std::string path = "/proc/" + std::to_string(pid) + "/stat";
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd != -1)
            files.emplace(pid, fd);
        return fd;
    }
    void close(std::int64_t pid)
    {
        if (const auto it = files.find(pid); it != files.end()) {
            ::close(it->second);
            files.erase(it);
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
        m_platform->fileOf(pid);
}

std::optional<ProcessUsage> ProcessSampler::read(std::int64_t pid)
{
    if (pid <= 0)
        return std::nullopt;
    const int fd = m_platform->fileOf(pid);
    if (fd == -1)
        return std::nullopt;
    char buffer[1024]; // the whole line is ~300 bytes; the command name is at most 64
    const ssize_t size = ::pread(fd, buffer, sizeof buffer, 0);
    std::uint64_t ticks = 0;
    std::int64_t rssPages = 0;
    if (size <= 0 || !parseStat(buffer, std::size_t(size), &ticks, &rssPages))
        return std::nullopt; // reaped (ESRCH), or not a stat line
    return ProcessUsage{.cpuNs = std::int64_t(ticks) * m_platform->nsPerTick,
                        .residentBytes = rssPages * m_platform->pageSize};
}

std::optional<std::int64_t> ProcessSampler::endedCpuNs(std::int64_t pid)
{
    Platform &platform = *m_platform;
    platform.close(pid);
    const bool wasAmbiguous = platform.ambiguous.erase(pid) > 0;
    // getrusage(RUSAGE_CHILDREN) grows by every child reaped since the previous call: when another
    // watched process was reaped too (its open stat file no longer reads), the growth is theirs
    // together. Then neither gets it; the caller keeps their last /proc readings.
    bool othersReaped = false;
    for (const auto &[otherPid, fd] : platform.files) {
        char byte = 0;
        if (::pread(fd, &byte, 1, 0) <= 0) {
            platform.ambiguous.insert(otherPid);
            othersReaped = true;
        }
    }
    const std::int64_t now = reapedChildrenCpuNs();
    if (now < 0 || platform.childrenNs < 0)
        return std::nullopt;
    const std::int64_t ended = now - platform.childrenNs;
    platform.childrenNs = now;
    if (wasAmbiguous || othersReaped)
        return std::nullopt;
    return ended;
}

void ProcessSampler::forget(std::int64_t pid)
{
    m_platform->close(pid);
    m_platform->ambiguous.erase(pid);
}

} // namespace ProcessLab
