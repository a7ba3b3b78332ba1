// SPDX-License-Identifier: MIT
// The desktop app driven as a user would: pick an example, set knobs, run, stop, switch language.
#include "guitestsupport.h"

#include "examplebrowser.h"
#include "examples/exampleregistry.h"
#include "history/runhistorymodel.h"
#include "knobpanel.h"
#include "language.h"
#include "mainwindow.h"
#include "history/runhistoryview.h"
#include "output/consoleview.h"
#include "output/outputfindbar.h"
#include "output/outputarea.h"
#include "output/outputpane.h"
#include "output/outputview.h"
#include "output/processstatustext.h"
#include "processcolors.h"
#include "runcontroller.h"
#include "theme.h"
#include "timeline/timelinewidget.h"

#include <QAbstractButton>
#include <QAction>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QRegularExpression>
#include <QTableView>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QApplication>
#include <QDialog>
#include <QDoubleSpinBox>
#include <QImage>
#include <QMenuBar>
#include <QProcess>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QTextDocumentFragment>

using namespace ProcessLab;
using namespace ProcessLab::TestSupport;

namespace {

QStringList paneLines(OutputPane *pane)
{
    pane->view()->flushPending();
    QStringList lines = pane->view()->toPlainText().split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    return lines;
}

// Every text a reader can see in the window and its dialogs, with where it was found.
QList<std::pair<QString, QString>> shownTexts(QWidget *root)
{
    QList<std::pair<QString, QString>> texts;
    const auto add = [&texts](const QObject *where, const QString &text) {
        if (!text.isEmpty())
            texts.append({QString::fromLatin1(where->metaObject()->className()) + u' ' + where->objectName(), text});
    };
    std::function<void(const QAction *)> addAction = [&](const QAction *a) {
        if (a->isSeparator())
            return;
        add(a, a->text());
        add(a, a->toolTip());
        if (a->menu()) {
            add(a->menu(), a->menu()->title());
            for (const QAction *sub : a->menu()->actions())
                addAction(sub);
        }
    };
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : std::as_const(widgets)) {
        if (w->isWindow())
            add(w, w->windowTitle());
        add(w, w->toolTip());
        for (const QAction *a : w->actions())
            addAction(a);
        if (auto *label = qobject_cast<QLabel *>(w))
            add(w, label->textFormat() == Qt::PlainText ? label->text() : QTextDocumentFragment::fromHtml(label->text()).toPlainText());
        if (auto *button = qobject_cast<QAbstractButton *>(w))
            add(w, button->text());
        if (auto *edit = qobject_cast<QLineEdit *>(w))
            add(w, edit->placeholderText());
        if (auto *box = qobject_cast<QGroupBox *>(w))
            add(w, box->title());
        if (auto *tabs = qobject_cast<QTabBar *>(w)) {
            for (int i = 0; i < tabs->count(); ++i) {
                add(w, tabs->tabText(i));
                add(w, tabs->tabToolTip(i));
            }
        }
        if (auto *menu = qobject_cast<QMenuBar *>(w)) {
            for (const QAction *a : menu->actions())
                addAction(a);
        }
        if (auto *view = qobject_cast<QAbstractItemView *>(w); view && view->model()) {
            const QAbstractItemModel *model = view->model();
            for (int c = 0; c < model->columnCount(); ++c)
                add(w, model->headerData(c, Qt::Horizontal).toString());
            std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
                for (int r = 0; r < model->rowCount(parent); ++r) {
                    for (int c = 0; c < model->columnCount(parent); ++c) {
                        const QModelIndex index = model->index(r, c, parent);
                        add(w, index.data(Qt::DisplayRole).toString());
                        add(w, index.data(Qt::ToolTipRole).toString());
                        add(w, index.data(Qt::UserRole + 1).toString()); // the example list's summaries
                    }
                    walk(model->index(r, 0, parent));
                }
            };
            walk({});
        }
        if (auto *pane = qobject_cast<OutputPane *>(w)) {
            for (const QString &text : {pane->stateText(), pane->exitText(), pane->elapsedText(), pane->detailText(), pane->droppedText()})
                add(w, text);
        }
        if (auto *view = qobject_cast<OutputView *>(w)) {
            add(w, view->bannerText());
            add(w, view->placeholderText());
        }
        if (auto *timeline = qobject_cast<TimelineWidget *>(w)) {
            for (const QString &text : timeline->visibleTexts())
                add(w, text);
        }
    }
    return texts;
}

// English words in a text. Allowed: code (anything with ( ) . _ = [ ] or digits in a word),
// the names below (product, language, keys, acronyms), signal names and example ids.
QStringList englishWords(const QString &text)
{
    static const QStringList allowed = {
        QStringLiteral("ProcessLab"), QStringLiteral("Python"), QStringLiteral("PID"), QStringLiteral("Ctrl"),
        QStringLiteral("Shift"), QStringLiteral("Esc"), QStringLiteral("Alt"), QStringLiteral("UTF"),
        QStringLiteral("PageUp"), QStringLiteral("PageDown"), // key caps, named as printed on them
        QStringLiteral("JSON"), QStringLiteral("Qt"), QStringLiteral("English"), // the language menu names itself
        QStringLiteral("ms"), QStringLiteral("MiB"), // unit symbols stay as they are, like the numbers (1.42 s, 136 ms)
        QStringLiteral("CPU"), // the acronym Chinese text uses too (CPU 占用)
        QStringLiteral("CSV"), QStringLiteral("SVG"), QStringLiteral("PNG"), // file formats, named as in Chinese text
        QStringLiteral("Perfetto"), // the trace viewer's name (ui.perfetto.dev)
        QStringLiteral("stdout"), QStringLiteral("stderr"), // stream names, as in sys.stdout
        // multiprocessing's names, used as code words in Chinese text
        QStringLiteral("multiprocessing"), QStringLiteral("Process"), QStringLiteral("Pool"), QStringLiteral("Queue"),
        QStringLiteral("Pipe"), QStringLiteral("Value"), QStringLiteral("Array"), QStringLiteral("Lock"), QStringLiteral("Manager"),
        QStringLiteral("map"), QStringLiteral("apply_async"), QStringLiteral("start"), QStringLiteral("join"),
        QStringLiteral("run"), QStringLiteral("sleep"), QStringLiteral("time"), QStringLiteral("target"),
        QStringLiteral("args"), QStringLiteral("print"), QStringLiteral("None"), QStringLiteral("terminate"),
        QStringLiteral("busy"), // the examples' busy(seconds), the compute twin of time.sleep
        QStringLiteral("kill"), QStringLiteral("MyProcess") /* the subclass example's class */};
    QStringList ids;
    for (const ExampleDefinition &example : ExampleRegistry::all())
        ids.append(example.id);
    static const QRegularExpression codeChunk(QStringLiteral(R"([()._=\[\]{}:/]|\w*\d\w*[A-Za-z]|[A-Za-z]\w*\d)"));
    static const QRegularExpression word(QStringLiteral("[A-Za-z]{2,}"));
    QStringList found;
    for (const QString &chunk : text.split(QRegularExpression(QStringLiteral(R"([\s,;·—–、，：；（）]+)")), Qt::SkipEmptyParts)) {
        if (codeChunk.match(chunk).hasMatch())
            continue;
        for (auto it = word.globalMatch(chunk); it.hasNext();) {
            const QString w = it.next().captured();
            if (!allowed.contains(w) && !ids.contains(w) && !w.startsWith(QLatin1StringView("SIG")))
                found.append(w);
        }
    }
    return found;
}

// Delivers the posted LanguageChange events and deletes the widgets a retranslation replaced.
void applyLanguage(const QString &code)
{
    Language::apply(code);
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

QStringList untranslated(QWidget *root)
{
    QStringList problems;
    for (const auto &[where, text] : shownTexts(root)) {
        if (const QStringList words = englishWords(text); !words.isEmpty())
            problems.append(where + u": \"" + text + u"\" (" + words.join(u' ') + u')');
    }
    problems.removeDuplicates();
    return problems;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void selectingExampleBuildsKnobs();
    void faultKnobIsNotRestoredInTheNextSession();
    void faultThatNeverFiresIsShownInTheConsole();
    void runCreatesOnePanePerProcess();
    void stopEndsAllProcesses();
    void stepModeWaitsForF10();
    void floodIsCountedExactly();
    void languageSwitchRetranslates();
    void rerunWithConsoleFindActive();
    void consoleTimestampsCountFromRunStart();
    void mainPaneFollowsTheMainProgram();
    void stoppedRunTellsTheTruth();
    void noEnglishLeftInChinese();
    void exampleListHasOnlyRealExamples();
    void exampleListShowsUnderscores_data();
    void exampleListShowsUnderscores();
    void themeSwitchRepaintsInDark();
    void screenshotWritesPng();
};

void TestMainWindow::initTestCase()
{
    initGuiTestCase("tst_mainwindow");
}

void TestMainWindow::init()
{
    resetGuiState();
}

void TestMainWindow::selectingExampleBuildsKnobs()
{
    MainWindow window;
    for (const ExampleDefinition &example : ExampleRegistry::all()) {
        QVERIFY(window.selectExample(example.id));
        for (const KnobSpec &knob : example.knobs) {
            QWidget *editor = window.knobPanel()->findChild<QWidget *>(QStringLiteral("knob_") + knob.name);
            QVERIFY2(editor, qPrintable(knob.name));
            if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
                QCOMPARE(spin->minimum(), knob.minimum.toInt());
                QCOMPARE(spin->maximum(), knob.maximum.toInt());
                QCOMPARE(spin->value(), knob.defaultValue.toInt());
                spin->setValue(knob.maximum.toInt() + 10); // cannot go past the schema's range
                QCOMPARE(spin->value(), knob.maximum.toInt());
            } else if (auto *dspin = qobject_cast<QDoubleSpinBox *>(editor)) {
                QCOMPARE(dspin->minimum(), knob.minimum.toDouble());
                QCOMPARE(dspin->maximum(), knob.maximum.toDouble());
                dspin->setValue(-5);
                QCOMPARE(dspin->value(), knob.minimum.toDouble());
            }
        }
    }
    // Values are remembered per example.
    QString error;
    window.selectExample(QStringLiteral("process"));
    QVERIFY(window.knobPanel()->setValueFromText(QStringLiteral("workers"), QStringLiteral("7"), &error));
    window.selectExample(QStringLiteral("subclass"));
    window.selectExample(QStringLiteral("process"));
    QCOMPARE(window.knobPanel()->values().value(QStringLiteral("workers")).toInt(), 7);
    QVERIFY(!window.knobPanel()->setValueFromText(QStringLiteral("workers"), QStringLiteral("0"), &error));
    QVERIFY(error.contains(QStringLiteral("--workers")));
}

// kill-worker-after (a fault knob) is kept while the window lives but never written to the
// settings: the next session starts with it off (0), even over a value an older version stored;
// the other knobs of the example are remembered as before.
void TestMainWindow::faultKnobIsNotRestoredInTheNextSession()
{
    const QString fault = QStringLiteral("kill-worker-after");
    QSettings().setValue(QStringLiteral("knobs/pool/%1").arg(fault), 500); // stored by an older version
    {
        MainWindow window;
        QVERIFY(window.selectExample(QStringLiteral("pool")));
        QCOMPARE(window.knobPanel()->values().value(fault).toInt(), 0);
        QString error;
        QVERIFY(window.knobPanel()->setValueFromText(QStringLiteral("tasks"), QStringLiteral("3"), &error));
        QVERIFY(window.knobPanel()->setValueFromText(fault, QStringLiteral("700"), &error));
        // Same session: switching examples keeps it.
        QVERIFY(window.selectExample(QStringLiteral("process")));
        QVERIFY(window.selectExample(QStringLiteral("pool")));
        QCOMPARE(window.knobPanel()->values().value(fault).toInt(), 700);
    }
    QVERIFY(!QSettings().contains(QStringLiteral("knobs/pool/%1").arg(fault)));
    MainWindow next;
    QVERIFY(next.selectExample(QStringLiteral("pool")));
    QCOMPARE(next.knobPanel()->values().value(QStringLiteral("tasks")).toInt(), 3);
    QCOMPARE(next.knobPanel()->values().value(fault).toInt(), 0);
    auto *spin = next.knobPanel()->findChild<QSpinBox *>(QStringLiteral("knob_") + fault);
    QVERIFY(spin);
    QCOMPARE(spin->value(), 0);
}

// The kill-worker-after knob longer than the run: the console says the fault did not fire.
void TestMainWindow::faultThatNeverFiresIsShownInTheConsole()
{
    MainWindow window;
    window.show();
    QVERIFY(window.selectExample(QStringLiteral("pool")));
    QString error;
    QVERIFY(window.knobPanel()->setValueFromText(QStringLiteral("tasks"), QStringLiteral("2"), &error));
    QVERIFY(window.knobPanel()->setValueFromText(QStringLiteral("sleep"), QStringLiteral("0"), &error));
    QVERIFY(window.knobPanel()->setValueFromText(QStringLiteral("kill-worker-after"), QStringLiteral("600000"), &error));
    window.startRun();
    QVERIFY(waitForRunEnd(window));
    QCOMPARE(window.controller()->run()->exitCode(), 0);
    window.console()->view()->flushPending();
    const QString text = window.console()->view()->shownText();
    QVERIFY2(text.contains(QStringLiteral("Fault injection: the injected fault did not fire: no task was running after "
                                          "600000 ms, so ProcessLab killed no worker.")),
             qPrintable(text));
}

void TestMainWindow::runCreatesOnePanePerProcess()
{
    MainWindow window;
    window.show();
    window.selectExample(QStringLiteral("process"));
    QString error;
    QVERIFY(window.knobPanel()->setValueFromText(QStringLiteral("workers"), QStringLiteral("3"), &error));
    QVERIFY(window.knobPanel()->setValueFromText(QStringLiteral("sleep"), QStringLiteral("0.3"), &error));
    window.startRun();
    QVERIFY(waitForRunEnd(window));
    const RunRecord &record = window.controller()->run()->record();
    QCOMPARE(window.controller()->run()->exitCode(), 0);
    QCOMPARE(window.outputArea()->paneCount(), 4);
    for (int process = 0; process <= 3; ++process) {
        OutputPane *pane = window.outputArea()->pane(process);
        QVERIFY(pane);
        // Panes append in batches on a timer: wait for the last batch, not for a fixed time.
        QTRY_COMPARE_WITH_TIMEOUT(paneLines(pane), outputLines(record, process), 10000);
    }
    QCOMPARE(paneLines(window.outputArea()->pane(0)), QStringList{QStringLiteral("All processes finished")});
    // The console shows all lines in arrival order.
    window.console()->view()->flushPending();
    QCOMPARE(window.console()->view()->receivedLines(), qint64(7));
}

void TestMainWindow::stopEndsAllProcesses()
{
    MainWindow window;
    window.show();
    window.selectExample(QStringLiteral("subclass"));
    QString error;
    QVERIFY(window.knobPanel()->setValueFromText(QStringLiteral("workers"), QStringLiteral("3"), &error));
    QVERIFY(window.knobPanel()->setValueFromText(QStringLiteral("sleep"), QStringLiteral("30"), &error));
    window.startRun();
    QVERIFY(QTest::qWaitFor([&] { return outputLines(window.controller()->run()->record()).size() == 3; }, 10000));
    const QList<qint64> pids = workerPids(window.controller()->run()->record());
    QCOMPARE(pids.size(), 3);
    QVERIFY(action(window, "actionStop")->isEnabled());
    action(window, "actionStop")->trigger();
    QVERIFY(waitForRunEnd(window, 10000));
    QVERIFY(allGone(pids));
    const RunSummary summary = summarize(window.controller()->run()->record());
    for (int i = 1; i <= 3; ++i)
        QCOMPARE(summary.processes.at(i).state, ProcessState::Killed);
    QVERIFY(!action(window, "actionStop")->isEnabled());
    QCOMPARE(window.controller()->history()->rowCount(), 1);
}

void TestMainWindow::stepModeWaitsForF10()
{
    MainWindow window;
    window.show();
    window.selectExample(QStringLiteral("process"));
    QString error;
    QVERIFY(window.knobPanel()->setValueFromText(QStringLiteral("sleep"), QStringLiteral("0"), &error));
    window.stepRun(); // starts paused before the first statement
    QVERIFY(window.controller()->isStepping());
    // The run records that it waits for the user; by then nothing may have started.
    const auto paused = [&] {
        const QList<RunEvent> &events = window.controller()->run()->record().events();
        return std::any_of(events.cbegin(), events.cend(), [](const RunEvent &e) { return e.kind == EventKind::Paused; });
    };
    QVERIFY(QTest::qWaitFor(paused, 5000));
    QVERIFY(workerPids(window.controller()->run()->record()).isEmpty());
    for (int i = 0; i < 4; ++i) // create, create, start, start
        window.stepRun();
    QVERIFY(QTest::qWaitFor([&] { return workerPids(window.controller()->run()->record()).size() == 2; }, 5000));
    action(window, "actionRun")->trigger(); // continue
    QVERIFY(waitForRunEnd(window));
    QCOMPARE(outputLines(window.controller()->run()->record(), 0), QStringList{QStringLiteral("All processes finished")});
}

void TestMainWindow::floodIsCountedExactly()
{
    constexpr int workers = 16;
    constexpr int lines = 5000;
    MainWindow window;
    window.show();
    QCborMap args;
    args.insert(QLatin1StringView("lines"), lines);
    const HostScript script = startAllThenJoinAll(workers, QStringLiteral("test.flood"), args);
    window.controller()->setOutputLineCap(60000); // the record drops some too: those must be counted
    window.controller()->startScript(QStringLiteral("flood"), {}, script, {}, false);
    QVERIFY(waitForRunEnd(window, 60000));
    qint64 total = 0;
    for (int i = 1; i <= workers; ++i) {
        OutputView *view = window.outputArea()->pane(i)->view();
        view->flushPending();
        QCOMPARE(view->shownLines() + view->droppedLines(), qint64(lines));
        QCOMPARE(view->receivedLines(), qint64(lines));
        total += view->shownLines() + view->droppedLines();
    }
    QCOMPARE(total, qint64(workers) * lines);
    window.console()->view()->flushPending();
    QCOMPARE(window.console()->view()->shownLines() + window.console()->view()->droppedLines(),
             qint64(workers) * lines);
}

void TestMainWindow::languageSwitchRetranslates()
{
    MainWindow window;
    window.selectExample(QStringLiteral("process"));
    QCOMPARE(action(window, "actionRun")->text(), QStringLiteral("&Run"));
    QVERIFY(window.windowTitle().contains(QStringLiteral("Creating processes")));
    Language::apply(QStringLiteral("zh_CN"));
    QCoreApplication::processEvents();
    QVERIFY2(action(window, "actionRun")->text().contains(QStringLiteral("运行")),
             qPrintable(action(window, "actionRun")->text()));
    QVERIFY(window.windowTitle().contains(QStringLiteral("示例1")));
    QCOMPARE(window.bottomTabs()->tabText(0), QStringLiteral("时间线"));
    Language::apply(QStringLiteral("en"));
    QCoreApplication::processEvents();
    QCOMPARE(action(window, "actionRun")->text(), QStringLiteral("&Run"));
    QCOMPARE(window.bottomTabs()->tabText(0), QStringLiteral("Timeline"));
}

// Issue 8: Ctrl+F "Worker" in the console, Enter, F5, F5 again: the app crashed, and workers
// of the re-run exited 64 ("not started by ProcessLab"): the freed cursor the console's
// clear() left behind was written to, garbling memory (the workers' environment among it).
void TestMainWindow::rerunWithConsoleFindActive()
{
    MainWindow window;
    window.resize(1280, 800); // as the user had it: 17 lines scroll in the console
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(setKnobs(window, QStringLiteral("process"), 8, QStringLiteral("0.2")));
    window.bottomTabs()->setCurrentWidget(window.console());
    // No find highlight may live in the console's document while it is being cleared (the
    // freed cursor came from there); valgrind showed 17 invalid writes here before the fix.
    OutputView *console = window.console()->view();
    QList<qsizetype> highlightsWhileClearing;
    connect(console->document(), &QTextDocument::contentsChange, console, [&] {
        if (console->document()->isEmpty())
            highlightsWhileClearing.append(console->extraSelections().size());
    });
    for (int run = 1; run <= 4; ++run) {
        window.startRun();
        QVERIFY(waitForRunEnd(window));
        QTRY_COMPARE(window.console()->view()->receivedLines(), qint64(17));
        if (run == 1) {
            window.console()->findBar()->activate();
            QTest::keyClicks(window.console()->findBar()->lineEdit(), QStringLiteral("Worker"));
            QTest::keyClick(window.console()->findBar()->lineEdit(), Qt::Key_Return);
            QVERIFY(!window.console()->view()->extraSelections().isEmpty());
            QVERIFY(window.console()->view()->verticalScrollBar()->maximum() > 0);
        }
        const RunSummary summary = summarize(window.controller()->run()->record());
        QCOMPARE(summary.processes.size(), 9);
        for (int i = 1; i <= 8; ++i) {
            const ProcessSummary &worker = summary.processes.at(i);
            QVERIFY2(worker.state == ProcessState::Finished && worker.exitCode == 0 && worker.exitSignal == 0,
                     qPrintable(QStringLiteral("run %1, worker %2: %3 exit %4 %5").arg(run).arg(i)
                                    .arg(stateName(worker.state)).arg(worker.exitCode).arg(worker.detail)));
        }
        QCOMPARE(window.controller()->run()->exitCode(), 0);
    }
    QVERIFY(!highlightsWhileClearing.isEmpty());
    QCOMPARE(highlightsWhileClearing, QList<qsizetype>(highlightsWhileClearing.size(), 0));
}

// Issue 8: the console's timestamps counted from the machine's boot ("+587.141 s" in a
// one-second run); they count from the run's start, as the timeline does.
void TestMainWindow::consoleTimestampsCountFromRunStart()
{
    MainWindow window;
    window.show();
    QVERIFY(setKnobs(window, QStringLiteral("process"), 2, QStringLiteral("0.3")));
    window.console()->setShowTimestamps(true);
    window.startRun();
    QVERIFY(waitForRunEnd(window));
    QTRY_COMPARE(window.console()->view()->receivedLines(), qint64(5));
    const double wallSeconds = window.controller()->summary().wallMs() / 1000.0;
    const QStringList lines = window.console()->view()->shownText().split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5);
    static const QRegularExpression stamp(QStringLiteral(R"(^\s*\+(\d+\.\d{3}) s )"));
    double previous = 0;
    for (const QString &line : lines) {
        const QRegularExpressionMatch match = stamp.match(line);
        QVERIFY2(match.hasMatch(), qPrintable(line));
        const double seconds = match.captured(1).toDouble();
        QVERIFY2(seconds >= previous && seconds <= wallSeconds + 0.001, qPrintable(line));
        previous = seconds;
    }
    QVERIFY(previous >= 0.3); // the workers slept 0.3 s before "finished"
    // The same times the timeline uses: relative to the record's start.
    const RunRecord &record = window.controller()->run()->record();
    for (const RunEvent &event : record.events()) {
        if (event.kind == EventKind::Output && event.text == QLatin1StringView("All processes finished")) {
            const QString expected = QString::number(static_cast<double>(event.timeNs - record.startNs()) / 1e9, 'f', 3);
            QVERIFY2(lines.constLast().contains(expected), qPrintable(lines.constLast() + u" vs " + expected));
        }
    }
}

// Issue 8: Main's "(main program at line N …)" hint showed an old step and was cut off.
// It follows the main program step by step, and fits (elided, in full in the tool tip).
void TestMainWindow::mainPaneFollowsTheMainProgram()
{
    MainWindow window;
    window.resize(1024, 700);
    window.show();
    QVERIFY(setKnobs(window, QStringLiteral("process"), 2, QStringLiteral("30")));
    window.stepRun(); // paused before the first statement
    const ScriptStep first = window.controller()->run()->script().steps.constFirst();
    QTRY_VERIFY(window.outputArea()->pane(0));
    OutputPane *main = window.outputArea()->pane(0);
    QTRY_COMPARE(main->detailText(), QStringLiteral("paused before line %1: %2").arg(first.sourceLine).arg(first.source));
    const QList<ScriptStep> steps = window.controller()->run()->script().steps;
    // Step to the first join: the main program waits there while the workers sleep.
    const auto join = std::find_if(steps.cbegin(), steps.cend(), [](const ScriptStep &s) { return s.kind == ScriptStep::Kind::Join; });
    QVERIFY(join != steps.cend());
    for (auto it = steps.cbegin(); it != join; ++it) {
        window.stepRun();
        const ScriptStep &next = *(it + 1);
        QTRY_COMPARE(main->detailText(), QStringLiteral("paused before line %1: %2").arg(next.sourceLine).arg(next.source));
    }
    window.stepRun(); // enter the join
    QTRY_COMPARE(main->detailText(), QStringLiteral("waiting at line %1: %2").arg(join->sourceLine).arg(join->source));
    QVERIFY(main->exitText().isEmpty());
    // The note fits its pane: never wider than the header row.
    const QLabel *note = nullptr;
    for (const QLabel *label : main->findChildren<QLabel *>()) {
        if (label->toolTip() == main->detailText())
            note = label;
    }
    QVERIFY(note);
    QVERIFY(note->isVisible());
    QVERIFY2(note->geometry().right() <= note->parentWidget()->contentsRect().right(),
             qPrintable(QStringLiteral("%1 > %2").arg(note->geometry().right()).arg(note->parentWidget()->contentsRect().right())));
    const QList<qint64> pids = workerPids(window.controller()->run()->record());
    action(window, "actionStop")->trigger();
    QVERIFY(waitForRunEnd(window, 15000));
    QVERIFY(allGone(pids));
}

// Issue 8: after Stop, Main showed "killed · exit 1" and a worker "killed · exit 77 · stopped".
// Main has no exit code; it was stopped by you. A worker shows the exit code Python reports.
void TestMainWindow::stoppedRunTellsTheTruth()
{
    MainWindow window;
    window.show();
    QVERIFY(setKnobs(window, QStringLiteral("process"), 2, QStringLiteral("30")));
    window.startRun();
    QVERIFY(QTest::qWaitFor([&] { return outputLines(window.controller()->run()->record()).size() == 2; }, 10000));
    const QList<qint64> pids = workerPids(window.controller()->run()->record());
    action(window, "actionStop")->trigger();
    QVERIFY(waitForRunEnd(window, 15000));
    QVERIFY(allGone(pids));
    OutputPane *main = window.outputArea()->pane(0);
    QCOMPARE(main->exitText(), QString());
    QCOMPARE(main->stateText(), QStringLiteral("stopped"));
    QCOMPARE(main->detailText(), QStringLiteral("stopped by you"));
    const RunSummary summary = window.controller()->summary();
    for (int i = 1; i <= 2; ++i) {
        OutputPane *worker = window.outputArea()->pane(i);
        const ProcessSummary &p = summary.processes.at(i);
        QCOMPARE(worker->stateText(), QStringLiteral("stopped"));
        QCOMPARE(worker->exitText(), ProcessStatusText::exitStatus(p));
        const int python = p.exitSignal ? -p.exitSignal : p.exitCode;
        QCOMPARE(ProcessStatusText::pythonExitCode(p), std::optional<int>(python));
        QVERIFY(!worker->detailText().contains(QStringLiteral("stopped"))); // said once, by the chip
    }
}

// Issue 8: switching the language left toolbars, pane headers, the timeline's names and
// legend, the history and the console in English. Walk every text a reader can see, mid-run
// and after runs (with the compare dialog open), in Chinese: no English word may be left.
void TestMainWindow::noEnglishLeftInChinese()
{
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    QVERIFY(setKnobs(window, QStringLiteral("process"), 3, QStringLiteral("1.5")));
    window.console()->findBar()->activate(); // its field and buttons count too
    window.startRun();
    QVERIFY(QTest::qWaitFor([&] { return outputLines(window.controller()->run()->record()).size() == 3; }, 10000));
    QCoreApplication::processEvents();
    const int englishWidth = window.timeline()->labelColumnWidth();

    applyLanguage(QStringLiteral("zh_CN"));
    QVERIFY(window.controller()->isActive()); // mid-run
    QStringList problems = untranslated(&window);
    QVERIFY2(problems.isEmpty(), qPrintable(u"mid-run:\n" + problems.join(u'\n')));
    QVERIFY(window.outputArea()->pane(1)->findChild<QLabel *>() != nullptr);
    QCOMPARE(window.timeline()->visibleTexts().value(0), QStringLiteral("主进程"));
    QVERIFY(window.timeline()->labelColumnWidth() != englishWidth); // re-measured

    QVERIFY(waitForRunEnd(window));
    QVERIFY(setKnobs(window, QStringLiteral("process"), 1, QStringLiteral("0")));
    window.startRun();
    QVERIFY(waitForRunEnd(window));
    QCOMPARE(window.controller()->history()->rowCount(), 2);
    window.findChild<RunHistoryView *>()->compareRows(1, 0);
    QCoreApplication::processEvents();
    QVERIFY(window.findChild<QDialog *>());
    problems = untranslated(&window);
    QVERIFY2(problems.isEmpty(), qPrintable(u"after runs:\n" + problems.join(u'\n')));

    // And back: nothing Chinese is left in English mode (the same walk, the other way round).
    applyLanguage(QStringLiteral("en"));
    static const QRegularExpression han(QStringLiteral("\\p{Han}"));
    for (const auto &shown : shownTexts(&window)) {
        const auto &[where, text] = shown;
        const QString &shownText = text; // a lambda may not capture a structured binding (clang 14)
        const bool chineseTitle = std::any_of(ExampleRegistry::all().cbegin(), ExampleRegistry::all().cend(),
                                              [&](const ExampleDefinition &e) { return shownText.contains(e.titleZh); });
        QVERIFY2(!han.match(text).hasMatch() || chineseTitle || text == QStringLiteral("中文"),
                 qPrintable(where + u": " + text));
    }
    applyLanguage(QStringLiteral("zh_CN"));
    problems = untranslated(&window);
    QVERIFY2(problems.isEmpty(), qPrintable(u"switched twice:\n" + problems.join(u'\n')));
}

// Issue 8: the example list showed "apply async" in Chinese: the title was drawn in a rect
// as high as the Latin font's line, and the taller CJK line clipped the underscore.
void TestMainWindow::exampleListShowsUnderscores_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
}

// Every entry under a group is an example that exists, once, and can be chosen: no "coming
// in a later version" placeholder for an example that is there (the old Pool one had the id
// "pool" of the real example).
void TestMainWindow::exampleListHasOnlyRealExamples()
{
    MainWindow window;
    ExampleBrowser &browser = *window.findChild<ExampleBrowser *>();
    QStringList listed;
    for (QTreeWidgetItemIterator it(&browser); *it; ++it) {
        if (!(*it)->parent())
            continue; // a group
        const QString id = (*it)->data(0, Qt::UserRole).toString();
        QVERIFY2(ExampleRegistry::find(id), qPrintable(id));
        QVERIFY2(!(*it)->isDisabled(), qPrintable(id));
        listed.append(id);
    }
    QStringList registered;
    for (const ExampleDefinition &example : ExampleRegistry::all())
        registered.append(example.id);
    QCOMPARE(listed, registered);
}

void TestMainWindow::exampleListShowsUnderscores()
{
    QFETCH(QString, language);
    applyLanguage(language);
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    ExampleBrowser &browser = *window.findChild<ExampleBrowser *>();
    QTreeWidgetItem *pool = nullptr;
    for (QTreeWidgetItemIterator it(&browser); *it; ++it) {
        if ((*it)->data(0, Qt::UserRole).toString() == QLatin1StringView("pool"))
            pool = *it;
    }
    QVERIFY(pool);
    // A title with an "_" (CJK fallback fonts clipped what hangs below the baseline).
    const QString title = language == QLatin1StringView("zh_CN") ? QStringLiteral("进程池 Pool:apply_async 与 map")
                                                                  : QStringLiteral("Pool: apply_async and map");
    pool->setText(0, title);
    pool->setData(0, Qt::UserRole + 1, QStringLiteral(" ")); // a summary line without ink
    // The columns of the "_" (the title is drawn 4 px in, in the list's font, bold).
    QFont titleFont = browser.font();
    titleFont.setBold(true);
    const QFontMetrics fm(titleFont);
    const int from = 4 + fm.horizontalAdvance(title.left(title.indexOf(u'_'))) + 1;
    const int to = from + fm.horizontalAdvance(u'_') - 3;
    QVERIFY(to > from);
    const auto inkInColumns = [&] {
        const QImage image = browser.viewport()->grab(browser.visualItemRect(pool)).toImage();
        const int background = qGray(image.pixel(1, image.height() - 1));
        int ink = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = from; x <= to && x < image.width(); ++x)
                ink += std::abs(qGray(image.pixel(x, y)) - background) > 40 ? 1 : 0;
        }
        return ink;
    };
    QVERIFY2(inkInColumns() > 0, "the underscore is not drawn");
}

void TestMainWindow::themeSwitchRepaintsInDark()
{
    MainWindow window;
    window.show();
    QCOMPARE(Theme::normalized(QStringLiteral("Dark")), QStringLiteral("dark"));
    QVERIFY(Theme::normalized(QStringLiteral("purple")).isEmpty());
    Theme::apply(QStringLiteral("dark"));
    QCoreApplication::processEvents();
    QVERIFY(isDarkPalette(window.palette()));
    QVERIFY(isDarkPalette(window.timeline()->palette()));
    Theme::apply(QStringLiteral("light"));
    QCoreApplication::processEvents();
    QVERIFY(!isDarkPalette(window.palette()));
    Theme::apply(QStringLiteral("system"));
}

void TestMainWindow::screenshotWritesPng()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shot.png"));
    QProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.path());
    app.setProcessEnvironment(env);
    app.start(QStringLiteral(PROCESSLAB_APP_PATH),
              {QStringLiteral("--example"), QStringLiteral("process"), QStringLiteral("--set"), QStringLiteral("sleep=0.2"),
               QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("--autorun"), QStringLiteral("--screenshot"), path});
    QVERIFY(app.waitForFinished(30000));
    QCOMPARE(app.exitCode(), 0);
    const QImage image(path);
    QCOMPARE(image.size(), QSize(1280, 800));
    QVERIFY(QFileInfo(path).size() > 10000);

    // Bad input is refused with one clear line and exit code 2.
    app.start(QStringLiteral(PROCESSLAB_APP_PATH), {QStringLiteral("--example"), QStringLiteral("nope")});
    QVERIFY(app.waitForFinished(10000));
    QCOMPARE(app.exitCode(), 2);
    QVERIFY(QString::fromUtf8(app.readAllStandardError()).contains(QStringLiteral("unknown example")));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
