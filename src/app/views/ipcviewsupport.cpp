// SPDX-License-Identifier: MIT
#include "ipcviewsupport.h"

#include "output/processstatustext.h"

#include <QLocale>

namespace ProcessLab {

QString IpcViewText::processName(const RunSummary &summary, int process)
{
    // The panes', timeline's and topology's names (生产者 1, 主进程), not the recorded English role.
    if (const ProcessSummary *known = summary.process(process); known && !known->role.isEmpty())
        return ProcessStatusText::roleName(*known);
    return tr("process %1").arg(process);
}

QString IpcViewText::timeText(const RunSummary &summary, qint64 absoluteNs)
{
    if (absoluteNs <= 0)
        return QString();
    return tr("%1 ms").arg(QLocale().toString(double(absoluteNs - summary.startNs) / 1e6, 'f', 1));
}

QString IpcViewText::sampledNote(qint64 budget)
{
    return tr("Past %1 operations only counters are recorded: the items themselves are no longer shown.")
        .arg(QLocale().toString(budget));
}

} // namespace ProcessLab
