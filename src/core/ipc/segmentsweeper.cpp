// SPDX-License-Identifier: MIT
#include "segmentsweeper.h"

#include "runtime/runservername.h"

#include <QDir>
#include <QLoggingCategory>

#include <mutex>

#ifdef Q_OS_UNIX
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <unistd.h>
#endif

Q_LOGGING_CATEGORY(lcSegmentSweeper, "processlab.segments", QtInfoMsg)

namespace ProcessLab {

#ifdef Q_OS_UNIX
namespace {
// The System V objects keyed by keyFile that the dead host pid made. A key shared by chance
// (ftok folds the inode into 16 bits) with someone else's object is left alone.
void removeSystemVObjects(const QByteArray &keyFile, pid_t deadPid, SegmentSweeper::Result *result)
{
    const key_t ipcKey = ::ftok(keyFile.constData(), 'Q');
    if (ipcKey == -1)
        return;
    const int segment = ::shmget(ipcKey, 0, 0);
    shmid_ds info{};
    if (segment != -1 && ::shmctl(segment, IPC_STAT, &info) == 0 && info.shm_cpid == deadPid
        && info.shm_perm.uid == ::getuid()) {
        // Removed at once, or when an orphaned worker still attached detaches.
        if (::shmctl(segment, IPC_RMID, nullptr) == 0)
            ++result->segments;
    }
    // Qt >= 6.6 locks a native-key segment with a semaphore set on the same key; its last
    // operation was the dead host's (workers never touch it).
    const int semaphores = ::semget(ipcKey, 0, 0);
    if (semaphores != -1 && ::semctl(semaphores, 0, GETPID) == deadPid) {
        if (::semctl(semaphores, 0, IPC_RMID) == 0)
            ++result->semaphores;
    }
}
} // namespace
#endif

SegmentSweeper::Result SegmentSweeper::sweep(const QString &directory)
{
    Result result;
#ifdef Q_OS_UNIX
    // Key files are named after the run server with "-<object id>" appended (HostSegment).
    const QList<DeadHostEntry> keyFiles =
        deadHostEntries(directory, QStringLiteral("-[0-9]+"), DeadHostEntryType::RegularFile);
    for (const DeadHostEntry &entry : keyFiles) {
        removeSystemVObjects(entry.path, static_cast<pid_t>(entry.hostPid), &result);
        if (::unlink(entry.path.constData()) == 0) {
            ++result.keyFiles;
            qCDebug(lcSegmentSweeper) << "removed the shared memory of a dead run:" << entry.path;
        }
    }
#else
    Q_UNUSED(directory);
#endif
    return result;
}

void SegmentSweeper::sweepOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { sweep(QDir::tempPath()); });
}

} // namespace ProcessLab
