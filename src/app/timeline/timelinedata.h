// SPDX-License-Identifier: MIT
#pragma once

#include "record/pooltaskspans.h"
#include "record/runevent.h"
#include "record/runsummary.h"

#include <QList>
#include <QString>

namespace ProcessLab {

class RunRecord;

enum class MarkKind : quint8 {
    StdOut,      // one output line on stdout
    StdErr,      // one output line on stderr
    ScriptStep,  // a step of the main program (process 0): sourceLine + text
    WorkerTrace, // a label a worker reported (e.g. "sleep")
    Error,       // an error attributed to the process
    Dropped,     // output lines over the record's cap (count in the event)
    FaultInjected, // ProcessLab killed this pool worker on purpose (fault injection knob)
};

// One point event on a row. Plain data, kept time-sorted; times are ns relative to the
// run's start, eventIndex points into RunRecord::events().
struct TimelineMark
{
    qint64 timeNs = 0;
    qsizetype eventIndex = 0;
    quint8 kind = 0; // MarkKind

    MarkKind markKind() const { return static_cast<MarkKind>(kind); }
    bool operator==(const TimelineMark &) const = default;
};

// The order of marks in a row: by time, then by position in the record (a total order,
// so consuming in batches gives exactly the one-shot result).
inline bool markBefore(const TimelineMark &a, const TimelineMark &b)
{
    return a.timeNs != b.timeNs ? a.timeNs < b.timeNs : a.eventIndex < b.eventIndex;
}

// A span of one lifecycle state (Starting, Ready or Running).
struct TimelineSegment
{
    static constexpr qint64 openEnd = -1;

    qint64 startNs = 0;
    qint64 endNs = openEnd; // openEnd while the state lasts ("now" on a live run)
    ProcessState state = ProcessState::Starting;

    bool isOpen() const { return endNs == openEnd; }
    bool operator==(const TimelineSegment &) const = default;
};

// One span of the main program's row, from RunSummary::steps and pauses: a statement from
// the moment it began to the moment it returned (a join really waits), a step-mode wait for
// the user, or the host's own time between them (scheduling, a busy event loop), which
// belongs to no statement. Times relative to the run's start.
struct MainSpan
{
    enum class Kind : quint8 { Statement, Paused, Host };

    Kind kind = Kind::Statement;
    qint64 startNs = 0;
    qint64 endNs = TimelineSegment::openEnd; // openEnd while it lasts ("now" on a live run)
    int sourceLine = 0; // Statement: its line; Paused: the line it waits before (0: unknown)
    QString text;       // the statement's code, as for sourceLine; empty for Host

    bool isOpen() const { return endNs == TimelineSegment::openEnd; }
    bool contains(qint64 t) const { return t >= startNs && (isOpen() || t < endNs); }
    bool operator==(const MainSpan &) const = default;
};

// One task on a pool worker's row (from PoolTaskSpans): start to finish, or to the worker's
// death for a lost task. Times relative to the run's start.
struct PoolBusySpan
{
    qint64 startNs = 0;
    qint64 endNs = 0;        // an open task ends at openEndNs (now) or its worker's end
    qsizetype task = 0;      // index into PoolTaskSpans::tasks()
    PoolTaskOutcome outcome = PoolTaskOutcome::Running;
    bool operator==(const PoolBusySpan &) const = default;
};

// What the timeline draws for one process beyond the process's own figures. Role, pid,
// state, created/end times, exit status and line counts are not here: they come from the
// RunSummary (TimelineData::processSummary()), the one place every view reads them from.
struct TimelineRow
{
    int processId = 0;
    QList<TimelineSegment> segments; // in time order, non-overlapping
    QList<TimelineMark> marks;       // all marks, sorted by (timeNs, eventIndex)
    QList<TimelineMark> phases;      // the ScriptStep/WorkerTrace marks only, same order
    QList<TimelineMark> alerts;      // the StdErr/Error/Dropped/FaultInjected marks only, same order

    bool operator==(const TimelineRow &) const = default;
};

// Projection of a RunRecord into timeline rows, one per process id (Main = row 0).
// Incremental: consume() folds only events it has not seen, so a live view pays per
// batch for the new events, not for the whole record.
class TimelineData
{
public:
    using Mark = TimelineMark;
    using Segment = TimelineSegment;
    using Row = TimelineRow;

    void clear();

    // Folds record.events()[from..] (events before consumedCount() are never folded
    // twice). Returns true if anything changed.
    bool consume(const RunRecord &record, qsizetype from);
    qsizetype consumedCount() const { return m_consumed; }

    const QList<TimelineRow> &rows() const { return m_rows; }
    qsizetype rowCount() const { return m_rows.size(); }
    const TimelineRow *row(int processId) const;

    qint64 runStartNs() const { return m_runStartNs; } // absolute monotonic ns
    qint64 lastEventNs() const { return m_lastEventNs; } // relative
    bool runFinished() const { return m_runEndNs >= 0; }
    qint64 runEndNs() const { return m_runEndNs; } // relative; -1 while running
    qint64 markCount() const { return m_markCount; }
    // The per-process figures, folded from the same events: exactly what the CLI, the
    // panes and the history show.
    const RunSummary &summary() const { return m_summary.summary(); }
    // One process's figures (role, pid, state, exit status, line counts). A process the
    // summary does not list (the record mentions it only in steps, traces or errors) gets
    // a blank one: no role, no pid, state Created; its id is not meaningful.
    const ProcessSummary &processSummary(int processId) const;
    // The summary's times of a process relative to the run's start; -1 if unknown.
    qint64 createdNs(int processId) const; // ProcessCreated
    qint64 endNs(int processId) const;     // the end state; -1 while not ended

    // The pool tasks of the run, folded from the same events (panes and status line read the
    // same projection).
    const PoolTaskSpans &poolTasks() const { return m_summary.summary().pools; }
    bool isPoolWorker(int processId) const { return m_summary.summary().pools.isPoolWorker(processId); }
    // The tasks a pool worker ran that overlap [fromNs, toNs], in time order. Binary search:
    // the cost follows what is visible, not the tasks the worker ran.
    QList<PoolBusySpan> poolSpans(int processId, qint64 fromNs, qint64 toNs, qint64 openEndNs) const;
    // Past the pool's per-task event budget the worker's tasks are only counted: the time
    // covered by counters events on its row ([startNs, endNs], relative), or {-1, -1}.
    std::pair<qint64, qint64> countedOnlyRange(int processId, qint64 openEndNs) const;

    // The main program's row as statements, pauses and the host's time between them, in
    // time order and not overlapping. Empty until the first statement or pause. A span the
    // record never closed ends where the next one begins, or at Main's end. Built
    // incrementally (a pipe's 100,000 messages are 300,000 statements): only the spans
    // from the last statement or pause on are rebuilt after a consume().
    const QList<MainSpan> &mainSpans() const;
    // The span at relative time t, or nullptr (a pointer into spans).
    static const MainSpan *mainSpanAt(const QList<MainSpan> &spans, qint64 t);

private:
    TimelineRow &rowAt(int processId);
    qint64 relativeNs(qint64 absoluteNs) const; // summary time (0 = never) -> relative or -1
    void foldEvent(const RunEvent &event, qsizetype index, qint64 t);
    static void applyState(TimelineRow &row, const RunEvent &event, qint64 t);
    void addMark(int processId, qint64 t, qsizetype index, MarkKind kind);
    void sortNewMarks();

    QList<TimelineRow> m_rows;
    RunSummaryBuilder m_summary;
    QList<qsizetype> m_sortedMarks;  // per row: marks before this index are sorted
    QList<qsizetype> m_sortedPhases; // per row: same for phases
    QList<qsizetype> m_sortedAlerts; // per row: same for alerts
    qsizetype m_consumed = 0;
    qint64 m_runStartNs = 0;
    bool m_haveStart = false;
    qint64 m_lastEventNs = 0;
    qint64 m_runEndNs = -1;
    qint64 m_markCount = 0;
    // mainSpans()'s cache: spans before m_finalSpans no longer change; they cover the
    // steps and pauses before m_finalSteps / m_finalPauses.
    mutable QList<MainSpan> m_mainSpans;
    mutable qsizetype m_mainSpansConsumed = -1; // m_consumed when m_mainSpans was built
    mutable qsizetype m_finalSpans = 0;
    mutable qsizetype m_finalSteps = 0;
    mutable qsizetype m_finalPauses = 0;
};

} // namespace ProcessLab
