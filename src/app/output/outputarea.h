// SPDX-License-Identifier: MIT
#pragma once

#include "record/runsummary.h"

#include <QMap>
#include <QSet>
#include <QWidget>

class QGridLayout;
class QCheckBox;
class QLabel;
class QScrollArea;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace ProcessLab {

class OutputPane;
class PoolTaskSpans;
class ProcessListModel;

// One OutputPane per process, as a grid (1-3 columns by process count and width, scrolling
// when there are many) or as tabs. Runs with more than compactAbove processes get a process
// list instead (one row per process); the panes shown are Main's and the selected rows'.
class OutputArea : public QWidget
{
    Q_OBJECT
public:
    enum class LayoutMode { Grid, Tabs };
    Q_ENUM(LayoutMode)
    static constexpr int compactAbove = 8; // processes; more get the process list

    explicit OutputArea(QWidget *parent = nullptr);

    // The pane of a process, created on first use.
    OutputPane *paneFor(int processId, const QString &role);
    OutputPane *pane(int processId) const;
    QList<OutputPane *> panes() const; // ordered by process id
    int paneCount() const { return static_cast<int>(m_panes.size()); }

    // How many processes the run will create (its script says so at the start), so the
    // layout is chosen once and does not change as the processes appear.
    void setExpectedProcessCount(int count);
    // The per-tick update: every pane's header and the process list, from one summary.
    // pool: the run's pool tasks (a pool worker's pane says which task it runs).
    // liveRun: a pool worker's pane offers "Kill…" only while its run is live (never in a replay).
    void updateSummary(const RunSummary &summary, const PoolTaskSpans &pool, qint64 nowNs, bool liveRun);

    void setLayoutMode(LayoutMode mode);
    LayoutMode layoutMode() const { return m_mode; }
    int columnCount() const { return m_columns; } // in grid mode
    // The smallest size at which a pane shows its whole header and a few lines.
    QSize paneMinimumSize() const;
    // The narrowest the area can be for one column of whole panes.
    int minimumGridWidth() const;
    // The height a grid of this many panes needs at this width, every pane whole.
    int heightFor(int panes, int width) const;

    // True while the process list is shown (many processes).
    bool isCompact() const;
    QTableView *processList() const { return m_list; }
    ProcessListModel *processListModel() const { return m_model; }
    // The panes on screen (grid cells or tabs): all of them, or Main and the selected ones.
    QList<OutputPane *> shownPanes() const;
    // Compact mode: shows these processes' panes beside Main's (selects their rows).
    void showProcesses(const QList<int> &processIds);
    QScrollArea *gridScrollArea() const { return m_scroll; }
    QTabWidget *paneTabs() const { return m_tabs; } // the panes in tab layout

    void setLineCap(int lines); // for every pane, present and future

    // Shows the pane (current tab / scrolled into view) and reveals the line there.
    bool revealEvent(int processId, qsizetype eventIndex);
    // Shows the pane (current tab / scrolled into view / its row selected in the process list).
    bool focusPane(int processId);

    // Removes all panes (a new run starts).
    void clear();

    // A helper process of Python's multiprocessing (a Manager's server; ProcessCreated.count 1):
    // no pane or list row unless "Show helper processes" (a check box shown when there are any).
    void setHelperProcess(int processId);
    void setShowHelpers(bool show);
    bool showsHelpers() const { return m_showHelpers; }
    QCheckBox *helperToggle() const { return m_helperToggle; }

signals:
    void layoutModeChanged(ProcessLab::OutputArea::LayoutMode mode);
    // "Kill…" on a pool worker's pane (OutputPane::killRequested).
    void killWorkerRequested(int processId);

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    int processCount() const;
    bool isShown(int processId) const;
    int columnsFor(int paneCount) const;
    int columnsFor(int paneCount, int width) const;
    void relayout();
    void updateTab(OutputPane *pane);
    void handleListSelection();
    void updateListMetrics();
    void fitListColumns(); // the CPU column only where every other column fits whole
    void selectRows();
    void retranslate();

    void updateHelperToggle();

    QCheckBox *m_helperToggle;
    QSplitter *m_splitter;
    QTableView *m_list;
    ProcessListModel *m_model;
    QStackedWidget *m_stack;
    QScrollArea *m_scroll;
    QWidget *m_grid;
    QGridLayout *m_gridLayout;
    QLabel *m_placeholder;
    QTabWidget *m_tabs;
    QMap<int, OutputPane *> m_panes;
    QSet<int> m_selected{1}; // compact mode: shown beside Main (Worker 1 to begin with)
    LayoutMode m_mode = LayoutMode::Grid;
    int m_expectedCount = 0;
    int m_columns = 0;
    int m_lineCap = 0; // 0: the pane default
    bool m_selecting = false;
    QSet<int> m_helpers;
    bool m_showHelpers = false;
};

} // namespace ProcessLab
