// SPDX-License-Identifier: MIT
#pragma once

#include "record/ipctopology.h"
#include "record/runsummary.h"

#include <QElapsedTimer>
#include <QHash>
#include <QPainterPath>
#include <QRectF>
#include <QWidget>

namespace ProcessLab {

class RunController;
class RunRecord;

// The Topology tab: a small live graph of the run. Main on the left, the shared objects
// (queues, pipes, Value/Array/Lock segments, pools) in the centre, the worker processes on
// the right (in as many sub-columns as their number needs: 64 workers stay readable), each
// process in its ProcessColors colour. An edge joins a process to every object it used
// (IpcTopology), lit for a moment when traffic passes; a process waiting on an object
// (IpcWaits) is drawn red, its edge red, and the edges of the processes it waits for red
// dashed; Main waiting in join() for a process (JoinWaits) is drawn red with a red dashed edge
// to that process — the tool tip says who waits for whom. Clicking a process asks for its pane.
//
// Painted with QPainter in one widget: the graph is a few dozen nodes in a fixed, computed
// layout, so a scene graph (QGraphicsView) would only add item bookkeeping per event;
// repaints are throttled to ~30 per second and happen only while something changes.
class TopologyView : public QWidget
{
    Q_OBJECT
public:
    static constexpr qint64 trafficFadeNs = 700'000'000; // an edge stays lit this long after its last traffic

    explicit TopologyView(QWidget *parent = nullptr);

    // Follows the controller's runs (and replays): reads its summary (RunSummary::topology, waits,
    // ipcStates), relayouts on aboutToReplaceRun and when eventsAvailable brings new nodes.
    void setController(RunController *controller);
    void reset();
    // Looks at events [from, to) only to decide whether to relayout and repaint (the controller
    // folded them already).
    void consume(const RunRecord &record, qsizetype from, qsizetype to);
    // "Now" for the traffic lights (absolute monotonic ns, the record's clock); 0 after the run.
    void setNowNs(qint64 nowNs);

    // The controller's summary (the one fold of the run; empty without a controller) and its graph.
    const RunSummary &summary() const;
    const IpcTopology &topology() const { return summary().topology; }
    // Where a node is drawn (tests); an empty rect when it is not shown.
    QRectF processRect(int process) const;
    QRectF objectRect(int object) const;
    int processAt(const QPointF &pos) const; // -1: none
    int objectAt(const QPointF &pos) const;  // 0: none
    QString toolTipAt(const QPointF &pos) const;
    // A process is drawn red: it waits on some object now (IpcWaits) or in join() (JoinWaits).
    bool isWaiting(int process) const;
    // "Consumer 1 waits in get() on queue for Producer 1, Producer 2" for every open wait, and
    // "Main waits in join() for Consumer (line 33)" while Main waits in a join().
    QStringList waitTexts() const;
    // The red dashed edge from Main to the process it joins (empty: Main waits in no join()).
    QPainterPath joinWaitPath() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void processActivated(int process);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void ensureLayout() const;
    QString processName(int process) const;
    QString objectLabel(const TopologyObject &object) const;
    QString waitText(const TopologyWait &wait) const;
    QString joinWaitText(const JoinWait &wait) const;
    bool anyLit() const;
    void scheduleUpdate();

    RunController *m_controller = nullptr;
    qint64 m_nowNs = 0;
    QElapsedTimer m_lastPaint;
    bool m_updatePending = false;
    mutable bool m_layoutDirty = true;
    mutable QHash<int, QRectF> m_processRects;
    mutable QHash<int, QRectF> m_objectRects;
    mutable int m_layoutProcesses = -1;
    mutable int m_layoutObjects = -1;
};

} // namespace ProcessLab
