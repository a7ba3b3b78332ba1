// SPDX-License-Identifier: MIT
#pragma once

// Helpers shared by the tests that drive the desktop app's MainWindow (offscreen): the same
// clean start for every test, and the few steps every such test takes.

#include "testsupport.h"

#include "knobpanel.h"
#include "language.h"
#include "mainwindow.h"
#include "runcontroller.h"

#include <QAction>
#include <QSettings>

namespace ProcessLab::TestSupport {

// For initTestCase(): settings of the test's own, and the test worker for every run.
inline void initGuiTestCase(const char *applicationName)
{
    QCoreApplication::setOrganizationName(QStringLiteral("ProcessLabTests"));
    QCoreApplication::setApplicationName(QString::fromLatin1(applicationName));
    qputenv("PROCESSLAB_WORKER", QByteArray(PROCESSLAB_WORKER_PATH));
}

// For init(): no remembered settings (knob values are remembered per example), in English.
inline void resetGuiState()
{
    QSettings().clear();
    Language::apply(QStringLiteral("en"));
}

inline QAction *action(MainWindow &window, const char *name)
{
    return window.findChild<QAction *>(QString::fromLatin1(name));
}

// Resizes and shows the window, then waits until it is on screen.
inline bool showWindow(MainWindow &window, int width, int height)
{
    window.resize(width, height);
    window.show();
    return QTest::qWaitForWindowExposed(&window);
}

// Sets a knob as typed into the knob panel; says why in the log when the panel refuses it.
inline bool setKnob(MainWindow &window, const QString &name, const QString &value)
{
    QString error;
    const bool ok = window.knobPanel()->setValueFromText(name, value, &error);
    if (!ok)
        qWarning("%s", qPrintable(error));
    return ok;
}

inline bool setKnob(MainWindow &window, const char *name, const char *value)
{
    return setKnob(window, QString::fromLatin1(name), QString::fromLatin1(value));
}

// Selects the example, then sets its workers and sleep knobs.
inline bool setKnobs(MainWindow &window, const QString &example, int workers, const QString &sleep)
{
    window.selectExample(example);
    return setKnob(window, QStringLiteral("workers"), QString::number(workers))
           && setKnob(window, QStringLiteral("sleep"), sleep);
}

// The time limit is a sanity limit only: a busy 2-core machine.
inline bool waitForRunEnd(MainWindow &window, int timeoutMs = 60000)
{
    return QTest::qWaitFor([&] { return !window.controller()->isActive() && window.controller()->run(); }, timeoutMs);
}

} // namespace ProcessLab::TestSupport
