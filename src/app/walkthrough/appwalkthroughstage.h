// SPDX-License-Identifier: MIT
#pragma once

#include "walkthrough/walkthroughsession.h"

#include <QObject>
#include <QPointer>

namespace ProcessLab {

class MainWindow;
class RunController;

// What a walkthrough drives in the app: the window's example selection (the example list
// shows it), its KnobPanel (the controls show the values a step sets) and its RunController
// (the same runs the Run/Step/Stop buttons start). The controller's signals are forwarded to
// the session, so the session sees exactly the record every view projects.
class AppWalkthroughStage : public QObject, public WalkthroughStage
{
    Q_OBJECT
public:
    explicit AppWalkthroughStage(MainWindow *window, QObject *parent = nullptr);

    // The session the controller's signals go to (null: none).
    void setSession(WalkthroughSession *session);

    void selectExample(const QString &exampleId) override;
    void setKnobs(const QVariantMap &resolvedKnobs) override;
    void startRun(bool stepMode) override;
    void stepMain() override;
    void continueRun() override;
    void pauseMain() override;
    void stopRun() override;
    bool isRunActive() const override;
    bool isStepping() const override;

private:
    void startNow(bool stepMode);
    void forwardRunFinished(int exitCode);

    MainWindow *m_window;
    // Null once the window's controller is gone (the window closing): nothing to drive then.
    QPointer<RunController> m_controller;
    QPointer<WalkthroughSession> m_session;
    // A (re)start asked for while a run was active: the old run ends first, and its end is
    // not the session's business (it waits for the new run).
    bool m_restartPending = false;
    bool m_restartStepMode = false;
};

} // namespace ProcessLab
