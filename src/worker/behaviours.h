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
std::span<const Behaviour> testBehaviours();  // crash, flood, ... for tests and benchmarks

BehaviourFunction findBehaviour(std::string_view name);

} // namespace ProcessLab::Worker
