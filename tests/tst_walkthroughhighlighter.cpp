// SPDX-License-Identifier: MIT
// The walkthrough's frames on the real widgets (offscreen MainWindow, real worker processes):
// each kind of target is framed where the widget, line or row really is, follows scrolling,
// resizes, layout and language changes, and a target that appears later gets its frame.
#include "guitestsupport.h"

#include "code/codepanel.h"
#include "code/codeview.h"
#include "output/outputarea.h"
#include "output/outputpane.h"
#include "output/processlistmodel.h"
#include "processcolors.h"
#include "theme.h"
#include "timeline/timelinewidget.h"
#include "walkthrough/walkthroughhighlighter.h"

#include <QDir>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>

using namespace ProcessLab;
using namespace ProcessLab::TestSupport;
using Kind = WalkthroughHighlighter::TargetKind;

namespace {

// The frame of that kind and name, or an empty rect.
QRect frameOf(const WalkthroughHighlighter &highlighter, Kind kind, const QString &name)
{
    for (const WalkthroughHighlighter::Frame &frame : highlighter.frames()) {
        if (frame.kind == kind && frame.name == name)
            return frame.rect;
    }
    return {};
}

QRect inWindow(const QWidget *widget, const QRect &rect, const QWidget *window)
{
    return QRect(widget->mapTo(window, rect.topLeft()), rect.size());
}

QRect paneInWindow(MainWindow &window, const QString &role)
{
    for (OutputPane *pane : window.outputArea()->panes()) {
        if (pane->role() == role)
            return inWindow(pane, pane->rect(), &window);
    }
    return {};
}

// PROCESSLAB_HIGHLIGHT_SHOTS=<dir>: the window as the tests frame it, for a person to judge.
void saveShot(MainWindow &window, const QString &name)
{
    const QString dir = qEnvironmentVariable("PROCESSLAB_HIGHLIGHT_SHOTS");
    if (!dir.isEmpty())
        window.grab().save(QDir(dir).filePath(name + u".png"));
}

// Lines first..last of the code view where they are painted (inside the viewport's height).
QRect codeLinesInWindow(const CodeView *code, int first, int last, const QWidget *window)
{
    const QRect viewport = code->viewport()->geometry();
    return inWindow(code, code->linesRect(first, last).intersected(QRect(QPoint(0, viewport.top()), viewport.bottomRight())),
                    window);
}

// The colour painted on the middle of the frame's left side around target (window coordinates).
QColor frameColorLeftOf(MainWindow &window, const QRect &target, int penWidth)
{
    const QImage image = window.grab().toImage();
    const qreal ratio = image.devicePixelRatio();
    const QPoint at(target.left() - 1 - penWidth / 2, target.center().y());
    return image.pixelColor(QPoint(qRound(at.x() * ratio), qRound(at.y() * ratio)));
}

bool similar(const QColor &a, const QColor &b)
{
    return qAbs(a.red() - b.red()) < 40 && qAbs(a.green() - b.green()) < 40 && qAbs(a.blue() - b.blue()) < 40;
}

// The output area as narrow as beside the walkthrough's panel: its panes in one column.
void narrowOutputToOneColumn(MainWindow &window)
{
    auto *splitter = qobject_cast<QSplitter *>(window.outputArea()->parentWidget());
    QVERIFY(splitter);
    const int total = splitter->width();
    const int output = window.outputArea()->minimumGridWidth() + 20;
    splitter->setSizes({total - output, output});
}

WalkthroughShow codeLines(int first, int last)
{
    WalkthroughShow show;
    show.firstCodeLine = first;
    show.lastCodeLine = last;
    return show;
}

} // namespace

class TestWalkthroughHighlighter : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void codeLinesAreFramedAndScrolledIntoView();
    void codeFrameFollowsScrollingAndResizing();
    void knobIsFramed();
    void tabIsBroughtForwardAndFramed_data();
    void tabIsBroughtForwardAndFramed();
    void tabFrameFollowsLanguage();
    void paneIsFramedWhenItAppears();
    void paneTabsBringTheFirstForward();
    void manyPanesAreAllBroughtIntoView();
    void revealedPanesDoNotPullTheViewBack();
    void timelineRowIsFramed();
    void manyProcessesFrameTheListRows();
    void clearRemovesEveryFrame();
    void presenterModeDrawsThickerFrames();
};

void TestWalkthroughHighlighter::initTestCase()
{
    initGuiTestCase("tst_walkthroughhighlighter");
}

void TestWalkthroughHighlighter::init()
{
    resetGuiState();
}

void TestWalkthroughHighlighter::cleanup()
{
    Theme::apply(QStringLiteral("system"));
}

void TestWalkthroughHighlighter::codeLinesAreFramedAndScrolledIntoView()
{
    MainWindow window;
    QVERIFY(setKnobs(window, QStringLiteral("process"), 9, QStringLiteral("0")));
    QVERIFY(showWindow(window, 1100, 640));
    CodeView *code = window.codePanel()->pythonView();
    window.codePanel()->tabs()->setCurrentIndex(1); // the C++ in front: the walkthrough brings Python back
    const int last = code->blockCount() - 1;
    WalkthroughHighlighter highlighter(&window);
    highlighter.show(codeLines(last - 2, last));
    QTRY_COMPARE(window.codePanel()->tabs()->currentIndex(), 0);
    // The lines were below the view: scrolled into it, and the frame is on them.
    QTRY_VERIFY(!frameOf(highlighter, Kind::CodeLines, QStringLiteral("%1-%2").arg(last - 2).arg(last)).isEmpty());
    const QRect lines = code->linesRect(last - 2, last);
    QVERIFY(code->verticalScrollBar()->value() > 0);
    QVERIFY(lines.top() >= code->viewport()->geometry().top());
    QVERIFY(lines.bottom() <= code->viewport()->geometry().bottom());
    QCOMPARE(frameOf(highlighter, Kind::CodeLines, QStringLiteral("%1-%2").arg(last - 2).arg(last)),
             inWindow(code, lines, &window));
    QVERIFY(highlighter.overlay()->isVisible());
    QVERIFY(highlighter.overlay()->testAttribute(Qt::WA_TransparentForMouseEvents));
    saveShot(window, QStringLiteral("code-en"));
}

void TestWalkthroughHighlighter::codeFrameFollowsScrollingAndResizing()
{
    MainWindow window;
    QVERIFY(setKnobs(window, QStringLiteral("process"), 9, QStringLiteral("0")));
    QVERIFY(showWindow(window, 1100, 640));
    CodeView *code = window.codePanel()->pythonView();
    WalkthroughHighlighter highlighter(&window);
    highlighter.show(codeLines(4, 8));
    const QString name = QStringLiteral("4-8");
    QTRY_COMPARE(frameOf(highlighter, Kind::CodeLines, name), inWindow(code, code->linesRect(4, 8), &window));
    // Scrolled by two lines: the frame moves with the lines.
    code->verticalScrollBar()->setValue(2);
    QTRY_COMPARE(frameOf(highlighter, Kind::CodeLines, name), codeLinesInWindow(code, 4, 8, &window));
    QVERIFY(code->linesRect(4, 8).top() < code->linesRect(4, 8).height()); // really scrolled
    // Scrolled away: no frame drawn on the lines' old place.
    code->verticalScrollBar()->setValue(code->verticalScrollBar()->maximum());
    QTRY_VERIFY(frameOf(highlighter, Kind::CodeLines, name).isEmpty());
    code->verticalScrollBar()->setValue(0);
    QTRY_VERIFY(!frameOf(highlighter, Kind::CodeLines, name).isEmpty());
    // The window wider: the code panel moves and grows, the frame with it.
    window.resize(1400, 700);
    QTRY_COMPARE(frameOf(highlighter, Kind::CodeLines, name), inWindow(code, code->linesRect(4, 8), &window));
    QCOMPARE(highlighter.overlay()->geometry(), window.rect());
}

void TestWalkthroughHighlighter::knobIsFramed()
{
    MainWindow window;
    window.selectExample(QStringLiteral("process"));
    QVERIFY(showWindow(window, 1280, 800));
    WalkthroughHighlighter highlighter(&window);
    WalkthroughShow show;
    show.knobs = {QStringLiteral("sleep")};
    highlighter.show(show);
    const QWidget *editor = window.knobPanel()->findChild<QWidget *>(QStringLiteral("knob_sleep"));
    QVERIFY(editor);
    QTRY_VERIFY(!frameOf(highlighter, Kind::Knob, QStringLiteral("sleep")).isEmpty());
    const QRect frame = frameOf(highlighter, Kind::Knob, QStringLiteral("sleep"));
    QVERIFY2(frame.contains(inWindow(editor, editor->rect(), &window)), "the spin box is inside the frame");
    // Its label too, and not the workers knob beside it.
    const QWidget *workers = window.knobPanel()->findChild<QWidget *>(QStringLiteral("knob_workers"));
    QVERIFY(!frame.intersects(inWindow(workers, workers->rect(), &window)));
    QCOMPARE(frame, inWindow(window.knobPanel(), window.knobPanel()->knobRect(QStringLiteral("sleep")), &window));
    saveShot(window, QStringLiteral("knob-en"));
}

void TestWalkthroughHighlighter::tabIsBroughtForwardAndFramed_data()
{
    QTest::addColumn<QString>("tab");
    for (const char *tab : {"python", "cpp", "timeline", "console", "history", "queue", "pool", "topology"})
        QTest::newRow(tab) << QString::fromLatin1(tab);
}

void TestWalkthroughHighlighter::tabIsBroughtForwardAndFramed()
{
    QFETCH(QString, tab);
    MainWindow window;
    window.selectExample(QStringLiteral("process"));
    QVERIFY(showWindow(window, 1280, 800));
    const bool code = tab == QLatin1StringView("python") || tab == QLatin1StringView("cpp");
    QTabWidget *tabs = code ? window.codePanel()->tabs() : window.bottomTabs();
    const int index = code ? (tab == QLatin1StringView("cpp") ? 1 : 0) : window.viewNames().indexOf(tab);
    QVERIFY(index >= 0);
    tabs->setCurrentIndex(index == 0 ? 1 : 0); // another tab in front
    WalkthroughHighlighter highlighter(&window);
    WalkthroughShow show;
    show.tab = tab;
    highlighter.show(show);
    QCOMPARE(tabs->currentIndex(), index);
    QTRY_COMPARE(frameOf(highlighter, Kind::Tab, tab), inWindow(tabs->tabBar(), tabs->tabBar()->tabRect(index), &window));
}

void TestWalkthroughHighlighter::tabFrameFollowsLanguage()
{
    MainWindow window;
    window.selectExample(QStringLiteral("process"));
    QVERIFY(showWindow(window, 1280, 800));
    WalkthroughHighlighter highlighter(&window);
    WalkthroughShow show;
    show.tab = QStringLiteral("history");
    highlighter.show(show);
    QTabBar *bar = window.bottomTabs()->tabBar();
    const int index = window.viewNames().indexOf(show.tab);
    QTRY_COMPARE(frameOf(highlighter, Kind::Tab, show.tab), inWindow(bar, bar->tabRect(index), &window));
    const QRect english = frameOf(highlighter, Kind::Tab, show.tab);
    Language::apply(QStringLiteral("zh_CN"));
    QTRY_COMPARE(bar->tabText(0), QStringLiteral("时间线"));
    QTRY_COMPARE(frameOf(highlighter, Kind::Tab, show.tab), inWindow(bar, bar->tabRect(index), &window));
    QVERIFY2(frameOf(highlighter, Kind::Tab, show.tab) != english, "the Chinese tab titles have other widths");
    saveShot(window, QStringLiteral("tab-zh_CN"));
}

void TestWalkthroughHighlighter::paneIsFramedWhenItAppears()
{
    MainWindow window;
    QVERIFY(setKnobs(window, QStringLiteral("process"), 2, QStringLiteral("0.5")));
    QVERIFY(showWindow(window, 1280, 800));
    WalkthroughHighlighter highlighter(&window);
    WalkthroughShow show;
    show.panes = {QStringLiteral("Worker 2")};
    highlighter.show(show);
    // No run yet, no pane: nothing framed (and nothing drawn).
    QVERIFY(highlighter.frames().isEmpty());
    QVERIFY(!highlighter.overlay()->isVisible());
    window.startRun();
    QTRY_VERIFY_WITH_TIMEOUT(!frameOf(highlighter, Kind::Pane, QStringLiteral("Worker 2")).isEmpty(), 30000);
    QTRY_COMPARE(frameOf(highlighter, Kind::Pane, QStringLiteral("Worker 2")),
                 paneInWindow(window, QStringLiteral("Worker 2")));
    QVERIFY(frameOf(highlighter, Kind::Pane, QStringLiteral("Worker 1")).isEmpty());
    saveShot(window, QStringLiteral("pane-en"));
    QVERIFY(waitForRunEnd(window));
    // A new run replaces the panes: the new Worker 2 is framed again.
    window.startRun();
    QTRY_VERIFY_WITH_TIMEOUT(window.controller()->isActive(), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!paneInWindow(window, QStringLiteral("Worker 2")).isEmpty(), 30000);
    QTRY_COMPARE(frameOf(highlighter, Kind::Pane, QStringLiteral("Worker 2")),
                 paneInWindow(window, QStringLiteral("Worker 2")));
    QVERIFY(waitForRunEnd(window));
}

void TestWalkthroughHighlighter::paneTabsBringTheFirstForward()
{
    MainWindow window;
    QVERIFY(setKnobs(window, QStringLiteral("process"), 3, QStringLiteral("0")));
    QVERIFY(showWindow(window, 1280, 800));
    window.outputArea()->setLayoutMode(OutputArea::LayoutMode::Tabs);
    window.startRun();
    QVERIFY(waitForRunEnd(window));
    QTabWidget *tabs = window.outputArea()->paneTabs();
    QCOMPARE(tabs->count(), 4);
    tabs->setCurrentIndex(0); // Main in front
    WalkthroughHighlighter highlighter(&window);
    WalkthroughShow show;
    show.panes = {QStringLiteral("Worker 3"), QStringLiteral("Worker 1")};
    highlighter.show(show);
    // The first named is brought forward and framed; the other's tab is framed.
    QTRY_COMPARE(window.outputArea()->pane(3), tabs->currentWidget());
    QTRY_COMPARE(frameOf(highlighter, Kind::Pane, QStringLiteral("Worker 3")),
                 paneInWindow(window, QStringLiteral("Worker 3")));
    const int worker1 = tabs->indexOf(window.outputArea()->pane(1));
    QTRY_COMPARE(frameOf(highlighter, Kind::PaneTab, QStringLiteral("Worker 1")),
                 inWindow(tabs->tabBar(), tabs->tabBar()->tabRect(worker1), &window));
    // The user brings Worker 1 forward: the frames swap.
    tabs->setCurrentIndex(worker1);
    QTRY_COMPARE(frameOf(highlighter, Kind::Pane, QStringLiteral("Worker 1")),
                 paneInWindow(window, QStringLiteral("Worker 1")));
    QTRY_VERIFY(!frameOf(highlighter, Kind::PaneTab, QStringLiteral("Worker 3")).isEmpty());
    QVERIFY(frameOf(highlighter, Kind::Pane, QStringLiteral("Worker 3")).isEmpty());
}

// Step 9 of the process walkthrough: Worker 1..4 framed, five panes in the column. They
// appear one after another as the run creates them; each is brought into view, and the
// scrolling keeps as many of them visible as fit (not only the first one found).
void TestWalkthroughHighlighter::manyPanesAreAllBroughtIntoView()
{
    MainWindow window;
    QVERIFY(setKnobs(window, QStringLiteral("process"), 4, QStringLiteral("0.3")));
    QVERIFY(showWindow(window, 1280, 800));
    narrowOutputToOneColumn(window);
    WalkthroughHighlighter highlighter(&window);
    WalkthroughShow show;
    show.panes = {QStringLiteral("Worker 1"), QStringLiteral("Worker 2"), QStringLiteral("Worker 3"),
                  QStringLiteral("Worker 4")};
    highlighter.show(show);
    window.startRun();
    // Shown before the run: each pane is brought into view as it appears, Worker 4 too.
    const QString first = QStringLiteral("Worker 1");
    const QString last = QStringLiteral("Worker 4");
    QTRY_VERIFY_WITH_TIMEOUT(!frameOf(highlighter, Kind::Pane, last).isEmpty(), 30000);
    QVERIFY(waitForRunEnd(window));
    QScrollArea *scroll = window.outputArea()->gridScrollArea();
    QVERIFY2(scroll->verticalScrollBar()->maximum() > 0, "the five panes must not all fit: nothing to test");
    // Shown on the finished run (the panes laid out for good): the first and the last framed
    // are in view, the first in full, and as many in full as the viewport can hold.
    scroll->verticalScrollBar()->setValue(0);
    highlighter.show(show);
    QTRY_VERIFY(!frameOf(highlighter, Kind::Pane, last).isEmpty());
    QTRY_COMPARE(frameOf(highlighter, Kind::Pane, first), paneInWindow(window, first));
    const QRect viewport(scroll->viewport()->mapTo(&window, QPoint(0, 0)), scroll->viewport()->size());
    const int fullyVisible = static_cast<int>(std::count_if(show.panes.cbegin(), show.panes.cend(), [&](const QString &role) {
        return viewport.contains(paneInWindow(window, role));
    }));
    const int paneStep = paneInWindow(window, QStringLiteral("Worker 2")).top() - paneInWindow(window, first).top();
    QVERIFY(paneStep > 0);
    const int fitting = (viewport.height() + paneStep - paneInWindow(window, first).height()) / paneStep;
    QVERIFY2(fullyVisible >= std::min(4, fitting),
             qPrintable(QStringLiteral("%1 workers fully visible, %2 fit").arg(fullyVisible).arg(fitting)));
    saveShot(window, QStringLiteral("many-panes-en"));
}

// Once brought forward, a pane is not brought forward again: the user scrolls away and the
// run's updates (new lines, ticks, resizes) leave the view where the user put it.
void TestWalkthroughHighlighter::revealedPanesDoNotPullTheViewBack()
{
    MainWindow window;
    QVERIFY(setKnobs(window, QStringLiteral("process"), 4, QStringLiteral("0")));
    QVERIFY(showWindow(window, 1280, 800));
    narrowOutputToOneColumn(window);
    window.startRun();
    QVERIFY(waitForRunEnd(window));
    WalkthroughHighlighter highlighter(&window);
    WalkthroughShow show;
    show.panes = {QStringLiteral("Worker 3"), QStringLiteral("Worker 4")};
    highlighter.show(show);
    const QString last = QStringLiteral("Worker 4");
    QTRY_COMPARE(frameOf(highlighter, Kind::Pane, last), paneInWindow(window, last));
    QScrollBar *bar = window.outputArea()->gridScrollArea()->verticalScrollBar();
    QVERIFY(bar->value() > 0);
    bar->setValue(0); // the user scrolls back to Main
    QTRY_VERIFY(frameOf(highlighter, Kind::Pane, last).isEmpty()); // the frames followed
    // A resize updates the frames (the overlay follows the window) and reveals nothing.
    window.resize(1280, 790);
    QTRY_COMPARE(highlighter.overlay()->geometry(), window.rect());
    QTRY_VERIFY(!frameOf(highlighter, Kind::Pane, QStringLiteral("Worker 3")).isEmpty());
    QCOMPARE(bar->value(), 0);
}

void TestWalkthroughHighlighter::timelineRowIsFramed()
{
    MainWindow window;
    QVERIFY(setKnobs(window, QStringLiteral("process"), 2, QStringLiteral("0")));
    QVERIFY(showWindow(window, 1280, 800));
    window.showView(QStringLiteral("console"));
    WalkthroughHighlighter highlighter(&window);
    WalkthroughShow show;
    show.timelineRows = {QStringLiteral("Worker 1")};
    highlighter.show(show);
    QCOMPARE(window.bottomTabs()->currentWidget(), window.timeline()); // brought forward for its rows
    window.startRun();
    QVERIFY(waitForRunEnd(window));
    TimelineWidget *timeline = window.timeline();
    QTRY_VERIFY(!timeline->rowRect(1).isEmpty());
    QTRY_COMPARE(frameOf(highlighter, Kind::TimelineRow, QStringLiteral("Worker 1")),
                 inWindow(timeline, timeline->rowRect(1), &window));
    // Not Main's row above it.
    QVERIFY(!frameOf(highlighter, Kind::TimelineRow, QStringLiteral("Worker 1"))
                 .intersects(inWindow(timeline, timeline->rowRect(0), &window)));
    saveShot(window, QStringLiteral("timeline-en"));
}

void TestWalkthroughHighlighter::manyProcessesFrameTheListRows()
{
    MainWindow window;
    QVERIFY(setKnobs(window, QStringLiteral("process"), 9, QStringLiteral("0")));
    QVERIFY(showWindow(window, 1280, 800));
    window.startRun();
    QVERIFY(waitForRunEnd(window));
    OutputArea *output = window.outputArea();
    QVERIFY(output->isCompact());
    WalkthroughHighlighter highlighter(&window);
    WalkthroughShow show;
    show.panes = {QStringLiteral("Worker 8")};
    highlighter.show(show);
    QTableView *list = output->processList();
    const int row = output->processListModel()->rowOf(8);
    QVERIFY(row >= 0);
    QTRY_VERIFY(!frameOf(highlighter, Kind::ProcessRow, QStringLiteral("Worker 8")).isEmpty());
    const QRect expected = list->visualRect(output->processListModel()->index(row, 0))
                           | list->visualRect(output->processListModel()->index(row, ProcessListModel::ColumnCount - 1));
    QCOMPARE(frameOf(highlighter, Kind::ProcessRow, QStringLiteral("Worker 8")),
             inWindow(list->viewport(), expected.intersected(list->viewport()->rect()), &window));
    // Worker 8's pane is not shown in compact mode (Main and Worker 1 are): only its row.
    QVERIFY(frameOf(highlighter, Kind::Pane, QStringLiteral("Worker 8")).isEmpty());
    saveShot(window, QStringLiteral("list-en"));
}

void TestWalkthroughHighlighter::clearRemovesEveryFrame()
{
    MainWindow window;
    QVERIFY(setKnobs(window, QStringLiteral("process"), 2, QStringLiteral("0")));
    QVERIFY(showWindow(window, 1280, 800));
    window.startRun();
    QVERIFY(waitForRunEnd(window));
    WalkthroughHighlighter highlighter(&window);
    WalkthroughShow show = codeLines(3, 5);
    show.panes = {QStringLiteral("Main")};
    show.timelineRows = {QStringLiteral("Main")};
    show.knobs = {QStringLiteral("workers")};
    show.tab = QStringLiteral("timeline");
    highlighter.show(show);
    QTRY_COMPARE(highlighter.frames().size(), 5);
    highlighter.clear();
    QVERIFY(highlighter.frames().isEmpty());
    QVERIFY(!highlighter.overlay()->isVisible());
    // Nothing comes back with later layout changes or runs.
    window.resize(1200, 760);
    window.startRun();
    QVERIFY(waitForRunEnd(window));
    QCOMPARE(window.outputArea()->paneCount(), 3);
    QCoreApplication::processEvents(); // any update the run's end scheduled
    QVERIFY(highlighter.frames().isEmpty());
    QVERIFY(!highlighter.overlay()->isVisible());
}

void TestWalkthroughHighlighter::presenterModeDrawsThickerFrames()
{
    MainWindow window;
    QVERIFY(setKnobs(window, QStringLiteral("process"), 2, QStringLiteral("0")));
    QVERIFY(showWindow(window, 1280, 800));
    window.startRun();
    QVERIFY(waitForRunEnd(window));
    WalkthroughHighlighter highlighter(&window);
    WalkthroughShow show = codeLines(12, 13);
    show.panes = {QStringLiteral("Worker 1")};
    highlighter.show(show);
    QCOMPARE(highlighter.penWidth(), WalkthroughHighlighter::framePenWidth);
    QTRY_COMPARE(frameOf(highlighter, Kind::Pane, QStringLiteral("Worker 1")),
                 paneInWindow(window, QStringLiteral("Worker 1")));
    const QRect before = frameOf(highlighter, Kind::Pane, QStringLiteral("Worker 1"));
    window.setPresenterMode(true);
    QCOMPARE(highlighter.penWidth(), WalkthroughHighlighter::presenterFramePenWidth);
    QVERIFY(WalkthroughHighlighter::presenterFramePenWidth > WalkthroughHighlighter::framePenWidth);
    // Presenter mode re-lays out the window (larger fonts, fitted splitters): the frames follow.
    QTRY_VERIFY(paneInWindow(window, QStringLiteral("Worker 1")) != before);
    CodeView *code = window.codePanel()->pythonView();
    QTRY_COMPARE(frameOf(highlighter, Kind::Pane, QStringLiteral("Worker 1")),
                 paneInWindow(window, QStringLiteral("Worker 1")));
    QTRY_COMPARE(frameOf(highlighter, Kind::CodeLines, QStringLiteral("12-13")),
                 inWindow(code, code->linesRect(12, 13), &window));
    // Painted: the accent colour just left of the pane, in the thicker pen.
    const QRect pane = paneInWindow(window, QStringLiteral("Worker 1"));
    QVERIFY(similar(frameColorLeftOf(window, pane, highlighter.penWidth()), WalkthroughHighlighter::accentColor(false)));
    saveShot(window, QStringLiteral("presenter-en"));
    // A dark room: the lighter accent, still on the frames.
    Theme::apply(QStringLiteral("dark"));
    QTRY_VERIFY(isDarkPalette(highlighter.overlay()->palette()));
    QTRY_COMPARE(frameOf(highlighter, Kind::Pane, QStringLiteral("Worker 1")),
                 paneInWindow(window, QStringLiteral("Worker 1")));
    QTRY_VERIFY(similar(frameColorLeftOf(window, paneInWindow(window, QStringLiteral("Worker 1")), highlighter.penWidth()),
                        WalkthroughHighlighter::accentColor(true)));
    saveShot(window, QStringLiteral("presenter-dark"));
    window.setPresenterMode(false);
}

QTEST_MAIN(TestWalkthroughHighlighter)
#include "tst_walkthroughhighlighter.moc"
