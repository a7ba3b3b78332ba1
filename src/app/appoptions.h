// SPDX-License-Identifier: MIT
#pragma once

#include <QSize>
#include <QStringList>

namespace ProcessLab {

class MainWindow;

// Command line of the desktop app, used for docs, demos and tests:
//   processlab [--example ID] [--set knob=value ...] [--lang zh_CN|en] [--autorun]
//              [--step] [--screenshot FILE.png] [--size WxH]
struct AppOptions
{
    QString example;
    QStringList settings; // "knob=value"
    QString language;     // normalized, empty = remembered or system
    bool autorun = false;
    QString screenshot;
    QSize size;
};

AppOptions parseAppOptions(const QStringList &arguments, QString *error);
// Selects the example, applies knob settings and schedules autorun / screenshot.
bool applyAppOptions(const AppOptions &options, MainWindow *window, QString *error);

} // namespace ProcessLab
