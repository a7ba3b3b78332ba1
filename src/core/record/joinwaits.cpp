// SPDX-License-Identifier: MIT
#include "joinwaits.h"

#include <algorithm>
#include <limits>

namespace ProcessLab {

void JoinWaits::clear()
{
    *this = JoinWaits();
}

const JoinWait *JoinWaits::openWait() const
{
    return m_open >= 0 ? &m_waits.at(m_open) : nullptr;
}

void JoinWaits::closeOpen(qint64 timeNs)
{
    if (m_open < 0)
        return;
    JoinWait &wait = m_waits[m_open];
    wait.endNs = std::max(timeNs, wait.startNs + 1); // an ended wait never reads as open (endNs 0)
    m_open = -1;
}

void JoinWaits::consume(const RunEvent &event)
{
    switch (event.kind) {
    case EventKind::ScriptStep:
        if (event.process != mainProcessId)
            return;
        closeOpen(event.timeNs); // a statement begins: the previous one is over
        if (event.count <= mainProcessId || event.count > std::numeric_limits<int>::max()
            || m_ended.contains(int(event.count)))
            return; // not a join, or joins a process that already ended: returns at once
        if (m_waits.size() >= waitCap) {
            ++m_dropped;
            return;
        }
        m_waits.append({.process = mainProcessId, .target = int(event.count), .sourceLine = event.sourceLine,
                        .statement = event.text, .startNs = event.timeNs, .endNs = 0});
        m_open = m_waits.size() - 1;
        return;
    case EventKind::ScriptStepEnded:
        if (event.process == mainProcessId)
            closeOpen(event.timeNs);
        return;
    case EventKind::StateChanged:
        if (!isEndState(event.state) || event.process < mainProcessId)
            return;
        m_ended.insert(event.process);
        if (const JoinWait *open = openWait(); open && (event.process == open->target || event.process == mainProcessId))
            closeOpen(event.timeNs);
        return;
    case EventKind::RunFinished:
        closeOpen(event.timeNs);
        return;
    default:
        return;
    }
}

} // namespace ProcessLab
