// SPDX-License-Identifier: MIT
#include "runcomparedialog.h"

#include "output/processstatustext.h"

#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ProcessLab {

namespace {

QWidget *runColumn(const RunHistoryModel::Entry &entry, QWidget *parent)
{
    auto *box = new QGroupBox(
        RunCompareDialog::tr("Run #%1 · %2").arg(entry.number).arg(entry.exampleId), parent);
    auto *layout = new QVBoxLayout(box);
    auto *facts = new QLabel(RunCompareDialog::tr("Settings: %1\nWall time: %2 · Result: %3")
                                 .arg(RunHistoryModel::knobsText(entry.knobs),
                                      RunHistoryModel::msText(entry.summary.wallMs()),
                                      RunHistoryModel::resultText(entry.summary)),
                             box);
    facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(facts);

    const QStringList headers = {RunCompareDialog::tr("Process"), RunCompareDialog::tr("PID"),
                                 RunCompareDialog::tr("Spawn → ready"), RunCompareDialog::tr("Run time"),
                                 RunCompareDialog::tr("Exit")};
    auto *table = new QTableWidget(static_cast<int>(entry.summary.processes.size()), static_cast<int>(headers.size()), box);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (int row = 0; row < entry.summary.processes.size(); ++row) {
        const ProcessSummary &p = entry.summary.processes.at(row);
        const QString status = ProcessStatusText::exitStatus(p); // same words as the pane headers
        const QString exit = status.isEmpty() ? QStringLiteral("–") : status;
        const QStringList cells = {p.role, p.pid ? QString::number(p.pid) : QStringLiteral("–"),
                                   RunHistoryModel::msText(p.spawnToReadyMs()), RunHistoryModel::msText(p.runMs()), exit};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            if (column > 0)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            table->setItem(row, column, item);
        }
    }
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(table);
    return box;
}

} // namespace

RunCompareDialog::RunCompareDialog(const RunHistoryModel::Entry &left, const RunHistoryModel::Entry &right,
                                   QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Compare runs #%1 and #%2").arg(left.number).arg(right.number));
    auto *layout = new QVBoxLayout(this);
    auto *columns = new QHBoxLayout;
    columns->addWidget(runColumn(left, this));
    columns->addWidget(runColumn(right, this));
    layout->addLayout(columns);

    const double a = left.summary.wallMs();
    const double b = right.summary.wallMs();
    if (a > 0 && b > 0) {
        auto *verdict = new QLabel(tr("Run #%1 took %2× the wall time of run #%3.")
                                       .arg(right.number)
                                       .arg(b / a, 0, 'f', 2)
                                       .arg(left.number),
                                   this);
        QFont f = verdict->font();
        f.setBold(true);
        verdict->setFont(f);
        layout->addWidget(verdict);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(1000, 420);
}

} // namespace ProcessLab
