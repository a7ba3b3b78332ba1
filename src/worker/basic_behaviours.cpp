// SPDX-License-Identifier: MIT
// Examples 1 and 2 of the tutorial, as the worker process runs them. ProcessLab's host
// plays the main program (create, start, join, print); this file is the child's side.
#include "behaviours.h"
#include "workercontext.h"

namespace ProcessLab::Worker {

namespace {

// 示例1: def worker(num) — the function a Process(target=worker, args=(num,)) runs.
int worker(const WorkerContext &context)
{
    const auto num = context.intArgument(QLatin1StringView("num"), context.workerId());
    const double seconds = context.doubleArgument(QLatin1StringView("sleep"), 2.0);

    context.trace(QStringLiteral("started"));
    context.print(QStringLiteral("Worker %1 started").arg(num));
    context.trace(QStringLiteral("sleep"));
    context.sleep(seconds); // time.sleep(2)
    context.trace(QStringLiteral("finished"));
    context.print(QStringLiteral("Worker %1 finished").arg(num));
    return 0;
}

// 示例2: class MyProcess(multiprocessing.Process) with run() overridden.
// Process is the C++ stand-in for multiprocessing.Process: a subclass says what the
// child does by overriding run().
class Process
{
public:
    explicit Process(const WorkerContext &context) : m_context(context) {}
    virtual ~Process() = default;
    virtual void run() = 0;

protected:
    const WorkerContext &m_context;
};

class MyProcess : public Process
{
public:
    MyProcess(const WorkerContext &context, qint64 num)
        : Process(context)
        , m_num(num)
    {
    }

    void run() override
    {
        m_context.trace(QStringLiteral("started"));
        m_context.print(QStringLiteral("Worker %1 started").arg(m_num));
        m_context.trace(QStringLiteral("sleep"));
        m_context.sleep(m_context.doubleArgument(QLatin1StringView("sleep"), 2.0));
        m_context.trace(QStringLiteral("finished"));
        m_context.print(QStringLiteral("Worker %1 finished").arg(m_num));
    }

private:
    qint64 m_num;
};

int runMyProcess(const WorkerContext &context)
{
    MyProcess process(context, context.intArgument(QLatin1StringView("num"), context.workerId()));
    process.run();
    return 0;
}

} // namespace

QList<Behaviour> basicBehaviours()
{
    return {
        {"process.worker", &worker},
        {"subclass.MyProcess", &runMyProcess},
    };
}

} // namespace ProcessLab::Worker
