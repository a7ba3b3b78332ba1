// SPDX-License-Identifier: MIT
// The behaviours `processlab-cli bench spawn` runs in the shipped worker: it measures the
// worker users get, so these two live here and not in the test worker.
#include "behaviours.h"
#include "workercontext.h"

namespace ProcessLab::Worker {

namespace {

// Connects, is told to run, exits 0: spawn -> ready -> exit and nothing else.
int noop(const WorkerContext &)
{
    return 0;
}

// Reports "idle", then sleeps (args.sleep, default 1 hour) until it is stopped: the idle
// memory benchmark, and tests that need a worker that stays.
int idle(const WorkerContext &context)
{
    context.trace("idle");
    context.sleep(context.doubleArgument("sleep", 3600.0));
    return 0;
}

} // namespace

std::span<const Behaviour> benchBehaviours()
{
    static constexpr Behaviour behaviours[] = {
        {"bench.noop", &noop},
        {"bench.idle", &idle},
    };
    return behaviours;
}

} // namespace ProcessLab::Worker
