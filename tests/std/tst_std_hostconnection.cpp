// SPDX-License-Identifier: MIT
// The worker's end of the control connection against a server made the way QLocalServer
// makes it: an AF_UNIX socket on Unix, a byte-mode overlapped named pipe on Windows (this
// test runs under Wine in scripts/check-portability.sh). The same cases run on both; the
// Unix-only ones check what only Unix has (SIGPIPE, descriptors inherited across exec).
#include "hostconnection.h"
#include "protocol/protocol.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#ifdef _WIN32
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <windows.h>
#else
#include <cerrno>
#include <csignal>
#include <cstring>
#include <poll.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>
extern char **environ;
#endif

using ProcessLab::Worker::HostConnection;
namespace Protocol = ProcessLab::Protocol;

namespace {

std::string uniqueName()
{
    static std::atomic_int counter = 0;
#ifdef _WIN32
    const auto pid = GetCurrentProcessId();
#else
    const auto pid = getpid();
#endif
    return "processlab-test-" + std::to_string(pid) + "-" + std::to_string(counter++);
}

#ifdef _WIN32

// One instance of a pipe as QLocalServer creates it (byte mode, overlapped, duplex).
class TestServer
{
public:
    explicit TestServer(DWORD maxInstances = PIPE_UNLIMITED_INSTANCES)
        : m_name(uniqueName())
        , m_maxInstances(maxInstances)
    {
        addInstance();
    }
    ~TestServer()
    {
        for (HANDLE pipe : m_instances)
            CloseHandle(pipe); // cancels a pending connect before m_pendingConnect goes
        if (m_pendingConnect)
            CloseHandle(m_pendingConnect->hEvent);
    }
    TestServer(const TestServer &) = delete;
    TestServer &operator=(const TestServer &) = delete;

    std::string shortName() const { return m_name; }
    std::string fullName() const { return "\\\\.\\pipe\\" + m_name; }
    std::string missingName() const { return fullName() + "-missing"; }

    void addInstance()
    {
        const std::string name = fullName();
        const std::wstring path(name.begin(), name.end()); // ASCII
        const HANDLE pipe = CreateNamedPipeW(path.c_str(), PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED,
                                             PIPE_TYPE_BYTE | PIPE_READMODE_BYTE | PIPE_WAIT, m_maxInstances,
                                             64 * 1024, 64 * 1024, 0, nullptr);
        REQUIRE(pipe != INVALID_HANDLE_VALUE);
        m_instances.push_back(pipe);
    }
    // The server side of the latest connection; the client connected already.
    void accept()
    {
        OVERLAPPED overlapped{};
        overlapped.hEvent = CreateEventW(nullptr, TRUE, FALSE, nullptr);
        const BOOL started = ConnectNamedPipe(m_instances.back(), &overlapped);
        DWORD ignored = 0;
        const DWORD error = started ? ERROR_SUCCESS : GetLastError();
        if (error == ERROR_IO_PENDING)
            REQUIRE(GetOverlappedResult(m_instances.back(), &overlapped, &ignored, TRUE));
        else
            REQUIRE((error == ERROR_SUCCESS || error == ERROR_PIPE_CONNECTED));
        CloseHandle(overlapped.hEvent);
    }
    // Frees the instance for the next client, as QLocalServer does after an accept.
    void disconnectAndListen()
    {
        REQUIRE(DisconnectNamedPipe(m_instances.back()));
        // Pending until a client comes; the OVERLAPPED must outlive the operation.
        m_pendingConnect = std::make_unique<OVERLAPPED>();
        m_pendingConnect->hEvent = CreateEventW(nullptr, TRUE, FALSE, nullptr);
        ConnectNamedPipe(m_instances.back(), m_pendingConnect.get());
    }
    std::string read(std::size_t count)
    {
        std::string bytes(count, '\0');
        std::size_t done = 0;
        while (done < count) {
            OVERLAPPED overlapped{};
            overlapped.hEvent = CreateEventW(nullptr, TRUE, FALSE, nullptr);
            DWORD got = 0;
            const BOOL started = ReadFile(m_instances.back(), bytes.data() + done, DWORD(count - done), nullptr,
                                          &overlapped);
            const bool ok = (started || GetLastError() == ERROR_IO_PENDING)
                && GetOverlappedResult(m_instances.back(), &overlapped, &got, TRUE);
            CloseHandle(overlapped.hEvent);
            if (!ok || got == 0)
                break;
            done += got;
        }
        bytes.resize(done);
        return bytes;
    }
    void write(const std::string &bytes)
    {
        OVERLAPPED overlapped{};
        overlapped.hEvent = CreateEventW(nullptr, TRUE, FALSE, nullptr);
        DWORD written = 0;
        const BOOL started = WriteFile(m_instances.back(), bytes.data(), DWORD(bytes.size()), nullptr, &overlapped);
        REQUIRE((started || GetLastError() == ERROR_IO_PENDING));
        REQUIRE(GetOverlappedResult(m_instances.back(), &overlapped, &written, TRUE));
        CloseHandle(overlapped.hEvent);
        REQUIRE(written == bytes.size());
    }
    void closeClientSide()
    {
        FlushFileBuffers(m_instances.back());
        DisconnectNamedPipe(m_instances.back());
    }

private:
    std::string m_name;
    DWORD m_maxInstances;
    std::vector<HANDLE> m_instances;
    std::unique_ptr<OVERLAPPED> m_pendingConnect;
};

#else // Unix

class TestServer
{
public:
    TestServer()
    {
        const char *tmp = std::getenv("TMPDIR");
        m_directory = std::string(tmp && *tmp ? tmp : "/tmp") + "/" + uniqueName();
        REQUIRE(::mkdir(m_directory.c_str(), 0700) == 0);
        m_path = m_directory + "/s";
        m_listener = ::socket(AF_UNIX, SOCK_STREAM, 0);
        REQUIRE(m_listener >= 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        std::memcpy(address.sun_path, m_path.c_str(), m_path.size() + 1);
        REQUIRE(::bind(m_listener, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0);
        REQUIRE(::listen(m_listener, 8) == 0);
    }
    ~TestServer()
    {
        if (m_peer >= 0)
            ::close(m_peer);
        ::close(m_listener);
        ::unlink(m_path.c_str());
        ::rmdir(m_directory.c_str());
    }
    TestServer(const TestServer &) = delete;
    TestServer &operator=(const TestServer &) = delete;

    std::string directory() const { return m_directory; }
    std::string fullName() const { return m_path; }
    std::string missingName() const { return m_directory + "/missing"; }

    void accept()
    {
        m_peer = ::accept(m_listener, nullptr, nullptr);
        REQUIRE(m_peer >= 0);
    }
    std::string read(std::size_t count)
    {
        std::string bytes(count, '\0');
        std::size_t done = 0;
        while (done < count) {
            const ssize_t got = ::recv(m_peer, bytes.data() + done, count - done, 0);
            if (got <= 0)
                break;
            done += std::size_t(got);
        }
        bytes.resize(done);
        return bytes;
    }
    void write(const std::string &bytes) { REQUIRE(::send(m_peer, bytes.data(), bytes.size(), 0) == ssize_t(bytes.size())); }
    void closeClientSide()
    {
        ::close(m_peer);
        m_peer = -1;
    }
    // True once the client's end is closed everywhere (recv sees end of stream).
    bool peerClosedWithin(std::chrono::seconds limit)
    {
        pollfd pending{m_peer, POLLIN, 0};
        if (::poll(&pending, 1, int(std::chrono::milliseconds(limit).count())) <= 0)
            return false;
        char byte;
        return ::recv(m_peer, &byte, 1, MSG_DONTWAIT) == 0;
    }

private:
    std::string m_directory;
    std::string m_path;
    int m_listener = -1;
    int m_peer = -1;
};

#endif

std::string frameOf(char fill, std::size_t payloadSize)
{
    return Protocol::encodeFrame(Protocol::makeTrace({std::string(payloadSize, fill), 0}));
}

} // namespace

TEST_CASE("connects by the full server name, sends and receives, sees the host close")
{
    TestServer server;
    HostConnection connection;
    std::string error;
    REQUIRE_MESSAGE(connection.connectTo(server.fullName(), &error), error);
    server.accept();

    CHECK(connection.send("hello"));
    CHECK(server.read(5) == "hello");

    server.write("from host");
    std::string received;
    while (received.size() < 9 && connection.receive(&received)) {
    }
    CHECK(received == "from host");

    server.closeClientSide();
    std::string more;
    CHECK_FALSE(connection.receive(&more));
    CHECK(more.empty());
}

TEST_CASE("a short server name resolves as QLocalSocket resolves it")
{
    TestServer server;
#ifdef _WIN32
    const std::string name = server.shortName(); // below \\.\pipe\ .
#else
    // A name that is not a path is a file in the temporary directory.
    const char *oldTmpdir = std::getenv("TMPDIR");
    const std::string saved = oldTmpdir ? oldTmpdir : "";
    REQUIRE(::setenv("TMPDIR", (server.directory() + "/").c_str(), 1) == 0);
    const std::string name = "s";
#endif
    HostConnection connection;
    std::string error;
    const bool connected = connection.connectTo(name, &error);
#ifndef _WIN32
    if (oldTmpdir)
        ::setenv("TMPDIR", saved.c_str(), 1);
    else
        ::unsetenv("TMPDIR");
#endif
    REQUIRE_MESSAGE(connected, error);
    server.accept();
    CHECK(connection.send("x"));
    CHECK(server.read(1) == "x");
}

TEST_CASE("a missing server or a bad name fails with a message naming it")
{
    TestServer server;
    HostConnection connection;
    std::string error;
    CHECK_FALSE(connection.connectTo(server.missingName(), &error));
    CHECK_MESSAGE(error.find("missing") != std::string::npos, error);
    error.clear();
    CHECK_FALSE(connection.connectTo("", &error));
    CHECK_FALSE(error.empty());
#ifndef _WIN32
    error.clear();
    CHECK_FALSE(connection.connectTo("/" + std::string(200, 'x'), &error));
    CHECK_MESSAGE(error.find("too long") != std::string::npos, error);
#endif
}

TEST_CASE("frames sent from several threads arrive whole while another thread reads")
{
    TestServer server;
    HostConnection connection;
    std::string error;
    REQUIRE_MESSAGE(connection.connectTo(server.fullName(), &error), error);
    server.accept();

    // A reader blocked in receive() must not hold up the writers (overlapped I/O on Windows).
    std::thread reader([&connection] {
        std::string bytes;
        while (connection.receive(&bytes)) {
        }
    });
    constexpr int threads = 4;
    constexpr int framesPerThread = 20;
    constexpr std::size_t payload = 100 * 1024; // larger than a pipe or socket buffer
    std::atomic_int failedSends = 0;
    std::vector<std::thread> writers;
    for (int t = 0; t < threads; ++t) {
        writers.emplace_back([&, fill = char('a' + t)] {
            for (int i = 0; i < framesPerThread; ++i) {
                if (!connection.send(frameOf(fill, payload)))
                    ++failedSends;
            }
        });
    }
    const std::size_t frameSize = frameOf('a', payload).size();
    const std::string bytes = server.read(frameSize * threads * framesPerThread);
    for (std::thread &writer : writers)
        writer.join();
    CHECK(failedSends == 0);

    Protocol::FrameReader frames;
    frames.append(bytes);
    Protocol::Message message;
    int count = 0;
    while (frames.next(&message) == Protocol::FrameReader::Status::Frame) {
        const auto trace = Protocol::parseTrace(message, nullptr);
        REQUIRE(trace);
        REQUIRE(trace->label.size() == payload);
        // One writer's bytes only: a frame interleaved with another's would mix fills.
        CHECK(trace->label.find_first_not_of(trace->label.front()) == std::string::npos);
        ++count;
    }
    CHECK_FALSE(frames.hasError());
    CHECK(count == threads * framesPerThread);

    server.closeClientSide(); // ends the reader
    reader.join();
}

TEST_CASE("sending after the host is gone fails instead of killing the worker")
{
#ifndef _WIN32
    // The default disposition: SIGPIPE would end this test process if it were raised.
    const bool defaultDisposition = std::signal(SIGPIPE, SIG_DFL) != SIG_ERR;
    REQUIRE(defaultDisposition);
#endif
    TestServer server;
    HostConnection connection;
    std::string error;
    REQUIRE_MESSAGE(connection.connectTo(server.fullName(), &error), error);
    server.accept();
    server.closeClientSide();
    const std::string chunk(64 * 1024, 'x');
    bool failed = false;
    for (int i = 0; i < 100 && !failed; ++i) // the first writes may still fill a buffer
        failed = !connection.send(chunk);
    CHECK(failed);
}

#ifdef _WIN32
TEST_CASE("waits for a busy pipe instance, as QLocalSocket does")
{
    TestServer server(1); // a single instance, taken by the first client
    HostConnection first;
    std::string error;
    REQUIRE_MESSAGE(first.connectTo(server.fullName(), &error), error);
    server.accept();

    const std::string path = server.fullName();
    const std::wstring widePath(path.begin(), path.end());
    const HANDLE probe = CreateFileW(widePath.c_str(), GENERIC_READ | GENERIC_WRITE, 0, nullptr, OPEN_EXISTING, 0,
                                     nullptr);
    REQUIRE(probe == INVALID_HANDLE_VALUE);
    REQUIRE(GetLastError() == ERROR_PIPE_BUSY);

    std::atomic_bool secondConnected = false;
    std::string secondError;
    HostConnection second;
    std::thread connector([&] { secondConnected = second.connectTo(path, &secondError); });
    // The instance frees up only when the server disconnects the first client; a client that
    // finds the pipe busy waits for that instead of failing (if the connector is not that
    // far yet, it simply connects: either way it must connect).
    server.disconnectAndListen();
    connector.join();
    CHECK_MESSAGE(secondConnected, secondError);
}
#else
TEST_CASE("the connection is not inherited by programs the worker starts")
{
    TestServer server;
    std::string error;
    pid_t child = -1;
    {
        HostConnection connection;
        REQUIRE_MESSAGE(connection.connectTo(server.fullName(), &error), error);
        server.accept();
        // A child that lives on after the connection is closed: had it inherited the
        // socket, the host would not see the end of the stream.
        const char *argv[] = {"sleep", "600", nullptr}; // killed below
        REQUIRE(::posix_spawnp(&child, "sleep", nullptr, nullptr, const_cast<char **>(argv), environ) == 0);
    }
    const bool closed = server.peerClosedWithin(std::chrono::seconds(30));
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    CHECK(closed);
}
#endif
