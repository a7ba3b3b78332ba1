// SPDX-License-Identifier: MIT
#include "queuedepthlane.h"

#include "processcolors.h"
#include "timelinepainter.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace ProcessLab {

QList<const IpcObjectState *> QueueDepthLane::queues(const IpcObjectStates &states)
{
    QList<const IpcObjectState *> result;
    for (const IpcObjectState &object : states.objects()) {
        if (object.kind == IpcObjectKind::Queue)
            result.append(&object);
    }
    return result;
}

QString QueueDepthLane::labelText(const IpcObjectState &queue)
{
    return tr("%1: depth").arg(queue.name);
}

void QueueDepthLane::paintLabel(QPainter &painter, const QRect &rect, const IpcObjectState &queue,
                                const TimelineMetrics &metrics, const TimelineColors &colors)
{
    const QRect text = rect.adjusted(2 * metrics.pad, 0, -2 * metrics.pad, 0);
    painter.setPen(colors.text);
    QFont font = painter.font();
    font.setItalic(true);
    painter.setFont(font);
    painter.drawText(text, Qt::AlignLeft | Qt::AlignVCenter,
                     QFontMetrics(font).elidedText(labelText(queue), Qt::ElideRight, text.width()));
    font.setItalic(false);
    painter.setFont(font);
}

void QueueDepthLane::paintTrack(QPainter &painter, const QRect &track, const IpcObjectState &queue,
                                const TimelineMath &math, qint64 runStartNs, qint64 openEndNs,
                                const TimelineMetrics &metrics, const TimelineColors &colors)
{
    const QList<DepthPoint> &series = queue.queue.depth;
    const int bottom = track.bottom() - metrics.pad;
    const int height = std::max(4, track.height() - 2 * metrics.pad - metrics.lineHeight / 2);
    qint64 peak = 1;
    for (const DepthPoint &point : series) // the scale holds still while zooming: the run's peak
        peak = std::max(peak, point.depth);
    if (queue.queue.maxsize > 0)
        peak = std::max(peak, queue.queue.maxsize);

    // One value per pixel column: the largest depth any step reaching into it has.
    const int width = track.width();
    QList<qint64> columns(width, -1);
    const qint64 from = math.startNs + runStartNs;
    auto it = std::upper_bound(series.cbegin(), series.cend(), from,
                               [](qint64 t, const DepthPoint &p) { return t < p.timeNs; });
    if (it != series.cbegin())
        --it;
    const qint64 endAbs = openEndNs + runStartNs;
    for (; it != series.cend(); ++it) {
        const qint64 start = it->timeNs - runStartNs;
        if (start > math.endNs)
            break;
        const auto next = std::next(it);
        const qint64 end = next != series.cend() ? next->timeNs - runStartNs : std::max(start, endAbs - runStartNs);
        const int x0 = std::clamp(static_cast<int>(std::floor(math.xForNs(std::max(start, math.startNs)))), 0, width - 1);
        const int x1 = std::clamp(static_cast<int>(std::floor(math.xForNs(std::min(end, math.endNs)))), 0, width - 1);
        if (end < math.startNs)
            continue;
        for (int x = x0; x <= x1; ++x)
            columns[x] = std::max(columns[x], it->depth);
    }
    const QColor line = processColor(0, colors.dark).lighter(colors.dark ? 140 : 100);
    QColor fill = blendColors(colors.base, colors.text, 0.25);
    fill.setAlpha(160);
    QPainterPath area;
    bool open = false;
    int lastX = 0;
    for (int x = 0; x < width; ++x) {
        if (columns[x] < 0) {
            if (open) {
                area.lineTo(track.left() + lastX + 1, bottom);
                area.closeSubpath();
                open = false;
            }
            continue;
        }
        const double y = bottom - double(columns[x]) / double(peak) * height;
        if (!open) {
            area.moveTo(track.left() + x, bottom);
            open = true;
        }
        area.lineTo(track.left() + x, y);
        area.lineTo(track.left() + x + 1, y);
        lastX = x;
    }
    if (open) {
        area.lineTo(track.left() + lastX + 1, bottom);
        area.closeSubpath();
    }
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(QPen(line, 1));
    painter.setBrush(fill);
    painter.drawPath(area);
    painter.setBrush(Qt::NoBrush);

    // Past the budget the depth is sampled at 100 Hz: a dashed mark says from where.
    if (queue.sampled) {
        const qint64 sampled = queue.sampledFromNs - runStartNs;
        if (math.isVisible(sampled)) {
            const int x = track.left() + static_cast<int>(std::lround(math.xForNs(sampled)));
            painter.setPen(QPen(colors.mutedText, 1, Qt::DashLine));
            painter.drawLine(x, track.top(), x, track.bottom());
            painter.setFont(metrics.smallFont);
            painter.drawText(QRect(x + metrics.pad, track.top(), track.right() - x, metrics.lineHeight),
                             Qt::AlignLeft | Qt::AlignVCenter, tr("sampled from here"));
        }
    }
    painter.setFont(metrics.smallFont);
    painter.setPen(colors.mutedText);
    painter.drawText(QRect(track.left(), track.top(), track.width() - metrics.pad, metrics.lineHeight),
                     Qt::AlignRight | Qt::AlignVCenter,
                     tr("max %1 · now %2").arg(QLocale().toString(peak), QLocale().toString(queue.queue.currentDepth())));
}

QHash<int, QList<const IpcWait *>> IpcWaitPainter::visibleWaits(const IpcWaits &waits, qint64 runStartNs,
                                                                 qint64 fromNs, qint64 toNs)
{
    QHash<int, QList<const IpcWait *>> result;
    for (const IpcWait &wait : waits.waits()) {
        const qint64 start = wait.startNs - runStartNs;
        const qint64 end = wait.isOpen() ? toNs : wait.endNs - runStartNs;
        if (end >= fromNs && start <= toNs)
            result[wait.process].append(&wait);
    }
    return result;
}

void IpcWaitPainter::paint(QPainter &painter, const QRect &barRect, const QList<const IpcWait *> &waits,
                           const TimelineMath &math, qint64 runStartNs, qint64 openEndNs, const TimelineColors &colors)
{
    if (waits.isEmpty())
        return;
    painter.setRenderHint(QPainter::Antialiasing, false);
    for (const IpcWait *wait : waits) {
        const qint64 start = std::max(math.startNs, wait->startNs - runStartNs);
        const qint64 end = std::min(math.endNs, wait->isOpen() ? openEndNs : wait->endNs - runStartNs);
        if (end < start)
            continue;
        const int x0 = barRect.left() + static_cast<int>(std::floor(math.xForNs(start)));
        const int x1 = barRect.left() + static_cast<int>(std::ceil(math.xForNs(end)));
        fillWait(painter, QRect(x0, barRect.top(), std::max(2, x1 - x0), barRect.height()), colors);
    }
}

void IpcWaitPainter::fillWait(QPainter &painter, const QRect &rect, const TimelineColors &colors)
{
    QColor hatch = colors.text;
    hatch.setAlpha(colors.dark ? 150 : 120);
    painter.fillRect(rect, colors.base);
    painter.fillRect(rect, QBrush(hatch, Qt::DiagCrossPattern));
    painter.setPen(QPen(hatch, 1, Qt::DashLine));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(rect.adjusted(0, 0, -1, -1));
}

} // namespace ProcessLab
