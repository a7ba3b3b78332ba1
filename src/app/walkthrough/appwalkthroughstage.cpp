// SPDX-License-Identifier: MIT
#include "appwalkthroughstage.h"

#include "examples/exampleregistry.h"
#include "knobpanel.h"
#include "mainwindow.h"
#include "runcontroller.h"

namespace ProcessLab {

AppWalkthroughStage::AppWalkthroughStage(MainWindow *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_controller(window->controller())
{
    RunController *controller = window->controller();
    // A replay drives the same signals; a walkthrough only follows live runs.
    connect(controller, &RunController::runStarted, this, [this, controller] {
        if (m_session && !controller->isReplaying())
            m_session->runStarted();
    });
    connect(controller, &RunController::eventsAvailable, this,
            [this, controller](const RunRecord &record, qsizetype from, qsizetype to) {
                if (m_session && !controller->isReplaying())
                    m_session->eventsAvailable(record, from, to);
            });
    connect(controller, &RunController::runFinished, this, &AppWalkthroughStage::forwardRunFinished);
}

void AppWalkthroughStage::setSession(WalkthroughSession *session)
{
    m_session = session;
    m_restartPending = false;
}

void AppWalkthroughStage::forwardRunFinished(int exitCode)
{
    RunController *controller = m_controller;
    if (!controller || controller->isReplaying())
        return;
    if (std::exchange(m_restartPending, false)) {
        // Queued: the controller finishes its bookkeeping for the old run first.
        QMetaObject::invokeMethod(this, [this, stepMode = m_restartStepMode] { startNow(stepMode); },
                                  Qt::QueuedConnection);
        return;
    }
    if (m_session && controller->record())
        m_session->runFinished(*controller->record(), exitCode);
}

void AppWalkthroughStage::selectExample(const QString &exampleId)
{
    if (!m_controller)
        return;
    m_controller->leaveReplay(); // the knobs are the user's again, and editable
    m_window->selectExample(exampleId);
    m_window->knobPanel()->resetToDefaults();
}

void AppWalkthroughStage::setKnobs(const QVariantMap &resolvedKnobs)
{
    if (!m_controller)
        return;
    m_controller->leaveReplay();
    m_window->knobPanel()->setValues(resolvedKnobs);
}

void AppWalkthroughStage::startRun(bool stepMode)
{
    RunController *controller = m_controller;
    if (!controller)
        return;
    if (controller->isActive()) {
        m_restartPending = true;
        m_restartStepMode = stepMode;
        controller->stop();
        return;
    }
    startNow(stepMode);
}

void AppWalkthroughStage::startNow(bool stepMode)
{
    RunController *controller = m_controller;
    if (!controller)
        return;
    controller->leaveReplay();
    const ExampleDefinition *example = ExampleRegistry::find(m_window->knobPanel()->exampleId());
    if (!example)
        return;
    if (!controller->startExample(*example, m_window->knobPanel()->values(), stepMode)) {
        // Still active (a run is stopping): start once it has ended.
        m_restartPending = true;
        m_restartStepMode = stepMode;
    }
}

void AppWalkthroughStage::stepMain()
{
    if (m_controller)
        m_controller->step();
}

void AppWalkthroughStage::continueRun()
{
    if (m_controller)
        m_controller->continueRun();
}

void AppWalkthroughStage::pauseMain()
{
    if (m_controller)
        m_controller->pause();
}

void AppWalkthroughStage::stopRun()
{
    m_restartPending = false;
    if (m_controller)
        m_controller->stop();
}

bool AppWalkthroughStage::isRunActive() const
{
    return (m_controller && m_controller->isActive()) || m_restartPending;
}

bool AppWalkthroughStage::isStepping() const
{
    return m_controller && m_controller->isStepping();
}

} // namespace ProcessLab
