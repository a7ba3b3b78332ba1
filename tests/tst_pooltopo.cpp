// SPDX-License-Identifier: MIT
// The Pool tab (task table), "Kill this worker…" on a pool worker's pane and the Topology tab,
// with real runs in the app (offscreen). The table's rows are PoolTaskSpans' tasks (the fold
// the panes, timeline, CLI and JSON read), appended as events arrive, under
// QAbstractItemModelTester; a kill through the API the pane's button uses loses exactly one
// task, the pool's join() returns, and the record says the user asked for it; the topology's
// nodes answer clicks with their process.
#include "guitestsupport.h"
#include "pooltestsupport.h"

#include "examples/exampleregistry.h"
#include "examples/knob.h"
#include "language.h"
#include "output/outputarea.h"
#include "output/outputpane.h"
#include "pool/pooltaskmodel.h"
#include "pool/poolview.h"
#include "processcolors.h"
#include "theme.h"
#include "record/runrecord.h"
#include "runtime/run.h"
#include "timeline/timelinewidget.h"
#include "topology/topologyview.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace ProcessLab;
using namespace ProcessLab::TestSupport;

namespace {

bool startExample(MainWindow &window, const QString &id, const QVariantMap &given)
{
    const ExampleDefinition *example = ExampleRegistry::find(id);
    if (!example)
        return false;
    QString error;
    const std::optional<QVariantMap> knobs = resolveKnobs(example->knobs, given, &error);
    if (!knobs) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    window.selectExample(id); // the code panel shows the program that runs
    return window.controller()->startExample(*example, *knobs, false);
}

// Every row of the table is the fold's task, in the fold's order.
void compareWithSpans(const PoolTaskModel &model, const PoolTaskSpans &spans)
{
    QCOMPARE(model.rowCount(), spans.tasks().size());
    for (int row = 0; row < model.rowCount(); ++row) {
        const PoolTaskSpan &expected = spans.tasks().at(row);
        const auto cell = [&](int column, int role = Qt::DisplayRole) { return model.index(row, column).data(role); };
        QCOMPARE(cell(PoolTaskModel::TaskColumn, PoolTaskModel::SortRole).toLongLong(), expected.task);
        QCOMPARE(cell(PoolTaskModel::CallColumn).toString(), expected.call);
        QCOMPARE(cell(PoolTaskModel::WorkerColumn, PoolTaskModel::SortRole).toInt(), expected.process);
        if (expected.pid > 0)
            QVERIFY(cell(PoolTaskModel::WorkerColumn).toString().contains(QString::number(expected.pid)));
        QCOMPARE(PoolTaskOutcome(cell(0, PoolTaskModel::OutcomeRole).toInt()), expected.outcome);
        QCOMPARE(cell(PoolTaskModel::DurationColumn, PoolTaskModel::SortRole).toDouble(), expected.durationMs());
        if (!expected.isOpen())
            QCOMPARE(cell(PoolTaskModel::ResultColumn).toString(), expected.result);
        QCOMPARE(cell(PoolTaskModel::StateColumn).toString(), PoolTaskModel::outcomeText(expected.outcome));
    }
}

} // namespace

class TestPoolTopo : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { initGuiTestCase("tst_pooltopo"); }
    void init() { resetGuiState(); }
    void tableEqualsPoolTaskSpans_data();
    void tableEqualsPoolTaskSpans();
    void pastTheBudgetTheRestIsCounted();
    void killThisWorker();
    void killIsOnlyForLivePoolWorkers();
    void topologyClickFocusesTheProcess();
    void topologyShowsMainWaitingInJoin();
    void viewsPaintInEveryTheme_data();
    void viewsPaintInEveryTheme();
};

void TestPoolTopo::tableEqualsPoolTaskSpans_data()
{
    QTest::addColumn<QString>("example");
    QTest::addColumn<QVariantMap>("knobs");
    QTest::addColumn<int>("lost");
    QTest::newRow("pool") << QStringLiteral("pool") << QVariantMap{{QStringLiteral("tasks"), 6}, {QStringLiteral("sleep"), 0.2}} << 0;
    QTest::newRow("pool-map") << QStringLiteral("pool-map") << QVariantMap{{QStringLiteral("items"), 40}} << 0;
#ifdef Q_OS_UNIX
    QTest::newRow("pool-kill") << QStringLiteral("pool")
                               << QVariantMap{{QStringLiteral("tasks"), 4}, {QStringLiteral("sleep"), 1.0},
                                              {QStringLiteral("kill-worker-after"), 300}}
                               << 1;
#endif
}

void TestPoolTopo::tableEqualsPoolTaskSpans()
{
    QFETCH(QString, example);
    QFETCH(QVariantMap, knobs);
    QFETCH(int, lost);
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    PoolView *view = window.poolView();
    QVERIFY(view);
    QCOMPARE(view->objectName(), QStringLiteral("pool"));
    PoolTaskModel *model = view->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester filterTester(view->filterModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
    QVERIFY(startExample(window, example, knobs));
    const int resetsAtStart = int(resets.size());
    QVERIFY(waitForRunEnd(window));
    // Incremental: rows were appended, never a reset per batch.
    QCOMPARE(resets.size(), resetsAtStart);
    QVERIFY(!inserted.isEmpty());
    compareWithSpans(*model, window.controller()->poolTasks());
    QVERIFY(model->rowCount() > 0);
    QCOMPARE(model->spans().lostTasks().size(), lost);

    // Filter: "Lost only" shows the lost rows, in red.
    view->filterBox()->setCurrentIndex(int(PoolTaskFilterModel::Filter::Lost));
    QCOMPARE(view->filterModel()->rowCount(), lost);
    if (lost > 0) {
        const QModelIndex row = view->filterModel()->index(0, PoolTaskModel::StateColumn);
        QCOMPARE(row.data().toString(), QStringLiteral("lost"));
        QVERIFY(row.data(Qt::BackgroundRole).value<QBrush>().color().red() > 150);
    }
    view->filterBox()->setCurrentIndex(int(PoolTaskFilterModel::Filter::All));
    QCOMPARE(view->filterModel()->rowCount(), model->rowCount());
    // Sorting by duration keeps every row.
    view->table()->sortByColumn(PoolTaskModel::DurationColumn, Qt::DescendingOrder);
    QCOMPARE(view->filterModel()->rowCount(), model->rowCount());

    // Selecting a row outlines its span on the timeline.
    window.bottomTabs()->setCurrentWidget(view);
    const QModelIndex first = view->filterModel()->index(0, 0);
    view->table()->setCurrentIndex(first);
    QCOMPARE(window.timeline()->highlightedPoolTask(), first.data(PoolTaskModel::TaskIndexRole).toLongLong());
    QVERIFY(view->countedText().isEmpty());
}

// 10,050 tasks: the first 10,000 are rows (appended as they come), the rest counted in a line.
void TestPoolTopo::pastTheBudgetTheRestIsCounted()
{
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    PoolTaskModel *model = window.poolView()->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
    window.bottomTabs()->setCurrentWidget(window.poolView());
    QVERIFY(startExample(window, QStringLiteral("pool"),
                         {{QStringLiteral("tasks"), 10'050}, {QStringLiteral("sleep"), 0.0}}));
    QVERIFY(waitForRunEnd(window, 240'000));
    QCOMPARE(model->rowCount(), qsizetype(poolTaskEventBudget));
    compareWithSpans(*model, window.controller()->poolTasks());
    QVERIFY2(inserted.size() > 1, "rows arrive in batches as the run goes");
    QCOMPARE(model->untrackedTasks(), 50);
    QVERIFY2(window.poolView()->countedText().startsWith(QStringLiteral("50 more tasks, counted")),
             qPrintable(window.poolView()->countedText()));
}

void TestPoolTopo::killThisWorker()
{
#ifndef Q_OS_UNIX
    QSKIP("Killing a pool worker on purpose is checked on Unix (SIGKILL) only");
#else
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    window.controller()->startScript(QStringLiteral("pool-test"), {},
                                     poolScript(poolProgram(createPool({lit(2)}),
                                                            {sleepTasks(QStringLiteral("starmap_async"), 4, 1.5,
                                                                        QStringLiteral("result"))})),
                                     {}, false);
    Run *run = window.controller()->run();
    QVERIFY(QTest::qWaitFor([&] { return !poolEvents(run->record(), PoolTaskPhase::Started).isEmpty(); }, 30000));
    const RunEvent victim = poolEvents(run->record(), PoolTaskPhase::Started).constFirst();
    // The pane offers the kill while its worker runs.
    QVERIFY(QTest::qWaitFor([&] {
        OutputPane *pane = window.outputArea()->pane(victim.process);
        return pane && pane->isKillable();
    }, 10000));
    OutputPane *pane = window.outputArea()->pane(victim.process);
    QVERIFY(pane->killButton()->isVisibleTo(pane));
    // The button asks first, saying what will happen; Cancel kills nothing.
    pane->killButton()->click();
    QMessageBox *question = nullptr;
    QVERIFY(QTest::qWaitFor([&] { return (question = window.findChild<QMessageBox *>(QStringLiteral("killWorkerQuestion"))); }, 5000));
    QVERIFY2(question->text().contains(QStringLiteral("reported lost")) && question->text().contains(QStringLiteral("new worker"))
                 && question->text().contains(QStringLiteral("wait for ever")),
             qPrintable(question->text()));
    question->button(QMessageBox::Cancel)->click();
    QVERIFY(QTest::qWaitFor([&] { return !window.findChild<QMessageBox *>(QStringLiteral("killWorkerQuestion")); }, 5000));
    QVERIFY(workerChanges(run->record(), PoolWorkerChange::FaultInjected).isEmpty());

    // The kill through the API the button's confirmation uses.
    QString error;
    QVERIFY2(window.controller()->killPoolWorker(victim.process, &error), qPrintable(error));
    QVERIFY(waitForRunEnd(window));
    const QList<RunEvent> faults = workerChanges(run->record(), PoolWorkerChange::FaultInjected);
    QCOMPARE(faults.size(), 1);
    QCOMPARE(faults.first().process, victim.process);
    QCOMPARE(faults.first().sequence, faultInjectedByUser);
    QVERIFY2(faults.first().text.contains(QStringLiteral("by the user")), qPrintable(faults.first().text));
    // Exactly one task lost (the victim's), the others finished, join() returned.
    QCOMPARE(poolEvents(run->record(), PoolTaskPhase::Lost).size(), 1);
    QCOMPARE(poolEvents(run->record(), PoolTaskPhase::Lost).first().count, victim.count);
    QCOMPARE(poolEvents(run->record(), PoolTaskPhase::Finished).size(), 3);
    const PoolTaskSpans &spans = window.controller()->poolTasks();
    QVERIFY(spans.faultInjection(victim.process));
    QVERIFY(spans.faultInjection(victim.process)->byUser);
    QCOMPARE(window.controller()->summary().process(mainProcessId)->state, ProcessState::Finished);
    QCOMPARE(poolWorkers(run->record()).size(), 3); // a replacement started
    // The table: the lost row; the pane says the user killed it.
    PoolTaskModel *model = window.poolView()->model();
    compareWithSpans(*model, spans);
    QCOMPARE(model->spans().lostTasks().size(), 1);
    QVERIFY2(pane->detailText().contains(QStringLiteral("you killed this worker")), qPrintable(pane->detailText()));
    QVERIFY(!pane->isKillable());
    QVERIFY(allGone(workerPids(run->record())));
#endif
}

void TestPoolTopo::killIsOnlyForLivePoolWorkers()
{
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    QVERIFY(startExample(window, QStringLiteral("process"), {{QStringLiteral("sleep"), 0.5}}));
    QVERIFY(QTest::qWaitFor([&] { return window.outputArea()->pane(1) != nullptr; }, 10000));
    QString error;
    QVERIFY(!window.controller()->killPoolWorker(1, &error));
    QVERIFY2(error.contains(QStringLiteral("not a worker of a process pool")), qPrintable(error));
    QVERIFY(!window.outputArea()->pane(1)->isKillable());
    QVERIFY(waitForRunEnd(window));
    QCOMPARE(window.controller()->run()->exitCode(), 0);
    QVERIFY(!window.controller()->killPoolWorker(1, &error));
}

void TestPoolTopo::topologyClickFocusesTheProcess()
{
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    TopologyView *topology = window.topologyView();
    QCOMPARE(topology->objectName(), QStringLiteral("topology"));
    window.bottomTabs()->setCurrentWidget(topology);
    QVERIFY(startExample(window, QStringLiteral("queue"), {{QStringLiteral("producers"), 2}, {QStringLiteral("consumers"), 2}}));
    QVERIFY(waitForRunEnd(window));
    // Nodes: Main, the 4 workers, the queue; edges: every worker to the queue.
    QCOMPARE(topology->topology().objects().size(), 1);
    const int queue = topology->topology().objects().first().id;
    QVERIFY(!topology->objectRect(queue).isEmpty());
    QList<int> workers;
    for (const ProcessSummary &p : window.controller()->summary().processes)
        if (p.id > mainProcessId)
            workers.append(p.id);
    QCOMPARE(workers.size(), 4);
    for (const int worker : workers) {
        QVERIFY(!topology->processRect(worker).isEmpty());
        QVERIFY(topology->topology().edge(worker, queue));
    }
    QVERIFY(!topology->processRect(mainProcessId).isEmpty());
    // No one waits at the end.
    QVERIFY(topology->waitTexts().isEmpty());
    QVERIFY(!topology->isWaiting(workers.first()));

    QSignalSpy activated(topology, &TopologyView::processActivated);
    const int target = workers.at(2);
    QTest::mouseClick(topology, Qt::LeftButton, {}, topology->processRect(target).center().toPoint());
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().first().toInt(), target);
    // A click on the queue is no process.
    QTest::mouseClick(topology, Qt::LeftButton, {}, topology->objectRect(queue).center().toPoint());
    QCOMPARE(activated.size(), 1);
    const QString tip = topology->toolTipAt(topology->objectRect(queue).center());
    QVERIFY2(tip.contains(QStringLiteral("Queue")) && tip.contains(QStringLiteral("Used by")), qPrintable(tip));
}

// Main waits in join() for a consumer that waits in get() forever (the missing end marker):
// Main's node is red, a red dashed edge runs from Main to the consumer, and its tool tip (the
// edge's, Main's and the consumer's) says so, in the UI's language; Stop ends the wait.
void TestPoolTopo::topologyShowsMainWaitingInJoin()
{
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    TopologyView *topology = window.topologyView();
    window.bottomTabs()->setCurrentWidget(topology);
    QVERIFY(startExample(window, QStringLiteral("queue"), {{QStringLiteral("sentinel"), false}}));
    const RunSummary &summary = window.controller()->summary();
    const auto consumerBlocked = [&] {
        const JoinWait *join = summary.joins.openWait();
        return join && !summary.waits.openWaitsOf(join->target).isEmpty();
    };
    QVERIFY2(QTest::qWaitFor(consumerBlocked, 60000), "Main should wait in join() for the consumer waiting in get()");
    const int consumer = summary.joins.openWait()->target;
    QCOMPARE(summary.process(consumer)->role, QStringLiteral("Consumer"));
    const QString expected = QStringLiteral("Main waits in join() for Consumer (line 33)");

    QVERIFY(topology->isWaiting(mainProcessId));
    QVERIFY(topology->waitTexts().contains(expected));
    const QPainterPath edge = topology->joinWaitPath();
    QVERIFY(!edge.isEmpty());
    // From Main's node to the consumer's.
    const QRectF mainRect = topology->processRect(mainProcessId);
    const QRectF consumerRect = topology->processRect(consumer);
    QCOMPARE(edge.pointAtPercent(0), QPointF(mainRect.right(), mainRect.center().y()));
    QCOMPARE(edge.pointAtPercent(1), QPointF(consumerRect.left(), consumerRect.center().y()));
    QCOMPARE(topology->toolTipAt(edge.pointAtPercent(0.5)), expected);
    QVERIFY2(topology->toolTipAt(mainRect.center()).split(u'\n').contains(expected), qPrintable(topology->toolTipAt(mainRect.center())));
    QVERIFY(topology->toolTipAt(consumerRect.center()).split(u'\n').contains(expected));
    // Drawn: the edge's middle is red (the failed-state colour), not the background.
    const QImage image = topology->grab().toImage();
    const QColor red = stateColor(ProcessState::Failed, isDarkPalette(topology->palette()));
    bool redNearMiddle = false;
    const QPoint middle = edge.pointAtPercent(0.5).toPoint();
    for (int dy = -3; dy <= 3 && !redNearMiddle; ++dy)
        for (int dx = -6; dx <= 6 && !redNearMiddle; ++dx)
        {
            const QColor c = image.pixelColor(middle + QPoint(dx, dy));
            redNearMiddle = std::abs(c.red() - red.red()) + std::abs(c.green() - red.green()) + std::abs(c.blue() - red.blue()) < 40;
        }
    QVERIFY2(redNearMiddle, "the join edge should be drawn red");

    // The language switches live: the processes are named as the panes name them.
    QVERIFY(Language::apply(QStringLiteral("zh_CN")));
    QCoreApplication::processEvents();
    const QString main = ProcessStatusText::roleName(mainProcessId, QStringLiteral("Main"));
    const QString consumerName = ProcessStatusText::roleName(consumer, QStringLiteral("Consumer"));
    QVERIFY2(main != QStringLiteral("Main"), "the zh_CN translation is not loaded");
    const QString chinese = topology->toolTipAt(edge.pointAtPercent(0.5));
    QCOMPARE(chinese, TopologyView::tr("%1 waits in join() for %2 (line %3)").arg(main, consumerName).arg(33));
    QVERIFY2(chinese.contains(main) && chinese.contains(consumerName) && !chinese.contains(QStringLiteral("Consumer")),
             qPrintable(chinese));
    QVERIFY(Language::apply(QStringLiteral("en")));

    // Stop rescues it: no wait is left.
    window.controller()->stop();
    QVERIFY(waitForRunEnd(window));
    QVERIFY(!summary.joins.openWait());
    QVERIFY(topology->joinWaitPath().isEmpty());
    QVERIFY(!topology->isWaiting(mainProcessId));
    QVERIFY(topology->waitTexts().isEmpty());
    QVERIFY(topology->toolTipAt(edge.pointAtPercent(0.5)).isEmpty());
}

void TestPoolTopo::viewsPaintInEveryTheme_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<bool>("presenter");
    QTest::newRow("light") << false << false;
    QTest::newRow("dark") << true << false;
    QTest::newRow("presenter") << false << true;
}

void TestPoolTopo::viewsPaintInEveryTheme()
{
    QFETCH(bool, dark);
    QFETCH(bool, presenter);
    Theme::apply(dark ? QStringLiteral("dark") : QStringLiteral("light"));
    MainWindow window;
    if (presenter)
        window.setPresenterMode(true);
    QVERIFY(showWindow(window, 1280, 800));
    QVERIFY(startExample(window, QStringLiteral("pool"), {{QStringLiteral("tasks"), 4}, {QStringLiteral("sleep"), 0.1}}));
    QVERIFY(waitForRunEnd(window));
    for (QWidget *view : {static_cast<QWidget *>(window.poolView()), static_cast<QWidget *>(window.topologyView())}) {
        window.bottomTabs()->setCurrentWidget(view);
        if (view->height() < 100) // presenter mode shrinks the bottom tabs to their bar: the user drags them up
            view->resize(1000, 320);
        const QImage image = view->grab().toImage();
        QVERIFY(!image.isNull());
        // Something is drawn: not a single colour.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 4)
            for (int x = 0; x < image.width(); x += 4)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 3, qPrintable(view->objectName()));
    }
    QCOMPARE(isDarkPalette(window.topologyView()->palette()), dark);
    Theme::apply(QStringLiteral("light"));
    const QModelIndex lostOrNot = window.poolView()->model()->index(0, 0);
    QVERIFY(lostOrNot.isValid());
}

QTEST_MAIN(TestPoolTopo)
#include "tst_pooltopo.moc"
