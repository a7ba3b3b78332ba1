// SPDX-License-Identifier: MIT
#pragma once

#include "pythonprogram.h"

namespace ProcessLab {

// The Python programs of the process pool examples (tutorial section 4). Like the IPC
// programs (ipcprograms.h) each records its main program's statements in
// PythonProgram::statements and the lines the pool's workers run in
// PythonProgram::traceLines.

struct PoolProgramOptions
{
    int processes = 2;
    int tasks = 2;            // apply_async(worker, (n,)) for n = 1..tasks
    double sleep = 2;         // seconds each task sleeps
    int maxtasksperchild = 0; // 0: a worker lives as long as the pool (the argument is left out)
};

// Tutorial 4, "示例:使用进程池执行任务"; at the defaults the tutorial's text byte for byte.
// Up to maxUnrolledWorkers tasks are submitted one line each, beyond that in
// `for i in range(1, tasks + 1):`. Each task prints "Worker {num} started", sleeps and
// prints "Worker {num} finished"; main prints "All processes finished" after join().
// Statements: pool.create, apply.<n> (n from 1; in the loop with context "i = n"), close,
// join, print.final. Traces: started, sleep, finished.
PythonProgram poolProgram(const PoolProgramOptions &options);

// results = pool.map(square, range(items)[, chunksize=N]) and print(results): Python
// prints the list of squares in order. chunksize 0 leaves the argument out (Python's
// default rule). Statements: pool.create, map, print.results, close, join.
// Traces: square (the `return x * x` each item runs).
PythonProgram poolMapProgram(int processes, int items, int chunksize);

} // namespace ProcessLab
