// SPDX-License-Identifier: MIT
#pragma once

#include <mutex>
#include <string>
#include <string_view>

namespace ProcessLab::Worker {

// The worker's end of the control connection: the client side of the host's QLocalServer,
// written against the OS directly so the worker links no Qt (each library the dynamic
// loader maps costs start-up time). One implementation per platform, chosen in CMake:
//   hostconnection_unix.cpp  an AF_UNIX stream socket (Linux, macOS)
//   hostconnection_win.cpp   a named pipe (Windows)
// Server names follow QLocalSocket::connectToServer(): on Unix an absolute path is used as
// is and any other name lives in the temporary directory ($TMPDIR, else /tmp); on Windows
// a name without the \\.\pipe\ prefix gets it.
// send() may be called from any thread; receive() from one reader thread at a time.
class HostConnection
{
public:
    HostConnection() = default;
    ~HostConnection();
    HostConnection(const HostConnection &) = delete;
    HostConnection &operator=(const HostConnection &) = delete;

    // serverName is the host's QLocalServer::fullServerName() (or its serverName()).
    // The connection is never inherited by processes the worker starts.
    bool connectTo(const std::string &serverName, std::string *error);
    // Writes all bytes; false once the host is gone (never raises SIGPIPE).
    bool send(std::string_view bytes);
    // Blocks until some bytes arrive and appends them; false on end of stream or error.
    bool receive(std::string *bytes);

private:
#ifdef _WIN32
    void *m_pipe = nullptr; // HANDLE of the pipe
#else
    int m_fd = -1; // socket descriptor
#endif
    std::mutex m_sendMutex;
};

} // namespace ProcessLab::Worker
