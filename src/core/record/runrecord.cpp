// SPDX-License-Identifier: MIT
#include "runrecord.h"

#include <QCoreApplication>

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
    case EventKind::ScriptStepEnded: return QStringLiteral("step-ended");
    case EventKind::Paused: return QStringLiteral("paused");
    }
    return {};
}

QString streamName(OutputStream stream)
{
    return stream == OutputStream::StdErr ? QStringLiteral("stderr") : QStringLiteral("stdout");
}

bool RunRecord::append(RunEvent event)
{
    if (event.kind == EventKind::Output) {
        if (m_outputLines >= m_outputLineCap) {
            ++m_pendingDropped[event.process];
            ++m_totalDropped[event.process];
            return false;
        }
        ++m_outputLines;
    }
    m_events.append(std::move(event));
    return true;
}

void RunRecord::flushDroppedOutput(qint64 timeNs)
{
    for (auto it = m_pendingDropped.cbegin(); it != m_pendingDropped.cend(); ++it) {
        RunEvent event;
        event.timeNs = timeNs;
        event.kind = EventKind::OutputDropped;
        event.process = it.key();
        event.count = it.value();
        m_events.append(std::move(event));
    }
    m_pendingDropped.clear();
}

qint64 RunRecord::droppedLines(int process) const
{
    return m_totalDropped.value(process);
}

} // namespace ProcessLab
