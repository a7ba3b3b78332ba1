// SPDX-License-Identifier: MIT
#include "segmentsweeper.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QRegularExpression>

#include <mutex>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

Q_LOGGING_CATEGORY(lcSegmentSweeper, "processlab.segments", QtInfoMsg)

namespace ProcessLab {

#ifdef Q_OS_UNIX
namespace {
bool processExists(pid_t pid)
{
    // Alive, or alive under another user (EPERM): not ours to judge.
    return ::kill(pid, 0) == 0 || errno != ESRCH;
}

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
    static const QRegularExpression pattern(
        QStringLiteral("^processlab-([0-9]+)-[0-9a-f]{16}-[0-9]+$"));
    const QDir dir(directory);
    const QStringList names = dir.entryList({QStringLiteral("processlab-*-*-*")},
                                            QDir::Files | QDir::System | QDir::Hidden);
    for (const QString &name : names) {
        const QRegularExpressionMatch match = pattern.match(name);
        if (!match.hasMatch())
            continue;
        bool ok = false;
        const qint64 pid = match.captured(1).toLongLong(&ok);
        if (!ok || pid <= 0 || pid != static_cast<pid_t>(pid) || pid == ::getpid()
            || processExists(static_cast<pid_t>(pid))) {
            continue;
        }
        const QByteArray path = QFile::encodeName(dir.filePath(name));
        struct stat info{};
        if (::lstat(path.constData(), &info) != 0 || !S_ISREG(info.st_mode) || info.st_uid != ::getuid())
            continue;
        removeSystemVObjects(path, static_cast<pid_t>(pid), &result);
        if (::unlink(path.constData()) == 0) {
            ++result.keyFiles;
            qCDebug(lcSegmentSweeper) << "removed the shared memory of a dead run:" << path;
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
