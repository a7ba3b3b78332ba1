// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;

namespace ProcessLab {

class PoolTaskFilterModel;
class PoolTaskModel;
class RunController;

// The Pool tab: the run's pool tasks as a table (task, call, worker and PID, queued /
// started / ended since the run's start, duration, result or error, state), filtered by
// state, lost rows red and failed ones yellow as on the timeline. Tasks past the per-task
// budget are only counted: a line under the table says how many.
class PoolView : public QWidget
{
    Q_OBJECT
public:
    explicit PoolView(QWidget *parent = nullptr);

    // Follows the controller's runs (and replays): resets on aboutToReplaceRun, folds eventsAvailable.
    void setController(RunController *controller);

    PoolTaskModel *model() const { return m_model; }
    PoolTaskFilterModel *filterModel() const { return m_filter; }
    QTableView *table() const { return m_table; }
    QComboBox *filterBox() const { return m_filterBox; }
    QString countedText() const; // the line under the table (empty: every task is in it)

signals:
    // A row was selected: the task's worker (0: none yet) and its index in PoolTaskSpans::tasks().
    void taskSelected(int process, qsizetype taskIndex);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateCounted();
    void handleCurrentChanged();

    PoolTaskModel *m_model;
    PoolTaskFilterModel *m_filter;
    QComboBox *m_filterBox;
    QLabel *m_summaryLabel;
    QTableView *m_table;
    QLabel *m_countedLabel;
    bool m_followEnd = true; // scrolled to the bottom: new rows keep it there
};

} // namespace ProcessLab
