// SPDX-License-Identifier: MIT
#pragma once

// The arithmetic of resource-sample events (docs/run-record.md), shared by the host that
// records them (ResourceSampling) and every fold that reads them (RunSummaryBuilder, the
// app's CPU lane), so the CPU time a view shows is the one the host meant.

#include <QtGlobal>

namespace ProcessLab {

// CPU per-mille of one core for cpuNs of CPU used over elapsedNs of time (rounded).
inline qint64 cpuPermille(qint64 cpuNs, qint64 elapsedNs)
{
    if (elapsedNs <= 0 || cpuNs <= 0)
        return 0;
    return (cpuNs / elapsedNs) * 1000 + ((cpuNs % elapsedNs) * 1000 + elapsedNs / 2) / elapsedNs;
}

// The CPU time one sample stands for: its per-mille over the time since the previous sample
// of that process (the first: since the process's Starting stamp).
inline qint64 cpuNsOfSample(qint64 permille, qint64 elapsedNs)
{
    if (elapsedNs <= 0 || permille <= 0)
        return 0;
    return (permille / 1000) * elapsedNs + (permille % 1000) * elapsedNs / 1000;
}

} // namespace ProcessLab
