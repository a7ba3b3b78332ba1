// SPDX-License-Identifier: MIT
#pragma once

#include "exampleregistry.h"

namespace ProcessLab {

// Section 4 of the tutorial, 进程池: `pool` (the tutorial's Pool + apply_async listing) and
// `pool-map` (ProcessLab's own pool.map listing), with their knobs and Python programs
// (poolprograms.h); their host scripts drive a Pool object (ipc/poolobject.h, docs/pool.md).
ExampleDefinition poolExample();
ExampleDefinition poolMapExample();

} // namespace ProcessLab
