// SPDX-License-Identifier: MIT
#include "processstatustext.h"

#include <QLocale>

namespace ProcessLab {

QString ProcessStatusText::state(ProcessState state)
{
    switch (state) {
    case ProcessState::Created:
        return tr("created");
    case ProcessState::Starting:
        return tr("starting");
    case ProcessState::Ready:
        return tr("ready");
    case ProcessState::Running:
        return tr("running");
    case ProcessState::Finished:
        return tr("finished");
    case ProcessState::Failed:
        return tr("failed");
    case ProcessState::Killed:
        return tr("killed");
    }
    return {};
}

QString ProcessStatusText::signalName(int signal)
{
    // POSIX numbers as on Linux and macOS for the signals a learner meets.
    switch (signal) {
    case 1:
        return QStringLiteral("SIGHUP");
    case 2:
        return QStringLiteral("SIGINT");
    case 3:
        return QStringLiteral("SIGQUIT");
    case 4:
        return QStringLiteral("SIGILL");
    case 6:
        return QStringLiteral("SIGABRT");
    case 8:
        return QStringLiteral("SIGFPE");
    case 9:
        return QStringLiteral("SIGKILL");
    case 11:
        return QStringLiteral("SIGSEGV");
    case 13:
        return QStringLiteral("SIGPIPE");
    case 14:
        return QStringLiteral("SIGALRM");
    case 15:
        return QStringLiteral("SIGTERM");
    default:
        return {};
    }
}

QString ProcessStatusText::exitStatus(const ProcessSummary &process)
{
    if (!process.hasEnded())
        return {};
    if (process.exitSignal != 0) {
        const QString name = signalName(process.exitSignal);
        return name.isEmpty() ? tr("signal %1").arg(process.exitSignal)
                              : tr("signal %1 (%2)").arg(process.exitSignal).arg(name);
    }
    if (process.state == ProcessState::Failed && process.exitCode == 0 && process.pid == 0)
        return {}; // never started: the detail says why
    return tr("exit %1").arg(process.exitCode);
}

QString ProcessStatusText::duration(qint64 ns)
{
    const QLocale locale;
    const double seconds = static_cast<double>(ns) / 1e9;
    if (ns < 1'000'000'000)
        return tr("%1 ms").arg(locale.toString(ns / 1'000'000));
    if (seconds < 10)
        return tr("%1 s").arg(locale.toString(seconds, 'f', 2));
    if (seconds < 100)
        return tr("%1 s").arg(locale.toString(seconds, 'f', 1));
    const qint64 whole = ns / 1'000'000'000;
    return tr("%1:%2 min").arg(whole / 60).arg(whole % 60, 2, 10, QLatin1Char('0'));
}

qint64 ProcessStatusText::elapsedNs(const ProcessSummary &process, qint64 nowNs)
{
    const qint64 from = process.startingNs ? process.startingNs : process.createdNs;
    if (!from)
        return -1;
    const qint64 to = process.endNs ? process.endNs : nowNs;
    return std::max<qint64>(0, to - from);
}

} // namespace ProcessLab
