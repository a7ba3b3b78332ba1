// SPDX-License-Identifier: MIT
// ProcessSampler against real child processes: this test started again as a busy one
// (a loop that never pauses) and a sleeping one. Std-only, so it also runs the Windows file
// (processsampler_windows.cpp) in the MinGW build under Wine (scripts/check-portability.sh).
// Limits are generous: the machine may be busy, so a busy child may not get a whole core.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include "runtime/platform/processsampler.h"

#include <chrono>
#include <cstring>
#include <string>
#include <thread>

#ifdef _WIN32
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <windows.h>
#else
#include <csignal>
#include <ctime>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
extern char **environ;
#endif

using namespace ProcessLab;
using namespace std::chrono_literals;

namespace {

const char *selfPath = nullptr;

// This process's own CPU time: what the "compute" child stops at.
std::int64_t ownCpuNs()
{
#ifdef _WIN32
    FILETIME creation{}, exit{}, kernel{}, user{};
    GetProcessTimes(GetCurrentProcess(), &creation, &exit, &kernel, &user);
    const auto ns = [](const FILETIME &t) { return std::int64_t((std::uint64_t(t.dwHighDateTime) << 32) | t.dwLowDateTime) * 100; };
    return ns(kernel) + ns(user);
#else
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return std::int64_t(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
#endif
}

// What a child started with one of these arguments does.
int childMain(const std::string &role)
{
    volatile std::uint64_t x = 0;
    if (role == "--busy-child") {
        for (;;)
            x = x + 1;
    }
    if (role == "--sleeping-child") {
        std::this_thread::sleep_for(120s);
        return 0;
    }
    if (role == "--compute-child") { // 300 ms of its own CPU time, then exit
        while (ownCpuNs() < 300'000'000) {
            for (int i = 0; i < 100000; ++i)
                x = x + 1;
        }
        return 0;
    }
    if (role == "--short-compute-child") { // 100 ms of its own CPU time, then sleeps until killed
        while (ownCpuNs() < 100'000'000) {
            for (int i = 0; i < 100000; ++i)
                x = x + 1;
        }
        std::this_thread::sleep_for(120s);
        return 0;
    }
    return 2;
}

class Child
{
public:
    explicit Child(const char *role)
    {
#ifdef _WIN32
        std::string command = std::string("\"") + selfPath + "\" " + role;
        STARTUPINFOA startup{};
        startup.cb = sizeof startup;
        REQUIRE(CreateProcessA(nullptr, command.data(), nullptr, nullptr, FALSE, 0, nullptr, nullptr,
                               &startup, &m_info));
        CloseHandle(m_info.hThread);
        pid = std::int64_t(m_info.dwProcessId);
#else
        char *argv[] = {const_cast<char *>(selfPath), const_cast<char *>(role), nullptr};
        pid_t child = 0;
        REQUIRE(posix_spawn(&child, selfPath, nullptr, nullptr, argv, environ) == 0);
        pid = child;
#endif
    }
    ~Child()
    {
        if (!m_reaped)
            kill();
#ifdef _WIN32
        CloseHandle(m_info.hProcess);
#endif
    }
    void kill()
    {
#ifdef _WIN32
        TerminateProcess(m_info.hProcess, 1);
#else
        ::kill(pid_t(pid), SIGKILL);
#endif
        waitForExit();
    }
    // Waits until it ended and reaps it (POSIX): what QProcess does before it reports the end.
    int waitForExit()
    {
        m_reaped = true;
#ifdef _WIN32
        WaitForSingleObject(m_info.hProcess, INFINITE);
        DWORD code = 0;
        GetExitCodeProcess(m_info.hProcess, &code);
        return int(code);
#else
        int status = 0;
        ::waitpid(pid_t(pid), &status, 0);
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
#endif
    }

    std::int64_t pid = 0;

private:
    bool m_reaped = false;
#ifdef _WIN32
    PROCESS_INFORMATION m_info{};
#endif
};

// Wine answers GetProcessTimes for another process with the calling process's own times
// (seen here: a busy, a sleeping child and this test all "used" the same), so CPU figures of
// other processes cannot be checked under Wine: those test cases are reported as skipped
// there (doctest::skip); everything else is checked. Windows checks them.
bool cpuOfOthersIsMeasurable()
{
#ifdef _WIN32
    const HMODULE ntdll = GetModuleHandleA("ntdll.dll");
    if (ntdll && GetProcAddress(ntdll, "wine_get_version"))
        return false;
#endif
    return true;
}

const bool skipCpuUnderWine = !cpuOfOthersIsMeasurable();

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

TEST_CASE("children have resident memory; a reaped one can no longer be read")
{
    ProcessSampler sampler;
    Child busy("--busy-child");
    Child sleeping("--sleeping-child");
    sampler.watch(busy.pid);
    sampler.watch(sleeping.pid);
    std::optional<ProcessUsage> busyUsage, sleepingUsage;
    const auto start = std::chrono::steady_clock::now();
    do { // resident memory is there once the program is loaded
        std::this_thread::sleep_for(20ms);
        busyUsage = sampler.read(busy.pid);
        sleepingUsage = sampler.read(sleeping.pid);
        REQUIRE(busyUsage.has_value());
        REQUIRE(sleepingUsage.has_value());
    } while ((busyUsage->residentBytes <= 0 || sleepingUsage->residentBytes <= 0) && secondsSince(start) < 60);
    CHECK(busyUsage->residentBytes > 0);
    CHECK(sleepingUsage->residentBytes > 0);
    busy.kill();
    CHECK_FALSE(sampler.read(busy.pid).has_value());
    CHECK(sampler.read(sleeping.pid).has_value());
}

TEST_CASE("a busy child uses a core, a sleeping one does not" * doctest::skip(skipCpuUnderWine))
{
    REQUIRE(ProcessSampler::isAvailable());
    ProcessSampler sampler;
    Child busy("--busy-child");
    Child sleeping("--sleeping-child");
    sampler.watch(busy.pid);
    sampler.watch(sleeping.pid);

    std::this_thread::sleep_for(100ms); // past their start-up
    // The machine may be busy (other builds and tests): a busy process then gets far less
    // than a core. So this test computes too, in a loop like the child's, and the child
    // must get about as much CPU as this test did: the scheduler shares cores evenly.
    const auto start = std::chrono::steady_clock::now();
    const std::int64_t ownBefore = ownCpuNs();
    const std::optional<ProcessUsage> busyBefore = sampler.read(busy.pid);
    const std::optional<ProcessUsage> sleepingBefore = sampler.read(sleeping.pid);
    REQUIRE(busyBefore.has_value());
    REQUIRE(sleepingBefore.has_value());
    // At least 0.5 s, and until the busy child had 0.3 s of CPU.
    std::optional<ProcessUsage> busyAfter;
    double elapsed = 0;
    volatile std::uint64_t x = 0;
    do {
        const auto spinUntil = std::chrono::steady_clock::now() + 50ms;
        while (std::chrono::steady_clock::now() < spinUntil)
            x = x + 1;
        busyAfter = sampler.read(busy.pid);
        REQUIRE(busyAfter.has_value());
        elapsed = secondsSince(start);
    } while ((elapsed < 0.5 || busyAfter->cpuNs - busyBefore->cpuNs < 300'000'000) && elapsed < 60);
    const double ownShare = double(ownCpuNs() - ownBefore) / 1e9 / elapsed;
    const std::optional<ProcessUsage> sleepingAfter = sampler.read(sleeping.pid);
    REQUIRE(sleepingAfter.has_value());

    const double busyShare = double(busyAfter->cpuNs - busyBefore->cpuNs) / 1e9 / elapsed;
    const double sleepingShare = double(sleepingAfter->cpuNs - sleepingBefore->cpuNs) / 1e9 / elapsed;
    MESSAGE("over " << elapsed << " s: busy child " << busyShare * 100 << " % of a core, this test "
                    << ownShare * 100 << " %, sleeping child " << sleepingShare * 100 << " %, resident "
                    << busyAfter->residentBytes << " / " << sleepingAfter->residentBytes << " bytes");
    CHECK(busyAfter->cpuNs - busyBefore->cpuNs >= 300'000'000);
    CHECK(busyShare >= 0.5 * ownShare); // about equal; a whole core each on an idle machine
    CHECK(busyShare <= 1.05 + 0.1 / elapsed); // one thread: one core at most (plus a clock tick)
    CHECK(sleepingShare < 0.2);
    CHECK(sleepingShare < 0.2 * busyShare);
}

TEST_CASE("a killed busy child's end agrees with its last reading" * doctest::skip(skipCpuUnderWine))
{
    ProcessSampler sampler;
    Child busy("--busy-child");
    sampler.watch(busy.pid);
    std::optional<ProcessUsage> last;
    const auto start = std::chrono::steady_clock::now();
    do {
        std::this_thread::sleep_for(50ms);
        last = sampler.read(busy.pid);
        REQUIRE(last.has_value());
    } while (last->cpuNs < 200'000'000 && secondsSince(start) < 60);
    const auto lastRead = std::chrono::steady_clock::now();
    busy.kill();
    const double sinceLastRead = secondsSince(lastRead);
    const std::optional<std::int64_t> total = sampler.endedCpuNs(busy.pid);
    REQUIRE(total.has_value());
    MESSAGE("last reading " << double(last->cpuNs) / 1e6 << " ms, total " << double(*total) / 1e6 << " ms");
    // The kernel's own account of the reaped child (Windows: the kept handle) and the
    // readings agree: the total is the last reading plus at most what it ran since.
    CHECK(*total >= last->cpuNs - 20'000'000); // readings count whole clock ticks (10 ms)
    CHECK(double(*total - last->cpuNs) / 1e9 <= sinceLastRead + 0.03);
}

TEST_CASE("an ended child's total CPU time is exact, and it can no longer be read" * doctest::skip(skipCpuUnderWine))
{
    ProcessSampler sampler; // before the child: its reaped-children baseline excludes earlier ones
    Child compute("--compute-child");
    sampler.watch(compute.pid);
    REQUIRE(compute.waitForExit() == 0);
    CHECK_FALSE(sampler.read(compute.pid).has_value());
    const std::optional<std::int64_t> total = sampler.endedCpuNs(compute.pid);
    REQUIRE(total.has_value());
    MESSAGE("the compute child's total: " << double(*total) / 1e6 << " ms");
    CHECK(*total >= 300'000'000);
    CHECK(*total < 5'000'000'000);
    // Read once: the next child's total does not include this one's (a killed sleeping child
    // used a few milliseconds at most).
    Child quick("--sleeping-child");
    sampler.watch(quick.pid);
    quick.kill();
    const std::optional<std::int64_t> quickTotal = sampler.endedCpuNs(quick.pid);
    REQUIRE(quickTotal.has_value());
    MESSAGE("the sleeping child's total: " << double(*quickTotal) / 1e6 << " ms");
    CHECK(*quickTotal >= 0);
    CHECK(*quickTotal < 100'000'000);
}

#ifdef __linux__
// getrusage(RUSAGE_CHILDREN) grows by every child reaped since the previous call: two workers
// reaped before either's end is read must not get each other's time.
TEST_CASE("two children reaped together get no end total from the reaped-children time")
{
    ProcessSampler sampler;
    Child longer("--compute-child");        // 300 ms of CPU, then exits
    Child shorter("--short-compute-child"); // 100 ms, then waits to be killed
    sampler.watch(longer.pid);
    sampler.watch(shorter.pid);
    REQUIRE(longer.waitForExit() == 0);
    std::optional<ProcessUsage> shorterUsage;
    const auto start = std::chrono::steady_clock::now();
    do { // until it (about) finished computing: readings count whole clock ticks, and may round down
        std::this_thread::sleep_for(20ms);
        shorterUsage = sampler.read(shorter.pid);
        REQUIRE(shorterUsage.has_value());
    } while (shorterUsage->cpuNs < 70'000'000 && secondsSince(start) < 60);
    shorter.kill(); // both reaped now; neither end was read yet
    const std::optional<std::int64_t> longerTotal = sampler.endedCpuNs(longer.pid);
    const std::optional<std::int64_t> shorterTotal = sampler.endedCpuNs(shorter.pid);
    CHECK_FALSE(longerTotal.has_value()); // would be ~400 ms: both children's time
    CHECK_FALSE(shorterTotal.has_value());
    // The next child alone gets its own time again.
    Child alone("--compute-child");
    sampler.watch(alone.pid);
    REQUIRE(alone.waitForExit() == 0);
    const std::optional<std::int64_t> aloneTotal = sampler.endedCpuNs(alone.pid);
    REQUIRE(aloneTotal.has_value());
    CHECK(*aloneTotal >= 300'000'000);
    CHECK(*aloneTotal < 1'000'000'000);
}
#endif

TEST_CASE("pids that are not processes read as unknown")
{
    ProcessSampler sampler;
    CHECK_FALSE(sampler.read(0).has_value());
    CHECK_FALSE(sampler.read(-5).has_value());
    sampler.watch(0);
    CHECK_FALSE(sampler.read(0).has_value());
}

int main(int argc, char **argv)
{
    selfPath = argv[0];
    if (argc == 2 && std::strncmp(argv[1], "--", 2) == 0 && std::strstr(argv[1], "-child"))
        return childMain(argv[1]);
    doctest::Context context(argc, argv);
    return context.run();
}
