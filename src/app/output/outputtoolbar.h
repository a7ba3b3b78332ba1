// SPDX-License-Identifier: MIT
#pragma once

#include <QTimer>
#include <QToolBar>

class QLineEdit;

namespace ProcessLab {

class OutputActions;

// The row above an output view: optional leading widgets (the console's check boxes),
// the filter field and buttons for find, copy, clear and save. Shared by OutputPane
// (shown on demand) and ConsoleView (always shown). A QToolBar, so buttons that do not
// fit a narrow pane go to its overflow menu (») instead of being clipped; the filter
// field never gets narrower than filterMinimumWidth().
class OutputToolBar : public QToolBar
{
    Q_OBJECT
public:
    explicit OutputToolBar(OutputActions *actions, QWidget *parent = nullptr);

    void addLeadingWidget(QWidget *widget);
    QLineEdit *filterEdit() const { return m_filter; }
    // Shows the row (and its parents' interest in it) and focuses the filter field.
    void focusFilter();
    // Wide enough for a few words of filter text, whatever the pane's width.
    int filterMinimumWidth() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyFilter();
    void retranslate();

    OutputActions *m_actions;
    QLineEdit *m_filter;
    QAction *m_filterAction = nullptr;
    QTimer m_filterDelay;
};

} // namespace ProcessLab
