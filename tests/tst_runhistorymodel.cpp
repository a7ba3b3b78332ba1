// SPDX-License-Identifier: MIT
#include "examples/exampleregistry.h"
#include "history/runcomparedialog.h"
#include "history/runhistorymodel.h"
#include "language.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace ProcessLab;

namespace {
RunSummary summaryOf(double wallMs, int exitCode, int processes)
{
    RunSummary s;
    s.startNs = 1'000'000'000;
    s.endNs = s.startNs + static_cast<qint64>(wallMs * 1e6);
    s.finished = true;
    s.exitCode = exitCode;
    for (int i = 0; i < processes; ++i) {
        ProcessSummary p;
        p.id = i;
        p.role = i == 0 ? QStringLiteral("Main") : QStringLiteral("Worker %1").arg(i);
        p.state = ProcessState::Finished;
        s.processes.append(p);
    }
    return s;
}
// A finished run of Main and `children` processes: each child spawns in startUpMs, runs 2 s,
// prints `linesEach` lines and exits with exitCode; one queue with `operations` puts and gets.
RunSummary runOf(double wallMs, int children, double startUpMs, qint64 linesEach, int exitCode, qint64 operations,
                 bool pythonMain)
{
    RunSummary s = summaryOf(wallMs, 0, children + 1);
    const qint64 ms = 1'000'000;
    for (ProcessSummary &p : s.processes) {
        p.pid = 4000 + p.id;
        p.createdNs = s.startNs;
        if (p.id == 0 && !pythonMain) // Main played by ProcessLab: no spawn of its own
            continue;
        p.startingNs = s.startNs + p.id * ms;
        p.readyNs = p.startingNs + static_cast<qint64>(startUpMs * 1e6);
        p.runningNs = p.readyNs;
        p.endNs = p.runningNs + 2000 * ms;
        p.hasExitStatus = true;
        p.exitCode = p.id == 0 ? 0 : exitCode;
        p.stdoutLines = p.id == 0 ? 1 : linesEach;
    }
    if (!pythonMain)
        s.processes[0].stdoutLines = 1;
    if (operations > 0) {
        ObjectSummary queue;
        queue.id = 1;
        queue.kind = IpcObjectKind::Queue;
        queue.name = QStringLiteral("queue");
        queue.reported = operations;
        s.objects.append(queue);
    }
    return s;
}

QStringList column(const QTableWidget *table, int c)
{
    QStringList cells;
    for (int row = 0; row < table->rowCount(); ++row)
        cells.append(table->item(row, c)->text());
    return cells;
}

// Every cell's text fits its column (nothing elided) and every table fits its box.
void verifyNothingClipped(const RunCompareDialog &dialog)
{
    for (const QTableWidget *table : dialog.findChildren<QTableWidget *>()) {
        if (!table->isVisible())
            continue;
        for (int c = 0; c < table->columnCount(); ++c) {
            const int width = table->columnWidth(c);
            const QFontMetrics header(table->horizontalHeader()->font());
            QVERIFY2(header.horizontalAdvance(table->horizontalHeaderItem(c)->text()) <= width,
                     qPrintable(table->horizontalHeaderItem(c)->text()));
            for (int row = 0; row < table->rowCount(); ++row) {
                const QString text = table->item(row, c)->text();
                QVERIFY2(table->fontMetrics().horizontalAdvance(text) <= width, qPrintable(text));
            }
        }
        QVERIFY2(!table->horizontalScrollBar()->isVisible(), qPrintable(table->objectName()));
    }
}

} // namespace

class TestRunHistoryModel : public QObject
{
    Q_OBJECT
private slots:
    void newestFirstAndTexts();
    void boundedAndConsistent();
    void pythonRunsSayWhoRanThem();
    void compareNativeAndPython();
    void compareDialogShowsBothRuns_data();
    void compareDialogShowsBothRuns();
};

void TestRunHistoryModel::newestFirstAndTexts()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    RunHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addRun(1, QStringLiteral("process"), {{QStringLiteral("workers"), 1}, {QStringLiteral("sleep"), 2.0}},
                 summaryOf(2003.5, 0, 2));
    model.addRun(2, QStringLiteral("process"), {{QStringLiteral("workers"), 4}, {QStringLiteral("sleep"), 0.5}},
                 summaryOf(512.3, 1, 5));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, RunHistoryModel::NumberColumn).data().toString(), QStringLiteral("#2"));
    // The example's title and knob labels in the UI language, in the example's knob order (issue 8).
    QCOMPARE(model.index(0, RunHistoryModel::ExampleColumn).data().toString(),
             ExampleRegistry::find(QStringLiteral("process"))->titleEn);
    QCOMPARE(model.index(0, RunHistoryModel::ExampleColumn).data(Qt::ToolTipRole).toString(), QStringLiteral("process"));
    QCOMPARE(model.index(0, RunHistoryModel::KnobsColumn).data().toString(), QStringLiteral("Workers 4, Seconds 0.5"));
    QCOMPARE(model.index(0, RunHistoryModel::WallTimeColumn).data().toString(), QStringLiteral("512.3 ms"));
    QCOMPARE(model.index(0, RunHistoryModel::ResultColumn).data().toString(), QStringLiteral("failed"));
    QCOMPARE(model.index(1, RunHistoryModel::WallTimeColumn).data().toString(), QStringLiteral("2.00 s"));
    QCOMPARE(model.index(1, RunHistoryModel::ResultColumn).data().toString(), QStringLiteral("ok"));
    QCOMPARE(model.index(1, RunHistoryModel::ProcessesColumn).data().toInt(), 2);
    QCOMPARE(model.entry(1).number, 1);

    // A language switch re-reads every text: the views are told through dataChanged.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy headers(&model, &QAbstractItemModel::headerDataChanged);
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    model.retranslate();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(headers.size(), 1);
    QCOMPARE(model.index(0, RunHistoryModel::ExampleColumn).data().toString(),
             ExampleRegistry::find(QStringLiteral("process"))->titleZh);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestRunHistoryModel::boundedAndConsistent()
{
    RunHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (int i = 1; i <= RunHistoryModel::maxRuns + 7; ++i)
        model.addRun(i, QStringLiteral("subclass"), {}, summaryOf(i, 0, 1));
    QCOMPARE(model.rowCount(), RunHistoryModel::maxRuns);
    QCOMPARE(model.entry(0).number, RunHistoryModel::maxRuns + 7);
    QCOMPARE(model.entry(RunHistoryModel::maxRuns - 1).number, 8);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestRunHistoryModel::pythonRunsSayWhoRanThem()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    RunHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addRun(1, QStringLiteral("process"), {{QStringLiteral("workers"), 2}}, summaryOf(2100, 0, 3));
    model.addRun(2, QStringLiteral("process"), {{QStringLiteral("workers"), 2}}, summaryOf(2300, 0, 3),
                 RunnerKind::Python);
    // A user's own script: its file name is the example, its arguments the settings.
    model.addRun(3, QStringLiteral("python"),
                 {{QStringLiteral("script"), QStringLiteral("/home/student/my_pool.py")},
                  {QStringLiteral("arguments"), QStringLiteral("--n 4")}},
                 summaryOf(900, 1, 5), RunnerKind::Python);
    QCOMPARE(model.headerData(RunHistoryModel::RunnerColumn, Qt::Horizontal).toString(), QStringLiteral("Runner"));
    QCOMPARE(model.index(2, RunHistoryModel::RunnerColumn).data().toString(), QStringLiteral("ProcessLab"));
    QCOMPARE(model.index(1, RunHistoryModel::RunnerColumn).data().toString(), QStringLiteral("Python"));
    QCOMPARE(model.index(1, RunHistoryModel::ExampleColumn).data().toString(),
             ExampleRegistry::find(QStringLiteral("process"))->titleEn);
    QCOMPARE(model.index(1, RunHistoryModel::KnobsColumn).data().toString(), QStringLiteral("Workers 2"));
    QCOMPARE(model.index(0, RunHistoryModel::RunnerColumn).data().toString(), QStringLiteral("Python"));
    QCOMPARE(model.index(0, RunHistoryModel::ExampleColumn).data().toString(), QStringLiteral("my_pool.py"));
    QCOMPARE(model.index(0, RunHistoryModel::ExampleColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("/home/student/my_pool.py"));
    QCOMPARE(model.index(0, RunHistoryModel::KnobsColumn).data().toString(), QStringLiteral("arguments: --n 4"));
    QCOMPARE(model.index(0, RunHistoryModel::ResultColumn).data().toString(), QStringLiteral("failed"));
    QCOMPARE(model.entry(0).runner, RunnerKind::Python);
    QCOMPARE(model.entry(2).runner, RunnerKind::Native);
}

void TestRunHistoryModel::compareNativeAndPython()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    const RunHistoryModel::Entry native{4, QStringLiteral("queue"), {}, runOf(2050, 2, 1.5, 5, 0, 20, false),
                                        RunnerKind::Native};
    const RunHistoryModel::Entry python{5, QStringLiteral("queue"), {}, runOf(2460, 2, 61.5, 5, 0, 20, true),
                                        RunnerKind::Python};
    QCOMPARE(RunCompareDialog::meanStartUpMs(native.summary), 1.5);
    QCOMPARE(RunCompareDialog::meanStartUpMs(python.summary), 61.5); // Main's own start is not a child's
    const QStringList expected = {
        QStringLiteral("Run #5 took 1.20× the wall time of run #4."),
        QStringLiteral("Python's start-up: +60.0 ms per process (spawn → ready 61.5 ms with Python, 1.5 ms with "
                       "ProcessLab's workers)."),
        QStringLiteral("Same output: 11 lines in each run."),
        QStringLiteral("Same exit codes: 0 (processes: 0, 0)."),
        QStringLiteral("Same operations on shared objects: 20 in each run.")};
    QCOMPARE(RunCompareDialog::differences(native, python), expected);

    // Python left, native right: the same start-up sign; what differs is named with both runs.
    const RunHistoryModel::Entry failing{6, QStringLiteral("queue"), {}, runOf(1000, 3, 1.0, 4, 1, 18, false),
                                         RunnerKind::Native};
    const QStringList differing = RunCompareDialog::differences(python, failing);
    QCOMPARE(differing.at(1), QStringLiteral("Python's start-up: +60.5 ms per process (spawn → ready 61.5 ms with "
                                             "Python, 1.0 ms with ProcessLab's workers)."));
    QCOMPARE(differing.at(2), QStringLiteral("Processes: 3 in run #5, 4 in run #6."));
    QCOMPARE(differing.at(3), QStringLiteral("Output: 11 lines in run #5, 13 in run #6."));
    QCOMPARE(differing.at(4), QStringLiteral("Exit codes differ: 0 (processes: 0, 0) in run #5, 0 (processes: 1, 1, 1) "
                                             "in run #6."));
    QCOMPARE(differing.at(5), QStringLiteral("Operations on shared objects: 20 in run #5, 18 in run #6."));
    // Two native runs: no start-up line.
    QVERIFY(!RunCompareDialog::differences(native, failing).join(u'\n').contains(QStringLiteral("start-up")));
}

void TestRunHistoryModel::compareDialogShowsBothRuns_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
}

void TestRunHistoryModel::compareDialogShowsBothRuns()
{
    QFETCH(QString, language);
    Language::apply(language);
    const RunHistoryModel::Entry native{4, QStringLiteral("queue"), {{QStringLiteral("items"), 5}},
                                        runOf(2050, 2, 1.5, 5, 0, 20, false), RunnerKind::Native};
    const RunHistoryModel::Entry python{5, QStringLiteral("queue"), {{QStringLiteral("items"), 5}},
                                        runOf(2460, 2, 61.5, 5, 0, 20, true), RunnerKind::Python};
    RunCompareDialog dialog(native, python);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QList<QGroupBox *> boxes = dialog.findChildren<QGroupBox *>();
    QCOMPARE(boxes.size(), 2);
    const QList<QTableWidget *> processTables = dialog.findChildren<QTableWidget *>(QStringLiteral("processTable"));
    const QList<QTableWidget *> ipcTables = dialog.findChildren<QTableWidget *>(QStringLiteral("ipcTable"));
    QCOMPARE(processTables.size(), 2);
    QCOMPARE(ipcTables.size(), 2);
    // "Run #5" in English, "第 5 次运行" in Chinese.
    const auto inBox = [&language](QWidget *w, int runNumber) {
        const QString number = language == QLatin1StringView("en") ? QStringLiteral("#%1").arg(runNumber)
                                                                   : QStringLiteral("第 %1 次").arg(runNumber);
        return qobject_cast<QGroupBox *>(w->parentWidget())->title().contains(number);
    };
    QTableWidget *nativeTable = inBox(processTables.at(0), 4) ? processTables.at(0) : processTables.at(1);
    QTableWidget *pythonTable = nativeTable == processTables.at(0) ? processTables.at(1) : processTables.at(0);
    QVERIFY(inBox(nativeTable, 4));
    QVERIFY(inBox(pythonTable, 5));
    if (language == QLatin1StringView("en")) {
        QVERIFY2(qobject_cast<QGroupBox *>(pythonTable->parentWidget())->title().endsWith(QStringLiteral(" · Python")),
                 qPrintable(qobject_cast<QGroupBox *>(pythonTable->parentWidget())->title()));
        QCOMPARE(column(pythonTable, 2), (QStringList{QStringLiteral("61.5 ms"), QStringLiteral("61.5 ms"),
                                                      QStringLiteral("61.5 ms")}));
        QCOMPARE(column(nativeTable, 2), (QStringList{QStringLiteral("–"), QStringLiteral("1.5 ms"), QStringLiteral("1.5 ms")}));
        QCOMPARE(column(pythonTable, 4), (QStringList{QStringLiteral("1"), QStringLiteral("5"), QStringLiteral("5")}));
        QCOMPARE(column(pythonTable, 5), (QStringList{QStringLiteral("exit 0"), QStringLiteral("exit 0"),
                                                      QStringLiteral("exit 0")}));
        QCOMPARE(column(ipcTables.at(0), 0), QStringList{QStringLiteral("queue (queue)")});
        QCOMPARE(column(ipcTables.at(0), 1), QStringList{QStringLiteral("20")});
        const auto *differences = dialog.findChild<QLabel *>(QStringLiteral("compareDifferences"));
        QVERIFY(differences);
        QCOMPARE(differences->text(), RunCompareDialog::differences(native, python).join(u'\n'));
    }
    // Python's main interpreter has an exit code like its children, in the same words.
    const QStringList pythonExits = column(pythonTable, 5);
    QCOMPARE(pythonExits.count(pythonExits.at(1)), 3);
    QCoreApplication::processEvents();
    verifyNothingClipped(dialog);
    // Pictures to look at (scripts or a reviewer set the folder).
    if (const QString folder = qEnvironmentVariable("PROCESSLAB_TEST_PICTURES"); !folder.isEmpty())
        QVERIFY(dialog.grab().save(folder + QStringLiteral("/compare-") + language + QStringLiteral(".png")));
    Language::apply(QStringLiteral("en"));
}

QTEST_MAIN(TestRunHistoryModel)
#include "tst_runhistorymodel.moc"
