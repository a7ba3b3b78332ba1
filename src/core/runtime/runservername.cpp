// SPDX-License-Identifier: MIT
#include "runservername.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QRegularExpression>

#include <mutex>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#include <sys/stat.h>
#include <unistd.h>
#endif

Q_LOGGING_CATEGORY(lcRunServerName, "processlab.runserver", QtInfoMsg)

namespace ProcessLab {

QString makeRunServerName(qint64 hostPid, const QString &randomHex)
{
    return QStringLiteral("processlab-%1-%2").arg(hostPid).arg(randomHex);
}

int sweepStaleRunSockets(const QString &directory)
{
#ifdef Q_OS_UNIX
    static const QRegularExpression pattern(QStringLiteral("^processlab-([0-9]+)-[0-9a-f]{16}$"));
    const QDir dir(directory);
    int removed = 0;
    const QStringList names =
        dir.entryList({QStringLiteral("processlab-*")}, QDir::System | QDir::Files | QDir::Hidden);
    for (const QString &name : names) {
        const QRegularExpressionMatch match = pattern.match(name);
        if (!match.hasMatch())
            continue;
        bool ok = false;
        const qint64 pid = match.captured(1).toLongLong(&ok);
        if (!ok || pid <= 0 || pid != static_cast<pid_t>(pid))
            continue;
        // Alive, or alive under another user (EPERM): not ours to judge.
        if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH)
            continue;
        const QByteArray path = QFile::encodeName(dir.filePath(name));
        struct stat info{};
        if (::lstat(path.constData(), &info) != 0 || !S_ISSOCK(info.st_mode) || info.st_uid != ::getuid())
            continue;
        if (::unlink(path.constData()) == 0) {
            ++removed;
            qCDebug(lcRunServerName) << "removed the socket file of a dead run:" << path;
        }
    }
    return removed;
#else
    Q_UNUSED(directory);
    return 0;
#endif
}

void sweepStaleRunSocketsOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { sweepStaleRunSockets(QDir::tempPath()); });
}

} // namespace ProcessLab
