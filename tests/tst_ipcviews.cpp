// SPDX-License-Identifier: MIT
// The Queue, Pipe and Shared memory tabs (offscreen, real workers): their models under
// QAbstractItemModelTester while a run feeds them, and their contents equal the record's —
// the items listed are the puts not got, the messages in flight, each cell coloured by its last
// writer's colour, the lost updates the program itself prints; the views refresh at most ~30
// times a second however fast the queue goes.
#include "guitestsupport.h"

#include "language.h"
#include "mainwindow.h"
#include "output/processstatustext.h"
#include "processcolors.h"
#include "protocol/protocol.h"
#include "record/runrecord.h"
#include "runcontroller.h"
#include "timeline/timelinelegend.h"
#include "timeline/timelinewidget.h"
#include "views/pipemessagesmodel.h"
#include "views/pipeview.h"
#include "views/queueitemsmodel.h"
#include "views/queueview.h"
#include "views/sharedcellsmodel.h"
#include "views/sharedview.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTest>

using namespace ProcessLab;
using namespace ProcessLab::TestSupport;

class TestIpcViews : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { initGuiTestCase("tst_ipcviews"); }
    void init() { resetGuiState(); }
    void queueViewListsWhatIsInTheQueue();
    void queueViewIsThrottledAtFullSpeed();
    void pipeViewShowsMessagesInFlight();
    void sharedViewColoursCellsByLastWriter();
    void sharedViewCountsLostUpdates();
    void viewsFollowTheLanguage();
    void viewsNameProcessesAsThePanesDo();
    void sharedViewNeverShowsAPartialLockCount();
    void timelineLegendExplainsWaitsAndCpu();
};

void TestIpcViews::queueViewListsWhatIsInTheQueue()
{
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    QVERIFY(window.selectExample(QStringLiteral("queue")));
    QVERIFY(setKnob(window, "producers", "2"));
    QVERIFY(setKnob(window, "items", "20"));
    window.bottomTabs()->setCurrentWidget(window.queueView());
    QAbstractItemModelTester tester(window.queueView()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    action(window, "actionRun")->trigger();
    QVERIFY(waitForRunEnd(window));
    QTRY_VERIFY(window.queueView()->statusText().contains(QStringLiteral("41 put, 41 got")));
    window.queueView()->refreshNow();
    const QueueItemsModel *model = window.queueView()->model();
    QCOMPARE(model->inQueueCount(), 0);
    // The latest items got, each with the path the record gives its seq.
    const RunRecord &record = window.controller()->run()->record();
    QHash<qint64, std::pair<int, int>> paths;
    for (const RunEvent &event : record.events()) {
        if (event.kind == EventKind::IpcOperation && event.op == quint8(Protocol::IpcOp::Put))
            paths[event.sequence].first = event.process;
        else if (event.kind == EventKind::IpcOperation && event.op == quint8(Protocol::IpcOp::Get))
            paths[event.sequence].second = event.process;
    }
    QCOMPARE(model->rowCount(), 41); // 2 × 20 items and one None
    int sentinels = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, QueueItemsModel::Path);
        const qint64 seq = model->index(row, QueueItemsModel::Seq).data().toLongLong();
        QCOMPARE(index.data(QueueItemsModel::ProducerRole).toInt(), paths.value(seq).first);
        QCOMPARE(index.data(QueueItemsModel::ConsumerRole).toInt(), paths.value(seq).second);
        sentinels += index.data(QueueItemsModel::SentinelRole).toBool() ? 1 : 0;
    }
    QCOMPARE(sentinels, 1);
    // Hovering an item names its path.
    window.queueView()->showPathOf(0);
    QVERIFY2(window.queueView()->pathText().contains(QStringLiteral("→ queue →")), qPrintable(window.queueView()->pathText()));
    // The timeline has the queue's depth lane.
    QVERIFY(window.timeline()->visibleTexts().contains(QStringLiteral("queue: depth")));
}

void TestIpcViews::queueViewIsThrottledAtFullSpeed()
{
    // A 1 → 1 queue at full speed: thousands of events a second, the view samples them.
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    QVERIFY(window.selectExample(QStringLiteral("queue")));
    QVERIFY(setKnob(window, "items", "30000"));
    window.bottomTabs()->setCurrentWidget(window.queueView());
    QElapsedTimer clock;
    clock.start();
    const int before = window.queueView()->refreshCount();
    action(window, "actionRun")->trigger();
    QVERIFY(waitForRunEnd(window, 120000));
    QTRY_VERIFY(window.queueView()->statusText().contains(QStringLiteral("sampled")));
    const double seconds = clock.elapsed() / 1000.0;
    const int refreshes = window.queueView()->refreshCount() - before;
    // ~30 Hz, plus the reset and the final catch-up: never one refresh per event or batch.
    QVERIFY2(refreshes <= 35 * seconds + 5, qPrintable(QStringLiteral("%1 refreshes in %2 s").arg(refreshes).arg(seconds)));
    // Past the budget the items are not listed (they would be stale): the view says so.
    QCOMPARE(window.queueView()->model()->rowCount(), 0);
}

void TestIpcViews::pipeViewShowsMessagesInFlight()
{
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    QVERIFY(window.selectExample(QStringLiteral("pipe")));
    window.bottomTabs()->setCurrentWidget(window.pipeView());
    QAbstractItemModelTester tester(window.pipeView()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    action(window, "actionRun")->trigger();
    QVERIFY(waitForRunEnd(window));
    window.pipeView()->refreshNow();
    const QString status = window.pipeView()->statusText();
    QVERIFY2(status.contains(QStringLiteral("Sender → Main: messages in flight: 0")), qPrintable(status));
    QVERIFY2(status.contains(QStringLiteral("6 sent, 6 received")), qPrintable(status));
    QVERIFY2(status.contains(QStringLiteral("Sender closed its end")), qPrintable(status));
    QCOMPARE(window.pipeView()->model()->rowCount(), 0);
}

void TestIpcViews::sharedViewColoursCellsByLastWriter()
{
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    QVERIFY(window.selectExample(QStringLiteral("shared")));
    QVERIFY(setKnob(window, "workers", "3"));
    QVERIFY(setKnob(window, "increments", "1000"));
    window.bottomTabs()->setCurrentWidget(window.sharedView());
    QAbstractItemModelTester tester(window.sharedView()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    action(window, "actionRun")->trigger();
    QVERIFY(waitForRunEnd(window));
    window.sharedView()->refreshNow();
    const SharedCellsModel *model = window.sharedView()->model();
    QCOMPARE(model->rowCount(), 4); // counter.value, results[0..2]
    QCOMPARE(model->index(0, SharedCellsModel::Value).data().toString(), QStringLiteral("3000"));
    const bool dark = isDarkPalette(window.sharedView()->palette());
    for (int i = 0; i < 3; ++i) {
        const QModelIndex value = model->index(1 + i, SharedCellsModel::Value);
        QCOMPARE(value.data().toString(), QString::number(i + 1));
        QCOMPARE(value.data(SharedCellsModel::WriterRole).toInt(), i + 1);
        QCOMPARE(value.data(Qt::BackgroundRole).value<QColor>(), processColor(i + 1, dark));
    }
    QVERIFY(window.sharedView()->lostText().isEmpty()); // the lock was on
}

void TestIpcViews::sharedViewCountsLostUpdates()
{
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    QVERIFY(window.selectExample(QStringLiteral("shared")));
    QVERIFY(setKnob(window, "increments", "300000"));
    QVERIFY(setKnob(window, "lock", "off"));
    window.bottomTabs()->setCurrentWidget(window.sharedView());
    action(window, "actionRun")->trigger();
    QVERIFY(waitForRunEnd(window));
    window.sharedView()->refreshNow();
    // The count the view shows is the one the program prints.
    const RunRecord &record = window.controller()->run()->record();
    QString printed;
    for (const RunEvent &event : record.events()) {
        if (event.kind == EventKind::Output && event.text.startsWith(QStringLiteral("Lost updates: ")))
            printed = event.text.mid(14);
    }
    QVERIFY(!printed.isEmpty());
    const QString shown = window.sharedView()->lostText();
    static const QRegularExpression number(QStringLiteral("counter: ([\\d,]+) of"));
    const QRegularExpressionMatch match = number.match(shown);
    QVERIFY2(match.hasMatch(), qPrintable(shown));
    QCOMPARE(match.captured(1).remove(QLatin1Char(',')), printed);
}

// Switching the language re-says everything: the placeholder of a view whose object the run
// does not have (it stayed English: rebuild() returns early without one), and the process
// names, which are the translated ones the panes and topology show ("Main" -> 主进程).
void TestIpcViews::viewsFollowTheLanguage()
{
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    QVERIFY(window.selectExample(QStringLiteral("queue")));
    window.bottomTabs()->setCurrentWidget(window.queueView());
    action(window, "actionRun")->trigger();
    QVERIFY(waitForRunEnd(window));
    window.queueView()->refreshNow();
    const QString englishPipe = window.pipeView()->statusText();
    QVERIFY2(englishPipe.startsWith(QStringLiteral("No pipe")), qPrintable(englishPipe));

    QVERIFY(Language::apply(QStringLiteral("zh_CN")));
    QCoreApplication::processEvents();
    const QString main = ProcessStatusText::roleName(0, QStringLiteral("Main"));
    QVERIFY2(main != QStringLiteral("Main"), "the zh_CN translation is not loaded");
    QCOMPARE(window.pipeView()->statusText(),
             PipeView::tr("No pipe in this run. Run the pipe example to see its messages in flight."));
    QVERIFY(window.pipeView()->statusText() != englishPipe);
    // The None the main program put: its path names Main as the panes do.
    const QueueItemsModel *model = window.queueView()->model();
    QStringList sentinelPaths;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, QueueItemsModel::Path);
        if (index.data(QueueItemsModel::SentinelRole).toBool())
            sentinelPaths.append(index.data().toString());
    }
    QCOMPARE(sentinelPaths.size(), 1);
    QVERIFY2(sentinelPaths.first().startsWith(main), qPrintable(sentinelPaths.first()));
}

// In Chinese the views say 发送进程 → 主进程, as the panes, the timeline and the topology do,
// never the recorded English role ("Sender → Main").
void TestIpcViews::viewsNameProcessesAsThePanesDo()
{
    Language::apply(QStringLiteral("zh_CN"));
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    QVERIFY(window.selectExample(QStringLiteral("pipe")));
    window.bottomTabs()->setCurrentWidget(window.pipeView());
    action(window, "actionRun")->trigger();
    QVERIFY(waitForRunEnd(window));
    window.pipeView()->refreshNow();
    const QString status = window.pipeView()->statusText();
    QCOMPARE(ProcessStatusText::roleName(0, QStringLiteral("Main")), QStringLiteral("主进程"));
    QCOMPARE(ProcessStatusText::roleName(1, QStringLiteral("Sender")), QStringLiteral("发送进程"));
    QVERIFY2(status.contains(QStringLiteral("发送进程 → 主进程")), qPrintable(status));
    QVERIFY2(!status.contains(QStringLiteral("Sender")) && !status.contains(QStringLiteral("Main")), qPrintable(status));
}

// Past the observation budget a Value's get_lock() acquisitions are no longer counted (its
// counters carry the value and the writes): the view says "at least", never a partial total.
void TestIpcViews::sharedViewNeverShowsAPartialLockCount()
{
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    QVERIFY(window.selectExample(QStringLiteral("shared")));
    QVERIFY(setKnob(window, "workers", "2"));
    QVERIFY(setKnob(window, "increments", "20000")); // 40,000 acquisitions: past the 10,000 budget
    QVERIFY(setKnob(window, "lock", "on"));
    window.bottomTabs()->setCurrentWidget(window.sharedView());
    action(window, "actionRun")->trigger();
    QVERIFY(waitForRunEnd(window, 120000));
    window.sharedView()->refreshNow();
    const QString status = window.sharedView()->statusText();
    static const QRegularExpression taken(QStringLiteral("lock taken (at least )?([\\d,]+) times"));
    const QRegularExpressionMatch match = taken.match(status);
    QVERIFY2(match.hasMatch(), qPrintable(status));
    const qint64 shown = match.captured(2).remove(QLatin1Char(',')).toLongLong();
    QVERIFY2(shown < 40000, qPrintable(status)); // only the reported ones are known
    QVERIFY2(!match.captured(1).isEmpty(), qPrintable(status)); // so it says "at least"
    QVERIFY2(status.contains(QStringLiteral("no longer counted")), qPrintable(status));
}

// The timeline's legend explains what this run's rows show: the hatched waiting spans of a
// consumer blocked in get() and the CPU curve over the bars; a process run has no waits.
void TestIpcViews::timelineLegendExplainsWaitsAndCpu()
{
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    QVERIFY(window.selectExample(QStringLiteral("queue")));
    QVERIFY(setKnob(window, "producers", "2"));
    QVERIFY(setKnob(window, "delay", "0.05"));
    action(window, "actionRun")->trigger();
    QVERIFY(waitForRunEnd(window));
    QTRY_VERIFY(!window.controller()->summary().waits.waits().isEmpty());
    QVERIFY(!window.controller()->summary().resources.isEmpty());
    QTRY_VERIFY2(window.timeline()->visibleTexts().contains(TimelineLegend::waitText()),
                 qPrintable(window.timeline()->visibleTexts().join(u'|')));
    QVERIFY(window.timeline()->visibleTexts().contains(TimelineLegend::cpuText()));

    QVERIFY(window.selectExample(QStringLiteral("process")));
    QVERIFY(setKnob(window, "sleep", "0.2"));
    action(window, "actionRun")->trigger();
    QVERIFY(waitForRunEnd(window));
    QTRY_VERIFY(window.timeline()->visibleTexts().contains(TimelineLegend::cpuText()));
    QVERIFY(!window.timeline()->visibleTexts().contains(TimelineLegend::waitText()));
}

QTEST_MAIN(TestIpcViews)
#include "tst_ipcviews.moc"
