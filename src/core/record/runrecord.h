// SPDX-License-Identifier: MIT
#pragma once

#include "runevent.h"

#include <QList>
#include <QVariantMap>

namespace ProcessLab {

// The single append-only stream of events of one run. Every view (CLI output, summary
// table, panes, console, timeline, exports) is a projection of it.
//
// Output lines are capped (outputLineCap) so a flood cannot grow memory without bound;
// lines over the cap are not stored but counted per process and reported as
// OutputDropped events, so "shown + dropped" always equals what was printed.
class RunRecord
{
public:
    static constexpr qsizetype defaultOutputLineCap = 1'000'000;

    RunRecord() = default;

    void setExampleId(const QString &id) { m_exampleId = id; }
    QString exampleId() const { return m_exampleId; }
    void setKnobs(const QVariantMap &knobs) { m_knobs = knobs; }
    QVariantMap knobs() const { return m_knobs; }
    void setOutputLineCap(qsizetype cap) { m_outputLineCap = cap; }

    // Appends and returns false if the event was an output line over the cap.
    bool append(RunEvent event);

    const QList<RunEvent> &events() const { return m_events; }
    qsizetype size() const { return m_events.size(); }
    qint64 startNs() const { return m_events.isEmpty() ? 0 : m_events.constFirst().timeNs; }

    // Lines over the cap not yet reported by an OutputDropped event; the run flushes
    // them periodically and at its end.
    void flushDroppedOutput(qint64 timeNs);
    qint64 droppedLines(int process) const;

private:
    QList<RunEvent> m_events;
    QString m_exampleId;
    QVariantMap m_knobs;
    qsizetype m_outputLineCap = defaultOutputLineCap;
    qsizetype m_outputLines = 0;
    QHash<int, qint64> m_pendingDropped;
    QHash<int, qint64> m_totalDropped;
};

} // namespace ProcessLab
