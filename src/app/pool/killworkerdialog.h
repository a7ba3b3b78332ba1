// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QString>

#include <functional>

class QMessageBox;
class QWidget;

namespace ProcessLab {

class PoolTaskSpans;
struct ProcessSummary;

// "Kill this worker…": the confirmation says what will happen before ProcessLab kills a pool
// worker on purpose (its current task is reported lost, the pool starts a replacement, and
// Python's own Pool would hang on that task instead).
class KillWorkerDialog
{
    Q_DECLARE_TR_FUNCTIONS(ProcessLab::KillWorkerDialog)
public:
    static QString question(const ProcessSummary &worker, const PoolTaskSpans &pool);
    // Asks without blocking (window-modal, open()); calls kill when the user confirms. The
    // box deletes itself when closed.
    static QMessageBox *ask(QWidget *parent, const ProcessSummary &worker, const PoolTaskSpans &pool,
                            std::function<void()> kill);
};

} // namespace ProcessLab
