// SPDX-License-Identifier: MIT
#pragma once

#include "exampleregistry.h"

namespace ProcessLab {

// 示例1 and 示例2 of the tutorial: N workers print "started", sleep, print "finished";
// the main program starts them all, joins them all, prints "All processes finished".
ExampleDefinition processExample();
ExampleDefinition subclassExample();

// --workers 1-64 (2): the worker count of these examples and of the shared-memory one.
KnobSpec workersKnob();

} // namespace ProcessLab
