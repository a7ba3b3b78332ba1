// SPDX-License-Identifier: MIT
#pragma once

#include <QTimer>
#include <QWidget>

class QHBoxLayout;
class QLineEdit;

namespace ProcessLab {

class OutputActions;

// The row above an output view: optional leading widgets (the console's check boxes),
// the filter field and buttons for find, copy, clear and save. Shared by OutputPane
// (shown on demand) and ConsoleView (always shown).
class OutputToolBar : public QWidget
{
    Q_OBJECT
public:
    explicit OutputToolBar(OutputActions *actions, QWidget *parent = nullptr);

    void addLeadingWidget(QWidget *widget);
    QLineEdit *filterEdit() const { return m_filter; }
    // Shows the row (and its parents' interest in it) and focuses the filter field.
    void focusFilter();

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyFilter();
    void retranslate();

    OutputActions *m_actions;
    QHBoxLayout *m_layout;
    QLineEdit *m_filter;
    QTimer m_filterDelay;
    int m_leadingCount = 0;
};

} // namespace ProcessLab
