// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

namespace ProcessLab::Cli {

// Turns Ctrl+C (SIGINT/SIGTERM, or the Windows console event) into a Qt signal delivered
// on the event loop, so the run can stop its workers cleanly instead of dying mid-way.
class InterruptHandler : public QObject
{
    Q_OBJECT
public:
    explicit InterruptHandler(QObject *parent = nullptr);
    ~InterruptHandler() override;

signals:
    void interrupted(int signalNumber);
};

} // namespace ProcessLab::Cli
