// SPDX-License-Identifier: MIT
#pragma once

#include "pythonprogram.h"

namespace ProcessLab {

// Up to this many workers a program names each process (process1, process2, ...) as the
// tutorial does; beyond, it keeps them in a list and loops over it.
inline constexpr int maxUnrolledWorkers = 4;

// 示例1 (def worker + Process(target=worker, args=(n,))) and 示例2 (class MyProcess) written
// for `workers` processes that each sleep `sleepSeconds`. With 2 workers and 2 s the text is
// the tutorial's, byte for byte.
PythonProgram processProgram(int workers, double sleepSeconds);
PythonProgram subclassProgram(int workers, double sleepSeconds);

} // namespace ProcessLab
