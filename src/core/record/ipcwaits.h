// SPDX-License-Identifier: MIT
#pragma once

#include "runevent.h"

#include <QHash>
#include <QList>
#include <QString>

namespace ProcessLab {

// A process waiting in an operation on a shared object: a producer in put() on a full
// queue, a consumer in get() on an empty one, recv() on a pipe, acquire() of a held lock.
// Times are the record's (absolute monotonic ns).
struct IpcWait
{
    int process = 0;
    int object = 0;
    qint64 startNs = 0;
    qint64 endNs = 0; // 0 while it still waits
    QString what;     // the operation it waits in: "put", "get", "recv", "acquire"

    bool isOpen() const { return endNs == 0; }
};

// Projection of a record's `ipc` events into waits (docs/run-record.md): a `blocked` event
// starts one, and it lasts until the same process's next event on that object, its end, or
// the run's end. The queue, pipe, shared-memory and topology views and the exports all read
// this one fold, so "who waits for whom" is computed once.
//
// Waits are bounded by the per-object observation budget (operations past it arrive only as
// counters); waitCap is a second fence against a hand-made record.
class IpcWaits
{
public:
    static constexpr qsizetype waitCap = 200'000;

    void consume(const RunEvent &event);
    void clear();

    // Every wait in the order it began (ended and open ones).
    const QList<IpcWait> &waits() const { return m_waits; }
    // The wait process is in on object now (nullptr: none).
    const IpcWait *openWait(int process, int object) const;
    // Every open wait of process (it can wait on one object at a time in practice, but a
    // hand-made record may say otherwise).
    QList<const IpcWait *> openWaitsOf(int process) const;
    qsizetype openCount() const { return m_open.size(); }
    qint64 droppedWaits() const { return m_dropped; } // over waitCap, not stored

private:
    void close(qsizetype index, qint64 timeNs);

    QList<IpcWait> m_waits;
    QHash<quint64, qsizetype> m_open; // (process, object) -> index into m_waits
    qint64 m_dropped = 0;
};

} // namespace ProcessLab
