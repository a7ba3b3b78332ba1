// SPDX-License-Identifier: MIT
#include "ipctopology.h"

#include "protocol/protocol.h"

#include <algorithm>

namespace ProcessLab {

namespace {

quint64 edgeKey(int process, int object)
{
    return (quint64(quint32(process)) << 32) | quint32(object);
}

constexpr quint32 bit(Protocol::IpcOp op)
{
    return 1u << int(op);
}

TopologyObject::Kind objectKind(quint8 op)
{
    switch (IpcObjectKind(op)) {
    case IpcObjectKind::Queue: return TopologyObject::Kind::Queue;
    case IpcObjectKind::Pipe: return TopologyObject::Kind::Pipe;
    case IpcObjectKind::Value: return TopologyObject::Kind::Value;
    case IpcObjectKind::Array: return TopologyObject::Kind::Array;
    case IpcObjectKind::Lock: return TopologyObject::Kind::Lock;
    }
    return TopologyObject::Kind::Queue;
}

} // namespace

bool TopologyEdge::writes() const
{
    return ops & (bit(Protocol::IpcOp::Put) | bit(Protocol::IpcOp::Send) | bit(Protocol::IpcOp::Write) | poolSubmit);
}

bool TopologyEdge::reads() const
{
    return ops & (bit(Protocol::IpcOp::Get) | bit(Protocol::IpcOp::Recv) | poolWork);
}

void IpcTopology::clear()
{
    *this = IpcTopology();
}

const TopologyObject *IpcTopology::object(int id) const
{
    const auto it = m_objectIndex.constFind(id);
    return it == m_objectIndex.cend() ? nullptr : &m_objects.at(*it);
}

TopologyObject *IpcTopology::objectAt(int id)
{
    const auto it = m_objectIndex.constFind(id);
    return it == m_objectIndex.cend() ? nullptr : &m_objects[*it];
}

TopologyObject *IpcTopology::addObject(int id, TopologyObject::Kind kind, const QString &name)
{
    if (TopologyObject *existing = objectAt(id))
        return existing;
    if (id <= 0 || m_objects.size() >= objectCap)
        return nullptr;
    m_objectIndex.insert(id, m_objects.size());
    m_objects.append({.id = id, .kind = kind, .name = name});
    return &m_objects.last();
}

const TopologyEdge *IpcTopology::edge(int process, int object) const
{
    const auto it = m_edgeIndex.constFind(edgeKey(process, object));
    return it == m_edgeIndex.cend() ? nullptr : &m_edges.at(*it);
}

QList<const TopologyEdge *> IpcTopology::edgesOf(int object) const
{
    QList<const TopologyEdge *> list;
    for (const qsizetype index : m_edgesByObject.value(object))
        list.append(&m_edges.at(index));
    return list;
}

void IpcTopology::touch(int process, int object, quint32 opBit, qint64 timeNs)
{
    if (process < mainProcessId)
        return;
    TopologyObject *target = objectAt(object);
    if (!target)
        return; // an operation on an object the record never created
    const bool traffic = timeNs != 0;
    if (traffic)
        target->lastTrafficNs = std::max(target->lastTrafficNs, timeNs);
    const quint64 key = edgeKey(process, object);
    auto it = m_edgeIndex.constFind(key);
    if (it == m_edgeIndex.cend()) {
        if (m_edges.size() >= edgeCap)
            return;
        it = m_edgeIndex.insert(key, m_edges.size());
        m_edges.append({.process = process, .object = object});
        m_edgesByObject[object].append(m_edges.size() - 1);
    }
    TopologyEdge &edge = m_edges[*it];
    edge.ops |= opBit;
    if (traffic) {
        ++edge.operations;
        edge.lastTrafficNs = std::max(edge.lastTrafficNs, timeNs);
    }
}

void IpcTopology::consume(const RunEvent &event)
{
    switch (event.kind) {
    case EventKind::IpcObjectCreated:
        addObject(event.object, objectKind(event.op), event.text);
        return;
    case EventKind::IpcOperation: {
        if (event.op < 1 || event.op > Protocol::maxIpcOp)
            return;
        const auto op = Protocol::IpcOp(event.op);
        // A wait or a failed attempt is no traffic, but it shows who uses the object.
        const bool traffic = op != Protocol::IpcOp::Blocked && op != Protocol::IpcOp::Failed;
        touch(event.process, event.object, traffic ? bit(op) : 0, traffic ? std::max<qint64>(1, event.timeNs) : 0);
        return;
    }
    case EventKind::IpcCounters:
        // Past the observation budget: the object's traffic is only counted (all processes together).
        if (TopologyObject *target = objectAt(event.object); target && event.sequence > target->countersTotal) {
            target->countersTotal = event.sequence;
            target->lastTrafficNs = std::max(target->lastTrafficNs, event.timeNs);
        }
        return;
    case EventKind::PoolTask:
    case EventKind::PoolWorker: {
        if (event.object <= 0)
            return;
        addObject(event.object, TopologyObject::Kind::Pool, QString());
        if (event.kind == EventKind::PoolWorker) {
            if (event.op == quint8(PoolWorkerChange::Started) && event.process > mainProcessId)
                touch(event.process, event.object, TopologyEdge::poolWork, 0);
            return;
        }
        const auto phase = PoolTaskPhase(event.op);
        if (phase == PoolTaskPhase::Queued)
            touch(mainProcessId, event.object, TopologyEdge::poolSubmit, std::max<qint64>(1, event.timeNs));
        else if (phase != PoolTaskPhase::Counters && phase != PoolTaskPhase::Cancelled && event.process > mainProcessId)
            touch(event.process, event.object, TopologyEdge::poolWork, std::max<qint64>(1, event.timeNs));
        else if (phase == PoolTaskPhase::Counters)
            if (TopologyObject *pool = objectAt(event.object); pool && event.count + event.sequence > pool->countersTotal) {
                pool->countersTotal = event.count + event.sequence; // queued + done
                pool->lastTrafficNs = std::max(pool->lastTrafficNs, event.timeNs);
            }
        return;
    }
    default:
        return;
    }
}

QList<int> IpcTopology::counterparts(int process, int object, const QString &what, const IpcObjectStates &states) const
{
    QList<int> result;
    if (what == QLatin1StringView("acquire")) {
        const IpcObjectState *lock = states.object(object);
        if (const int holder = lock ? lock->reportedLockHolder() : runLevel; holder >= 0 && holder != process)
            result.append(holder);
        return result;
    }
    quint32 wanted = 0;
    if (what == QLatin1StringView("get"))
        wanted = bit(Protocol::IpcOp::Put);
    else if (what == QLatin1StringView("put"))
        wanted = bit(Protocol::IpcOp::Get);
    else if (what == QLatin1StringView("recv"))
        wanted = bit(Protocol::IpcOp::Send);
    for (const qsizetype index : m_edgesByObject.value(object)) {
        const TopologyEdge &e = m_edges.at(index);
        if (e.process != process && (wanted == 0 || (e.ops & wanted)))
            result.append(e.process);
    }
    std::sort(result.begin(), result.end());
    return result;
}

QList<TopologyWait> IpcTopology::waitsNow(const IpcWaits &waits, const IpcObjectStates &states) const
{
    // A process waits on an object it has an edge to (its blocked event made one): looking up
    // the edges keeps this bounded by the graph, not by every wait of the run.
    QList<TopologyWait> result;
    for (const TopologyEdge &e : m_edges) {
        if (const IpcWait *wait = waits.openWait(e.process, e.object))
            result.append({.process = wait->process, .object = wait->object, .what = wait->what,
                           .sinceNs = wait->startNs, .counterparts = counterparts(wait->process, wait->object, wait->what, states)});
    }
    return result;
}

} // namespace ProcessLab
