// SPDX-License-Identifier: MIT
// Examples 1 and 2 of the tutorial, as the worker process runs them. ProcessLab's host
// plays the main program (create, start, join, print); this file is the child's side.
#include "behaviours.h"
#include "cputime.h"
#include "workercontext.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace ProcessLab::Worker {

namespace {

// Where busy() stores its arithmetic's result: a volatile store the compiler must keep, so it
// cannot optimise the arithmetic away.
volatile std::uint64_t busyResult = 0;

// The `work` knob's compute: def busy(seconds) of the Python listing. Keeps one CPU core
// computing until this process has used `seconds` of CPU time (time.process_time() in
// Python), so 4 busy workers on 2 cores take twice as long as 2 do; time.sleep would leave
// the core idle. The clock is read every few thousand steps of arithmetic.
void busy(double seconds)
{
    const double end = processCpuSeconds() + seconds;
    std::uint64_t x = 88172645463325252ULL; // xorshift64
    while (processCpuSeconds() < end) {
        for (int i = 0; i < 4096; ++i) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
        }
        busyResult = x;
    }
}

// The worker's seconds: time.sleep(n) (the tutorial), or busy(n) with work=compute. The
// trace names the line of the listing that does it.
void work(const WorkerContext &context, double seconds)
{
    if (context.arguments().value("work").toText("sleep") == std::string_view("compute")) {
        context.trace("busy");
        busy(seconds); // busy(2)
        return;
    }
    context.trace("sleep");
    context.sleep(seconds); // time.sleep(2)
}

// 示例1: def worker(num) — the function a Process(target=worker, args=(num,)) runs.
int worker(const WorkerContext &context)
{
    const auto num = context.intArgument("num", context.workerId());
    const double seconds = context.doubleArgument("sleep", 2.0);

    context.trace("started");
    context.print("Worker " + std::to_string(num) + " started");
    work(context, seconds);
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
        work(m_context, m_context.doubleArgument("sleep", 2.0));
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
