// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QTimer>

#include <deque>

namespace ProcessLab {

class OutputView;

// One timer for all output views. Every ~10 ms it lets the views with pending lines
// render, round-robin, within one shared time budget, then returns to the event loop.
// With 16 panes and a console flooding at once, a tick still blocks the UI for about
// the budget, not sixteen times it (one timer per view would fire all at once).
class OutputDrainScheduler : public QObject
{
    Q_OBJECT
public:
    static OutputDrainScheduler *instance();

    void request(OutputView *view);
    void remove(OutputView *view);

    // Wall time of the longest tick since the last reset (the flood test reports it).
    qint64 longestTickNs() const { return m_longestTickNs; }
    int ticks() const { return m_ticks; }
    void resetStats();

private:
    explicit OutputDrainScheduler(QObject *parent);
    void handleTick();

    QTimer m_timer;
    std::deque<OutputView *> m_queue; // views with pending work, next first
    qint64 m_longestTickNs = 0;
    int m_ticks = 0;
};

} // namespace ProcessLab
