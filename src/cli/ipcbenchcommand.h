// SPDX-License-Identifier: MIT
#pragma once

#include <QStringView>
#include <QtGlobal>

#include <span>

class QCoreApplication;

namespace ProcessLab::Cli {

struct BenchOptions;

// One case of `processlab-cli bench ipc`; bench/ipc_bench.py runs the same cases in Python.
struct IpcBenchCase
{
    const char *name;   // --case value
    qint64 defaultOps;  // --ops when not given: long enough that the steady state dominates
};

std::span<const IpcBenchCase> ipcBenchCases();
const IpcBenchCase *findIpcBenchCase(QStringView name);

inline constexpr qint64 ipcBenchMinOps = 100;
inline constexpr qint64 ipcBenchMaxOps = 10'000'000;
inline constexpr int ipcBenchDefaultRepeat = 5;

// `processlab-cli bench ipc`: runs the case's host script (shared objects + 2 workers of the
// shipped worker) as a normal Run, observation on, `repeat` times, and prints one JSON object
// with the rate each round measured inside the workers (steady state, not start-up).
int runIpcBench(QCoreApplication &app, const BenchOptions &options);

} // namespace ProcessLab::Cli
