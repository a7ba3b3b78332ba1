// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QObject>

class QSplitter;
class QWidget;

namespace ProcessLab {

class CodePanel;
class OutputArea;

// Sizes the main window's splitters from their content instead of fixed pixels: the code
// view gets the width of its longest line (so `process1 = multiprocessing.Process(...)`
// is never cut), the output panes the rest. Presenter mode re-lays out for a projector:
// the example list is collapsed, the code fits, and the panes get the height to show Main
// and two workers whole; leaving it restores the user's own splitter positions.
class WindowLayout : public QObject
{
    Q_OBJECT
public:
    struct Parts
    {
        QSplitter *main = nullptr;   // examples | centre
        QSplitter *centre = nullptr; // top | bottom tabs
        QSplitter *top = nullptr;    // code | output
        QWidget *examples = nullptr;
        CodePanel *code = nullptr;
        OutputArea *output = nullptr;
    };
    static constexpr int presenterPanes = 3; // Main and two workers, whole

    WindowLayout(const Parts &parts, QObject *parent = nullptr);

    // Fits the splitters to the window's current size (first start, or View > Fit Layout).
    void fit();
    void setPresenter(bool on);
    bool isPresenter() const { return m_presenter; }
    // A bottom tab was chosen on purpose (--view, a click on a tab): the bottom area gets a
    // useful share of the height (bottomShare) if it has less, in presenter mode too (which
    // otherwise may shrink it to its tab bar), and keeps it when presenter mode re-fits.
    void showBottomArea();
    static constexpr double bottomShare = 0.4;
    // Width the code panel needs to show the longest line of the Python listing whole.
    int codeWidthNeeded() const;
    // Height the code panel needs to show every line of the Python listing (presenter mode).
    int codeHeightNeeded() const;
    // The smallest point size presenter mode may give the code so that the listing fits in
    // height (clearly larger than the default size).
    void setPresenterCodeMinimumPointSize(qreal pointSize) { m_presenterCodeMinimum = pointSize; }

private:
    Parts m_parts;
    void fitPresenterCodeFont(int available);
    int bottomTabBarHeight() const;

    int bottomWantedHeight(int height) const;

    bool m_presenter = false;
    bool m_bottomWanted = false; // showBottomArea() was called: presenter mode keeps its share
    qreal m_presenterCodeMinimum = 0;
    int m_extraCodeSteps = 0; // half points below the estimate, found after layout
    QByteArray m_savedMain, m_savedCentre, m_savedTop; // the user's layout, kept during presenter mode
};

} // namespace ProcessLab
