// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

namespace ProcessLab {

// The visible time range of a timeline, in ns relative to the run's start, shared by
// the axis and the rows. While "follow live" is on, the owner keeps fitting the range
// to the run as it grows; the first zoom or pan by the user turns it off, and
// resetZoom() (double-click) turns it back on.
class ZoomState : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 minimumSpanNs = 10'000;            // 10 µs
    static constexpr qint64 defaultSpanNs = 1'000'000'000;     // 1 s, before anything ran

    explicit ZoomState(QObject *parent = nullptr);

    qint64 startNs() const { return m_startNs; }
    qint64 endNs() const { return m_endNs; }
    qint64 spanNs() const { return m_endNs - m_startNs; }
    bool followLive() const { return m_followLive; }

    // How far the content extends (the run so far); panning and zooming out stop there.
    qint64 contentEndNs() const { return m_contentEndNs; }
    void setContentEndNs(qint64 ns);

    // User actions: these turn follow-live off.
    void zoomAround(qint64 anchorNs, double factor); // factor > 1 zooms in
    void pan(qint64 deltaNs);
    void setRange(qint64 startNs, qint64 endNs);

    // Programmatic fit to [0, rangeNs]; keeps follow-live as it is.
    void fitTo(qint64 rangeNs);
    // Back to "show everything and follow the live run".
    void resetZoom();

signals:
    void zoomChanged();
    void followLiveChanged(bool follow);

private:
    void setFollowLive(bool follow);
    void applyRange(qint64 startNs, qint64 endNs);

    qint64 m_startNs = 0;
    qint64 m_endNs = defaultSpanNs;
    qint64 m_contentEndNs = 0;
    bool m_followLive = true;
};

} // namespace ProcessLab
