// SPDX-License-Identifier: MIT
#pragma once

// Removes the shared-memory leftovers of runs whose host died (SIGKILL) before it could
// remove them: System V segments and their key files named
// processlab-<host pid>-<16 hex digits>-<object id> (HostSegment). A host that is alive keeps
// its own (its pid exists); only files owned by this user, regular files (never a symlink)
// named exactly so, and segments this user's dead host created are touched. Windows: nothing
// to do (a file mapping vanishes with its last handle).

#include <QString>

namespace ProcessLab {

class SegmentSweeper
{
public:
    struct Result
    {
        int segments = 0;   // System V segments removed
        int semaphores = 0; // System V semaphore sets removed (Qt >= 6.6 makes one per segment)
        int keyFiles = 0;   // key files removed
    };

    // Sweeps the key files in directory (the temp directory the dead hosts used).
    static Result sweep(const QString &directory);
    // The same for QDir::tempPath(), once per process; RunServer::listen() calls it.
    static void sweepOnce();
};

} // namespace ProcessLab
