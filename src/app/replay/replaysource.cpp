// SPDX-License-Identifier: MIT
#include "replaysource.h"

#include <algorithm>

namespace ProcessLab {

ReplaySource::ReplaySource(LoadedRunRecord loaded, QString path, QObject *parent)
    : QObject(parent)
    , m_loaded(std::move(loaded))
    , m_path(std::move(path))
{
    const QList<RunEvent> &events = m_loaded.record.events();
    m_prefixMaxNs.reserve(std::size_t(events.size()));
    qint64 latest = m_loaded.record.startNs();
    for (const RunEvent &event : events) {
        latest = std::max(latest, event.timeNs);
        m_prefixMaxNs.push_back(latest);
    }
    resetPlayed();
    m_timer.setInterval(frameInterval);
    connect(&m_timer, &QTimer::timeout, this, &ReplaySource::advance);
}

qint64 ReplaySource::durationNs() const
{
    return m_prefixMaxNs.empty() ? 0 : m_prefixMaxNs.back() - source().startNs();
}

qsizetype ReplaySource::targetForTime(qint64 sinceStartNs) const
{
    const qint64 clock = source().startNs() + sinceStartNs;
    return qsizetype(std::upper_bound(m_prefixMaxNs.cbegin(), m_prefixMaxNs.cend(), clock) - m_prefixMaxNs.cbegin());
}

void ReplaySource::play()
{
    if (atEnd())
        seekToIndex(0);
    m_sinceFrame.start();
    m_timer.start();
    emit positionChanged();
}

void ReplaySource::pause()
{
    m_timer.stop();
    emit positionChanged();
}

void ReplaySource::setSpeed(double speed)
{
    m_speed = std::clamp(speed, minSpeed, maxSpeed);
    emit positionChanged();
}

void ReplaySource::seekToTime(qint64 sinceStartNs)
{
    m_positionNs = std::clamp<qint64>(sinceStartNs, 0, durationNs());
    m_target = targetForTime(m_positionNs);
    m_sinceFrame.start();
    emit positionChanged();
}

void ReplaySource::seekToIndex(qsizetype target)
{
    m_target = std::clamp<qsizetype>(target, 0, eventCount());
    m_positionNs = m_target == 0 ? 0 : m_prefixMaxNs.at(std::size_t(m_target - 1)) - source().startNs();
    m_sinceFrame.start();
    emit positionChanged();
}

void ReplaySource::stepForward()
{
    pause();
    seekToIndex(m_target + 1);
}

void ReplaySource::stepBackward()
{
    pause();
    seekToIndex(m_target - 1);
}

void ReplaySource::advance()
{
    // Real time since the last frame, scaled: a busy machine's late timer does not slow the replay.
    const qint64 elapsedNs = m_sinceFrame.nsecsElapsed();
    m_sinceFrame.start();
    m_positionNs = std::min(durationNs(), m_positionNs + qint64(double(elapsedNs) * m_speed));
    m_target = std::max(m_target, targetForTime(m_positionNs));
    if (atEnd() && m_positionNs >= durationNs())
        m_timer.stop();
    emit positionChanged();
}

void ReplaySource::resetPlayed()
{
    m_played = RunRecord();
    m_played.setExampleId(source().exampleId());
    m_played.setKnobs(source().knobs());
    m_played.setRecordedAt(source().recordedAt());
}

void ReplaySource::fill(qsizetype upTo)
{
    const qsizetype end = std::min(upTo, m_target);
    const QList<RunEvent> &events = source().events();
    for (qsizetype i = m_played.size(); i < end; ++i)
        m_played.appendRecorded(events.at(i));
}

} // namespace ProcessLab
