// SPDX-License-Identifier: MIT
#include "processstatustext.h"

#include "record/processrolename.h"

#include <QLocale>
#include <QRegularExpression>

namespace ProcessLab {

QString ProcessStatusText::roleName(int processId, const QString &recordedRole)
{
    return displayRoleName(processId, recordedRole);
}

QString ProcessStatusText::state(ProcessState state)
{
    return stateDisplayName(state);
}

bool ProcessStatusText::isPlayedMain(const ProcessSummary &process)
{
    return process.id == mainProcessId && (process.role.isEmpty() || process.role == QLatin1StringView("Main"));
}

std::optional<int> ProcessStatusText::pythonExitCode(const ProcessSummary &process)
{
    // Main is the example's own program, played by the host: it has no exit code.
    if (isPlayedMain(process))
        return std::nullopt;
    return process.pythonExitCode();
}

namespace {
// "0", "−15 (SIGTERM)", "−40": a real minus sign; a name only for signals we know
// ("exit −40" rather than an untranslated "signal 40").
QString exitCodeText(int code)
{
    if (code >= 0)
        return QString::number(code);
    const QString number = QString(QChar(0x2212)) + QString::number(-code);
    const QString name = knownSignalName(-code);
    return name.isEmpty() ? number : number + QStringLiteral(" (") + name + u')';
}
} // namespace

QString ProcessStatusText::exitStatus(const ProcessSummary &process)
{
    const std::optional<int> code = pythonExitCode(process);
    return code ? tr("exit %1").arg(exitCodeText(*code)) : QString();
}

QString ProcessStatusText::exitStatusShort(const ProcessSummary &process)
{
    const std::optional<int> code = pythonExitCode(process);
    return code ? exitCodeText(*code) : QString();
}

QString ProcessStatusText::exitCodeOnly(const ProcessSummary &process)
{
    const std::optional<int> code = pythonExitCode(process);
    if (!code)
        return {};
    return *code >= 0 ? QString::number(*code) : QString(QChar(0x2212)) + QString::number(-*code);
}

QString ProcessStatusText::roleToolTip(const ProcessSummary &process)
{
    // Python names a pool's workers "PoolWorker-N": the name stays, the tool tip says what it is.
    if (process.id != mainProcessId && process.role.startsWith(QLatin1StringView("PoolWorker-")))
        return tr("%1: a worker process of the pool; it runs the tasks the pool hands out").arg(process.role);
    if (process.id == mainProcessId && !isPlayedMain(process))
        return process.pid ? tr("%1: the Python interpreter that runs the program's main module (PID %2)")
                                 .arg(process.role)
                                 .arg(process.pid)
                           : tr("%1: the Python interpreter that runs the program's main module").arg(process.role);
    if (process.id != mainProcessId)
        return roleName(process);
    return process.pid ? tr("Main: the example's main program (if __name__ == \"__main__\":), played by ProcessLab "
                            "in its own process (PID %1)")
                             .arg(process.pid)
                       : tr("Main: the example's main program (if __name__ == \"__main__\":), played by ProcessLab "
                            "in its own process");
}

QString ProcessStatusText::mainProgramStatus(const ProcessSummary &main, const MainProgramPosition &position)
{
    switch (main.state) {
    case ProcessState::Finished:
        return tr("finished");
    case ProcessState::Killed:
        return tr("stopped by you");
    case ProcessState::Failed:
        return main.detail.isEmpty() ? tr("ended: the run failed") : tr("ended: %1").arg(main.detail);
    case ProcessState::Created:
    case ProcessState::Starting:
    case ProcessState::Ready:
    case ProcessState::Running:
        break;
    }
    const QString code = position.source.trimmed();
    switch (position.activity) {
    case MainProgramPosition::Activity::Executing:
        return tr("at line %1: %2").arg(position.line).arg(code);
    case MainProgramPosition::Activity::Waiting:
        return tr("waiting at line %1: %2").arg(position.line).arg(code);
    case MainProgramPosition::Activity::Paused:
        return tr("paused before line %1: %2").arg(position.line).arg(code);
    case MainProgramPosition::Activity::None:
        break;
    }
    return state(main.state);
}

namespace {
// "killed by SIGKILL", "exited with code 3": how a process ended, short.
QString howItEnded(const ProcessSummary &process)
{
    if (process.exitSignal != 0)
        return ProcessStatusText::tr("killed by %1").arg(signalName(process.exitSignal));
    if (process.hasExitStatus)
        return ProcessStatusText::tr("exited with code %1").arg(process.exitCode);
    return ProcessStatusText::state(process.state);
}
} // namespace

PoolWorkerActivity ProcessStatusText::poolWorkerActivity(const PoolTaskSpans &pool, const ProcessSummary &process)
{
    PoolWorkerActivity activity;
    if (!pool.isPoolWorker(process.id))
        return activity;
    const PoolFaultInjection *fault = pool.faultInjection(process.id);
    if (fault) {
        // Not a bug of the program: ProcessLab's fault injection knob killed it.
        activity.faultInjected = true;
        activity.lost = pool.lostTask(process.id) != nullptr;
        if (fault->byUser)
            activity.text = activity.lost ? tr("task %1 lost: you killed this worker (Kill this worker)").arg(pool.lostTask(process.id)->task)
                                          : tr("you killed this worker (Kill this worker)");
        else
            activity.text = activity.lost ? tr("task %1 lost: ProcessLab killed this worker on purpose").arg(pool.lostTask(process.id)->task)
                                          : tr("ProcessLab killed this worker on purpose");
        activity.toolTip = faultInjection(*fault, roleName(process));
        if (const PoolTaskSpan *lost = pool.lostTask(process.id))
            activity.toolTip += u'\n' + lost->result;
        return activity;
    }
    if (const PoolTaskSpan *lost = pool.lostTask(process.id)) {
        activity.lost = true;
        activity.text = tr("task %1 lost: %2").arg(lost->task).arg(howItEnded(process));
        activity.toolTip = lost->call.isEmpty() ? lost->result
                                                : tr("task %1: %2").arg(lost->task).arg(lost->call) + u'\n' + lost->result;
        return activity;
    }
    const QList<qsizetype> &ran = pool.tasksOf(process.id);
    const QLocale locale;
    if (process.hasEnded()) {
        activity.text = tr("tasks done: %1").arg(locale.toString(ran.size()));
    } else if (const PoolTaskSpan *task = pool.currentTask(process.id)) {
        activity.text = task->call.isEmpty() ? tr("task %1").arg(task->task) : tr("task %1: %2").arg(task->task).arg(task->call);
    } else if (const PoolProgress *progress = pool.pool(pool.poolOf(process.id));
               progress && progress->counted && progress->done() < progress->queued()) {
        // Past the pool's per-task events: busy, but with which task is not recorded.
        activity.text = tr("busy: tasks after the first %1 are counted, not tracked").arg(locale.toString(progress->tracked));
    } else {
        activity.text = tr("idle");
    }
    activity.toolTip = activity.text;
    return activity;
}

QString ProcessStatusText::runFailureReason(const RunSummary &run, const PoolTaskSpans &pool)
{
    if (!pool.lostTasks().isEmpty()) {
        const PoolTaskSpan &lost = pool.tasks().at(pool.lostTasks().constFirst());
        const ProcessSummary *worker = run.process(lost.process);
        const QString who = worker ? roleName(*worker) : QString();
        QString text = !worker ? lost.result
                       : pool.faultInjection(lost.process) && pool.faultInjection(lost.process)->byUser
                           ? tr("task %1 lost: you killed %2 (PID %3) on purpose (Kill this worker)")
                                 .arg(lost.task)
                                 .arg(who)
                                 .arg(lost.pid)
                       : pool.faultInjection(lost.process)
                           ? tr("task %1 lost: ProcessLab killed %2 (PID %3) on purpose (fault injection)")
                                 .arg(lost.task)
                                 .arg(who)
                                 .arg(lost.pid)
                           : tr("task %1 lost: %2 (PID %3) %4").arg(lost.task).arg(who).arg(lost.pid).arg(howItEnded(*worker));
        if (pool.lostTasks().size() > 1)
            text += tr(" (and %1 more lost)").arg(pool.lostTasks().size() - 1);
        return text;
    }
    return run.finishReason;
}

QString ProcessStatusText::faultInjection(const PoolFaultInjection &fault, const QString &role)
{
    if (fault.byUser && fault.task == 0)
        return tr("Kill this worker: you had ProcessLab kill %1 (PID %2) while it was idle, to show what a pool does "
                  "when a worker dies. Not a bug in the program.")
            .arg(role)
            .arg(fault.pid);
    if (fault.byUser)
        return tr("Kill this worker: you had ProcessLab kill %1 (PID %2) while it ran task %3, to show what a pool "
                  "does when a worker dies. Not a bug in the program.")
            .arg(role)
            .arg(fault.pid)
            .arg(fault.task);
    return tr("Fault injection: ProcessLab killed %1 (PID %2) on purpose while it ran task %3, to show what a "
              "pool does when a worker dies. Not a bug in the program.")
        .arg(role)
        .arg(fault.pid)
        .arg(fault.task);
}

QString ProcessStatusText::faultNotFired(qint64 afterMs)
{
    return tr("Fault injection: the injected fault did not fire: no task was running after %1 ms, so ProcessLab "
              "killed no worker.")
        .arg(afterMs);
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
