// SPDX-License-Identifier: MIT
// The code panel shows the program that runs: the tutorial's for the tutorial's knobs,
// otherwise the program written for the knobs under a banner, with the original a click away;
// Step highlights lines of that program and the status bar names the same line.
#include "guitestsupport.h"

#include "code/codepanel.h"
#include "code/codeview.h"
#include "examples/exampleregistry.h"
#include "knobpanel.h"
#include "language.h"
#include "mainwindow.h"
#include "runcontroller.h"

#include <QComboBox>
#include <QLabel>
#include <QSettings>
#include <QStatusBar>
#include <QAction>
#include <QTabWidget>
#include <QTextBlock>
#include <QToolButton>

using namespace ProcessLab;
using namespace ProcessLab::TestSupport;

namespace {

QString tutorialText(const QString &id)
{
    return ExampleRegistry::find(id)->tutorialSource().text();
}

QWidget *banner(const CodePanel *panel)
{
    return panel->findChild<QWidget *>(QStringLiteral("programChangedBanner"));
}

QString lineText(const CodeView *view, int line)
{
    return view->document()->findBlockByNumber(line - 1).text().trimmed();
}

QString statusHint(const MainWindow &window)
{
    for (const QLabel *label : window.statusBar()->findChildren<QLabel *>()) {
        if (label->text().startsWith(QLatin1StringView("Paused before")))
            return label->text();
    }
    return {};
}

} // namespace

class TestCodePanel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void tutorialKnobsShowTheTutorial_data();
    void tutorialKnobsShowTheTutorial();
    void changedKnobsShowTheChangedProgram_data();
    void changedKnobsShowTheChangedProgram();
    void ownExamplesDoNotClaimTheTutorial_data();
    void ownExamplesDoNotClaimTheTutorial();
    void computeWorkShowsBusyUnderTheBanner_data();
    void computeWorkShowsBusyUnderTheBanner();
    void stepNamesTheHighlightedLine();
    void markersPastTheEdgeBecomePlusN();
};

void TestCodePanel::initTestCase()
{
    initGuiTestCase("tst_codepanel");
}

void TestCodePanel::init()
{
    resetGuiState();
}

void TestCodePanel::tutorialKnobsShowTheTutorial_data()
{
    QTest::addColumn<QString>("id");
    for (const ExampleDefinition &e : ExampleRegistry::all())
        QTest::newRow(qPrintable(e.id)) << e.id;
}

void TestCodePanel::tutorialKnobsShowTheTutorial()
{
    QFETCH(QString, id);
    MainWindow window;
    window.show();
    QVERIFY(window.selectExample(id));
    auto *panel = window.findChild<CodePanel *>();
    QVERIFY(panel);
    QVERIFY(!panel->showsChangedProgram());
    QVERIFY(banner(panel)->isHidden());
    QCOMPARE(panel->pythonView()->toPlainText(), tutorialText(id));
    QVERIFY(panel->pythonView()->isVisible());
}

void TestCodePanel::changedKnobsShowTheChangedProgram_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("createLine"); // the third worker's creation
    QTest::newRow("process") << QStringLiteral("process")
                             << QStringLiteral("process3 = multiprocessing.Process(target=worker, args=(3,))");
    QTest::newRow("subclass") << QStringLiteral("subclass") << QStringLiteral("process3 = MyProcess(3)");
}

void TestCodePanel::changedKnobsShowTheChangedProgram()
{
    QFETCH(QString, id);
    QFETCH(QString, createLine);
    MainWindow window;
    window.show();
    QVERIFY(window.selectExample(id));
    auto *panel = window.findChild<CodePanel *>();
    QVERIFY(panel);
    auto *showTutorial = panel->findChild<QToolButton *>(QStringLiteral("showTutorialCode"));
    QVERIFY(showTutorial);

    QVERIFY(setKnob(window, "workers", "3"));
    QVERIFY(panel->showsChangedProgram());
    QVERIFY(banner(panel)->isVisible());
    const QString program = panel->pythonView()->toPlainText();
    QVERIFY2(program.contains(QStringLiteral("    ") + createLine + QLatin1Char('\n')), qPrintable(program));
    QVERIFY(program.contains(QStringLiteral("process3.join()")));
    QVERIFY(!program.contains(QStringLiteral("process4")));
    const QLabel *text = banner(panel)->findChild<QLabel *>();
    const auto shown = [text] { return text->text().replace(QChar::Nbsp, QLatin1Char(' ')); };
    QCOMPARE(shown(), QStringLiteral("Changed from the tutorial: Workers 2 → 3"));

    QVERIFY(setKnob(window, "sleep", "0.5"));
    QVERIFY(panel->pythonView()->toPlainText().contains(QStringLiteral("time.sleep(0.5)\n")));
    QCOMPARE(shown(), QStringLiteral("Changed from the tutorial: Workers 2 → 3, Seconds 2 → 0.5"));

    // The original, read only, a click away; back to the program that runs.
    showTutorial->click();
    QVERIFY(panel->tutorialView()->isVisible());
    QVERIFY(!panel->pythonView()->isVisible());
    QCOMPARE(panel->tutorialView()->toPlainText(), tutorialText(id));
    QVERIFY(panel->tutorialView()->isReadOnly());
    QCOMPARE(showTutorial->text(), QStringLiteral("Show the code that runs"));
    showTutorial->click();
    QVERIFY(panel->pythonView()->isVisible());
    QCOMPARE(showTutorial->text(), QStringLiteral("Show the tutorial's code"));

    // Beyond four workers: a list and loops.
    QVERIFY(setKnob(window, "workers", "8"));
    QVERIFY(panel->pythonView()->toPlainText().contains(QStringLiteral("    for i in range(1, 9):\n")));

    // Back to the tutorial's values: its text, no banner.
    QVERIFY(setKnob(window, "workers", "2"));
    QVERIFY(setKnob(window, "sleep", "2"));
    QVERIFY(!panel->showsChangedProgram());
    QVERIFY(banner(panel)->isHidden());
    QCOMPARE(panel->pythonView()->toPlainText(), tutorialText(id));
}

void TestCodePanel::computeWorkShowsBusyUnderTheBanner_data()
{
    QTest::addColumn<QString>("id");
    QTest::newRow("process") << QStringLiteral("process");
    QTest::newRow("subclass") << QStringLiteral("subclass");
}

// The `work` knob is a combo box (sleep, compute); compute changes the program (busy()
// where time.sleep was) under the banner, is remembered for the next window like any knob,
// and Reset knobs goes back to the tutorial's sleep.
void TestCodePanel::computeWorkShowsBusyUnderTheBanner()
{
    QFETCH(QString, id);
    {
        MainWindow window;
        window.show();
        QVERIFY(window.selectExample(id));
        auto *panel = window.findChild<CodePanel *>();
        QVERIFY(panel);
        auto *combo = window.knobPanel()->findChild<QComboBox *>(QStringLiteral("knob_work"));
        QVERIFY(combo);
        QCOMPARE(combo->count(), 2);
        QCOMPARE(combo->itemText(0), QStringLiteral("sleep"));
        QCOMPARE(combo->itemText(1), QStringLiteral("compute"));
        QCOMPARE(combo->currentData().toString(), QStringLiteral("sleep"));
        QVERIFY(!panel->showsChangedProgram());

        combo->setCurrentIndex(1); // as a user picks it
        QCOMPARE(window.knobPanel()->values().value(QStringLiteral("work")), QVariant(QStringLiteral("compute")));
        QVERIFY(panel->showsChangedProgram());
        QVERIFY(banner(panel)->isVisible());
        const QString program = panel->pythonView()->toPlainText();
        QVERIFY2(program.contains(QStringLiteral("\ndef busy(seconds):\n")), qPrintable(program));
        QVERIFY2(program.contains(QStringLiteral("\n    busy(2)\n")) || program.contains(QStringLiteral("\n        busy(2)\n")),
                 qPrintable(program));
        QVERIFY(!program.contains(QStringLiteral("time.sleep(")));
        const QLabel *text = banner(panel)->findChild<QLabel *>();
        QCOMPARE(text->text().replace(QChar::Nbsp, QLatin1Char(' ')),
                 QStringLiteral("Changed from the tutorial: Work sleep → compute"));
    }
    {
        MainWindow next; // remembered per example
        QVERIFY(next.selectExample(id));
        auto *combo = next.knobPanel()->findChild<QComboBox *>(QStringLiteral("knob_work"));
        QVERIFY(combo);
        QCOMPARE(combo->currentData().toString(), QStringLiteral("compute"));
        QString error;
        QVERIFY(!next.knobPanel()->setValueFromText(QStringLiteral("work"), QStringLiteral("nap"), &error,
                                                     QStringLiteral("--set work=nap")));
        QCOMPARE(error, QStringLiteral("--set work=nap: expected one of sleep, compute, got 'nap'"));
        QCOMPARE(combo->currentData().toString(), QStringLiteral("compute")); // bad input loses nothing
        next.knobPanel()->resetToDefaults();
        QCOMPARE(combo->currentData().toString(), QStringLiteral("sleep"));
        QVERIFY(next.knobPanel()->hasDefaultValues());
        QVERIFY(next.knobPanel()->setValueFromText(QStringLiteral("work"), QStringLiteral("compute"), &error));
        QCOMPARE(combo->currentData().toString(), QStringLiteral("compute"));
        QVERIFY(!next.knobPanel()->hasDefaultValues());
    }
}

void TestCodePanel::ownExamplesDoNotClaimTheTutorial_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("knob");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("fromTutorial");
    QTest::addColumn<QString>("change"); // as the banner names it
    QTest::newRow("queue") << QStringLiteral("queue") << QStringLiteral("items") << QStringLiteral("20") << true
                           << QStringLiteral("Items per producer 5 → 20");
    QTest::newRow("pipe") << QStringLiteral("pipe") << QStringLiteral("messages") << QStringLiteral("20") << false
                          << QStringLiteral("Messages 5 → 20");
    QTest::newRow("shared") << QStringLiteral("shared") << QStringLiteral("lock") << QStringLiteral("off") << false
                            << QStringLiteral("Lock on → off");
}

// Issue 10: the tutorial names Pipe and Value/Array without a program; the pipe and shared
// listings are ProcessLab's own. Their tab said "Python (tutorial)", the banner "Changed from
// the tutorial" with "Show the tutorial's code", and Reset "to the Tutorial's Values".
void TestCodePanel::ownExamplesDoNotClaimTheTutorial()
{
    QFETCH(QString, id);
    QFETCH(QString, knob);
    QFETCH(QString, value);
    QFETCH(bool, fromTutorial);
    QFETCH(QString, change);
    QCOMPARE(ExampleRegistry::find(id)->listingFromTutorial, fromTutorial);
    MainWindow window;
    window.show();
    QVERIFY(window.selectExample(id));
    auto *panel = window.findChild<CodePanel *>();
    QVERIFY(panel);
    auto *tabs = panel->findChild<QTabWidget *>();
    QVERIFY(tabs);
    auto *resetKnobs = window.findChild<QAction *>(QStringLiteral("actionResetKnobs"));
    QVERIFY(resetKnobs);
    QCOMPARE(tabs->tabText(0), fromTutorial ? QStringLiteral("Python (tutorial)") : QStringLiteral("Python"));
    QCOMPARE(resetKnobs->text().contains(QStringLiteral("Tutorial")), fromTutorial);
    QCOMPARE(resetKnobs->toolTip().contains(QStringLiteral("tutorial")), fromTutorial);

    QVERIFY(setKnob(window, knob, value));
    QVERIFY(panel->showsChangedProgram());
    QVERIFY(banner(panel)->isVisible());
    QCOMPARE(tabs->tabText(0), QStringLiteral("Python (changed)"));
    const QLabel *text = banner(panel)->findChild<QLabel *>();
    auto *showOriginal = panel->findChild<QToolButton *>(QStringLiteral("showTutorialCode"));
    QVERIFY(text && showOriginal);
    QCOMPARE(text->text().replace(QChar::Nbsp, QLatin1Char(' ')),
             (fromTutorial ? QStringLiteral("Changed from the tutorial: ") : QStringLiteral("Changed from the defaults: "))
                 + change);
    QCOMPARE(showOriginal->text(), fromTutorial ? QStringLiteral("Show the tutorial's code") : QStringLiteral("Show the default code"));
    QCOMPARE(text->toolTip().contains(QStringLiteral("tutorial")), fromTutorial);
    showOriginal->click();
    QVERIFY(panel->tutorialView()->isVisible());
    QCOMPARE(panel->tutorialView()->toPlainText(), tutorialText(id)); // the listing at the defaults
    QCOMPARE(text->text().contains(QStringLiteral("tutorial")), fromTutorial);
    // Switching examples and languages keeps each one's words.
    QVERIFY(window.selectExample(QStringLiteral("process")));
    QVERIFY(resetKnobs->text().contains(QStringLiteral("Tutorial")));
    QVERIFY(window.selectExample(id));
    QCOMPARE(resetKnobs->text().contains(QStringLiteral("Tutorial")), fromTutorial);
}

void TestCodePanel::stepNamesTheHighlightedLine()
{
    MainWindow window;
    window.show();
    QVERIFY(window.selectExample(QStringLiteral("process")));
    auto *panel = window.findChild<CodePanel *>();
    QVERIFY(setKnob(window, "workers", "5"));
    QVERIFY(setKnob(window, "sleep", "0"));
    const QString program = panel->pythonView()->toPlainText();

    window.stepRun(); // paused before the first statement
    Run *run = window.controller()->run();
    QVERIFY(run);
    const HostScript script = run->script();
    for (qsizetype i = 0; i < script.steps.size(); ++i) {
        const ScriptStep &step = script.steps.at(i);
        QString expected = QStringLiteral("Paused before line %1: %2").arg(step.sourceLine).arg(step.source);
        if (step.kind == ScriptStep::Kind::Create)
            expected += QStringLiteral(" (i = %1)").arg(step.worker);
        else if (step.kind != ScriptStep::Kind::Print)
            expected += QStringLiteral(" (process = processes[%1])").arg(step.worker - 1);
        expected += QStringLiteral(" — ");
        // A join waits for its worker; the status bar follows when the run is there.
        QVERIFY2(QTest::qWaitFor([&] { return run->isWaitingForStep() && run->currentStep() == i
                                              && statusHint(window).startsWith(expected); }, 30000),
                 qPrintable(QStringLiteral("step %1: expected '%2', status '%3'").arg(i).arg(expected, statusHint(window))));
        // The highlighted line says what the status bar says, with a true loop variable.
        QCOMPARE(panel->pythonView()->executingLine(), step.sourceLine);
        QCOMPARE(lineText(panel->pythonView(), step.sourceLine), step.source);
        if (i == 0) {
            // The knobs change while the run runs: the run's program stays on screen.
            QVERIFY(setKnob(window, "workers", "3"));
            QCOMPARE(panel->pythonView()->toPlainText(), program);
        }
        window.stepRun();
    }
    QVERIFY(QTest::qWaitFor([&] { return !window.controller()->isActive(); }, 60000));
    QCOMPARE(outputLines(run->record()).size(), 2 * 5 + 1);
    // After the run, the program for the knobs as they are now.
    QVERIFY(panel->pythonView()->toPlainText().contains(QStringLiteral("process3.start()")));
}

// Issue 8: with 16 workers on one line the chips ran past the right edge (W11-W16 unseen).
// Now the chips that fit are shown and "+N" stands for the rest (its tool tip names them).
void TestCodePanel::markersPastTheEdgeBecomePlusN()
{
    CodeView view(SourceHighlighter::Language::Python);
    view.resize(560, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setSource(QStringLiteral("import time\n\ndef worker(n):\n    time.sleep(1)\n"));
    view.setExecutingLine(1);
    QList<CodeView::Marker> markers;
    QStringList labels;
    for (int worker = 1; worker <= 16; ++worker) {
        markers.append({4, QStringLiteral("W%1").arg(worker), QColor::fromHsv(worker * 20, 200, 200), QString()});
        labels.append(QStringLiteral("W%1").arg(worker));
    }
    view.setMarkers(markers);
    const QList<CodeView::MarkerChip> chips = view.markerChips();
    QStringList accounted;
    int plus = 0;
    for (const CodeView::MarkerChip &chip : chips) {
        QVERIFY2(view.viewport()->rect().contains(chip.box), qPrintable(chip.text));
        if (chip.line != 4)
            continue;
        if (chip.overflow.isEmpty()) {
            accounted.append(chip.text);
        } else {
            ++plus;
            QCOMPARE(chip.text, QStringLiteral("+%1").arg(chip.overflow.size()));
            accounted.append(chip.overflow);
        }
    }
    QCOMPARE(plus, 1); // they do not all fit in 560 px
    QCOMPARE(accounted, labels);
    // Main's marker on line 1 stays.
    QVERIFY(std::any_of(chips.cbegin(), chips.cend(), [](const CodeView::MarkerChip &chip) { return chip.line == 1; }));
    // Wide enough: every worker gets its own chip again.
    view.resize(1600, 400);
    QCoreApplication::processEvents();
    int workerChips = 0;
    for (const CodeView::MarkerChip &chip : view.markerChips()) {
        QVERIFY(chip.overflow.isEmpty());
        workerChips += chip.line == 4 ? 1 : 0;
    }
    QCOMPARE(workerChips, 16);
}

QTEST_MAIN(TestCodePanel)
#include "tst_codepanel.moc"
