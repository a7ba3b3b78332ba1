// SPDX-License-Identifier: MIT
#include "sharedview.h"

#include "ipcviewsupport.h"
#include "processcolors.h"
#include "runcontroller.h"
#include "sharedcellsmodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace ProcessLab {

SharedView::SharedView(RunController *controller, QWidget *parent)
    : IpcViewBase(controller, parent)
    , m_status(new QLabel(this))
    , m_lost(new QLabel(this))
    , m_legend(new QLabel(this))
    , m_table(new QTableView(this))
    , m_model(new SharedCellsModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addWidget(m_status);
    layout->addWidget(m_lost);
    layout->addWidget(m_legend);
    layout->addWidget(m_table, 1);
    m_status->setWordWrap(true);
    QFont big = m_lost->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.3);
    m_lost->setFont(big);
    m_legend->setTextFormat(Qt::RichText);
    m_table->setModel(m_model);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(SharedCellsModel::Cell, fontMetrics().horizontalAdvance(u'0') * 18);
    m_table->setColumnWidth(SharedCellsModel::Value, fontMetrics().horizontalAdvance(u'0') * 14);
    m_table->setColumnWidth(SharedCellsModel::Writer, fontMetrics().horizontalAdvance(u'0') * 22);
    reset();
}

QString SharedView::statusText() const
{
    return m_status->text();
}

QString SharedView::lostText() const
{
    return m_lost->isVisible() || !m_lost->text().isEmpty() ? m_lost->text() : QString();
}

void SharedView::reset()
{
    m_model->clear();
    m_status->setText(tr("No Value or Array in this run. Run the shared-memory example to see its cells."));
    m_lost->clear();
    m_lost->setVisible(false);
    m_legend->clear();
}

void SharedView::rebuild(const RunSummary &summary)
{
    const bool dark = isDarkPalette(palette());
    const QLocale locale;
    QStringList lines;
    QStringList lost;
    QList<int> writers;
    for (const IpcObjectState &object : summary.ipcStates.objects()) {
        if (object.kind != IpcObjectKind::Value && object.kind != IpcObjectKind::Array && object.kind != IpcObjectKind::Lock)
            continue;
        const CellsState &cells = object.cells;
        for (const CellState &cell : cells.cells) {
            if (cell.writer != runLevel && !writers.contains(cell.writer))
                writers.append(cell.writer);
        }
        QString line = object.name + QLatin1String(": ");
        if (const int holder = object.reportedLockHolder(); holder != runLevel)
            line += tr("lock held by %1").arg(IpcViewText::processName(summary, holder));
        else if (object.sampled && object.kind == IpcObjectKind::Lock)
            // A Lock's counters count its acquisitions: every one, past the budget too.
            line += tr("lock taken %1 times (sampled: the holder is no longer reported)")
                        .arg(locale.toString(std::max(cells.acquisitions, object.lastCount)));
        else if (object.sampled && cells.acquisitions > 0)
            // A Value's or Array's get_lock(): its counters carry the value and the writes, not
            // the acquisitions, so past the budget the number is a lower bound, never the total.
            line += tr("lock taken at least %1 times (no longer counted past the observation budget, nor its holder)")
                        .arg(locale.toString(cells.acquisitions));
        else if (cells.acquisitions > 0)
            line += tr("lock free");
        else
            line += tr("no lock taken");
        QStringList waiters;
        for (const IpcWait &wait : summary.waits.waits()) {
            if (wait.object == object.id && wait.isOpen())
                waiters.append(IpcViewText::processName(summary, wait.process));
        }
        if (!waiters.isEmpty())
            line += QStringLiteral(" · ") + tr("waiting for it: %1").arg(waiters.join(QLatin1String(", ")));
        if (object.kind == IpcObjectKind::Value && cells.haveCounters)
            line += QStringLiteral(" · ") + tr("%1 writes").arg(locale.toString(cells.writes));
        lines.append(line);
        if (object.kind == IpcObjectKind::Value && cells.haveCounters && cells.acquisitions == 0 && cells.writes > 0) {
            // A lock-off run: the race the example shows, counted as the program prints it.
            lost.append(tr("Lost updates in %1: %2 of %3 writes (writes − value)")
                            .arg(object.name, locale.toString(cells.lostUpdates(object.kind)),
                                 locale.toString(cells.writes)));
        }
    }
    if (lines.isEmpty()) {
        reset();
        return;
    }
    m_status->setText(lines.join(QLatin1Char('\n')));
    m_lost->setText(lost.join(QLatin1Char('\n')));
    m_lost->setVisible(!lost.isEmpty());
    std::sort(writers.begin(), writers.end());
    QStringList legend;
    for (const int writer : writers) {
        const QColor colour = processColor(writer, dark);
        legend.append(QStringLiteral("<span style=\"background-color:%1; color:%2\">&nbsp;%3&nbsp;</span>")
                          .arg(colour.name(), contrastingTextColor(colour).name(),
                               IpcViewText::processName(summary, writer).toHtmlEscaped()));
    }
    m_legend->setText(legend.isEmpty() ? QString() : tr("Last writer: %1").arg(legend.join(QLatin1Char(' '))));
    m_model->rebuild(summary, dark);
}

} // namespace ProcessLab
