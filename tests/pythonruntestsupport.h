// SPDX-License-Identifier: MIT
#pragma once

// Running scripts through PythonRun in tests: a script written into a temp dir, a run waited
// for to its end (on its finished signal, within a sanity limit).

#include "runtime/pythonrun.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <memory>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#include <sys/types.h>
#endif

namespace ProcessLab::TestSupport {

// NAME in DIR with TEXT; empty when it cannot be written.
inline QString writeScript(const QTemporaryDir &dir, const QString &name, const QString &text)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text.toUtf8()) < 0)
        return {};
    return path;
}

// Starts SCRIPT with PYTHON and waits for the run's end; the caller checks status().
inline std::unique_ptr<PythonRun> runPythonToEnd(const QString &python, const QString &script, int timeoutMs,
                                                 const QStringList &arguments = {})
{
    auto run = std::make_unique<PythonRun>(PythonRun::Options{python, script, arguments, {}});
    QSignalSpy finished(run.get(), &PythonRun::finished);
    run->start();
    if (run->status() != PythonRun::Status::Finished)
        finished.wait(timeoutMs);
    return run;
}

// No process has this pid any more. The tests that ask run on Unix only (they QSKIP elsewhere);
// elsewhere this never says "gone", so a check that reached it would fail, not pass silently.
inline bool processIsGone(qint64 pid)
{
#ifdef Q_OS_UNIX
    return ::kill(pid_t(pid), 0) == -1 && errno == ESRCH;
#else
    Q_UNUSED(pid);
    return false;
#endif
}

} // namespace ProcessLab::TestSupport
