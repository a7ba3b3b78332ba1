// SPDX-License-Identifier: MIT
#pragma once

#include "runevent.h"

#include <QHash>
#include <QList>

namespace ProcessLab {

// One resource-sample of a process, as a span: the CPU use it reports held from the
// previous sample (the first: from the process's Starting stamp) to this one.
struct ResourcePoint
{
    qint64 beginNs = 0;       // absolute monotonic ns, as RunEvent::timeNs
    qint64 endNs = 0;         // the sample's stamp
    qint64 permille = 0;      // CPU per-mille of one core over [beginNs, endNs]
    qint64 residentBytes = -1; // at endNs; -1 unknown (the last sample, after the exit)

    bool operator==(const ResourcePoint &) const = default;
};

// The CPU and memory samples of every process, in time order per process: what the pane
// headers' sparklines and the timeline's CPU lane draw. Folded by RunSummaryBuilder from the
// same events as the summary's CPU totals (one projection). Points only: a record holds a
// bounded number of samples (docs/run-record.md), and so does this.
class ResourceSeries
{
public:
    void consume(const RunEvent &event);

    // The process's samples in time order; empty when it has none (Main, or no sampler).
    const QList<ResourcePoint> &points(int process) const;
    // The index of the first point ending after timeNs (points().size() if none): where a
    // view showing [timeNs, ...] starts drawing.
    qsizetype firstEndingAfter(int process, qint64 timeNs) const;
    bool isEmpty() const { return m_points.isEmpty(); }

private:
    QHash<int, QList<ResourcePoint>> m_points;
    QHash<int, qint64> m_startingNs;
};

} // namespace ProcessLab
