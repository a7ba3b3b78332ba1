// SPDX-License-Identifier: MIT
#include "runservername.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QRegularExpression>

#include <mutex>
#include <utility>

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

QList<DeadHostEntry> deadHostEntries(const QString &directory, const QString &nameSuffix, DeadHostEntryType type)
{
    QList<DeadHostEntry> entries;
#ifdef Q_OS_UNIX
    const QRegularExpression pattern(QStringLiteral("^processlab-([0-9]+)-[0-9a-f]{16}%1$").arg(nameSuffix));
    const QDir dir(directory);
    const QStringList names =
        dir.entryList({QStringLiteral("processlab-*")}, QDir::System | QDir::Files | QDir::Hidden);
    for (const QString &name : names) {
        const QRegularExpressionMatch match = pattern.match(name);
        if (!match.hasMatch())
            continue;
        bool ok = false;
        const qint64 pid = match.captured(1).toLongLong(&ok);
        if (!ok || pid <= 0 || pid != static_cast<pid_t>(pid) || pid == ::getpid())
            continue;
        // Alive, or alive under another user (EPERM): not ours to judge.
        if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH)
            continue;
        QByteArray path = QFile::encodeName(dir.filePath(name));
        struct stat info{};
        if (::lstat(path.constData(), &info) != 0 || info.st_uid != ::getuid())
            continue;
        const bool wantedType =
            type == DeadHostEntryType::Socket ? S_ISSOCK(info.st_mode) : S_ISREG(info.st_mode);
        if (wantedType)
            entries.append({std::move(path), pid});
    }
#else
    Q_UNUSED(directory);
    Q_UNUSED(nameSuffix);
    Q_UNUSED(type);
#endif
    return entries;
}

int sweepStaleRunSockets(const QString &directory)
{
    int removed = 0;
#ifdef Q_OS_UNIX
    for (const DeadHostEntry &entry : deadHostEntries(directory, QString(), DeadHostEntryType::Socket)) {
        if (::unlink(entry.path.constData()) == 0) {
            ++removed;
            qCDebug(lcRunServerName) << "removed the socket file of a dead run:" << entry.path;
        }
    }
#else
    Q_UNUSED(directory);
#endif
    return removed;
}

void sweepStaleRunSocketsOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { sweepStaleRunSockets(QDir::tempPath()); });
}

} // namespace ProcessLab
