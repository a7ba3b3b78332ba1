// SPDX-License-Identifier: MIT
#include "resourcesampling.h"

#include "protocol/monotonicclock.h"
#include "record/resourcesample.h"

#include <QThread>
#include <QTimer>

#include <algorithm>

namespace ProcessLab {

namespace {
// /proc counts CPU time in clock ticks (10 ms): readings may lag the exact total by that much.
constexpr qint64 readingToleranceNs = 20'000'000;
} // namespace

ResourceSampling::ResourceSampling(EventSink sink, QObject *parent)
    : QObject(parent)
    , m_sink(std::move(sink))
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(baseInterval);
    m_timer->setTimerType(Qt::PreciseTimer); // the sparkline's points should be evenly spaced
    connect(m_timer, &QTimer::timeout, this, [this] { sampleNow(monotonicNowNs()); });
}

ResourceSampling::~ResourceSampling() = default;

void ResourceSampling::start()
{
    if (ProcessSampler::isAvailable() && !m_stopped)
        m_timer->start();
}

void ResourceSampling::stop()
{
    m_stopped = true;
    m_timer->stop();
}

std::chrono::milliseconds ResourceSampling::interval() const
{
    const qint64 stage = std::min<qint64>(m_recorded / m_budget, 20);
    return baseInterval * (qint64(1) << stage);
}

void ResourceSampling::observe(const RunEvent &event)
{
    const int firstSampled = m_samplesMain ? mainProcessId : mainProcessId + 1;
    if (event.kind != EventKind::StateChanged || event.process < firstSampled || m_stopped)
        return;
    if (isEndState(event.state)) {
        // Ended without an exit of its own (never started), or after processExited().
        m_startingNs.remove(event.process);
        if (const auto it = m_tracked.constFind(event.process); it != m_tracked.cend()) {
            m_sampler.forget(it->pid);
            m_tracked.erase(it);
        }
        return;
    }
    if (event.state == ProcessState::Starting && event.pid == 0) {
        m_startingNs.insert(event.process, event.timeNs);
        return;
    }
    if (event.pid != 0 && !m_tracked.contains(event.process)) {
        Tracked tracked;
        tracked.pid = event.pid;
        tracked.lastNs = m_startingNs.value(event.process, event.timeNs);
        m_startingNs.remove(event.process);
        m_sampler.watch(event.pid);
        m_tracked.insert(event.process, tracked);
    }
}

void ResourceSampling::sampleNow(qint64 nowNs)
{
    // A process seen a moment ago waits for the next tick: a sample covers a useful stretch.
    // One stamp for the tick: reading 64 processes takes well under a millisecond.
    const qint64 minimumNs = std::chrono::nanoseconds(interval()).count() / 2;
    for (auto it = m_tracked.begin(); it != m_tracked.end(); ++it) {
        if (nowNs - it->lastNs < minimumNs)
            continue;
        if (const std::optional<ProcessUsage> usage = m_sampler.read(it->pid)) {
            it->lastReadNs = usage->cpuNs;
            record(it.key(), *it, nowNs, usage->cpuNs, usage->residentBytes);
        }
        // Unreadable: it is exiting; processExited() records its end.
    }
}

void ResourceSampling::processExited(int process, qint64 nowNs)
{
    const auto it = m_tracked.find(process);
    if (it == m_tracked.end() || m_stopped)
        return;
    Tracked tracked = *it;
    m_tracked.erase(it);
    qint64 totalNs = tracked.lastReadNs;
    if (const std::optional<qint64> ended = m_sampler.endedCpuNs(tracked.pid)) {
        // Plausible only if it neither shrank nor grew faster than every core since the last
        // reading: another child reaped meanwhile (not a worker) would otherwise count here.
        const qint64 cores = std::max(1, QThread::idealThreadCount());
        const qint64 sinceNs = std::max<qint64>(0, nowNs - tracked.lastNs);
        if (*ended >= tracked.lastReadNs - readingToleranceNs
            && *ended <= tracked.lastReadNs + sinceNs * cores + readingToleranceNs)
            totalNs = *ended;
    }
    // Stamped after the previous sample, so the per-mille has a time to be spread over.
    record(process, tracked, std::max(nowNs, tracked.lastNs + 1), totalNs, -1);
}

void ResourceSampling::processEnded(int process, qint64 nowNs, qint64 reportedCpuNs)
{
    const auto it = m_tracked.find(process);
    if (it == m_tracked.end() || m_stopped)
        return;
    Tracked tracked = *it;
    m_tracked.erase(it);
    // What the process says is believed only if it is possible: no more than every core since
    // the last reading.
    const qint64 cores = std::max(1, QThread::idealThreadCount());
    const qint64 sinceNs = std::max<qint64>(0, nowNs - tracked.lastNs);
    if (reportedCpuNs > tracked.lastReadNs + sinceNs * cores + readingToleranceNs)
        reportedCpuNs = -1;
    qint64 totalNs = std::max(tracked.lastReadNs, reportedCpuNs);
    if (const std::optional<ProcessUsage> usage = m_sampler.read(tracked.pid))
        totalNs = std::max<qint64>(totalNs, usage->cpuNs);
    m_sampler.forget(tracked.pid);
    record(process, tracked, std::max(nowNs, tracked.lastNs + 1), totalNs, -1);
}

void ResourceSampling::record(int process, Tracked &tracked, qint64 nowNs, qint64 cpuNs, qint64 residentBytes)
{
    const qint64 elapsedNs = nowNs - tracked.lastNs;
    // Against what the samples so far add up to, not the previous reading: rounding never
    // accumulates, and the last sample brings the sum to the exact total.
    const qint64 permille = cpuPermille(cpuNs - tracked.cpuNs, elapsedNs);
    tracked.cpuNs += cpuNsOfSample(permille, elapsedNs);
    tracked.lastNs = nowNs;
    RunEvent event;
    event.timeNs = nowNs;
    event.kind = EventKind::ResourceSample;
    event.process = process;
    event.pid = tracked.pid;
    event.count = permille;
    event.sequence = residentBytes;
    const std::chrono::milliseconds before = interval();
    ++m_recorded;
    if (interval() != before && m_timer->isActive())
        m_timer->setInterval(interval());
    m_sink(std::move(event));
}

} // namespace ProcessLab
