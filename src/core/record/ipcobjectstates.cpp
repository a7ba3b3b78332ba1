// SPDX-License-Identifier: MIT
#include "ipcobjectstates.h"

#include "protocol/protocol.h"

#include <algorithm>

namespace ProcessLab {

namespace {

const QString noneText = QStringLiteral("None");

// Inserts a step of delta at timeNs into a time-sorted depth series: every later point moves
// by delta too, so the series stays "puts − gets up to t" whatever order events arrive in.
// Events of one process arrive in order and processes' reports are close in time, so the
// scan from the end is short.
void addDepthStep(QList<DepthPoint> &series, qint64 timeNs, qint64 delta)
{
    qsizetype at = series.size();
    while (at > 0 && series.at(at - 1).timeNs > timeNs)
        --at;
    const qint64 before = at > 0 ? series.at(at - 1).depth : 0;
    series.insert(at, DepthPoint{timeNs, before + delta});
    for (qsizetype i = at + 1; i < series.size(); ++i)
        series[i].depth += delta;
}

void setDepth(QList<DepthPoint> &series, qint64 timeNs, qint64 depth)
{
    qsizetype at = series.size();
    while (at > 0 && series.at(at - 1).timeNs > timeNs)
        --at;
    series.insert(at, DepthPoint{timeNs, depth});
}

// Halves the series: each pair of neighbours becomes its first point's time with the larger
// depth, so a lane drawn from it still shows every peak.
void decimate(QList<DepthPoint> &series)
{
    QList<DepthPoint> merged;
    merged.reserve(series.size() / 2 + 1);
    for (qsizetype i = 0; i < series.size(); i += 2) {
        DepthPoint point = series.at(i);
        if (i + 1 < series.size())
            point.depth = std::max(point.depth, series.at(i + 1).depth);
        merged.append(point);
    }
    // The last point is the current depth: keep it exact.
    if (!series.isEmpty() && series.size() % 2 == 0)
        merged.append(series.constLast());
    series = std::move(merged);
}

} // namespace

qint64 QueueState::depthAt(qint64 timeNs) const
{
    const auto it = std::upper_bound(depth.cbegin(), depth.cend(), timeNs,
                                     [](qint64 t, const DepthPoint &point) { return t < point.timeNs; });
    return it == depth.cbegin() ? 0 : std::prev(it)->depth;
}

const PipeDirection *PipeState::directionFrom(int sender) const
{
    for (const PipeDirection &direction : directions) {
        if (direction.sender == sender)
            return &direction;
    }
    return nullptr;
}

qint64 PipeState::inFlightTotal() const
{
    qint64 total = 0;
    for (const PipeDirection &direction : directions)
        total += direction.inFlightCount();
    return total;
}

qint64 CellsState::lostUpdates(IpcObjectKind kind) const
{
    if (kind != IpcObjectKind::Value || !haveCounters)
        return 0;
    return std::max<qint64>(0, writes - counterValue);
}

void IpcObjectStates::clear()
{
    m_objects.clear();
    m_index.clear();
    ++m_revision;
}

const IpcObjectState *IpcObjectStates::object(int id) const
{
    const auto it = m_index.constFind(id);
    return it == m_index.constEnd() ? nullptr : &m_objects.at(*it);
}

IpcObjectState *IpcObjectStates::objectAt(int id)
{
    const auto it = m_index.constFind(id);
    return it == m_index.constEnd() ? nullptr : &m_objects[*it];
}

void IpcObjectStates::consume(const RunEvent &event)
{
    switch (event.kind) {
    case EventKind::IpcObjectCreated: {
        if (event.object <= 0 || m_index.contains(event.object) || event.op < 1 || event.op > 5)
            return;
        IpcObjectState object;
        object.id = event.object;
        object.kind = static_cast<IpcObjectKind>(event.op);
        object.name = event.text;
        object.parameter = event.count;
        object.budget = event.sequence;
        object.createdNs = event.timeNs;
        object.lastChangeNs = event.timeNs;
        if (object.kind == IpcObjectKind::Queue)
            object.queue.maxsize = event.count;
        else if (object.kind == IpcObjectKind::Pipe)
            object.pipe.duplex = event.count != 0;
        else if (object.kind == IpcObjectKind::Value)
            object.cells.cells.resize(1);
        else if (object.kind == IpcObjectKind::Array)
            object.cells.cells.resize(std::clamp<qint64>(event.count, 0, 100'000));
        m_index.insert(object.id, m_objects.size());
        m_objects.append(std::move(object));
        ++m_revision;
        return;
    }
    case EventKind::IpcOperation:
        if (IpcObjectState *object = objectAt(event.object)) {
            consumeOperation(*object, event);
            ++m_revision;
        }
        return;
    case EventKind::IpcSampling:
        if (IpcObjectState *object = objectAt(event.object); object && !object->sampled) {
            object->sampled = true;
            object->sampledFromNs = event.timeNs;
            ++m_revision;
        }
        return;
    case EventKind::IpcCounters:
        if (IpcObjectState *object = objectAt(event.object)) {
            object->operations = event.sequence;
            object->lastCount = event.count;
            object->lastChangeNs = std::max(object->lastChangeNs, event.timeNs);
            if (object->kind == IpcObjectKind::Queue && object->sampled && event.timeNs >= object->sampledFromNs) {
                setDepth(object->queue.depth, event.timeNs, event.count);
                if (object->queue.depth.size() > QueueState::depthPointCap) {
                    decimate(object->queue.depth);
                    object->queue.decimated = true;
                }
            } else if (object->kind == IpcObjectKind::Value || object->kind == IpcObjectKind::Array) {
                object->cells.haveCounters = true;
                object->cells.writes = event.sequence;
                object->cells.counterValue = event.count;
                if (object->kind == IpcObjectKind::Value)
                    object->cells.cells[0].value = QString::number(event.count);
            }
            ++m_revision;
        }
        return;
    case EventKind::IpcRecovered:
        if (IpcObjectState *object = objectAt(event.object); object && object->cells.lockHolder == event.process) {
            object->cells.lockHolder = runLevel;
            ++m_revision;
        }
        return;
    case EventKind::StateChanged:
        if (isEndState(event.state))
            processEnded(event.process, event.timeNs);
        return;
    default:
        return;
    }
}

void IpcObjectStates::processEnded(int process, qint64 timeNs)
{
    bool changed = false;
    for (IpcObjectState &object : m_objects) {
        if (object.cells.lockHolder == process) { // the host frees a dead holder's lock
            object.cells.lockHolder = runLevel;
            changed = true;
        }
        for (PipeDirection &direction : object.pipe.directions) {
            if (direction.sender == process && !direction.senderClosed) { // a dead process's end closes
                direction.senderClosed = true;
                direction.closedNs = timeNs;
                changed = true;
            }
        }
    }
    if (changed)
        ++m_revision;
}

void IpcObjectStates::consumeOperation(IpcObjectState &object, const RunEvent &event)
{
    object.lastChangeNs = std::max(object.lastChangeNs, event.timeNs);
    switch (object.kind) {
    case IpcObjectKind::Queue:
        queueOperation(object, event);
        return;
    case IpcObjectKind::Pipe:
        pipeOperation(object, event);
        return;
    case IpcObjectKind::Value:
    case IpcObjectKind::Array:
    case IpcObjectKind::Lock:
        cellsOperation(object, event);
        return;
    }
}

void IpcObjectStates::queueOperation(IpcObjectState &object, const RunEvent &event)
{
    QueueState &queue = object.queue;
    const auto op = static_cast<Protocol::IpcOp>(event.op);
    if (op != Protocol::IpcOp::Put && op != Protocol::IpcOp::Get)
        return;
    const bool put = op == Protocol::IpcOp::Put;
    if (put)
        ++queue.puts;
    else
        ++queue.gets;
    if (QList<int> &who = put ? queue.producers : queue.consumers; !who.contains(event.process))
        who.append(event.process);
    if (!object.sampled || event.timeNs < object.sampledFromNs) {
        addDepthStep(queue.depth, event.timeNs, put ? 1 : -1);
        if (queue.depth.size() > QueueState::depthPointCap) {
            decimate(queue.depth);
            queue.decimated = true;
        }
    }

    const auto keep = [&](QueueItem &&item) {
        if (queue.got.size() + queue.inQueue.size() >= QueueState::itemCap) {
            ++queue.droppedItems;
            return;
        }
        if (item.isGot())
            queue.got.append(std::move(item));
        else
            queue.inQueue.insert(item.seq, std::move(item));
    };
    if (put) {
        QueueItem item;
        if (const auto early = queue.getsBeforePuts.constFind(event.sequence); early != queue.getsBeforePuts.constEnd()) {
            item = *early;
            queue.getsBeforePuts.erase(early);
        }
        item.seq = event.sequence;
        item.text = event.text;
        item.producer = event.process;
        item.putNs = event.timeNs;
        item.sentinel = event.text == noneText;
        keep(std::move(item));
        return;
    }
    if (const auto it = queue.inQueue.find(event.sequence); it != queue.inQueue.end()) {
        QueueItem item = std::move(*it);
        queue.inQueue.erase(it);
        item.consumer = event.process;
        item.getNs = event.timeNs;
        queue.got.append(std::move(item));
        return;
    }
    // Its put is not recorded yet (the producer's report comes later): it waits for it.
    if (queue.getsBeforePuts.size() >= QueueState::itemCap) {
        ++queue.droppedItems;
        return;
    }
    QueueItem item;
    item.seq = event.sequence;
    item.text = event.text;
    item.consumer = event.process;
    item.getNs = event.timeNs;
    item.sentinel = event.text == noneText;
    queue.getsBeforePuts.insert(item.seq, item);
}

void IpcObjectStates::pipeOperation(IpcObjectState &object, const RunEvent &event)
{
    PipeState &pipe = object.pipe;
    const auto directionFrom = [&](int sender) -> PipeDirection & {
        for (PipeDirection &direction : pipe.directions) {
            if (direction.sender == sender)
                return direction;
        }
        PipeDirection direction;
        direction.sender = sender;
        pipe.directions.append(direction);
        return pipe.directions.last();
    };
    // The direction a receiver reads from: the oldest one with messages it did not send.
    const auto directionTo = [&](int receiver) -> PipeDirection * {
        PipeDirection *best = nullptr;
        for (PipeDirection &direction : pipe.directions) {
            if (direction.sender == receiver)
                continue;
            if (direction.receiver == receiver && (!best || best->inFlight.isEmpty()))
                best = &direction;
            else if (!best && direction.receiver == runLevel)
                best = &direction;
        }
        return best;
    };
    switch (static_cast<Protocol::IpcOp>(event.op)) {
    case Protocol::IpcOp::Send: {
        PipeDirection &direction = directionFrom(event.process);
        ++direction.sent;
        // A recv recorded before this send (the receiver reported first) takes it at once.
        for (auto it = pipe.pendingRecvs.begin(); it != pipe.pendingRecvs.end(); ++it) {
            if (it.key() != event.process && *it > 0 && (direction.receiver == runLevel || direction.receiver == it.key())) {
                direction.receiver = it.key();
                ++direction.received;
                direction.lastReceived = event.text;
                if (--*it == 0)
                    pipe.pendingRecvs.erase(it);
                return;
            }
        }
        if (direction.inFlight.size() >= PipeDirection::messageCap) {
            ++direction.droppedMessages;
            return;
        }
        direction.inFlight.append({event.text, event.process, event.timeNs});
        return;
    }
    case Protocol::IpcOp::Recv: {
        PipeDirection *direction = directionTo(event.process);
        if (!direction || direction->inFlight.isEmpty()) {
            if (direction && direction->droppedMessages > 0) { // a message over the cap
                --direction->droppedMessages;
                direction->receiver = event.process;
                ++direction->received;
                direction->lastReceived = event.text;
                return;
            }
            ++pipe.pendingRecvs[event.process];
            return;
        }
        direction->receiver = event.process;
        ++direction->received;
        direction->lastReceived = event.text;
        direction->inFlight.removeFirst();
        return;
    }
    case Protocol::IpcOp::Close: {
        if (!pipe.closedBy.contains(event.process))
            pipe.closedBy.append(event.process);
        PipeDirection &direction = directionFrom(event.process);
        if (!direction.senderClosed) {
            direction.senderClosed = true;
            direction.closedNs = event.timeNs;
        }
        return;
    }
    case Protocol::IpcOp::Failed:
        if (event.text.contains(QLatin1StringView("EOFError"))) {
            if (PipeDirection *direction = directionTo(event.process)) {
                direction->receiver = event.process;
                direction->eofSeen = true;
                direction->eofNs = event.timeNs;
            }
        }
        return;
    default:
        return;
    }
}

void IpcObjectStates::cellsOperation(IpcObjectState &object, const RunEvent &event)
{
    CellsState &cells = object.cells;
    switch (static_cast<Protocol::IpcOp>(event.op)) {
    case Protocol::IpcOp::Write: {
        if (event.count < 0 || event.count >= cells.cells.size())
            return;
        CellState &cell = cells.cells[event.count];
        ++cell.writes;
        // The latest write by time wins: reports of different processes arrive in any order.
        if (cell.writer == runLevel || event.timeNs >= cell.writtenNs) {
            cell.value = event.text;
            cell.writer = event.process;
            cell.writtenNs = event.timeNs;
        }
        return;
    }
    case Protocol::IpcOp::Acquire:
        ++cells.acquisitions;
        // An acquisition reported late (before the current holder's, by time) is already over.
        if (cells.lockHolder == runLevel || event.timeNs >= cells.heldSinceNs) {
            cells.lockHolder = event.process;
            cells.heldSinceNs = event.timeNs;
        }
        return;
    case Protocol::IpcOp::Release:
        if (cells.lockHolder == event.process)
            cells.lockHolder = runLevel;
        return;
    default:
        return;
    }
}

} // namespace ProcessLab
