// SPDX-License-Identifier: MIT
#include "consoleview.h"

#include "outputactions.h"
#include "outputfindbar.h"
#include "outputtoolbar.h"
#include "outputview.h"

#include <QCheckBox>
#include <QVBoxLayout>

namespace ProcessLab {

ConsoleView::ConsoleView(QWidget *parent)
    : QWidget(parent)
    , m_view(new OutputView(this))
    , m_actions(new OutputActions(m_view, this))
    , m_toolBar(new OutputToolBar(m_actions, this))
    , m_findBar(new OutputFindBar(m_view, this, this))
    , m_timestamps(new QCheckBox(tr("Timestamps"), m_toolBar))
    , m_prefixes(new QCheckBox(tr("Prefixes"), m_toolBar))
{
    m_view->setLineCap(OutputView::defaultConsoleLineCap);
    m_view->setShowProcessPrefix(true);
    m_actions->setSaveBaseName(QStringLiteral("console"));

    m_timestamps->setToolTip(tr("Show when each line was printed, in seconds since the run started"));
    m_prefixes->setToolTip(tr("Show which process printed each line"));
    m_prefixes->setChecked(true);
    m_toolBar->addLeadingWidget(m_timestamps);
    m_toolBar->addLeadingWidget(m_prefixes);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_findBar);
    layout->addWidget(m_view, 1);

    connect(m_timestamps, &QCheckBox::toggled, this, [this](bool on) {
        m_view->setShowTimestamps(on, m_runStartNs);
        emit showTimestampsChanged(on);
    });
    connect(m_prefixes, &QCheckBox::toggled, this, [this](bool on) {
        m_view->setShowProcessPrefix(on);
        emit showPrefixesChanged(on);
    });
    connect(m_actions, &OutputActions::findRequested, m_findBar, &OutputFindBar::activate);
    connect(m_actions, &OutputActions::filterRequested, m_toolBar, &OutputToolBar::focusFilter);
    setFocusProxy(m_view);
}

void ConsoleView::setRunStartNs(qint64 runStartNs)
{
    m_runStartNs = runStartNs;
    m_view->setShowTimestamps(m_timestamps->isChecked(), runStartNs);
}

void ConsoleView::setProcessName(int processId, const QString &name)
{
    m_view->setProcessName(processId, name);
}

void ConsoleView::setShowTimestamps(bool show)
{
    m_timestamps->setChecked(show);
}

bool ConsoleView::showTimestamps() const
{
    return m_timestamps->isChecked();
}

void ConsoleView::setShowPrefixes(bool show)
{
    m_prefixes->setChecked(show);
}

bool ConsoleView::showPrefixes() const
{
    return m_prefixes->isChecked();
}

void ConsoleView::clear()
{
    m_view->clearLines();
    m_view->setProcessNames({});
}

} // namespace ProcessLab
