// SPDX-License-Identifier: MIT
#pragma once

#include <QStringView>
#include <QtGlobal>

#include <span>

class QCoreApplication;

namespace ProcessLab::Cli {

struct BenchOptions;

// One case of `processlab-cli bench pool`; bench/pool_bench.py runs the same programs with
// Python's multiprocessing.Pool.
struct PoolBenchCase
{
    const char *name;    // --case value
    qint64 defaultTasks; // --tasks when not given (apply_async calls, map items; startup: none)
};

std::span<const PoolBenchCase> poolBenchCases();
const PoolBenchCase *findPoolBenchCase(QStringView name);

inline constexpr qint64 poolBenchMinTasks = 1;
inline constexpr qint64 poolBenchMaxTasks = 1'000'000;
inline constexpr int poolBenchMaxProcesses = 64;
inline constexpr int poolBenchDefaultRepeat = 3;

// `processlab-cli bench pool`: runs the case's main program (a Pool of real pool workers in a
// normal Run, per-task events on as always) `repeat` times and prints one JSON object with
// what each round measured from the run record's own events.
int runPoolBench(QCoreApplication &app, const BenchOptions &options);

} // namespace ProcessLab::Cli
