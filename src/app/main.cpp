// SPDX-License-Identifier: MIT
// processlab: the desktop app.
#include "appoptions.h"
#include "language.h"
#include "mainwindow.h"
#include "theme.h"
#include "runtime/interrupthandler.h"
#include "runtime/platformjob.h"

#include <QApplication>
#include <QSettings>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("ProcessLab"));
    QCoreApplication::setApplicationName(QStringLiteral("ProcessLab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROCESSLAB_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/processlab.svg")));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.processlab.ProcessLab")); // Wayland: icon and menu entry

    // Windows job object; no-op elsewhere. A failure is only a warning (platformjob.h):
    // workers still exit when their control connection closes.
    QString jobError;
    if (!ProcessLab::ensureChildrenDieWithHost(&jobError))
        std::fprintf(stderr, "processlab: warning: %s\n", qUtf8Printable(jobError));

    // SIGTERM/SIGINT/SIGHUP quit through the event loop, so the run ends its workers and
    // removes its socket file as on a normal quit.
    ProcessLab::InterruptHandler interrupts;

    QString error;
    const ProcessLab::AppOptions options = ProcessLab::parseAppOptions(app.arguments(), &error);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "processlab: %s\n", qUtf8Printable(error));
        return 2;
    }
    const QString language = !options.language.isEmpty()
                                 ? options.language
                                 : QSettings().value(QStringLiteral("ui/language"), ProcessLab::Language::systemDefault()).toString();
    ProcessLab::Language::apply(language);
    ProcessLab::Theme::apply(!options.theme.isEmpty()
                                 ? options.theme
                                 : QSettings().value(QStringLiteral("ui/theme"), QStringLiteral("system")).toString());

    ProcessLab::MainWindow window;
    if (!ProcessLab::applyAppOptions(options, &window, &error)) {
        std::fprintf(stderr, "processlab: %s\n", qUtf8Printable(error));
        return 2;
    }
    // Not QCoreApplication::quit(): that closes the window, which asks the user first.
    QObject::connect(&interrupts, &ProcessLab::InterruptHandler::interrupted, &window,
                     &ProcessLab::MainWindow::stopRunAndQuit);
    window.show();
    return ProcessLab::appExitCode(options, window, app.exec());
}
