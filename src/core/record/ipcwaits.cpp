// SPDX-License-Identifier: MIT
#include "ipcwaits.h"

#include "protocol/protocol.h"

#include <algorithm>

namespace ProcessLab {

namespace {

quint64 waitKey(int process, int object)
{
    return (quint64(quint32(process)) << 32) | quint32(object);
}

} // namespace

void IpcWaits::clear()
{
    m_waits.clear();
    m_open.clear();
    m_dropped = 0;
}

void IpcWaits::close(qsizetype index, qint64 timeNs)
{
    IpcWait &wait = m_waits[index];
    // Workers stamp their own events: one may carry a time before the wait's start.
    wait.endNs = std::max(wait.startNs, timeNs);
}

const IpcWait *IpcWaits::openWait(int process, int object) const
{
    const auto it = m_open.constFind(waitKey(process, object));
    return it == m_open.constEnd() ? nullptr : &m_waits.at(*it);
}

QList<const IpcWait *> IpcWaits::openWaitsOf(int process) const
{
    QList<const IpcWait *> result;
    for (const qsizetype index : m_open) {
        if (m_waits.at(index).process == process)
            result.append(&m_waits.at(index));
    }
    std::sort(result.begin(), result.end(),
              [](const IpcWait *a, const IpcWait *b) { return a->startNs < b->startNs; });
    return result;
}

void IpcWaits::consume(const RunEvent &event)
{
    switch (event.kind) {
    case EventKind::IpcOperation: {
        const quint64 key = waitKey(event.process, event.object);
        const auto open = m_open.constFind(key);
        if (event.op == quint8(Protocol::IpcOp::Blocked)) {
            if (open != m_open.constEnd())
                return; // still the same wait (a repeated report)
            if (m_waits.size() >= waitCap) {
                ++m_dropped;
                return;
            }
            m_waits.append({event.process, event.object, event.timeNs, 0, event.text});
            m_open.insert(key, m_waits.size() - 1);
            return;
        }
        if (open != m_open.constEnd()) {
            close(*open, event.timeNs);
            m_open.erase(open);
        }
        return;
    }
    case EventKind::StateChanged:
        if (!isEndState(event.state))
            return;
        for (auto it = m_open.begin(); it != m_open.end();) {
            if (m_waits.at(*it).process == event.process) {
                close(*it, event.timeNs);
                it = m_open.erase(it);
            } else {
                ++it;
            }
        }
        return;
    case EventKind::RunFinished:
        for (const qsizetype index : std::as_const(m_open))
            close(index, event.timeNs);
        m_open.clear();
        return;
    default:
        return;
    }
}

} // namespace ProcessLab
