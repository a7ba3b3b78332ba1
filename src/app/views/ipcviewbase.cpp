// SPDX-License-Identifier: MIT
#include "ipcviewbase.h"

#include "runcontroller.h"

#include <QEvent>

namespace ProcessLab {

IpcViewBase::IpcViewBase(RunController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
{
    m_deferred.setSingleShot(true);
    connect(&m_deferred, &QTimer::timeout, this, &IpcViewBase::refreshNow);
    connect(controller, &RunController::aboutToReplaceRun, this, [this] {
        m_deferred.stop();
        m_shownRevision = ~quint64(0);
        reset();
    });
    connect(controller, &RunController::tick, this, &IpcViewBase::summaryChanged);
    connect(controller, &RunController::runFinished, this, &IpcViewBase::summaryChanged);
    m_sinceRefresh.start();
}

void IpcViewBase::summaryChanged()
{
    if (!isVisible() || m_deferred.isActive())
        return; // showEvent catches up
    if (m_controller->summary().ipcStates.revision() == m_shownRevision)
        return;
    const qint64 elapsed = m_sinceRefresh.elapsed();
    if (elapsed >= minimumRefreshMs)
        refreshNow();
    else
        m_deferred.start(int(minimumRefreshMs - elapsed));
}

void IpcViewBase::refreshNow()
{
    m_deferred.stop();
    m_sinceRefresh.restart();
    m_shownRevision = m_controller->summary().ipcStates.revision();
    ++m_refreshes;
    rebuild(m_controller->summary());
}

void IpcViewBase::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_controller->summary().ipcStates.revision() != m_shownRevision)
        refreshNow();
}

void IpcViewBase::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::LanguageChange) {
        // rebuild() keeps the placeholder reset() set while the run has no such object:
        // set it again in the new language, then rebuild the rest (now or when shown).
        if (event->type() == QEvent::LanguageChange)
            reset();
        m_shownRevision = ~quint64(0);
        if (isVisible())
            refreshNow();
    }
}

} // namespace ProcessLab
