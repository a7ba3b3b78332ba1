// SPDX-License-Identifier: MIT
#include "outputtoolbar.h"

#include "outputactions.h"
#include "outputview.h"

#include <QAction>
#include <QEvent>
#include <QLineEdit>

#include <chrono>

using namespace std::chrono_literals;

namespace ProcessLab {

namespace {
constexpr auto filterTypingDelay = 150ms;
constexpr int filterMinimumPx = 120; // at the default font; grows with larger fonts
} // namespace

OutputToolBar::OutputToolBar(OutputActions *actions, QWidget *parent)
    : QToolBar(parent)
    , m_actions(actions)
    , m_filter(new QLineEdit(this))
{
    setMovable(false);
    setFloatable(false);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    setContentsMargins(0, 0, 0, 0);

    retranslate();
    m_filter->setClearButtonEnabled(true);
    m_filter->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_filter->setMinimumWidth(filterMinimumWidth());
    m_filterAction = addWidget(m_filter);

    addActions({actions->findAction(), actions->copyAction(), actions->clearAction(), actions->saveAction()});

    m_filterDelay.setSingleShot(true);
    m_filterDelay.setInterval(filterTypingDelay);
    connect(&m_filterDelay, &QTimer::timeout, this, &OutputToolBar::applyFilter);
    connect(m_filter, &QLineEdit::textChanged, &m_filterDelay, qOverload<>(&QTimer::start));
    connect(m_filter, &QLineEdit::returnPressed, this, &OutputToolBar::applyFilter);
    connect(actions->view(), &OutputView::filterChanged, this, [this](const QString &filter) {
        if (m_filter->text() != filter)
            m_filter->setText(filter);
    });
}

int OutputToolBar::filterMinimumWidth() const
{
    // 120 px at a 9 pt font, i.e. about 16 average characters; scaled with the font.
    return std::max(filterMinimumPx, m_filter->fontMetrics().averageCharWidth() * 17);
}

void OutputToolBar::retranslate()
{
    m_filter->setPlaceholderText(tr("Filter lines"));
    m_filter->setToolTip(tr("Show only the lines that contain this text (case-insensitive)"));
}

void OutputToolBar::addLeadingWidget(QWidget *widget)
{
    insertWidget(m_filterAction, widget);
}

void OutputToolBar::focusFilter()
{
    show();
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void OutputToolBar::applyFilter()
{
    m_filterDelay.stop();
    m_actions->view()->setFilter(m_filter->text());
}

void OutputToolBar::changeEvent(QEvent *event)
{
    QToolBar::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        m_filter->setMinimumWidth(filterMinimumWidth());
    else if (event->type() == QEvent::LanguageChange)
        retranslate();
}

} // namespace ProcessLab
