// SPDX-License-Identifier: MIT
#pragma once

#include <mutex>
#include <string>
#include <string_view>

namespace ProcessLab::Worker {

// The worker's end of the control connection, written against the OS directly (an
// AF_UNIX socket on Linux/macOS, a named pipe on Windows) so the worker links no Qt:
// each library the dynamic loader maps costs start-up time.
// send() may be called from any thread; receive() from one reader thread.
class HostConnection
{
public:
    HostConnection() = default;
    ~HostConnection();
    HostConnection(const HostConnection &) = delete;
    HostConnection &operator=(const HostConnection &) = delete;

    // serverName is the host's QLocalServer::fullServerName(): a socket path, or a pipe
    // name on Windows.
    bool connectTo(const std::string &serverName, std::string *error);
    bool send(std::string_view bytes);
    // Blocks until some bytes arrive and appends them; false on end of stream or error.
    bool receive(std::string *bytes);

private:
#ifdef _WIN32
    void *m_pipe = nullptr; // HANDLE
#else
    int m_fd = -1;
#endif
    std::mutex m_sendMutex;
};

} // namespace ProcessLab::Worker
