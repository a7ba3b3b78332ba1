// SPDX-License-Identifier: MIT
#include "timelinetooltips.h"

#include "output/processstatustext.h"

#include "timelinemath.h"
#include "timelinepainter.h"

#include <algorithm>

namespace ProcessLab {

namespace {

QString bold(const QString &text)
{
    return u"<b>" % text.toHtmlEscaped() % u"</b>";
}

QString code(const QString &text)
{
    return u"<tt>" % shortenedHtml(text, TimelineToolTips::maxTextLength) % u"</tt>";
}

QString ms(qint64 ns)
{
    return TimelineMath::formatExactMs(ns);
}

QString italic(const QString &text)
{
    return u"<i>" % text % u"</i>";
}

constexpr QLatin1StringView br("<br>");

} // namespace

QString shortenedHtml(const QString &text, qsizetype maxLength)
{
    if (text.size() <= maxLength)
        return text.toHtmlEscaped();
    return QString(text.left(maxLength - 1) + u'…').toHtmlEscaped();
}

QString TimelineToolTips::text(const TimelineHit &hit, const TimelineData &data,
                               const QList<RunEvent> &events, qint64 openEndNs)
{
    // Lines stay whole (times must not wrap mid-number); texts are capped at maxTextLength.
    const QString body = bodyText(hit, data, events, openEndNs);
    return body.isEmpty() ? body : u"<div style=\"white-space:nowrap\">" % body % u"</div>";
}

QString TimelineToolTips::bodyText(const TimelineHit &hit, const TimelineData &data,
                                   const QList<RunEvent> &events, qint64 openEndNs)
{
    const TimelineRow *row = data.row(hit.row);
    if (!row)
        return {};
    const ProcessSummary &process = data.processSummary(row->processId);
    const QString role = TimelinePainter::roleText(row->processId, process);
    switch (hit.kind) {
    case TimelineHit::Kind::None:
        return {};
    case TimelineHit::Kind::Label:
        return labelText(role, process);
    case TimelineHit::Kind::Created:
        return bold(role) % br
               % tr("Created at %1").arg(ms(data.createdNs(row->processId))) % br
               % italic(TimelinePainter::stateExplanation(ProcessState::Created));
    case TimelineHit::Kind::Segment:
        if (hit.index < 0 || hit.index >= row->segments.size())
            return {};
        if (row->processId == mainProcessId) {
            // What the program did, not the host's scheduling: statement, pause or neither.
            if (const QString text = mainSpanText(role, data, hit.timeNs, openEndNs);
                !text.isEmpty())
                return text;
        }
        return segmentText(*row, role, process, row->segments.at(hit.index), events, hit.timeNs,
                           openEndNs);
    case TimelineHit::Kind::Phase:
    case TimelineHit::Kind::Mark: {
        const QList<TimelineMark> &list
            = hit.kind == TimelineHit::Kind::Phase ? row->phases : row->marks;
        if (hit.index < 0 || hit.index >= list.size())
            return {};
        const TimelineMark &mark = list.at(hit.index);
        if (mark.eventIndex < 0 || mark.eventIndex >= events.size())
            return {};
        return markText(role, mark, events.at(mark.eventIndex), hit.sharedPixel);
    }
    case TimelineHit::Kind::End:
        return endText(role, process, data.endNs(row->processId));
    case TimelineHit::Kind::PoolTask: {
        const QList<PoolBusySpan> spans = data.poolSpans(row->processId, hit.timeNs, hit.timeNs, openEndNs);
        const auto span = std::find_if(spans.cbegin(), spans.cend(),
                                       [&hit](const PoolBusySpan &s) { return s.task == hit.index; });
        if (span == spans.cend())
            return {};
        const PoolTaskSpan &task = data.poolTasks().tasks().at(span->task);
        return poolTaskText(role, task, *span, task.endNs == 0 && data.endNs(row->processId) < 0);
    }
    case TimelineHit::Kind::PoolCounted: {
        const PoolTaskSpans &pool = data.poolTasks();
        const PoolProgress *progress = pool.pool(pool.poolOf(row->processId));
        return progress ? countedText(role, *progress) : QString();
    }
    }
    return {};
}

QString TimelineToolTips::poolTaskText(const QString &role, const PoolTaskSpan &task, const PoolBusySpan &span,
                                       bool open)
{
    QString result = tr("Task %1").arg(task.task);
    if (!task.call.isEmpty())
        result += u": " % code(task.call);
    result += br % tr("%1 (PID %2)").arg(bold(role)).arg(task.pid);
    if (task.items > 1)
        result += br % tr("A chunk of %1 items").arg(task.items);
    const QString duration = TimelineMath::formatDuration(span.endNs - span.startNs);
    result += br
              % (open ? tr("since %1 (%2 so far)").arg(ms(span.startNs), duration)
                      : tr("from %1 to %2 (%3)").arg(ms(span.startNs), ms(span.endNs), duration));
    switch (task.outcome) {
    case PoolTaskOutcome::Queued:
    case PoolTaskOutcome::Running:
        result += br % italic(tr("Running"));
        break;
    case PoolTaskOutcome::Finished:
        result += br % tr("Result: %1").arg(code(task.result));
        break;
    case PoolTaskOutcome::Failed:
        result += br % tr("Error: %1").arg(code(task.result));
        break;
    case PoolTaskOutcome::Lost:
        result += br % tr("Lost: %1").arg(code(task.result));
        break;
    case PoolTaskOutcome::Unfinished:
        result += br % italic(tr("Not finished: its process ended first (stopped or terminated)."));
        break;
    }
    return result;
}

QString TimelineToolTips::countedText(const QString &role, const PoolProgress &pool)
{
    return bold(role) % br % TimelinePainter::countedOnlyText(pool).toHtmlEscaped() % br
           % italic(tr("A pool records each of its first %1 tasks; after that only how many are done.")
                        .arg(pool.tracked));
}

QString TimelineToolTips::markText(const QString &role, const TimelineMark &mark,
                                   const RunEvent &event, qsizetype sharedPixel)
{
    const QString who = bold(role);
    QString head;
    QString body;
    bool clickable = true;
    switch (mark.markKind()) {
    case MarkKind::StdOut:
        head = tr("%1 printed:").arg(who);
        body = code(event.text);
        break;
    case MarkKind::StdErr:
        head = tr("%1 wrote to stderr:").arg(who);
        body = code(event.text);
        break;
    case MarkKind::ScriptStep:
        head = event.sourceLine > 0 ? tr("%1 runs line %2:").arg(who).arg(event.sourceLine)
                                    : tr("%1 runs:").arg(who);
        body = code(event.text);
        break;
    case MarkKind::WorkerTrace:
        head = event.sourceLine > 0 ? tr("%1 reached line %2:").arg(who).arg(event.sourceLine)
                                    : tr("%1 reported:").arg(who);
        body = code(event.text);
        break;
    case MarkKind::Error:
        head = tr("%1 reported an error:").arg(who);
        body = code(event.text);
        break;
    case MarkKind::FaultInjected:
        // Two short lines: the tool tip does not wrap.
        head = tr("%1 killed on purpose by ProcessLab:").arg(who);
        body = tr("SIGKILL to PID %1 while it ran task %2 (fault injection knob)").arg(event.pid).arg(event.count) % br
               % tr("It shows what a pool does when a worker dies: not a bug in the program.");
        clickable = false;
        break;
    case MarkKind::Dropped:
        head = who;
        body = tr("Output lines over the record's limit, not kept: %1").arg(event.count);
        clickable = false;
        break;
    }
    QString result = head % br % body % br % tr("at %1").arg(ms(mark.timeNs));
    if (sharedPixel > 0) {
        result += br % italic(tr("+%1 more at this pixel; Ctrl+wheel zooms in.").arg(sharedPixel));
    }
    if (clickable)
        result += br % italic(tr("Click to show it in the process's output."));
    return result;
}

QString TimelineToolTips::segmentText(const TimelineRow &row, const QString &role,
                                      const ProcessSummary &process,
                                      const TimelineSegment &segment,
                                      const QList<RunEvent> &events, qint64 timeNs,
                                      qint64 openEndNs)
{
    QString result = bold(role);
    if (process.pid > 0)
        result += u' ' % tr("(PID %1)").arg(process.pid);
    result += u": " % ProcessStatusText::state(segment.state) % br;
    if (segment.isOpen()) {
        const qint64 end = std::max(openEndNs, segment.startNs);
        result += tr("since %1 (%2 so far)")
                      .arg(ms(segment.startNs),
                           TimelineMath::formatDuration(end - segment.startNs));
    } else {
        result += tr("from %1 to %2 (%3)")
                      .arg(ms(segment.startNs), ms(segment.endNs),
                           TimelineMath::formatDuration(segment.endNs - segment.startNs));
    }
    // What the process was doing at that moment: the phase in progress.
    const auto byTime = [](qint64 t, const TimelineMark &mark) { return t < mark.timeNs; };
    const auto after = std::upper_bound(row.phases.cbegin(), row.phases.cend(), timeNs, byTime);
    if (after != row.phases.cbegin()) {
        const TimelineMark &phase = *(after - 1);
        if (phase.eventIndex >= 0 && phase.eventIndex < events.size()) {
            const RunEvent &event = events.at(phase.eventIndex);
            result += br
                      % (event.sourceLine > 0
                             ? tr("At line %1: %2").arg(event.sourceLine).arg(code(event.text))
                             : tr("Doing: %1").arg(code(event.text)));
        }
    }
    result += br % italic(TimelinePainter::stateExplanation(segment.state));
    return result;
}

QString TimelineToolTips::mainSpanText(const QString &role, const TimelineData &data,
                                      qint64 timeNs, qint64 openEndNs)
{
    const QList<MainSpan> &spans = data.mainSpans();
    const MainSpan *span = TimelineData::mainSpanAt(spans, timeNs);
    if (!span)
        return {};
    const qint64 mainEnd = data.endNs(mainProcessId);
    const qint64 end = span->isOpen() ? std::max(mainEnd >= 0 ? mainEnd : openEndNs, span->startNs)
                                      : span->endNs;
    const QString when = span->isOpen() && mainEnd < 0
                             ? tr("since %1 (%2 so far)")
                                   .arg(ms(span->startNs),
                                        TimelineMath::formatDuration(end - span->startNs))
                             : tr("from %1 to %2 (%3)")
                                   .arg(ms(span->startNs), ms(end),
                                        TimelineMath::formatDuration(end - span->startNs));
    const QString who = bold(role);
    switch (span->kind) {
    case MainSpan::Kind::Statement:
        return (span->sourceLine > 0 ? tr("%1 at line %2:").arg(who).arg(span->sourceLine)
                                     : tr("%1 runs:").arg(who))
               % br % code(span->text) % br % when;
    case MainSpan::Kind::Paused: {
        QString head = who % u' ' % TimelinePainter::pausedText(*span).toHtmlEscaped();
        if (!span->text.isEmpty())
            head += u':' % br % code(span->text);
        return head % br % when % br
               % italic(tr("Step mode: the program waits for you to run the next statement."));
    }
    case MainSpan::Kind::Host:
        return tr("ProcessLab (the host) between statements: %1 ms")
                   .arg(double(end - span->startNs) / 1e6, 0, 'f', 1)
               % br % when % br
               % italic(tr("No statement of the program runs here: this is the app's own time."));
    }
    return {};
}

QString TimelineToolTips::endText(const QString &role, const ProcessSummary &process,
                                  qint64 endNs)
{
    const QString who = bold(role);
    const QString at = ms(endNs);
    QString result;
    if (process.id == mainProcessId) {
        // The main program is not a child process: it ends, it has no exit code.
        if (!process.hasEnded())
            return {};
        return tr("%1 at %2: %3").arg(who, at, ProcessStatusText::mainProgramStatus(process).toHtmlEscaped());
    }
    const QString exit = ProcessStatusText::exitStatus(process);
    switch (process.state) {
    case ProcessState::Finished:
        result = exit.isEmpty() ? tr("%1 finished at %2").arg(who, at)
                                : tr("%1 finished at %2 (%3)").arg(who, at, exit);
        break;
    case ProcessState::Failed:
        result = exit.isEmpty() ? tr("%1 failed at %2").arg(who, at)
                                : tr("%1 failed at %2 (%3)").arg(who, at, exit);
        break;
    case ProcessState::Killed:
        result = exit.isEmpty() ? tr("%1 was stopped at %2").arg(who, at)
                                : tr("%1 was stopped at %2 (%3)").arg(who, at, exit);
        break;
    default:
        return {};
    }
    if (!process.detail.isEmpty())
        result += br % code(process.detail);
    return result;
}

QString TimelineToolTips::labelText(const QString &role, const ProcessSummary &process)
{
    QString result = bold(role);
    if (process.pid > 0)
        result += u' ' % tr("(PID %1)").arg(process.pid);
    result += br % tr("State: %1").arg(ProcessStatusText::state(process.state));
    const QString exit = process.id == mainProcessId && process.hasEnded()
                             ? ProcessStatusText::mainProgramStatus(process)
                             : ProcessStatusText::exitStatus(process);
    if (!exit.isEmpty())
        result += u" (" % exit.toHtmlEscaped() % u')';
    if (process.spawnToReadyMs() >= 0)
        result += br % tr("Start to ready: %1 ms").arg(process.spawnToReadyMs(), 0, 'f', 1);
    if (process.runMs() >= 0)
        result += br % tr("Ran for: %1 ms").arg(process.runMs(), 0, 'f', 1);
    result += br
              % tr("Output lines: %1 on stdout, %2 on stderr")
                    .arg(process.stdoutLines)
                    .arg(process.stderrLines);
    if (process.droppedLines > 0)
        result += br % tr("Lines not kept (over the limit): %1").arg(process.droppedLines);
    if (!process.detail.isEmpty() && process.id != mainProcessId)
        result += br % code(process.detail);
    return result;
}

} // namespace ProcessLab
