// SPDX-License-Identifier: MIT
#include "examples/exampleregistry.h"
#include "history/runhistorymodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
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
} // namespace

class TestRunHistoryModel : public QObject
{
    Q_OBJECT
private slots:
    void newestFirstAndTexts();
    void boundedAndConsistent();
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

QTEST_MAIN(TestRunHistoryModel)
#include "tst_runhistorymodel.moc"
