// SPDX-License-Identifier: MIT
#include "peercredentials.h"

#include <QLocalSocket>

#include <sys/socket.h>
#include <sys/types.h>

namespace ProcessLab::Platform {

std::optional<qint64> peerProcessId(const QLocalSocket &socket)
{
    const qintptr descriptor = socket.socketDescriptor();
    if (descriptor < 0)
        return std::nullopt;
    // The credentials the peer had when it called connect(), kept by the kernel.
    ucred credentials{};
    socklen_t length = sizeof credentials;
    if (getsockopt(static_cast<int>(descriptor), SOL_SOCKET, SO_PEERCRED, &credentials, &length) != 0
        || length != sizeof credentials || credentials.pid <= 0)
        return std::nullopt;
    return qint64(credentials.pid);
}

} // namespace ProcessLab::Platform
