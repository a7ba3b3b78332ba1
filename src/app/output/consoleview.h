// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QWidget>

class QCheckBox;

namespace ProcessLab {

class OutputActions;
class OutputFindBar;
class OutputToolBar;
class OutputView;

// The combined console: every process's lines in record order, as a terminal shows
// them, with optional "[Worker 1] " prefixes and "+1.234 s" timestamps, and the same
// filter / find / copy / clear / save as a pane.
class ConsoleView : public QWidget
{
    Q_OBJECT
public:
    explicit ConsoleView(QWidget *parent = nullptr);

    OutputView *view() const { return m_view; }
    OutputActions *actions() const { return m_actions; }
    OutputToolBar *toolBar() const { return m_toolBar; }
    OutputFindBar *findBar() const { return m_findBar; }

    // The role as recorded ("Worker 1"); the prefix shows it translated ("[进程 1]").
    void setProcessRole(int processId, const QString &recordedRole);

    void setShowTimestamps(bool show);
    bool showTimestamps() const;
    void setShowPrefixes(bool show);
    bool showPrefixes() const;

    // Forgets the lines and names of the last run.
    void clear();

protected:
    void changeEvent(QEvent *event) override;

signals:
    // For the settings (QSettings) the app keeps.
    void showTimestampsChanged(bool show);
    void showPrefixesChanged(bool show);

private:
    void retranslate();

    OutputView *m_view;
    OutputActions *m_actions;
    OutputToolBar *m_toolBar;
    OutputFindBar *m_findBar;
    QCheckBox *m_timestamps;
    QCheckBox *m_prefixes;
    QHash<int, QString> m_roles; // recorded roles, by process id
};

} // namespace ProcessLab
