// SPDX-License-Identifier: MIT
#include "runsummary.h"

#include "protocol/protocol.h"

#include "resourcesample.h"
#include "runrecord.h"

#include <algorithm>
#include <csignal>

namespace ProcessLab {

namespace {
double nsToMs(qint64 ns)
{
    return static_cast<double>(ns) / 1e6;
}
} // namespace

QString knownSignalName(int signalNumber)
{
    struct Name
    {
        int number;
        const char *name;
    };
    // Numbers differ between platforms: take them from <csignal>, not from a list of Linux values.
    static constexpr Name names[] = {
        {SIGINT, "SIGINT"},   {SIGILL, "SIGILL"},   {SIGABRT, "SIGABRT"}, {SIGFPE, "SIGFPE"},
        {SIGSEGV, "SIGSEGV"}, {SIGTERM, "SIGTERM"},
#ifdef Q_OS_UNIX
        {SIGHUP, "SIGHUP"},   {SIGQUIT, "SIGQUIT"}, {SIGTRAP, "SIGTRAP"}, {SIGBUS, "SIGBUS"},
        {SIGKILL, "SIGKILL"}, {SIGUSR1, "SIGUSR1"}, {SIGUSR2, "SIGUSR2"}, {SIGPIPE, "SIGPIPE"},
        {SIGALRM, "SIGALRM"}, {SIGCHLD, "SIGCHLD"}, {SIGCONT, "SIGCONT"}, {SIGSTOP, "SIGSTOP"},
        {SIGTSTP, "SIGTSTP"}, {SIGSYS, "SIGSYS"},   {SIGXCPU, "SIGXCPU"}, {SIGXFSZ, "SIGXFSZ"},
#endif
    };
    for (const Name &entry : names) {
        if (entry.number == signalNumber)
            return QLatin1StringView(entry.name);
    }
    return {};
}

QString signalName(int signalNumber)
{
    const QString known = knownSignalName(signalNumber);
    return known.isEmpty() ? QStringLiteral("signal %1").arg(signalNumber) : known;
}

std::optional<int> ProcessSummary::pythonExitCode() const
{
    if (!hasEnded() || !hasExitStatus)
        return std::nullopt;
    return exitSignal ? -exitSignal : exitCode;
}

QString ProcessSummary::exitSignalName() const
{
    return hasEnded() && hasExitStatus && exitSignal ? signalName(exitSignal) : QString();
}

double ProcessSummary::spawnToReadyMs() const
{
    return (startingNs && readyNs) ? nsToMs(readyNs - startingNs) : -1.0;
}

double ProcessSummary::runMs() const
{
    const qint64 from = runningNs ? runningNs : createdNs;
    return (endNs && from) ? nsToMs(endNs - from) : -1.0;
}

double RunSummary::wallMs() const
{
    return endNs ? nsToMs(endNs - startNs) : -1.0;
}

const ProcessSummary *RunSummary::process(int id) const
{
    return (id >= 0 && id < processes.size()) ? &processes.at(id) : nullptr;
}

double RunSummary::pausedMs() const
{
    qint64 total = 0;
    for (const PauseInterval &pause : pauses) {
        if (pause.endNs)
            total += pause.endNs - pause.beginNs;
    }
    return nsToMs(total);
}

qint64 RunSummary::objectOperations(int id) const
{
    for (const ObjectSummary &object : objects) {
        if (object.id == id)
            return object.operations();
    }
    const PoolProgress *pool = pools.pool(id);
    return pool ? pool->queued() + pool->done() : 0;
}

int RunSummary::liveProcessCount() const
{
    int live = 0;
    for (const ProcessSummary &p : processes) {
        if (p.state != ProcessState::Created && !p.hasEnded())
            ++live;
    }
    return live;
}

ProcessSummary &RunSummaryBuilder::processAt(int id)
{
    while (m_summary.processes.size() <= id) {
        ProcessSummary p;
        p.id = static_cast<int>(m_summary.processes.size());
        m_summary.processes.append(p);
    }
    return m_summary.processes[id];
}

ObjectSummary *RunSummaryBuilder::objectWithId(int id)
{
    for (ObjectSummary &object : m_summary.objects) {
        if (object.id == id)
            return &object;
    }
    return nullptr;
}

void RunSummaryBuilder::consume(const RunEvent &event)
{
    // Pool tasks and workers: the one fold the app's views read too (it needs state changes).
    m_summary.pools.consume(event);
    m_summary.waits.consume(event);
    m_summary.joins.consume(event);
    m_summary.ipcStates.consume(event);
    m_summary.resources.consume(event); // the samples themselves: sparklines, the CPU lane
    m_summary.topology.consume(event);  // the graph; its waits and lock holders are read from waits / ipcStates
    // Run-level events carry process -1; only the run-level kinds below may have it.
    const bool hasProcess = event.process >= 0;
    switch (event.kind) {
    case EventKind::RunStarted:
        m_summary.exampleId = event.text;
        m_summary.startNs = event.timeNs;
        break;
    case EventKind::RunFinished:
        if (!m_summary.pauses.isEmpty() && !m_summary.pauses.constLast().endNs)
            m_summary.pauses.last().endNs = event.timeNs; // stopped while paused
        m_summary.finished = true;
        m_summary.endNs = event.timeNs;
        m_summary.exitCode = event.exitCode;
        m_summary.finishReason = event.text;
        break;
    case EventKind::ProcessCreated: {
        if (!hasProcess)
            break;
        ProcessSummary &p = processAt(event.process);
        p.role = event.text;
        p.createdNs = event.timeNs;
        p.pid = event.pid;
        p.helper = event.count == 1;
        break;
    }
    case EventKind::StateChanged: {
        if (!hasProcess)
            break;
        ProcessSummary &p = processAt(event.process);
        p.state = event.state;
        if (event.pid)
            p.pid = event.pid;
        switch (event.state) {
        case ProcessState::Starting:
            if (!p.startingNs) // a second Starting event only adds the pid
                p.startingNs = event.timeNs;
            break;
        case ProcessState::Ready: p.readyNs = event.timeNs; break;
        case ProcessState::Running: p.runningNs = event.timeNs; break;
        case ProcessState::Finished:
        case ProcessState::Failed:
        case ProcessState::Killed:
            p.endNs = event.timeNs;
            p.exitCode = event.exitCode;
            p.exitSignal = event.exitSignal;
            p.hasExitStatus = event.hasExitStatus;
            p.detail = event.text;
            break;
        case ProcessState::Created: break;
        }
        break;
    }
    case EventKind::Output: {
        if (!hasProcess)
            break;
        ProcessSummary &p = processAt(event.process);
        if (event.stream == OutputStream::StdErr)
            ++p.stderrLines;
        else
            ++p.stdoutLines;
        break;
    }
    case EventKind::OutputDropped:
        if (hasProcess)
            processAt(event.process).droppedLines += event.count;
        break;
    case EventKind::ScriptStep:
        if (!m_summary.pauses.isEmpty() && !m_summary.pauses.constLast().endNs)
            m_summary.pauses.last().endNs = event.timeNs;
        m_summary.steps.append({event.sourceLine, event.text, event.timeNs, 0});
        break;
    case EventKind::ScriptStepEnded:
        if (!m_summary.steps.isEmpty() && !m_summary.steps.constLast().endNs)
            m_summary.steps.last().endNs = event.timeNs;
        break;
    case EventKind::Paused:
        m_summary.pauses.append({event.timeNs, 0, event.sourceLine, event.text});
        break;
    case EventKind::WorkerTrace:
    case EventKind::Error:
    case EventKind::ConnectionRejected:
    case EventKind::TracesDropped:
    case EventKind::RejectionsDropped:
        break;
    case EventKind::IpcObjectCreated:
        if (!objectWithId(event.object))
            m_summary.objects.append({event.object, static_cast<IpcObjectKind>(event.op), event.text});
        break;
    case EventKind::IpcOperation:
        if (ObjectSummary *object = objectWithId(event.object)) {
            switch (static_cast<Protocol::IpcOp>(event.op)) {
            case Protocol::IpcOp::Put:
            case Protocol::IpcOp::Get:
            case Protocol::IpcOp::Send:
            case Protocol::IpcOp::Recv:
                object->maxDepth = std::max(object->maxDepth, event.count);
                ++object->reported;
                break;
            case Protocol::IpcOp::Acquire:
            case Protocol::IpcOp::Release:
            case Protocol::IpcOp::Write:
                ++object->reported;
                break;
            case Protocol::IpcOp::Close:
            case Protocol::IpcOp::Blocked:
            case Protocol::IpcOp::Failed:
                break;
            }
        }
        break;
    case EventKind::IpcSampling:
        if (ObjectSummary *object = objectWithId(event.object))
            object->sampled = true;
        break;
    case EventKind::IpcCounters:
        if (ObjectSummary *object = objectWithId(event.object)) {
            object->sampledTotal = event.sequence;
            object->lastCount = event.count;
            if (object->kind == IpcObjectKind::Queue || object->kind == IpcObjectKind::Pipe)
                object->maxDepth = std::max(object->maxDepth, event.count);
        }
        break;
    case EventKind::IpcRecovered:
        if (ObjectSummary *object = objectWithId(event.object))
            ++object->recoveries;
        break;
    case EventKind::PoolTask:
    case EventKind::PoolWorker:
        break; // m_summary.pools, above
    case EventKind::ResourceSample: {
        if (!hasProcess)
            break;
        ProcessSummary &p = processAt(event.process);
        // The CPU since the previous sample (the first: since the Starting stamp), as the host
        // computed the per-mille: the sum is the process's CPU time (resourcesample.h).
        const qint64 sinceNs = p.lastSampleNs ? p.lastSampleNs : (p.startingNs ? p.startingNs : event.timeNs);
        p.cpuNs = std::max<qint64>(p.cpuNs, 0) + cpuNsOfSample(event.count, event.timeNs - sinceNs);
        p.cpuPermille = event.count;
        p.lastSampleNs = std::max(p.lastSampleNs, event.timeNs);
        if (event.sequence >= 0) {
            p.residentBytes = event.sequence;
            p.peakResidentBytes = std::max(p.peakResidentBytes, event.sequence);
        }
        if (event.pid && !p.pid)
            p.pid = event.pid;
        ++p.resourceSamples;
        break;
    }
    }
}

qint64 ProcessSummary::averageCpuPermille(qint64 nowNs) const
{
    if (cpuNs < 0)
        return -1;
    const qint64 from = startingNs ? startingNs : createdNs;
    const qint64 to = endNs ? endNs : std::max(nowNs, lastSampleNs);
    return ProcessLab::cpuPermille(cpuNs, to - from);
}

QString formatDurationMs(double ms)
{
    if (ms < 0)
        return QStringLiteral("-");
    if (ms < 0.0005)
        return QStringLiteral("<1 µs");
    if (ms < 0.1) // below 100 µs a tenth of a millisecond says nothing
        return QStringLiteral("%1 µs").arg(qRound(ms * 1000));
    if (ms < 10)
        return QStringLiteral("%1 ms").arg(ms, 0, 'f', 2);
    return QStringLiteral("%1 ms").arg(ms, 0, 'f', 1);
}

RunSummary summarize(const RunRecord &record)
{
    RunSummaryBuilder builder;
    for (const RunEvent &event : record.events())
        builder.consume(event);
    return builder.summary();
}

} // namespace ProcessLab
