// SPDX-License-Identifier: MIT
// The window's layout as a user sees it at common sizes (1280×800, 1024×700): stable pane
// columns, headers and tool rows that fit, a process list for many processes, presenter
// mode, and the help a first-time user needs (quit question, hint, shortcuts, tutorial).
#include "guitestsupport.h"

#include "appoptions.h"
#include "code/codepanel.h"
#include "code/codeview.h"
#include "help/firstrunhint.h"
#include "help/shortcutsdialog.h"
#include "help/tutorialviewer.h"
#include "examples/exampleregistry.h"
#include "knobpanel.h"
#include "knobtoolbar.h"
#include "language.h"
#include "mainwindow.h"
#include "output/outputarea.h"
#include "output/outputpane.h"
#include "output/outputtoolbar.h"
#include "output/outputview.h"
#include "output/processlistmodel.h"
#include "output/processstatustext.h"
#include "runcontroller.h"
#include "walkthrough/walkthroughplayer.h"
#include "windowlayout.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QScopeGuard>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QTextBlock>
#include <QTextBrowser>
#include <QToolBar>
#include <QToolButton>

using namespace ProcessLab;
using namespace ProcessLab::TestSupport;

namespace {

// Rows for a check that must hold in both layouts and both languages.
void addPresenterAndLanguageRows()
{
    QTest::addColumn<bool>("presenter");
    QTest::addColumn<QString>("language");
    QTest::newRow("default, en") << false << QStringLiteral("en");
    QTest::newRow("default, zh_CN") << false << QStringLiteral("zh_CN");
    QTest::newRow("presenter, en") << true << QStringLiteral("en");
    QTest::newRow("presenter, zh_CN") << true << QStringLiteral("zh_CN");
}

// Applies a language for one test function; at its end the font and English come back.
auto useLanguage(const QString &language)
{
    Language::apply(language);
    return qScopeGuard([font = QApplication::font()] {
        QApplication::setFont(font);
        Language::apply(QStringLiteral("en"));
    });
}

// True when the widget is whole inside the visible part of the scroll area.
bool fullyVisibleIn(QWidget *widget, QScrollArea *area)
{
    const QRect inViewport(widget->mapTo(area->viewport(), QPoint(0, 0)), widget->size());
    return widget->isVisible() && area->viewport()->rect().contains(inViewport);
}

// The longest line of the Python listing, in the code view's font, plus the document's margins.
int longestLineWidth(CodeView *view)
{
    int longest = 0;
    for (QTextBlock block = view->document()->begin(); block.isValid(); block = block.next())
        longest = std::max(longest, view->fontMetrics().horizontalAdvance(block.text()));
    return longest + 2 * static_cast<int>(view->document()->documentMargin());
}

// The widget shows its whole text: as wide as it wants to be and inside its parent.
bool notCut(QWidget *widget)
{
    return widget->isVisible() && widget->width() >= widget->sizeHint().width()
           && widget->parentWidget()->rect().contains(widget->geometry());
}

} // namespace

class TestLayout : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void columnsStayDuringAndBetweenRuns();
    void mainStaysInViewAtStart();
    void headersAndToolsFitTwoColumnsAt1024();
    void mainsNoteIsWholeBesideTheWalkthrough_data();
    void mainsNoteIsWholeBesideTheWalkthrough();
    void manyProcessesGetAProcessList();
    void processListModelIsSound();
    void ipcRoleNamesAreTranslated_data();
    void ipcRoleNamesAreTranslated();
    void processListFitsAt1024_data();
    void processListFitsAt1024();
    void codeFitsDefaultAndPresenter_data();
    void codeFitsDefaultAndPresenter();
    void presenterShowsAChosenBottomTab_data();
    void presenterShowsAChosenBottomTab();
    void viewOptionListsEveryTab();
    void fullScreenOnF11();
    void quitMidRunAsks();
    void firstRunHintUntilFirstRun();
    void shortcutsListFollowsActions();
    void tutorialTextIsShipped();
    void resetKnobsToTutorialValues();
    void everyKnobIsVisibleAt1280_data();
    void everyKnobIsVisibleAt1280();
    void knobsShareTheRunRowWhenTheyFit();
    void knobBarSurvivesASavedWindowState();
};

void TestLayout::initTestCase()
{
    initGuiTestCase("tst_layout");
}

void TestLayout::init()
{
    resetGuiState();
}

void TestLayout::columnsStayDuringAndBetweenRuns()
{
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    // A run under a second: the header texts change fast.
    QVERIFY(setKnobs(window, QStringLiteral("process"), 2, QStringLiteral("0.5")));
    QList<int> seen;
    connect(window.controller(), &RunController::tick, this, [&] {
        if (window.outputArea()->paneCount() > 0 && !seen.contains(window.outputArea()->columnCount()))
            seen.append(window.outputArea()->columnCount());
    });
    for (int run = 0; run < 2; ++run) {
        window.startRun();
        QVERIFY(waitForRunEnd(window));
        QCOMPARE(window.controller()->run()->exitCode(), 0);
    }
    QCoreApplication::processEvents();
    if (!seen.contains(window.outputArea()->columnCount()))
        seen.append(window.outputArea()->columnCount());
    // Three panes beside the code at 1280 px: two columns, from the first tick to the end.
    QCOMPARE(seen, QList<int>{2});
}

void TestLayout::mainStaysInViewAtStart()
{
    MainWindow window;
    QVERIFY(showWindow(window, 1024, 700));
    window.activateWindow();
    // 8 panes in one column: the grid scrolls.
    QVERIFY(setKnobs(window, QStringLiteral("process"), 7, QStringLiteral("0.5")));
    QScrollArea *scroll = window.outputArea()->gridScrollArea();
    window.startRun();
    QVERIFY(waitForRunEnd(window));
    QTRY_VERIFY(scroll->verticalScrollBar()->maximum() > 0); // there is something to scroll to
    // The user reads the last worker's output (scrolled down, focus in that pane) and runs again.
    OutputPane *last = window.outputArea()->pane(7);
    last->view()->setFocus(Qt::MouseFocusReason);
    scroll->ensureWidgetVisible(last);
    QTRY_VERIFY(scroll->verticalScrollBar()->value() > 0);
    bool mainHidden = false;
    connect(window.controller(), &RunController::tick, this, [&] {
        OutputPane *main = window.outputArea()->pane(mainProcessId);
        if (main && main->isVisible() && !fullyVisibleIn(main, scroll))
            mainHidden = true;
    });
    window.startRun();
    QVERIFY(QTest::qWaitFor([&] { return window.outputArea()->paneCount() == 8; }, 20000));
    QVERIFY(waitForRunEnd(window));
    QVERIFY(!mainHidden);
    QCOMPARE(scroll->verticalScrollBar()->value(), 0);
}

void TestLayout::headersAndToolsFitTwoColumnsAt1024()
{
    MainWindow window;
    QVERIFY(showWindow(window, 1024, 700));
    QVERIFY(setKnobs(window, QStringLiteral("process"), 3, QStringLiteral("0.2")));
    // The user folds the example list away (or presenter mode does): room for two columns.
    auto *mainSplitter = qobject_cast<QSplitter *>(window.codePanel()->parentWidget()->parentWidget()->parentWidget());
    QVERIFY(mainSplitter);
    mainSplitter->setSizes({0, 1024});
    auto *topSplitter = qobject_cast<QSplitter *>(window.codePanel()->parentWidget());
    QVERIFY(topSplitter);
    const int code = window.windowLayout()->codeWidthNeeded();
    topSplitter->setSizes({code, topSplitter->width() - code});
    window.startRun();
    QVERIFY(waitForRunEnd(window));
    QTRY_COMPARE_WITH_TIMEOUT(window.outputArea()->columnCount(), 2, 1000);
    for (OutputPane *pane : window.outputArea()->panes()) {
        pane->setToolsVisible(true);
        QCoreApplication::processEvents();
        const QString where = pane->role();
        auto *pid = pane->findChild<QLabel *>(QStringLiteral("pid"));
        QVERIFY(pid);
        QVERIFY2(notCut(pid), qPrintable(where + u": " + pid->text()));
        QVERIFY2(pid->text().startsWith(QStringLiteral("PID ")) && !pid->text().contains(u'…'), qPrintable(pid->text()));
        for (const char *name : {"state", "elapsed"}) {
            auto *part = pane->findChild<QWidget *>(QString::fromLatin1(name));
            QVERIFY2(part && notCut(part), qPrintable(where + u": " + QString::fromLatin1(name)));
        }
        // The tool row: a usable filter; every command either whole on the row or in its overflow menu.
        auto *tools = pane->findChild<OutputToolBar *>();
        QVERIFY(tools && tools->isVisible());
        QVERIFY2(tools->filterEdit()->width() >= 120, qPrintable(QString::number(tools->filterEdit()->width())));
        auto *overflow = tools->findChild<QToolButton *>(QStringLiteral("qt_toolbar_ext_button"));
        for (QAction *command : tools->actions()) {
            QWidget *button = tools->widgetForAction(command);
            if (!button || button == tools->filterEdit())
                continue;
            const bool whole = button->isVisible() && tools->rect().contains(button->geometry());
            const bool inMenu = !button->isVisible() && overflow && overflow->isVisible();
            QVERIFY2(whole || inMenu, qPrintable(where + u": " + command->text()));
        }
    }
}

void TestLayout::mainsNoteIsWholeBesideTheWalkthrough_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
}

// With the walkthrough panel open at 1280x800 the panes are narrow (~230 px): Main's "waiting at
// line 33: consumer_process.join()" takes two lines, and both are whole, inside the header, which
// is whole inside the pane (the missing end marker: Main waits there for ever).
void TestLayout::mainsNoteIsWholeBesideTheWalkthrough()
{
    QFETCH(QString, language);
    QVERIFY(Language::apply(language));
    const auto restore = qScopeGuard([] { Language::apply(QStringLiteral("en")); });
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    QString error;
    QVERIFY2(window.walkthroughPlayer()->openShipped(QStringLiteral("trap-missing-sentinel"), &error), qPrintable(error));
    QVERIFY(setKnob(window, "sentinel", "off"));
    window.startRun();
    const auto stop = qScopeGuard([&window] {
        window.controller()->stop();
        waitForRunEnd(window);
    });
    OutputPane *main = nullptr;
    QVERIFY(QTest::qWaitFor([&] {
        main = window.outputArea()->pane(mainProcessId);
        return main && main->detailText().contains(QStringLiteral("consumer_process.join()"));
    }, 60000));
    QVERIFY2(main->width() < 320, qPrintable(QString::number(main->width()))); // the narrow case
    auto *note = main->findChild<QLabel *>(QStringLiteral("detail"));
    QVERIFY(note);
    // Laid out as it is when the window is next painted.
    QTRY_VERIFY(note->isVisible() && !note->text().isEmpty());
    QCoreApplication::processEvents();
    const QStringList lines = note->text().split(u'\n');
    QCOMPARE(lines.size(), 2);
    const QFontMetrics fm = note->fontMetrics();
    for (const QString &line : lines)
        QVERIFY2(fm.horizontalAdvance(line) <= note->contentsRect().width(), qPrintable(line));
    QVERIFY2(note->contentsRect().height() >= fm.boundingRect(note->contentsRect(), int(note->alignment()), note->text()).height(),
             qPrintable(QStringLiteral("%1 px for %2").arg(note->contentsRect().height()).arg(note->text())));
    QWidget *header = note->parentWidget();
    QVERIFY2(header->rect().contains(note->geometry()), qPrintable(note->text()));
    QVERIFY2(main->rect().contains(header->geometry()),
             qPrintable(QStringLiteral("header %1 px high in a %2 px pane").arg(header->height()).arg(main->height())));
    QCOMPARE(note->toolTip(), main->detailText());
}

void TestLayout::manyProcessesGetAProcessList()
{
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    QVERIFY(setKnobs(window, QStringLiteral("process"), 64, QStringLiteral("0.5")));
    QAbstractItemModelTester tester(window.outputArea()->processListModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    window.startRun();
    QVERIFY(waitForRunEnd(window, 120000));
    QCOMPARE(window.controller()->run()->exitCode(), 0);
    OutputArea *area = window.outputArea();
    QVERIFY(area->isCompact());
    QVERIFY(area->processList()->isVisible());
    ProcessListModel *model = area->processListModel();
    QTRY_COMPARE(model->rowCount(), 65);
    // The list shows what the summary says, row by row.
    const RunSummary &summary = window.controller()->summary();
    for (int row = 0; row < model->rowCount(); ++row) {
        const ProcessSummary &p = summary.processes.at(model->processIdAt(row));
        QCOMPARE(model->index(row, ProcessListModel::Name).data().toString(), ProcessStatusText::roleName(p.id, p.role));
        QCOMPARE(model->index(row, ProcessListModel::Pid).data().toLongLong(), p.pid);
        QCOMPARE(model->index(row, ProcessListModel::State).data().toString(), ProcessStatusText::state(p.state));
        QCOMPARE(model->index(row, ProcessListModel::Exit).data().toString(), ProcessStatusText::exitStatusShort(p));
        QCOMPARE(model->index(row, ProcessListModel::Exit).data(Qt::ToolTipRole).toString(), ProcessStatusText::exitStatus(p));
        QCOMPARE(model->index(row, ProcessListModel::Lines).data().toString(),
                 QLocale().toString(p.stdoutLines + p.stderrLines));
    }
    QCOMPARE(model->index(5, ProcessListModel::Lines).data().toString(), QStringLiteral("2"));
    // Main and the selected worker, not 65 panes: nothing like 11,000 px of scrolling.
    QList<OutputPane *> shown = area->shownPanes();
    QCOMPARE(shown.size(), 2);
    QCOMPARE(shown.at(0)->processId(), mainProcessId);
    QCOMPARE(shown.at(1)->processId(), 1);
    QVERIFY(area->gridScrollArea()->widget()->height() <= area->gridScrollArea()->viewport()->height() * 2);
    // Selecting rows shows those processes' panes beside Main's.
    QItemSelection selection;
    selection.select(model->index(model->rowOf(40), 0), model->index(model->rowOf(40), ProcessListModel::ColumnCount - 1));
    selection.select(model->index(model->rowOf(64), 0), model->index(model->rowOf(64), ProcessListModel::ColumnCount - 1));
    area->processList()->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    shown = area->shownPanes();
    QCOMPARE(shown.size(), 3);
    QCOMPARE(shown.at(1)->processId(), 40);
    QCOMPARE(shown.at(2)->processId(), 64);
    QVERIFY(shown.at(2)->isVisible());
    QVERIFY(!area->pane(1)->isVisible());
    area->pane(64)->view()->flushPending();
    QCOMPARE(area->pane(64)->view()->toPlainText(), QStringLiteral("Worker 64 started\nWorker 64 finished"));
    // A click on the timeline reveals a process that is not shown: its row gets selected.
    area->revealEvent(30, -1);
    QVERIFY(area->pane(30)->isVisible());
    QVERIFY(area->processList()->selectionModel()->isRowSelected(model->rowOf(30), {}));
    area->showProcesses({40, 64});
    // As tabs: Main and the selected processes, not 65 tabs.
    area->setLayoutMode(OutputArea::LayoutMode::Tabs);
    auto *tabs = area->findChild<QTabWidget *>();
    QVERIFY(tabs);
    QCOMPARE(tabs->count(), 3);
    QCOMPARE(tabs->tabText(2), QStringLiteral("Worker 64"));
    area->setLayoutMode(OutputArea::LayoutMode::Grid);
    QCOMPARE(area->shownPanes().size(), 3);
    // The selection carries over to the next run.
    window.startRun();
    QVERIFY(waitForRunEnd(window, 120000));
    QTRY_COMPARE(area->shownPanes().size(), 3);
    QCOMPARE(area->shownPanes().at(2)->processId(), 64);
}

void TestLayout::processListModelIsSound()
{
    ProcessListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    RunSummary summary;
    summary.processes.resize(3);
    summary.processes[0].id = 0;
    summary.processes[0].role = QStringLiteral("Main");
    summary.processes[0].pid = 100;
    summary.processes[0].state = ProcessState::Running;
    summary.processes[0].createdNs = 1'000'000'000;
    summary.processes[2].id = 2; // id 1 is not created yet: no row
    summary.processes[2].role = QStringLiteral("Worker 2");
    model.setSummary(summary, 2'000'000'000);
    QCOMPARE(model.rowCount(), 2);
    // Main's name says what Main is.
    QCOMPARE(model.index(0, ProcessListModel::Name).data(Qt::ToolTipRole).toString(),
             ProcessStatusText::roleToolTip(summary.processes[0]));
    QVERIFY(model.index(0, ProcessListModel::Name).data(Qt::ToolTipRole).toString().contains(QStringLiteral("PID 100")));
    QCOMPARE(model.processIdAt(1), 2);
    QCOMPARE(model.rowOf(1), -1);
    summary.processes[1].id = 1;
    summary.processes[1].role = QStringLiteral("Worker 1");
    summary.processes[1].state = ProcessState::Killed;
    summary.processes[1].exitSignal = 15;
    summary.processes[1].hasExitStatus = true;
    summary.processes[1].stdoutLines = 3;
    summary.processes[1].stderrLines = 1;
    model.setSummary(summary, 3'000'000'000);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(1, ProcessListModel::Lines).data().toString(), QStringLiteral("4"));
    QCOMPARE(model.index(1, ProcessListModel::State).data().toString(), ProcessStatusText::state(ProcessState::Killed));
    QCOMPARE(model.index(1, ProcessListModel::Exit).data().toString(), ProcessStatusText::exitStatusShort(summary.processes[1]));
    QCOMPARE(model.index(1, ProcessListModel::Exit).data(Qt::ToolTipRole).toString(), ProcessStatusText::exitStatus(summary.processes[1]));
    QVERIFY(model.index(1, ProcessListModel::Exit).data(Qt::ForegroundRole).isValid()); // shown as bad
    QCOMPARE(model.index(0, ProcessListModel::Elapsed).data().toString(), ProcessStatusText::duration(2'000'000'000));
    {
        // Names as the panes and the timeline show them: in Chinese, 主进程 and 进程 1, not the recorded role.
        Language::apply(QStringLiteral("zh_CN"));
        const auto restore = qScopeGuard([] { Language::apply(QStringLiteral("en")); });
        model.retranslate();
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString name = model.index(row, ProcessListModel::Name).data().toString();
            QCOMPARE(name, ProcessStatusText::roleName(model.processIdAt(row), summary.processes[row].role));
            QVERIFY2(name != summary.processes[row].role, qPrintable(name));
        }
    }
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestLayout::ipcRoleNamesAreTranslated_data()
{
    QTest::addColumn<QString>("recorded");
    QTest::addColumn<QString>("chinese");
    QTest::newRow("producer") << QStringLiteral("Producer") << QStringLiteral("生产者");
    QTest::newRow("producer 2") << QStringLiteral("Producer 2") << QStringLiteral("生产者 2");
    QTest::newRow("consumer") << QStringLiteral("Consumer") << QStringLiteral("消费者");
    QTest::newRow("consumer 3") << QStringLiteral("Consumer 3") << QStringLiteral("消费者 3");
    QTest::newRow("sender") << QStringLiteral("Sender") << QStringLiteral("发送进程");
    QTest::newRow("worker 4") << QStringLiteral("Worker 4") << QStringLiteral("进程 4");
}

// The queue and pipe examples' processes are named in the user's language, like "Worker N".
void TestLayout::ipcRoleNamesAreTranslated()
{
    QFETCH(QString, recorded);
    QFETCH(QString, chinese);
    QCOMPARE(ProcessStatusText::roleName(1, recorded), recorded);
    Language::apply(QStringLiteral("zh_CN"));
    const auto restore = qScopeGuard([] { Language::apply(QStringLiteral("en")); });
    QCOMPARE(ProcessStatusText::roleName(1, recorded), chinese);
}

void TestLayout::processListFitsAt1024_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
}

// Issue 8: at 1024×700 with 64 workers the process list needed sideways scrolling
// ("Elapsed" showed as "Ela", "Lines" hidden). The columns fit; the name elides.
void TestLayout::processListFitsAt1024()
{
    QFETCH(QString, language);
    Language::apply(language);
    const auto restore = qScopeGuard([] { Language::apply(QStringLiteral("en")); });
    MainWindow window;
    QVERIFY(showWindow(window, 1024, 700));
    QVERIFY(setKnobs(window, QStringLiteral("process"), 64, QStringLiteral("0.2")));
    window.startRun();
    QVERIFY(waitForRunEnd(window, 120000));
    OutputArea *area = window.outputArea();
    QTableView *list = area->processList();
    QTRY_VERIFY(list->isVisible());
    QTRY_COMPARE(area->processListModel()->rowCount(), 65);
    QCoreApplication::processEvents();
    QHeaderView *header = list->horizontalHeader();
    QTRY_COMPARE(list->horizontalScrollBar()->maximum(), 0);
    // The CPU column gives way where it does not fit (the pane headers show CPU).
    for (int column = ProcessListModel::Pid; column < ProcessListModel::ColumnCount; ++column) {
        if (list->isColumnHidden(column))
            continue;
        // Every column but the name is whole: its header and its widest cell.
        QVERIFY2(header->sectionViewportPosition(column) + header->sectionSize(column) <= list->viewport()->width(),
                 qPrintable(QString::number(column)));
        QVERIFY2(header->sectionSize(column) >= header->sectionSizeHint(column),
                 qPrintable(area->processListModel()->headerData(column, Qt::Horizontal).toString()));
    }
}

void TestLayout::codeFitsDefaultAndPresenter_data()
{
    addPresenterAndLanguageRows();
}

void TestLayout::codeFitsDefaultAndPresenter()
{
    QFETCH(bool, presenter);
    QFETCH(QString, language);
    const auto restore = useLanguage(language);
    {
        MainWindow window;
        QVERIFY(showWindow(window, 1280, 800));
        window.selectExample(QStringLiteral("process"));
        if (presenter) {
            window.setPresenterMode(true);
            QTRY_VERIFY(window.windowLayout()->isPresenter());
        }
        CodeView *code = window.codePanel()->pythonView();
        QVERIFY(code->document()->toPlainText().contains(
            QStringLiteral("process1 = multiprocessing.Process(target=worker, args=(1,))")));
        // Lines 12-13 whole, no horizontal scrolling (the fit happens once the window is laid out).
        QTRY_VERIFY2(code->viewport()->width() >= longestLineWidth(code),
                     qPrintable(QStringLiteral("viewport %1 < line %2").arg(code->viewport()->width()).arg(longestLineWidth(code))));
        QTRY_COMPARE(code->horizontalScrollBar()->maximum(), 0);
        if (presenter) {
            // The whole listing in height too (issue 8: lines 1-8 were scrolled away).
            const int lines = code->document()->blockCount();
            QVERIFY(lines >= 20);
            const int lineHeight = code->fontMetrics().lineSpacing();
            QTRY_VERIFY2(code->viewport()->height() >= lines * lineHeight,
                         qPrintable(QStringLiteral("viewport %1 < %2 lines × %3").arg(code->viewport()->height()).arg(lines).arg(lineHeight)));
            QTRY_COMPARE(code->verticalScrollBar()->maximum(), 0);
        }
        if (presenter) {
            QVERIFY(setKnob(window, "workers", "2"));
            QVERIFY(setKnob(window, "sleep", "0.3"));
            window.startRun();
            QVERIFY(waitForRunEnd(window));
            QScrollArea *scroll = window.outputArea()->gridScrollArea();
            for (int process = 0; process <= 2; ++process)
                QTRY_VERIFY2(fullyVisibleIn(window.outputArea()->pane(process), scroll), qPrintable(QString::number(process)));
            window.setPresenterMode(false);
        }
    }
}

void TestLayout::presenterShowsAChosenBottomTab_data()
{
    QTest::addColumn<bool>("byClick");
    QTest::newRow("--view queue") << false;
    QTest::newRow("tab clicked") << true;
}

// Presenter mode at 1280×800 may shrink the bottom tabs to their tab bar; a tab chosen on
// purpose (--view, a click) gets ~40% of the height, and keeps it when the layout is fitted again.
void TestLayout::presenterShowsAChosenBottomTab()
{
    QFETCH(bool, byClick);
    const auto restore = qScopeGuard([font = QApplication::font()] { QApplication::setFont(font); });
    {
        MainWindow window;
        QVERIFY(showWindow(window, 1280, 800));
        window.selectExample(QStringLiteral("queue"));
        window.setPresenterMode(true);
        QTRY_VERIFY(window.windowLayout()->isPresenter());
        QTabWidget *tabs = window.bottomTabs();
        auto *centre = qobject_cast<QSplitter *>(tabs->parentWidget());
        QVERIFY(centre);
        const int tabBar = tabs->tabBar()->sizeHint().height();
        const int wanted = int(centre->height() * 0.3);
        if (!byClick) {
            QVERIFY(window.showView(QStringLiteral("queue")));
        } else {
            const int index = tabs->indexOf(window.findChild<QWidget *>(QStringLiteral("queue")));
            QVERIFY(index >= 0);
            QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(index).center());
            QCOMPARE(tabs->currentIndex(), index);
        }
        QTRY_VERIFY2(tabs->height() >= wanted,
                     qPrintable(QStringLiteral("bottom %1 < %2 (tab bar %3)").arg(tabs->height()).arg(wanted).arg(tabBar)));
        QVERIFY(tabs->currentWidget()->height() > 3 * tabBar);
        window.windowLayout()->fit(); // zooming re-fits: the chosen tab stays in view
        QTRY_VERIFY2(tabs->height() >= wanted, qPrintable(QString::number(tabs->height())));
        window.setPresenterMode(false);
    }
}

// --view's help lists every tab by the name it accepts.
void TestLayout::viewOptionListsEveryTab()
{
    MainWindow window;
    QCOMPARE(window.viewNames(), appViewNames());
    QCOMPARE(appViewNames().size(), 8);
}

void TestLayout::fullScreenOnF11()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QAction *fullScreen = action(window, "actionFullScreen");
    QCOMPARE(fullScreen->shortcut(), QKeySequence(Qt::Key_F11));
    fullScreen->trigger();
    QTRY_VERIFY(window.windowState() & Qt::WindowFullScreen);
    fullScreen->trigger();
    QTRY_VERIFY(!(window.windowState() & Qt::WindowFullScreen));
}

void TestLayout::quitMidRunAsks()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(setKnobs(window, QStringLiteral("process"), 2, QStringLiteral("30")));
    window.startRun();
    QVERIFY(QTest::qWaitFor([&] { return workerPids(window.controller()->run()->record()).size() == 2; }, 10000));
    const QList<qint64> pids = workerPids(window.controller()->run()->record());

    // Ctrl+Q mid-run asks; Cancel keeps everything running.
    action(window, "actionQuit")->trigger();
    QTRY_VERIFY(window.quitQuestion() && window.quitQuestion()->isVisible());
    QVERIFY(window.isVisible());
    QVERIFY(window.controller()->isActive());
    window.quitQuestion()->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!window.quitQuestion());
    QVERIFY(window.isVisible());
    QVERIFY(window.controller()->isActive());

    // Closing the window asks too; "Stop and Quit" stops the run, then closes.
    window.close();
    QTRY_VERIFY(window.quitQuestion() && window.quitQuestion()->isVisible());
    QVERIFY(window.isVisible());
    QPushButton *stopAndQuit = nullptr;
    for (QAbstractButton *button : window.quitQuestion()->buttons()) {
        if (window.quitQuestion()->buttonRole(button) == QMessageBox::AcceptRole)
            stopAndQuit = qobject_cast<QPushButton *>(button);
    }
    QVERIFY(stopAndQuit);
    stopAndQuit->click();
    QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), 20000);
    QVERIFY(!window.controller()->isActive());
    QVERIFY(allGone(pids, 10000));
}

void TestLayout::firstRunHintUntilFirstRun()
{
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.firstRunHint()->isVisible());
        QVERIFY2(window.firstRunHint()->text().contains(QStringLiteral("F5")), qPrintable(window.firstRunHint()->text()));
        window.selectExample(QStringLiteral("process"));
        QVERIFY(setKnob(window, "sleep", "0"));
        window.startRun();
        QVERIFY(!window.firstRunHint()->isVisible());
        QVERIFY(waitForRunEnd(window));
    }
    QVERIFY(QSettings().value(QLatin1StringView(FirstRunHint::settingsKey)).toBool());
    MainWindow again;
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QVERIFY(!again.firstRunHint()->isVisible());
}

void TestLayout::shortcutsListFollowsActions()
{
    MainWindow window;
    const auto has = [&](const QString &keys, const QString &command) {
        const QList<ShortcutsDialog::Entry> entries = ShortcutsDialog::entries(&window);
        return std::any_of(entries.cbegin(), entries.cend(),
                           [&](const ShortcutsDialog::Entry &e) { return e.shortcut == keys && e.command == command; });
    };
    // Every action of the window that has a shortcut is listed, with its current keys.
    for (QAction *a : window.findChildren<QAction *>()) {
        for (const QKeySequence &key : a->shortcuts()) {
            QString text = a->text();
            text.remove(u'&');
            QVERIFY2(has(key.toString(QKeySequence::NativeText), text.trimmed()), qPrintable(text));
        }
    }
    QVERIFY(has(QStringLiteral("F5"), QStringLiteral("Run")));
    QVERIFY(has(QStringLiteral("F11"), QStringLiteral("Full Screen")));
    QVERIFY(has(QStringLiteral("Ctrl+Q"), QStringLiteral("Quit")));
    action(window, "actionRerun")->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+R")));
    QVERIFY(has(QStringLiteral("Ctrl+Shift+R"), QStringLiteral("Re-run")));
    QVERIFY(!has(QStringLiteral("Ctrl+R"), QStringLiteral("Re-run")));
    ShortcutsDialog dialog(&window);
    QCOMPARE(qsizetype(dialog.table()->rowCount()), ShortcutsDialog::entries(&window).size());
}

void TestLayout::tutorialTextIsShipped()
{
    const QString text = TutorialViewer::sourceText();
    QVERIFY(text.startsWith(QStringLiteral("Python进程")));
    QVERIFY(text.contains(QStringLiteral("process1 = multiprocessing.Process(target=worker, args=(1,))")));
    TutorialViewer viewer;
    QVERIFY(viewer.windowTitle().contains(QStringLiteral("Original")));
    const QString html = TutorialViewer::toHtml(text, Qt::lightGray);
    // The four listings (示例1, 示例2, Queue, Pool) and the Queue example's output are code blocks.
    QCOMPARE(html.count(QStringLiteral("<pre")), 5);
    const QString shown = viewer.browser()->toPlainText();
    QVERIFY(shown.contains(QStringLiteral("process1 = multiprocessing.Process(target=worker, args=(1,))\n")));
    QVERIFY(shown.contains(QStringLiteral("Consumed: 4\nAll processes finished")));
    // Every line of the source is shown (as it is: no re-indentation, nothing dropped).
    for (const QString &line : text.split(u'\n', Qt::SkipEmptyParts))
        QVERIFY2(shown.contains(line.trimmed()), qPrintable(line));
}

void TestLayout::resetKnobsToTutorialValues()
{
    MainWindow window;
    window.selectExample(QStringLiteral("subclass"));
    QVERIFY(setKnob(window, "workers", "5"));
    QVERIFY(setKnobs(window, QStringLiteral("process"), 16, QStringLiteral("0.5")));
    QVERIFY(!window.knobPanel()->hasDefaultValues());
    QVERIFY(action(window, "actionResetKnobs")->isEnabled());
    action(window, "actionResetKnobs")->trigger();
    QCOMPARE(window.knobPanel()->values().value(QStringLiteral("workers")).toInt(), 2);
    QCOMPARE(window.knobPanel()->values().value(QStringLiteral("sleep")).toDouble(), 2.0);
    QVERIFY(window.knobPanel()->hasDefaultValues());
    QVERIFY(!action(window, "actionResetKnobs")->isEnabled()); // nothing to reset
    QCOMPARE(QSettings().value(QStringLiteral("knobs/process/workers")).toInt(), 2);
    // Per example: the other example keeps its own values.
    window.selectExample(QStringLiteral("subclass"));
    QCOMPARE(window.knobPanel()->values().value(QStringLiteral("workers")).toInt(), 5);
    QVERIFY(action(window, "actionResetKnobs")->isEnabled());
}


namespace {
// The tool bar's » button is shown: something of it is in the overflow.
bool overflows(const QToolBar *bar)
{
    const auto *extension = bar->findChild<QToolButton *>(QStringLiteral("qt_toolbar_ext_button"));
    return extension && extension->isVisible();
}

// Every knob of the example shown whole in the window, its tool bar not in an overflow.
bool knobsVisible(MainWindow &window, QString *why)
{
    KnobPanel *panel = window.knobPanel();
    KnobToolBar *bar = window.knobToolBar();
    if (!panel->isVisible() || overflows(bar) || overflows(bar->parentWidget()->findChild<QToolBar *>(QStringLiteral("runToolBar")))) {
        *why = QStringLiteral("knob panel hidden or a tool bar overflows");
        return false;
    }
    const auto *example = ExampleRegistry::find(panel->exampleId());
    for (const KnobSpec &knob : example->knobs) {
        const QRect rect(panel->mapTo(&window, panel->knobRect(knob.name).topLeft()), panel->knobRect(knob.name).size());
        const QRect barRect(bar->mapTo(&window, QPoint(0, 0)), bar->size());
        if (rect.isEmpty() || !window.rect().contains(rect) || !barRect.contains(rect)) {
            *why = QStringLiteral("%1/%2 at %3,%4 %5x%6 (window %7 wide)")
                       .arg(example->id, knob.name)
                       .arg(rect.x()).arg(rect.y()).arg(rect.width()).arg(rect.height()).arg(window.width());
            return false;
        }
    }
    return true;
}
} // namespace

void TestLayout::everyKnobIsVisibleAt1280_data()
{
    addPresenterAndLanguageRows();
}

// Issue 12: at 1280×800 the queue example's seven knobs hid in the run bar's » overflow (so a
// walkthrough step framing one framed nothing). Every knob of every example is on screen.
void TestLayout::everyKnobIsVisibleAt1280()
{
    QFETCH(bool, presenter);
    QFETCH(QString, language);
    const auto restore = useLanguage(language);
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    if (presenter) {
        window.setPresenterMode(true);
        QTRY_VERIFY(window.windowLayout()->isPresenter());
    }
    for (const ExampleDefinition &example : ExampleRegistry::all()) {
        window.selectExample(example.id);
        QString why;
        QTRY_VERIFY2(knobsVisible(window, &why), qPrintable(why));
        QCOMPARE(window.width(), 1280); // the knobs wrap rather than widen the window
    }
    if (presenter)
        window.setPresenterMode(false);
}

// No wasted row: the process example's knobs fit beside Run…Re-run at 1280 (and the queue
// example's do not: a row of their own), and back again when the window widens.
void TestLayout::knobsShareTheRunRowWhenTheyFit()
{
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    auto *runBar = window.findChild<QToolBar *>(QStringLiteral("runToolBar"));
    KnobToolBar *knobBar = window.knobToolBar();
    QCOMPARE(knobBar->objectName(), QStringLiteral("knobToolBar"));
    QCOMPARE(knobBar->windowTitle(), QStringLiteral("Knobs"));
    QCOMPARE(knobBar->isMovable(), runBar->isMovable());
    window.selectExample(QStringLiteral("process"));
    QTRY_COMPARE(knobBar->y(), runBar->y());
    QVERIFY(!window.toolBarBreak(knobBar));
    QCOMPARE(window.knobPanel()->rowCount(), 1);
    window.selectExample(QStringLiteral("queue"));
    QTRY_VERIFY(knobBar->y() > runBar->y());
    QVERIFY(window.toolBarBreak(knobBar));
    window.resize(1900, 800);
    QTRY_COMPARE(knobBar->y(), runBar->y());
    window.selectExample(QStringLiteral("process"));
    window.resize(1280, 800);
    QTRY_COMPARE(knobBar->y(), runBar->y());
    QString why;
    QTRY_VERIFY2(knobsVisible(window, &why), qPrintable(why));
}

// A window state saved with the knob bar (or before it existed) restores, and the bar is
// placed again for the window's width.
void TestLayout::knobBarSurvivesASavedWindowState()
{
    QByteArray withOwnRow;
    {
        MainWindow window;
        QVERIFY(showWindow(window, 1280, 800));
        window.selectExample(QStringLiteral("queue"));
        QTRY_VERIFY(window.toolBarBreak(window.knobToolBar()));
        withOwnRow = window.saveState();
    }
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    window.selectExample(QStringLiteral("process"));
    QTRY_VERIFY(!window.toolBarBreak(window.knobToolBar()));
    QVERIFY(window.restoreState(withOwnRow));
    QCOMPARE(window.toolBarArea(window.knobToolBar()), Qt::TopToolBarArea);
    QTRY_VERIFY(!window.toolBarBreak(window.knobToolBar())); // placed again: the process knobs fit
    QString why;
    QTRY_VERIFY2(knobsVisible(window, &why), qPrintable(why));
}

QTEST_MAIN(TestLayout)
#include "tst_layout.moc"
