// SPDX-License-Identifier: MIT
#include "windowlayout.h"

#include "code/codepanel.h"
#include "code/codeview.h"
#include "output/outputarea.h"

#include <QScrollBar>
#include <QAbstractTextDocumentLayout>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QTextBlock>
#include <QTimer>

namespace ProcessLab {

namespace {
constexpr int examplesWidthMax = 250; // px at the default font: titles elide beyond
} // namespace

WindowLayout::WindowLayout(const Parts &parts, QObject *parent)
    : QObject(parent)
    , m_parts(parts)
{
}

int WindowLayout::codeWidthNeeded() const
{
    const CodeView *view = m_parts.code->pythonView();
    const QFontMetrics fm = view->fontMetrics();
    int longest = 0;
    for (QTextBlock block = view->document()->begin(); block.isValid(); block = block.next())
        longest = std::max(longest, fm.horizontalAdvance(block.text()));
    const int margins = 2 * static_cast<int>(std::ceil(view->document()->documentMargin())) + view->cursorWidth() + 2;
    // The vertical scroll bar is counted even when hidden: larger fonts bring it.
    const int chrome = view->gutterWidth() + 2 * view->frameWidth() + view->verticalScrollBar()->sizeHint().width();
    const int panel = m_parts.code->width() - view->width(); // the tab widget's frame
    return longest + margins + chrome + std::max(0, panel);
}

int WindowLayout::codeHeightNeeded() const
{
    // As the document lays it out (lines with Chinese comments are taller: a fallback font),
    // with the current font: a cleared block is laid out again when it is measured.
    const CodeView *view = m_parts.code->pythonView();
    const QFontMetrics fm = view->fontMetrics();
    const QAbstractTextDocumentLayout *layout = view->document()->documentLayout();
    qreal lines = 0;
    for (QTextBlock block = view->document()->begin(); block.isValid(); block = block.next()) {
        block.layout()->clearLayout();
        lines += std::max<qreal>(layout->blockBoundingRect(block).height(), fm.lineSpacing());
    }
    const int margins = 2 * static_cast<int>(std::ceil(view->document()->documentMargin()));
    const int panel = m_parts.code->height() - view->height(); // the tab bar, the note and the tab widget's frame
    return static_cast<int>(std::ceil(lines)) + margins + 2 * view->frameWidth() + std::max(0, panel);
}

int WindowLayout::bottomTabBarHeight() const
{
    const auto *tabs = qobject_cast<const QTabWidget *>(m_parts.centre->widget(1));
    return tabs ? tabs->tabBar()->sizeHint().height() : 0;
}

void WindowLayout::fitPresenterCodeFont(int available)
{
    const QList<CodeView *> views = m_parts.code->findChildren<CodeView *>();
    for (CodeView *view : views)
        view->setPointSizeOverride(0);
    if (!m_presenter || (m_extraCodeSteps == 0 && codeHeightNeeded() <= available))
        return;
    // Smaller in half points, no smaller than the floor: then the listing scrolls.
    const qreal presenterSize = m_parts.code->pythonView()->font().pointSizeF();
    for (qreal size = presenterSize - 0.5 * (1 + m_extraCodeSteps); size >= m_presenterCodeMinimum; size -= 0.5) {
        for (CodeView *view : views)
            view->setPointSizeOverride(size);
        if (codeHeightNeeded() <= available)
            return;
    }
}

void WindowLayout::fit()
{
    QSplitter *vertical = m_parts.centre;
    const int height = vertical->height() - vertical->handleWidth();
    // Presenter mode: the bottom tabs may shrink to their tab bar (the user can drag them up),
    // unless one was chosen on purpose.
    vertical->widget(1)->setMinimumHeight(m_presenter ? bottomTabBarHeight() : 0);
    fitPresenterCodeFont(height - (m_presenter && m_bottomWanted ? bottomWantedHeight(height) : bottomTabBarHeight()));

    QSplitter *main = m_parts.main;
    const int width = main->width() - main->handleWidth();
    const int examples = m_presenter ? 0 : std::min(examplesWidthMax, width / 5);
    main->setSizes({examples, width - examples});

    QSplitter *top = m_parts.top;
    const int centre = width - examples - top->handleWidth();
    // The code's longest line first; the panes keep at least one column.
    const int paneMinimum = m_parts.output->minimumGridWidth();
    const int code = std::clamp(codeWidthNeeded(), std::min(centre / 3, paneMinimum), std::max(0, centre - paneMinimum));
    top->setSizes({code, centre - code});

    int upper = height * 3 / 5;
    if (m_presenter) {
        // The whole listing in height first (what the audience reads), and Main and two
        // workers whole in the panes' column(s); the timeline and console get what remains,
        // or only their tab bar if what remains is too little to be of use.
        const int panes = m_parts.output->heightFor(presenterPanes, centre - code);
        const int tabBar = bottomTabBarHeight();
        const int usefulBottom = std::min(vertical->widget(1)->minimumSizeHint().height(), height / 5);
        upper = std::max({panes, codeHeightNeeded(), height / 2});
        if (height - upper < usefulBottom)
            upper = height - tabBar;
        if (m_bottomWanted) // a tab chosen on purpose: the code scrolls rather than hide it
            upper = std::min(upper, height - bottomWantedHeight(height));
    }
    vertical->setSizes({upper, height - upper});
    if (m_presenter) {
        // The estimate misses what only the laid-out view knows (a fallback font's taller
        // lines): if the listing still scrolls, one half point smaller, down to the floor.
        QTimer::singleShot(0, this, [this] {
            const CodeView *view = m_parts.code->pythonView();
            if (m_presenter && view->verticalScrollBar()->maximum() > 0
                && view->font().pointSizeF() - 0.5 >= m_presenterCodeMinimum && m_extraCodeSteps < 8) {
                ++m_extraCodeSteps;
                fit();
            }
        });
    }
}

int WindowLayout::bottomWantedHeight(int height) const
{
    return static_cast<int>(height * bottomShare);
}

void WindowLayout::showBottomArea()
{
    m_bottomWanted = true;
    QSplitter *vertical = m_parts.centre;
    const int height = vertical->height() - vertical->handleWidth();
    const QList<int> sizes = vertical->sizes();
    // Only when it is too small to be of use: a size the user dragged it to is kept.
    if (height <= 0 || sizes.size() != 2 || sizes.at(1) >= bottomWantedHeight(height) * 3 / 4)
        return;
    if (m_presenter) {
        fit();
        return;
    }
    const int bottom = bottomWantedHeight(height);
    vertical->setSizes({height - bottom, bottom});
}

void WindowLayout::setPresenter(bool on)
{
    if (on == m_presenter)
        return;
    if (on) {
        m_savedMain = m_parts.main->saveState();
        m_savedCentre = m_parts.centre->saveState();
        m_savedTop = m_parts.top->saveState();
    }
    m_presenter = on;
    m_extraCodeSteps = 0;
    if (!on) { // the code follows the application font again; the bottom tabs keep their own minimum
        m_parts.centre->widget(1)->setMinimumHeight(0);
        fitPresenterCodeFont(0);
    }
    if (!on && !m_savedMain.isEmpty()) {
        m_parts.main->restoreState(m_savedMain);
        m_parts.centre->restoreState(m_savedCentre);
        m_parts.top->restoreState(m_savedTop);
        return;
    }
    fit();
}

} // namespace ProcessLab
