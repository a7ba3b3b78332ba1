// SPDX-License-Identifier: MIT
#include "killworkerdialog.h"

#include "output/processstatustext.h"
#include "record/runsummary.h"

#include <QMessageBox>
#include <QPushButton>

namespace ProcessLab {

QString KillWorkerDialog::question(const ProcessSummary &worker, const PoolTaskSpans &pool)
{
    const QString who = tr("%1 (PID %2)").arg(ProcessStatusText::roleName(worker)).arg(worker.pid);
    const PoolTaskSpan *task = pool.currentTask(worker.id);
    const QString what = task ? (task->call.isEmpty() ? tr("Its current task %1 will be reported lost.").arg(task->task)
                                                      : tr("Its current task %1, %2, will be reported lost.")
                                                            .arg(task->task)
                                                            .arg(task->call))
                              : tr("It is idle now: if it takes a task before it dies, that task is reported lost.");
    return tr("ProcessLab will kill %1 on purpose, as if it had crashed.").arg(who) + u"\n\n" + what + u' '
           + tr("The pool starts a new worker in its place, and the program goes on; the record says that you "
                "killed it.")
           + u"\n\n"
           + tr("Python's own multiprocessing.Pool would not report the loss: the result of that task would "
                "never come, and get() or join() would wait for ever.");
}

QMessageBox *KillWorkerDialog::ask(QWidget *parent, const ProcessSummary &worker, const PoolTaskSpans &pool,
                                  std::function<void()> kill)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Kill this worker?"), question(worker, pool),
                                QMessageBox::Cancel, parent);
    box->setObjectName(QStringLiteral("killWorkerQuestion"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *killButton = box->addButton(tr("Kill the worker"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    QObject::connect(killButton, &QPushButton::clicked, box, [kill = std::move(kill)] { kill(); });
    box->open();
    return box;
}

} // namespace ProcessLab
