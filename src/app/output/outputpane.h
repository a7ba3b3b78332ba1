// SPDX-License-Identifier: MIT
#pragma once

#include "processstatustext.h"
#include "record/runsummary.h"

#include <QFrame>

class QFontMetrics;
class QLabel;
class QToolButton;

namespace ProcessLab {

class CpuSparkline;
class ElidedLabel;
class NoteLabel;
class OutputActions;
class OutputFindBar;
class OutputToolBar;
class OutputView;
class PaneHeader;
class StateChip;

// The output of one process: a header (role, PID, state chip, exit status, elapsed
// time, dropped lines), a tool row shown on demand, a find bar (Ctrl+F) and the view.
class OutputPane : public QFrame
{
    Q_OBJECT
public:
    OutputPane(int processId, const QString &role, QWidget *parent = nullptr);

    int processId() const { return m_processId; }
    QString role() const { return m_role; } // as recorded ("Worker 1")
    QString displayName() const;           // as shown, translated ("进程 1")
    void setRole(const QString &role);
    ProcessState state() const { return m_summary.state; }

    OutputView *view() const { return m_view; }
    OutputActions *actions() const { return m_actions; }
    OutputFindBar *findBar() const { return m_findBar; }
    // CPU use over the last seconds and memory (tool tip), fed with the run's samples.
    CpuSparkline *cpuSparkline() const { return m_cpu; }

    // Refreshes the header; called on the app's timer tick (elapsed is live while running).
    void updateProcess(const ProcessSummary &summary, qint64 nowNs);
    // A pool worker's pane: the task it runs, "idle", or the task lost when it died (in red).
    // Shown on the note row instead of the recorded detail; updateProcess() shows it.
    void setPoolActivity(const PoolWorkerActivity &activity) { m_poolActivity = activity; }
    // Main's pane only: where the main program is (shown until the run ends).
    void setMainProgramPosition(const MainProgramPosition &position);

    void setToolsVisible(bool visible);
    bool toolsVisible() const;

    // A live pool worker's pane offers "Kill…" (fault injection on request) in its header.
    void setKillable(bool killable);
    bool isKillable() const { return m_killable; }
    QToolButton *killButton() const { return m_killButton; }

    // Header texts as shown (tests, accessibility).
    QString stateText() const;
    QString exitText() const;
    QString elapsedText() const;
    QString droppedText() const;
    QString detailText() const; // the second row's note (Main: where the main program is)

    // The narrowest width at which the header shows everything that must not elide,
    // whatever the process's state: the grid sizes its columns by it.
    int stableMinimumWidth() const;
    QSize minimumSizeHint() const override;
    // Workers print two lines in the basic examples; a main program prints three (shared: value,
    // array, lost updates): all of them visible without scrolling.
    static constexpr int minimumTextLines = 3;

signals:
    // Role or state changed (the area updates tab titles and icons).
    void statusChanged();
    // "Kill…" was clicked: the app confirms, then asks the run to kill this pool worker.
    void killRequested(int processId);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateDropped();
    // The name has priority on the first row: the elapsed time goes first, then the word
    // "PID", then the PID; only then the name elides.
    void fitFirstRow();
    void fitSecondRow();
    static int widestElapsedWidth(const QFontMetrics &fm);
    void retranslate();

    int m_processId;
    QString m_role;
    ProcessSummary m_summary;
    MainProgramPosition m_mainPosition;
    PoolWorkerActivity m_poolActivity;
    qint64 m_nowNs = 0;
    OutputView *m_view;
    OutputActions *m_actions;
    PaneHeader *m_header;
    ElidedLabel *m_roleLabel;
    QLabel *m_pidLabel;
    StateChip *m_chip;
    QLabel *m_elapsedLabel;
    QToolButton *m_toolsButton;
    QToolButton *m_killButton;
    bool m_killable = false;
    QWidget *m_secondRow;
    ElidedLabel *m_exitLabel;
    NoteLabel *m_detailLabel;
    QLabel *m_droppedLabel;
    CpuSparkline *m_cpu;
    OutputToolBar *m_toolBar;
    OutputFindBar *m_findBar;
};

} // namespace ProcessLab
