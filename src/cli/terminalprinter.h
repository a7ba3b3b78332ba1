// SPDX-License-Identifier: MIT
#pragma once

#include "record/runsummary.h"

#include <QObject>
#include <QTimer>

namespace ProcessLab {
class RunRecord;
}

namespace ProcessLab::Cli {

// Mirrors a run onto the terminal as it happens: every output line to stdout/stderr (also
// the lines over the record's cap: stdout carries all the example printed), failures and
// refused connections as diagnostics on stderr. When stdout cannot be written (a full
// disk, a closed pipe) it stops writing there and emits stdoutFailed() once.
class TerminalPrinter : public QObject
{
    Q_OBJECT
public:
    explicit TerminalPrinter(QObject *parent = nullptr);

    void handleEvent(const ProcessLab::RunEvent &event);        // Run::eventRecorded
    void handleDroppedEvent(const ProcessLab::RunEvent &event); // Run::eventDropped
    // After the run: one line per kind of event the record counted instead of storing.
    void reportDropped(const RunRecord &record, bool recordWanted);
    // Flushes both streams; false if stdout lost anything.
    bool flush();
    bool hasStdoutFailed() const { return !m_stdoutError.isEmpty(); }
    // Ctrl+C or a broken stdout: the CLI said why it stops the run and exits 130 or 1 itself; the
    // run's own "exit 1: stopped by the user" would contradict it.
    void noteStoppedByTheCli() { m_interrupted = true; }
    // A real Python run (`python SCRIPT`): say no more than plain python3 does when a process
    // exits with a code (its traceback is already on stderr) or the script exits non-zero.
    void setQuietAsPython(bool quiet) { m_quietAsPython = quiet; }
    QString stdoutError() const { return m_stdoutError; }

signals:
    void stdoutFailed(const QString &reason);

private:
    void printOutput(const RunEvent &event);
    void writeDiagnostic(const QString &text); // stderr, after what stdout holds
    void failStdout(const QString &reason);
    QString processName(int process) const;

    RunSummaryBuilder m_summary;
    QTimer m_flushTimer;
    QString m_stdoutError;
    QString m_printedMainFailure; // the main program's error, already on stderr
    bool m_interrupted = false;
    bool m_quietAsPython = false;
};

} // namespace ProcessLab::Cli
