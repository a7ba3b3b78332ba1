// SPDX-License-Identifier: MIT
// The desktop app driven as a user would: pick an example, set knobs, run, stop, switch language.
#include "testsupport.h"

#include "examples/exampleregistry.h"
#include "history/runhistorymodel.h"
#include "knobpanel.h"
#include "language.h"
#include "mainwindow.h"
#include "output/consoleview.h"
#include "output/outputarea.h"
#include "output/outputpane.h"
#include "output/outputview.h"
#include "processcolors.h"
#include "runcontroller.h"
#include "theme.h"
#include "timeline/timelinewidget.h"

#include <QAction>
#include <QApplication>
#include <QDoubleSpinBox>
#include <QImage>
#include <QMenuBar>
#include <QProcess>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>

using namespace ProcessLab;
using namespace ProcessLab::TestSupport;

namespace {

bool waitForRunEnd(MainWindow &window, int timeoutMs = 30000)
{
    return QTest::qWaitFor([&] { return !window.controller()->isActive() && window.controller()->run(); }, timeoutMs);
}

QStringList paneLines(OutputPane *pane)
{
    pane->view()->flushPending();
    QStringList lines = pane->view()->toPlainText().split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    return lines;
}

QAction *action(MainWindow &window, const char *name)
{
    return window.findChild<QAction *>(QString::fromLatin1(name));
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void selectingExampleBuildsKnobs();
    void runCreatesOnePanePerProcess();
    void stopEndsAllProcesses();
    void stepModeWaitsForF10();
    void floodIsCountedExactly();
    void languageSwitchRetranslates();
    void themeSwitchRepaintsInDark();
    void screenshotWritesPng();
};

void TestMainWindow::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("ProcessLabTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    qputenv("PROCESSLAB_WORKER", QByteArray(PROCESSLAB_WORKER_PATH));
}

void TestMainWindow::init()
{
    QSettings().clear();
    Language::apply(QStringLiteral("en"));
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
    QTest::qWait(100);
    const RunRecord &record = window.controller()->run()->record();
    QCOMPARE(window.controller()->run()->exitCode(), 0);
    QCOMPARE(window.outputArea()->paneCount(), 4);
    for (int process = 0; process <= 3; ++process) {
        OutputPane *pane = window.outputArea()->pane(process);
        QVERIFY(pane);
        QCOMPARE(paneLines(pane), outputLines(record, process));
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
    QTest::qWait(200);
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
    QTest::qWait(100);
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
