// SPDX-License-Identifier: MIT
#pragma once

#include "pythonprogram.h"

namespace ProcessLab {

// Up to this many workers a program names each process (process1, process2, ...) as the
// tutorial does; beyond, it keeps them in a list and loops over it.
inline constexpr int maxUnrolledWorkers = 4;

// What a worker does for its seconds: the tutorial's time.sleep, or a busy loop on the CPU
// (the `work` knob), so that processes running in parallel on several cores can be seen.
enum class WorkerWork { Sleep, Compute };

// When the main program joins its processes (the `joins` knob): the tutorial starts them all,
// then joins them all (they run side by side); AfterEachStart joins each one right after its
// start, so they run one at a time and the program takes N times as long (a trap to see).
enum class JoinOrder { AfterStarts, AfterEachStart };

// 示例1 (def worker + Process(target=worker, args=(n,))) and 示例2 (class MyProcess) written
// for `workers` processes that each sleep (or compute for) `seconds`. With 2 workers, 2 s and
// sleep the text is the tutorial's, byte for byte. With Compute the program defines
// busy(seconds) and calls it where time.sleep was; its trace label is "busy", not "sleep".
// With JoinOrder::AfterEachStart every start() is followed at once by its join() (in the
// loop's body beyond maxUnrolledWorkers); the processes are still all created first.
PythonProgram processProgram(int workers, double seconds, WorkerWork work = WorkerWork::Sleep,
                             JoinOrder joins = JoinOrder::AfterStarts);
PythonProgram subclassProgram(int workers, double seconds, WorkerWork work = WorkerWork::Sleep,
                              JoinOrder joins = JoinOrder::AfterStarts);

} // namespace ProcessLab
