// SPDX-License-Identifier: MIT
#include "timelinedata.h"

#include "output/runclock.h"
#include "record/runrecord.h"

#include <algorithm>
#include <limits>

namespace ProcessLab {

namespace {

// Sorts list[sorted..] and merges it into the sorted prefix. Events of one process
// arrive nearly in time order, so the merge is usually a no-op check.
void sortTail(QList<TimelineMark> &list, qsizetype sorted)
{
    if (sorted >= list.size())
        return;
    const auto middle = list.begin() + sorted;
    if (!std::is_sorted(middle, list.end(), markBefore))
        std::sort(middle, list.end(), markBefore);
    if (sorted > 0 && markBefore(*middle, *(middle - 1)))
        std::inplace_merge(list.begin(), middle, list.end(), markBefore);
}

} // namespace

void TimelineData::clear()
{
    *this = TimelineData();
}

const TimelineRow *TimelineData::row(int processId) const
{
    return (processId >= 0 && processId < m_rows.size()) ? &m_rows.at(processId) : nullptr;
}

const ProcessSummary &TimelineData::processSummary(int processId) const
{
    if (const ProcessSummary *process = summary().process(processId))
        return *process;
    static const ProcessSummary blank;
    return blank;
}

qint64 TimelineData::relativeNs(qint64 absoluteNs) const
{
    return absoluteNs != 0 ? RunClock::sinceStartNs(m_runStartNs, absoluteNs) : -1;
}

qint64 TimelineData::createdNs(int processId) const
{
    return relativeNs(processSummary(processId).createdNs);
}

qint64 TimelineData::endNs(int processId) const
{
    return relativeNs(processSummary(processId).endNs);
}

const QList<MainSpan> &TimelineData::mainSpans() const
{
    if (m_mainSpansConsumed == m_consumed)
        return m_mainSpans;
    m_mainSpansConsumed = m_consumed;
    const RunSummary &run = summary();
    QList<MainSpan> &spans = m_mainSpans;
    // Everything before the last statement or pause is final (a span ends, at the latest,
    // where the next begins): rebuild from there.
    spans.resize(m_finalSpans);
    const qint64 mainEnd = endNs(mainProcessId);
    const auto closeLast = [&spans](qint64 t) {
        if (!spans.isEmpty() && spans.constLast().isOpen())
            spans.last().endNs = std::max(t, spans.constLast().startNs);
    };
    // Steps and pauses are each in time order: merge them, the host's time between.
    const auto append = [&](MainSpan span, qsizetype stepIndex, qsizetype pauseIndex) {
        closeLast(span.startNs); // older records have no step-ended: a step lasts until the next
        if (!spans.isEmpty() && spans.constLast().endNs < span.startNs) {
            spans.append({MainSpan::Kind::Host, spans.constLast().endNs, span.startNs, 0, {}});
        } else if (spans.isEmpty() && !m_rows.isEmpty()
                   && !m_rows.constFirst().segments.isEmpty()) {
            const qint64 mainStart = m_rows.constFirst().segments.constFirst().startNs;
            if (mainStart < span.startNs)
                spans.append({MainSpan::Kind::Host, mainStart, span.startNs, 0, {}});
        }
        m_finalSpans = spans.size();
        m_finalSteps = stepIndex;
        m_finalPauses = pauseIndex;
        spans.append(std::move(span));
    };
    const auto endOf = [this](qint64 absoluteEndNs) {
        return absoluteEndNs ? relativeNs(absoluteEndNs) : TimelineSegment::openEnd;
    };
    qsizetype step = m_finalSteps;
    qsizetype pause = m_finalPauses;
    while (step < run.steps.size() || pause < run.pauses.size()) {
        const bool takePause = pause < run.pauses.size()
                               && (step >= run.steps.size()
                                   || run.pauses.at(pause).beginNs <= run.steps.at(step).beginNs);
        if (takePause) {
            const PauseInterval &p = run.pauses.at(pause);
            MainSpan span{MainSpan::Kind::Paused, relativeNs(p.beginNs), endOf(p.endNs),
                          p.sourceLine, p.text};
            if (span.sourceLine == 0 && step < run.steps.size()) { // recorded without its line
                span.sourceLine = run.steps.at(step).sourceLine;
                span.text = run.steps.at(step).text;
            }
            append(std::move(span), step, pause);
            ++pause;
        } else {
            const StepTiming &s = run.steps.at(step);
            append({MainSpan::Kind::Statement, relativeNs(s.beginNs), endOf(s.endNs),
                    s.sourceLine, s.text},
                   step, pause);
            ++step;
        }
    }
    if (mainEnd >= 0 && !spans.isEmpty()) {
        closeLast(mainEnd);
        if (spans.constLast().endNs < mainEnd)
            spans.append({MainSpan::Kind::Host, spans.constLast().endNs, mainEnd, 0, {}});
    } else if (!spans.isEmpty() && !spans.constLast().isOpen()) {
        // Live: the host's time since the last statement returned, until the next begins.
        spans.append({MainSpan::Kind::Host, spans.constLast().endNs, TimelineSegment::openEnd, 0,
                      {}});
    }
    return spans;
}

const MainSpan *TimelineData::mainSpanAt(const QList<MainSpan> &spans, qint64 t)
{
    // Spans are in time order and do not overlap: the one holding t is the last that starts
    // at or before t, or an empty one just before it.
    auto it = std::upper_bound(spans.cbegin(), spans.cend(), t,
                               [](qint64 time, const MainSpan &span) { return time < span.startNs; });
    while (it != spans.cbegin()) {
        --it;
        if (it->contains(t))
            return &*it;
        if (it->startNs < t)
            break;
    }
    return nullptr;
}

QList<PoolBusySpan> TimelineData::poolSpans(int processId, qint64 fromNs, qint64 toNs, qint64 openEndNs) const
{
    QList<PoolBusySpan> spans;
    const QList<qsizetype> &list = poolTasks().tasksOf(processId);
    if (list.isEmpty())
        return spans;
    const QList<PoolTaskSpan> &tasks = poolTasks().tasks();
    const qint64 workerEnd = endNs(processId);
    // One worker's tasks do not overlap: the first visible one is the last that starts at or
    // before fromNs, or the first after it.
    auto it = std::upper_bound(list.cbegin(), list.cend(), fromNs, [&](qint64 t, qsizetype index) {
        return t < relativeNs(tasks.at(index).startNs);
    });
    if (it != list.cbegin())
        --it;
    for (; it != list.cend(); ++it) {
        const PoolTaskSpan &task = tasks.at(*it);
        const qint64 start = relativeNs(task.startNs);
        if (start > toNs)
            break;
        qint64 end = task.endNs != 0 ? relativeNs(task.endNs) : (workerEnd >= 0 ? workerEnd : openEndNs);
        end = std::max(end, start);
        if (end < fromNs)
            continue;
        spans.append({start, end, *it, task.outcome});
    }
    return spans;
}

std::pair<qint64, qint64> TimelineData::countedOnlyRange(int processId, qint64 openEndNs) const
{
    const PoolProgress *pool = poolTasks().pool(poolTasks().poolOf(processId));
    if (!pool || !pool->counted)
        return {-1, -1};
    // Untracked tasks are queued after the tracked ones: on a row they come after the worker's
    // last tracked task (or, if it ran none, from when it runs), up to the last count or its end.
    const QList<qsizetype> &list = poolTasks().tasksOf(processId);
    qint64 from = relativeNs(pool->firstCountedNs);
    if (!list.isEmpty()) {
        const PoolTaskSpan &last = poolTasks().tasks().at(list.constLast());
        from = std::max(from, last.endNs != 0 ? relativeNs(last.endNs) : std::numeric_limits<qint64>::max() / 2);
    } else if (const TimelineRow *r = row(processId)) {
        for (const TimelineSegment &segment : r->segments) {
            if (segment.state == ProcessState::Running) {
                from = std::max(from, segment.startNs);
                break;
            }
        }
    }
    qint64 to = pool->countedDone >= pool->countedQueued ? relativeNs(pool->lastCountedNs) : openEndNs;
    if (const qint64 workerEnd = endNs(processId); workerEnd >= 0)
        to = std::min(to, workerEnd);
    const qint64 created = createdNs(processId);
    from = std::max(from, created);
    if (to <= from)
        return {-1, -1};
    return {from, to};
}

TimelineRow &TimelineData::rowAt(int processId)
{
    while (m_rows.size() <= processId) {
        TimelineRow row;
        row.processId = static_cast<int>(m_rows.size());
        m_rows.append(row);
        m_sortedMarks.append(0);
        m_sortedPhases.append(0);
        m_sortedAlerts.append(0);
    }
    return m_rows[processId];
}

bool TimelineData::consume(const RunRecord &record, qsizetype from)
{
    const QList<RunEvent> &events = record.events();
    const qsizetype begin = std::max(from, m_consumed);
    if (begin >= events.size())
        return false;
    if (!m_haveStart) {
        m_runStartNs = record.startNs();
        m_haveStart = true;
    }
    for (qsizetype i = begin; i < events.size(); ++i) {
        const RunEvent &event = events.at(i);
        const qint64 t = RunClock::sinceStartNs(m_runStartNs, event.timeNs);
        m_lastEventNs = std::max(m_lastEventNs, t);
        m_summary.consume(event);
        foldEvent(event, i, t);
    }
    m_consumed = events.size();
    sortNewMarks();
    return true;
}

void TimelineData::foldEvent(const RunEvent &event, qsizetype index, qint64 t)
{
    switch (event.kind) {
    case EventKind::RunStarted:
        break;
    case EventKind::RunFinished:
        m_runEndNs = t;
        break;
    case EventKind::ProcessCreated:
        // A row for every process the record mentions; its figures are in the summary.
        if (event.process >= 0)
            rowAt(event.process);
        break;
    case EventKind::StateChanged:
        if (event.process >= 0)
            applyState(rowAt(event.process), event, t);
        break;
    case EventKind::Output: {
        if (event.process < 0)
            break;
        const bool isErr = event.stream == OutputStream::StdErr;
        addMark(event.process, t, index, isErr ? MarkKind::StdErr : MarkKind::StdOut);
        break;
    }
    case EventKind::ScriptStep:
        addMark(event.process < 0 ? mainProcessId : event.process, t, index,
                MarkKind::ScriptStep);
        break;
    case EventKind::WorkerTrace:
        if (event.process >= 0)
            addMark(event.process, t, index, MarkKind::WorkerTrace);
        break;
    case EventKind::Error:
        if (event.process >= 0)
            addMark(event.process, t, index, MarkKind::Error);
        break;
    case EventKind::OutputDropped:
        if (event.process >= 0)
            addMark(event.process, t, index, MarkKind::Dropped);
        break;
    case EventKind::ConnectionRejected:
    case EventKind::TracesDropped:
    case EventKind::RejectionsDropped:
    case EventKind::ScriptStepEnded: // step timings: RunSummary::steps / pauses
    case EventKind::Paused:
    case EventKind::IpcObjectCreated: // shared objects: drawn by their own views (issue 14)
    case EventKind::IpcOperation:
    case EventKind::IpcSampling:
    case EventKind::IpcCounters:
    case EventKind::IpcRecovered:
    case EventKind::PoolWorker:
        if (event.op == quint8(PoolWorkerChange::FaultInjected) && event.process > mainProcessId)
            addMark(event.process, t, index, MarkKind::FaultInjected);
        break;
    case EventKind::ResourceSample:
        break; // the CPU lane reads these
    case EventKind::PoolTask: // pools: poolTasks() (busy spans on the workers' rows)
        break;
    }
}

void TimelineData::applyState(TimelineRow &row, const RunEvent &event, qint64 t)
{
    const auto closeOpenSegment = [&row, t] {
        if (!row.segments.isEmpty() && row.segments.constLast().isOpen()) {
            TimelineSegment &last = row.segments.last();
            last.endNs = std::max(t, last.startNs);
        }
    };
    switch (event.state) {
    case ProcessState::Created:
        break;
    case ProcessState::Starting:
    case ProcessState::Ready:
    case ProcessState::Running:
        // A repeated state (a second Starting only adds the pid) continues its segment.
        if (!row.segments.isEmpty() && row.segments.constLast().isOpen()
            && row.segments.constLast().state == event.state)
            break;
        closeOpenSegment();
        row.segments.append({std::max(t, row.segments.isEmpty()
                                               ? t
                                               : row.segments.constLast().endNs),
                             TimelineSegment::openEnd, event.state});
        break;
    case ProcessState::Finished:
    case ProcessState::Failed:
    case ProcessState::Killed:
        closeOpenSegment();
        break;
    }
}

void TimelineData::addMark(int processId, qint64 t, qsizetype index, MarkKind kind)
{
    TimelineRow &row = rowAt(processId);
    const TimelineMark mark{t, index, static_cast<quint8>(kind)};
    row.marks.append(mark);
    if (kind == MarkKind::ScriptStep || kind == MarkKind::WorkerTrace)
        row.phases.append(mark);
    else if (kind != MarkKind::StdOut)
        row.alerts.append(mark);
    ++m_markCount;
}

void TimelineData::sortNewMarks()
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        TimelineRow &row = m_rows[i];
        sortTail(row.marks, m_sortedMarks.at(i));
        sortTail(row.phases, m_sortedPhases.at(i));
        sortTail(row.alerts, m_sortedAlerts.at(i));
        m_sortedMarks[i] = row.marks.size();
        m_sortedPhases[i] = row.phases.size();
        m_sortedAlerts[i] = row.alerts.size();
    }
}

} // namespace ProcessLab
