// SPDX-License-Identifier: MIT
#pragma once

#include "runevent.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

namespace ProcessLab {

// One item of a queue: put by a producer, and once got, by whom and when (its path).
// Times are the record's (absolute monotonic ns).
struct QueueItem
{
    qint64 seq = 0; // its number in put order (the put and the get with the same seq are one item)
    QString text;   // Python's repr()
    int producer = runLevel;
    qint64 putNs = 0;    // 0: its put is not recorded yet (the get arrived first)
    int consumer = runLevel; // runLevel while in the queue
    qint64 getNs = 0;
    bool sentinel = false; // None: the "no more items" mark the program puts for each consumer

    bool isGot() const { return consumer != runLevel; }
};

// The queue's depth from timeNs on (a step function).
struct DepthPoint
{
    qint64 timeNs = 0;
    qint64 depth = 0;
    bool operator==(const DepthPoint &) const = default;
};

struct QueueState
{
    static constexpr qsizetype depthPointCap = 20'000; // then pairs are merged (peaks kept)
    static constexpr qsizetype itemCap = 100'000;      // items kept (in the queue + got); a fence for hand-made records

    qint64 maxsize = 0;  // 0 = unbounded
    qint64 puts = 0;     // reported one by one
    qint64 gets = 0;
    // Time-sorted: while operations are reported, depth = puts − gets up to that time (events
    // are placed by their time, whatever order they arrived in); once sampled, the counters'
    // depth. Decimated (merging neighbours, keeping the larger depth) above depthPointCap.
    QList<DepthPoint> depth;
    bool decimated = false;
    QMap<qint64, QueueItem> inQueue;        // items put and not yet got, by seq (the queue's order)
    QList<QueueItem> got;                   // items got, in the order their get was recorded
    QHash<qint64, QueueItem> getsBeforePuts; // a get recorded before its put (other process, later report)
    qint64 droppedItems = 0;                // over itemCap: counted, not kept
    QList<int> producers;                   // processes that put, in the order they first did
    QList<int> consumers;                   // processes that got

    // The depth at absolute time t (0 before the first operation).
    qint64 depthAt(qint64 timeNs) const;
    qint64 currentDepth() const { return depth.isEmpty() ? 0 : depth.constLast().depth; }
};

// A message sent through a pipe that its receiver has not received yet.
struct PipeMessage
{
    QString text;
    int sender = runLevel;
    qint64 sentNs = 0;
};

// One direction of a pipe: the messages one process sent, towards the other end.
struct PipeDirection
{
    static constexpr qsizetype messageCap = 100'000;

    int sender = runLevel;
    int receiver = runLevel; // runLevel until something was received
    QList<PipeMessage> inFlight; // oldest first
    qint64 sent = 0;
    qint64 received = 0;
    qint64 droppedMessages = 0; // over messageCap: counted, not kept
    QString lastReceived;
    bool senderClosed = false; // the sender's end was closed (close(), or the process ended)
    qint64 closedNs = 0;
    bool eofSeen = false; // the receiver's recv() raised EOFError
    qint64 eofNs = 0;

    qint64 inFlightCount() const { return std::max<qint64>(0, sent - received); }
};

struct PipeState
{
    bool duplex = true;
    QList<PipeDirection> directions; // in the order their first send (or recv) was recorded
    QHash<int, qint64> pendingRecvs; // receiver -> recvs recorded before the matching send
    QList<int> closedBy;              // processes that closed their end, in order

    const PipeDirection *directionFrom(int sender) const;
    qint64 inFlightTotal() const;
};

// One cell of a Value (one cell) or an Array.
struct CellState
{
    QString value;          // empty: never written while reported
    int writer = runLevel;  // the process of the latest write (by time)
    qint64 writtenNs = 0;
    qint64 writes = 0;      // writes reported for this cell
};

struct CellsState
{
    QList<CellState> cells;
    qint64 writes = 0;          // the counters' writes (all processes, every write)
    qint64 counterValue = 0;    // Value: the counters' value; Array: writes
    bool haveCounters = false;
    int lockHolder = runLevel;  // who holds the object's lock (acquire .. release), while reported
    qint64 heldSinceNs = 0;
    qint64 acquisitions = 0;    // reported

    // A Value: writes that did not survive, writes − value, from one counters sample (the
    // shared example's "Lost updates: N×K − counter.value" at the end of the run, when every
    // write is counted). 0 for an Array or before the first sample.
    qint64 lostUpdates(IpcObjectKind kind) const;
};

struct IpcObjectState
{
    int id = 0;
    IpcObjectKind kind = IpcObjectKind::Queue;
    QString name;         // in the program: "queue", "parent_conn, child_conn"
    qint64 parameter = 0; // object-created's count: maxsize, cells, duplex
    qint64 budget = 0;    // operations reported one by one
    qint64 createdNs = 0;
    bool sampled = false; // past the budget: only counters from sampledFromNs on
    qint64 sampledFromNs = 0;
    qint64 operations = 0; // the last counters sample's operations (all processes)
    qint64 lastCount = 0;  // the last counters sample's count
    qint64 lastChangeNs = 0;
    QueueState queue;
    PipeState pipe;
    CellsState cells; // Value, Array; Lock: its holder

    // Who holds its lock now (Main is 0): runLevel when it is free, and once sampled (past the
    // budget acquire/release are no longer reported, so the holder is not known). Every view
    // that names a lock holder reads this.
    int reportedLockHolder() const { return sampled ? runLevel : cells.lockHolder; }
};

// Projection of a record's shared-object events into each object's state over time: a queue's
// depth series and the items in it (with each got item's path, producer → consumer), a pipe's
// messages in flight per direction, Value/Array cells with their last writer, lock holders.
// Fed event by event; every view that shows a shared object reads this one fold (waits are
// IpcWaits). Memory is bounded: items and messages by the observation budget (and a cap for
// hand-made records), the depth series by decimation.
class IpcObjectStates
{
public:
    void consume(const RunEvent &event);
    void clear();

    const QList<IpcObjectState> &objects() const { return m_objects; }
    const IpcObjectState *object(int id) const;
    // Bumped on every change: views repaint only when it moved.
    quint64 revision() const { return m_revision; }

private:
    IpcObjectState *objectAt(int id);
    void consumeOperation(IpcObjectState &object, const RunEvent &event);
    void queueOperation(IpcObjectState &object, const RunEvent &event);
    void pipeOperation(IpcObjectState &object, const RunEvent &event);
    void cellsOperation(IpcObjectState &object, const RunEvent &event);
    void processEnded(int process, qint64 timeNs);

    QList<IpcObjectState> m_objects;
    QHash<int, qsizetype> m_index; // object id -> index
    quint64 m_revision = 0;
};

} // namespace ProcessLab
