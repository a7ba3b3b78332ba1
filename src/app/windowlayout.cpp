// SPDX-License-Identifier: MIT
#include "windowlayout.h"

#include "code/codepanel.h"
#include "code/codeview.h"
#include "output/outputarea.h"

#include <QScrollBar>
#include <QAbstractTextDocumentLayout>
#include <QSplitter>
#include <QTextBlock>

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
    const CodeView *view = m_parts.code->pythonView();
    const QTextDocument *document = view->document();
    qreal lines = 0;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next())
        lines += document->documentLayout()->blockBoundingRect(block).height();
    const int margins = 2 * static_cast<int>(std::ceil(document->documentMargin()));
    const int panel = m_parts.code->height() - view->height(); // the tab bar and the tab widget's frame
    return static_cast<int>(std::ceil(lines)) + margins + 2 * view->frameWidth() + std::max(0, panel);
}

void WindowLayout::fit()
{
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

    QSplitter *vertical = m_parts.centre;
    const int height = vertical->height() - vertical->handleWidth();
    int upper = height * 3 / 5;
    if (m_presenter) {
        // The whole listing in height (what the audience reads), and Main and two workers
        // whole in the panes' column(s) where there is room; the timeline keeps the rest.
        const int panes = m_parts.output->heightFor(presenterPanes, centre - code);
        const int bottomMinimum = std::min(m_parts.centre->widget(1)->minimumSizeHint().height(), height / 5);
        upper = std::clamp(std::max(panes, codeHeightNeeded()), height / 2, height - bottomMinimum);
    }
    vertical->setSizes({upper, height - upper});
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
    if (!on && !m_savedMain.isEmpty()) {
        m_parts.main->restoreState(m_savedMain);
        m_parts.centre->restoreState(m_savedCentre);
        m_parts.top->restoreState(m_savedTop);
        return;
    }
    fit();
}

} // namespace ProcessLab
