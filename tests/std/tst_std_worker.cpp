// SPDX-License-Identifier: MIT
// The real processlab-worker, started by a std-only stand-in for the host: it connects,
// proves its token, runs the behaviour it is told to run and prints what the example
// prints; it exits as asked, or when the host goes away. On Windows (under Wine in
// scripts/check-portability.sh) this is the only end-to-end check of the worker there is:
// the Qt host does not build for MinGW.
#include "protocol/protocol.h"
#include "testserver.h"

#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <thread>

#ifdef _WIN32
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <windows.h>
#else
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
extern char **environ;
#endif

using ProcessLab::StdTests::readFrame;
using ProcessLab::StdTests::TestServer;
namespace Protocol = ProcessLab::Protocol;

namespace {

const std::string tokenHex = "00112233445566778899aabbccddeeff";

std::string tokenBytes()
{
    std::string bytes;
    for (std::size_t i = 0; i < tokenHex.size(); i += 2)
        bytes.push_back(static_cast<char>(std::stoi(tokenHex.substr(i, 2), nullptr, 16)));
    return bytes;
}

#ifdef _WIN32

// The worker next to this test's directory: <build>/tests/x.exe -> <build>/bin/.
std::wstring workerPath()
{
    wchar_t buffer[MAX_PATH];
    const DWORD length = GetModuleFileNameW(nullptr, buffer, MAX_PATH);
    REQUIRE((length > 0 && length < MAX_PATH));
    std::wstring path(buffer, length);
    path.resize(path.find_last_of(L"\\/") + 1);
    return path + L"..\\bin\\processlab-worker.exe";
}

// A worker with the host's environment and its stdout on a pipe.
class WorkerProcess
{
public:
    WorkerProcess(const std::string &server, int workerId)
    {
        SetEnvironmentVariableA(Protocol::serverEnvVar, server.c_str());
        SetEnvironmentVariableA(Protocol::tokenEnvVar, tokenHex.c_str());
        SetEnvironmentVariableA(Protocol::workerIdEnvVar, std::to_string(workerId).c_str());
        SECURITY_ATTRIBUTES inheritable{sizeof(SECURITY_ATTRIBUTES), nullptr, TRUE};
        HANDLE writeEnd = nullptr;
        REQUIRE(CreatePipe(&m_stdout, &writeEnd, &inheritable, 0));
        SetHandleInformation(m_stdout, HANDLE_FLAG_INHERIT, 0);
        STARTUPINFOW startup{};
        startup.cb = sizeof(startup);
        startup.dwFlags = STARTF_USESTDHANDLES;
        startup.hStdOutput = writeEnd;
        startup.hStdError = GetStdHandle(STD_ERROR_HANDLE);
        startup.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
        std::wstring commandLine = L"\"" + workerPath() + L"\"";
        PROCESS_INFORMATION info{};
        const BOOL started = CreateProcessW(nullptr, commandLine.data(), nullptr, nullptr, TRUE, 0, nullptr, nullptr,
                                            &startup, &info);
        CloseHandle(writeEnd);
        REQUIRE_MESSAGE(started, "CreateProcessW failed: ", GetLastError());
        CloseHandle(info.hThread);
        m_process = info.hProcess;
        m_pid = info.dwProcessId;
    }
    ~WorkerProcess()
    {
        if (m_process) {
            TerminateProcess(m_process, 1);
            CloseHandle(m_process);
        }
        CloseHandle(m_stdout);
    }
    WorkerProcess(const WorkerProcess &) = delete;
    WorkerProcess &operator=(const WorkerProcess &) = delete;

    std::int64_t pid() const { return m_pid; }
    std::string readAllStdout()
    {
        std::string text;
        char buffer[4096];
        DWORD got = 0;
        while (ReadFile(m_stdout, buffer, sizeof(buffer), &got, nullptr) && got > 0)
            text.append(buffer, got);
        return text;
    }
    int waitForExit()
    {
        REQUIRE(WaitForSingleObject(m_process, 120'000) == WAIT_OBJECT_0); // a sanity limit
        DWORD code = 0;
        GetExitCodeProcess(m_process, &code);
        CloseHandle(m_process);
        m_process = nullptr;
        return int(code);
    }

private:
    HANDLE m_process = nullptr;
    HANDLE m_stdout = nullptr;
    std::int64_t m_pid = 0;
};

#else // Unix

class WorkerProcess
{
public:
    WorkerProcess(const std::string &server, int workerId)
    {
        REQUIRE(::setenv(Protocol::serverEnvVar, server.c_str(), 1) == 0);
        REQUIRE(::setenv(Protocol::tokenEnvVar, tokenHex.c_str(), 1) == 0);
        REQUIRE(::setenv(Protocol::workerIdEnvVar, std::to_string(workerId).c_str(), 1) == 0);
        int fds[2];
        REQUIRE(::pipe(fds) == 0);
        ::fcntl(fds[0], F_SETFD, FD_CLOEXEC);
        m_stdout = fds[0];
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
        posix_spawn_file_actions_addclose(&actions, fds[1]);
        const char *argv[] = {PROCESSLAB_WORKER_PATH, nullptr};
        const int rc = ::posix_spawn(&m_pid, PROCESSLAB_WORKER_PATH, &actions, nullptr, const_cast<char **>(argv),
                                     environ);
        posix_spawn_file_actions_destroy(&actions);
        ::close(fds[1]);
        REQUIRE(rc == 0);
    }
    ~WorkerProcess()
    {
        if (m_pid > 0) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
        }
        ::close(m_stdout);
    }
    WorkerProcess(const WorkerProcess &) = delete;
    WorkerProcess &operator=(const WorkerProcess &) = delete;

    std::int64_t pid() const { return m_pid; }
    std::string readAllStdout()
    {
        std::string text;
        char buffer[4096];
        ssize_t got;
        while ((got = ::read(m_stdout, buffer, sizeof(buffer))) > 0)
            text.append(buffer, std::size_t(got));
        return text;
    }
    int waitForExit()
    {
        // A sanity limit: poll for the exit for up to two minutes, then fail.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(2);
        int status = 0;
        pid_t done = 0;
        while ((done = ::waitpid(m_pid, &status, WNOHANG)) == 0 && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        REQUIRE(done == m_pid);
        m_pid = -1;
        REQUIRE(WIFEXITED(status));
        return WEXITSTATUS(status);
    }

private:
    pid_t m_pid = -1;
    int m_stdout = -1;
};

#endif

// Starts a worker and checks its hello: the token it was given, its id, its real pid.
void expectHello(TestServer &server, WorkerProcess &worker, int workerId)
{
    server.accept();
    const auto hello = readFrame(server);
    REQUIRE(hello);
    std::string error;
    const auto parsed = Protocol::parseHello(*hello, &error);
    REQUIRE_MESSAGE(parsed, error);
    CHECK(Protocol::tokensEqual(parsed->token, tokenBytes()));
    CHECK(parsed->workerId == workerId);
    CHECK(parsed->pid == worker.pid());
}

} // namespace

TEST_CASE("a worker runs example 1's worker(num) and exits 0")
{
    TestServer server;
    WorkerProcess worker(server.fullName(), 3);
    expectHello(server, worker, 3);
    server.write(Protocol::encodeFrame(Protocol::makeStart({"process.worker", Protocol::Map{{"num", 3}, {"sleep", 0}}})));

    // The behaviour reports where it is, in order, while it prints.
    for (const char *label : {"started", "sleep", "finished"}) {
        const auto frame = readFrame(server);
        REQUIRE(frame);
        const auto trace = Protocol::parseTrace(*frame, nullptr);
        REQUIRE(trace);
        CHECK(trace->label == label);
    }
    // stdout is in text mode on Windows, as Python's is: print() ends lines with \r\n
    // there (the host's line splitter drops the \r).
#ifdef _WIN32
    CHECK(worker.readAllStdout() == "Worker 3 started\r\nWorker 3 finished\r\n");
#else
    CHECK(worker.readAllStdout() == "Worker 3 started\nWorker 3 finished\n");
#endif
    CHECK(worker.waitForExit() == 0);
}

// Stop is the host's SIGTERM now (as Python's terminate()); an old Stop frame changes nothing.
TEST_CASE("a worker whose host goes away exits with ExitHostGone, Stop frame or not")
{
    TestServer server;
    WorkerProcess worker(server.fullName(), 1);
    expectHello(server, worker, 1);
    server.write(Protocol::encodeFrame(Protocol::makeStart({"process.worker", Protocol::Map{{"sleep", 60}}})));
    SUBCASE("without a Stop frame") {}
    SUBCASE("after a Stop frame")
    {
        server.write(Protocol::encodeFrame(Protocol::makeStop()));
    }
    server.closeClientSide();
    CHECK(worker.waitForExit() == Protocol::ExitHostGone);
}

TEST_CASE("a worker that cannot reach its host says so and exits with ExitConnectFailed")
{
    TestServer server;
    WorkerProcess worker(server.missingName(), 1);
    CHECK(worker.waitForExit() == Protocol::ExitConnectFailed);
}
