// SPDX-License-Identifier: MIT
#include "outputtoolbar.h"

#include "outputactions.h"
#include "outputview.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QToolButton>

#include <chrono>

using namespace std::chrono_literals;

namespace ProcessLab {

namespace {
constexpr auto filterTypingDelay = 150ms;
}

OutputToolBar::OutputToolBar(OutputActions *actions, QWidget *parent)
    : QWidget(parent)
    , m_actions(actions)
    , m_layout(new QHBoxLayout(this))
    , m_filter(new QLineEdit(this))
{
    m_layout->setContentsMargins(2, 2, 2, 2);
    m_layout->setSpacing(2);

    retranslate();
    m_filter->setClearButtonEnabled(true);
    m_filter->setMinimumWidth(m_filter->fontMetrics().averageCharWidth() * 8);
    m_layout->addWidget(m_filter, 1);

    for (QAction *action : {actions->findAction(), actions->copyAction(), actions->clearAction(), actions->saveAction()}) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setAutoRaise(true);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        m_layout->addWidget(button);
    }

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

void OutputToolBar::retranslate()
{
    m_filter->setPlaceholderText(tr("Filter lines"));
    m_filter->setToolTip(tr("Show only the lines that contain this text (case-insensitive)"));
}

void OutputToolBar::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void OutputToolBar::addLeadingWidget(QWidget *widget)
{
    m_layout->insertWidget(m_leadingCount++, widget);
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

} // namespace ProcessLab
