// SPDX-License-Identifier: MIT
// HostConnection on Windows: the client end of the named pipe QLocalServer listens on.
#include "hostconnection.h"

#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <windows.h>

#include <algorithm>
#include <chrono>

namespace ProcessLab::Worker {

namespace {

// QLocalSocket's rule: a name that does not start with \\.\pipe\ is a pipe name below it.
std::wstring pipePathFor(const std::string &serverName)
{
    // getenv() hands us the name in the ANSI code page; the host's names are ASCII anyway.
    std::wstring name;
    const int length = MultiByteToWideChar(CP_ACP, 0, serverName.data(), int(serverName.size()), nullptr, 0);
    if (length > 0) {
        name.resize(std::size_t(length));
        MultiByteToWideChar(CP_ACP, 0, serverName.data(), int(serverName.size()), name.data(), length);
    }
    const std::wstring prefix = L"\\\\.\\pipe\\";
    return name.compare(0, prefix.size(), prefix) == 0 ? name : prefix + name;
}

class EventHandle
{
public:
    EventHandle() : m_event(CreateEventW(nullptr, TRUE, FALSE, nullptr)) {}
    ~EventHandle()
    {
        if (m_event)
            CloseHandle(m_event);
    }
    EventHandle(const EventHandle &) = delete;
    EventHandle &operator=(const EventHandle &) = delete;
    HANDLE get() const { return m_event; }

private:
    HANDLE m_event;
};

// The pipe is opened for overlapped I/O so the reader thread can block in ReadFile while
// another thread writes; on a synchronous handle the two would wait for each other.
bool transfer(HANDLE pipe, bool write, char *data, DWORD size, DWORD *transferred)
{
    const EventHandle event;
    if (!event.get())
        return false;
    OVERLAPPED overlapped{};
    overlapped.hEvent = event.get();
    const BOOL started = write ? WriteFile(pipe, data, size, nullptr, &overlapped)
                               : ReadFile(pipe, data, size, nullptr, &overlapped);
    if (!started && GetLastError() != ERROR_IO_PENDING)
        return false;
    return GetOverlappedResult(pipe, &overlapped, transferred, TRUE) != 0;
}

} // namespace

HostConnection::~HostConnection()
{
    if (m_pipe)
        CloseHandle(static_cast<HANDLE>(m_pipe));
}

bool HostConnection::connectTo(const std::string &serverName, std::string *error)
{
    if (serverName.empty()) {
        *error = "invalid server name ''";
        return false;
    }
    const std::wstring path = pipePathFor(serverName);
    // Every instance of the pipe may be busy with another worker connecting; wait for one
    // as QLocalSocket does, up to 5 s in all.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    DWORD lastError = 0;
    for (;;) {
        // No security attributes: the handle is not inherited by processes the worker
        // starts. SECURITY_IDENTIFICATION: the host may identify the worker's user but not
        // act as it.
        const HANDLE pipe = CreateFileW(path.c_str(), GENERIC_READ | GENERIC_WRITE, 0, nullptr, OPEN_EXISTING,
                                        FILE_FLAG_OVERLAPPED | SECURITY_SQOS_PRESENT | SECURITY_IDENTIFICATION,
                                        nullptr);
        if (pipe != INVALID_HANDLE_VALUE) {
            if (m_pipe)
                CloseHandle(static_cast<HANDLE>(m_pipe));
            m_pipe = pipe;
            return true;
        }
        lastError = GetLastError();
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (lastError != ERROR_PIPE_BUSY || left.count() <= 0)
            break;
        // Returns at once when an instance frees up; fails when the pipe is gone.
        if (!WaitNamedPipeW(path.c_str(), DWORD(left.count()) + 1) && GetLastError() != ERROR_SEM_TIMEOUT) {
            lastError = GetLastError();
            break;
        }
    }
    *error = "cannot open pipe " + serverName + " (Windows error " + std::to_string(lastError) + ")";
    return false;
}

bool HostConnection::send(std::string_view bytes)
{
    const std::lock_guard lock(m_sendMutex);
    HANDLE pipe = static_cast<HANDLE>(m_pipe);
    std::size_t offset = 0;
    while (offset < bytes.size()) {
        // WriteFile takes a DWORD count: write huge buffers in 1 GiB pieces.
        const DWORD chunk = DWORD(std::min<std::size_t>(bytes.size() - offset, std::size_t(1) << 30));
        DWORD written = 0;
        if (!transfer(pipe, true, const_cast<char *>(bytes.data() + offset), chunk, &written) || written == 0)
            return false;
        offset += written;
    }
    return true;
}

bool HostConnection::receive(std::string *bytes)
{
    char buffer[16 * 1024];
    DWORD got = 0;
    // ERROR_BROKEN_PIPE (the host closed its end) and every other error end the stream.
    if (!transfer(static_cast<HANDLE>(m_pipe), false, buffer, sizeof(buffer), &got) || got == 0)
        return false;
    bytes->append(buffer, got);
    return true;
}

} // namespace ProcessLab::Worker
