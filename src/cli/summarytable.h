// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace ProcessLab {
struct ProcessSummary;
struct RunSummary;
}

namespace ProcessLab::Cli {

// The --summary table: one row per process (name, PID, spawn->ready, run time, exit).
QString formatSummaryTable(const RunSummary &summary);
// The exit column: Python's Process.exitcode, with the signal's name ("-15 (SIGTERM)").
QString exitText(const ProcessSummary &process);
// CPU time as the table shows it: "1.98 s", "-" when not sampled (Main, or no sample).
QString cpuSeconds(const ProcessSummary &process);

} // namespace ProcessLab::Cli
