// SPDX-License-Identifier: MIT
#pragma once

#include <QTimer>
#include <QToolBar>

class QMainWindow;

namespace ProcessLab {

class KnobPanel;

// The example's knobs in their own tool bar, right after the run tool bar: beside it when
// both fit the window's width, else on a row of their own (a tool bar break before it), so
// that no knob ever hides in a tool bar's » overflow. Re-checked whenever the widths can
// change: the window's size, the example (other knobs), the language, the fonts (presenter
// mode), a restored window state. Where one row of their own is too narrow for them, the
// knobs wrap into more rows (KnobPanel::setWrapWidth).
class KnobToolBar : public QToolBar
{
    Q_OBJECT
public:
    // Added to window's top area after runBar (which must already be there).
    KnobToolBar(QMainWindow *window, QToolBar *runBar);
    // The knobs, first in the bar. Where even their own row is too narrow, they wrap.
    void setPanel(KnobPanel *panel);

    // Whether the knobs have a row of their own now.
    bool hasOwnRow() const;
    // Places the bar now (the checks above do it at the next turn of the event loop).
    void fit();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void actionEvent(QActionEvent *event) override;

private:
    void retranslate();
    void watch(QWidget *widget);

    QMainWindow *m_window;
    QToolBar *m_runBar;
    KnobPanel *m_panel = nullptr;
    QTimer m_fitTimer;
};

} // namespace ProcessLab
