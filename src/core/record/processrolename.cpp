// SPDX-License-Identifier: MIT
#include "processrolename.h"

#include "runevent.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace ProcessLab {

QString displayRoleName(int processId, const QString &recordedRole)
{
    // Process 0 of a native run is "Main" (ProcessLab plays the main program); a Python run's
    // is the interpreter itself, named as Python names it ("MainProcess").
    if (processId == mainProcessId && (recordedRole.isEmpty() || recordedRole == QLatin1StringView("Main")))
        return QCoreApplication::translate("ProcessLab::ProcessStatusText", "Main");
    // The examples name their workers "Worker N" (ExampleRegistry); the tutorial's word is 进程 N.
    static const QRegularExpression numbered(QStringLiteral("^(Worker|Producer|Consumer|Sender) ?(\\d*)$"));
    if (const QRegularExpressionMatch match = numbered.match(recordedRole); match.hasMatch()) {
        const QString role = match.captured(1);
        const QString number = match.captured(2);
        // The queue and pipe examples' roles (ipcexamples.cpp): 生产者, 消费者, 发送进程.
        if (role == QLatin1StringView("Worker") && !number.isEmpty())
            return QCoreApplication::translate("ProcessLab::ProcessStatusText", "Worker %1").arg(number);
        if (role == QLatin1StringView("Producer"))
            return number.isEmpty() ? QCoreApplication::translate("ProcessLab::ProcessStatusText", "Producer")
                                    : QCoreApplication::translate("ProcessLab::ProcessStatusText", "Producer %1").arg(number);
        if (role == QLatin1StringView("Consumer"))
            return number.isEmpty() ? QCoreApplication::translate("ProcessLab::ProcessStatusText", "Consumer")
                                    : QCoreApplication::translate("ProcessLab::ProcessStatusText", "Consumer %1").arg(number);
        if (role == QLatin1StringView("Sender") && number.isEmpty())
            return QCoreApplication::translate("ProcessLab::ProcessStatusText", "Sender");
    }
    return recordedRole.isEmpty()
               ? QCoreApplication::translate("ProcessLab::ProcessStatusText", "Process %1").arg(processId)
               : recordedRole;
}

QString displayRoleName(const QString &recordedRole)
{
    return displayRoleName(recordedRole == QLatin1StringView("Main") ? mainProcessId : -1, recordedRole);
}

} // namespace ProcessLab
