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
};

} // namespace ProcessLab
