// SPDX-License-Identifier: MIT
#pragma once

#include "record/resourceseries.h"

#include <QCoreApplication>
#include <QRectF>
#include <QString>

class QColor;
class QPainter;
class QPainterPath;

namespace ProcessLab {

struct TimelineMath;
struct TimelineColors;

// The timeline's CPU lane: a process's sampled CPU use drawn over its bar, filled under a
// curve from the bar's bottom (0 %) to its top (100 % of one core), at the shared zoom
// (TimelineMath from the one ZoomState). Reads the RunSummary's ResourceSeries, the same
// samples as the pane headers' sparklines. Costs O(visible samples), at most a few points per
// pixel: a long run zoomed out draws one point per pixel column.
class CpuLane
{
    Q_DECLARE_TR_FUNCTIONS(ProcessLab::CpuLane)
public:
    // bar: the row's bar in widget coordinates, x = 0 at the track's left; runStartNs: the
    // run's start (the series' times are absolute, the math's relative to it).
    static void paint(QPainter &painter, const QRectF &bar, const ResourceSeries &series, int process,
                      const TimelineMath &math, qint64 runStartNs, const QColor &processColor,
                      const TimelineColors &colors);
    // The legend's swatch: a few steps of CPU use over bar, drawn as paint() draws them.
    static void paintSwatch(QPainter &painter, const QRectF &bar, const QColor &processColor,
                            const TimelineColors &colors);
    // The tool tip's line for the sample covering timeNs (relative): "CPU 97% of one core ·
    // 3.2 MiB"; empty where there is no sample.
    static QString toolTipLine(const ResourceSeries &series, int process, qint64 timeNs, qint64 runStartNs);
    // The sample covering absolute time t, or nullptr.
    static const ResourcePoint *sampleAt(const ResourceSeries &series, int process, qint64 t);

private:
    static void drawCurve(QPainter &painter, const QPainterPath &path, const QColor &processColor,
                          const TimelineColors &colors);
};

} // namespace ProcessLab
