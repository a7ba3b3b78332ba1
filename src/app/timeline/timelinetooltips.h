// SPDX-License-Identifier: MIT
#pragma once

#include "timelinedata.h"

#include <QCoreApplication>
#include <QRect>

namespace ProcessLab {

// What is under the mouse in a timeline.
struct TimelineHit
{
    enum class Kind { None, Label, Created, Segment, Phase, Mark, End, PoolTask, PoolCounted };
    Kind kind = Kind::None;
    int row = -1;
    qsizetype index = -1;      // into the row's segments, phases or marks; PoolTask: PoolTaskSpans::tasks()
    qsizetype sharedPixel = 0; // other marks drawn on the same pixel as this one
    qint64 timeNs = 0;         // time under the mouse (relative)
    QRect rect;                // the area the tooltip belongs to
};

// Rich-text tooltips for a hit: what the learner is pointing at, with exact times in ms
// relative to the run's start.
class TimelineToolTips
{
    Q_DECLARE_TR_FUNCTIONS(ProcessLab::TimelineToolTips)
public:
    static constexpr qsizetype maxTextLength = 120;

    static QString text(const TimelineHit &hit, const TimelineData &data,
                        const QList<RunEvent> &events, qint64 openEndNs);

private:
    static QString bodyText(const TimelineHit &hit, const TimelineData &data,
                            const QList<RunEvent> &events, qint64 openEndNs);
    // role: TimelinePainter::roleText() of the process; process: its summary figures.
    static QString markText(const QString &role, const TimelineMark &mark,
                            const RunEvent &event, qsizetype sharedPixel);
    static QString segmentText(const TimelineRow &row, const QString &role,
                               const ProcessSummary &process, const TimelineSegment &segment,
                               const QList<RunEvent> &events, qint64 timeNs, qint64 openEndNs);
    // Main's statement, pause or host time at a moment; empty if there is none.
    static QString mainSpanText(const QString &role, const TimelineData &data, qint64 timeNs,
                                qint64 openEndNs);
    // A pool task's span: task, worker, PID, times, duration, result or error.
    static QString poolTaskText(const QString &role, const PoolTaskSpan &task, const PoolBusySpan &span,
                                bool open);
    static QString countedText(const QString &role, const PoolProgress &pool);
    static QString endText(const QString &role, const ProcessSummary &process, qint64 endNs);
    static QString labelText(const QString &role, const ProcessSummary &process);
};

// Escaped for rich text, shortened to maxTextLength characters.
QString shortenedHtml(const QString &text, qsizetype maxLength);

} // namespace ProcessLab
