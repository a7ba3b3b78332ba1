// SPDX-License-Identifier: MIT
#include "hostconnection.h"

#ifdef _WIN32
#include <windows.h>
#else
#include <cerrno>
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#endif

namespace ProcessLab::Worker {

#ifndef _WIN32

HostConnection::~HostConnection()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool HostConnection::connectTo(const std::string &serverName, std::string *error)
{
    // The environment hands us the path in the local 8-bit encoding, as the OS wants it.
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (serverName.empty() || serverName.size() >= sizeof(address.sun_path)) {
        *error = "invalid server path '" + serverName + "'";
        return false;
    }
    std::memcpy(address.sun_path, serverName.data(), serverName.size());
    m_fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_fd < 0) {
        *error = std::strerror(errno);
        return false;
    }
    int rc;
    do {
        rc = ::connect(m_fd, reinterpret_cast<const sockaddr *>(&address), sizeof(address));
    } while (rc < 0 && errno == EINTR);
    if (rc < 0) {
        *error = "connect to " + serverName + ": " + std::strerror(errno);
        return false;
    }
    return true;
}

bool HostConnection::send(std::string_view bytes)
{
    const std::lock_guard lock(m_sendMutex);
    const char *data = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        const ssize_t written = ::send(m_fd, data, static_cast<size_t>(left), MSG_NOSIGNAL);
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += written;
        left -= static_cast<std::size_t>(written);
    }
    return true;
}

bool HostConnection::receive(std::string *bytes)
{
    char buffer[16 * 1024];
    for (;;) {
        const ssize_t got = ::recv(m_fd, buffer, sizeof(buffer), 0);
        if (got > 0) {
            bytes->append(buffer, static_cast<std::size_t>(got));
            return true;
        }
        if (got < 0 && errno == EINTR)
            continue;
        return false;
    }
}

#else // _WIN32

namespace {
// Overlapped I/O lets the reader thread block in ReadFile while another thread writes;
// a synchronous pipe handle would serialise the two.
bool waitOverlapped(HANDLE pipe, OVERLAPPED *overlapped, BOOL started, DWORD *transferred)
{
    if (!started && GetLastError() != ERROR_IO_PENDING)
        return false;
    return GetOverlappedResult(pipe, overlapped, transferred, TRUE) != 0;
}
} // namespace

HostConnection::~HostConnection()
{
    if (m_pipe)
        CloseHandle(static_cast<HANDLE>(m_pipe));
}

bool HostConnection::connectTo(const std::string &serverName, std::string *error)
{
    // The host names its pipes \\.\pipe\processlab-<hex>: ASCII, so widening is exact.
    const std::wstring name(serverName.begin(), serverName.end());
    for (int attempt = 0; attempt < 50; ++attempt) {
        HANDLE pipe = CreateFileW(name.c_str(), GENERIC_READ | GENERIC_WRITE, 0, nullptr, OPEN_EXISTING,
                                  FILE_FLAG_OVERLAPPED, nullptr);
        if (pipe != INVALID_HANDLE_VALUE) {
            m_pipe = pipe;
            return true;
        }
        if (GetLastError() != ERROR_PIPE_BUSY || !WaitNamedPipeW(name.c_str(), 100))
            break;
    }
    const DWORD lastError = GetLastError(); // before building the message can change it
    *error = "cannot open pipe " + serverName + " (error " + std::to_string(lastError) + ")";
    return false;
}

bool HostConnection::send(std::string_view bytes)
{
    const std::lock_guard lock(m_sendMutex);
    HANDLE pipe = static_cast<HANDLE>(m_pipe);
    std::size_t offset = 0;
    while (offset < bytes.size()) {
        OVERLAPPED overlapped{};
        overlapped.hEvent = CreateEventW(nullptr, TRUE, FALSE, nullptr);
        DWORD written = 0;
        const BOOL started = WriteFile(pipe, bytes.data() + offset, DWORD(bytes.size() - offset), nullptr,
                                       &overlapped);
        const bool ok = waitOverlapped(pipe, &overlapped, started, &written);
        CloseHandle(overlapped.hEvent);
        if (!ok)
            return false;
        offset += written;
    }
    return true;
}

bool HostConnection::receive(std::string *bytes)
{
    HANDLE pipe = static_cast<HANDLE>(m_pipe);
    char buffer[16 * 1024];
    OVERLAPPED overlapped{};
    overlapped.hEvent = CreateEventW(nullptr, TRUE, FALSE, nullptr);
    DWORD got = 0;
    const BOOL started = ReadFile(pipe, buffer, sizeof(buffer), nullptr, &overlapped);
    const bool ok = waitOverlapped(pipe, &overlapped, started, &got);
    CloseHandle(overlapped.hEvent);
    if (!ok || got == 0)
        return false;
    bytes->append(buffer, got);
    return true;
}

#endif

} // namespace ProcessLab::Worker
