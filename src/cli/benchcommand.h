// SPDX-License-Identifier: MIT
#pragma once

class QCoreApplication;

namespace ProcessLab::Cli {

struct BenchOptions;

// `processlab-cli bench spawn`: spawn->ready of N workers started at once, repeated, and
// optionally the idle workers' memory (PSS). Prints one JSON object for bench/ scripts.
int runSpawnBench(QCoreApplication &app, const BenchOptions &options);

} // namespace ProcessLab::Cli
