// SPDX-License-Identifier: MIT
#pragma once

#include "record/runevent.h"
#include "runtime/platform/processsampler.h"

#include <QHash>
#include <QObject>

#include <algorithm>
#include <chrono>
#include <functional>

class QTimer;

namespace ProcessLab {

// Samples the CPU use and resident memory of a run's worker processes (ProcessSampler) on a
// timer and records them as ResourceSample events (docs/run-record.md): every
// `interval()` while a process runs, and once more when it has exited, with its exact total.
// Main is not sampled in a native run: the host plays it, and the host's CPU is ProcessLab's
// own work (its window, its event loop), not the example's. A Python run's main interpreter is
// a real process of the program: setSamplesMain(true) samples it too.
//
// Each sample's count is the CPU used since the previous sample (the first: since the
// process's Starting stamp) in per-mille of one core, stamped when it was read, so
// sum(count * time since the previous sample) / 1000 is the CPU time: the summary's fold
// (RunSummaryBuilder) adds exactly that. The last sample makes the sum equal the exact total
// the platform reports once the process is gone.
//
// Bounded: after every `sampleBudget` samples of a run the interval doubles, so a day-long
// run with 64 processes records a few hundred thousand samples, not tens of millions.
class ResourceSampling : public QObject
{
    Q_OBJECT
public:
    using EventSink = std::function<void(RunEvent)>;

    static constexpr std::chrono::milliseconds baseInterval{100}; // ~10 Hz
    static constexpr qint64 sampleBudget = 50'000; // per stage; the interval doubles after each

    explicit ResourceSampling(EventSink sink, QObject *parent = nullptr);
    ~ResourceSampling() override;

    // The events of the run, in order: a process's Starting stamp and its pid start its sampling.
    void observe(const RunEvent &event);
    // Its process exited and was reaped (QProcess reported it): the last sample, exact total.
    void processExited(int process, qint64 nowNs);
    // Its process ended but was not reaped by this process (a Python run's processes, a
    // grandchild's time never reaches RUSAGE_CHILDREN): the last sample, with the largest of the
    // last reading, a reading now (an exiting or zombie process still reads) and the total the
    // process reported itself (reportedCpuNs < 0: none). Call it before its end state.
    void processEnded(int process, qint64 nowNs, qint64 reportedCpuNs);
    void setSamplesMain(bool samplesMain) { m_samplesMain = samplesMain; }
    void start();
    void stop(); // no more samples (the run ended)

    // Samples every process due at nowNs (the timer's tick; tests call it with their own times).
    void sampleNow(qint64 nowNs);
    void setSampleBudget(qint64 budget) { m_budget = std::max<qint64>(1, budget); } // tests
    std::chrono::milliseconds interval() const;
    qint64 samplesRecorded() const { return m_recorded; }
    int trackedCount() const { return int(m_tracked.size()); }

private:
    struct Tracked
    {
        qint64 pid = 0;
        qint64 lastNs = 0;     // the previous sample's stamp (first: the Starting stamp)
        qint64 cpuNs = 0;      // CPU time the recorded samples add up to (as the fold adds them)
        qint64 lastReadNs = 0; // the last reading's CPU time (the platform's own count)
    };
    void record(int process, Tracked &tracked, qint64 nowNs, qint64 cpuNs, qint64 residentBytes);

    EventSink m_sink;
    ProcessSampler m_sampler;
    QTimer *m_timer = nullptr;
    QHash<int, qint64> m_startingNs; // Starting stamps of processes whose pid is not known yet
    QHash<int, Tracked> m_tracked;   // live processes with a pid
    qint64 m_recorded = 0;
    qint64 m_budget = sampleBudget;
    bool m_stopped = false;
    bool m_samplesMain = false;
};

} // namespace ProcessLab
