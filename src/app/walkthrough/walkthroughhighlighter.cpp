// SPDX-License-Identifier: MIT
#include "walkthroughhighlighter.h"

#include "code/codepanel.h"
#include "code/codeview.h"
#include "knobpanel.h"
#include "mainwindow.h"
#include "output/outputarea.h"
#include "output/outputpane.h"
#include "output/processlistmodel.h"
#include "processcolors.h"
#include "runcontroller.h"
#include "timeline/timelinewidget.h"

#include <QCoreApplication>
#include <QEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollArea>
#include <QScrollBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>

#include <algorithm>

namespace ProcessLab {

// Paints the frames over the whole window; transparent and ignoring the mouse, so the
// widgets under it work as if it were not there.
class HighlightOverlay : public QWidget
{
public:
    explicit HighlightOverlay(QWidget *parent)
        : QWidget(parent)
    {
        setObjectName(QStringLiteral("walkthroughHighlightOverlay"));
        setAttribute(Qt::WA_TransparentForMouseEvents);
        setAttribute(Qt::WA_NoSystemBackground);
        setFocusPolicy(Qt::NoFocus);
        hide();
    }

    void setFrames(const QList<QRect> &rects, int penWidth)
    {
        if (rects == m_rects && penWidth == m_penWidth)
            return;
        m_rects = rects;
        m_penWidth = penWidth;
        update();
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        const bool dark = isDarkPalette(palette());
        const QColor color = WalkthroughHighlighter::accentColor(dark);
        // A thin halo in the window colour keeps the frame apart from what is under it.
        QColor halo = palette().color(QPalette::Window);
        halo.setAlpha(200);
        const qreal half = m_penWidth / 2.0;
        const QRectF bounds = QRectF(rect()).adjusted(half, half, -half, -half);
        for (const QRect &target : std::as_const(m_rects)) {
            // Just outside the target, so the frame covers none of it (inside the window).
            const QRectF frame = QRectF(target).adjusted(-half - 1, -half - 1, half + 1, half + 1).intersected(bounds);
            const qreal radius = 2.0 * m_penWidth;
            painter.setPen(QPen(halo, m_penWidth + 2));
            painter.setBrush(Qt::NoBrush);
            painter.drawRoundedRect(frame, radius, radius);
            painter.setPen(QPen(color, m_penWidth));
            painter.drawRoundedRect(frame, radius, radius);
        }
    }

private:
    QList<QRect> m_rects;
    int m_penWidth = WalkthroughHighlighter::framePenWidth;
};

WalkthroughHighlighter::WalkthroughHighlighter(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_overlay(new HighlightOverlay(window))
{
    m_window->installEventFilter(this);
    // What moves the targets without moving a widget: scrolling, new rows and panes, tabs.
    connect(window->controller(), &RunController::runStarted, this, &WalkthroughHighlighter::scheduleUpdate);
    connect(window->controller(), &RunController::eventsAvailable, this, &WalkthroughHighlighter::scheduleUpdate);
    connect(window->controller(), &RunController::tick, this, &WalkthroughHighlighter::scheduleUpdate);
    connect(window->controller(), &RunController::runFinished, this, &WalkthroughHighlighter::scheduleUpdate);
    CodeView *code = window->codePanel()->pythonView();
    connect(code, &QPlainTextEdit::updateRequest, this, [this] {
        if (m_show.firstCodeLine > 0) // scrolled, or a new listing
            scheduleUpdate();
    });
    connect(code->verticalScrollBar(), &QScrollBar::valueChanged, this, &WalkthroughHighlighter::scheduleUpdate);
    connect(window->codePanel()->tabs(), &QTabWidget::currentChanged, this, &WalkthroughHighlighter::scheduleUpdate);
    connect(window->bottomTabs(), &QTabWidget::currentChanged, this, &WalkthroughHighlighter::scheduleUpdate);
    OutputArea *output = window->outputArea();
    connect(output->paneTabs(), &QTabWidget::currentChanged, this, &WalkthroughHighlighter::scheduleUpdate);
    connect(output, &OutputArea::layoutModeChanged, this, &WalkthroughHighlighter::scheduleUpdate);
    connect(output->gridScrollArea()->verticalScrollBar(), &QScrollBar::valueChanged, this,
            &WalkthroughHighlighter::scheduleUpdate);
    connect(output->processList()->verticalScrollBar(), &QScrollBar::valueChanged, this,
            &WalkthroughHighlighter::scheduleUpdate);
    connect(window->timeline()->verticalScrollBar(), &QScrollBar::valueChanged, this,
            &WalkthroughHighlighter::scheduleUpdate);
    connect(window->knobPanel(), &KnobPanel::valuesChanged, this, &WalkthroughHighlighter::scheduleUpdate);
}

WalkthroughHighlighter::~WalkthroughHighlighter()
{
    for (QObject *watched : std::as_const(m_watched))
        watched->removeEventFilter(this);
}

QColor WalkthroughHighlighter::accentColor(bool darkTheme)
{
    return darkTheme ? QColor(0xff, 0x4f, 0xd8) : QColor(0xc2, 0x00, 0x9e);
}

QWidget *WalkthroughHighlighter::overlay() const
{
    return m_overlay;
}

int WalkthroughHighlighter::penWidth() const
{
    return m_window->isPresenterMode() ? presenterFramePenWidth : framePenWidth;
}

void WalkthroughHighlighter::show(const WalkthroughShow &show)
{
    m_show = show;
    m_codeRevealed = m_rowRevealed = false;
    m_revealedPanes.clear();
    // The tab first: the code lines and timeline rows are measured on visible views.
    if (!show.tab.isEmpty()) {
        if (show.tab == QLatin1StringView("python"))
            m_window->codePanel()->showProgram();
        else if (show.tab == QLatin1StringView("cpp"))
            m_window->codePanel()->tabs()->setCurrentIndex(1);
        else
            m_window->showView(show.tab);
    }
    if (show.firstCodeLine > 0 && show.tab != QLatin1StringView("cpp"))
        m_window->codePanel()->showProgram();
    if (!show.timelineRows.isEmpty() && show.tab.isEmpty())
        m_window->showView(QStringLiteral("timeline"));
    revealTargets();
    updateFrames();
    scheduleUpdate(); // again once the tabs brought forward are laid out
}

void WalkthroughHighlighter::clear()
{
    m_show = {};
    m_frames.clear();
    m_overlay->setFrames({}, penWidth());
    m_overlay->hide();
}

bool WalkthroughHighlighter::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::Move:
    case QEvent::Resize:
    case QEvent::Show:
    case QEvent::Hide:
    case QEvent::LayoutRequest:
    case QEvent::LanguageChange:
    case QEvent::FontChange:
    case QEvent::StyleChange:
    case QEvent::PaletteChange:
        scheduleUpdate();
        break;
    case QEvent::ChildAdded:
        if (watched == m_window)
            scheduleUpdate(); // a new dock or tool bar: the overlay goes back on top
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void WalkthroughHighlighter::scheduleUpdate()
{
    const bool nothingShown = m_show.firstCodeLine <= 0 && m_show.panes.isEmpty() && m_show.timelineRows.isEmpty()
                              && m_show.knobs.isEmpty() && m_show.tab.isEmpty();
    if (m_updatePending || nothingShown) // nothing to follow: the run's ticks cost nothing
        return;
    m_updatePending = true;
    QTimer::singleShot(0, this, [this] {
        m_updatePending = false;
        revealTargets();
        updateFrames();
    });
}

void WalkthroughHighlighter::watch(QWidget *widget)
{
    // The whole chain each time: a pane moved into the tabs has new ancestors.
    for (QWidget *w = widget; w && w != m_window; w = w->parentWidget()) {
        if (m_watched.contains(w))
            continue;
        m_watched.insert(w);
        w->installEventFilter(this);
        connect(w, &QObject::destroyed, this, [this, w] { m_watched.remove(w); });
    }
}

QRect WalkthroughHighlighter::visibleInWindow(const QWidget *widget, const QRect &rect) const
{
    if (!widget || rect.isEmpty() || !widget->isVisibleTo(m_window))
        return {};
    QRect visible = rect;
    const QWidget *w = widget;
    for (; w && w != m_window; w = w->parentWidget()) {
        visible = visible.intersected(w->rect()).translated(w->pos());
        if (visible.isEmpty())
            return {};
    }
    if (w != m_window)
        return {}; // not in this window (a floating dock would need its own overlay)
    return visible.intersected(m_window->rect());
}

void WalkthroughHighlighter::updateFrames()
{
    QList<Frame> frames;
    addCodeFrame(frames);
    addPaneFrames(frames);
    addTimelineFrames(frames);
    addKnobFrames(frames);
    addTabFrame(frames);
    m_frames = frames;
    QList<QRect> rects;
    for (const Frame &frame : std::as_const(frames))
        rects.append(frame.rect);
    m_overlay->setFrames(rects, penWidth());
    if (rects.isEmpty()) {
        m_overlay->hide();
        return;
    }
    if (m_overlay->geometry() != m_window->rect())
        m_overlay->setGeometry(m_window->rect());
    m_overlay->show();
    m_overlay->raise();
}

void WalkthroughHighlighter::revealTargets()
{
    if (!m_codeRevealed && m_show.firstCodeLine > 0) {
        CodeView *code = m_window->codePanel()->pythonView();
        if (code->isVisibleTo(m_window) && code->viewport()->height() > 0) {
            code->revealLines(m_show.firstCodeLine, m_show.lastCodeLine);
            m_codeRevealed = true;
        }
    }
    revealPanes();
    if (!m_rowRevealed) {
        for (const QString &role : std::as_const(m_show.timelineRows)) {
            const int process = timelineProcessId(role);
            if (process < 0 || m_window->timeline()->rowRect(process).isEmpty())
                continue;
            m_window->timeline()->revealRow(process);
            m_rowRevealed = true;
            break;
        }
    }
}

bool WalkthroughHighlighter::wasRevealed(const OutputPane *pane) const
{
    return std::any_of(m_revealedPanes.cbegin(), m_revealedPanes.cend(),
                       [pane](const QPointer<OutputPane> &revealed) { return revealed == pane; });
}

void WalkthroughHighlighter::revealPanes()
{
    if (m_show.panes.isEmpty())
        return;
    OutputArea *output = m_window->outputArea();
    QList<OutputPane *> present; // the framed panes the run has created, in the step's order
    const QList<OutputPane *> panes = output->panes();
    for (const QString &role : std::as_const(m_show.panes)) {
        const auto it = std::find_if(panes.cbegin(), panes.cend(), [&role](const OutputPane *pane) {
            return pane->role() == role;
        });
        if (it != panes.cend())
            present.append(*it);
    }
    QList<OutputPane *> fresh;
    std::copy_if(present.cbegin(), present.cend(), std::back_inserter(fresh),
                 [this](const OutputPane *pane) { return !wasRevealed(pane); });
    if (fresh.isEmpty())
        return; // each pane once: the user may have scrolled since
    const auto markRevealed = [this](const QList<OutputPane *> &revealed) {
        for (OutputPane *pane : revealed)
            m_revealedPanes.append(pane);
    };

    if (output->layoutMode() == OutputArea::LayoutMode::Tabs && !output->isCompact()) {
        // One pane in front: the first found; the others' tabs are framed, and a pane that
        // appears later does not take the front from it.
        const bool oneInFront = std::any_of(m_revealedPanes.cbegin(), m_revealedPanes.cend(),
                                            [](const QPointer<OutputPane> &pane) { return !pane.isNull(); });
        if (!oneInFront)
            output->focusPane(fresh.constFirst()->processId());
        markRevealed(fresh);
        return;
    }

    if (output->isCompact()) {
        // Their rows in the process list; a row comes with the summary after the pane.
        QTableView *list = output->processList();
        ProcessListModel *model = output->processListModel();
        const auto rowOf = [model](const OutputPane *pane) { return model->rowOf(pane->processId()); };
        fresh.erase(std::remove_if(fresh.begin(), fresh.end(), [&](const OutputPane *pane) { return rowOf(pane) < 0; }),
                    fresh.end());
        present.erase(std::remove_if(present.begin(), present.end(), [&](const OutputPane *pane) { return rowOf(pane) < 0; }),
                      present.end());
        if (fresh.isEmpty())
            return;
        const auto byRow = [&](const OutputPane *a, const OutputPane *b) { return rowOf(a) < rowOf(b); };
        const auto scrollToSpan = [&](const QList<OutputPane *> &span) {
            // The last one, then the first: all of them when they fit, else the first ones.
            list->scrollTo(model->index(rowOf(*std::max_element(span.cbegin(), span.cend(), byRow)), 0));
            list->scrollTo(model->index(rowOf(*std::min_element(span.cbegin(), span.cend(), byRow)), 0));
        };
        scrollToSpan(present);
        const bool freshInView = std::all_of(fresh.cbegin(), fresh.cend(), [&](const OutputPane *pane) {
            return list->viewport()->rect().contains(list->visualRect(model->index(rowOf(pane), 0)));
        });
        if (!freshInView) // the new ones come first: they are what is brought forward now
            scrollToSpan(fresh);
        markRevealed(fresh);
        return;
    }

    // Grid: measured after the layouts that the new panes asked for.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    fresh.erase(std::remove_if(fresh.begin(), fresh.end(),
                               [this](const OutputPane *pane) { return !pane->isVisibleTo(m_window) || pane->geometry().isEmpty(); }),
                fresh.end());
    if (fresh.isEmpty())
        return; // not laid out yet: at the next update
    QScrollArea *scroll = output->gridScrollArea();
    const auto topOf = [scroll](const OutputPane *pane) { return pane->mapTo(scroll->widget(), QPoint(0, 0)); };
    const auto above = [&](const OutputPane *a, const OutputPane *b) {
        const QPoint pa = topOf(a);
        const QPoint pb = topOf(b);
        return pa.y() != pb.y() ? pa.y() < pb.y() : pa.x() < pb.x();
    };
    const auto scrollToSpan = [&](const QList<OutputPane *> &span) {
        // The last one, then the first: all of them when they fit, else the first ones.
        scroll->ensureWidgetVisible(*std::max_element(span.cbegin(), span.cend(), above), 0, 0);
        scroll->ensureWidgetVisible(*std::min_element(span.cbegin(), span.cend(), above), 0, 0);
    };
    present.erase(std::remove_if(present.begin(), present.end(),
                                 [this](const OutputPane *pane) { return !pane->isVisibleTo(m_window) || pane->geometry().isEmpty(); }),
                  present.end());
    scrollToSpan(present);
    const QRect viewport = scroll->viewport()->rect();
    const bool freshInView = std::all_of(fresh.cbegin(), fresh.cend(), [&](const OutputPane *pane) {
        return viewport.contains(QRect(pane->mapTo(scroll->viewport(), QPoint(0, 0)), pane->size()));
    });
    if (!freshInView) // the new ones come first: they are what is brought forward now
        scrollToSpan(fresh);
    markRevealed(fresh);
}

void WalkthroughHighlighter::addCodeFrame(QList<Frame> &frames)
{
    if (m_show.firstCodeLine <= 0)
        return;
    CodeView *code = m_window->codePanel()->pythonView();
    watch(code->viewport());
    const QRect lines = code->linesRect(m_show.firstCodeLine, m_show.lastCodeLine);
    // Only where the lines are painted: inside the viewport's height, from the gutter on.
    const QRect area(QPoint(0, code->viewport()->geometry().top()),
                     QPoint(code->viewport()->geometry().right(), code->viewport()->geometry().bottom()));
    const QRect rect = visibleInWindow(code, lines.intersected(area));
    if (!rect.isEmpty())
        frames.append({TargetKind::CodeLines, QStringLiteral("%1-%2").arg(m_show.firstCodeLine).arg(m_show.lastCodeLine),
                       rect});
}

void WalkthroughHighlighter::addPaneFrames(QList<Frame> &frames)
{
    if (m_show.panes.isEmpty())
        return;
    OutputArea *output = m_window->outputArea();
    watch(output);
    const QList<OutputPane *> panes = output->panes();
    for (const QString &role : std::as_const(m_show.panes)) {
        const auto it = std::find_if(panes.cbegin(), panes.cend(), [&role](const OutputPane *pane) {
            return pane->role() == role;
        });
        if (it == panes.cend())
            continue; // not created yet: framed when it appears
        OutputPane *pane = *it;
        watch(pane);
        if (output->isCompact()) {
            QTableView *list = output->processList();
            watch(list->viewport());
            if (const int row = output->processListModel()->rowOf(pane->processId()); row >= 0) {
                const QRect rowRect = list->visualRect(output->processListModel()->index(row, 0))
                                      | list->visualRect(output->processListModel()->index(
                                          row, output->processListModel()->columnCount() - 1));
                const QRect rect = visibleInWindow(list->viewport(), rowRect.intersected(list->viewport()->rect()));
                if (!rect.isEmpty())
                    frames.append({TargetKind::ProcessRow, role, rect});
            }
        }
        if (const QRect rect = visibleInWindow(pane, pane->rect()); !rect.isEmpty()) {
            frames.append({TargetKind::Pane, role, rect});
            continue;
        }
        // Tab layout, another pane in front: its tab is framed.
        QTabBar *tabBar = output->paneTabs()->tabBar();
        watch(tabBar);
        if (const int index = output->paneTabs()->indexOf(pane); index >= 0 && output->layoutMode() == OutputArea::LayoutMode::Tabs) {
            if (const QRect rect = visibleInWindow(tabBar, tabBar->tabRect(index)); !rect.isEmpty())
                frames.append({TargetKind::PaneTab, role, rect});
        }
    }
}

int WalkthroughHighlighter::timelineProcessId(const QString &role) const
{
    for (const ProcessSummary &process : m_window->timeline()->data().summary().processes) {
        if (process.role == role)
            return process.id;
    }
    return -1;
}

void WalkthroughHighlighter::addTimelineFrames(QList<Frame> &frames)
{
    if (m_show.timelineRows.isEmpty())
        return;
    TimelineWidget *timeline = m_window->timeline();
    watch(timeline->viewport());
    for (const QString &role : std::as_const(m_show.timelineRows)) {
        const int process = timelineProcessId(role);
        if (process < 0)
            continue;
        const QRect row = timeline->rowRect(process).intersected(timeline->viewport()->geometry());
        if (const QRect rect = visibleInWindow(timeline, row); !rect.isEmpty())
            frames.append({TargetKind::TimelineRow, role, rect});
    }
}

void WalkthroughHighlighter::addKnobFrames(QList<Frame> &frames)
{
    KnobPanel *knobs = m_window->knobPanel();
    for (const QString &name : std::as_const(m_show.knobs)) {
        watch(knobs);
        if (const QRect rect = visibleInWindow(knobs, knobs->knobRect(name)); !rect.isEmpty())
            frames.append({TargetKind::Knob, name, rect});
    }
}

void WalkthroughHighlighter::addTabFrame(QList<Frame> &frames)
{
    if (m_show.tab.isEmpty())
        return;
    QTabWidget *tabs = nullptr;
    int index = -1;
    if (m_show.tab == QLatin1StringView("python") || m_show.tab == QLatin1StringView("cpp")) {
        tabs = m_window->codePanel()->tabs();
        index = m_show.tab == QLatin1StringView("python") ? 0 : 1;
    } else {
        tabs = m_window->bottomTabs();
        for (int i = 0; i < tabs->count(); ++i) {
            if (tabs->widget(i)->objectName() == m_show.tab)
                index = i;
        }
    }
    if (index < 0)
        return;
    QTabBar *tabBar = tabs->tabBar();
    watch(tabBar);
    if (const QRect rect = visibleInWindow(tabBar, tabBar->tabRect(index)); !rect.isEmpty())
        frames.append({TargetKind::Tab, m_show.tab, rect});
}

} // namespace ProcessLab
