// SPDX-License-Identifier: MIT
#include "runcomparedialog.h"

#include "output/processstatustext.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QLocale>
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
        RunCompareDialog::tr("Run #%1 · %2").arg(entry.number).arg(RunHistoryModel::exampleTitle(entry.exampleId)),
        parent);
    auto *layout = new QVBoxLayout(box);
    auto *facts = new QLabel(RunCompareDialog::tr("Settings: %1\nWall time: %2 · Result: %3")
                                 .arg(RunHistoryModel::knobsText(entry.exampleId, entry.knobs),
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
        // The same words as the pane headers; Main has a status, not an exit code.
        const QString status = p.id == mainProcessId ? ProcessStatusText::mainProgramStatus(p)
                                                     : ProcessStatusText::exitStatus(p);
        const QString exit = status.isEmpty() ? QStringLiteral("–") : status;
        const QStringList cells = {ProcessStatusText::roleName(p), p.pid ? QString::number(p.pid) : QStringLiteral("–"),
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
    , m_left(left)
    , m_right(right)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    rebuild();
    resize(1000, 420);
}

void RunCompareDialog::rebuild()
{
    if (m_content) {
        // Not deleted here: the LanguageChange that got us here is still being sent to the old children.
        layout()->removeWidget(m_content);
        m_content->hide();
        m_content->deleteLater();
    }
    m_content = new QWidget(this);
    layout()->addWidget(m_content);
    setWindowTitle(tr("Compare runs #%1 and #%2").arg(m_left.number).arg(m_right.number));
    auto *layout = new QVBoxLayout(m_content);
    auto *columns = new QHBoxLayout;
    columns->addWidget(runColumn(m_left, m_content));
    columns->addWidget(runColumn(m_right, m_content));
    layout->addLayout(columns);

    const double a = m_left.summary.wallMs();
    const double b = m_right.summary.wallMs();
    if (a > 0 && b > 0) {
        auto *verdict = new QLabel(tr("Run #%1 took %2× the wall time of run #%3.")
                                       .arg(m_right.number)
                                       .arg(QLocale().toString(b / a, 'f', 2))
                                       .arg(m_left.number),
                                   m_content);
        QFont f = verdict->font();
        f.setBold(true);
        verdict->setFont(f);
        layout->addWidget(verdict);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, m_content);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void RunCompareDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        rebuild();
}

} // namespace ProcessLab
