// SPDX-License-Identifier: MIT
#include "terminalprinter.h"

#include "standardstreams.h"

#include "record/runrecord.h"


namespace ProcessLab::Cli {

TerminalPrinter::TerminalPrinter(QObject *parent)
    : QObject(parent)
{
    // Flush on a short timer instead of per line: a flood of output stays cheap.
    m_flushTimer.setInterval(10);
    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, &TerminalPrinter::flush);
}

QString TerminalPrinter::processName(int process) const
{
    const ProcessSummary *p = m_summary.summary().process(process);
    return p && !p->role.isEmpty() ? p->role : QStringLiteral("run");
}

void TerminalPrinter::failStdout(const QString &reason)
{
    if (hasStdoutFailed())
        return;
    m_stdoutError = reason;
    emit stdoutFailed(reason);
}

void TerminalPrinter::writeDiagnostic(const QString &text)
{
    // stdout waits for its flush timer; a line on stderr must not overtake what the program
    // printed before it (the exit reason after the program's last line, as in a terminal).
    QString error;
    if (!hasStdoutFailed() && !flushStdout(&error))
        failStdout(error);
    writeStderr(text);
}

void TerminalPrinter::printOutput(const RunEvent &event)
{
    if (event.stream == OutputStream::StdErr) {
        writeDiagnostic(event.text + QLatin1Char('\n'));
    } else if (!hasStdoutFailed()) {
        QString error;
        if (!writeStdout((event.text + QLatin1Char('\n')).toUtf8(), &error))
            failStdout(error);
    }
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void TerminalPrinter::handleDroppedEvent(const RunEvent &event)
{
    if (event.kind == EventKind::Output)
        printOutput(event);
}

void TerminalPrinter::handleEvent(const RunEvent &event)
{
    m_summary.consume(event);
    switch (event.kind) {
    case EventKind::Output:
        printOutput(event);
        return;
    case EventKind::StateChanged:
        if (m_quietAsPython && event.hasExitStatus && event.exitSignal == 0)
            break;
        if (event.process != mainProcessId && event.state == ProcessState::Failed)
            writeDiagnostic(QStringLiteral("processlab-cli: %1 failed: %2\n").arg(processName(event.process), event.text));
        break;
    case EventKind::Error:
        writeDiagnostic(QStringLiteral("processlab-cli: %1: %2\n").arg(processName(event.process), event.text));
        if (event.process == mainProcessId)
            m_printedMainFailure = event.text;
        break;
    case EventKind::PoolWorker:
        // ProcessLab killed it on purpose: say so before the loss it causes; or the kill the
        // user asked for never came (no task ran that late): say that too.
        if (event.op != quint8(PoolWorkerChange::FaultInjected) && event.op != quint8(PoolWorkerChange::FaultNotFired))
            return;
        writeDiagnostic(QStringLiteral("processlab-cli: %1\n").arg(event.text));
        break;
    case EventKind::PoolTask:
        if (event.op != quint8(PoolTaskPhase::Lost))
            return;
        writeDiagnostic(QStringLiteral("processlab-cli: pool: %1\n").arg(event.text));
        break;
    case EventKind::RunFinished:
        // The run's one-line reason, unless it is the main program's error printed above.
        if (event.exitCode == 0 || event.text.isEmpty() || event.text == m_printedMainFailure || m_interrupted
            || m_quietAsPython)
            return;
        writeDiagnostic(QStringLiteral("processlab-cli: ") + tr("exit %1: %2").arg(event.exitCode).arg(event.text)
                    + QLatin1Char('\n'));
        break;
    case EventKind::ConnectionRejected:
        writeDiagnostic(QStringLiteral("processlab-cli: refused a connection: %1\n").arg(event.text));
        break;
    default:
        return; // what went over a cap is reported once, at the end (reportDropped)
    }
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void TerminalPrinter::reportDropped(const RunRecord &record, bool recordWanted)
{
    const QList<ProcessSummary> processes = m_summary.summary().processes;
    for (const ProcessSummary &p : processes) {
        if (const qint64 lines = record.droppedLines(p.id))
            writeStderr(QStringLiteral("processlab-cli: ")
                        + tr("%1: output lines printed but not recorded: %2 (the record keeps %3 lines)\n")
                              .arg(processName(p.id))
                              .arg(lines)
                              .arg(record.outputLineCap()));
        // Traces only matter to a reader of the record (the code view's worker lines).
        if (const qint64 traces = record.droppedTraces(p.id); traces && recordWanted)
            writeStderr(QStringLiteral("processlab-cli: ")
                        + tr("%1: traces not recorded: %2 (the record keeps %3)\n")
                              .arg(processName(p.id))
                              .arg(traces)
                              .arg(record.traceCap()));
    }
    if (const qint64 rejections = record.droppedRejections())
        writeStderr(QStringLiteral("processlab-cli: ")
                    + tr("refused connections not recorded: %1 (the record keeps %2)\n")
                          .arg(rejections)
                          .arg(record.rejectionCap()));
}

bool TerminalPrinter::flush()
{
    QString error;
    if (!hasStdoutFailed() && !flushStdout(&error))
        failStdout(error);
    flushStderr();
    return !hasStdoutFailed();
}

} // namespace ProcessLab::Cli
