// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

namespace ProcessLab {

// Turns SIGINT, SIGTERM and SIGHUP (Windows: the console's Ctrl+C, Ctrl+Break and close
// events) into a Qt signal delivered on the event loop (a self-pipe and a QSocketNotifier
// on Unix), so the host can stop its workers and remove its socket file instead of dying
// mid-way. The CLI stops the run; the app quits, which ends the run. One instance at a time;
// the default actions come back when it is destroyed.
class InterruptHandler : public QObject
{
    Q_OBJECT
public:
    explicit InterruptHandler(QObject *parent = nullptr);
    ~InterruptHandler() override;

signals:
    void interrupted(int signalNumber);
};

} // namespace ProcessLab
