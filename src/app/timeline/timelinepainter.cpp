// SPDX-License-Identifier: MIT
#include "timelinepainter.h"

#include "cpulane.h"

#include "output/processstatustext.h"

#include "processcolors.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QPalette>

#include <algorithm>
#include <cmath>
#include <limits>

namespace ProcessLab {

namespace {

int roundToInt(double value)
{
    return static_cast<int>(std::lround(value));
}

// Fill colour of a segment (used to pick a readable text colour over it).
QColor segmentFill(ProcessState state, const QColor &processColor, const TimelineColors &colors)
{
    switch (state) {
    case ProcessState::Starting: return blendColors(processColor, colors.base, 0.78);
    case ProcessState::Ready: return blendColors(processColor, colors.base, 0.5);
    case ProcessState::Running: return processColor;
    default: return stateColor(state, colors.dark);
    }
}

const TimelineSegment *segmentAt(const TimelineRow &row, qint64 t)
{
    for (const TimelineSegment &segment : row.segments) {
        if (t >= segment.startNs && (segment.isOpen() || t < segment.endNs))
            return &segment;
    }
    return nullptr;
}

bool isPhase(quint8 kind)
{
    return kind == quint8(MarkKind::ScriptStep) || kind == quint8(MarkKind::WorkerTrace);
}

using MarkIterator = QList<TimelineMark>::const_iterator;

QPixmap dotPixmap(const QColor &color, double diameter, qreal devicePixelRatio)
{
    const int size = static_cast<int>(std::ceil(diameter)) + 1;
    QPixmap pixmap(QSize(size, size) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(QRectF((size - diameter) / 2, (size - diameter) / 2, diameter, diameter));
    return pixmap;
}

// One-pixel vertical ticks, drawn as filled rectangles with runs of equal neighbouring
// ticks merged: a flood of output becomes a handful of rectangles instead of one
// primitive per pixel column.
void drawColumns(QPainter &painter, const QList<QLine> &lines, const QColor &color, int width)
{
    if (lines.isEmpty())
        return;
    QList<QRect> rects;
    for (const QLine &line : lines) {
        const int right = line.x1() + width - 1;
        if (!rects.isEmpty()) {
            QRect &last = rects.last();
            if (last.right() + 1 >= line.x1() && last.top() == line.y1()
                && last.bottom() == line.y2()) {
                last.setRight(std::max(last.right(), right));
                continue;
            }
        }
        rects.append(QRect(QPoint(line.x1(), line.y1()), QPoint(right, line.y2())));
    }
    painter.save();
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawRects(rects);
    painter.restore();
}

// Calls draw(px, first, last) once per pixel column holding marks of the visible range.
// Jumps with a binary search from column to column, so the cost follows the width, not
// the number of marks (800,000 lines cost about as much as 2,000).
template<typename Draw>
void forEachPixel(const QList<TimelineMark> &marks, const TimelineMath &math, Draw &&draw)
{
    const auto byTime = [](const TimelineMark &mark, qint64 t) { return mark.timeNs < t; };
    auto it = std::lower_bound(marks.cbegin(), marks.cend(), math.startNs, byTime);
    const auto end = marks.cend();
    while (it != end && it->timeNs <= math.endNs) {
        const int px = static_cast<int>(std::floor(math.xForNs(it->timeNs)));
        const qint64 nextPixelNs = math.nsForX(px + 1);
        // Galloping search: the next column is usually a few marks away, so probe
        // 1, 2, 4, ... ahead before bisecting (stays in cache, unlike a search to the end).
        qsizetype step = 1;
        auto low = it + 1;
        while (end - low > step && (low + step)->timeNs < nextPixelNs) {
            low += step;
            step *= 2;
        }
        const auto high = end - low > step ? low + step + 1 : end;
        const auto last = std::lower_bound(low, high, nextPixelNs, byTime);
        draw(px, it, last);
        it = last;
    }
}

} // namespace

TimelineMetrics TimelineMetrics::fromFont(const QFont &font)
{
    const QFontMetrics fm(font);
    TimelineMetrics m;
    m.lineHeight = fm.height();
    m.pad = std::max(2, roundToInt(m.lineHeight * 0.2));
    m.barTop = m.pad;
    m.barHeight = m.lineHeight + m.pad;
    m.laneTop = m.barTop + m.barHeight + std::max(1, m.pad / 2);
    m.laneHeight = std::max(4, roundToInt(m.lineHeight * 0.5));
    m.rowHeight = m.laneTop + m.laneHeight + m.pad;
    m.swatch = std::max(6, roundToInt(m.lineHeight * 0.6));
    m.hitSlop = std::max(3, m.lineHeight / 4);
    m.tickWidth = std::max(1, roundToInt(m.lineHeight / 18.0)); // 2 px in presenter mode
    m.smallFont = font;
    if (font.pointSizeF() > 0)
        m.smallFont.setPointSizeF(font.pointSizeF() * 0.85);
    else
        m.smallFont.setPixelSize(std::max(6, roundToInt(font.pixelSize() * 0.85)));
    const QFontMetrics small(m.smallFont);
    // The widest end text a stopped worker gets ("exit −15 (SIGTERM)"), in the current language.
    ProcessSummary terminated;
    terminated.id = 1;
    terminated.state = ProcessState::Killed;
    terminated.hasExitStatus = true;
    terminated.exitSignal = 15;
    const QString widest = ProcessStatusText::exitStatus(terminated);
    m.endReserve = m.barHeight + m.pad
                   + std::max(small.horizontalAdvance(widest),
                              small.horizontalAdvance(QStringLiteral("signal 15")))
                   + 2 * m.pad;
    return m;
}

TimelineColors TimelineColors::fromPalette(const QPalette &palette)
{
    TimelineColors c;
    c.dark = isDarkPalette(palette);
    c.base = palette.color(QPalette::Base);
    c.text = palette.color(QPalette::Text);
    c.alternateBase = blendColors(c.base, c.text, c.dark ? 0.06 : 0.035);
    c.mutedText = blendColors(c.text, c.base, 0.42);
    c.grid = blendColors(c.base, c.text, c.dark ? 0.16 : 0.11);
    c.stdoutTick = blendColors(c.text, c.base, 0.45);
    c.stderrTick = stderrColor(c.dark);
    c.now = stateColor(ProcessState::Failed, c.dark);
    return c;
}

TimelinePainter::TimelinePainter(QPainter &painter, const TimelineMetrics &metrics,
                                 const TimelineColors &colors, const QFont &font,
                                 const TimelineData &data, const QList<RunEvent> *events)
    : m_painter(painter)
    , m_data(data)
    , m_metrics(metrics)
    , m_colors(colors)
    , m_font(font)
    , m_fm(font)
    , m_events(events)
{
}

QString TimelinePainter::roleText(int processId, const ProcessSummary &process)
{
    return ProcessStatusText::roleName(processId, process.role);
}

QString TimelinePainter::stateExplanation(ProcessState state)
{
    switch (state) {
    case ProcessState::Created:
        return tr("The Process object exists; start() has not been called yet.");
    case ProcessState::Starting:
        return tr("The operating system is creating the process; it has not connected back yet.");
    case ProcessState::Ready:
        return tr("The process is up and connected, waiting to be told what to run.");
    case ProcessState::Running: return tr("The process is running its code.");
    case ProcessState::Finished: return tr("The process exited.");
    case ProcessState::Failed: return tr("The process crashed or could not start.");
    case ProcessState::Killed: return tr("The process was stopped.");
    }
    return {};
}

QString TimelinePainter::exitText(const ProcessSummary &process)
{
    // Only what went wrong is written next to the end glyph; the tool tip has every exit.
    const std::optional<int> code = ProcessStatusText::pythonExitCode(process);
    return code && *code != 0 ? ProcessStatusText::exitStatus(process) : QString();
}

int TimelinePainter::labelColumnWidth(const TimelineData &data, const TimelineMetrics &metrics,
                                      const QFont &font)
{
    QFont roleFont = font;
    roleFont.setWeight(QFont::DemiBold);
    const QFontMetrics roleFm(roleFont);
    const QFontMetrics smallFm(metrics.smallFont);
    int chip = 0;
    for (const ProcessState state :
         {ProcessState::Created, ProcessState::Starting, ProcessState::Ready,
          ProcessState::Running, ProcessState::Finished, ProcessState::Failed,
          ProcessState::Killed})
        chip = std::max(chip, smallFm.horizontalAdvance(ProcessStatusText::state(state)));
    chip += 2 * metrics.pad + metrics.pad;
    // A floor for empty runs.
    int text = roleFm.horizontalAdvance(ProcessStatusText::roleName(88, QStringLiteral("Worker 88")));
    for (const TimelineRow &row : data.rows()) {
        const ProcessSummary &process = data.processSummary(row.processId);
        int w = roleFm.horizontalAdvance(roleText(row.processId, process));
        if (process.pid > 0)
            w += 2 * metrics.pad + smallFm.horizontalAdvance(tr("PID %1").arg(process.pid));
        text = std::max(text, w);
    }
    return metrics.pad * 2 + metrics.swatch + metrics.pad + text + 2 * metrics.pad + chip
           + metrics.pad * 2;
}

void TimelinePainter::paintLabel(const QRect &rect, const TimelineRow &row)
{
    const TimelineMetrics &m = m_metrics;
    const ProcessSummary &process = m_data.processSummary(row.processId);
    const int cy = rect.top() + m.barTop + m.barHeight / 2;
    m_painter.setRenderHint(QPainter::Antialiasing, true);

    const QColor color = processColor(row.processId, m_colors.dark);
    const QRect swatch(rect.left() + 2 * m.pad, cy - m.swatch / 2, m.swatch, m.swatch);
    m_painter.setPen(Qt::NoPen);
    m_painter.setBrush(color);
    m_painter.drawRoundedRect(swatch, 2, 2);

    // State chip, right-aligned.
    const QFontMetrics smallFm(m.smallFont);
    const QString state = ProcessStatusText::state(process.state);
    const int chipW = smallFm.horizontalAdvance(state) + 2 * m.pad;
    const int chipH = smallFm.height() + 2;
    const QRect chip(rect.right() - 2 * m.pad - chipW, cy - chipH / 2, chipW, chipH);
    const QColor chipColor = stateColor(process.state, m_colors.dark);
    m_painter.setBrush(chipColor);
    m_painter.drawRoundedRect(chip, chipH / 2.0, chipH / 2.0);
    m_painter.setFont(m.smallFont);
    m_painter.setPen(contrastingTextColor(chipColor));
    m_painter.drawText(chip, Qt::AlignCenter, state);

    // Role name, then PID in a quieter colour.
    const int textLeft = swatch.right() + 1 + m.pad;
    const int textRight = chip.left() - m.pad;
    QFont roleFont = m_font;
    roleFont.setWeight(QFont::DemiBold);
    const QFontMetrics roleFm(roleFont);
    const QString pid = process.pid > 0 ? tr("PID %1").arg(process.pid) : QString();
    const int pidW = pid.isEmpty() ? 0 : smallFm.horizontalAdvance(pid) + 2 * m.pad;
    const QString role = roleFm.elidedText(roleText(row.processId, process), Qt::ElideRight,
                                           std::max(0, textRight - textLeft - pidW));
    const QRect textRect(textLeft, cy - m.lineHeight / 2, textRight - textLeft, m.lineHeight);
    m_painter.setFont(roleFont);
    m_painter.setPen(m_colors.text);
    m_painter.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter, role);
    if (!pid.isEmpty()) {
        const int pidLeft = textLeft + roleFm.horizontalAdvance(role) + 2 * m.pad;
        m_painter.setFont(m.smallFont);
        m_painter.setPen(m_colors.mutedText);
        m_painter.drawText(QRect(pidLeft, textRect.top(), std::max(0, textRight - pidLeft),
                                 textRect.height()),
                           Qt::AlignLeft | Qt::AlignVCenter, pid);
    }
    m_painter.setFont(m_font);
}

void TimelinePainter::paintTrack(const QRect &rect, const TimelineRow &row,
                                 const TimelineMath &math, qint64 openEndNs)
{
    m_painter.save();
    m_painter.setClipRect(rect);
    paintCreatedLine(rect, row, math, openEndNs);
    paintSegments(rect, row, math, openEndNs);
    CpuLane::paint(m_painter, QRectF(rect.left(), rect.top() + m_metrics.barTop, rect.width(), m_metrics.barHeight),
                   m_data.summary().resources, row.processId, math, m_data.runStartNs(),
                   processColor(row.processId, m_colors.dark), m_colors);
    static const QList<MainSpan> noSpans;
    const QList<MainSpan> &spans = row.processId == mainProcessId ? m_data.mainSpans() : noSpans;
    if (m_data.isPoolWorker(row.processId))
        paintPoolTasks(rect, row, math, openEndNs);
    else if (spans.isEmpty())
        paintPhases(rect, row, math, openEndNs);
    else
        paintMainSpans(rect, spans, math, openEndNs);
    paintMarks(rect, row, math);
    m_painter.setClipping(false);
    paintEnd(rect, row, math);
    m_painter.restore();
}

void TimelinePainter::paintCreatedLine(const QRect &rect, const TimelineRow &row,
                                       const TimelineMath &math, qint64 openEndNs)
{
    const qint64 createdNs = m_data.createdNs(row.processId);
    if (createdNs < 0)
        return;
    const qint64 endNs = m_data.endNs(row.processId);
    qint64 end = openEndNs;
    if (!row.segments.isEmpty())
        end = row.segments.constFirst().startNs;
    else if (endNs >= 0)
        end = endNs;
    if (end <= createdNs || end < math.startNs || createdNs > math.endNs)
        return;
    const double x0 = std::max(math.xForNs(createdNs), -2.0);
    const double x1 = std::min(math.xForNs(end), math.widthPx + 2);
    const int y = rect.top() + m_metrics.barTop + m_metrics.barHeight / 2;
    m_painter.setRenderHint(QPainter::Antialiasing, false);
    m_painter.setPen(QPen(m_colors.mutedText, 1, Qt::DotLine));
    m_painter.drawLine(QPointF(rect.left() + x0, y), QPointF(rect.left() + x1, y));
}

void TimelinePainter::fillSegment(QPainter &painter, const QRectF &rect, ProcessState state,
                                  const QColor &processColor, const TimelineColors &colors)
{
    painter.fillRect(rect, segmentFill(state, processColor, colors));
    if (state == ProcessState::Starting) {
        painter.fillRect(rect, QBrush(blendColors(processColor, colors.base, 0.15),
                                      Qt::BDiagPattern));
    }
}

void TimelinePainter::paintSegments(const QRect &rect, const TimelineRow &row,
                                    const TimelineMath &math, qint64 openEndNs)
{
    const QColor color = processColor(row.processId, m_colors.dark);
    m_painter.setRenderHint(QPainter::Antialiasing, false);
    for (const TimelineSegment &segment : row.segments) {
        const qint64 end = segment.isOpen() ? std::max(openEndNs, segment.startNs) : segment.endNs;
        if (end < math.startNs || segment.startNs > math.endNs)
            continue;
        const double x0 = std::max(math.xForNs(segment.startNs), -2.0);
        const double x1 = std::max(std::min(math.xForNs(end), math.widthPx + 2), x0 + 1);
        const int left = rect.left() + static_cast<int>(std::floor(x0));
        const int right = rect.left() + static_cast<int>(std::ceil(x1));
        fillSegment(m_painter,
                    QRectF(left, rect.top() + m_metrics.barTop, std::max(1, right - left),
                           m_metrics.barHeight),
                    segment.state, color, m_colors);
    }
}

void TimelinePainter::paintPhases(const QRect &rect, const TimelineRow &row,
                                  const TimelineMath &math, qint64 openEndNs)
{
    const QList<TimelineMark> &phases = row.phases;
    if (phases.isEmpty())
        return;
    const auto byTime = [](const TimelineMark &mark, qint64 t) { return mark.timeNs < t; };
    // Start from the phase that is in progress at the left edge.
    auto it = std::lower_bound(phases.cbegin(), phases.cend(), math.startNs, byTime);
    if (it != phases.cbegin())
        --it;
    const qint64 barEnd = rowBarEndNs(m_data, row, openEndNs);
    const QColor color = processColor(row.processId, m_colors.dark);
    const int top = rect.top() + m_metrics.barTop;
    const int minTextWidth = m_fm.averageCharWidth() * 4;
    QList<QLine> separators;
    int lastPx = std::numeric_limits<int>::min();
    m_painter.setFont(m_font);
    while (it != phases.cend() && it->timeNs <= math.endNs) {
        const double x = math.xForNs(it->timeNs);
        const int px = static_cast<int>(std::floor(x));
        const auto next = it + 1;
        if (x >= 0 && px != lastPx)
            separators.append(QLine(rect.left() + px, top + 1, rect.left() + px,
                                    top + m_metrics.barHeight - 2));
        lastPx = px;
        const qint64 nextNs = next != phases.cend() ? next->timeNs : std::max(barEnd, it->timeNs);
        const double textLeft = std::max(x, 0.0) + m_metrics.pad;
        const double textRight = std::min(math.xForNs(nextNs), math.widthPx) - m_metrics.pad;
        if (textRight - textLeft >= minTextWidth && m_events
            && it->eventIndex < m_events->size()) {
            const TimelineSegment *segment = segmentAt(row, it->timeNs);
            const QColor fill
                = segment ? segmentFill(segment->state, color, m_colors) : m_colors.base;
            const QString text = m_fm.elidedText(m_events->at(it->eventIndex).text,
                                                  Qt::ElideRight,
                                                  static_cast<int>(textRight - textLeft));
            m_painter.setPen(segment ? contrastingTextColor(fill) : m_colors.text);
            m_painter.drawText(QRectF(rect.left() + textLeft, top, textRight - textLeft,
                                      m_metrics.barHeight),
                               Qt::AlignLeft | Qt::AlignVCenter, text);
        }
        // Phases sharing this pixel add nothing visible: go on with the last of them,
        // whose label (if any) is the one that has room.
        const auto jump = std::lower_bound(next, phases.cend(), math.nsForX(px + 1), byTime);
        it = (jump - next >= 2) ? jump - 1 : next;
    }
    m_painter.setRenderHint(QPainter::Antialiasing, false);
    QColor separator = m_colors.base;
    separator.setAlpha(210);
    m_painter.setPen(QPen(separator, 1));
    m_painter.drawLines(separators);
}

void TimelinePainter::fillMainSpan(QPainter &painter, const QRectF &rect, MainSpan::Kind kind,
                                   const QColor &processColor, const TimelineColors &colors)
{
    switch (kind) {
    case MainSpan::Kind::Statement:
        painter.fillRect(rect, processColor);
        break;
    case MainSpan::Kind::Paused: {
        // Waiting for the user: pale, with an outline, clearly not a statement at work.
        painter.fillRect(rect, colors.base);
        painter.fillRect(rect, QBrush(blendColors(colors.mutedText, colors.base, 0.55),
                                      Qt::Dense6Pattern));
        painter.save();
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.setPen(QPen(colors.mutedText, 1, Qt::DashLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(rect.adjusted(0, 0, -1, -1));
        painter.restore();
        break;
    }
    case MainSpan::Kind::Host: {
        // The app's own time between statements: a thin neutral line, no statement.
        painter.fillRect(rect, colors.base);
        const double h = std::max(2.0, rect.height() / 5);
        painter.fillRect(QRectF(rect.left(), rect.center().y() - h / 2, rect.width(), h),
                         colors.grid);
        break;
    }
    }
}

QString TimelinePainter::pausedText(const MainSpan &span)
{
    return span.sourceLine > 0 ? tr("paused before line %1").arg(span.sourceLine)
                               : tr("paused");
}

void TimelinePainter::paintMainSpans(const QRect &rect, const QList<MainSpan> &spans,
                                     const TimelineMath &math, qint64 openEndNs)
{
    const QColor color = processColor(mainProcessId, m_colors.dark);
    const int top = rect.top() + m_metrics.barTop;
    const int minTextWidth = m_fm.averageCharWidth() * 4;
    const qint64 mainEnd = m_data.endNs(mainProcessId);
    m_painter.setFont(m_font);
    QList<QLine> separators;
    int lastSeparator = std::numeric_limits<int>::min();
    // Spans are in time order and do not overlap: start at the one holding the left edge, stop
    // after the right edge, and draw a pixel column that several spans share once (a pipe's
    // 100,000 messages are 300,000 statements; a repaint must not visit every one).
    const auto startsAfter = [](qint64 t, const MainSpan &span) { return t < span.startNs; };
    auto it = std::upper_bound(spans.cbegin(), spans.cend(), math.startNs, startsAfter);
    if (it != spans.cbegin())
        --it;
    double minLeft = -2.0; // right of a column drawn for several spans
    for (; it != spans.cend() && it->startNs <= math.endNs; ++it) {
        const MainSpan &span = *it;
        const qint64 end = span.isOpen() ? std::max(mainEnd >= 0 ? mainEnd : openEndNs,
                                                    span.startNs)
                                         : span.endNs;
        if (end < math.startNs)
            continue;
        const double x0 = math.xForNs(span.startNs);
        const double x1 = math.xForNs(end);
        const auto next = it + 1;
        if (x0 >= minLeft && next != spans.cend() && math.xForNs(next->startNs) < std::floor(x0) + 1) {
            // This span and the next begin in one pixel column: the main program is busy there.
            const double px = std::floor(x0);
            fillMainSpan(m_painter, QRectF(rect.left() + px, top, 1.0, m_metrics.barHeight),
                         MainSpan::Kind::Statement, color, m_colors);
            minLeft = px + 1;
            // Go on with the last span that begins in this column (it may reach far right).
            const auto last = std::lower_bound(next, spans.cend(), math.nsForX(px + 1),
                                               [](const MainSpan &s, qint64 t) { return s.startNs < t; });
            it = last - 1 > it ? last - 2 : it; // ++it lands on the last one in the column
            continue;
        }
        const double left = std::floor(std::max({x0, -2.0, minLeft}));
        const double right = std::ceil(std::min(x1, math.widthPx + 2));
        if (right <= left && span.kind != MainSpan::Kind::Statement)
            continue;
        fillMainSpan(m_painter,
                     QRectF(rect.left() + left, top, std::max(1.0, right - left),
                            m_metrics.barHeight),
                     span.kind, color, m_colors);
        if (span.kind == MainSpan::Kind::Statement && x0 >= 0 && x0 >= minLeft) {
            const int px = static_cast<int>(std::floor(x0));
            if (px != lastSeparator)
                separators.append(QLine(rect.left() + px, top + 1, rect.left() + px,
                                        top + m_metrics.barHeight - 2));
            lastSeparator = px;
        }
        if (span.kind == MainSpan::Kind::Host)
            continue;
        const double textLeft = std::max(x0, 0.0) + m_metrics.pad;
        const double textRight = std::min(x1, math.widthPx) - m_metrics.pad;
        if (textRight - textLeft < minTextWidth)
            continue;
        const QString label = span.kind == MainSpan::Kind::Paused
                                  ? pausedText(span) + QStringLiteral(": ") + span.text
                                  : span.text;
        m_painter.setPen(span.kind == MainSpan::Kind::Paused ? m_colors.text
                                                             : contrastingTextColor(color));
        m_painter.drawText(QRectF(rect.left() + textLeft, top, textRight - textLeft,
                                  m_metrics.barHeight),
                           Qt::AlignLeft | Qt::AlignVCenter,
                           m_fm.elidedText(label, Qt::ElideRight,
                                           static_cast<int>(textRight - textLeft)));
    }
    m_painter.setRenderHint(QPainter::Antialiasing, false);
    QColor separator = m_colors.base;
    separator.setAlpha(210);
    m_painter.setPen(QPen(separator, 1));
    m_painter.drawLines(separators);
}

namespace {
// A failed task: a caution yellow no worker colour has (worker hues sit at mid lightness and
// never carry stripes), with black stripes.
QColor poolTaskFailedColor(bool dark)
{
    return dark ? QColor(0xfd, 0xe0, 0x47) : QColor(0xfa, 0xcc, 0x15);
}
} // namespace

QColor TimelinePainter::poolTaskFill(PoolTaskOutcome outcome, const QColor &processColor, const TimelineColors &colors)
{
    switch (outcome) {
    case PoolTaskOutcome::Failed: return poolTaskFailedColor(colors.dark);
    case PoolTaskOutcome::Lost: return stateColor(ProcessState::Failed, colors.dark);
    case PoolTaskOutcome::Unfinished: return blendColors(colors.mutedText, colors.base, 0.5);
    case PoolTaskOutcome::Finished:
    case PoolTaskOutcome::Queued:
    case PoolTaskOutcome::Running: break;
    }
    return processColor;
}

void TimelinePainter::fillPoolTask(QPainter &painter, const QRectF &rect, PoolTaskOutcome outcome,
                                   const QColor &processColor, const TimelineColors &colors)
{
    const QColor fill = poolTaskFill(outcome, processColor, colors);
    switch (outcome) {
    case PoolTaskOutcome::Finished:
        painter.fillRect(rect, fill);
        break;
    case PoolTaskOutcome::Failed: {
        painter.fillRect(rect, fill);
        painter.fillRect(rect, QBrush(QColor(0x1f, 0x29, 0x37, 150), Qt::BDiagPattern));
        painter.save();
        painter.setPen(QPen(QColor(0x1f, 0x29, 0x37), 1));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(rect.adjusted(0, 0, -1, -1));
        painter.restore();
        break;
    }
    case PoolTaskOutcome::Lost: {
        painter.fillRect(rect, fill);
        // A cross over the span (a narrow one: the row's end glyph, a red cross, marks it).
        if (rect.width() >= 4) {
            painter.save();
            painter.setRenderHint(QPainter::Antialiasing, true);
            painter.setPen(QPen(Qt::white, std::max(1.5, rect.height() / 8)));
            // At the span's end, where the worker died.
            const double side = std::min(rect.width(), rect.height()) - 4;
            const QRectF box(rect.right() - 2 - side, rect.center().y() - side / 2, side, side);
            painter.drawLine(box.topLeft(), box.bottomRight());
            painter.drawLine(box.bottomLeft(), box.topRight());
            painter.restore();
        }
        break;
    }
    case PoolTaskOutcome::Queued:
    case PoolTaskOutcome::Running:
        painter.fillRect(rect, fill);
        painter.fillRect(rect, QBrush(blendColors(processColor, colors.base, 0.45), Qt::BDiagPattern));
        break;
    case PoolTaskOutcome::Unfinished:
        painter.fillRect(rect, fill);
        painter.fillRect(rect, QBrush(colors.base, Qt::BDiagPattern));
        break;
    }
}

void TimelinePainter::drawFaultInjectionGlyph(QPainter &painter, const QRectF &rect, const TimelineColors &colors)
{
    // A lightning bolt: ProcessLab struck here, on purpose.
    const double w = rect.width();
    const double h = rect.height();
    const QPointF o = rect.topLeft();
    const QPolygonF bolt{o + QPointF(w * 0.60, 0),        o + QPointF(w * 0.15, h * 0.55), o + QPointF(w * 0.45, h * 0.55),
                         o + QPointF(w * 0.30, h),        o + QPointF(w * 0.85, h * 0.40), o + QPointF(w * 0.55, h * 0.40),
                         o + QPointF(w * 0.75, 0)};
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(colors.dark ? QColor(0x11, 0x18, 0x27) : QColor(0x1f, 0x29, 0x37), 1));
    painter.setBrush(poolTaskFailedColor(colors.dark));
    painter.drawPolygon(bolt);
    painter.restore();
}

QString TimelinePainter::poolTaskLabel(const PoolTaskSpan &task)
{
    return task.call.isEmpty() ? QString::number(task.task) : tr("%1: %2").arg(task.task).arg(task.call);
}

QString TimelinePainter::countedOnlyText(const PoolProgress &pool)
{
    const QLocale locale;
    return tr("tasks after the first %1 are counted, not drawn: %2 of %3 done")
        .arg(locale.toString(pool.tracked), locale.toString(pool.done()), locale.toString(pool.queued()));
}

void TimelinePainter::paintPoolTasks(const QRect &rect, const TimelineRow &row, const TimelineMath &math,
                                     qint64 openEndNs)
{
    const QColor color = processColor(row.processId, m_colors.dark);
    const int top = rect.top() + m_metrics.barTop;
    const auto xRange = [&](qint64 start, qint64 end) {
        const double x0 = std::max(math.xForNs(start), -2.0);
        const double x1 = std::max(std::min(math.xForNs(end), math.widthPx + 2), x0);
        return std::pair{std::floor(x0), std::ceil(x1)};
    };
    m_painter.setRenderHint(QPainter::Antialiasing, false);
    // Idle: the running time outside tasks, a thin line as Main's host time.
    const qint64 barEnd = rowBarEndNs(m_data, row, openEndNs);
    for (const TimelineSegment &segment : row.segments) {
        if (segment.state != ProcessState::Running)
            continue;
        const qint64 end = segment.isOpen() ? std::max(barEnd, segment.startNs) : segment.endNs;
        if (end < math.startNs || segment.startNs > math.endNs)
            continue;
        const auto [left, right] = xRange(segment.startNs, end);
        fillMainSpan(m_painter, QRectF(rect.left() + left, top, std::max(1.0, right - left), m_metrics.barHeight),
                     MainSpan::Kind::Host, color, m_colors);
    }
    // Past the per-task budget: what is counted, hatched, with the note.
    const PoolTaskSpans &pool = m_data.poolTasks();
    if (const auto [from, to] = m_data.countedOnlyRange(row.processId, openEndNs);
        from >= 0 && to >= math.startNs && from <= math.endNs) {
        const auto [left, right] = xRange(from, to);
        const QRectF band(rect.left() + left, top, std::max(1.0, right - left), m_metrics.barHeight);
        m_painter.fillRect(band, blendColors(color, m_colors.base, 0.7));
        m_painter.fillRect(band, QBrush(blendColors(color, m_colors.base, 0.3), Qt::FDiagPattern));
        if (const PoolProgress *progress = pool.pool(pool.poolOf(row.processId))) {
            const double textLeft = std::max(left, 0.0) + m_metrics.pad;
            const double textRight = std::min(right, math.widthPx) - m_metrics.pad;
            if (textRight - textLeft >= m_fm.averageCharWidth() * 4) {
                m_painter.setFont(m_font);
                m_painter.setPen(m_colors.text);
                m_painter.drawText(QRectF(rect.left() + textLeft, top, textRight - textLeft, m_metrics.barHeight),
                                   Qt::AlignLeft | Qt::AlignVCenter,
                                   m_fm.elidedText(countedOnlyText(*progress), Qt::ElideRight,
                                                   static_cast<int>(textRight - textLeft)));
            }
        }
    }
    // The tasks: one rectangle per task, at least a pixel; tasks sharing a pixel column add
    // nothing visible (the last one drawn there wins).
    const QList<PoolBusySpan> spans = m_data.poolSpans(row.processId, math.startNs, math.endNs, openEndNs);
    const QList<PoolTaskSpan> &tasks = pool.tasks();
    const int minTextWidth = m_fm.averageCharWidth() * 3;
    const QColor separator = m_colors.base;
    QList<QLine> separators;
    double lastRight = -1e9;
    m_painter.setFont(m_font);
    for (const PoolBusySpan &span : spans) {
        const auto [left, right] = xRange(span.startNs, span.endNs);
        if (right <= lastRight && right - left <= 1 && span.outcome != PoolTaskOutcome::Lost)
            continue;
        const QRectF box(rect.left() + left, top, std::max(1.0, right - left), m_metrics.barHeight);
        fillPoolTask(m_painter, box, span.outcome, color, m_colors);
        if (span.task == m_highlightedTask) {
            m_painter.save();
            m_painter.setBrush(Qt::NoBrush);
            m_painter.setPen(QPen(m_colors.text, 2));
            m_painter.drawRect(box.adjusted(-1, -1, 1, 1));
            m_painter.restore();
        }
        if (left > lastRight && right - left >= 3)
            separators.append(QLine(int(box.left()), top, int(box.left()), top + m_metrics.barHeight - 1));
        lastRight = right;
        const double textLeft = std::max(left, 0.0) + m_metrics.pad;
        const double textRight = std::min(right, math.widthPx) - m_metrics.pad;
        if (textRight - textLeft < minTextWidth)
            continue;
        const QColor fill = poolTaskFill(span.outcome, color, m_colors);
        const QString label = m_fm.elidedText(poolTaskLabel(tasks.at(span.task)), Qt::ElideRight,
                                              static_cast<int>(textRight - textLeft));
        if (label.size() < 2)
            continue; // an ellipsis alone says nothing
        m_painter.setPen(span.outcome == PoolTaskOutcome::Unfinished ? m_colors.text : contrastingTextColor(fill));
        m_painter.drawText(QRectF(rect.left() + textLeft, top, textRight - textLeft, m_metrics.barHeight),
                           Qt::AlignLeft | Qt::AlignVCenter, label);
    }
    m_painter.setPen(QPen(separator, 1));
    m_painter.drawLines(separators);
    // A lost task ends where its worker died: the row's end glyph (a red cross) marks it.
}

void TimelinePainter::paintMarks(const QRect &rect, const TimelineRow &row,
                                 const TimelineMath &math)
{
    const int laneTop = rect.top() + m_metrics.laneTop;
    const int laneBottom = laneTop + m_metrics.laneHeight - 1;
    const int singleTop = laneBottom - std::max(2, m_metrics.laneHeight * 2 / 3) + 1;

    // Output lines in a neutral colour: one tick per pixel column, full height where
    // several lines share the column, shorter for a single line.
    QList<QLine> outLines;
    forEachPixel(row.marks, math, [&](int px, MarkIterator first, MarkIterator last) {
        // Steps and traces are drawn on the bar, not here; look at a bounded prefix only.
        const qsizetype count = last - first;
        const qsizetype scanned = std::min<qsizetype>(count, 16);
        const qsizetype lines = std::count_if(first, first + scanned, [](const TimelineMark &m) {
            return !isPhase(m.kind);
        });
        if (lines > 0)
            outLines.append(QLine(rect.left() + px, (lines == scanned ? count : lines) > 1 ? laneTop : singleTop,
                                  rect.left() + px, laneBottom));
    });
    // Then stderr, errors and dropped-output notes on top, so they are never hidden
    // under a dense column of stdout.
    QList<QLine> errLines;
    QList<QLine> droppedLines;
    QList<int> faultXs;
    forEachPixel(row.alerts, math, [&](int px, MarkIterator first, MarkIterator last) {
        bool err = false;
        bool dropped = false;
        for (auto it = first; it != last; ++it) {
            if (it->markKind() == MarkKind::FaultInjected) {
                if (faultXs.isEmpty() || faultXs.constLast() != rect.left() + px)
                    faultXs.append(rect.left() + px);
                continue;
            }
            (it->markKind() == MarkKind::Dropped ? dropped : err) = true;
        }
        const QLine line(rect.left() + px, laneTop, rect.left() + px, laneBottom);
        if (err)
            errLines.append(line);
        if (dropped)
            droppedLines.append(line);
    });
    // A line on its own (nothing printed a few pixels around it) becomes a dot, so one
    // "print" stands out as clearly as a flood does.
    const int gap = 3 * m_metrics.tickWidth + 2;
    const auto splitIsolated = [gap](QList<QLine> &lines) {
        QList<QPoint> isolated;
        QList<QLine> kept;
        kept.reserve(lines.size());
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const int x = lines.at(i).x1();
            const bool alone = (i == 0 || x - lines.at(i - 1).x1() > gap)
                               && (i + 1 == lines.size() || lines.at(i + 1).x1() - x > gap);
            if (alone)
                isolated.append(QPoint(x, 0));
            else
                kept.append(lines.at(i));
        }
        lines = std::move(kept);
        return isolated;
    };
    const QList<QPoint> outDots = splitIsolated(outLines);
    const QList<QPoint> errDots = splitIsolated(errLines);

    m_painter.setRenderHint(QPainter::Antialiasing, false);
    drawColumns(m_painter, outLines, m_colors.stdoutTick, m_metrics.tickWidth);
    drawColumns(m_painter, errLines, m_colors.stderrTick, m_metrics.tickWidth);
    m_painter.setPen(QPen(m_colors.mutedText, 1, Qt::DotLine));
    m_painter.drawLines(droppedLines);

    // Dots are stamped from a pre-rendered pixmap: an antialiased ellipse per dot costs
    // ~50x more, which shows when a few thousand lines are spread out.
    const double diameter = std::max(4, m_metrics.laneHeight - 1);
    const double centreY = laneTop + m_metrics.laneHeight / 2.0;
    for (const auto &[dots, color] : {std::pair{&outDots, m_colors.stdoutTick},
                                      std::pair{&errDots, m_colors.stderrTick}}) {
        if (dots->isEmpty())
            continue;
        const QPixmap stamp = dotPixmap(color, diameter, m_painter.device()->devicePixelRatio());
        const double half = stamp.deviceIndependentSize().width() / 2;
        for (const QPoint &dot : *dots) {
            m_painter.drawPixmap(QPointF(dot.x() + m_metrics.tickWidth / 2.0 - half,
                                         centreY - half),
                                 stamp);
        }
    }
    // Fault injection: a bolt from the middle of the bar down through the marks' lane, on top.
    const double boltTop = rect.top() + m_metrics.barTop + m_metrics.barHeight / 2.0;
    const double boltHeight = laneBottom + 1 - boltTop;
    for (const int x : std::as_const(faultXs))
        drawFaultInjectionGlyph(m_painter, QRectF(x - boltHeight * 0.35, boltTop, boltHeight * 0.7, boltHeight), m_colors);
}

void TimelinePainter::drawEndGlyph(QPainter &painter, const QRectF &rect, ProcessState state,
                                   const TimelineColors &colors)
{
    const QColor color = stateColor(state, colors.dark);
    const double s = std::min(rect.width(), rect.height());
    const QRectF box(rect.center().x() - s / 2, rect.center().y() - s / 2, s, s);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QPen pen(color, std::max(2.0, s / 5.5), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    switch (state) {
    case ProcessState::Finished: {
        QPainterPath check;
        check.moveTo(box.left() + 0.12 * s, box.top() + 0.55 * s);
        check.lineTo(box.left() + 0.4 * s, box.top() + 0.82 * s);
        check.lineTo(box.left() + 0.9 * s, box.top() + 0.18 * s);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(check);
        break;
    }
    case ProcessState::Failed: {
        const QRectF x = box.adjusted(0.18 * s, 0.18 * s, -0.18 * s, -0.18 * s);
        painter.setPen(pen);
        painter.drawLine(x.topLeft(), x.bottomRight());
        painter.drawLine(x.topRight(), x.bottomLeft());
        break;
    }
    case ProcessState::Killed:
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawRect(box.adjusted(0.2 * s, 0.2 * s, -0.2 * s, -0.2 * s));
        break;
    default:
        break;
    }
    painter.restore();
}

void TimelinePainter::paintEnd(const QRect &rect, const TimelineRow &row,
                               const TimelineMath &math)
{
    const qint64 endNs = m_data.endNs(row.processId);
    if (endNs < 0 || endNs < math.startNs || endNs > math.endNs)
        return;
    const ProcessSummary &process = m_data.processSummary(row.processId);
    const double x = rect.left() + math.xForNs(endNs);
    const double s = m_metrics.barHeight * 0.85;
    const double top = rect.top() + m_metrics.barTop + (m_metrics.barHeight - s) / 2;
    // The glyph right of the end, or just inside it at the right edge.
    const double glyphLeft = std::min(x + 2, rect.right() + 1 - s);
    drawEndGlyph(m_painter, QRectF(glyphLeft, top, s, s), process.state, m_colors);
    const QString exit = exitText(process);
    if (exit.isEmpty())
        return;
    const QFontMetrics small(m_metrics.smallFont);
    const double gap = m_metrics.pad / 2.0;
    const double textW = small.horizontalAdvance(exit) + 1;
    const QRectF bar(rect.left(), rect.top() + m_metrics.barTop, rect.width(), m_metrics.barHeight);
    QRectF textRect(glyphLeft + s + gap, bar.top(), textW, bar.height());
    const bool inside = textRect.right() > rect.right() + 1;
    if (inside) {
        // No room right of the end: inside the row, left of the glyph, on a plate of the
        // background so it reads over the bar.
        textRect.moveRight(glyphLeft - gap);
        textRect.setLeft(std::max(textRect.left(), bar.left()));
        m_painter.fillRect(textRect.adjusted(-gap, m_metrics.pad / 2.0, gap, -m_metrics.pad / 2.0),
                           m_colors.base);
    }
    m_painter.setFont(m_metrics.smallFont);
    m_painter.setPen(stateColor(process.state, m_colors.dark));
    m_painter.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                       small.elidedText(exit, Qt::ElideRight, static_cast<int>(textRect.width())));
    m_painter.setFont(m_font);
}

qint64 rowBarEndNs(const TimelineData &data, const TimelineRow &row, qint64 openEndNs)
{
    if (const qint64 endNs = data.endNs(row.processId); endNs >= 0)
        return endNs;
    if (row.segments.isEmpty())
        return -1;
    const TimelineSegment &last = row.segments.constLast();
    return last.isOpen() ? std::max(openEndNs, last.startNs) : last.endNs;
}

} // namespace ProcessLab
