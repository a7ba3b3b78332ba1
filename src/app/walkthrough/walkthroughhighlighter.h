// SPDX-License-Identifier: MIT
#pragma once

#include "walkthrough/walkthrough.h"

#include <QColor>
#include <QObject>
#include <QPointer>
#include <QRect>
#include <QSet>

class QWidget;

namespace ProcessLab {

class MainWindow;
class HighlightOverlay;
class OutputPane;

// Draws a walkthrough step's `show` on the real widgets: rounded frames in an accent colour
// around the Python code lines, the named processes' output panes (their tabs in tab layout,
// their process-list rows above OutputArea::compactAbove processes), their timeline rows, the
// knob controls and the tab named. The frames live on a transparent overlay that ignores the
// mouse; they follow resizes, scrolling, layout and language changes, and a target that does
// not exist yet (a pane before the run creates it) is framed as soon as it appears.
class WalkthroughHighlighter : public QObject
{
    Q_OBJECT
public:
    enum class TargetKind { CodeLines, Pane, PaneTab, ProcessRow, TimelineRow, Knob, Tab };
    Q_ENUM(TargetKind)
    struct Frame
    {
        TargetKind kind = TargetKind::Pane;
        QString name; // process role, knob name, tab name, or "first-last" for code lines
        QRect rect;   // the target's visible part, in the window's coordinates
    };
    static constexpr int framePenWidth = 3;
    static constexpr int presenterFramePenWidth = 6;

    explicit WalkthroughHighlighter(MainWindow *window);
    ~WalkthroughHighlighter() override;

    // Frames these targets (replacing the previous ones) and brings them forward: the code
    // tab, the pane's tab, the bottom tab, the lines and rows scrolled into view.
    void show(const WalkthroughShow &show);
    void clear();
    const WalkthroughShow &shown() const { return m_show; }

    // The frames as drawn now (updated after layout, at the next turn of the event loop).
    QList<Frame> frames() const { return m_frames; }
    QWidget *overlay() const;
    int penWidth() const;
    // Vivid magenta: none of the process colours (processcolors.cpp), not red ("failed") or
    // green ("finished"); a darker tone on light backgrounds, a lighter one on dark.
    static QColor accentColor(bool darkTheme);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void scheduleUpdate();
    void updateFrames();
    void revealTargets();
    void revealPanes();
    bool wasRevealed(const OutputPane *pane) const;
    void watch(QWidget *widget);
    // rect (in widget's coordinates) clipped by widget and its ancestors, in the window's
    // coordinates; empty when nothing of it is visible.
    QRect visibleInWindow(const QWidget *widget, const QRect &rect) const;
    void addCodeFrame(QList<Frame> &frames);
    void addPaneFrames(QList<Frame> &frames);
    void addTimelineFrames(QList<Frame> &frames);
    void addKnobFrames(QList<Frame> &frames);
    void addTabFrame(QList<Frame> &frames);
    int timelineProcessId(const QString &role) const;

    MainWindow *m_window;
    HighlightOverlay *m_overlay;
    WalkthroughShow m_show;
    QList<Frame> m_frames;
    QSet<QObject *> m_watched;
    bool m_updatePending = false;
    // Brought forward once each (when shown, or when the target appeared): the user may then
    // scroll or switch tabs without the frames pulling the view back.
    // Panes each once (several can be framed, and they appear one by one as the run creates
    // them); a new run's panes are new targets.
    bool m_codeRevealed = false;
    QList<QPointer<OutputPane>> m_revealedPanes;
    bool m_rowRevealed = false;
};

} // namespace ProcessLab
