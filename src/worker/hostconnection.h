// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

#include <mutex>

namespace ProcessLab::Worker {

// The worker's end of the control connection, written against the OS directly (an
// AF_UNIX socket on Linux/macOS, a named pipe on Windows) so the worker links only
// Qt Core: each extra Qt library costs start-up time in the dynamic loader.
// send() may be called from any thread; receive() from one reader thread.
class HostConnection
{
public:
    HostConnection() = default;
    ~HostConnection();
    HostConnection(const HostConnection &) = delete;
    HostConnection &operator=(const HostConnection &) = delete;

    bool connectTo(const QString &serverName, QString *error);
    bool send(const QByteArray &bytes);
    // Blocks until some bytes arrive; false on end of stream or error.
    bool receive(QByteArray *bytes);

private:
#ifdef Q_OS_WIN
    void *m_pipe = nullptr; // HANDLE
#else
    int m_fd = -1;
#endif
    std::mutex m_sendMutex;
};

} // namespace ProcessLab::Worker
