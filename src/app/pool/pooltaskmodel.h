// SPDX-License-Identifier: MIT
#pragma once

#include "record/runsummary.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

namespace ProcessLab {

class RunRecord;

// The Pool view's task table: one row per task of PoolTaskSpans (the fold the panes,
// timeline, CLI and JSON read), the controller's summary's: told of the record's new events in
// order (consume()), so live runs and replays project the same rows. Rows are appended and changed as events arrive,
// never reset per batch; reset() empties it for the next run (or a replay scrubbing back).
class PoolTaskModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TaskColumn, CallColumn, WorkerColumn, QueuedColumn, StartedColumn, FinishedColumn,
                  DurationColumn, ResultColumn, StateColumn, ColumnCount };
    // Raw values for sorting and tests: numbers (ns since the run's start, -1 unknown), the
    // outcome as an int, the task's index in PoolTaskSpans::tasks().
    static constexpr int SortRole = Qt::UserRole;
    static constexpr int OutcomeRole = Qt::UserRole + 1;
    static constexpr int ProcessRole = Qt::UserRole + 2;
    static constexpr int TaskIndexRole = Qt::UserRole + 3;

    explicit PoolTaskModel(QObject *parent = nullptr);

    // The fold it shows: the RunController's summary (its `pools`), which the controller updates
    // before it emits eventsAvailable; its address stays the same across runs. Null: no rows.
    void setSummary(const RunSummary *summary);
    void reset();
    // Events [from, to), already folded into the summary: updates the rows they touched.
    void consume(const RunRecord &record, qsizetype from, qsizetype to);
    void setDarkTheme(bool dark);

    const RunSummary &summary() const;
    const PoolTaskSpans &spans() const { return summary().pools; }
    const PoolTaskSpan &task(int row) const { return spans().tasks().at(row); }
    // Tasks past the per-task budget, all pools together: counted, not in the table.
    qint64 untrackedTasks() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString outcomeText(PoolTaskOutcome outcome); // translated state word

signals:
    // The counted tasks or the pools changed (the view's "N more, counted" line).
    void progressChanged();

private:
    QString workerText(const PoolTaskSpan &span) const;
    qint64 sinceStart(qint64 timeNs) const; // -1 when timeNs is 0 (unknown)
    QString timeText(qint64 timeNs) const;

    const RunSummary *m_summary = nullptr;
    int m_rows = 0; // rows the view knows of (the fold is ahead until consume() catches up)
    bool m_dark = false;
};

// Filters the task table by state ("failed, lost or unfinished only") and sorts by raw values.
class PoolTaskFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class Filter { All, Open, Finished, Problems, Lost };
    Q_ENUM(Filter)

    explicit PoolTaskFilterModel(QObject *parent = nullptr);
    void setFilter(Filter filter);
    Filter filter() const { return m_filter; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    Filter m_filter = Filter::All;
};

} // namespace ProcessLab
