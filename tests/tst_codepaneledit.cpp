// SPDX-License-Identifier: MIT
// Issue 13: the Python tab is editable (Edit, Reset to the tutorial's code), an opened script
// takes its place, and a Python run's processes each mark their executing line, named as
// their panes; markers never sit on text other than the one that runs.
#include "guitestsupport.h"

#include "code/codepanel.h"
#include "code/codeview.h"
#include "examples/exampleregistry.h"
#include "processcolors.h"
#include "record/runrecord.h"

#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QTextBlock>
#include <QToolButton>

using namespace ProcessLab;
using namespace ProcessLab::TestSupport;

namespace {

const ExampleDefinition &example(const char *id)
{
    return *ExampleRegistry::find(QString::fromLatin1(id));
}

QString tutorialText(const char *id)
{
    return example(id).tutorialText();
}

// The listing as the view shows it (no final newline): typing at its end extends its last line.
QString listingText(const char *id)
{
    return SourceListing(tutorialText(id)).text();
}

QString bannerText(const CodePanel &panel)
{
    const QWidget *banner = panel.findChild<QWidget *>(QStringLiteral("programChangedBanner"));
    if (!banner || banner->isHidden())
        return {};
    return banner->findChild<QLabel *>()->text().replace(QChar::Nbsp, QLatin1Char(' '));
}

QToolButton *button(const CodePanel &panel, const char *name)
{
    return panel.findChild<QToolButton *>(QString::fromLatin1(name));
}

// Types at the end of the program, as a user does in the editor.
void typeAtEnd(CodePanel &panel, const QString &text)
{
    CodeView *view = panel.pythonView();
    view->moveCursor(QTextCursor::End);
    QTest::keyClicks(view, text);
}

QMessageBox *waitForResetQuestion(const CodePanel &panel)
{
    QMessageBox *question = nullptr;
    const bool asked = QTest::qWaitFor(
        [&] { return (question = panel.findChild<QMessageBox *>(QStringLiteral("resetCodeQuestion"))); }, 5000);
    return asked ? question : nullptr;
}

bool answer(CodePanel &panel, QMessageBox *question, bool discard)
{
    QAbstractButton *choice = question->button(QMessageBox::Cancel);
    if (discard) {
        for (QAbstractButton *b : question->buttons()) {
            if (question->buttonRole(b) == QMessageBox::DestructiveRole)
                choice = b;
        }
    }
    choice->click();
    return QTest::qWaitFor([&] { return !panel.findChild<QMessageBox *>(QStringLiteral("resetCodeQuestion")); }, 5000);
}

RunEvent created(int process, const char *name)
{
    return {.timeNs = 1000 + process, .kind = EventKind::ProcessCreated, .process = process, .text = QString::fromLatin1(name)};
}

RunEvent lineOf(int process, int line)
{
    return {.timeNs = 2000, .kind = EventKind::WorkerTrace, .process = process, .sourceLine = line,
            .text = QStringLiteral("line")};
}

QStringList chipTexts(const CodeView *view, int line)
{
    QStringList texts;
    for (const CodeView::MarkerChip &chip : view->markerChips()) {
        if (chip.line == line)
            texts.append(chip.text);
    }
    return texts;
}

} // namespace

class TestCodePanelEdit : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void editChangesTheProgram();
    void resetAsksBeforeDiscarding();
    void knobChangeKeepsTheEditedCode();
    void editsAreKeptPerExample();
    void openedScriptIsEditable();
    void editorIndentsLikePython();
    void pythonMarkerLabels_data();
    void pythonMarkerLabels();
    void pythonProcessesMarkTheirLines();
    void markersNeverSitOnOtherText();
    void editorFitsInTheWindow_data();
    void editorFitsInTheWindow();
};

void TestCodePanelEdit::initTestCase()
{
    initGuiTestCase("tst_codepaneledit");
}

void TestCodePanelEdit::init()
{
    resetGuiState();
}

void TestCodePanelEdit::editChangesTheProgram()
{
    CodePanel panel;
    panel.resize(700, 500);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setExample(example("process"), {});
    QSignalSpy edited(&panel, &CodePanel::programEditedChanged);
    QCOMPARE(panel.programText(), tutorialText("process"));
    QCOMPARE(panel.programFileName(), QStringLiteral("process.py"));
    QVERIFY(!panel.isEdited());
    QVERIFY(panel.pythonView()->isReadOnly());
    QToolButton *edit = button(panel, "editCode");
    QToolButton *reset = button(panel, "resetCode");
    QVERIFY(edit && reset);
    QVERIFY(edit->isVisible());
    QCOMPARE(edit->text(), QStringLiteral("Edit"));
    QCOMPARE(reset->text(), QStringLiteral("Reset to the Tutorial's Code"));
    QVERIFY(!reset->isEnabled()); // nothing to reset

    // Typing while read only changes nothing.
    typeAtEnd(panel, QStringLiteral("x"));
    QCOMPARE(panel.programText(), tutorialText("process"));

    edit->click();
    QVERIFY(!panel.pythonView()->isReadOnly());
    QCOMPARE(bannerText(panel),
             QStringLiteral("Edit the code, then Run with Python runs it; the native run follows the knobs."));
    typeAtEnd(panel, QStringLiteral("print('done')"));
    QVERIFY(panel.isEdited());
    QCOMPARE(edited.size(), 1);
    QCOMPARE(edited.at(0).at(0).toBool(), true);
    // As a .py file holds it: the listing's text with the typing, a final newline.
    QCOMPARE(panel.programText(), listingText("process") + QStringLiteral("print('done')\n"));
    QCOMPARE(panel.tabs()->tabText(0), QStringLiteral("Python (edited)"));
    QCOMPARE(bannerText(panel), QStringLiteral("Edited: Run with Python runs this code; the native run follows the knobs."));
    QVERIFY(reset->isEnabled());

    // Edit off: read only, the edited text stays; so does a trip to the C++ tab.
    edit->click();
    QVERIFY(panel.pythonView()->isReadOnly());
    QVERIFY(panel.isEdited());
    panel.tabs()->setCurrentIndex(1);
    QVERIFY(!edit->isVisible()); // the corner belongs to the Python tab
    panel.tabs()->setCurrentIndex(0);
    QVERIFY(edit->isVisible());
    QCOMPARE(panel.programText(), listingText("process") + QStringLiteral("print('done')\n"));
    QCOMPARE(panel.tabs()->tabText(0), QStringLiteral("Python (edited)"));
    QCOMPARE(edited.size(), 1);

    // Undo (across Edit off and on) gives the tutorial's code back: not edited any more.
    edit->click();
    for (int i = 0; i < 13 && panel.isEdited(); ++i)
        QTest::keyClick(panel.pythonView(), Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(!panel.isEdited());
    QCOMPARE(edited.size(), 2);
    QCOMPARE(edited.at(1).at(0).toBool(), false);
    QCOMPARE(panel.programText(), tutorialText("process"));
    QCOMPARE(panel.tabs()->tabText(0), QStringLiteral("Python (tutorial)"));
}

void TestCodePanelEdit::resetAsksBeforeDiscarding()
{
    CodePanel panel;
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setExample(example("queue"), {});
    panel.setEditing(true);
    typeAtEnd(panel, QStringLiteral("# mine"));
    QVERIFY(panel.isEdited());
    QSignalSpy edited(&panel, &CodePanel::programEditedChanged);

    // Cancel keeps the edits.
    button(panel, "resetCode")->click();
    QMessageBox *question = waitForResetQuestion(panel);
    QVERIFY(question);
    QCOMPARE(question->text(), QStringLiteral("Discard your edits and go back to the tutorial's code for the knobs' values?"));
    QVERIFY(answer(panel, question, false));
    QVERIFY(panel.isEdited());
    QVERIFY(panel.programText().endsWith(QStringLiteral("# mine\n")));
    QCOMPARE(edited.size(), 0);

    // Discard gives the tutorial's code back.
    button(panel, "resetCode")->click();
    question = waitForResetQuestion(panel);
    QVERIFY(question);
    QVERIFY(answer(panel, question, true));
    QVERIFY(!panel.isEdited());
    QCOMPARE(panel.programText(), tutorialText("queue"));
    QCOMPARE(panel.pythonView()->toPlainText(), SourceListing(tutorialText("queue")).text());
    QCOMPARE(edited.size(), 1);
    QVERIFY(!button(panel, "resetCode")->isEnabled());

    // Without edits, Reset asks nothing and changes nothing.
    panel.requestReset();
    QVERIFY(!panel.findChild<QMessageBox *>(QStringLiteral("resetCodeQuestion")));
}

void TestCodePanelEdit::knobChangeKeepsTheEditedCode()
{
    CodePanel panel;
    panel.show();
    panel.setExample(example("process"), {});
    panel.setEditing(true);
    typeAtEnd(panel, QStringLiteral("# mine"));
    const QString mine = panel.programText();

    panel.setKnobs({{QStringLiteral("workers"), 3}});
    QCOMPARE(panel.programText(), mine); // never overwritten
    QVERIFY(panel.isEdited());
    QVERIFY(panel.showsChangedProgram());
    QCOMPARE(bannerText(panel),
             QStringLiteral("Edited: Run with Python runs this code; the native run follows the knobs. The knobs "
                            "changed since: your code is kept."));

    button(panel, "resetCode")->click();
    QMessageBox *question = waitForResetQuestion(panel);
    QVERIFY(question);
    QVERIFY(answer(panel, question, true));
    QVERIFY(!panel.isEdited());
    QVERIFY2(panel.programText().contains(QStringLiteral("process3.start()")), qPrintable(panel.programText()));
    QVERIFY(bannerText(panel).startsWith(QStringLiteral("Changed from the tutorial: Workers 2 → 3")));
}

void TestCodePanelEdit::editsAreKeptPerExample()
{
    CodePanel panel;
    panel.show();
    panel.setExample(example("process"), {});
    panel.setEditing(true);
    typeAtEnd(panel, QStringLiteral("# process edit"));
    const QString processEdit = panel.programText();
    QSignalSpy edited(&panel, &CodePanel::programEditedChanged);

    panel.setExample(example("pipe"), {});
    QVERIFY(!panel.isEdited());
    QCOMPARE(panel.programText(), tutorialText("pipe"));
    QCOMPARE(panel.programFileName(), QStringLiteral("pipe.py"));
    QCOMPARE(edited.size(), 1);
    typeAtEnd(panel, QStringLiteral("# pipe edit"));

    panel.setExample(example("process"), {});
    QVERIFY(panel.isEdited());
    QCOMPARE(panel.programText(), processEdit);
    panel.setExample(example("pipe"), {});
    QVERIFY(panel.programText().endsWith(QStringLiteral("# pipe edit\n")));
    QCOMPARE(panel.tabs()->tabText(0), QStringLiteral("Python (edited)"));
}

void TestCodePanelEdit::openedScriptIsEditable()
{
    CodePanel panel;
    panel.show();
    panel.setExample(example("process"), {});
    const QString script = QStringLiteral("import multiprocessing\r\n\r\nprint('hi')\r\n");
    QSignalSpy edited(&panel, &CodePanel::programEditedChanged);
    panel.showScript(QStringLiteral("/tmp/some dir/my_script.py"), script);
    QVERIFY(panel.showsScript());
    QCOMPARE(panel.programFileName(), QStringLiteral("my_script.py"));
    QCOMPARE(panel.programText(), script); // the file's text, untouched
    QVERIFY(!panel.isEdited());
    QCOMPARE(panel.tabs()->tabText(0), QStringLiteral("my_script.py"));
    QVERIFY(!panel.tabs()->isTabVisible(1)); // no C++ behind a user's script
    QCOMPARE(button(panel, "resetCode")->text(), QStringLiteral("Reset to the File's Text"));
    QCOMPARE(panel.pythonView()->document()->findBlockByNumber(2).text(), QStringLiteral("print('hi')"));

    panel.setEditing(true);
    typeAtEnd(panel, QString());
    QTest::keyClick(panel.pythonView(), Qt::Key_Return);
    QTest::keyClicks(panel.pythonView(), QStringLiteral("print('more')"));
    QVERIFY(panel.isEdited());
    QCOMPARE(panel.programText(), QStringLiteral("import multiprocessing\n\nprint('hi')\nprint('more')\n"));
    QCOMPARE(panel.tabs()->tabText(0), QStringLiteral("my_script.py (edited)"));
    QCOMPARE(bannerText(panel), QStringLiteral("Edited: Run with Python runs this code; my_script.py on disk is not changed."));
    QCOMPARE(edited.size(), 1);

    // Back to an example and to the script again: the script's edits were kept.
    panel.setExample(example("process"), {});
    QVERIFY(!panel.showsScript());
    QVERIFY(panel.tabs()->isTabVisible(1));
    QCOMPARE(panel.programText(), tutorialText("process"));
    panel.showScript(QStringLiteral("/tmp/some dir/my_script.py"), script);
    QVERIFY(panel.isEdited());
    QVERIFY(panel.programText().endsWith(QStringLiteral("print('more')\n")));

    button(panel, "resetCode")->click();
    QMessageBox *question = waitForResetQuestion(panel);
    QVERIFY(question);
    QCOMPARE(question->text(), QStringLiteral("Discard your edits and go back to the text of my_script.py as it was opened?"));
    QVERIFY(answer(panel, question, true));
    QCOMPARE(panel.programText(), script);
    QCOMPARE(panel.tabs()->tabText(0), QStringLiteral("my_script.py"));
}

void TestCodePanelEdit::editorIndentsLikePython()
{
    CodePanel panel;
    panel.show();
    panel.showScript(QStringLiteral("/tmp/t.py"), QStringLiteral("def f():\n"));
    panel.setEditing(true);
    CodeView *view = panel.pythonView();
    view->moveCursor(QTextCursor::End); // after "def f():"
    QTest::keyClick(view, Qt::Key_Return);
    QTest::keyClicks(view, QStringLiteral("x = 1"));
    QTest::keyClick(view, Qt::Key_Return);
    QTest::keyClicks(view, QStringLiteral("y = 2"));
    QTest::keyClick(view, Qt::Key_Return);
    QTest::keyClick(view, Qt::Key_Tab);
    QTest::keyClicks(view, QStringLiteral("z"));
    QCOMPARE(panel.programText(), QStringLiteral("def f():\n    x = 1\n    y = 2\n        z\n"));
}

void TestCodePanelEdit::pythonMarkerLabels_data()
{
    QTest::addColumn<int>("process");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("label");
    QTest::newRow("main") << 0 << QStringLiteral("MainProcess") << QStringLiteral("Main");
    QTest::newRow("process") << 1 << QStringLiteral("Process-1") << QStringLiteral("P1");
    QTest::newRow("grandchild") << 4 << QStringLiteral("Process-1:2") << QStringLiteral("P1:2");
    QTest::newRow("fork pool") << 2 << QStringLiteral("ForkPoolWorker-2") << QStringLiteral("PW2");
    QTest::newRow("spawn pool") << 3 << QStringLiteral("SpawnPoolWorker-13") << QStringLiteral("PW13");
    QTest::newRow("user's name") << 5 << QStringLiteral("writer") << QStringLiteral("writer");
    QTest::newRow("long name") << 6 << QStringLiteral("SyncManager-1") << QStringLiteral("SyncManag…");
    QTest::newRow("no name") << 7 << QString() << QStringLiteral("7");
}

void TestCodePanelEdit::pythonMarkerLabels()
{
    QFETCH(int, process);
    QFETCH(QString, name);
    QFETCH(QString, label);
    QCOMPARE(CodePanel::pythonMarkerLabel(process, name), label);
}

void TestCodePanelEdit::pythonProcessesMarkTheirLines()
{
    CodePanel panel;
    panel.resize(900, 500);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QString script;
    for (int line = 1; line <= 12; ++line)
        script += QStringLiteral("x%1 = %1\n").arg(line);
    panel.showScript(QStringLiteral("/tmp/lines.py"), script);
    panel.setRunner(true);
    panel.resetMarkers();

    RunRecord record;
    for (const RunEvent &event : {created(0, "MainProcess"), created(1, "Process-1"), created(2, "ForkPoolWorker-2"),
                                  created(3, "writer"), lineOf(0, 9), lineOf(1, 3), lineOf(2, 3), lineOf(3, 5),
                                  lineOf(1, 4)}) {
        QVERIFY(record.append(event));
    }
    panel.consume(record, 0, record.size());
    CodeView *view = panel.pythonView();
    QCOMPARE(view->executingLine(), 9); // the main interpreter's line
    const bool dark = isDarkPalette(view->palette());
    QList<CodeView::Marker> markers = view->markers();
    QCOMPARE(markers.size(), 3);
    QCOMPARE(markers.at(0).line, 4); // the last line Process-1 reported
    QCOMPARE(markers.at(0).label, QStringLiteral("P1"));
    QCOMPARE(markers.at(0).name, QStringLiteral("Process-1"));
    QCOMPARE(markers.at(0).color, processColor(1, dark)); // as its pane
    QCOMPARE(markers.at(1).line, 3);
    QCOMPARE(markers.at(1).label, QStringLiteral("PW2"));
    QCOMPARE(markers.at(1).color, processColor(2, dark));
    QCOMPARE(markers.at(2).line, 5);
    QCOMPARE(markers.at(2).label, QStringLiteral("writer"));
    QCOMPARE(chipTexts(view, 9), QStringList{QStringLiteral("Main")});
    QCOMPARE(chipTexts(view, 4), QStringList{QStringLiteral("P1")});
    for (const CodeView::MarkerChip &chip : view->markerChips()) {
        if (chip.line == 4) // the tool tip names the process in full
            QCOMPARE(chip.name, QStringLiteral("Process-1"));
    }
    QCOMPARE(chipTexts(view, 3), QStringList{QStringLiteral("PW2")});

    // A process that ends loses its marker; the main interpreter's end clears its line.
    const qsizetype from = record.size();
    QVERIFY(record.append({.timeNs = 3000, .kind = EventKind::StateChanged, .process = 2, .state = ProcessState::Finished, .text = {}}));
    QVERIFY(record.append({.timeNs = 3001, .kind = EventKind::StateChanged, .process = 0, .state = ProcessState::Finished, .text = {}}));
    panel.consume(record, from, record.size());
    QCOMPARE(view->executingLine(), 0);
    QCOMPARE(chipTexts(view, 3), QStringList());
    QCOMPARE(view->markers().size(), 2);
    panel.runEnded();
    QVERIFY(view->markers().isEmpty());
    QVERIFY(view->markerChips().isEmpty());
}

void TestCodePanelEdit::markersNeverSitOnOtherText()
{
    CodePanel panel;
    panel.resize(900, 500);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setExample(example("process"), {});
    panel.setEditing(true);
    typeAtEnd(panel, QStringLiteral("# run me"));
    panel.setRunner(true); // the edited code runs
    panel.resetMarkers();
    RunRecord record;
    QVERIFY(record.append(created(1, "Process-1")));
    QVERIFY(record.append(lineOf(1, 5)));
    panel.consume(record, 0, record.size());
    CodeView *view = panel.pythonView();
    QCOMPARE(chipTexts(view, 5), QStringList{QStringLiteral("P1")});
    QVERIFY(!view->markersHidden());

    // The user types during the run: the lines no longer are the run's; the markers hide.
    QTest::keyClick(view, Qt::Key_X);
    QVERIFY(view->markersHidden());
    QVERIFY(view->markerChips().isEmpty());
    QVERIFY(bannerText(panel).endsWith(QStringLiteral("Line markers are hidden: they belong to the code the run started with.")));
    // A later trace is kept, not shown; back to the run's text, it shows on its line.
    const qsizetype from = record.size();
    QVERIFY(record.append(lineOf(1, 6)));
    panel.consume(record, from, record.size());
    QVERIFY(view->markerChips().isEmpty());
    QTest::keyClick(view, Qt::Key_Backspace);
    QVERIFY(!view->markersHidden());
    QCOMPARE(chipTexts(view, 6), QStringList{QStringLiteral("P1")});
    panel.runEnded();

    // A native run follows the knobs' program: on edited code its markers do not show.
    panel.setRunner(false);
    panel.resetMarkers();
    RunRecord native;
    QVERIFY(native.append({.timeNs = 1, .kind = EventKind::ScriptStep, .process = 0, .sourceLine = 3, .text = {}}));
    QVERIFY(native.append({.timeNs = 2, .kind = EventKind::WorkerTrace, .process = 1, .sourceLine = 5,
                           .text = QStringLiteral("started")}));
    panel.consume(native, 0, native.size());
    QVERIFY(view->markersHidden());
    QVERIFY(view->markerChips().isEmpty());
    QCOMPARE(view->executingLine(), 3); // kept for when the program for the knobs is back
    QVERIFY(bannerText(panel).contains(QStringLiteral("Line markers are hidden")));
}

void TestCodePanelEdit::editorFitsInTheWindow_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("width");
    QTest::newRow("en") << QStringLiteral("en") << 1280;
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << 1280;
    QTest::newRow("en small") << QStringLiteral("en") << 1024;
}

// The window as a user sees it while editing during a Python run: the tabs, Edit and Reset
// are whole (not clipped, not overlapping), the banner's text is all there.
void TestCodePanelEdit::editorFitsInTheWindow()
{
    QFETCH(QString, language);
    QFETCH(int, width);
    Language::apply(language);
    MainWindow window;
    QVERIFY(showWindow(window, width, 800));
    QVERIFY(window.selectExample(QStringLiteral("process")));
    CodePanel *panel = window.codePanel();
    panel->setEditing(true);
    typeAtEnd(*panel, QStringLiteral("  # mine"));
    QVERIFY(setKnob(window, "workers", "3"));
    panel->setRunner(true);
    panel->resetMarkers();
    RunRecord record;
    for (const RunEvent &event : {created(0, "MainProcess"), created(1, "Process-1"), created(2, "Process-2"),
                                  lineOf(0, 17), lineOf(1, 7), lineOf(2, 7)}) {
        QVERIFY(record.append(event));
    }
    panel->consume(record, 0, record.size());
    QTabBar *bar = panel->tabs()->tabBar();
    QWidget *corner = panel->tabs()->cornerWidget(Qt::TopRightCorner);
    QVERIFY(corner && corner->isVisible());
    const QRect cornerRect(corner->mapTo(panel, QPoint(0, 0)), corner->size());
    for (int tab = 0; tab < panel->tabs()->count(); ++tab) {
        const QRect tabRect(bar->mapTo(panel, bar->tabRect(tab).topLeft()), bar->tabRect(tab).size());
        QVERIFY2(!tabRect.intersects(cornerRect), qPrintable(panel->tabs()->tabText(tab)));
        QVERIFY2(bar->tabRect(tab).width() >= bar->fontMetrics().horizontalAdvance(panel->tabs()->tabText(tab)),
                 qPrintable(panel->tabs()->tabText(tab)));
    }
    for (QToolButton *b : {button(*panel, "editCode"), button(*panel, "resetCode")}) {
        QVERIFY2(b->width() >= b->sizeHint().width(), qPrintable(b->text()));
        QVERIFY2(corner->rect().contains(b->geometry()), qPrintable(b->text()));
    }
    const auto *bannerLabel = panel->findChild<QWidget *>(QStringLiteral("programChangedBanner"))->findChild<QLabel *>();
    QVERIFY(bannerLabel->isVisible());
    // The layout settles after the text changed.
    QTRY_VERIFY2_WITH_TIMEOUT(bannerLabel->height() >= bannerLabel->heightForWidth(bannerLabel->width()),
                              qPrintable(QStringLiteral("%1 < %2").arg(bannerLabel->height()).arg(
                                  bannerLabel->heightForWidth(bannerLabel->width()))),
                              5000);
    QCOMPARE(chipTexts(panel->pythonView(), 7), (QStringList{QStringLiteral("P1"), QStringLiteral("P2")}));
    if (const QString folder = qEnvironmentVariable("PROCESSLAB_TEST_PICTURES"); !folder.isEmpty()) {
        QCoreApplication::processEvents();
        QVERIFY(window.grab().save(folder + QStringLiteral("/editor-") + language + u'-' + QString::number(width)
                                   + QStringLiteral(".png")));
    }
    panel->runEnded();
    Language::apply(QStringLiteral("en"));
}

QTEST_MAIN(TestCodePanelEdit)
#include "tst_codepaneledit.moc"
