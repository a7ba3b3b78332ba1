// SPDX-License-Identifier: MIT
#pragma once

#include "runevent.h"

#include <QList>

namespace ProcessLab {

class RunRecord;

// Per-process figures derived from the record: the one place where spawn->ready,
// run time and exit status are computed, for the CLI table, the panes and the timeline.
struct ProcessSummary
{
    int id = 0;
    QString role;
    qint64 pid = 0;
    ProcessState state = ProcessState::Created;
    qint64 createdNs = 0;
    qint64 startingNs = 0; // 0 = never reached
    qint64 readyNs = 0;
    qint64 runningNs = 0;
    qint64 endNs = 0;
    int exitCode = 0;
    int exitSignal = 0;
    QString detail; // why it failed, if it did
    qint64 stdoutLines = 0;
    qint64 stderrLines = 0;
    qint64 droppedLines = 0;

    bool hasEnded() const { return isEndState(state); }
    double spawnToReadyMs() const; // -1 when not applicable
    double runMs() const;          // running (or first seen) -> end; -1 while running
};

struct RunSummary
{
    QString exampleId;
    qint64 startNs = 0;
    qint64 endNs = 0; // 0 while running
    bool finished = false;
    int exitCode = 0;
    QString finishReason;
    QList<ProcessSummary> processes; // indexed by process id

    double wallMs() const;
    const ProcessSummary *process(int id) const;
    int liveProcessCount() const;
};

// Folds events one at a time, so live views can update incrementally with exactly the
// numbers a full pass over the record gives.
class RunSummaryBuilder
{
public:
    void consume(const RunEvent &event);
    const RunSummary &summary() const { return m_summary; }

private:
    ProcessSummary &processAt(int id);
    RunSummary m_summary;
};

RunSummary summarize(const RunRecord &record);

} // namespace ProcessLab
