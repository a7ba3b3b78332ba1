// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QFontMetrics;
class QPainter;

namespace ProcessLab {

class ZoomState;
struct TimelineMath;

// The time axis above the rows: a header over the label column, then tick labels for
// the visible range of the shared ZoomState. Wheel zooms around the mouse, double-click
// fits the whole run again.
class TimelineAxis : public QWidget
{
    Q_OBJECT
public:
    explicit TimelineAxis(ZoomState *zoom, QWidget *parent = nullptr);

    // Where the time track starts and how wide it is, in this widget's coordinates.
    void setTrack(int left, int width);
    // The "now" marker of a live run (ns relative to the run's start); -1 hides it.
    void setNowNs(qint64 nowNs);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // Paints the axis, sizeHint().height() high, at (0, 0): the widget and the timeline's image
    // exports share it.
    void paint(QPainter &painter, int width) const;

    // Tick step the axis and the grid lines use: labels never closer than their width.
    static qint64 tickStepFor(const TimelineMath &math, const QFontMetrics &fm);

signals:
    // Left button pressed or dragged over the track (replay: move the position there).
    void timePressed(qint64 sinceStartNs);

protected:
    void paintEvent(QPaintEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    TimelineMath math() const;
    void emitTimeAt(int x);

    ZoomState *m_zoom;
    int m_trackLeft = 0;
    int m_trackWidth = 1;
    qint64 m_nowNs = -1;
};

} // namespace ProcessLab
