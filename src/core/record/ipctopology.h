// SPDX-License-Identifier: MIT
#pragma once

#include "ipcobjectstates.h"
#include "ipcwaits.h"
#include "runevent.h"

#include <QHash>
#include <QList>
#include <QString>

namespace ProcessLab {

// A node of the topology that is not a process: a shared object of the run, or a pool.
struct TopologyObject
{
    enum class Kind : quint8 { Queue, Pipe, Value, Array, Lock, Pool };
    int id = 0;          // the record's object id (a pool: its task queue's, as in its events)
    Kind kind = Kind::Queue;
    QString name;        // in the program ("queue", "parent_conn, child_conn"); empty for a pool
    // Its operation count is RunSummary::objectOperations(id) (one count for every view).
    qint64 lastTrafficNs = 0;  // the last operation or counters change (0: none yet)
    qint64 countersTotal = 0;  // the last counters' total: a change lights the node, no count of its own
};

// A process's use of an object: which operations it did on it, how many, the last one when.
// A pool's workers are joined to their pool (`PoolWork`), and Main to the pools it submits to.
struct TopologyEdge
{
    // Bits of ops: Protocol::IpcOp values (1 << op), plus these two for pools.
    static constexpr quint32 poolSubmit = 1u << 16; // Main queued tasks in the pool
    static constexpr quint32 poolWork = 1u << 17;   // a worker of the pool (ran its tasks)

    int process = 0;
    int object = 0;
    quint32 ops = 0;
    qint64 operations = 0;
    qint64 lastTrafficNs = 0;

    bool has(int ipcOp) const { return ops & (1u << ipcOp); }
    // Data flows from the process into the object (put, send, write, submit) / out of it (get, recv, work).
    bool writes() const;
    bool reads() const;
};

// "Who waits for whom": an open wait of IpcWaits, and the processes that can end it.
struct TopologyWait
{
    int process = 0;
    int object = 0;
    QString what;            // "get", "put", "recv", "acquire"
    qint64 sinceNs = 0;
    QList<int> counterparts; // the producers a get() waits for, the consumers a full put() waits for,
                             // the senders of a recv(), the lock's holder; sorted
};

// Projection of the record's shared-object and pool events into a graph: the objects, and an
// edge for every (process, object) pair that appears in an `ipc` event (who put / got / sent /
// received / acquired / wrote on what), a pool's workers and Main for the pools it feeds.
// Incremental: consume() one event at a time, in record order; folded once, in RunSummary::topology.
// Waits and lock holders are not recomputed here: waitsNow() reads the one IpcWaits fold
// (RunSummary::waits) and the lock holders of IpcObjectStates (RunSummary::ipcStates), so the
// Topology and Shared memory views never disagree.
class IpcTopology
{
public:
    // A hand-made record cannot grow the graph without bound.
    static constexpr qsizetype objectCap = 4096;
    static constexpr qsizetype edgeCap = 65'536;

    void consume(const RunEvent &event);
    void clear();

    const QList<TopologyObject> &objects() const { return m_objects; } // in the order they appeared
    const TopologyObject *object(int id) const;
    const QList<TopologyEdge> &edges() const { return m_edges; }       // in the order they appeared
    const TopologyEdge *edge(int process, int object) const;
    QList<const TopologyEdge *> edgesOf(int object) const;
    // Every open wait of waits with the processes that can end it (a lock's: its holder in states).
    QList<TopologyWait> waitsNow(const IpcWaits &waits, const IpcObjectStates &states) const;
    QList<int> counterparts(int process, int object, const QString &what, const IpcObjectStates &states) const;

private:
    TopologyObject *objectAt(int id);
    TopologyObject *addObject(int id, TopologyObject::Kind kind, const QString &name);
    // timeNs 0: the process uses the object (a wait, a worker joining its pool) but moved nothing.
    void touch(int process, int object, quint32 bit, qint64 timeNs);

    QList<TopologyObject> m_objects;
    QHash<int, qsizetype> m_objectIndex;
    QList<TopologyEdge> m_edges;
    QHash<quint64, qsizetype> m_edgeIndex; // (process, object) -> edges()
    QHash<int, QList<qsizetype>> m_edgesByObject;
};

} // namespace ProcessLab
