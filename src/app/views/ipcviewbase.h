// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

namespace ProcessLab {

class RunController;
struct RunSummary;

// Base of the queue, pipe and shared-memory views: fed only by the RunController's signals
// (its summary's IpcObjectStates), reset when a run is replaced, and redrawn at most
// maxRefreshHz times a second, and only while visible and when the fold changed — a queue
// at full speed changes it thousands of times a second; the view samples it.
class IpcViewBase : public QWidget
{
    Q_OBJECT
public:
    static constexpr int minimumRefreshMs = 33; // ~30 Hz

    explicit IpcViewBase(RunController *controller, QWidget *parent = nullptr);

    // Brings the view up to date now (tests; the throttle otherwise decides).
    void refreshNow();
    int refreshCount() const { return m_refreshes; }

protected:
    // Rebuild from summary (the controller's; a new run's is empty).
    virtual void rebuild(const RunSummary &summary) = 0;
    virtual void reset() = 0;
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;
    RunController *controller() const { return m_controller; }

private:
    void summaryChanged();

    RunController *m_controller;
    QTimer m_deferred;
    QElapsedTimer m_sinceRefresh;
    quint64 m_shownRevision = ~quint64(0);
    int m_refreshes = 0;
};

} // namespace ProcessLab
