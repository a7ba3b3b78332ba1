// SPDX-License-Identifier: MIT
#include "workerlocator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace ProcessLab {

namespace {
QString workerFileName()
{
#ifdef Q_OS_WIN
    return QStringLiteral("processlab-worker.exe");
#else
    return QStringLiteral("processlab-worker");
#endif
}

bool isRunnable(const QString &path)
{
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
}
} // namespace

QString WorkerLocation::errorString() const
{
    return QCoreApplication::translate("ProcessLab", "processlab-worker not found; looked in: %1")
        .arg(searched.join(QLatin1StringView(", ")));
}

WorkerLocation locateWorker()
{
    WorkerLocation location;
    const QString fromEnv = qEnvironmentVariable(workerPathEnvVar);
    if (!fromEnv.isEmpty()) {
        location.searched.append(QStringLiteral("%1=%2").arg(QLatin1StringView(workerPathEnvVar), fromEnv));
        if (isRunnable(fromEnv))
            location.path = QFileInfo(fromEnv).absoluteFilePath();
        return location; // an explicit override that is wrong must not silently fall back
    }
    const QDir appDir(QCoreApplication::applicationDirPath());
    const QStringList candidates = {
        appDir.filePath(workerFileName()),
        appDir.filePath(QStringLiteral("../lib/processlab/") + workerFileName()),
        appDir.filePath(QStringLiteral("../libexec/processlab/") + workerFileName()),
#ifdef Q_OS_MACOS
        // Build tree: the app is bin/ProcessLab.app/Contents/MacOS, the worker is in bin/.
        appDir.filePath(QStringLiteral("../../../") + workerFileName()),
#endif
    };
    for (const QString &candidate : candidates) {
        const QString clean = QDir::cleanPath(candidate);
        location.searched.append(clean);
        if (isRunnable(clean)) {
            location.path = clean;
            break;
        }
    }
    return location;
}

} // namespace ProcessLab
