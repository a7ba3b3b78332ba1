// SPDX-License-Identifier: MIT
#include "hostscript.h"

namespace ProcessLab {

ScriptExpression ScriptExpression::value(const QCborValue &literal)
{
    ScriptExpression e;
    e.kind = Kind::Literal;
    e.literal = literal;
    return e;
}

ScriptExpression ScriptExpression::variable(const QString &name)
{
    ScriptExpression e;
    e.kind = Kind::Variable;
    e.name = name;
    return e;
}

ScriptExpression ScriptExpression::read(const QString &object, const QString &member)
{
    ScriptExpression e;
    e.kind = Kind::ObjectRead;
    e.name = object;
    e.member = member;
    return e;
}

ScriptExpression ScriptExpression::binary(Kind op, ScriptExpression left, ScriptExpression right)
{
    ScriptExpression e;
    e.kind = op;
    e.operands.push_back(std::move(left));
    e.operands.push_back(std::move(right));
    return e;
}

ScriptStep createObjectStep(const QString &name, const QString &type, QList<ScriptExpression> arguments)
{
    ScriptStep step;
    step.kind = ScriptStep::Kind::CreateObject;
    step.object = name;
    step.method = type;
    step.arguments = std::move(arguments);
    return step;
}

ScriptStep callStep(const QString &object, const QString &method, QList<ScriptExpression> arguments,
                    const QString &variable)
{
    ScriptStep step;
    step.kind = ScriptStep::Kind::Call;
    step.object = object;
    step.method = method;
    step.arguments = std::move(arguments);
    step.variable = variable;
    return step;
}

ScriptStep printStep(QList<ScriptExpression> arguments)
{
    ScriptStep step;
    step.kind = ScriptStep::Kind::Print;
    step.arguments = std::move(arguments);
    return step;
}

ScriptStep jumpStep(int target)
{
    ScriptStep step;
    step.kind = ScriptStep::Kind::Jump;
    step.target = target;
    return step;
}

ScriptStep jumpIfNoneStep(const QString &variable, int target)
{
    ScriptStep step;
    step.kind = ScriptStep::Kind::JumpIfNone;
    step.variable = variable;
    step.target = target;
    return step;
}

ScriptStep atLine(ScriptStep step, int sourceLine, const QString &source, const QString &context)
{
    step.sourceLine = sourceLine;
    step.source = source;
    step.context = context;
    return step;
}

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
