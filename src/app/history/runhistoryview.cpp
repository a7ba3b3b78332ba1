// SPDX-License-Identifier: MIT
#include "runhistoryview.h"

#include "runcomparedialog.h"
#include "runhistorymodel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace ProcessLab {

RunHistoryView::RunHistoryView(RunHistoryModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_table(new QTableView(this))
    , m_compare(new QPushButton(this))
    , m_hint(new QLabel(this))
{
    m_table->setModel(model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::MultiSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_hint, 1);
    buttons->addWidget(m_compare);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_table);
    layout->addLayout(buttons);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RunHistoryView::updateButton);
    connect(model, &QAbstractItemModel::rowsInserted, this, [this] { m_table->resizeColumnsToContents(); });
    connect(m_compare, &QPushButton::clicked, this, [this] {
        const QModelIndexList rows = m_table->selectionModel()->selectedRows();
        if (rows.size() == 2) // older run on the left
            compareRows(qMax(rows.at(0).row(), rows.at(1).row()), qMin(rows.at(0).row(), rows.at(1).row()));
    });
    retranslate();
    updateButton();
}

void RunHistoryView::compareRows(int first, int second)
{
    auto *dialog = new RunCompareDialog(m_model->entry(first), m_model->entry(second), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void RunHistoryView::updateButton()
{
    m_compare->setEnabled(m_table->selectionModel()->selectedRows().size() == 2);
}

void RunHistoryView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void RunHistoryView::retranslate()
{
    m_model->retranslate();
    m_table->resizeColumnsToContents();
    m_compare->setText(tr("Compare side by side"));
    m_hint->setText(tr("Select two runs (e.g. 1 worker and 4 workers, or ProcessLab and Python) to compare them."));
}

} // namespace ProcessLab
