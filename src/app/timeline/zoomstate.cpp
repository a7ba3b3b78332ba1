// SPDX-License-Identifier: MIT
#include "zoomstate.h"

#include <algorithm>
#include <cmath>

namespace ProcessLab {

ZoomState::ZoomState(QObject *parent)
    : QObject(parent)
{
}

void ZoomState::setContentEndNs(qint64 ns)
{
    m_contentEndNs = std::max<qint64>(0, ns);
}

void ZoomState::zoomAround(qint64 anchorNs, double factor)
{
    if (!(factor > 0.0) || factor == 1.0)
        return;
    const qint64 maxSpan = std::max({m_contentEndNs, spanNs(), defaultSpanNs / 10});
    const double span = static_cast<double>(spanNs()) / factor;
    const qint64 newSpan = std::clamp(static_cast<qint64>(std::llround(span)), minimumSpanNs,
                                      std::max(maxSpan, minimumSpanNs));
    // Keep the anchor on the same pixel: same fraction of the span before and after.
    const double fraction = spanNs() > 0
        ? static_cast<double>(anchorNs - m_startNs) / static_cast<double>(spanNs())
        : 0.5;
    const qint64 newStart
        = anchorNs - static_cast<qint64>(std::llround(fraction * static_cast<double>(newSpan)));
    setFollowLive(false);
    applyRange(newStart, newStart + newSpan);
}

void ZoomState::pan(qint64 deltaNs)
{
    if (deltaNs == 0)
        return;
    setFollowLive(false);
    applyRange(m_startNs + deltaNs, m_endNs + deltaNs);
}

void ZoomState::setRange(qint64 startNs, qint64 endNs)
{
    setFollowLive(false);
    applyRange(startNs, endNs);
}

void ZoomState::fitTo(qint64 rangeNs)
{
    const qint64 end = std::max(rangeNs, minimumSpanNs);
    if (m_startNs == 0 && m_endNs == end)
        return;
    m_startNs = 0;
    m_endNs = end;
    emit zoomChanged();
}

void ZoomState::resetZoom()
{
    setFollowLive(true);
    // The owner fits to the content on the next refresh; fit now so the view never
    // shows a stale range in between.
    fitTo(m_contentEndNs > 0 ? m_contentEndNs : defaultSpanNs);
}

void ZoomState::setFollowLive(bool follow)
{
    if (m_followLive == follow)
        return;
    m_followLive = follow;
    emit followLiveChanged(follow);
}

void ZoomState::applyRange(qint64 startNs, qint64 endNs)
{
    qint64 span = std::max(endNs - startNs, minimumSpanNs);
    // Panning stops at the run's start and a little after its end.
    const qint64 limit = std::max(m_contentEndNs, span);
    const qint64 maxStart = std::max<qint64>(0, limit - span + span / 20);
    const qint64 start = std::clamp<qint64>(startNs, 0, maxStart);
    if (start == m_startNs && start + span == m_endNs)
        return;
    m_startNs = start;
    m_endNs = start + span;
    emit zoomChanged();
}

} // namespace ProcessLab
