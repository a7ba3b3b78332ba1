// SPDX-License-Identifier: MIT
// Examples 1 and 2 of the tutorial, as the worker process runs them. ProcessLab's host
// plays the main program (create, start, join, print); this file is the child's side.
#include "behaviours.h"
#include "workercontext.h"

#include <cstdint>
#include <string>

namespace ProcessLab::Worker {

namespace {

// 示例1: def worker(num) — the function a Process(target=worker, args=(num,)) runs.
int worker(const WorkerContext &context)
{
    const auto num = context.intArgument("num", context.workerId());
    const double seconds = context.doubleArgument("sleep", 2.0);

    context.trace("started");
    context.print("Worker " + std::to_string(num) + " started");
    context.trace("sleep");
    context.sleep(seconds); // time.sleep(2)
    context.trace("finished");
    context.print("Worker " + std::to_string(num) + " finished");
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
    MyProcess(const WorkerContext &context, std::int64_t num)
        : Process(context)
        , m_num(num)
    {
    }

    void run() override
    {
        m_context.trace("started");
        m_context.print("Worker " + std::to_string(m_num) + " started");
        m_context.trace("sleep");
        m_context.sleep(m_context.doubleArgument("sleep", 2.0));
        m_context.trace("finished");
        m_context.print("Worker " + std::to_string(m_num) + " finished");
    }

private:
    std::int64_t m_num;
};

int runMyProcess(const WorkerContext &context)
{
    MyProcess process(context, context.intArgument("num", context.workerId()));
    process.run();
    return 0;
}

} // namespace

std::span<const Behaviour> basicBehaviours()
{
    static constexpr Behaviour behaviours[] = {
        {"process.worker", &worker},
        {"subclass.MyProcess", &runMyProcess},
    };
    return behaviours;
}

} // namespace ProcessLab::Worker
