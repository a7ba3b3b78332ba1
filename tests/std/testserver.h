// SPDX-License-Identifier: MIT
#pragma once

// The host's end of a control connection, made the way QLocalServer makes it: an AF_UNIX
// socket in a private directory on Unix, a byte-mode overlapped duplex named pipe on
// Windows. Std-only, for the tests in tests/std (which also run under Wine).

#include "protocol/protocol.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#ifdef _WIN32
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <windows.h>
#else
#include <cstring>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#endif

namespace ProcessLab::StdTests {

inline std::string uniqueName()
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

// Reads one whole frame from the server side; nullopt if the stream ends first.
inline std::optional<Protocol::Message> readFrame(TestServer &server)
{
    const std::string header = server.read(Protocol::headerSize);
    if (header.size() < Protocol::headerSize)
        return std::nullopt;
    std::size_t length = 0;
    for (const char byte : header)
        length = length << 8 | static_cast<unsigned char>(byte);
    REQUIRE(length <= Protocol::maxFrameSize);
    const std::string payload = server.read(length);
    if (payload.size() < length)
        return std::nullopt;
    std::string error;
    auto message = Protocol::decodePayload(payload, &error);
    REQUIRE_MESSAGE(message, error);
    return message;
}

} // namespace ProcessLab::StdTests
