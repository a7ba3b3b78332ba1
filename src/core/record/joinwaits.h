// SPDX-License-Identifier: MIT
#pragma once

#include "runevent.h"

#include <QList>
#include <QSet>
#include <QString>

namespace ProcessLab {

// Main waiting in join() for a process that has not ended: "Main waits in join() for Consumer
// (line 33)". Times are the record's (absolute monotonic ns).
struct JoinWait
{
    int process = mainProcessId; // who waits: the main program
    int target = 0;              // the process it joins
    int sourceLine = 0;          // the join() statement's line of the listing
    QString statement;           // that line ("consumer_process.join()")
    qint64 startNs = 0;
    qint64 endNs = 0; // 0 while it still waits

    bool isOpen() const { return endNs == 0; }
};

// Projection of the record's `step` events of join() statements (RunEvent::count: the joined
// process) into waits: one lasts from the step until its `step-ended`, the joined process's end,
// Main's end or the run's end. Together with IpcWaits (a process waiting on a shared object) it
// is "who waits for whom"; folded once, in RunSummary::joins, for every view and export.
class JoinWaits
{
public:
    static constexpr qsizetype waitCap = 200'000; // a hand-made record cannot grow it without bound

    void consume(const RunEvent &event);
    void clear();

    // Every join wait in the order it began (ended and open ones).
    const QList<JoinWait> &waits() const { return m_waits; }
    // The join Main waits in now (nullptr: none).
    const JoinWait *openWait() const;
    qint64 droppedWaits() const { return m_dropped; } // over waitCap, not stored

private:
    void closeOpen(qint64 timeNs);

    QList<JoinWait> m_waits;
    qsizetype m_open = -1;  // index into m_waits
    QSet<int> m_ended;      // processes in an end state: joining one does not wait
    qint64 m_dropped = 0;
};

} // namespace ProcessLab
