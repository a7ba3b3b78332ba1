// SPDX-License-Identifier: MIT
#pragma once

#include "record/ipcobjectstates.h"
#include "record/ipcwaits.h"
#include "timelinemath.h"

#include <QCoreApplication>

class QPainter;
class QRect;

namespace ProcessLab {

struct TimelineColors;
struct TimelineMetrics;

// A queue's depth over time as a lane under the process rows (one per queue), drawn with the
// timeline's TimelineMath, so it follows the one ZoomState of axis and rows. Reads the
// queue's series from IpcObjectStates; per pixel column the largest depth, so a run of
// 100,000 items costs what the visible pixels cost.
class QueueDepthLane
{
    Q_DECLARE_TR_FUNCTIONS(ProcessLab::QueueDepthLane)
public:
    // The queues of states, each a lane, in creation order.
    static QList<const IpcObjectState *> queues(const IpcObjectStates &states);

    // track: the lane's time track (x = 0 of math at track.left()). runStartNs: absolute
    // time of the run's start (the series is absolute). openEndNs: relative, where the
    // last depth lasts to (now while live).
    static void paintTrack(QPainter &painter, const QRect &track, const IpcObjectState &queue, const TimelineMath &math,
                           qint64 runStartNs, qint64 openEndNs, const TimelineMetrics &metrics,
                           const TimelineColors &colors);
    static void paintLabel(QPainter &painter, const QRect &rect, const IpcObjectState &queue,
                           const TimelineMetrics &metrics, const TimelineColors &colors);
    static QString labelText(const IpcObjectState &queue);
};

// Waiting spans on a process's row: a producer blocked on a full queue, a consumer in get()
// on an empty one, recv(), acquire() — from IpcWaits, outlined and hatched so they read as
// "not working", never as busy.
class IpcWaitPainter
{
public:
    static void paint(QPainter &painter, const QRect &barRect, const QList<const IpcWait *> &waits,
                      const TimelineMath &math, qint64 runStartNs, qint64 openEndNs, const TimelineColors &colors);
    // One waiting span's fill (the legend draws its swatch with it): cross-hatched, so it never
    // reads as a "starting" bar's single hatch.
    static void fillWait(QPainter &painter, const QRect &rect, const TimelineColors &colors);
    // The waits of every process that are visible in [fromNs, toNs] (relative), grouped by process.
    static QHash<int, QList<const IpcWait *>> visibleWaits(const IpcWaits &waits, qint64 runStartNs, qint64 fromNs,
                                                           qint64 toNs);
};

} // namespace ProcessLab
