// SPDX-License-Identifier: MIT
#include "timelinemath.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ProcessLab {

namespace {

constexpr qint64 nsPerMs = 1'000'000;
constexpr qint64 nsPerS = 1'000'000'000;

// Decimals needed to write multiples of stepNs in units of unitNs (0 when the step is a
// whole number of units).
int decimalsFor(qint64 stepNs, qint64 unitNs)
{
    int decimals = 0;
    qint64 unit = unitNs;
    while (unit > 1 && stepNs % unit != 0) {
        unit /= 10;
        ++decimals;
    }
    return decimals;
}

QString formatFixed(double value, int decimals)
{
    QString text = QString::number(value, 'f', decimals);
    if (decimals > 0) {
        while (text.endsWith(u'0'))
            text.chop(1);
        if (text.endsWith(u'.'))
            text.chop(1);
    }
    if (text == u"-0")
        text = QStringLiteral("0");
    return text;
}

} // namespace

TimelineMath::TimelineMath(qint64 start, qint64 end, double width)
    : startNs(start)
    , endNs(std::max(end, start + 1))
    , widthPx(std::max(width, 1.0))
{
}

double TimelineMath::nsPerPixel() const
{
    return static_cast<double>(spanNs()) / widthPx;
}

double TimelineMath::xForNs(qint64 ns) const
{
    return static_cast<double>(ns - startNs) * widthPx / static_cast<double>(spanNs());
}

qint64 TimelineMath::nsForX(double x) const
{
    return startNs + static_cast<qint64>(std::llround(x * nsPerPixel()));
}

qint64 TimelineMath::niceStep(qint64 minimumStepNs)
{
    qint64 magnitude = 1;
    while (true) {
        for (const qint64 multiplier : {1, 2, 5}) {
            if (magnitude * multiplier >= minimumStepNs)
                return magnitude * multiplier;
        }
        if (magnitude > std::numeric_limits<qint64>::max() / 100)
            return magnitude * 10;
        magnitude *= 10;
    }
}

qint64 TimelineMath::tickStep(double minimumSpacingPx) const
{
    const double minimumNs = std::ceil(std::max(minimumSpacingPx, 1.0) * nsPerPixel());
    return niceStep(static_cast<qint64>(minimumNs));
}

QList<qint64> TimelineMath::ticks(qint64 stepNs) const
{
    QList<qint64> result;
    if (stepNs <= 0)
        return result;
    // First multiple of the step at or after startNs (floor division for negatives).
    qint64 first = startNs / stepNs * stepNs;
    if (first < startNs)
        first += stepNs;
    for (qint64 t = first; t <= endNs; t += stepNs)
        result.append(t);
    return result;
}

QString TimelineMath::formatTick(qint64 ns, qint64 stepNs)
{
    if (stepNs >= nsPerS) {
        const int decimals = decimalsFor(stepNs, nsPerS);
        return formatFixed(static_cast<double>(ns) / nsPerS, decimals) + u" s";
    }
    if (stepNs >= nsPerMs) {
        if (std::abs(ns) < nsPerS)
            return QString::number(ns / nsPerMs) + u" ms";
        const int decimals = decimalsFor(stepNs, nsPerS);
        return formatFixed(static_cast<double>(ns) / nsPerS, decimals) + u" s";
    }
    const int decimals = decimalsFor(stepNs, nsPerMs);
    return formatFixed(static_cast<double>(ns) / nsPerMs, decimals) + u" ms";
}

QString TimelineMath::formatExactMs(qint64 ns)
{
    return QString::number(static_cast<double>(ns) / nsPerMs, 'f', 3) + u" ms";
}

QString TimelineMath::formatDuration(qint64 ns)
{
    const double abs = std::abs(static_cast<double>(ns));
    if (abs < 1e6)
        return QString::number(static_cast<double>(ns) / 1e3, 'f', abs < 1e4 ? 1 : 0) + u" µs";
    if (abs < 1e9)
        return QString::number(static_cast<double>(ns) / 1e6, 'f', abs < 1e7 ? 2 : 1) + u" ms";
    return QString::number(static_cast<double>(ns) / 1e9, 'f', abs < 1e10 ? 2 : 1) + u" s";
}

} // namespace ProcessLab
