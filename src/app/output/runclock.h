// SPDX-License-Identifier: MIT
#pragma once

#include "record/runrecord.h"

namespace ProcessLab::RunClock {

// Every view shows time as nanoseconds since the run started (its RunStarted event):
// console timestamps, timeline, status bar. RunEvent::timeNs is the machine's monotonic
// clock, which counts from boot, so it is never shown as it is. runStartNs 0 = no run yet.
inline qint64 sinceStartNs(qint64 runStartNs, qint64 timeNs)
{
    return runStartNs != 0 ? timeNs - runStartNs : 0;
}

inline qint64 sinceStartNs(const RunRecord &record, qint64 timeNs)
{
    return sinceStartNs(record.startNs(), timeNs);
}

} // namespace ProcessLab::RunClock
