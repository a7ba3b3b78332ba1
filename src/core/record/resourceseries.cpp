// SPDX-License-Identifier: MIT
#include "resourceseries.h"

#include <algorithm>

namespace ProcessLab {

void ResourceSeries::consume(const RunEvent &event)
{
    if (event.kind == EventKind::StateChanged && event.state == ProcessState::Starting) {
        if (!m_startingNs.contains(event.process)) // a second Starting event only adds the pid
            m_startingNs.insert(event.process, event.timeNs);
        return;
    }
    if (event.kind != EventKind::ResourceSample || event.process < 0)
        return;
    QList<ResourcePoint> &points = m_points[event.process];
    const qint64 beginNs = points.isEmpty() ? m_startingNs.value(event.process, event.timeNs)
                                            : points.constLast().endNs;
    points.append({.beginNs = std::min(beginNs, event.timeNs), .endNs = event.timeNs,
                   .permille = std::max<qint64>(0, event.count), .residentBytes = event.sequence});
}

const QList<ResourcePoint> &ResourceSeries::points(int process) const
{
    static const QList<ResourcePoint> none;
    const auto it = m_points.constFind(process);
    return it == m_points.cend() ? none : *it;
}

qsizetype ResourceSeries::firstEndingAfter(int process, qint64 timeNs) const
{
    const QList<ResourcePoint> &list = points(process);
    return std::upper_bound(list.cbegin(), list.cend(), timeNs,
                            [](qint64 t, const ResourcePoint &point) { return t < point.endNs; })
        - list.cbegin();
}

} // namespace ProcessLab
