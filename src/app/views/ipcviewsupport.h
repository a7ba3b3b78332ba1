// SPDX-License-Identifier: MIT
#pragma once

#include "record/runsummary.h"

#include <QCoreApplication>
#include <QString>

namespace ProcessLab {

// Texts the queue, pipe and shared-memory views share.
class IpcViewText
{
    Q_DECLARE_TR_FUNCTIONS(ProcessLab::IpcViewText)
public:
    // "Producer 1", "Main", translated as the panes name them (ProcessStatusText::roleName);
    // "process 3" when the record never named it.
    static QString processName(const RunSummary &summary, int process);
    // A time relative to the run's start: "123.4 ms".
    static QString timeText(const RunSummary &summary, qint64 absoluteNs);
    // "Past 10,000 operations only counters are recorded" note of a sampled object.
    static QString sampledNote(qint64 budget);
};

} // namespace ProcessLab
