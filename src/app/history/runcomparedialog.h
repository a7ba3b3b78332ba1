// SPDX-License-Identifier: MIT
#pragma once

#include "runhistorymodel.h"

#include <QDialog>

namespace ProcessLab {

// Two runs side by side: runner, settings, wall time; per process spawn->ready, run time,
// output lines, exit; operations per shared object; then what differs (a native and a Python
// run of one example: what Python's start-up costs per process, what is the same). Every
// number comes from the runs' RunSummary.
class RunCompareDialog : public QDialog
{
    Q_OBJECT
public:
    RunCompareDialog(const RunHistoryModel::Entry &left, const RunHistoryModel::Entry &right,
                     QWidget *parent = nullptr);

    // The lines under the two columns: wall time, start-up, output, exit codes, operations.
    static QStringList differences(const RunHistoryModel::Entry &left, const RunHistoryModel::Entry &right);
    // Spawn -> ready, averaged over the processes the program started (not Main); -1: none.
    static double meanStartUpMs(const RunSummary &summary);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild(); // fills the dialog in the current language

    RunHistoryModel::Entry m_left;
    RunHistoryModel::Entry m_right;
    QWidget *m_content = nullptr;
};

} // namespace ProcessLab
