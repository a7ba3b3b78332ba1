// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;

namespace ProcessLab {

class OutputView;

// Find bar under an output view (Ctrl+F): incremental search, next/previous with
// Enter/Shift+Enter or F3/Shift+F3, matches highlighted in the view, Esc closes.
class OutputFindBar : public QWidget
{
    Q_OBJECT
public:
    // Adds the F3 / Shift+F3 shortcuts to shortcutScope (the pane or console).
    OutputFindBar(OutputView *view, QWidget *shortcutScope, QWidget *parent = nullptr);

    // Shows the bar, seeds it with the view's selection and focuses the field.
    void activate();
    // Hides the bar, removes the highlights and gives the focus back to the view.
    void deactivate();
    bool findNext(bool backward = false);
    QLineEdit *lineEdit() const { return m_edit; }
    QString statusText() const; // "32 matches", "No match"

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void handleTextChanged(const QString &text);
    void updateStatus(bool found);

    OutputView *m_view;
    QLineEdit *m_edit;
    QToolButton *m_previous;
    QToolButton *m_next;
    QLabel *m_status;
    QToolButton *m_close;
    QAction *m_nextAction = nullptr;
    QAction *m_previousAction = nullptr;
    bool m_lastFound = false;
};

} // namespace ProcessLab
