// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/cbor.h"

#include <span>
#include <string_view>

namespace ProcessLab::Worker {

class WorkerContext;

// A behaviour is what a worker process runs; its return value is the exit code.
using BehaviourFunction = int (*)(const WorkerContext &context);

struct Behaviour
{
    const char *name;
    BehaviourFunction run;
};

std::span<const Behaviour> basicBehaviours(); // examples process, subclass
std::span<const Behaviour> ipcBehaviours();   // examples queue, pipe, shared
std::span<const Behaviour> poolBehaviours();  // pool.worker: a process of a Pool
std::span<const Behaviour> benchBehaviours(); // bench.noop, bench.idle: what `processlab-cli bench` measures
#ifdef PROCESSLAB_TEST_WORKER
std::span<const Behaviour> testBehaviours(); // crash, flood, ...: processlab-test-worker only
std::span<const Behaviour> testIpcBehaviours(); // big queue items, a dying lock holder

// Test hook run before the worker connects: PROCESSLAB_TEST_BEFORE_HELLO=exit ends the
// worker without connecting, =hang keeps it alive without ever sending the hello.
inline constexpr char testBeforeHelloEnvVar[] = "PROCESSLAB_TEST_BEFORE_HELLO";
void runTestHookBeforeHello();
#endif

// A function a pool worker runs by name (pool.apply_async(fn, args), pool.map(fn, items)): gets
// the task's positional arguments, returns its value or throws PythonError (what() is what
// Python prints: "ValueError: ..."). See src/worker/pool_behaviours.cpp.
using PoolFunction = Protocol::Value (*)(const WorkerContext &context, const Protocol::Array &arguments);
struct PoolFunctionEntry
{
    const char *name;
    PoolFunction run;
};
std::span<const PoolFunctionEntry> poolFunctions(); // the tutorial's worker(num), square(x)
#ifdef PROCESSLAB_TEST_WORKER
std::span<const PoolFunctionEntry> testPoolFunctions(); // raise, crash, sleep, pid
#endif
// nullptr when this worker has no pool function of that name.
PoolFunction findPoolFunction(std::string_view name);

// nullptr when this worker has no behaviour of that name: the shipped worker knows only
// the tutorial's and the benchmark's; the test behaviours exist in processlab-test-worker.
BehaviourFunction findBehaviour(std::string_view name);

} // namespace ProcessLab::Worker
