// SPDX-License-Identifier: MIT
#pragma once

#include "runevent.h"

#include <QDateTime>
#include <QList>
#include <QVariantMap>

namespace ProcessLab {

// The single append-only stream of events of one run. Every view (CLI output, summary
// table, panes, console, timeline, exports) is a projection of it.
//
// What others can produce in bulk is capped so a flood cannot grow memory without bound:
// output lines (outputLineCap), worker traces (traceCap) and refused connections
// (rejectionCap). Events over a cap are not stored but counted (per process where they
// have one) and reported by OutputDropped / TracesDropped / RejectionsDropped events, so
// "stored + dropped" always equals what arrived.
//
// Worker traces and shared-object operations carry the worker's own timestamp: append() clamps it into the run's span
// (not before the record's first event, not after the moment it is appended), so a worker
// cannot place an event outside the run or make time arithmetic overflow.
class RunRecord
{
public:
    static constexpr qsizetype defaultOutputLineCap = 1'000'000;
    static constexpr qsizetype defaultTraceCap = 100'000;
    static constexpr qsizetype defaultRejectionCap = 1'000;

    RunRecord() = default;

    void setExampleId(const QString &id) { m_exampleId = id; }
    QString exampleId() const { return m_exampleId; }
    void setKnobs(const QVariantMap &knobs) { m_knobs = knobs; }
    QVariantMap knobs() const { return m_knobs; }
    // Wall-clock time (UTC) the run started: what a replay says as "recorded <date>".
    void setRecordedAt(const QDateTime &when) { m_recordedAt = when; }
    QDateTime recordedAt() const { return m_recordedAt; }
    void setOutputLineCap(qsizetype cap) { m_output.cap = cap; }
    void setTraceCap(qsizetype cap) { m_traces.cap = cap; }
    void setRejectionCap(qsizetype cap) { m_rejections.cap = cap; }
    qsizetype outputLineCap() const { return m_output.cap; }
    qsizetype traceCap() const { return m_traces.cap; }
    qsizetype rejectionCap() const { return m_rejections.cap; }

    // Appends and returns false if the event was over its kind's cap (counted, not stored).
    bool append(RunEvent event);
    // An event read back from a saved record (RunRecordReader): stored exactly as it was
    // recorded (its time was clamped when it was recorded, on the recording machine's clock),
    // under the same caps; false if over its kind's cap.
    bool appendRecorded(RunEvent event);

    const QList<RunEvent> &events() const { return m_events; }
    qsizetype size() const { return m_events.size(); }
    qint64 startNs() const { return m_events.isEmpty() ? 0 : m_events.constFirst().timeNs; }

    // Appends one *Dropped event per process (and kind) for what went over a cap since the
    // last flush; the run flushes periodically and at its end.
    void flushDropped(qint64 timeNs);
    qint64 droppedLines(int process) const { return m_output.total.value(process); }
    qint64 droppedTraces(int process) const { return m_traces.total.value(process); }
    qint64 droppedRejections() const { return m_rejections.total.value(runLevel); }

private:
    // Stored events of one capped kind and what went over the cap, per process.
    struct Cap
    {
        explicit Cap(qsizetype limit)
            : cap(limit)
        {
        }
        qsizetype cap = 0;
        qsizetype stored = 0;
        QHash<int, qint64> pending; // not yet reported by a *Dropped event
        QHash<int, qint64> total;
        bool admit(int process);
        void flush(EventKind droppedKind, qint64 timeNs, QList<RunEvent> *events);
    };

    QList<RunEvent> m_events;
    QString m_exampleId;
    QVariantMap m_knobs;
    QDateTime m_recordedAt;
    Cap m_output{defaultOutputLineCap};
    Cap m_traces{defaultTraceCap};
    Cap m_rejections{defaultRejectionCap};
};

} // namespace ProcessLab
