// SPDX-License-Identifier: MIT
#include "outputdrainscheduler.h"

#include "outputview.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPointer>

#include <algorithm>
#include <chrono>

using namespace std::chrono_literals;

namespace ProcessLab {

namespace {
constexpr auto tickInterval = 10ms;
constexpr qint64 tickBudgetNs = 8'000'000;
constexpr qint64 minimumSliceNs = 1'000'000; // less than this is not worth starting a view
} // namespace

OutputDrainScheduler *OutputDrainScheduler::instance()
{
    // Owned by the application object, so it never outlives the event loop it uses.
    static QPointer<OutputDrainScheduler> scheduler;
    if (!scheduler)
        scheduler = new OutputDrainScheduler(QCoreApplication::instance());
    return scheduler;
}

OutputDrainScheduler::OutputDrainScheduler(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(tickInterval);
    connect(&m_timer, &QTimer::timeout, this, &OutputDrainScheduler::handleTick);
}

void OutputDrainScheduler::request(OutputView *view)
{
    if (std::find(m_queue.cbegin(), m_queue.cend(), view) == m_queue.cend())
        m_queue.push_back(view);
    if (!m_timer.isActive())
        m_timer.start();
}

void OutputDrainScheduler::remove(OutputView *view)
{
    m_queue.erase(std::remove(m_queue.begin(), m_queue.end(), view), m_queue.end());
}

void OutputDrainScheduler::resetStats()
{
    m_longestTickNs = 0;
    m_ticks = 0;
}

void OutputDrainScheduler::handleTick()
{
    QElapsedTimer clock;
    clock.start();
    // Each view at most once per tick; one that still has work goes to the back, so the
    // next tick starts with the views this one did not reach.
    for (std::size_t turns = m_queue.size(); turns > 0 && !m_queue.empty(); --turns) {
        const qint64 remaining = tickBudgetNs - clock.nsecsElapsed();
        if (remaining < minimumSliceNs)
            break;
        OutputView *view = m_queue.front();
        m_queue.pop_front();
        if (view->drainSlice(remaining))
            m_queue.push_back(view);
    }
    m_longestTickNs = std::max(m_longestTickNs, clock.nsecsElapsed());
    ++m_ticks;
    if (!m_queue.empty())
        m_timer.start();
}

} // namespace ProcessLab
