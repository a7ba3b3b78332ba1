// SPDX-License-Identifier: MIT
#pragma once

#include "record/runsummary.h"

#include <QCoreApplication>

namespace ProcessLab {

// The words the output headers use for a process's status, translated.
class ProcessStatusText
{
    Q_DECLARE_TR_FUNCTIONS(ProcessStatusText)
public:
    static QString state(ProcessState state);        // "running", "finished", ...
    static QString signalName(int signal);           // "SIGKILL"; empty if unknown
    static QString exitStatus(const ProcessSummary &process); // "exit 0", "signal 9 (SIGKILL)"; empty while alive
    static QString duration(qint64 ns);              // "420 ms", "1.42 s", "12.4 s", "2:05 min"
    // From the spawn (or creation, for Main) to the end, or to nowNs while alive; -1 if not started.
    static qint64 elapsedNs(const ProcessSummary &process, qint64 nowNs);
};

} // namespace ProcessLab
