// SPDX-License-Identifier: MIT
#include "runrecord.h"

#include "protocol/monotonicclock.h"
#include "protocol/protocol.h"

#include <QCoreApplication>

#include <algorithm>

namespace ProcessLab {

QString stateName(ProcessState state)
{
    switch (state) {
    case ProcessState::Created: return QStringLiteral("created");
    case ProcessState::Starting: return QStringLiteral("starting");
    case ProcessState::Ready: return QStringLiteral("ready");
    case ProcessState::Running: return QStringLiteral("running");
    case ProcessState::Finished: return QStringLiteral("finished");
    case ProcessState::Failed: return QStringLiteral("failed");
    case ProcessState::Killed: return QStringLiteral("killed");
    }
    return {};
}

QString stateDisplayName(ProcessState state)
{
    switch (state) {
    case ProcessState::Created: return QCoreApplication::translate("ProcessLab::ProcessState", "created");
    case ProcessState::Starting: return QCoreApplication::translate("ProcessLab::ProcessState", "starting");
    case ProcessState::Ready: return QCoreApplication::translate("ProcessLab::ProcessState", "ready");
    case ProcessState::Running: return QCoreApplication::translate("ProcessLab::ProcessState", "running");
    case ProcessState::Finished: return QCoreApplication::translate("ProcessLab::ProcessState", "finished");
    case ProcessState::Failed: return QCoreApplication::translate("ProcessLab::ProcessState", "failed");
    // Ended by the user (Stop, Ctrl+C), not by a crash.
    case ProcessState::Killed: return QCoreApplication::translate("ProcessLab::ProcessState", "stopped");
    }
    return {};
}

QString eventKindName(EventKind kind)
{
    switch (kind) {
    case EventKind::RunStarted: return QStringLiteral("run-started");
    case EventKind::RunFinished: return QStringLiteral("run-finished");
    case EventKind::ProcessCreated: return QStringLiteral("process-created");
    case EventKind::StateChanged: return QStringLiteral("state");
    case EventKind::Output: return QStringLiteral("output");
    case EventKind::ScriptStep: return QStringLiteral("step");
    case EventKind::WorkerTrace: return QStringLiteral("trace");
    case EventKind::Error: return QStringLiteral("error");
    case EventKind::ConnectionRejected: return QStringLiteral("connection-rejected");
    case EventKind::OutputDropped: return QStringLiteral("output-dropped");
    case EventKind::TracesDropped: return QStringLiteral("traces-dropped");
    case EventKind::RejectionsDropped: return QStringLiteral("rejections-dropped");
    case EventKind::ScriptStepEnded: return QStringLiteral("step-ended");
    case EventKind::Paused: return QStringLiteral("paused");
    case EventKind::IpcObjectCreated: return QStringLiteral("object-created");
    case EventKind::IpcOperation: return QStringLiteral("ipc");
    case EventKind::IpcSampling: return QStringLiteral("ipc-sampling");
    case EventKind::IpcCounters: return QStringLiteral("ipc-counters");
    case EventKind::IpcRecovered: return QStringLiteral("ipc-recovered");
    case EventKind::PoolTask: return QStringLiteral("pool-task");
    case EventKind::PoolWorker: return QStringLiteral("pool-worker");
    case EventKind::ResourceSample: return QStringLiteral("resource-sample");
    }
    return {};
}

QString ipcOpName(int op)
{
    switch (static_cast<Protocol::IpcOp>(op)) {
    case Protocol::IpcOp::Put: return QStringLiteral("put");
    case Protocol::IpcOp::Get: return QStringLiteral("get");
    case Protocol::IpcOp::Send: return QStringLiteral("send");
    case Protocol::IpcOp::Recv: return QStringLiteral("recv");
    case Protocol::IpcOp::Acquire: return QStringLiteral("acquire");
    case Protocol::IpcOp::Release: return QStringLiteral("release");
    case Protocol::IpcOp::Write: return QStringLiteral("write");
    case Protocol::IpcOp::Close: return QStringLiteral("close");
    case Protocol::IpcOp::Blocked: return QStringLiteral("blocked");
    case Protocol::IpcOp::Failed: return QStringLiteral("failed");
    }
    return QString::number(op);
}

QString ipcObjectKindName(IpcObjectKind kind)
{
    switch (kind) {
    case IpcObjectKind::Queue: return QStringLiteral("queue");
    case IpcObjectKind::Pipe: return QStringLiteral("pipe");
    case IpcObjectKind::Value: return QStringLiteral("value");
    case IpcObjectKind::Array: return QStringLiteral("array");
    case IpcObjectKind::Lock: return QStringLiteral("lock");
    }
    return {};
}

QString poolTaskPhaseName(int op)
{
    switch (static_cast<PoolTaskPhase>(op)) {
    case PoolTaskPhase::Queued: return QStringLiteral("queued");
    case PoolTaskPhase::Started: return QStringLiteral("started");
    case PoolTaskPhase::Finished: return QStringLiteral("finished");
    case PoolTaskPhase::Failed: return QStringLiteral("failed");
    case PoolTaskPhase::Lost: return QStringLiteral("lost");
    case PoolTaskPhase::Counters: return QStringLiteral("counters");
    case PoolTaskPhase::Cancelled: return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

QString poolWorkerChangeName(int op)
{
    switch (static_cast<PoolWorkerChange>(op)) {
    case PoolWorkerChange::Started: return QStringLiteral("started");
    case PoolWorkerChange::Recycled: return QStringLiteral("recycled");
    case PoolWorkerChange::Replaced: return QStringLiteral("replaced");
    case PoolWorkerChange::FaultInjected: return QStringLiteral("fault-injected");
    case PoolWorkerChange::FaultNotFired: return QStringLiteral("fault-not-fired");
    }
    return QStringLiteral("unknown");
}

QString streamName(OutputStream stream)
{
    return stream == OutputStream::StdErr ? QStringLiteral("stderr") : QStringLiteral("stdout");
}

bool RunRecord::Cap::admit(int process)
{
    if (stored >= cap) {
        ++pending[process];
        ++total[process];
        return false;
    }
    ++stored;
    return true;
}

void RunRecord::Cap::flush(EventKind droppedKind, qint64 timeNs, QList<RunEvent> *events)
{
    QList<int> processes = pending.keys();
    std::sort(processes.begin(), processes.end()); // a stable order for readers and tests
    for (const int process : std::as_const(processes)) {
        RunEvent event;
        event.timeNs = timeNs;
        event.kind = droppedKind;
        event.process = process;
        event.count = pending.value(process);
        events->append(std::move(event));
    }
    pending.clear();
}

bool RunRecord::append(RunEvent event)
{
    switch (event.kind) {
    case EventKind::Output:
        if (!m_output.admit(event.process))
            return false;
        break;
    case EventKind::WorkerTrace:
        if (!m_traces.admit(event.process))
            return false;
        if (!m_events.isEmpty()) // the worker's clock reading: keep it inside the run
            event.timeNs = std::clamp<qint64>(event.timeNs, startNs(), std::max<qint64>(startNs(), monotonicNowNs()));
        break;
    case EventKind::IpcOperation:
        // A worker's clock reading, like a trace's: keep it inside the run.
        if (event.process != mainProcessId && !m_events.isEmpty())
            event.timeNs = std::clamp<qint64>(event.timeNs, startNs(), std::max<qint64>(startNs(), monotonicNowNs()));
        break;
    case EventKind::ConnectionRejected:
        if (!m_rejections.admit(runLevel))
            return false;
        break;
    default:
        break;
    }
    m_events.append(std::move(event));
    return true;
}

bool RunRecord::appendRecorded(RunEvent event)
{
    bool admitted = true;
    if (event.kind == EventKind::Output)
        admitted = m_output.admit(event.process);
    else if (event.kind == EventKind::WorkerTrace)
        admitted = m_traces.admit(event.process);
    else if (event.kind == EventKind::ConnectionRejected)
        admitted = m_rejections.admit(runLevel);
    if (admitted)
        m_events.append(std::move(event));
    return admitted;
}

void RunRecord::flushDropped(qint64 timeNs)
{
    m_output.flush(EventKind::OutputDropped, timeNs, &m_events);
    m_traces.flush(EventKind::TracesDropped, timeNs, &m_events);
    m_rejections.flush(EventKind::RejectionsDropped, timeNs, &m_events);
}

} // namespace ProcessLab
