// SPDX-License-Identifier: MIT
#include "outputarea.h"

#include "outputpane.h"
#include "outputview.h"
#include "processcolors.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTabWidget>
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
    , m_stack(new QStackedWidget(this))
    , m_scroll(new QScrollArea(m_stack))
    , m_grid(new QWidget(m_scroll))
    , m_gridLayout(new QGridLayout(m_grid))
    , m_placeholder(new QLabel(m_grid))
    , m_tabs(new QTabWidget(m_stack))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

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
    retranslate();
}

void OutputArea::retranslate()
{
    m_placeholder->setText(tr("The output of each process appears here when a run starts."));
    for (OutputPane *pane : std::as_const(m_panes))
        updateTab(pane);
}

int OutputArea::columnsFor(int count) const
{
    const int byCount = count <= 1 ? 1 : (count <= 4 ? 2 : 3);
    int minWidth = fontMetrics().averageCharWidth() * 34;
    for (const OutputPane *pane : m_panes)
        minWidth = std::max(minWidth, pane->minimumSizeHint().width());
    // Leave room for the vertical scroll bar, so a third row never forces a horizontal one.
    const int available = m_scroll->width() - m_scroll->verticalScrollBar()->sizeHint().width()
                          - m_gridLayout->contentsMargins().left() - m_gridLayout->contentsMargins().right();
    const int spacing = std::max(0, m_gridLayout->horizontalSpacing());
    return std::clamp((available + spacing) / std::max(1, minWidth + spacing), 1, byCount);
}

void OutputArea::relayout()
{
    m_placeholder->setVisible(m_panes.isEmpty() && m_mode == LayoutMode::Grid);
    if (m_mode == LayoutMode::Tabs) {
        for (OutputPane *pane : std::as_const(m_panes)) {
            if (m_tabs->indexOf(pane) < 0)
                m_tabs->addTab(pane, pane->displayName());
            updateTab(pane);
        }
        m_stack->setCurrentWidget(m_tabs);
        return;
    }
    const int columns = columnsFor(static_cast<int>(m_panes.size()));
    m_columns = columns;
    for (OutputPane *pane : std::as_const(m_panes))
        m_gridLayout->removeWidget(pane);
    for (int c = 0; c < m_gridLayout->columnCount(); ++c)
        m_gridLayout->setColumnStretch(c, 0);
    for (int r = 0; r < m_gridLayout->rowCount(); ++r)
        m_gridLayout->setRowStretch(r, 0);
    int index = 0;
    for (OutputPane *pane : std::as_const(m_panes)) {
        const int row = index / columns;
        m_gridLayout->addWidget(pane, row, index % columns);
        m_gridLayout->setRowStretch(row, 1);
        pane->show();
        ++index;
    }
    if (!m_panes.isEmpty()) {
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
    if (m_lineCap > 0)
        pane->view()->setLineCap(m_lineCap);
    connect(pane, &OutputPane::statusChanged, this, [this, pane] {
        updateTab(pane);
        // A header that grew (state, elapsed time) can make the columns too narrow.
        if (m_mode == LayoutMode::Grid && columnsFor(static_cast<int>(m_panes.size())) != m_columns)
            relayout();
    });
    m_panes.insert(processId, pane);
    if (m_mode == LayoutMode::Tabs) {
        m_tabs->insertTab(static_cast<int>(m_panes.keys().indexOf(processId)), pane, pane->displayName());
        updateTab(pane);
    }
    relayout();
    return pane;
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

void OutputArea::setLineCap(int lines)
{
    m_lineCap = lines;
    for (OutputPane *pane : std::as_const(m_panes))
        pane->view()->setLineCap(lines);
}

bool OutputArea::revealEvent(int processId, qsizetype eventIndex)
{
    OutputPane *target = pane(processId);
    if (!target)
        return false;
    if (m_mode == LayoutMode::Tabs)
        m_tabs->setCurrentWidget(target);
    else
        m_scroll->ensureWidgetVisible(target, 0, 0);
    return target->view()->revealEvent(eventIndex);
}

void OutputArea::clear()
{
    const auto old = m_panes;
    m_panes.clear();
    for (OutputPane *pane : old) {
        m_gridLayout->removeWidget(pane);
        if (const int index = m_tabs->indexOf(pane); index >= 0)
            m_tabs->removeTab(index);
        pane->hide();
        pane->deleteLater(); // clear() may run from a pane's own signal
    }
    relayout();
}

void OutputArea::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_mode == LayoutMode::Grid && columnsFor(static_cast<int>(m_panes.size())) != m_columns)
        relayout();
}

void OutputArea::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate(); // tab titles and tips are read from the panes at call time
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        for (OutputPane *pane : std::as_const(m_panes))
            updateTab(pane);
        if (m_mode == LayoutMode::Grid)
            relayout();
    }
}

} // namespace ProcessLab
