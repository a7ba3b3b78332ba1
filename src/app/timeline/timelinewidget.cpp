// SPDX-License-Identifier: MIT
#include "timelinewidget.h"

#include "cpulane.h"

#include "output/processstatustext.h"
#include "output/runclock.h"
#include "queuedepthlane.h"
#include "record/runrecord.h"
#include "timelineaxis.h"
#include "timelinelegend.h"
#include "zoomstate.h"

#include <QApplication>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace ProcessLab {

namespace {

constexpr qint64 minimumLiveSpanNs = 100'000'000; // while live, never fit to less than 100 ms
constexpr double wheelZoomBase = 1.0015;          // one wheel notch (120) zooms by ~1.2x
constexpr qsizetype hScrollSteps = 100'000;       // resolution of the horizontal scroll bar

const QList<RunEvent> &noEvents()
{
    static const QList<RunEvent> empty;
    return empty;
}

} // namespace

TimelineWidget::TimelineWidget(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_zoom(new ZoomState(this))
    , m_axis(new TimelineAxis(m_zoom, this))
    , m_legend(new TimelineLegend(this))
{
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    viewport()->setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    connect(m_zoom, &ZoomState::zoomChanged, this, &TimelineWidget::handleZoomChanged);
    connect(m_axis, &TimelineAxis::timePressed, this, &TimelineWidget::axisTimePressed);
    updateMetrics();
    fitIfFollowing();
}

TimelineWidget::~TimelineWidget() = default;

void TimelineWidget::setHighlightedPoolTask(qsizetype task)
{
    if (task == m_highlightedTask)
        return;
    m_highlightedTask = task;
    viewport()->update();
}

void TimelineWidget::setRecord(const RunRecord *record)
{
    m_record = record;
    m_highlightedTask = -1;
    m_data.clear();
    m_nowNs = 0;
    m_live = false;
    m_axis->setNowNs(-1);
    if (m_record)
        m_data.consume(*m_record, 0);
    syncLegend();
    m_zoom->resetZoom();
    updateMetrics();
    fitIfFollowing();
    updateScrollBars();
    viewport()->update();
}

void TimelineWidget::refresh(qint64 nowNs, bool live)
{
    bool rowsChanged = false;
    if (m_record) {
        // The same record object reused for a new run: start over.
        if (m_record->size() < m_data.consumedCount()
            || (m_data.consumedCount() > 0 && m_record->startNs() != m_data.runStartNs())) {
            m_data.clear();
            rowsChanged = true;
        }
        rowsChanged |= m_data.consume(*m_record, m_data.consumedCount());
    }
    bool changed = rowsChanged || live != m_live;
    const qint64 now
        = m_data.consumedCount() > 0 ? std::max<qint64>(0, RunClock::sinceStartNs(m_data.runStartNs(), nowNs)) : 0;
    if (live && now != m_nowNs) {
        m_nowNs = now;
        changed = true;
    }
    m_live = live;
    if (!changed)
        return;
    if (rowsChanged) {
        if (syncLegend())
            updateLayout(); // the legend may take another line
        const int width = TimelinePainter::labelColumnWidth(m_data, m_metrics, font());
        if (width != m_labelWidth) {
            m_labelWidth = width;
            updateLayout();
        }
    }
    m_axis->setNowNs(m_live ? m_nowNs : -1);
    fitIfFollowing();
    updateScrollBars();
    viewport()->update();
}

QString TimelineWidget::emptyText()
{
    return tr("Run an example to see its processes on a timeline.");
}

QRect TimelineWidget::rowRect(int processId) const
{
    const QList<TimelineRow> &rows = m_data.rows();
    const auto it = std::find_if(rows.cbegin(), rows.cend(), [processId](const TimelineRow &row) {
        return row.processId == processId;
    });
    if (it == rows.cend())
        return {};
    const int index = static_cast<int>(it - rows.cbegin());
    const QRect vp = viewport()->geometry();
    return QRect(vp.left(), vp.top() + index * m_metrics.rowHeight - verticalScrollBar()->value(), vp.width(),
                 m_metrics.rowHeight);
}

void TimelineWidget::revealRow(int processId)
{
    const QRect row = rowRect(processId);
    const QRect vp = viewport()->geometry();
    if (row.isEmpty() || (row.top() >= vp.top() && row.bottom() <= vp.bottom()))
        return;
    QScrollBar *bar = verticalScrollBar();
    const int rowTop = row.top() - vp.top() + bar->value(); // in the rows' own coordinates
    bar->setValue(row.top() < vp.top() ? rowTop : rowTop + row.height() - vp.height());
}

QStringList TimelineWidget::visibleTexts() const
{
    QStringList texts;
    if (m_data.rows().isEmpty())
        texts.append(emptyText());
    for (const TimelineRow &row : m_data.rows()) {
        const ProcessSummary &process = m_data.processSummary(row.processId);
        texts.append(TimelinePainter::roleText(row.processId, process));
        texts.append(ProcessStatusText::state(process.state));
        texts.append(TimelinePainter::exitText(process));
    }
    for (const IpcObjectState *queue : QueueDepthLane::queues(m_data.summary().ipcStates))
        texts.append(QueueDepthLane::labelText(*queue));
    if (isLegendVisible())
        texts += m_legend->texts();
    texts.removeAll(QString());
    return texts;
}

bool TimelineWidget::syncLegend()
{
    // Entries for what this run has: pool tasks, waits, CPU samples.
    const bool pool = !m_data.poolTasks().pools().isEmpty();
    const bool waits = !m_data.summary().waits.waits().isEmpty();
    const bool cpu = !m_data.summary().resources.isEmpty();
    if (pool == m_legend->poolTasksShown() && waits == m_legend->waitsShown() && cpu == m_legend->cpuShown())
        return false;
    m_legend->setPoolTasksShown(pool);
    m_legend->setWaitsShown(waits);
    m_legend->setCpuShown(cpu);
    return true;
}

void TimelineWidget::setLegendVisible(bool visible)
{
    m_legend->setVisible(visible);
    updateMetrics();
}

bool TimelineWidget::isLegendVisible() const
{
    return !m_legend->isHidden();
}

QSize TimelineWidget::sizeHint() const
{
    const int w = fontMetrics().horizontalAdvance(u'0') * 90;
    const int h = m_axis->sizeHint().height() + m_legend->sizeHint().height()
                  + m_metrics.rowHeight * 5 + 2 * frameWidth();
    return {w, h};
}

QSize TimelineWidget::minimumSizeHint() const
{
    return {m_labelWidth + fontMetrics().horizontalAdvance(u'0') * 20,
            m_axis->sizeHint().height() + m_metrics.rowHeight * 2 + 2 * frameWidth()};
}

void TimelineWidget::handleZoomChanged()
{
    updateScrollBars();
    viewport()->update();
}

void TimelineWidget::updateMetrics()
{
    m_metrics = TimelineMetrics::fromFont(font());
    m_labelWidth = TimelinePainter::labelColumnWidth(m_data, m_metrics, font());
    verticalScrollBar()->setSingleStep(m_metrics.rowHeight);
    updateLayout();
}

void TimelineWidget::updateLayout()
{
    // The legend wraps to a second line when the width is narrow: its height follows it.
    const int legendHeight
        = isLegendVisible() ? m_legend->heightForWidth(viewport()->width()) : 0;
    const int axisHeight = m_axis->sizeHint().height();
    if (viewportMargins() != QMargins(0, axisHeight, 0, legendHeight))
        setViewportMargins(0, axisHeight, 0, legendHeight); // the viewport keeps its width
    const QRect vp = viewport()->geometry();
    m_axis->setGeometry(vp.left(), vp.top() - axisHeight, vp.width(), axisHeight);
    if (isLegendVisible())
        m_legend->setGeometry(vp.left(), vp.bottom() + 1, vp.width(), legendHeight);
    m_axis->setTrack(m_labelWidth, trackWidth());
    fitIfFollowing();
    updateScrollBars();
    viewport()->update();
}

int TimelineWidget::trackWidth() const
{
    return std::max(1, viewport()->width() - m_labelWidth - m_metrics.pad);
}

TimelineMath TimelineWidget::math() const
{
    return {m_zoom->startNs(), m_zoom->endNs(), static_cast<double>(trackWidth())};
}

qsizetype TimelineWidget::queueLaneCount() const
{
    return QueueDepthLane::queues(m_data.summary().ipcStates).size();
}

qint64 TimelineWidget::contentEndNs() const
{
    const qint64 last = std::max(m_data.lastEventNs(), m_data.runEndNs());
    return m_live ? std::max(m_nowNs, last) : last;
}

qint64 TimelineWidget::openEndNs() const
{
    return contentEndNs();
}

void TimelineWidget::fitIfFollowing()
{
    qint64 content = contentEndNs();
    if (content <= 0)
        content = m_live ? minimumLiveSpanNs : ZoomState::defaultSpanNs;
    else if (m_live)
        content = std::max(content, minimumLiveSpanNs);
    // Keep room right of the content for end glyphs and exit codes.
    const double width = trackWidth();
    const double usable = std::max(width - m_metrics.endReserve, width * 0.6);
    const auto fit = static_cast<qint64>(std::ceil(static_cast<double>(content) * width / usable));
    m_zoom->setContentEndNs(fit);
    if (m_zoom->followLive())
        m_zoom->fitTo(fit);
}

void TimelineWidget::updateScrollBars()
{
    m_updatingScrollBar = true;
    const int total = static_cast<int>(m_data.rowCount() + queueLaneCount()) * m_metrics.rowHeight;
    QScrollBar *v = verticalScrollBar();
    v->setRange(0, std::max(0, total - viewport()->height()));
    v->setPageStep(viewport()->height());

    QScrollBar *h = horizontalScrollBar();
    const qint64 span = m_zoom->spanNs();
    const qint64 content = std::max(m_zoom->contentEndNs(), m_zoom->endNs());
    if (m_zoom->followLive() || span >= content) {
        h->setRange(0, 0);
    } else {
        m_hScrollUnitNs = std::max<qint64>(1, content / hScrollSteps);
        h->setRange(0, static_cast<int>((content - span) / m_hScrollUnitNs));
        h->setPageStep(static_cast<int>(std::max<qint64>(1, span / m_hScrollUnitNs)));
        h->setSingleStep(std::max(1, h->pageStep() / 10));
        h->setValue(static_cast<int>(m_zoom->startNs() / m_hScrollUnitNs));
    }
    m_updatingScrollBar = false;
}

void TimelineWidget::scrollContentsBy(int dx, int)
{
    if (dx != 0 && !m_updatingScrollBar) {
        const qint64 start = horizontalScrollBar()->value() * m_hScrollUnitNs;
        m_zoom->setRange(start, start + m_zoom->spanNs());
    }
    viewport()->update();
}

void TimelineWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    paintRows(painter, viewport()->rect(), verticalScrollBar()->value());
}

int TimelineWidget::rowsHeight() const
{
    // The process rows and the queue depth lanes under them (at least one row: the empty text).
    return std::max(1, static_cast<int>(m_data.rowCount() + queueLaneCount())) * m_metrics.rowHeight;
}

QSize TimelineWidget::imageSize() const
{
    const int width = viewport()->width();
    return {width, m_axis->sizeHint().height() + rowsHeight() + (isLegendVisible() ? m_legend->heightForWidth(width) : 0)};
}

void TimelineWidget::renderImage(QPainter &painter) const
{
    // What the user sees, all rows: the axis, the rows and the legend, at the current zoom and
    // horizontal scroll, painted by the same code as on screen.
    const QSize size = imageSize();
    const int axisHeight = m_axis->sizeHint().height();
    const int rowsHeight = this->rowsHeight();
    painter.save();
    m_axis->paint(painter, size.width());
    painter.restore();
    painter.save();
    painter.translate(0, axisHeight);
    painter.setClipRect(QRect(0, 0, size.width(), rowsHeight));
    paintRows(painter, QRect(0, 0, size.width(), rowsHeight), 0);
    painter.restore();
    if (isLegendVisible()) {
        painter.save();
        painter.translate(0, axisHeight + rowsHeight);
        m_legend->paint(painter, size.width());
        painter.restore();
    }
}

void TimelineWidget::paintRows(QPainter &painter, const QRect &area, int offset) const
{
    painter.setFont(font());
    const TimelineColors colors = TimelineColors::fromPalette(palette());
    painter.fillRect(area, colors.base);
    const QList<TimelineRow> &rows = m_data.rows();
    const int rowHeight = m_metrics.rowHeight;

    if (rows.isEmpty()) {
        painter.setPen(colors.mutedText);
        painter.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, emptyText());
        return;
    }

    const int first = std::max(0, offset / rowHeight);
    const int last
        = std::min(static_cast<int>(rows.size()), (offset + area.height()) / rowHeight + 1);
    // Queue depth lanes come after the process rows, one row each.
    const QList<const IpcObjectState *> queues = QueueDepthLane::queues(m_data.summary().ipcStates);
    const int totalRows = static_cast<int>(rows.size() + queues.size());
    const int lastRow = std::min(totalRows, (offset + area.height()) / rowHeight + 1);
    const int rowsBottom = totalRows * rowHeight - offset;
    const TimelineMath m = math();
    const int trackLeft = m_labelWidth;

    for (int i = first; i < lastRow; ++i) {
        if (i % 2 == 1)
            painter.fillRect(QRect(0, i * rowHeight - offset, area.width(), rowHeight),
                             colors.alternateBase);
    }

    // Grid lines at the axis ticks.
    painter.setRenderHint(QPainter::Antialiasing, false);
    QList<QLine> grid;
    const qint64 step = TimelineAxis::tickStepFor(m, fontMetrics());
    for (const qint64 t : m.ticks(step)) {
        const int x = trackLeft + static_cast<int>(std::lround(m.xForNs(t)));
        grid.append(QLine(x, 0, x, std::min(rowsBottom, area.height())));
    }
    painter.setPen(QPen(colors.grid, 1));
    painter.drawLines(grid);

    TimelinePainter rowPainter(painter, m_metrics, colors, font(), m_data,
                               m_record ? &m_record->events() : &noEvents());
    rowPainter.setHighlightedPoolTask(m_highlightedTask);
    const qint64 openEnd = openEndNs();
    const QHash<int, QList<const IpcWait *>> waits
        = IpcWaitPainter::visibleWaits(m_data.summary().waits, m_data.runStartNs(), m.startNs, m.endNs);
    for (int i = first; i < last; ++i) {
        const int top = i * rowHeight - offset;
        rowPainter.paintTrack(QRect(trackLeft, top, area.width() - trackLeft, rowHeight),
                              rows.at(i), m, openEnd);
        IpcWaitPainter::paint(painter, QRect(trackLeft, top + m_metrics.barTop, area.width() - trackLeft, m_metrics.barHeight),
                              waits.value(rows.at(i).processId), m, m_data.runStartNs(), openEnd, colors);
    }
    for (int i = std::max<int>(first, rows.size()); i < lastRow; ++i) {
        const int top = i * rowHeight - offset;
        QueueDepthLane::paintTrack(painter, QRect(trackLeft, top, area.width() - trackLeft, rowHeight),
                                   *queues.at(i - rows.size()), m, m_data.runStartNs(), openEnd, m_metrics, colors);
    }

    if (m_live && m.isVisible(m_nowNs)) {
        const int x = trackLeft + static_cast<int>(std::lround(m.xForNs(m_nowNs)));
        painter.setPen(QPen(colors.now, 1, Qt::DashLine));
        painter.drawLine(x, 0, x, std::min(rowsBottom, area.height()));
    }

    // Label column last, so nothing of the tracks shows through it.
    painter.fillRect(QRect(0, 0, trackLeft, area.height()), colors.base);
    for (int i = first; i < last; ++i) {
        const QRect rect(0, i * rowHeight - offset, trackLeft, rowHeight);
        if (i % 2 == 1)
            painter.fillRect(rect, colors.alternateBase);
        rowPainter.paintLabel(rect, rows.at(i));
    }
    for (int i = std::max<int>(first, rows.size()); i < lastRow; ++i) {
        const QRect rect(0, i * rowHeight - offset, trackLeft, rowHeight);
        if (i % 2 == 1)
            painter.fillRect(rect, colors.alternateBase);
        painter.setFont(font());
        QueueDepthLane::paintLabel(painter, rect, *queues.at(i - rows.size()), m_metrics, colors);
    }
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(QPen(colors.grid, 1));
    painter.drawLine(trackLeft - 1, 0, trackLeft - 1, area.height());
}

void TimelineWidget::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateLayout();
}

void TimelineWidget::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    switch (event->type()) {
    case QEvent::FontChange:
    case QEvent::StyleChange:
    case QEvent::LanguageChange: // role and state names change width
        updateMetrics();
        m_legend->update();
        break;
    case QEvent::PaletteChange:
        viewport()->update();
        break;
    default:
        break;
    }
}

TimelineHit TimelineWidget::hitTest(const QPoint &pos) const
{
    TimelineHit hit;
    const int rowHeight = m_metrics.rowHeight;
    const int offset = verticalScrollBar()->value();
    if (pos.y() < 0 || rowHeight <= 0)
        return hit;
    const int index = (pos.y() + offset) / rowHeight;
    const TimelineRow *row = m_data.row(index);
    if (!row)
        return hit;
    hit.row = index;
    const int top = index * rowHeight - offset;
    if (pos.x() < m_labelWidth) {
        hit.kind = TimelineHit::Kind::Label;
        hit.rect = QRect(0, top, m_labelWidth, rowHeight);
        return hit;
    }

    const TimelineMath m = math();
    const double x = pos.x() - m_labelWidth;
    const qint64 t = m.nsForX(x);
    hit.timeNs = t;
    const int slop = m_metrics.hitSlop;
    const auto byTime = [](const TimelineMark &mark, qint64 time) { return mark.timeNs < time; };
    const auto nearest = [&](const QList<TimelineMark> &list, bool skipPhases) {
        auto it = std::lower_bound(list.cbegin(), list.cend(), m.nsForX(x - slop), byTime);
        const qint64 until = m.nsForX(x + slop);
        qsizetype best = -1;
        qint64 bestDistance = 0;
        for (; it != list.cend() && it->timeNs <= until; ++it) {
            if (skipPhases && (it->markKind() == MarkKind::ScriptStep
                               || it->markKind() == MarkKind::WorkerTrace))
                continue;
            const qint64 distance = std::abs(it->timeNs - t);
            if (best < 0 || distance < bestDistance) {
                best = it - list.cbegin();
                bestDistance = distance;
            }
        }
        return best;
    };
    const auto markRect = [&](qint64 timeNs, int y, int height) {
        const int mx = m_labelWidth + static_cast<int>(std::floor(m.xForNs(timeNs)));
        return QRect(mx - slop, y, 2 * slop + 1, height);
    };

    const int localY = pos.y() - top;
    if (localY >= m_metrics.laneTop - m_metrics.pad / 2) {
        // Red ticks are drawn on top, so a stderr line near the mouse wins over stdout.
        qsizetype best = -1;
        if (const qsizetype alert = nearest(row->alerts, false); alert >= 0) {
            const TimelineMark &mark = row->alerts.at(alert);
            const auto it = std::lower_bound(row->marks.cbegin(), row->marks.cend(), mark,
                                             markBefore);
            if (it != row->marks.cend() && *it == mark)
                best = it - row->marks.cbegin();
        }
        if (best < 0)
            best = nearest(row->marks, true);
        if (best < 0)
            return hit;
        const qint64 markNs = row->marks.at(best).timeNs;
        const double px = std::floor(m.xForNs(markNs));
        const auto from
            = std::lower_bound(row->marks.cbegin(), row->marks.cend(), m.nsForX(px), byTime);
        const auto to = std::lower_bound(from, row->marks.cend(), m.nsForX(px + 1), byTime);
        hit.kind = TimelineHit::Kind::Mark;
        hit.index = best;
        hit.sharedPixel = std::max<qsizetype>(0, (to - from) - 1);
        hit.rect = markRect(markNs, top + m_metrics.laneTop - m_metrics.pad / 2,
                            m_metrics.laneHeight + m_metrics.pad);
        return hit;
    }

    const int barTop = top + m_metrics.barTop;
    if (const qsizetype phase = nearest(row->phases, false); phase >= 0) {
        hit.kind = TimelineHit::Kind::Phase;
        hit.index = phase;
        hit.rect = markRect(row->phases.at(phase).timeNs, barTop, m_metrics.barHeight);
        return hit;
    }
    const qint64 endNs = m_data.endNs(index);
    if (endNs >= 0) {
        const double endX = m.xForNs(endNs);
        if (x >= endX - slop && x <= endX + m_metrics.barHeight + slop) {
            hit.kind = TimelineHit::Kind::End;
            hit.rect = QRect(m_labelWidth + static_cast<int>(endX) - slop, barTop,
                             m_metrics.barHeight + 2 * slop, m_metrics.barHeight);
            return hit;
        }
    }
    const qint64 openEnd = openEndNs();
    if (m_data.isPoolWorker(row->processId)) {
        // A task under the mouse (or within a few pixels of a thin one), then the counted band.
        const QList<PoolBusySpan> spans
            = m_data.poolSpans(row->processId, m.nsForX(x - slop), m.nsForX(x + slop), openEnd);
        const PoolBusySpan *best = nullptr;
        qint64 bestDistance = 0;
        for (const PoolBusySpan &span : spans) {
            const qint64 distance = t < span.startNs ? span.startNs - t : t > span.endNs ? t - span.endNs : 0;
            if (!best || distance < bestDistance) {
                best = &span;
                bestDistance = distance;
            }
        }
        if (best) {
            hit.kind = TimelineHit::Kind::PoolTask;
            hit.index = best->task;
            hit.timeNs = std::clamp(t, best->startNs, best->endNs);
            const int left = m_labelWidth + static_cast<int>(std::floor(m.xForNs(best->startNs)));
            const int right = m_labelWidth + static_cast<int>(std::ceil(m.xForNs(best->endNs)));
            hit.rect = QRect(left - slop, barTop, right - left + 2 * slop + 1, m_metrics.barHeight);
            return hit;
        }
        if (const auto [from, to] = m_data.countedOnlyRange(row->processId, openEnd); from >= 0 && t >= from && t <= to) {
            hit.kind = TimelineHit::Kind::PoolCounted;
            hit.rect = QRect(pos.x() - slop, barTop, 2 * slop + 1, m_metrics.barHeight);
            return hit;
        }
    }
    for (qsizetype i = 0; i < row->segments.size(); ++i) {
        const TimelineSegment &segment = row->segments.at(i);
        const qint64 end = segment.isOpen() ? openEnd : segment.endNs;
        if (t >= segment.startNs && t <= end) {
            hit.kind = TimelineHit::Kind::Segment;
            hit.index = i;
            // The tooltip follows the mouse within the segment (its text shows the phase).
            hit.rect = QRect(pos.x() - slop, barTop, 2 * slop + 1, m_metrics.barHeight);
            return hit;
        }
    }
    if (const qint64 createdNs = m_data.createdNs(index); createdNs >= 0 && t >= createdNs) {
        const qint64 end = !row->segments.isEmpty() ? row->segments.constFirst().startNs
                           : endNs >= 0             ? endNs
                                                    : openEnd;
        if (t <= end) {
            hit.kind = TimelineHit::Kind::Created;
            hit.rect = QRect(pos.x() - slop, barTop, 2 * slop + 1, m_metrics.barHeight);
        }
    }
    return hit;
}

bool TimelineWidget::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const TimelineHit hit = hitTest(help->pos());
        QString text = TimelineToolTips::text(
            hit, m_data, m_record ? m_record->events() : noEvents(), openEndNs());
        // On a bar: the CPU lane's sample there (% of a core, memory).
        if ((hit.kind == TimelineHit::Kind::Segment || hit.kind == TimelineHit::Kind::Phase
             || hit.kind == TimelineHit::Kind::PoolTask) && hit.row >= 0 && hit.row < m_data.rowCount()) {
            const QString cpu = CpuLane::toolTipLine(m_data.summary().resources, m_data.rows().at(hit.row).processId,
                                                     hit.timeNs, m_data.runStartNs());
            if (!cpu.isEmpty())
                text += QStringLiteral("<br>") + cpu.toHtmlEscaped();
        }
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, viewport(), hit.rect);
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

qint64 TimelineWidget::anchorForX(int x) const
{
    const int trackX = x - m_labelWidth;
    return trackX < 0 ? m_zoom->startNs() : math().nsForX(trackX);
}

void TimelineWidget::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    if (event->modifiers() & Qt::ControlModifier) {
        const int d = delta.y() != 0 ? delta.y() : delta.x();
        m_zoom->zoomAround(anchorForX(static_cast<int>(event->position().x())),
                           std::pow(wheelZoomBase, d));
        event->accept();
        return;
    }
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    int dx = delta.x();
    if (shift && dx == 0)
        dx = delta.y();
    if (dx != 0 && (shift || std::abs(dx) > std::abs(delta.y()))) {
        // One notch pans a tenth of the visible range.
        m_zoom->pan(static_cast<qint64>(-dx / 1200.0 * static_cast<double>(m_zoom->spanNs())));
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void TimelineWidget::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    m_pressed = true;
    m_dragging = false;
    m_pressPos = event->position().toPoint();
    m_pressStartNs = m_zoom->startNs();
    m_pressSpanNs = m_zoom->spanNs();
    event->accept();
}

void TimelineWidget::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (m_pressed && (event->buttons() & Qt::LeftButton)) {
        if (!m_dragging && (pos - m_pressPos).manhattanLength() >= QApplication::startDragDistance()
            && m_pressPos.x() >= m_labelWidth) {
            m_dragging = true;
            viewport()->setCursor(Qt::ClosedHandCursor);
        }
        if (m_dragging) {
            const double nsPerPixel = static_cast<double>(m_pressSpanNs) / trackWidth();
            const qint64 start = m_pressStartNs
                                 - static_cast<qint64>((pos.x() - m_pressPos.x()) * nsPerPixel);
            m_zoom->setRange(start, start + m_pressSpanNs);
        }
        event->accept();
        return;
    }
    const TimelineHit::Kind kind = hitTest(pos).kind;
    const bool clickable = kind == TimelineHit::Kind::Mark || kind == TimelineHit::Kind::Phase
                           || kind == TimelineHit::Kind::Label;
    viewport()->setCursor(clickable ? Qt::PointingHandCursor : Qt::ArrowCursor);
}

void TimelineWidget::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_pressed) {
        QAbstractScrollArea::mouseReleaseEvent(event);
        return;
    }
    m_pressed = false;
    if (m_dragging) {
        m_dragging = false;
        viewport()->setCursor(Qt::ArrowCursor);
        event->accept();
        return;
    }
    const TimelineHit hit = hitTest(event->position().toPoint());
    if (const TimelineRow *row = m_data.row(hit.row)) {
        if (hit.kind == TimelineHit::Kind::Mark)
            emit eventActivated(row->processId, row->marks.at(hit.index).eventIndex);
        else if (hit.kind == TimelineHit::Kind::Phase)
            emit eventActivated(row->processId, row->phases.at(hit.index).eventIndex);
        else if (hit.kind == TimelineHit::Kind::Label)
            emit processActivated(row->processId);
    }
    event->accept();
}

void TimelineWidget::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_zoom->resetZoom();
        fitIfFollowing();
        event->accept();
        return;
    }
    QAbstractScrollArea::mouseDoubleClickEvent(event);
}

void TimelineWidget::keyPressEvent(QKeyEvent *event)
{
    const qint64 centre = m_zoom->startNs() + m_zoom->spanNs() / 2;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        m_zoom->zoomAround(centre, 1.25);
        break;
    case Qt::Key_Minus:
        m_zoom->zoomAround(centre, 1 / 1.25);
        break;
    case Qt::Key_Left:
        m_zoom->pan(-m_zoom->spanNs() / 10);
        break;
    case Qt::Key_Right:
        m_zoom->pan(m_zoom->spanNs() / 10);
        break;
    case Qt::Key_0:
    case Qt::Key_Home:
        m_zoom->resetZoom();
        fitIfFollowing();
        break;
    default:
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    event->accept();
}

} // namespace ProcessLab
