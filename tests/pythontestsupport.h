// SPDX-License-Identifier: MIT
#pragma once

// Running the examples' Python programs with the real interpreter, for tests that compare
// them with ProcessLab's runs.

#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStringList>

namespace ProcessLab::TestSupport {

// Environment for a Python child. PYTHONUNBUFFERED goes: unbuffered, print() writes the
// text and the newline separately, so two workers' lines interleave mid-line
// ("Worker 1 startedWorker 2 started\n\n"). Buffered, each child writes its lines in one
// write() when it exits, so every line arrives whole.
inline QProcessEnvironment pythonEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("PYTHONUNBUFFERED"));
    environment.remove(QStringLiteral("PYTHONSTARTUP"));
    environment.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
    environment.insert(QStringLiteral("PYTHONIOENCODING"), QStringLiteral("utf-8"));
    return environment;
}

// The python3 interpreter itself. A python3 on PATH may be a wrapper script (pyenv's shim
// costs over a second per start): ask it once for sys.executable and run that afterwards.
// Empty when there is no Python 3.
inline QString resolvePython()
{
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (onPath.isEmpty())
        return {};
    QProcess probe;
    probe.setProcessEnvironment(pythonEnvironment());
    probe.start(onPath, {QStringLiteral("-c"), QStringLiteral("import sys; print(sys.executable)")});
    if (!probe.waitForFinished(60000) || probe.exitStatus() != QProcess::NormalExit || probe.exitCode() != 0)
        return onPath;
    const QString real = QString::fromUtf8(probe.readAllStandardOutput()).trimmed();
    return QFileInfo(real).isExecutable() ? real : onPath;
}

// Complete lines of a program's output; a last line without its newline is kept as is, so
// a comparison shows it.
inline QStringList textLines(const QByteArray &output)
{
    QStringList lines = QString::fromUtf8(output).split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    return lines;
}

} // namespace ProcessLab::TestSupport
