// SPDX-License-Identifier: MIT
// Pool functions for tests only (processlab-test-worker): a task that raises, one that crashes
// its process, one that sleeps, one that says which process ran it, one with a huge result.
#include "behaviours.h"
#include "ipc/sharedobjects.h"
#include "protocol/pythonformat.h"
#include "shm/platform/processliveness.h"
#include "workercontext.h"

#include <algorithm>
#include <cstdlib>

namespace ProcessLab::Worker {

namespace {

// raise ValueError(f"bad value {x}")
Protocol::Value raiseValueError(const WorkerContext &, const Protocol::Array &arguments)
{
    throw PythonError("ValueError: bad value " + (arguments.empty() ? std::string() : Protocol::pythonStr(arguments[0])));
}

// The process dies mid-task (SIGABRT).
Protocol::Value crash(const WorkerContext &, const Protocol::Array &)
{
    std::abort();
}

// time.sleep(seconds); return value (or seconds when no value is given)
Protocol::Value sleepThenReturn(const WorkerContext &context, const Protocol::Array &arguments)
{
    context.sleep(arguments.empty() ? 0.0 : arguments[0].toDouble());
    return arguments.size() > 1 ? arguments[1] : (arguments.empty() ? Protocol::Value(nullptr) : arguments[0]);
}

// "x" * n: a result as big as a test needs (the host's cap on results)
Protocol::Value big(const WorkerContext &, const Protocol::Array &arguments)
{
    const std::int64_t size = arguments.empty() ? 0 : arguments[0].toInteger();
    return std::string(static_cast<std::size_t>(std::max<std::int64_t>(0, size)), 'x');
}

// os.getpid()
Protocol::Value pid(const WorkerContext &, const Protocol::Array &)
{
    return static_cast<std::int64_t>(Shm::currentProcessId());
}

} // namespace

std::span<const PoolFunctionEntry> testPoolFunctions()
{
    static constexpr PoolFunctionEntry functions[] = {
        {"test.raise", &raiseValueError},
        {"test.crash", &crash},
        {"test.sleep", &sleepThenReturn},
        {"test.pid", &pid},
        {"test.big", &big},
    };
    return functions;
}

} // namespace ProcessLab::Worker
