// SPDX-License-Identifier: MIT
#pragma once

// Helpers shared by the process tests: run to completion, read outputs, check that no
// process is left behind.

#include "record/runrecord.h"
#include "record/runsummary.h"
#include "runtime/run.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

#ifdef Q_OS_UNIX
#include <csignal>
#endif

namespace ProcessLab::TestSupport {

inline QString workerPath()
{
    return QStringLiteral(PROCESSLAB_WORKER_PATH);
}

inline QString cliPath()
{
    return QStringLiteral(PROCESSLAB_CLI_PATH);
}

// Starts the run and waits (with the event loop running) until it finishes.
inline bool runToEnd(Run &run, int timeoutMs = 60000)
{
    run.setWorkerProgram(workerPath());
    QSignalSpy finished(&run, &Run::finished);
    run.start();
    return run.status() == Run::Status::Finished || finished.wait(timeoutMs);
}

inline QStringList outputLines(const RunRecord &record, int process = -2,
                               OutputStream stream = OutputStream::StdOut)
{
    QStringList lines;
    for (const RunEvent &event : record.events()) {
        if (event.kind == EventKind::Output && event.stream == stream
            && (process == -2 || event.process == process))
            lines.append(event.text);
    }
    return lines;
}

inline bool hasEvent(const RunRecord &record, EventKind kind, const QString &textPart = {})
{
    return std::any_of(record.events().cbegin(), record.events().cend(), [&](const RunEvent &e) {
        return e.kind == kind && e.text.contains(textPart);
    });
}

// True while the pid names a live (non-zombie) process.
inline bool processAlive(qint64 pid)
{
#ifdef Q_OS_LINUX
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    return close > 0 && text.size() > close + 2 && text.at(close + 2) != 'Z';
#else
    Q_UNUSED(pid);
    return false;
#endif
}

inline QList<qint64> workerPids(const RunRecord &record)
{
    QList<qint64> pids;
    for (const ProcessSummary &p : summarize(record).processes) {
        if (p.id != mainProcessId && p.pid)
            pids.append(p.pid);
    }
    return pids;
}

// Waits up to timeoutMs for all pids to be gone.
inline bool allGone(const QList<qint64> &pids, int timeoutMs = 2000)
{
    return QTest::qWaitFor([&] { return std::none_of(pids.cbegin(), pids.cend(), processAlive); }, timeoutMs);
}

} // namespace ProcessLab::TestSupport
