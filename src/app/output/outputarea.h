// SPDX-License-Identifier: MIT
#pragma once

#include "record/runsummary.h"

#include <QMap>
#include <QWidget>

class QGridLayout;
class QLabel;
class QScrollArea;
class QStackedWidget;
class QTabWidget;

namespace ProcessLab {

class OutputPane;

// One OutputPane per process, as a grid (1-3 columns by pane count and width,
// scrolling when there are many) or as tabs.
class OutputArea : public QWidget
{
    Q_OBJECT
public:
    enum class LayoutMode { Grid, Tabs };
    Q_ENUM(LayoutMode)

    explicit OutputArea(QWidget *parent = nullptr);

    // The pane of a process, created on first use.
    OutputPane *paneFor(int processId, const QString &role);
    OutputPane *pane(int processId) const;
    QList<OutputPane *> panes() const; // ordered by process id
    int paneCount() const { return static_cast<int>(m_panes.size()); }

    void setLayoutMode(LayoutMode mode);
    LayoutMode layoutMode() const { return m_mode; }
    int columnCount() const { return m_columns; } // in grid mode

    void setLineCap(int lines); // for every pane, present and future

    // Shows the pane (current tab / scrolled into view) and reveals the line there.
    bool revealEvent(int processId, qsizetype eventIndex);

    // Removes all panes (a new run starts).
    void clear();

signals:
    void layoutModeChanged(ProcessLab::OutputArea::LayoutMode mode);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    int columnsFor(int paneCount) const;
    void relayout();
    void updateTab(OutputPane *pane);
    void retranslate();

    QStackedWidget *m_stack;
    QScrollArea *m_scroll;
    QWidget *m_grid;
    QGridLayout *m_gridLayout;
    QLabel *m_placeholder;
    QTabWidget *m_tabs;
    QMap<int, OutputPane *> m_panes;
    LayoutMode m_mode = LayoutMode::Grid;
    int m_columns = 0;
    int m_lineCap = 0; // 0: the pane default
};

} // namespace ProcessLab
