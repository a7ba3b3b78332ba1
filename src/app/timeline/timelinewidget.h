// SPDX-License-Identifier: MIT
#pragma once

#include "timelinedata.h"
#include "timelinepainter.h"
#include "timelinetooltips.h"

#include <QAbstractScrollArea>
#include <QPoint>

namespace ProcessLab {

class RunRecord;
class TimelineAxis;
class TimelineLegend;
class ZoomState;

// Live Gantt view of a run: one row per process with its lifetime bar coloured by state,
// the main program's steps, and a tick per output line. The axis on top and the rows
// share one ZoomState. Ctrl+wheel zooms around the mouse, wheel scrolls the rows,
// Shift+wheel or left-drag pans, double-click fits the whole run and follows it live.
class TimelineWidget : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit TimelineWidget(QWidget *parent = nullptr);
    ~TimelineWidget() override;

    // The record to show; not owned: call setRecord(nullptr) before destroying it.
    // nullptr clears the view. Consumes the events the record already has.
    void setRecord(const RunRecord *record);
    const RunRecord *record() const { return m_record; }

    // Call on the app's batch timer: folds new events, moves "now" (absolute monotonic
    // ns, the clock of RunEvent::timeNs) while live, fits the view if it follows the run,
    // and repaints only if something changed.
    void refresh(qint64 nowNs, bool live);

    // Outlines a pool task (index into PoolTaskSpans::tasks(); -1: none), e.g. the Pool view's selection.
    void setHighlightedPoolTask(qsizetype task);
    qsizetype highlightedPoolTask() const { return m_highlightedTask; }

    ZoomState *zoom() const { return m_zoom; }
    const TimelineData &data() const { return m_data; }

    // The texts it draws (row labels, legend, the empty-view note), as a reader sees them.
    QStringList visibleTexts() const;
    // A process's row (label and track) in the widget's coordinates, where it is scrolled to
    // (outside the viewport when scrolled away); empty while the process has no row.
    QRect rowRect(int processId) const;
    // Scrolls the rows so that the process's row is in view.
    void revealRow(int processId);
    int labelColumnWidth() const { return m_labelWidth; }

    // The timeline as an image (File > Export > Timeline as SVG/PNG): the width of the view at
    // its current zoom and scroll, every row, with the axis and the legend.
    QSize imageSize() const;
    void renderImage(QPainter &painter) const;

    void setLegendVisible(bool visible);
    bool isLegendVisible() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    // A mark was clicked: the app scrolls that process's pane to the event.
    void eventActivated(int process, qsizetype eventIndex);
    // A row label was clicked.
    void processActivated(int process);
    // The time axis was clicked or dragged at this time (ns since the run's start).
    void axisTimePressed(qint64 sinceStartNs);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    static QString emptyText();
    // The rows from offset (pixels scrolled) on, in area: the view and renderImage() share it.
    void paintRows(QPainter &painter, const QRect &area, int offset) const;
    void handleZoomChanged();
    void updateMetrics();
    void updateLayout();
    bool syncLegend(); // the legend's entries follow the run; true if they changed
    void updateScrollBars();
    void fitIfFollowing();
    qint64 openEndNs() const;
    qint64 contentEndNs() const;
    qsizetype queueLaneCount() const; // depth lanes under the process rows (queuedepthlane.h)
    int rowsHeight() const;           // the process rows and the depth lanes, in pixels (the view scrolls them, the image has all)
    int trackWidth() const;
    TimelineMath math() const;
    TimelineHit hitTest(const QPoint &pos) const;
    qint64 anchorForX(int x) const;

    const RunRecord *m_record = nullptr;
    TimelineData m_data;
    ZoomState *m_zoom;
    TimelineAxis *m_axis;
    TimelineLegend *m_legend;
    TimelineMetrics m_metrics;
    int m_labelWidth = 0;
    qint64 m_nowNs = 0; // relative to the run's start
    bool m_live = false;
    bool m_updatingScrollBar = false;
    qint64 m_hScrollUnitNs = 1;
    qsizetype m_highlightedTask = -1;

    // Left-button press: a click unless it moves past the drag distance.
    bool m_pressed = false;
    bool m_dragging = false;
    QPoint m_pressPos;
    qint64 m_pressStartNs = 0;
    qint64 m_pressSpanNs = 0;
};

} // namespace ProcessLab
