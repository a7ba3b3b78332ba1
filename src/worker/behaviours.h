// SPDX-License-Identifier: MIT
#pragma once

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
std::span<const Behaviour> benchBehaviours(); // bench.noop, bench.idle: what `processlab-cli bench` measures
#ifdef PROCESSLAB_TEST_WORKER
std::span<const Behaviour> testBehaviours(); // crash, flood, ...: processlab-test-worker only
std::span<const Behaviour> testIpcBehaviours(); // big queue items, a dying lock holder

// Test hook run before the worker connects: PROCESSLAB_TEST_BEFORE_HELLO=exit ends the
// worker without connecting, =hang keeps it alive without ever sending the hello.
inline constexpr char testBeforeHelloEnvVar[] = "PROCESSLAB_TEST_BEFORE_HELLO";
void runTestHookBeforeHello();
#endif

// nullptr when this worker has no behaviour of that name: the shipped worker knows only
// the tutorial's and the benchmark's; the test behaviours exist in processlab-test-worker.
BehaviourFunction findBehaviour(std::string_view name);

} // namespace ProcessLab::Worker
