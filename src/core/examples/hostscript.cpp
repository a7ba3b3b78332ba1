// SPDX-License-Identifier: MIT
#include "hostscript.h"

namespace ProcessLab {

HostScript startAllThenJoinAll(const QList<WorkerSpec> &workers)
{
    HostScript script;
    script.workers = workers;
    for (const ScriptStep::Kind kind : {ScriptStep::Kind::Create, ScriptStep::Kind::Start, ScriptStep::Kind::Join}) {
        for (const WorkerSpec &worker : workers)
            script.steps.append({kind, worker.id, {}, 0, {}, {}});
    }
    return script;
}

HostScript startAllThenJoinAll(int count, const QString &behaviour, const QCborMap &arguments)
{
    QList<WorkerSpec> workers;
    for (int i = 1; i <= count; ++i)
        workers.append({i, QStringLiteral("Worker %1").arg(i), behaviour, arguments});
    return startAllThenJoinAll(workers);
}

} // namespace ProcessLab
