// SPDX-License-Identifier: MIT
#pragma once

#include "runhistorymodel.h"

#include <QDialog>

namespace ProcessLab {

// Two runs side by side: settings, wall time, and per process spawn->ready, run time, exit.
class RunCompareDialog : public QDialog
{
    Q_OBJECT
public:
    RunCompareDialog(const RunHistoryModel::Entry &left, const RunHistoryModel::Entry &right,
                     QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild(); // fills the dialog in the current language

    RunHistoryModel::Entry m_left;
    RunHistoryModel::Entry m_right;
    QWidget *m_content = nullptr;
};

} // namespace ProcessLab
