// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace ProcessLab {
struct RunSummary;
}

namespace ProcessLab::Cli {

// The --summary table: one row per process (name, PID, spawn->ready, run time, exit).
QString formatSummaryTable(const RunSummary &summary);
QString exitText(int exitCode, int exitSignal, bool ended);

} // namespace ProcessLab::Cli
