// SPDX-License-Identifier: MIT
#pragma once

#include <QSize>
#include <QStringList>

namespace ProcessLab {

class MainWindow;

// Command line of the desktop app, used for docs, demos and tests:
//   processlab [--example ID] [--set knob=value ...] [--lang zh_CN|en] [--theme T] [--autorun]
//              [--screenshot FILE.png [--screenshot-delay MS]] [--size WxH] [--presenter]
//              [--view NAME] [--replay RECORD.json]
//              [--walkthrough ID|FILE.json [--autoplay [--pace S] [--loop]] [--handout FILE.pdf|DIR]]
//              [--python] [--python-script FILE.py [-- script arguments]]
struct AppOptions
{
    QString example;
    QStringList settings; // "knob=value"
    QString language;     // normalized, empty = remembered or system
    QString theme;        // system/light/dark, empty = remembered
    bool autorun = false;
    QString screenshot;
    int screenshotDelayMs = -1; // with --autorun: shoot this long after the start, mid-run
    QSize size;
    bool presenter = false; // start in presenter mode (not remembered)
    QString view;           // bottom tab to show: one of appViewNames()
    QString replay;         // a saved run record to replay (File → Open Run…)
    QString walkthrough;    // a shipped walkthrough's id, or a walkthrough file (.json)
    bool autoplay = false;  // the walkthrough plays by itself
    double paceSeconds = 4; // autoplay: pause before each action and after each outcome
    bool loop = false;      // autoplay: start again at the end
    QString handout;        // autoplay, then write this PDF (.pdf) or PNG folder, and quit
    bool python = false;    // --autorun runs the example's listing with real Python
    QString pythonScript;   // show this .py file and run it with Python (File → Open Python Script…)
    QStringList scriptArguments; // after "--": the script's own arguments
};

// The names --view accepts, in the order of the tabs (MainWindow::viewNames()).
QStringList appViewNames();

// A --walkthrough argument that names a file rather than a shipped walkthrough's id.
bool isWalkthroughFile(const QString &argument);

AppOptions parseAppOptions(const QStringList &arguments, QString *error);
// Selects the example, applies knob settings and schedules autorun / screenshot.
bool applyAppOptions(const AppOptions &options, MainWindow *window, QString *error);
// The app's exit code: 1 instead of 0 when an unattended walkthrough (--handout, or --autoplay
// without --loop) had a step that failed, so a script or CI sees it.
int appExitCode(const AppOptions &options, const MainWindow &window, int eventLoopCode);

} // namespace ProcessLab
