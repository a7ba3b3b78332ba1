// SPDX-License-Identifier: MIT
#include "consoleview.h"

#include "outputactions.h"
#include "outputfindbar.h"
#include "outputtoolbar.h"
#include "outputview.h"
#include "processstatustext.h"

#include <QCheckBox>
#include <QEvent>
#include <QVBoxLayout>

namespace ProcessLab {

ConsoleView::ConsoleView(QWidget *parent)
    : QWidget(parent)
    , m_view(new OutputView(this))
    , m_actions(new OutputActions(m_view, this))
    , m_toolBar(new OutputToolBar(m_actions, this))
    , m_findBar(new OutputFindBar(m_view, this, this))
    , m_timestamps(new QCheckBox(m_toolBar))
    , m_prefixes(new QCheckBox(m_toolBar))
{
    m_view->setLineCap(OutputView::defaultConsoleLineCap);
    m_view->setShowProcessPrefix(true);
    m_actions->setSaveBaseName(QStringLiteral("console"));

    m_prefixes->setChecked(true);
    retranslate();
    m_toolBar->addLeadingWidget(m_timestamps);
    m_toolBar->addLeadingWidget(m_prefixes);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_findBar);
    layout->addWidget(m_view, 1);

    connect(m_timestamps, &QCheckBox::toggled, this, [this](bool on) {
        m_view->setShowTimestamps(on);
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

void ConsoleView::setProcessRole(int processId, const QString &recordedRole)
{
    m_roles.insert(processId, recordedRole);
    m_view->setProcessName(processId, ProcessStatusText::roleName(processId, recordedRole));
}

void ConsoleView::retranslate()
{
    m_timestamps->setText(tr("Timestamps"));
    m_prefixes->setText(tr("Prefixes"));
    m_timestamps->setToolTip(tr("Show when each line was printed, in seconds since the run started"));
    m_prefixes->setToolTip(tr("Show which process printed each line"));
    QHash<int, QString> names;
    for (auto it = m_roles.cbegin(); it != m_roles.cend(); ++it)
        names.insert(it.key(), ProcessStatusText::roleName(it.key(), it.value()));
    m_view->setProcessNames(names);
}

void ConsoleView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
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
    m_roles.clear();
    m_view->setProcessNames({});
}

} // namespace ProcessLab
