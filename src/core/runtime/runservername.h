// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace ProcessLab {

// Run servers are named processlab-<host pid>-<16 random hex digits>. On Unix the name is a
// socket file in the temp directory, which a host killed by SIGKILL cannot remove; the pid
// in the name lets a later host tell such a dead run's file from a live run's.
QString makeRunServerName(qint64 hostPid, const QString &randomHex);

// Removes the socket files of dead runs in directory: sockets owned by this user, named as
// above, whose host pid no longer exists. Never touches a live run's file (its pid exists)
// nor anything that is not a socket. Returns how many it removed; 0 on Windows, where
// named pipes vanish with their last handle.
int sweepStaleRunSockets(const QString &directory);

// The same for QDir::tempPath(), once per process; RunServer::listen() calls it.
void sweepStaleRunSocketsOnce();

} // namespace ProcessLab
