// SPDX-License-Identifier: MIT
#include "outputarea.h"

#include "cpusparkline.h"
#include "outputpane.h"
#include "outputview.h"
#include "processcolors.h"
#include "processlistmodel.h"

#include <QCheckBox>
#include <QEvent>
#include <QGridLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace ProcessLab {

namespace {
QIcon stateDot(ProcessState state, bool dark, int size, qreal devicePixelRatio)
{
    QPixmap pixmap(QSize(size, size) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(stateColor(state, dark));
    const qreal inset = size * 0.2;
    painter.drawEllipse(QRectF(inset, inset, size - 2 * inset, size - 2 * inset));
    return QIcon(pixmap);
}
} // namespace

OutputArea::OutputArea(QWidget *parent)
    : QWidget(parent)
    , m_helperToggle(new QCheckBox(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_list(new QTableView(m_splitter))
    , m_model(new ProcessListModel(this))
    , m_stack(new QStackedWidget(m_splitter))
    , m_scroll(new QScrollArea(m_stack))
    , m_grid(new QWidget(m_scroll))
    , m_gridLayout(new QGridLayout(m_grid))
    , m_placeholder(new QLabel(m_grid))
    , m_tabs(new QTabWidget(m_stack))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_helperToggle);
    layout->addWidget(m_splitter);
    m_helperToggle->setObjectName(QStringLiteral("showHelperProcesses"));
    m_helperToggle->hide();
    connect(m_helperToggle, &QCheckBox::toggled, this, &OutputArea::setShowHelpers);

    m_list->setModel(m_model);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setAlternatingRowColors(true);
    m_list->setWordWrap(false);
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->verticalHeader()->hide();
    // The numbers keep their width; the name takes what is left and elides (its tool tip
    // is whole), so the list never needs sideways scrolling in a narrow window.
    m_list->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->horizontalHeader()->setSectionResizeMode(ProcessListModel::Name, QHeaderView::Stretch);
    m_list->horizontalHeader()->setStretchLastSection(false);
    m_list->horizontalHeader()->setMinimumSectionSize(m_list->fontMetrics().horizontalAdvance(QStringLiteral("W…")) + 8);
    updateListMetrics();
    // Cells widen as the run goes on (ResizeToContents): the CPU column may have to give way.
    connect(m_list->horizontalHeader(), &QHeaderView::sectionResized, this, &OutputArea::fitListColumns,
            Qt::QueuedConnection);
    m_list->viewport()->installEventFilter(this); // ... or the room shrinks (a scroll bar appears)
    connect(m_list->horizontalScrollBar(), &QScrollBar::rangeChanged, this, &OutputArea::fitListColumns,
            Qt::QueuedConnection); // ... or the sections overflow after all
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this, &OutputArea::handleListSelection);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &OutputArea::selectRows);
    connect(m_model, &QAbstractItemModel::modelReset, this, &OutputArea::selectRows);

    const int spacing = fontMetrics().horizontalAdvance(u' ') / 2 + 2;
    m_gridLayout->setContentsMargins(spacing, spacing, spacing, spacing);
    m_gridLayout->setSpacing(spacing);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setEnabled(false);
    m_gridLayout->addWidget(m_placeholder, 0, 0);

    m_scroll->setWidget(m_grid);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_tabs->setDocumentMode(true);
    m_tabs->setUsesScrollButtons(true);

    m_stack->addWidget(m_scroll);
    m_stack->addWidget(m_tabs);
    m_splitter->addWidget(m_list);
    m_splitter->addWidget(m_stack);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_list->hide();
    retranslate();
}

void OutputArea::retranslate()
{
    m_placeholder->setText(tr("The output of each process appears here when a run starts."));
    m_list->setToolTip(tr("Select rows to see those processes' output beside Main's (Ctrl+click: several)."));
    m_model->retranslate();
    updateHelperToggle();
    for (OutputPane *pane : std::as_const(m_panes))
        updateTab(pane); // tab titles and tips are read from the panes at call time
}

int OutputArea::processCount() const
{
    const qsizetype hidden = m_showHelpers ? 0 : m_helpers.size();
    return std::max(m_expectedCount, static_cast<int>(m_panes.size() - hidden));
}

bool OutputArea::isCompact() const
{
    return processCount() > compactAbove;
}

bool OutputArea::isShown(int processId) const
{
    if (!m_showHelpers && m_helpers.contains(processId))
        return false;
    return !isCompact() || processId == mainProcessId || m_selected.contains(processId);
}

QList<OutputPane *> OutputArea::shownPanes() const
{
    QList<OutputPane *> shown;
    for (auto it = m_panes.cbegin(); it != m_panes.cend(); ++it) {
        if (isShown(it.key()))
            shown.append(it.value());
    }
    return shown;
}

QSize OutputArea::paneMinimumSize() const
{
    if (!m_panes.isEmpty())
        return m_panes.first()->minimumSizeHint();
    const OutputPane probe(mainProcessId, QStringLiteral("Main")); // before a run: measure one
    return probe.minimumSizeHint();
}

int OutputArea::columnsFor(int count, int width) const
{
    const int byCount = count <= 1 ? 1 : (count <= 4 ? 2 : 3);
    // Every pane reserves the same width whatever it shows, so the columns depend only on
    // the number of panes and the room: they stay put while a run goes on.
    const int minWidth = paneMinimumSize().width();
    // Leave room for the vertical scroll bar, so a third row never forces a horizontal one.
    const int available = width - m_scroll->verticalScrollBar()->sizeHint().width()
                          - m_gridLayout->contentsMargins().left() - m_gridLayout->contentsMargins().right();
    const int spacing = std::max(0, m_gridLayout->horizontalSpacing());
    return std::clamp((available + spacing) / std::max(1, minWidth + spacing), 1, byCount);
}

int OutputArea::columnsFor(int count) const
{
    return columnsFor(count, m_stack->width());
}

int OutputArea::minimumGridWidth() const
{
    const QMargins margins = m_gridLayout->contentsMargins();
    return paneMinimumSize().width() + margins.left() + margins.right() + m_scroll->verticalScrollBar()->sizeHint().width();
}

int OutputArea::heightFor(int panes, int width) const
{
    const int columns = columnsFor(panes, width);
    const int rows = (panes + columns - 1) / columns;
    const QMargins margins = m_gridLayout->contentsMargins();
    return rows * paneMinimumSize().height() + (rows - 1) * std::max(0, m_gridLayout->verticalSpacing())
           + margins.top() + margins.bottom();
}

bool OutputArea::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list->viewport() && event->type() == QEvent::Resize)
        QMetaObject::invokeMethod(this, &OutputArea::fitListColumns, Qt::QueuedConnection);
    return QWidget::eventFilter(watched, event);
}

void OutputArea::fitListColumns()
{
    // The list never needs sideways scrolling: the CPU column (the pane headers show the same)
    // is the first to go when the name, at its narrowest, and the other numbers fill the width.
    if (!m_list->isVisibleTo(this))
        return;
    const QHeaderView *header = m_list->horizontalHeader();
    const QAbstractItemView *view = m_list; // sizeHintForColumn() is public there
    const auto width = [&](int column) { return std::max(header->sectionSizeHint(column), view->sizeHintForColumn(column)); };
    int needed = header->minimumSectionSize() + width(ProcessListModel::Cpu);
    for (int column = 0; column < ProcessListModel::ColumnCount; ++column) {
        if (column != ProcessListModel::Name && column != ProcessListModel::Cpu)
            needed += width(column);
    }
    // What the sections really take decides too: a content change that resized no section (or
    // a pixel of rounding in the stretched name) can still leave a sideways scroll bar.
    const bool overflows = m_list->horizontalScrollBar()->maximum() > 0;
    const bool hide = needed > m_list->viewport()->width() || (overflows && !m_list->isColumnHidden(ProcessListModel::Cpu));
    if (!hide && m_list->isColumnHidden(ProcessListModel::Cpu) && needed + header->minimumSectionSize() > m_list->viewport()->width())
        return; // shown again it would overflow at once: stay hidden (no flicker)
    if (hide != m_list->isColumnHidden(ProcessListModel::Cpu))
        m_list->setColumnHidden(ProcessListModel::Cpu, hide);
}

void OutputArea::updateListMetrics()
{
    // Dense rows: 64 workers should not need a screen of scrolling.
    const QFontMetrics fm = m_list->fontMetrics();
    m_list->verticalHeader()->setMinimumSectionSize(fm.height() + 2);
    m_list->verticalHeader()->setDefaultSectionSize(fm.height() + 6);
    m_list->setIconSize(QSize(fm.height() * 2 / 3, fm.height() * 2 / 3));
}

void OutputArea::relayout()
{
    const bool compact = isCompact();
    if (compact && !m_list->isVisibleTo(this)) {
        // The panes below get what Main's and the selection's need (a third to a half);
        // the list the rest, so that many rows can be seen at once.
        const int height = m_splitter->height();
        const int needed = heightFor(static_cast<int>(std::max<qsizetype>(2, shownPanes().size())), m_splitter->width());
        const int panes = std::clamp(needed, height / 3, std::max(height / 3, height / 2));
        m_splitter->setSizes({std::max(0, height - panes), panes});
    }
    m_list->setVisible(compact);
    m_placeholder->setVisible(m_panes.isEmpty() && m_mode == LayoutMode::Grid);
    const QList<OutputPane *> shown = shownPanes();
    if (m_mode == LayoutMode::Tabs) {
        for (OutputPane *pane : std::as_const(m_panes)) {
            if (const int index = m_tabs->indexOf(pane); index >= 0 && !shown.contains(pane)) {
                m_tabs->removeTab(index);
                pane->hide();
            }
        }
        for (int i = 0; i < shown.size(); ++i) {
            OutputPane *pane = shown.at(i);
            if (m_tabs->indexOf(pane) != i) {
                if (const int index = m_tabs->indexOf(pane); index >= 0)
                    m_tabs->removeTab(index);
                m_tabs->insertTab(i, pane, pane->displayName());
            }
            updateTab(pane);
        }
        m_stack->setCurrentWidget(m_tabs);
        return;
    }
    const int columns = columnsFor(static_cast<int>(compact ? shown.size() : processCount()));
    m_columns = columns;
    for (OutputPane *pane : std::as_const(m_panes))
        m_gridLayout->removeWidget(pane);
    for (int c = 0; c < m_gridLayout->columnCount(); ++c)
        m_gridLayout->setColumnStretch(c, 0);
    for (int r = 0; r < m_gridLayout->rowCount(); ++r)
        m_gridLayout->setRowStretch(r, 0);
    int index = 0;
    for (OutputPane *pane : std::as_const(m_panes)) {
        if (!shown.contains(pane)) {
            pane->hide();
            continue;
        }
        const int row = index / columns;
        m_gridLayout->addWidget(pane, row, index % columns);
        m_gridLayout->setRowStretch(row, 1);
        pane->show();
        ++index;
    }
    if (!shown.isEmpty()) {
        for (int c = 0; c < columns; ++c)
            m_gridLayout->setColumnStretch(c, 1);
    }
    m_stack->setCurrentWidget(m_scroll);
}

OutputPane *OutputArea::pane(int processId) const
{
    return m_panes.value(processId, nullptr);
}

QList<OutputPane *> OutputArea::panes() const
{
    return m_panes.values();
}

OutputPane *OutputArea::paneFor(int processId, const QString &role)
{
    if (OutputPane *existing = pane(processId))
        return existing;
    auto *pane = new OutputPane(processId, role, m_grid);
    pane->hide(); // relayout() shows it where it belongs
    if (m_lineCap > 0)
        pane->view()->setLineCap(m_lineCap);
    connect(pane, &OutputPane::statusChanged, this, [this, pane] { updateTab(pane); });
    connect(pane, &OutputPane::killRequested, this, &OutputArea::killWorkerRequested);
    m_panes.insert(processId, pane);
    relayout();
    return pane;
}

void OutputArea::setExpectedProcessCount(int count)
{
    if (count == m_expectedCount)
        return;
    m_expectedCount = count;
    relayout();
}

void OutputArea::updateSummary(const RunSummary &summary, const PoolTaskSpans &pool, qint64 nowNs, bool liveRun)
{
    for (const ProcessSummary &p : summary.processes) {
        if (OutputPane *target = pane(p.id)) {
            target->setPoolActivity(ProcessStatusText::poolWorkerActivity(pool, p));
            target->setKillable(liveRun && pool.isPoolWorker(p.id) && p.state == ProcessState::Running);
            target->updateProcess(p, nowNs);
            target->cpuSparkline()->setSamples(summary.resources, p, nowNs);
        }
    }
    if (isCompact()) { // the list is only shown then
        m_model->setSummary(summary, nowNs);
        fitListColumns();
    }
}

void OutputArea::updateTab(OutputPane *pane)
{
    const int index = m_tabs->indexOf(pane);
    if (index < 0)
        return;
    m_tabs->setTabText(index, pane->displayName());
    m_tabs->setTabIcon(index, stateDot(pane->state(), isDarkPalette(palette()), fontMetrics().height(), devicePixelRatioF()));
    m_tabs->setTabToolTip(index, pane->displayName() + u" — " + pane->stateText());
}

void OutputArea::setLayoutMode(LayoutMode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    if (mode == LayoutMode::Grid) {
        while (m_tabs->count() > 0)
            m_tabs->removeTab(0); // the panes are re-parented by the grid layout below
        for (OutputPane *pane : std::as_const(m_panes))
            pane->setParent(m_grid);
    }
    relayout();
    emit layoutModeChanged(mode);
}

void OutputArea::showProcesses(const QList<int> &processIds)
{
    m_selected = QSet<int>(processIds.cbegin(), processIds.cend());
    selectRows();
    relayout();
}

void OutputArea::handleListSelection()
{
    if (m_selecting)
        return;
    QSet<int> selected;
    for (const QModelIndex &index : m_list->selectionModel()->selectedRows())
        selected.insert(m_model->processIdAt(index.row()));
    // Rows of processes not created yet (a new run) keep their place in the selection.
    for (const int id : std::as_const(m_selected)) {
        if (m_model->rowOf(id) < 0)
            selected.insert(id);
    }
    if (selected == m_selected)
        return;
    m_selected = selected;
    relayout();
}

void OutputArea::selectRows()
{
    const QScopedValueRollback guard(m_selecting, true);
    QItemSelection selection;
    for (const int id : std::as_const(m_selected)) {
        if (const int row = m_model->rowOf(id); row >= 0)
            selection.select(m_model->index(row, 0), m_model->index(row, ProcessListModel::ColumnCount - 1));
    }
    m_list->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

void OutputArea::setLineCap(int lines)
{
    m_lineCap = lines;
    for (OutputPane *pane : std::as_const(m_panes))
        pane->view()->setLineCap(lines);
}

bool OutputArea::revealEvent(int processId, qsizetype eventIndex)
{
    return focusPane(processId) && pane(processId)->view()->revealEvent(eventIndex);
}

bool OutputArea::focusPane(int processId)
{
    OutputPane *target = pane(processId);
    if (!target)
        return false;
    if (!isShown(processId)) {
        m_selected.insert(processId);
        selectRows();
        relayout();
    }
    if (isCompact()) {
        if (const int row = m_model->rowOf(processId); row >= 0)
            m_list->scrollTo(m_model->index(row, 0));
    }
    if (m_mode == LayoutMode::Tabs)
        m_tabs->setCurrentWidget(target);
    else
        m_scroll->ensureWidgetVisible(target, 0, 0);
    return true;
}

void OutputArea::clear()
{
    const auto old = m_panes;
    m_panes.clear();
    m_expectedCount = 0;
    m_helpers.clear();
    updateHelperToggle();
    m_model->clear();
    for (OutputPane *pane : old) {
        m_gridLayout->removeWidget(pane);
        if (const int index = m_tabs->indexOf(pane); index >= 0)
            m_tabs->removeTab(index);
        pane->hide();
        pane->deleteLater(); // clear() may run from a pane's own signal
    }
    m_scroll->verticalScrollBar()->setValue(0); // a new run starts with Main in view
    relayout();
}

void OutputArea::setHelperProcess(int processId)
{
    if (m_helpers.contains(processId))
        return;
    m_helpers.insert(processId);
    updateHelperToggle();
    relayout();
}

void OutputArea::setShowHelpers(bool show)
{
    if (show == m_showHelpers)
        return;
    m_showHelpers = show;
    m_model->setShowHelpers(show);
    updateHelperToggle();
    relayout();
}

void OutputArea::updateHelperToggle()
{
    m_helperToggle->setVisible(!m_helpers.isEmpty());
    m_helperToggle->setChecked(m_showHelpers);
    //: Python's multiprocessing starts these for itself (a Manager's server process).
    m_helperToggle->setText(tr("Show helper processes (%n)", nullptr, int(m_helpers.size())));
    m_helperToggle->setToolTip(tr("Processes Python's multiprocessing starts for its own work, such as a Manager's "
                                  "server process: hidden unless you want to see them"));
}

void OutputArea::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitListColumns();
    if (m_mode == LayoutMode::Grid && !m_panes.isEmpty()) {
        const int count = static_cast<int>(isCompact() ? shownPanes().size() : processCount());
        if (columnsFor(count) != m_columns)
            relayout();
    }
}

void OutputArea::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    switch (event->type()) {
    case QEvent::PaletteChange:
    case QEvent::FontChange:
        updateListMetrics();
        m_model->setDarkTheme(isDarkPalette(palette()));
        for (OutputPane *pane : std::as_const(m_panes))
            updateTab(pane);
        if (m_mode == LayoutMode::Grid)
            relayout();
        break;
    case QEvent::LanguageChange:
        retranslate();
        break;
    default:
        break;
    }
}

} // namespace ProcessLab
