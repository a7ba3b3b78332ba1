// SPDX-License-Identifier: MIT
#include "poolview.h"

#include "pooltaskmodel.h"
#include "processcolors.h"
#include "runcontroller.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

namespace ProcessLab {

PoolView::PoolView(QWidget *parent)
    : QWidget(parent)
    , m_model(new PoolTaskModel(this))
    , m_filter(new PoolTaskFilterModel(this))
    , m_filterBox(new QComboBox(this))
    , m_summaryLabel(new QLabel(this))
    , m_table(new QTableView(this))
    , m_countedLabel(new QLabel(this))
{
    m_filter->setSourceModel(m_model);
    m_filterBox->setObjectName(QStringLiteral("poolFilter"));
    for (int i = 0; i < 5; ++i)
        m_filterBox->addItem(QString());
    m_table->setObjectName(QStringLiteral("poolTasks"));
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // record order until the user sorts
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(false); // lost/failed rows carry their own colour
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Fixed row heights and no per-row content sizing: 10,000 rows stay smooth.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(PoolTaskModel::ResultColumn, QHeaderView::Stretch);
    // Widths for what the columns hold (no per-row content sizing: 10,000 rows stay smooth).
    const QFontMetrics fm = m_table->fontMetrics();
    const auto widthFor = [&](const QString &sample) { return fm.horizontalAdvance(sample) + fm.height() * 2; };
    m_table->setColumnWidth(PoolTaskModel::TaskColumn, widthFor(QStringLiteral("10,000")));
    m_table->setColumnWidth(PoolTaskModel::CallColumn, widthFor(QStringLiteral("square × 10 (items 40..49)")));
    m_table->setColumnWidth(PoolTaskModel::WorkerColumn, widthFor(QStringLiteral("PoolWorker-10 (PID 1234567)")));
    for (const int column : {PoolTaskModel::QueuedColumn, PoolTaskModel::StartedColumn, PoolTaskModel::FinishedColumn,
                             PoolTaskModel::DurationColumn})
        m_table->setColumnWidth(column, widthFor(QStringLiteral("000.000 s")));
    m_table->setColumnWidth(PoolTaskModel::StateColumn, widthFor(QStringLiteral("unfinished")));
    m_countedLabel->setObjectName(QStringLiteral("poolCounted"));
    m_countedLabel->setWordWrap(true);
    m_countedLabel->hide();
    m_summaryLabel->setObjectName(QStringLiteral("poolSummary"));

    auto *top = new QHBoxLayout;
    top->addWidget(m_filterBox);
    top->addWidget(m_summaryLabel, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_countedLabel);

    connect(m_filterBox, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_filter->setFilter(PoolTaskFilterModel::Filter(index)); });
    connect(m_model, &PoolTaskModel::progressChanged, this, &PoolView::updateCounted);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &PoolView::updateCounted);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &PoolView::updateCounted);
    connect(m_model, &QAbstractItemModel::modelReset, this, &PoolView::updateCounted);
    // Live: the newest tasks stay in view while the user has not scrolled up.
    QScrollBar *bar = m_table->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this, [this, bar](int value) { m_followEnd = value >= bar->maximum(); });
    connect(bar, &QScrollBar::rangeChanged, this, [this, bar](int, int maximum) {
        if (m_followEnd)
            bar->setValue(maximum);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &PoolView::handleCurrentChanged);
    m_model->setDarkTheme(isDarkPalette(palette()));
    retranslate();
}

void PoolView::setController(RunController *controller)
{
    m_model->setSummary(&controller->summary());
    connect(controller, &RunController::aboutToReplaceRun, m_model, &PoolTaskModel::reset);
    connect(controller, &RunController::runStarted, m_model, [this] {
        if (m_model->rowCount() > 0)
            m_model->reset();
        m_followEnd = true;
    });
    connect(controller, &RunController::eventsAvailable, m_model, &PoolTaskModel::consume);
}

QString PoolView::countedText() const
{
    return m_countedLabel->isHidden() ? QString() : m_countedLabel->text();
}

void PoolView::updateCounted()
{
    const QLocale locale;
    const qint64 untracked = m_model->untrackedTasks();
    if (untracked > 0) {
        m_countedLabel->setText(tr("%1 more tasks, counted: past the first %2 tasks of a pool, tasks are counted, "
                                   "not recorded one by one.")
                                    .arg(locale.toString(untracked))
                                    .arg(locale.toString(qulonglong(poolTaskEventBudget))));
        m_countedLabel->show();
    } else {
        m_countedLabel->clear();
        m_countedLabel->hide();
    }
    qint64 queued = 0, done = 0, failed = 0, lost = 0;
    for (const PoolProgress &pool : m_model->spans().pools()) {
        queued += pool.queued();
        done += pool.done();
        failed += pool.failed;
        lost += pool.lost;
    }
    if (m_model->spans().pools().isEmpty()) {
        m_summaryLabel->setText(tr("No process pool in this run."));
        return;
    }
    QString text = tr("%1 of %2 tasks done").arg(locale.toString(done)).arg(locale.toString(queued));
    if (failed > 0)
        text += tr(", %1 failed").arg(locale.toString(failed));
    if (lost > 0)
        text += tr(", %1 lost").arg(locale.toString(lost));
    m_summaryLabel->setText(text);
}

void PoolView::handleCurrentChanged()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    emit taskSelected(current.data(PoolTaskModel::ProcessRole).toInt(),
                      qsizetype(current.data(PoolTaskModel::TaskIndexRole).toLongLong()));
}

void PoolView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        m_model->setDarkTheme(isDarkPalette(palette()));
    QWidget::changeEvent(event);
}

void PoolView::retranslate()
{
    m_filterBox->setItemText(int(PoolTaskFilterModel::Filter::All), tr("All tasks"));
    m_filterBox->setItemText(int(PoolTaskFilterModel::Filter::Open), tr("Queued or running"));
    m_filterBox->setItemText(int(PoolTaskFilterModel::Filter::Finished), tr("Finished"));
    m_filterBox->setItemText(int(PoolTaskFilterModel::Filter::Problems), tr("Failed, lost or cancelled"));
    m_filterBox->setItemText(int(PoolTaskFilterModel::Filter::Lost), tr("Lost only"));
    m_filterBox->setToolTip(tr("Show only the tasks in this state"));
    updateCounted();
}

} // namespace ProcessLab
