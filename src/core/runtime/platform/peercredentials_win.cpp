// SPDX-License-Identifier: MIT
#include "peercredentials.h"

#include <QLocalSocket>

#include <qt_windows.h>

namespace ProcessLab::Platform {

std::optional<qint64> peerProcessId(const QLocalSocket &socket)
{
    // On Windows QLocalServer accepts on a named pipe, and QLocalSocket::socketDescriptor()
    // is the pipe's HANDLE.
    const qintptr descriptor = socket.socketDescriptor();
    if (descriptor == -1 || descriptor == 0)
        return std::nullopt;
    ULONG pid = 0;
    if (!GetNamedPipeClientProcessId(reinterpret_cast<HANDLE>(descriptor), &pid) || pid == 0)
        return std::nullopt;
    return qint64(pid);
}

} // namespace ProcessLab::Platform
