// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace ProcessLab {

// Run servers are named processlab-<host pid>-<16 random hex digits>. On Unix the name is a
// socket file in the temp directory, which a host killed by SIGKILL cannot remove; the pid
// in the name lets a later host tell such a dead run's file from a live run's.
QString makeRunServerName(qint64 hostPid, const QString &randomHex);

// A file a dead host left in the temp directory: its path as the system calls take it, and
// the pid of the host that made it.
struct DeadHostEntry
{
    QByteArray path;
    qint64 hostPid = 0;
};

enum class DeadHostEntryType { Socket, RegularFile };

// The entries of directory named processlab-<host pid>-<16 hex digits><nameSuffix> (a run's
// socket: nameSuffix ""; a shared segment's key file: "-[0-9]+", a regular expression) that
// a later host may remove: their host pid no longer exists (ESRCH; never this process's pid,
// and a pid alive under another user is not ours to judge), they belong to this user and
// are of the given type (lstat: a symlink never is). Empty on Windows.
QList<DeadHostEntry> deadHostEntries(const QString &directory, const QString &nameSuffix, DeadHostEntryType type);

// Removes the socket files of dead runs in directory: sockets owned by this user, named as
// above, whose host pid no longer exists. Never touches a live run's file (its pid exists)
// nor anything that is not a socket. Returns how many it removed; 0 on Windows, where
// named pipes vanish with their last handle.
int sweepStaleRunSockets(const QString &directory);

// The same for QDir::tempPath(), once per process; RunServer::listen() calls it.
void sweepStaleRunSocketsOnce();

} // namespace ProcessLab
