// SPDX-License-Identifier: MIT
#pragma once

// Helpers shared by the process pool tests (tst_pool, tst_poolview): main programs of pool
// calls, and the pool's events in a run record.

#include "testsupport.h"

#include "examples/hostscript.h"

#include <QCborArray>
#include <QCborValue>

#include <memory>

namespace ProcessLab::TestSupport {

inline ScriptExpression lit(const QCborValue &value)
{
    return ScriptExpression::value(value);
}

// The steps as a main program, at lines 1.. so that a failure names its step.
inline HostScript poolScript(QList<ScriptStep> steps)
{
    HostScript script;
    script.steps = std::move(steps);
    for (qsizetype i = 0; i < script.steps.size(); ++i)
        script.steps[i].sourceLine = int(i + 1);
    return script;
}

inline std::unique_ptr<Run> poolRun(QList<ScriptStep> steps)
{
    return std::make_unique<Run>(QStringLiteral("pool-test"), QVariantMap{}, poolScript(std::move(steps)));
}

// pool = Pool(arguments...)
inline ScriptStep createPool(QList<ScriptExpression> arguments)
{
    return createObjectStep(QStringLiteral("pool"), QStringLiteral("Pool"), std::move(arguments));
}

// [variable =] pool.method(arguments...)
inline ScriptStep poolCall(const QString &method, QList<ScriptExpression> arguments = {}, const QString &variable = {})
{
    return callStep(QStringLiteral("pool"), method, std::move(arguments), variable);
}

// [variable =] pool.method(test.sleep, [(seconds, 0), (seconds, 1), ...], 1): count tasks of
// seconds each (method: starmap or starmap_async).
inline ScriptStep sleepTasks(const QString &method, int count, double seconds, const QString &variable)
{
    QCborArray arguments;
    for (int i = 0; i < count; ++i)
        arguments.append(QCborArray{seconds, i});
    return poolCall(method, {lit(QStringLiteral("test.sleep")), lit(arguments), lit(1)}, variable);
}

// The pool's life as the tutorial writes it: create (pool = Pool(...)), the calls,
// pool.close(), pool.join(), then the steps after.
inline QList<ScriptStep> poolProgram(ScriptStep create, const QList<ScriptStep> &calls, const QList<ScriptStep> &after = {})
{
    QList<ScriptStep> steps{std::move(create)};
    steps += calls;
    steps += {poolCall(QStringLiteral("close")), poolCall(QStringLiteral("join"))};
    steps += after;
    return steps;
}

// The record's events of one kind with one op (a PoolTaskPhase, a PoolWorkerChange).
inline QList<RunEvent> eventsWithOp(const RunRecord &record, EventKind kind, quint8 op)
{
    QList<RunEvent> events;
    for (const RunEvent &event : record.events()) {
        if (event.kind == kind && event.op == op)
            events.append(event);
    }
    return events;
}

inline QList<RunEvent> poolEvents(const RunRecord &record, PoolTaskPhase phase)
{
    return eventsWithOp(record, EventKind::PoolTask, quint8(phase));
}

inline QList<RunEvent> workerChanges(const RunRecord &record, PoolWorkerChange change)
{
    return eventsWithOp(record, EventKind::PoolWorker, quint8(change));
}

// The pool workers' process ids, in the order they were started.
inline QList<int> poolWorkers(const RunRecord &record)
{
    QList<int> ids;
    for (const RunEvent &event : workerChanges(record, PoolWorkerChange::Started))
        ids.append(event.process);
    return ids;
}

} // namespace ProcessLab::TestSupport
