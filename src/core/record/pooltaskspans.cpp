// SPDX-License-Identifier: MIT
#include "pooltaskspans.h"

#include <algorithm>

namespace ProcessLab {

const PoolTaskSpan *PoolTaskSpans::task(int pool, qint64 number) const
{
    const auto it = m_index.constFind({pool, number});
    return it == m_index.cend() ? nullptr : &m_tasks.at(*it);
}

const QList<qsizetype> &PoolTaskSpans::tasksOf(int process) const
{
    static const QList<qsizetype> none;
    const auto it = m_byProcess.constFind(process);
    return it == m_byProcess.cend() ? none : *it;
}

const PoolTaskSpan *PoolTaskSpans::currentTask(int process) const
{
    const QList<qsizetype> &list = tasksOf(process);
    // A worker runs one task at a time: its open one, if any, is among the last it started.
    for (auto it = list.crbegin(); it != list.crend(); ++it) {
        const PoolTaskSpan &span = m_tasks.at(*it);
        if (span.outcome == PoolTaskOutcome::Running)
            return &span;
    }
    return nullptr;
}

const PoolTaskSpan *PoolTaskSpans::lostTask(int process) const
{
    const QList<qsizetype> &list = tasksOf(process);
    for (auto it = list.crbegin(); it != list.crend(); ++it) {
        if (m_tasks.at(*it).outcome == PoolTaskOutcome::Lost)
            return &m_tasks.at(*it);
    }
    return nullptr;
}

double PoolTaskSpan::durationMs() const
{
    return startNs > 0 && endNs >= startNs ? double(endNs - startNs) / 1e6 : -1;
}

QString poolTaskOutcomeName(PoolTaskOutcome outcome)
{
    switch (outcome) {
    case PoolTaskOutcome::Queued: return QStringLiteral("queued");
    case PoolTaskOutcome::Running: return QStringLiteral("running");
    case PoolTaskOutcome::Finished: return QStringLiteral("finished");
    case PoolTaskOutcome::Failed: return QStringLiteral("failed");
    case PoolTaskOutcome::Lost: return QStringLiteral("lost");
    case PoolTaskOutcome::Unfinished: return QStringLiteral("unfinished");
    }
    return {};
}

const PoolFaultInjection *PoolTaskSpans::faultInjection(int process) const
{
    const auto it = std::find_if(m_faults.cbegin(), m_faults.cend(),
                                 [process](const PoolFaultInjection &f) { return f.process == process; });
    return it == m_faults.cend() ? nullptr : &*it;
}

QList<qsizetype> PoolTaskSpans::tasksOfPool(int pool) const
{
    QList<qsizetype> list;
    for (qsizetype i = 0; i < m_tasks.size(); ++i) {
        if (m_tasks.at(i).pool == pool)
            list.append(i);
    }
    // Queued events come in task order; a record from elsewhere may not.
    std::stable_sort(list.begin(), list.end(), [this](qsizetype a, qsizetype b) { return m_tasks.at(a).task < m_tasks.at(b).task; });
    return list;
}

qint64 PoolTaskSpans::tasksIn(int pool, PoolTaskOutcome outcome) const
{
    return std::count_if(m_tasks.cbegin(), m_tasks.cend(),
                         [=](const PoolTaskSpan &t) { return t.pool == pool && t.outcome == outcome; });
}

const PoolProgress *PoolTaskSpans::pool(int id) const
{
    const auto it = std::find_if(m_pools.cbegin(), m_pools.cend(), [id](const PoolProgress &p) { return p.pool == id; });
    return it == m_pools.cend() ? nullptr : &*it;
}

PoolProgress &PoolTaskSpans::progressOf(int pool)
{
    const auto it = std::find_if(m_pools.begin(), m_pools.end(), [pool](const PoolProgress &p) { return p.pool == pool; });
    if (it != m_pools.end())
        return *it;
    m_pools.append(PoolProgress{.pool = pool});
    return m_pools.last();
}

qsizetype PoolTaskSpans::indexOf(int pool, qint64 number)
{
    const auto it = m_index.constFind({pool, number});
    if (it != m_index.cend())
        return *it;
    m_index.insert({pool, number}, m_tasks.size());
    m_tasks.append(PoolTaskSpan{.pool = pool, .task = number, .call = {}, .result = {}});
    ++progressOf(pool).tracked;
    return m_tasks.size() - 1;
}

void PoolTaskSpans::attach(qsizetype index, int process)
{
    if (process <= mainProcessId)
        return; // no worker named (a task that vanished with the process that took it)
    QList<qsizetype> &list = m_byProcess[process];
    if (list.contains(index))
        return;
    // Starts of one worker come nearly in order (a short task's start arrives with its result,
    // possibly after the next task's start read from the slot): insert by start time.
    const qint64 start = m_tasks.at(index).startNs;
    const auto at = std::upper_bound(list.begin(), list.end(), start,
                                     [this](qint64 t, qsizetype other) { return t < m_tasks.at(other).startNs; });
    list.insert(at, index);
}

void PoolTaskSpans::processEnded(int process, qint64 timeNs)
{
    m_endedNs.insert(process, timeNs);
    // A task still running when its worker ended, without a lost event (Stop, terminate()):
    // it ends with the process.
    for (const qsizetype index : tasksOf(process)) {
        PoolTaskSpan &span = m_tasks[index];
        if (span.outcome == PoolTaskOutcome::Running) {
            span.outcome = PoolTaskOutcome::Unfinished;
            span.endNs = std::max(timeNs, span.startNs);
        }
    }
}

void PoolTaskSpans::consume(const RunEvent &event)
{
    if (event.kind == EventKind::StateChanged) {
        if (isEndState(event.state) && event.process > mainProcessId)
            processEnded(event.process, event.timeNs);
        return;
    }
    if (event.kind == EventKind::PoolWorker) {
        if (event.op == quint8(PoolWorkerChange::Started) && event.process > mainProcessId)
            m_poolOf.insert(event.process, event.object);
        PoolProgress &progress = progressOf(event.object);
        if (event.op == quint8(PoolWorkerChange::FaultInjected)) {
            ++progress.faultsInjected;
            m_faults.append({.process = event.process, .pid = event.pid, .task = event.count, .timeNs = event.timeNs,
                             .text = event.text, .byUser = event.sequence == faultInjectedByUser});
        }
        return;
    }
    if (event.kind != EventKind::PoolTask)
        return;
    const auto phase = static_cast<PoolTaskPhase>(event.op);
    if (phase == PoolTaskPhase::Counters) {
        PoolProgress &progress = progressOf(event.object);
        progress.counted = true;
        if (progress.firstCountedNs == 0)
            progress.firstCountedNs = event.timeNs;
        progress.lastCountedNs = std::max(progress.lastCountedNs, event.timeNs);
        progress.countedDone = std::max(progress.countedDone, event.count);
        progress.countedQueued = std::max(progress.countedQueued, event.sequence);
        return;
    }
    // Tasks are numbered from 1, one by one within the budget: a record read from elsewhere
    // cannot make the list larger than that.
    if (event.count < 1 || quint64(event.count) > poolTaskEventBudget)
        return;
    const qsizetype index = indexOf(event.object, event.count);
    PoolTaskSpan &span = m_tasks[index];
    if (event.sequence > 0)
        span.items = event.sequence;
    switch (phase) {
    case PoolTaskPhase::Queued:
        span.queuedNs = event.timeNs;
        span.call = event.text;
        break;
    case PoolTaskPhase::Started:
        if (span.outcome == PoolTaskOutcome::Queued)
            span.outcome = PoolTaskOutcome::Running;
        span.startNs = event.timeNs;
        span.process = event.process;
        span.pid = event.pid;
        attach(index, event.process);
        // A start reported after its worker ended (read from a result it put before dying).
        if (span.outcome == PoolTaskOutcome::Running && m_endedNs.contains(event.process))
            processEnded(event.process, m_endedNs.value(event.process));
        break;
    case PoolTaskPhase::Finished:
    case PoolTaskPhase::Failed: {
        const bool wasOpen = span.isOpen() || span.outcome == PoolTaskOutcome::Unfinished;
        span.outcome = phase == PoolTaskPhase::Finished ? PoolTaskOutcome::Finished : PoolTaskOutcome::Failed;
        span.endNs = std::max(event.timeNs, span.startNs);
        span.result = event.text;
        if (span.process == 0 && event.process > mainProcessId) {
            span.process = event.process;
            span.pid = event.pid;
            if (!span.hasStarted())
                span.startNs = span.endNs;
            attach(index, event.process);
        }
        if (wasOpen) {
            PoolProgress &progress = progressOf(event.object);
            ++(phase == PoolTaskPhase::Finished ? progress.finished : progress.failed);
        }
        break;
    }
    case PoolTaskPhase::Lost: {
        // It ends where its worker died (the lost event follows the death by a moment).
        const qint64 died = event.process > mainProcessId ? m_endedNs.value(event.process, 0) : 0;
        span.endNs = died != 0 ? std::min(died, event.timeNs) : event.timeNs;
        if (!span.hasStarted())
            span.startNs = span.endNs;
        span.endNs = std::max(span.endNs, span.startNs);
        if (span.process == 0 && event.process > mainProcessId) {
            span.process = event.process;
            span.pid = event.pid;
            attach(index, event.process);
        }
        if (span.outcome != PoolTaskOutcome::Lost) {
            ++progressOf(event.object).lost;
            m_lost.append(index);
        }
        span.outcome = PoolTaskOutcome::Lost;
        span.result = event.text;
        break;
    }
    case PoolTaskPhase::Cancelled:
        // Terminated or stopped before it finished: not finished, the reason as its result.
        // (One event per task; its worker may have ended first: the span then ends there.)
        if (span.isOpen() || span.outcome == PoolTaskOutcome::Unfinished) {
            ++progressOf(event.object).cancelled;
            const qint64 endNs = span.outcome == PoolTaskOutcome::Unfinished && span.endNs != 0
                                     ? std::min(span.endNs, event.timeNs)
                                     : event.timeNs;
            span.outcome = PoolTaskOutcome::Unfinished;
            span.endNs = std::max(endNs, span.startNs);
            span.result = event.text;
        }
        break;
    case PoolTaskPhase::Counters:
        break;
    }
}

} // namespace ProcessLab
