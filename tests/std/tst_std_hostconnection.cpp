// SPDX-License-Identifier: MIT
// The worker's end of the control connection against a server made the way QLocalServer
// makes it: an AF_UNIX socket on Unix, a byte-mode overlapped named pipe on Windows (this
// test runs under Wine in scripts/check-portability.sh). The same cases run on both; the
// Unix-only ones check what only Unix has (SIGPIPE, descriptors inherited across exec).
#include "hostconnection.h"
#include "protocol/protocol.h"
#include "testserver.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#ifndef _WIN32
#include <csignal>
#include <spawn.h>
#include <sys/wait.h>
extern char **environ;
#endif

using ProcessLab::StdTests::TestServer;
using ProcessLab::Worker::HostConnection;
namespace Protocol = ProcessLab::Protocol;

namespace {

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
