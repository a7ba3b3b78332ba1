// SPDX-License-Identifier: MIT
#include "peercredentials.h"

#include <QLocalSocket>

#include <sys/socket.h>
#include <sys/types.h>
#include <sys/un.h>

namespace ProcessLab::Platform {

std::optional<qint64> peerProcessId(const QLocalSocket &socket)
{
#if defined(LOCAL_PEERPID)
    const qintptr descriptor = socket.socketDescriptor();
    if (descriptor < 0)
        return std::nullopt;
    pid_t pid = 0;
    socklen_t length = sizeof pid;
    if (getsockopt(static_cast<int>(descriptor), SOL_LOCAL, LOCAL_PEERPID, &pid, &length) != 0 || pid <= 0)
        return std::nullopt;
    return qint64(pid);
#else
    Q_UNUSED(socket);
    return std::nullopt; // an older SDK without LOCAL_PEERPID
#endif
}

} // namespace ProcessLab::Platform
