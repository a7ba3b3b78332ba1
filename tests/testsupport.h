// SPDX-License-Identifier: MIT
#pragma once

// Helpers shared by the process tests: run to completion, read outputs, check that no
// process is left behind.

#include "examples/exampleregistry.h"
#include "examples/knob.h"
#include "record/runrecord.h"
#include "record/runsummary.h"
#include "runtime/run.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/types.h>
#endif
#ifdef Q_OS_WIN
#include <qt_windows.h>
#endif

namespace ProcessLab::TestSupport {

// A run of a registered example with these knobs (the rest at their defaults); nullptr, with a
// warning saying why, for an unknown example or knobs it refuses.
inline std::unique_ptr<Run> exampleRun(const QString &id, const QVariantMap &given)
{
    const ExampleDefinition *example = ExampleRegistry::find(id);
    if (!example) {
        qWarning("no example %s", qPrintable(id));
        return nullptr;
    }
    QString error;
    const std::optional<QVariantMap> knobs = resolveKnobs(example->knobs, given, &error);
    if (!knobs)
        qWarning("%s", qPrintable(error));
    return knobs ? Run::create(*example, *knobs) : nullptr;
}

// The test worker: the shipped behaviours plus test.crash, test.flood, ...
inline QString workerPath()
{
    return QStringLiteral(PROCESSLAB_WORKER_PATH);
}

#ifdef PROCESSLAB_SHIPPED_WORKER_PATH
// The worker users get: no test behaviours.
inline QString shippedWorkerPath()
{
    return QStringLiteral(PROCESSLAB_SHIPPED_WORKER_PATH);
}
#endif

inline QString cliPath()
{
    return QStringLiteral(PROCESSLAB_CLI_PATH);
}

// processlab-cli as a user runs it: exit code (-1: crashed or timed out), stdout, stderr.
struct CliResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

inline CliResult runCli(const QStringList &arguments, int timeoutMs = 60000, const QString &workingDirectory = {},
                        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setWorkingDirectory(workingDirectory);
    process.setProcessEnvironment(environment);
    process.start(cliPath(), arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
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

// True while the pid names a live process. Linux: a zombie (exited, not yet reaped) counts
// as gone. Other Unix systems: kill(pid, 0), which counts an unreaped zombie as alive (a
// stricter check). Windows: the process handle's exit code.
inline bool processAlive(qint64 pid)
{
#if defined(Q_OS_LINUX)
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    return close > 0 && text.size() > close + 2 && text.at(close + 2) != 'Z';
#elif defined(Q_OS_UNIX)
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
#elif defined(Q_OS_WIN)
    HANDLE process = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, static_cast<DWORD>(pid));
    if (!process)
        return false;
    DWORD code = 0;
    const bool alive = GetExitCodeProcess(process, &code) && code == STILL_ACTIVE;
    CloseHandle(process);
    return alive;
#else
#error "processAlive() needs an implementation for this platform"
#endif
}

// Ends a process at once (SIGKILL; TerminateProcess on Windows). False if it could not.
inline bool killProcess(qint64 pid)
{
#ifdef Q_OS_WIN
    HANDLE process = OpenProcess(PROCESS_TERMINATE, FALSE, static_cast<DWORD>(pid));
    if (!process)
        return false;
    const bool ok = TerminateProcess(process, 1);
    CloseHandle(process);
    return ok;
#else
    return ::kill(static_cast<pid_t>(pid), SIGKILL) == 0;
#endif
}

// The pids of pid's children; Linux only (/proc), empty elsewhere: callers QSKIP.
inline QList<qint64> childPidsOf(qint64 pid)
{
    QList<qint64> pids;
    QFile children(QStringLiteral("/proc/%1/task/%1/children").arg(pid));
    if (children.open(QIODevice::ReadOnly)) {
        for (const QByteArray &p : children.readAll().split(' ')) {
            if (!p.trimmed().isEmpty())
                pids.append(p.trimmed().toLongLong());
        }
    }
    return pids;
}

#ifdef Q_OS_LINUX
inline constexpr bool canListChildren = true;
#else
inline constexpr bool canListChildren = false;
#endif

inline QList<qint64> workerPids(const RunRecord &record)
{
    QList<qint64> pids;
    for (const ProcessSummary &p : summarize(record).processes) {
        if (p.id != mainProcessId && p.pid)
            pids.append(p.pid);
    }
    return pids;
}

// Waits up to timeoutMs (a generous sanity limit) for all pids to be gone.
inline bool allGone(const QList<qint64> &pids, int timeoutMs = 10000)
{
    return QTest::qWaitFor([&] { return std::none_of(pids.cbegin(), pids.cend(), processAlive); }, timeoutMs);
}

// Shared memory a run left behind in tempDir (HostSegment's key files, processlab-<pid>-<hex>-<id>):
// each as "<name> (segment exists)" or "<name> (key file only)"; empty when all is clean.
// Windows: file mappings have no files; always empty.
inline QStringList leftoverSegments(const QString &tempDir)
{
    QStringList leftovers;
#ifdef Q_OS_UNIX
    static const QRegularExpression pattern(QStringLiteral("^processlab-[0-9]+-[0-9a-f]{16}-[0-9]+$"));
    const QDir dir(tempDir);
    for (const QString &name : dir.entryList({QStringLiteral("processlab-*")}, QDir::Files | QDir::System | QDir::Hidden)) {
        if (!pattern.match(name).hasMatch())
            continue;
        const key_t key = ::ftok(QFile::encodeName(dir.filePath(name)).constData(), 'Q');
        const bool segmentExists = key != -1 && ::shmget(key, 0, 0) != -1;
        leftovers.append(name + (segmentExists ? QStringLiteral(" (segment exists)") : QStringLiteral(" (key file only)")));
    }
#else
    Q_UNUSED(tempDir);
#endif
    return leftovers;
}

} // namespace ProcessLab::TestSupport
