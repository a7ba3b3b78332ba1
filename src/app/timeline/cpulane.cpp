// SPDX-License-Identifier: MIT
#include "cpulane.h"

#include "output/cpusparkline.h"
#include "processcolors.h"
#include "timelinemath.h"
#include "timelinepainter.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace ProcessLab {

void CpuLane::paint(QPainter &painter, const QRectF &bar, const ResourceSeries &series, int process,
                    const TimelineMath &math, qint64 runStartNs, const QColor &processColor,
                    const TimelineColors &colors)
{
    const QList<ResourcePoint> &points = series.points(process);
    if (points.isEmpty() || bar.height() < 2)
        return;
    const qint64 viewStart = runStartNs + math.startNs;
    const qint64 viewEnd = runStartNs + math.endNs;
    qsizetype i = series.firstEndingAfter(process, viewStart);
    if (i >= points.size() || points.at(i).beginNs > viewEnd)
        return;
    const auto xOf = [&](qint64 t) {
        return bar.left() + std::clamp(math.xForNs(t - runStartNs), -2.0, math.widthPx + 2.0);
    };
    const auto yOf = [&](qint64 permille) {
        return bar.bottom() - bar.height() * double(std::clamp<qint64>(permille, 0, 1000)) / 1000.0;
    };
    // A step curve; samples narrower than a pixel merge into the pixel, which shows their
    // highest value (a short burst stays visible when zoomed out).
    QPainterPath path;
    double x = xOf(points.at(i).beginNs);
    path.moveTo(x, bar.bottom());
    double pendingX = x;
    qint64 pendingPermille = -1;
    for (; i < points.size() && points.at(i).beginNs <= viewEnd; ++i) {
        const ResourcePoint &point = points.at(i);
        const double x0 = xOf(point.beginNs);
        const double x1 = xOf(point.endNs);
        if (x1 - pendingX < 1.0) { // still inside the current pixel
            pendingPermille = std::max(pendingPermille, point.permille);
            continue;
        }
        if (pendingPermille >= 0) {
            path.lineTo(pendingX, yOf(pendingPermille));
            path.lineTo(x0, yOf(pendingPermille));
            pendingPermille = -1;
        }
        const double y = yOf(point.permille);
        path.lineTo(x0, y);
        path.lineTo(x1, y);
        pendingX = x1;
    }
    if (pendingPermille >= 0) {
        path.lineTo(pendingX, yOf(pendingPermille));
        path.lineTo(pendingX + 1.0, yOf(pendingPermille));
        pendingX += 1.0;
    }
    path.lineTo(pendingX, bar.bottom());
    path.closeSubpath();
    drawCurve(painter, path, processColor, colors);
}

void CpuLane::paintSwatch(QPainter &painter, const QRectF &bar, const QColor &processColor,
                          const TimelineColors &colors)
{
    QPainterPath path;
    path.moveTo(bar.left(), bar.bottom());
    const double levels[] = {0.25, 0.9, 0.55, 1.0};
    const double step = bar.width() / std::size(levels);
    for (size_t i = 0; i < std::size(levels); ++i) {
        const double y = bar.bottom() - bar.height() * levels[i];
        path.lineTo(bar.left() + double(i) * step, y);
        path.lineTo(bar.left() + double(i + 1) * step, y);
    }
    path.lineTo(bar.right(), bar.bottom());
    path.closeSubpath();
    drawCurve(painter, path, processColor, colors);
}

void CpuLane::drawCurve(QPainter &painter, const QPainterPath &path, const QColor &processColor,
                        const TimelineColors &colors)
{
    // Over the bar in a shade of its own colour that stands out from every state's fill.
    const QColor shade = colors.dark ? processColor.lighter(175) : processColor.darker(190);
    QColor fill = shade;
    fill.setAlphaF(0.55);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(shade, 1));
    painter.setBrush(fill);
    painter.drawPath(path);
    painter.restore();
}

const ResourcePoint *CpuLane::sampleAt(const ResourceSeries &series, int process, qint64 t)
{
    const QList<ResourcePoint> &points = series.points(process);
    const qsizetype i = series.firstEndingAfter(process, t - 1); // the first ending at or after t
    if (i >= points.size() || points.at(i).beginNs > t)
        return nullptr;
    return &points.at(i);
}

QString CpuLane::toolTipLine(const ResourceSeries &series, int process, qint64 timeNs, qint64 runStartNs)
{
    const ResourcePoint *point = sampleAt(series, process, runStartNs + timeNs);
    if (!point)
        return {};
    // The memory of the sample, or (the last sample, after the exit) of the one before it.
    qint64 memory = point->residentBytes;
    if (memory < 0 && point != series.points(process).constData())
        memory = (point - 1)->residentBytes;
    return memory < 0 ? tr("CPU %1 of one core").arg(formatCpuPercent(point->permille))
                      : tr("CPU %1 of one core · memory %2").arg(formatCpuPercent(point->permille), formatMemory(memory));
}

} // namespace ProcessLab
