// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

namespace ProcessLab {

// Mapping between time (ns relative to the run's start) and pixels for one visible
// range drawn over a given width, plus "nice" axis ticks. A plain value: cheap to make
// in every paint, tested without a GUI.
struct TimelineMath
{
    qint64 startNs = 0;
    qint64 endNs = 1;
    double widthPx = 1.0; // pixels the range [startNs, endNs] covers, starting at x = 0

    TimelineMath() = default;
    TimelineMath(qint64 start, qint64 end, double width);

    qint64 spanNs() const { return endNs - startNs; }
    double nsPerPixel() const;
    double xForNs(qint64 ns) const;
    qint64 nsForX(double x) const;
    bool isVisible(qint64 ns) const { return ns >= startNs && ns <= endNs; }

    // Smallest 1/2/5 x 10^k ns step >= minimumStepNs (at least 1 ns).
    static qint64 niceStep(qint64 minimumStepNs);
    // The nice step whose ticks are at least minimumSpacingPx apart.
    qint64 tickStep(double minimumSpacingPx) const;
    // Multiples of stepNs within [startNs, endNs].
    QList<qint64> ticks(qint64 stepNs) const;

    // Axis label of a tick at ns for ticks stepNs apart: "0 ms", "250 ms", "1.5 s", "12 s",
    // "0.25 ms" (sub-millisecond steps stay in ms with as many decimals as the step needs).
    static QString formatTick(qint64 ns, qint64 stepNs);
    // Exact time for tooltips: milliseconds with 3 decimals, "1234.567 ms".
    static QString formatExactMs(qint64 ns);
    // A duration for people: "850 µs", "12.3 ms", "1.42 s".
    static QString formatDuration(qint64 ns);
};

} // namespace ProcessLab
