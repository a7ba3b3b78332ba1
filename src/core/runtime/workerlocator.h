// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

namespace ProcessLab {

inline constexpr char workerPathEnvVar[] = "PROCESSLAB_WORKER";

struct WorkerLocation
{
    QString path;          // empty when not found
    QStringList searched;  // every place looked at, in order
    QString errorString() const;
};

// PROCESSLAB_WORKER first, then next to the running executable, then the installed
// locations relative to it (../lib/processlab, ../libexec/processlab).
WorkerLocation locateWorker();

} // namespace ProcessLab
