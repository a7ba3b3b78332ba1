// SPDX-License-Identifier: MIT
#pragma once

namespace ProcessLab::Worker {

// The CPU time this process has used so far, user and system, in seconds: what Python's
// time.process_time() returns. It advances only while the process runs on a core, so a
// loop that waits for it to pass a mark computes for that long whatever else the machine runs.
double processCpuSeconds();

} // namespace ProcessLab::Worker
