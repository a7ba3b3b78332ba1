// SPDX-License-Identifier: MIT
#pragma once

#include "record/runrecordreader.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <vector>

namespace ProcessLab {

// A saved run played back: the loaded record, and a clock that says how much of it is due.
// RunController delivers the due events to the views exactly as it delivers a live run's, from
// played(): the prefix of the record copied so far, so views that read the record directly
// (the timeline) never see past the replay position. Going back = the controller resets the
// views and this starts played() over (resetPlayed), then fills it again in chunks.
//
// Events are in the order they were recorded; a worker's own time stamp can be earlier than
// the event before it (docs/run-record.md). An event is due once its time and every earlier
// event's time have passed, so the order is the recorded one and the clock never goes back.
class ReplaySource : public QObject
{
    Q_OBJECT
public:
    static constexpr double minSpeed = 0.25;
    static constexpr double maxSpeed = 8.0;
    static constexpr std::chrono::milliseconds frameInterval{16};

    ReplaySource(LoadedRunRecord loaded, QString path, QObject *parent = nullptr);

    const RunRecord &source() const { return m_loaded.record; }
    const RunRecord &played() const { return m_played; }
    const QString &path() const { return m_path; }
    qsizetype eventCount() const { return m_loaded.record.size(); }

    qint64 durationNs() const; // since the start: the latest event's time
    qint64 positionNs() const { return m_positionNs; } // since the start
    qint64 clockNs() const { return source().startNs() + m_positionNs; } // on the record's clock
    qsizetype target() const { return m_target; } // events [0, target) are due
    bool atEnd() const { return m_target >= eventCount(); }
    bool isPlaying() const { return m_timer.isActive(); }
    double speed() const { return m_speed; }

    void play(); // from the start again when at the end
    void pause();
    void setSpeed(double speed); // clamped to minSpeed..maxSpeed
    void seekToTime(qint64 sinceStartNs);
    void seekToIndex(qsizetype target); // the clock goes to the last due event's time
    void stepForward();                 // one event more
    void stepBackward();                // one event less

    // For RunController: start played() over, and copy due events into it up to upTo.
    void resetPlayed();
    void fill(qsizetype upTo);

signals:
    void positionChanged(); // position, target, playing or speed changed

private:
    void advance();
    qsizetype targetForTime(qint64 sinceStartNs) const;

    LoadedRunRecord m_loaded;
    QString m_path;
    RunRecord m_played;
    std::vector<qint64> m_prefixMaxNs; // the latest time of events 0..i (monotone)
    qint64 m_positionNs = 0;
    qsizetype m_target = 0;
    double m_speed = 1.0;
    QTimer m_timer;
    QElapsedTimer m_sinceFrame;
};

} // namespace ProcessLab
