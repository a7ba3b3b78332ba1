// SPDX-License-Identifier: MIT
#pragma once

#include "exampleregistry.h"

namespace ProcessLab {

// Section 3 of the tutorial, 进程间通信: Queue (the tutorial's listing), Pipe and shared
// memory (Value/Array), with their knobs and Python programs (ipcprograms.h). Their host
// scripts come with the IPC runtime; until then buildScript is empty and they are not in
// ExampleRegistry::all().
ExampleDefinition queueExample();
ExampleDefinition pipeExample();
ExampleDefinition sharedExample();

} // namespace ProcessLab
