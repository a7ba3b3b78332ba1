// SPDX-License-Identifier: MIT
#pragma once

#include "record/runsummary.h"

#include <QAbstractTableModel>

namespace ProcessLab {

// One row per process of the current run: colour and name, PID, state, exit status,
// elapsed time, CPU and printed lines. A projection of the RunSummary the controller folds
// from the record (the panes' headers and the timeline show the same numbers); it keeps
// no counts of its own. Used when a run has too many processes for a pane each.
class ProcessListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // Cpu: the last sample's CPU use while it runs, its average over its life once it ended
    // ("—": not sampled, as Main); CPU time and memory in its tool tip.
    enum Column { Name, Pid, State, Exit, Elapsed, Cpu, Lines, ColumnCount };
    Q_ENUM(Column)
    enum Role { ProcessIdRole = Qt::UserRole + 1 };

    explicit ProcessListModel(QObject *parent = nullptr);

    // Takes the latest summary; nowNs times the live processes' elapsed column.
    void setSummary(const RunSummary &summary, qint64 nowNs);
    // Python's helper processes (ProcessSummary::helper) get rows only when shown.
    void setShowHelpers(bool show) { m_showHelpers = show; }
    void clear();
    int processIdAt(int row) const;
    int rowOf(int processId) const; // -1 if absent

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setDarkTheme(bool dark);
    void retranslate(); // the header and the state words follow the language

private:
    QList<ProcessSummary> m_processes; // the summary's processes that exist (id order)
    qint64 m_nowNs = 0;
    bool m_dark = false;
    bool m_showHelpers = false;
};

} // namespace ProcessLab
