// SPDX-License-Identifier: MIT
// The desktop app runs real Python (issue 13, docs/python-runner.md): Run with Python on the
// examples' listings and on edited code, File → Open Python Script… with arguments and a
// working directory, the interpreter setting, helper processes behind a filter, Stop.
#include "guitestsupport.h"
#include "pythonruntestsupport.h"
#include "pythontestsupport.h"

#include "appoptions.h"
#include "code/codepanel.h"
#include "code/codeview.h"
#include "history/runhistorymodel.h"
#include "output/outputarea.h"
#include "output/outputpane.h"
#include "output/outputview.h"
#include "output/processstatustext.h"
#include "python/pythoninterpreterdialog.h"
#include "python/pythonsession.h"
#include "python/scriptargumentsdialog.h"
#include "record/jsonexport.h"
#include "replay/replaysource.h"
#include "runtime/pythonscriptfile.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#endif

using namespace ProcessLab;
using namespace ProcessLab::TestSupport;

using PaneLines = QMap<QString, QStringList>; // a pane's recorded name -> the lines it shows

namespace {

constexpr int runTimeoutMs = 120000; // a sanity limit on a busy 2-core machine, not a measurement

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

// Each pane's name (as recorded) -> the lines it shows.
PaneLines paneLines(MainWindow &window)
{
    PaneLines lines;
    for (OutputPane *pane : window.outputArea()->panes()) {
        QStringList shown = pane->view()->shownText().split(QLatin1Char('\n'));
        if (!shown.isEmpty() && shown.constLast().isEmpty())
            shown.removeLast(); // the text ends with its last line's newline
        lines.insert(pane->role(), shown);
    }
    return lines;
}

QList<qint64> recordedPids(const RunRecord &record)
{
    QList<qint64> pids;
    for (const RunEvent &event : record.events()) {
        if (event.kind == EventKind::StateChanged && event.pid > 0 && !pids.contains(event.pid))
            pids.append(event.pid);
    }
    return pids;
}

} // namespace

class TestPythonApp : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void runExampleWithPython_data();
    void runExampleWithPython();
    void editedProgramRunsOnlyWithPython();
    void openScriptWithArgumentsAndDirectory();
    void badScriptChangesNothing_data();
    void badScriptChangesNothing();
    void badInterpreterKeepsNativeRuns_data();
    void badInterpreterKeepsNativeRuns();
    void interpreterDialogRefusesOldPython();
    void stopEndsNeverEndingPythonRun();
    void helperProcessesHiddenByDefault();
    void commandLine();
    void appRunsPythonFromCommandLine();

private:
    bool waitForPython(MainWindow &window);
    bool waitForPythonRunEnd(MainWindow &window);
    QString fakeInterpreter(const QString &name, const QByteArray &answer);

    QString m_python;
    QTemporaryDir m_dir;
};

void TestPythonApp::initTestCase()
{
    initGuiTestCase("tst_pythonapp");
    m_python = resolvePython();
    if (m_python.isEmpty())
        QSKIP("python3 is not installed on this machine");
#ifndef Q_OS_UNIX
    QSKIP("the Python runner connects over Unix sockets only so far, not on this platform");
#endif
    QVERIFY(m_dir.isValid());
    // The children's environment is the test's: no start-up file, no bytecode files left behind.
    qunsetenv("PYTHONSTARTUP");
    qputenv("PYTHONDONTWRITEBYTECODE", "1");
}

void TestPythonApp::init()
{
    resetGuiState();
    QSettings().setValue(QStringLiteral("python/interpreter"), m_python);
}

bool TestPythonApp::waitForPython(MainWindow &window)
{
    return QTest::qWaitFor([&] { return window.pythonSession()->availability() != PythonSession::Availability::Checking; },
                           60000)
           && window.pythonSession()->isAvailable();
}

bool TestPythonApp::waitForPythonRunEnd(MainWindow &window)
{
    return QTest::qWaitFor(
        [&] { return window.controller()->isPythonRun() && !window.controller()->isActive(); }, runTimeoutMs);
}

QString TestPythonApp::fakeInterpreter(const QString &name, const QByteArray &answer)
{
    const QString path = m_dir.filePath(name);
    if (!writeFile(path, "#!/bin/sh\necho '" + answer + "'\n"))
        return {};
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}

void TestPythonApp::runExampleWithPython_data()
{
    QTest::addColumn<QString>("example");
    QTest::addColumn<PaneLines>("expected");
    QTest::newRow("process") << QStringLiteral("process")
                             << PaneLines{
                                    {QStringLiteral("MainProcess"), {QStringLiteral("All processes finished")}},
                                    {QStringLiteral("Process-1"),
                                     {QStringLiteral("Worker 1 started"), QStringLiteral("Worker 1 finished")}},
                                    {QStringLiteral("Process-2"),
                                     {QStringLiteral("Worker 2 started"), QStringLiteral("Worker 2 finished")}}};
    QStringList produced, consumed;
    for (int i = 0; i < 5; ++i) {
        produced.append(QStringLiteral("Produced: %1").arg(i));
        consumed.append(QStringLiteral("Consumed: %1").arg(i));
    }
    QTest::newRow("queue") << QStringLiteral("queue")
                           << PaneLines{
                                  {QStringLiteral("MainProcess"), {QStringLiteral("All processes finished")}},
                                  {QStringLiteral("Process-1"), produced},
                                  {QStringLiteral("Process-2"), consumed}};
}

// The tutorial's listing, run by real Python: a pane per Python process, named as Python
// names it, each with exactly its own lines; MainProcess is the interpreter, with its exit code.
void TestPythonApp::runExampleWithPython()
{
    QFETCH(QString, example);
    QFETCH(PaneLines, expected);
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    QVERIFY(window.selectExample(example));
    QVERIFY(waitForPython(window));
    QAction *runPython = action(window, "actionRunPython");
    QVERIFY(runPython && runPython->isEnabled());
    runPython->trigger();
    QVERIFY(window.controller()->isPythonRun());
    QVERIFY(waitForPythonRunEnd(window));
    QCOMPARE(window.controller()->pythonRun()->exitCode(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(paneLines(window), expected, 10000);

    const RunSummary &summary = window.controller()->summary();
    const ProcessSummary *main = summary.process(mainProcessId);
    QVERIFY(main);
    // Python's name, not the native run's "Main"; a real process with its exit code.
    QCOMPARE(ProcessStatusText::roleName(*main), QStringLiteral("MainProcess"));
    QCOMPARE(ProcessStatusText::exitStatus(*main), QStringLiteral("exit 0"));
    QVERIFY(ProcessStatusText::roleToolTip(*main).contains(QStringLiteral("Python interpreter")));
    QCOMPARE(window.outputArea()->pane(mainProcessId)->displayName(), QStringLiteral("MainProcess"));

    // History: a Python row for this example, beside where its native runs go.
    RunHistoryModel *history = window.controller()->history();
    QCOMPARE(history->rowCount(), 1);
    QCOMPARE(history->entry(0).runner, RunnerKind::Python);
    QCOMPARE(history->entry(0).exampleId, example);
    QCOMPARE(history->entry(0).summary.exitCode, 0);
    for (const qint64 pid : recordedPids(window.controller()->record() ? *window.controller()->record() : RunRecord()))
        QTRY_VERIFY_WITH_TIMEOUT(TestSupport::processIsGone(pid), 10000);
}

// What is on screen is the code that runs: edited code disables the native run (and Step)
// and Run with Python runs the edited text.
void TestPythonApp::editedProgramRunsOnlyWithPython()
{
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    QVERIFY(window.selectExample(QStringLiteral("process")));
    QVERIFY(waitForPython(window));
    QAction *run = action(window, "actionRun");
    QAction *step = action(window, "actionStep");
    QVERIFY(run->isEnabled());
    QVERIFY(step->isEnabled());

    QString text = window.codePanel()->pythonView()->toPlainText();
    const QString sleep = QStringLiteral("time.sleep(2)");
    const QString finished = QStringLiteral("    print(f\"Worker {num} finished\")\n");
    QVERIFY(text.contains(sleep));
    QVERIFY(text.contains(finished));
    text.replace(sleep, QStringLiteral("time.sleep(0.1)"));
    text.replace(finished, finished + QStringLiteral("    print(f\"Worker {num} was edited\")\n"));
    window.codePanel()->pythonView()->setPlainText(text);
    QVERIFY(window.codePanel()->isEdited());
    QVERIFY(!run->isEnabled());
    QVERIFY(!step->isEnabled());
    QVERIFY(run->toolTip().contains(QStringLiteral("not edited code")));
    window.startRun(); // F5 has no way in either
    window.stepRun();
    QVERIFY(!window.controller()->isActive());

    action(window, "actionRunPython")->trigger();
    QVERIFY(waitForPythonRunEnd(window));
    QCOMPARE(window.controller()->pythonRun()->exitCode(), 0);
    const PaneLines expected{
        {QStringLiteral("MainProcess"), {QStringLiteral("All processes finished")}},
        {QStringLiteral("Process-1"),
         {QStringLiteral("Worker 1 started"), QStringLiteral("Worker 1 finished"), QStringLiteral("Worker 1 was edited")}},
        {QStringLiteral("Process-2"),
         {QStringLiteral("Worker 2 started"), QStringLiteral("Worker 2 finished"), QStringLiteral("Worker 2 was edited")}}};
    QTRY_COMPARE_WITH_TIMEOUT(paneLines(window), expected, 10000);
    // The run changed nothing on screen: the edited code is still there, the native run still off.
    QCOMPARE(window.codePanel()->pythonView()->toPlainText(), text);
    QVERIFY(!run->isEnabled());
}

// File → Open Python Script…: the arguments (split like a shell) and the working directory
// reach the script; the choice is remembered for the next time.
void TestPythonApp::openScriptWithArgumentsAndDirectory()
{
    QTemporaryDir scriptDir, workDir;
    QVERIFY(scriptDir.isValid() && workDir.isValid());
    const QString script = scriptDir.filePath(QStringLiteral("args.py"));
    const QByteArray text = "import multiprocessing, os, sys\n"
                            "def child(word):\n"
                            "    print('child got', word)\n"
                            "if __name__ == '__main__':\n"
                            "    print(sys.argv[1:])\n"
                            "    print(os.getcwd())\n"
                            "    p = multiprocessing.Process(target=child, args=(sys.argv[2],), name='helper-of-mine')\n"
                            "    p.start()\n"
                            "    p.join()\n";
    QVERIFY(writeFile(script, text));

    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    QVERIFY(waitForPython(window));
    window.openPythonScript(script);
    ScriptArgumentsDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<ScriptArgumentsDialog *>()) && dialog->isVisible());
    QCOMPARE(QDir(dialog->directoryEdit()->text()).canonicalPath(), QDir(scriptDir.path()).canonicalPath());
    dialog->argumentsEdit()->setText(QStringLiteral("one \"two words\""));
    dialog->directoryEdit()->setText(workDir.path() + QStringLiteral("/missing"));
    QVERIFY(dialog->problemLabel()->isVisibleTo(dialog)); // a folder that does not exist: no OK
    QVERIFY(!dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
    dialog->directoryEdit()->setText(workDir.path());
    QVERIFY(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
    dialog->accept();

    QVERIFY(waitForPythonRunEnd(window));
    QCOMPARE(window.controller()->pythonRun()->exitCode(), 0);
    const PaneLines expected{
        {QStringLiteral("MainProcess"), {QStringLiteral("['one', 'two words']"), QDir(workDir.path()).canonicalPath()}},
        {QStringLiteral("helper-of-mine"), {QStringLiteral("child got two words")}}};
    QTRY_COMPARE_WITH_TIMEOUT(paneLines(window), expected, 10000);
    QCOMPARE(window.codePanel()->pythonView()->toPlainText().trimmed(), QString::fromUtf8(text).trimmed());
    QCOMPARE(window.pythonScriptPath(), QFileInfo(script).absoluteFilePath());
    QVERIFY(!action(window, "actionRun")->isEnabled()); // a script on screen: no native run
    QCOMPARE(window.controller()->history()->entry(0).runner, RunnerKind::Python);
    QCOMPARE(window.controller()->history()->entry(0).exampleId, QStringLiteral("args.py"));

    // Remembered: the next time the dialog offers the same; cancelled, nothing runs.
    window.openPythonScript(script);
    QTRY_VERIFY((dialog = window.findChild<ScriptArgumentsDialog *>()) && dialog->isVisible());
    QCOMPARE(dialog->argumentsEdit()->text(), QStringLiteral("one \"two words\""));
    QCOMPARE(dialog->directoryEdit()->text(), QDir::toNativeSeparators(workDir.path()));
    dialog->reject();
    QVERIFY(!window.controller()->isActive());
    QCOMPARE(window.controller()->runNumber(), 1);
}

void TestPythonApp::badScriptChangesNothing_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes"); // empty: no such file
    QTest::addColumn<QString>("message");
    QTest::newRow("missing") << QStringLiteral("missing.py") << QByteArray() << QStringLiteral("does not exist");
    QTest::newRow("not UTF-8") << QStringLiteral("latin1.py") << QByteArray("print('caf\xe9')\n")
                               << QStringLiteral("not UTF-8");
    QTest::newRow("over 1 MiB") << QStringLiteral("large.py")
                                << QByteArray(int(PythonScriptFile::maxBytes) + 1, '#') << QStringLiteral("too large");
    QTest::newRow("a folder") << QStringLiteral("folder.py") << QByteArray("dir") << QStringLiteral("not a file");
}

void TestPythonApp::badScriptChangesNothing()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    const QString path = m_dir.filePath(name);
    if (name == QLatin1StringView("folder.py"))
        QVERIFY(QDir().mkpath(path));
    else if (!bytes.isEmpty())
        QVERIFY(writeFile(path, bytes));

    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    QVERIFY(window.selectExample(QStringLiteral("process")));
    const QString shown = window.codePanel()->pythonView()->toPlainText();
    window.openPythonScript(path);
    QTRY_VERIFY(window.pythonMessage() && window.pythonMessage()->isVisible());
    QVERIFY2(window.pythonMessage()->text().contains(message), qPrintable(window.pythonMessage()->text()));
    QVERIFY(!window.findChild<ScriptArgumentsDialog *>());
    QCOMPARE(window.codePanel()->pythonView()->toPlainText(), shown);
    QVERIFY(window.pythonScriptPath().isEmpty());
    QVERIFY(action(window, "actionRun")->isEnabled());

    QString error;
    QVERIFY(!window.runPythonScript(path, {}, {}, &error)); // the command line's way: an error, no run
    QVERIFY2(error.contains(message), qPrintable(error));
    QVERIFY(!window.controller()->isActive());
}

void TestPythonApp::badInterpreterKeepsNativeRuns_data()
{
    QTest::addColumn<QString>("interpreter"); // "<fake:ANSWER>" for a script that answers ANSWER
    QTest::addColumn<QString>("message");
    QTest::newRow("Python 3.6") << QStringLiteral("<fake:(3, 6)>") << QStringLiteral("is Python 3.6; ProcessLab needs Python 3.9");
    QTest::newRow("not Python") << QStringLiteral("<fake:hello>") << QStringLiteral("is not a working Python interpreter");
    QTest::newRow("missing") << QStringLiteral("/nonexistent/python3") << QStringLiteral("is not an executable file");
}

// A setting that does not work: Run with Python is off and says why and how to get a Python;
// the examples still run natively.
void TestPythonApp::badInterpreterKeepsNativeRuns()
{
    QFETCH(QString, interpreter);
    QFETCH(QString, message);
    if (interpreter.startsWith(QLatin1StringView("<fake:"))) {
        interpreter = fakeInterpreter(QStringLiteral("fake-python-%1").arg(QString::fromLatin1(QTest::currentDataTag())).remove(u' '),
                                      interpreter.mid(6).chopped(1).toUtf8());
        QVERIFY(!interpreter.isEmpty());
    }
    QSettings().setValue(QStringLiteral("python/interpreter"), interpreter);
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    QVERIFY(!waitForPython(window));
    QCOMPARE(window.pythonSession()->availability(), PythonSession::Availability::Unavailable);
    QAction *runPython = action(window, "actionRunPython");
    QVERIFY(!runPython->isEnabled());
    QVERIFY2(runPython->toolTip().contains(message), qPrintable(runPython->toolTip()));
    QVERIFY(runPython->toolTip().contains(QStringLiteral("sudo apt install python3")));
    QVERIFY(runPython->toolTip().contains(QStringLiteral("python.org")));
    window.runWithPython(); // the way around the disabled action: a message, no run
    QTRY_VERIFY(window.pythonMessage() && window.pythonMessage()->isVisible());
    QVERIFY(window.pythonMessage()->text().contains(message));
    QVERIFY(!window.controller()->isActive());
    window.pythonMessage()->close();

    QVERIFY(setKnobs(window, QStringLiteral("process"), 2, QStringLiteral("0.1")));
    QVERIFY(action(window, "actionRun")->isEnabled());
    action(window, "actionRun")->trigger();
    QVERIFY(waitForRunEnd(window));
    QCOMPARE(window.controller()->run()->exitCode(), 0);
    QCOMPARE(window.controller()->history()->entry(0).runner, RunnerKind::Native);
}

// Settings → Python Interpreter…: checked without blocking; OK only for Python >= 3.9.
void TestPythonApp::interpreterDialogRefusesOldPython()
{
    const QString old = fakeInterpreter(QStringLiteral("old-python"), "(3, 8)");
    QVERIFY(!old.isEmpty());
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    QVERIFY(waitForPython(window));
    window.showPythonInterpreterDialog();
    PythonInterpreterDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<PythonInterpreterDialog *>()) && dialog->isVisible());
    QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QTRY_VERIFY_WITH_TIMEOUT(ok->isEnabled(), 60000); // the current setting answered
    QVERIFY(dialog->statusLabel()->text().contains(QStringLiteral("Python 3.")));

    dialog->chosenButton()->setChecked(true);
    dialog->pathEdit()->setText(old);
    emit dialog->pathEdit()->editingFinished();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->statusLabel()->text().contains(QStringLiteral("needs Python 3.9")), 60000);
    QVERIFY(!ok->isEnabled());
    dialog->accept(); // refused: the dialog stays, the setting is unchanged
    QVERIFY(dialog->isVisible());
    QCOMPARE(QSettings().value(QStringLiteral("python/interpreter")).toString(), m_python);

    dialog->fromPathButton()->setChecked(true);
    QTRY_VERIFY_WITH_TIMEOUT(ok->isEnabled(), 60000);
    ok->click();
    QCOMPARE(QSettings().value(QStringLiteral("python/interpreter")).toString(), QString());
    QVERIFY(window.pythonSession()->isAvailable());
}

// Stop during a Python run that never ends: every process of the tree is gone.
void TestPythonApp::stopEndsNeverEndingPythonRun()
{
    const QString script = m_dir.filePath(QStringLiteral("forever.py"));
    QVERIFY(writeFile(script, "import multiprocessing, time\n"
                              "def spin():\n"
                              "    print('child spinning', flush=True)\n"
                              "    while True:\n"
                              "        time.sleep(0.05)\n"
                              "if __name__ == '__main__':\n"
                              "    ps = [multiprocessing.Process(target=spin) for _ in range(2)]\n"
                              "    for p in ps: p.start()\n"
                              "    for p in ps: p.join()\n"));
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    QString error;
    QVERIFY2(window.runPythonScript(script, {}, {}, &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(window.controller()->isPythonRun(), 60000); // once the interpreter answered
    QTRY_VERIFY_WITH_TIMEOUT(window.controller()->summary().liveProcessCount() == 3
                                 && paneLines(window).value(QStringLiteral("Process-2")).size() == 1,
                             runTimeoutMs);
    const QList<qint64> pids = recordedPids(*window.controller()->record());
    QCOMPARE(pids.size(), 3);
    QVERIFY(action(window, "actionStop")->isEnabled());
    action(window, "actionStop")->trigger();
    QVERIFY(waitForPythonRunEnd(window));
    for (const ProcessSummary &process : window.controller()->summary().processes)
        QCOMPARE(process.state, ProcessState::Killed);
    for (const qint64 pid : pids)
        QTRY_VERIFY_WITH_TIMEOUT(TestSupport::processIsGone(pid), 10000);
    QCOMPARE(window.controller()->history()->entry(0).runner, RunnerKind::Python);
}

// A helper process (ProcessCreated.count 1: a Manager's server) has no pane until asked for.
void TestPythonApp::helperProcessesHiddenByDefault()
{
    RunRecord record;
    record.setExampleId(QStringLiteral("python"));
    qint64 t = 1'000'000'000;
    record.append({.timeNs = t, .kind = EventKind::RunStarted, .text = QStringLiteral("python")});
    const auto create = [&](int id, const QString &name, qint64 pid, int helper) {
        record.append({.timeNs = ++t, .kind = EventKind::ProcessCreated, .process = id, .count = helper, .text = name});
        record.append({.timeNs = ++t, .kind = EventKind::StateChanged, .process = id, .state = ProcessState::Running,
                       .pid = pid, .text = {}});
    };
    create(0, QStringLiteral("MainProcess"), 100, 0);
    create(1, QStringLiteral("SyncManager-1"), 101, 1);
    create(2, QStringLiteral("Process-2"), 102, 0);
    record.append({.timeNs = ++t, .kind = EventKind::Output, .process = 2, .text = QStringLiteral("hello")});
    for (int id : {2, 1, 0})
        record.append({.timeNs = ++t, .kind = EventKind::StateChanged, .process = id, .state = ProcessState::Finished,
                       .hasExitStatus = true, .text = {}});
    record.append({.timeNs = ++t, .kind = EventKind::RunFinished, .text = {}});
    const QString path = m_dir.filePath(QStringLiteral("helper.json"));
    QString error;
    QVERIFY2(writeRunRecordJson(record, path, &error), qPrintable(error));

    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    QVERIFY(window.openReplay(path));
    window.controller()->replay()->seekToIndex(window.controller()->replay()->eventCount());
    QTRY_VERIFY(window.controller()->replay()->atEnd() && window.outputArea()->paneCount() == 3);
    OutputArea *area = window.outputArea();
    QCheckBox *toggle = area->helperToggle();
    QVERIFY(toggle->isVisibleTo(area));
    QVERIFY(!toggle->isChecked());
    QCOMPARE(toggle->text(), QStringLiteral("Show helper processes (1)"));
    QVERIFY(!area->shownPanes().contains(area->pane(1)));
    QVERIFY(area->shownPanes().contains(area->pane(0)));
    QVERIFY(area->shownPanes().contains(area->pane(2)));
    toggle->setChecked(true);
    QVERIFY(area->shownPanes().contains(area->pane(1)));
    toggle->setChecked(false);
    QVERIFY(!area->shownPanes().contains(area->pane(1)));
}

void TestPythonApp::commandLine()
{
    const QString app = QStringLiteral("processlab");
    QString error;
    AppOptions options = parseAppOptions({app, QStringLiteral("--python-script"), QStringLiteral("a.py"),
                                          QStringLiteral("--"), QStringLiteral("x"), QStringLiteral("--json")},
                                         &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(options.pythonScript, QStringLiteral("a.py"));
    QCOMPARE(options.scriptArguments, (QStringList{QStringLiteral("x"), QStringLiteral("--json")}));

    options = parseAppOptions({app, QStringLiteral("--example"), QStringLiteral("queue"), QStringLiteral("--python"),
                               QStringLiteral("--autorun")},
                              &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(options.python && options.autorun);

    for (const QStringList &bad : {QStringList{app, QStringLiteral("--python")},
                                   QStringList{app, QStringLiteral("stray")},
                                   QStringList{app, QStringLiteral("--python-script"), QStringLiteral("a.py"),
                                               QStringLiteral("--example"), QStringLiteral("queue")}}) {
        error.clear();
        parseAppOptions(bad, &error);
        QVERIFY2(!error.isEmpty(), qPrintable(bad.join(u' ')));
    }
}

// The app itself: processlab --example queue --python --autorun --screenshot out.png.
void TestPythonApp::appRunsPythonFromCommandLine()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcess app;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path()); // no settings of the user's
    environment.insert(QStringLiteral("PATH"), QFileInfo(m_python).absolutePath() + u':' + environment.value(QStringLiteral("PATH")));
    app.setProcessEnvironment(environment);
    const QString picture = home.filePath(QStringLiteral("queue-python.png"));
    app.start(QStringLiteral(PROCESSLAB_APP_PATH),
              {QStringLiteral("--example"), QStringLiteral("queue"), QStringLiteral("--python"), QStringLiteral("--autorun"),
               QStringLiteral("--screenshot"), picture});
    QVERIFY(app.waitForFinished(runTimeoutMs));
    QVERIFY2(app.exitStatus() == QProcess::NormalExit && app.exitCode() == 0, app.readAllStandardError().constData());
    QVERIFY(QImage(picture).width() == 1280);
}

QTEST_MAIN(TestPythonApp)
#include "tst_pythonapp.moc"
