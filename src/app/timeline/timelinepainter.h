// SPDX-License-Identifier: MIT
#pragma once

#include "timelinedata.h"
#include "timelinemath.h"

#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QFontMetrics>
#include <QRect>

class QPainter;
class QPalette;

namespace ProcessLab {

// Sizes of one timeline row, all derived from the font so presenter mode (a larger
// application font) scales everything.
struct TimelineMetrics
{
    int lineHeight = 0;
    int pad = 0;
    int rowHeight = 0;
    int barTop = 0; // offsets inside a row
    int barHeight = 0;
    int laneTop = 0; // output ticks lane, under the bar
    int laneHeight = 0;
    int swatch = 0;       // process colour square in the label column
    int hitSlop = 0;      // pixels around a tick that still hit it
    int tickWidth = 1;    // output ticks
    int endReserve = 0;   // room kept right of a bar end for its end glyph and exit text
    QFont smallFont;      // PID, chips, exit codes

    static TimelineMetrics fromFont(const QFont &font);
};

// Palette-derived colours, valid on light and dark palettes.
struct TimelineColors
{
    bool dark = false;
    QColor base;
    QColor alternateBase;
    QColor text;
    QColor mutedText;
    QColor grid;
    QColor stdoutTick;
    QColor stderrTick;
    QColor now;

    static TimelineColors fromPalette(const QPalette &palette);
};

// Paints the label column and the time track of one row, reading the process's figures
// (role, pid, state, times, exit status) from the data's summary. Stateless apart from
// the references it is given; the widget and the legend share its glyph helpers.
class TimelinePainter
{
    Q_DECLARE_TR_FUNCTIONS(ProcessLab::TimelinePainter)
public:
    // data: the rows and the summary painted. events: the record's events, for the texts
    // of phase labels.
    TimelinePainter(QPainter &painter, const TimelineMetrics &metrics,
                    const TimelineColors &colors, const QFont &font, const TimelineData &data,
                    const QList<RunEvent> *events);
    // The task selected in the Pool view (index into PoolTaskSpans::tasks()), outlined; -1: none.
    void setHighlightedPoolTask(qsizetype task) { m_highlightedTask = task; }

    void paintLabel(const QRect &rect, const TimelineRow &row);
    // rect: the row's track, x = 0 of math at rect.left(). openEndNs: where open
    // segments end (now while live).
    void paintTrack(const QRect &rect, const TimelineRow &row, const TimelineMath &math,
                    qint64 openEndNs);

    // Width the label column needs for the data's rows.
    static int labelColumnWidth(const TimelineData &data, const TimelineMetrics &metrics,
                                const QFont &font);

    // "Main", "Worker 1", or "Process 3" if the record never named it.
    static QString roleText(int processId, const ProcessSummary &process);
    // "exit 1", "exit −15 (SIGTERM)"; empty for exit 0, Main and live processes.
    static QString exitText(const ProcessSummary &process);
    static QString stateExplanation(ProcessState state);

    static void fillSegment(QPainter &painter, const QRectF &rect, ProcessState state,
                            const QColor &processColor, const TimelineColors &colors);
    // The look of Main's time outside its statements (legend and track share it).
    static void fillMainSpan(QPainter &painter, const QRectF &rect, MainSpan::Kind kind,
                             const QColor &processColor, const TimelineColors &colors);
    // A pool task's span: finished in the worker's colour, one still running in the worker's
    // colour, hatched; failed yellow with black stripes and a dark outline, lost red with a
    // cross — whatever the worker colours are, nothing else looks like those two; unfinished
    // (its worker was stopped) grey, hatched.
    static void fillPoolTask(QPainter &painter, const QRectF &rect, PoolTaskOutcome outcome,
                             const QColor &processColor, const TimelineColors &colors);
    // The fill a task's label is drawn on (for its contrasting text colour).
    static QColor poolTaskFill(PoolTaskOutcome outcome, const QColor &processColor, const TimelineColors &colors);
    // ProcessLab killed the worker on purpose here (fault injection): a lightning-bolt mark.
    static void drawFaultInjectionGlyph(QPainter &painter, const QRectF &rect, const TimelineColors &colors);
    // "3: worker(2)", the label drawn on a task's span.
    static QString poolTaskLabel(const PoolTaskSpan &task);
    // The note drawn where a pool's tasks are only counted (past its per-task event budget).
    static QString countedOnlyText(const PoolProgress &pool);
    // "paused before line 13"
    static QString pausedText(const MainSpan &span);
    static void drawEndGlyph(QPainter &painter, const QRectF &rect, ProcessState state,
                             const TimelineColors &colors);

private:
    void paintCreatedLine(const QRect &rect, const TimelineRow &row, const TimelineMath &math,
                          qint64 openEndNs);
    void paintSegments(const QRect &rect, const TimelineRow &row, const TimelineMath &math,
                       qint64 openEndNs);
    void paintPhases(const QRect &rect, const TimelineRow &row, const TimelineMath &math,
                     qint64 openEndNs);
    // Main's row: its statements, pauses and the host's time between them.
    void paintMainSpans(const QRect &rect, const QList<MainSpan> &spans,
                        const TimelineMath &math, qint64 openEndNs);
    // A pool worker's row: its tasks over the running bar, idle time as a thin line.
    void paintPoolTasks(const QRect &rect, const TimelineRow &row, const TimelineMath &math,
                        qint64 openEndNs);
    void paintMarks(const QRect &rect, const TimelineRow &row, const TimelineMath &math);
    void paintEnd(const QRect &rect, const TimelineRow &row, const TimelineMath &math);

    QPainter &m_painter;
    const TimelineData &m_data;
    qsizetype m_highlightedTask = -1;
    const TimelineMetrics &m_metrics;
    const TimelineColors &m_colors;
    QFont m_font;
    QFontMetrics m_fm;
    const QList<RunEvent> *m_events = nullptr;
};

// End of the bar drawn for a row: its end state, else openEndNs; -1 if nothing started.
qint64 rowBarEndNs(const TimelineData &data, const TimelineRow &row, qint64 openEndNs);

} // namespace ProcessLab
