// SPDX-License-Identifier: MIT
// The app shows the pool (offscreen, real pool workers): each pool worker's pane says which task
// it runs, "idle" between tasks, and the task it lost when it was killed (in red, with the
// signal); the timeline draws each task as a busy span on its worker's row (lost: up to the
// worker's death; the replacement on a row of its own), with a tooltip; the status line says
// why the run exited 1. Past the per-task event budget the rows show what is counted.
#include "guitestsupport.h"
#include "pooltestsupport.h"

#include "output/consoleview.h"
#include "output/outputarea.h"
#include "output/outputview.h"
#include "runcontroller.h"
#include "processcolors.h"
#include "output/outputpane.h"
#include "record/runrecord.h"
#include "runtime/run.h"
#include "timeline/timelinepainter.h"
#include "timeline/timelinetooltips.h"
#include "timeline/timelinewidget.h"
#include "timeline/zoomstate.h"

#include <QCborArray>
#include <QElapsedTimer>
#include <QHelpEvent>
#include <QLabel>
#include <QScrollBar>
#include <QStatusBar>
#include <QTest>
#include <QToolTip>

#include <limits>

using namespace ProcessLab;
using namespace ProcessLab::TestSupport;

namespace {

// Starts the main program in the window; the run it started.
Run *startPoolRun(MainWindow &window, const QList<ScriptStep> &steps)
{
    window.controller()->startScript(QStringLiteral("pool-test"), {}, poolScript(steps), {}, false);
    return window.controller()->run();
}

// Brings the timeline up to the run's last event.
void refreshToEnd(TimelineWidget &timeline, const Run &run)
{
    timeline.refresh(run.record().events().constLast().timeNs, false);
}

// A pool worker's busy spans over the whole run.
QList<PoolBusySpan> wholeRow(const TimelineData &data, int process)
{
    return data.poolSpans(process, 0, std::numeric_limits<qint64>::max() / 2, 0);
}

QString statusText(MainWindow &window)
{
    QStringList texts;
    for (const QLabel *label : window.statusBar()->findChildren<QLabel *>())
        texts.append(label->text());
    return texts.join(u'\n');
}

} // namespace

class TestPoolView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { initGuiTestCase("tst_poolview"); }
    void init() { resetGuiState(); }
    void panesSayWhichTaskAndIdle();
    void timelineDrawsBusySpans();
    void killedWorkerLosesItsTask();
    void faultInjectionIsShownAsOnPurpose();
    void countersPastTheBudget();
};

void TestPoolView::panesSayWhichTaskAndIdle()
{
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    // Pool(2); 3 tasks of 0.8 s: one worker runs two, the other is idle while the last one
    // runs (the main program waits for it before close()).
    QList<ScriptStep> calls;
    for (int i = 1; i <= 3; ++i)
        calls.append(poolCall(QStringLiteral("apply_async"),
                              {lit(QStringLiteral("test.sleep")), lit(QCborArray{0.8, i})}, QStringLiteral("r%1").arg(i)));
    calls.append(callStep(QStringLiteral("r3"), QStringLiteral("get")));
    Run *run = startPoolRun(window, poolProgram(createPool({lit(2)}), calls));
    QVERIFY(run);
    QVERIFY(QTest::qWaitFor([&] { return poolWorkers(run->record()).size() == 2; }, 30000));
    const QList<int> workers = poolWorkers(run->record());

    // Busy: the pane names the task and its call exactly as queued.
    QStringList busyTexts;
    QVERIFY(QTest::qWaitFor([&] {
        for (const int id : workers) {
            if (OutputPane *pane = window.outputArea()->pane(id); pane && pane->detailText().startsWith(u"task "))
                busyTexts.append(pane->detailText());
        }
        return !busyTexts.isEmpty();
    }, 30000));
    QStringList expectedBusy;
    for (const RunEvent &queued : poolEvents(run->record(), PoolTaskPhase::Queued))
        expectedBusy.append(QStringLiteral("task %1: %2").arg(queued.count).arg(queued.text));
    QCOMPARE(expectedBusy.size(), 3);
    QVERIFY2(expectedBusy.contains(busyTexts.constFirst()), qPrintable(busyTexts.join(u'|') + u" / " + expectedBusy.join(u'|')));
    QVERIFY2(poolEvents(run->record(), PoolTaskPhase::Queued).constFirst().text.startsWith(u"test.sleep"),
             qPrintable(poolEvents(run->record(), PoolTaskPhase::Queued).constFirst().text));

    // Idle: one worker between its task and close().
    QVERIFY(QTest::qWaitFor([&] {
        for (const int id : workers) {
            if (OutputPane *pane = window.outputArea()->pane(id); pane && pane->detailText() == u"idle")
                return true;
        }
        return false;
    }, 30000));
    QVERIFY(waitForRunEnd(window));
    QCOMPARE(run->exitCode(), 0);
    // After the end: how many tasks each ran (2 + 1).
    QStringList done;
    for (const int id : workers)
        done.append(window.outputArea()->pane(id)->detailText());
    done.sort();
    QCOMPARE(done, (QStringList{QStringLiteral("tasks done: 1"), QStringLiteral("tasks done: 2")}));
    // Python's name stays; the tool tip says what a pool worker is.
    const OutputPane *first = window.outputArea()->pane(workers.constFirst());
    QCOMPARE(first->displayName(), QStringLiteral("PoolWorker-1"));
    QCOMPARE(first->findChild<QLabel *>(QStringLiteral("role"))->toolTip(),
             QStringLiteral("PoolWorker-1: a worker process of the pool; it runs the tasks the pool hands out"));
    QVERIFY(!statusText(window).contains(u"exit 1"));
    QVERIFY(allGone(workerPids(run->record())));
}

void TestPoolView::timelineDrawsBusySpans()
{
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    // Pool(2), starmap of 4 tasks of 0.3 s (chunksize 1), then a chunked map of 20 items
    // (chunksize 10: two chunks).
    Run *run = startPoolRun(window, poolProgram(createPool({lit(2)}), {
            sleepTasks(QStringLiteral("starmap"), 4, 0.3, QStringLiteral("slept")),
            poolCall(QStringLiteral("map"), {lit(QStringLiteral("square")), lit(20), lit(10)},
                     QStringLiteral("squares")),
        }));
    QVERIFY(waitForRunEnd(window));
    QCOMPARE(run->exitCode(), 0);
    TimelineWidget *timeline = window.timeline();
    refreshToEnd(*timeline, *run);
    const TimelineData &data = timeline->data();
    const QList<int> workers = poolWorkers(run->record());
    QCOMPARE(workers.size(), 2);

    // Every finished task is one span on its worker's row, from its start to its end event.
    const QList<RunEvent> started = poolEvents(run->record(), PoolTaskPhase::Started);
    const QList<RunEvent> finished = poolEvents(run->record(), PoolTaskPhase::Finished);
    QCOMPARE(finished.size(), 6);
    const qint64 start = run->record().startNs();
    qsizetype spans = 0;
    for (const int id : workers) {
        QVERIFY(data.isPoolWorker(id));
        const QList<PoolBusySpan> row = wholeRow(data, id);
        spans += row.size();
        for (qsizetype i = 0; i < row.size(); ++i) {
            const PoolBusySpan &span = row.at(i);
            const PoolTaskSpan &task = data.poolTasks().tasks().at(span.task);
            QCOMPARE(span.outcome, PoolTaskOutcome::Finished);
            QCOMPARE(task.process, id);
            const auto startEvent = std::find_if(started.cbegin(), started.cend(), [&](const RunEvent &e) { return e.count == task.task; });
            const auto endEvent = std::find_if(finished.cbegin(), finished.cend(), [&](const RunEvent &e) { return e.count == task.task; });
            QVERIFY(startEvent != started.cend() && endEvent != finished.cend());
            QCOMPARE(span.startNs, startEvent->timeNs - start);
            QCOMPARE(span.endNs, endEvent->timeNs - start);
            QCOMPARE(task.pid, startEvent->pid);
            if (i > 0) // one worker, one task at a time: spans in order, not overlapping
                QVERIFY(row.at(i - 1).endNs <= span.startNs);
        }
        // A sleep task lasts its 0.3 s (a generous upper bound on a busy machine).
        for (const PoolBusySpan &span : row) {
            const PoolTaskSpan &task = data.poolTasks().tasks().at(span.task);
            if (task.call.startsWith(u"test.sleep"))
                QVERIFY2(span.endNs - span.startNs >= 290'000'000, qPrintable(QString::number(span.endNs - span.startNs)));
        }
    }
    QCOMPARE(spans, 6);
    // The two chunks of map carry their item range.
    QStringList chunkCalls;
    for (const PoolTaskSpan &task : data.poolTasks().tasks()) {
        if (task.items == 10)
            chunkCalls.append(task.call);
    }
    chunkCalls.sort();
    QCOMPARE(chunkCalls, (QStringList{QStringLiteral("square × 10 (items 0..9)"), QStringLiteral("square × 10 (items 10..19)")}));

    // The hover tooltip of a span: task, worker, PID, duration, result.
    const int worker = workers.constFirst();
    const QList<PoolBusySpan> row = wholeRow(data, worker);
    QVERIFY(!row.isEmpty());
    const PoolBusySpan &first = row.constFirst();
    timeline->zoom()->setRange(0, data.runEndNs());
    QTRY_COMPARE(timeline->zoom()->startNs(), 0);
    const TimelineMath math{timeline->zoom()->startNs(), timeline->zoom()->endNs(),
                            double(timeline->viewport()->width() - timeline->labelColumnWidth()
                                   - TimelineMetrics::fromFont(timeline->font()).pad)};
    const TimelineMetrics metrics = TimelineMetrics::fromFont(timeline->font());
    const int rowIndex = int(worker); // rows are indexed by process id
    const QPoint pos(timeline->labelColumnWidth() + int(math.xForNs((first.startNs + first.endNs) / 2)),
                     rowIndex * metrics.rowHeight + metrics.barTop + metrics.barHeight / 2
                         - timeline->verticalScrollBar()->value());
    QVERIFY(timeline->viewport()->rect().contains(pos));
    QHelpEvent help(QEvent::ToolTip, pos, timeline->viewport()->mapToGlobal(pos));
    QCoreApplication::sendEvent(timeline->viewport(), &help);
    const PoolTaskSpan &task = data.poolTasks().tasks().at(first.task);
    QTRY_VERIFY(QToolTip::isVisible());
    const QString tip = QToolTip::text();
    QVERIFY2(tip.contains(QStringLiteral("Task %1").arg(task.task)), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("PID %1").arg(task.pid)), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("Result: ")), qPrintable(tip));
    QVERIFY2(tip.contains(TimelineMath::formatDuration(first.endNs - first.startNs)), qPrintable(tip));
    QToolTip::hideText();
}

void TestPoolView::killedWorkerLosesItsTask()
{
#ifndef Q_OS_UNIX
    QSKIP("SIGKILL of a pool worker: Unix only");
#else
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    Run *run = startPoolRun(window, poolProgram(createPool({lit(2)}), {
            sleepTasks(QStringLiteral("starmap_async"), 4, 1.0, QStringLiteral("result")),
        }));
    QVERIFY(QTest::qWaitFor([&] { return !poolEvents(run->record(), PoolTaskPhase::Started).isEmpty(); }, 30000));
    const RunEvent victim = poolEvents(run->record(), PoolTaskPhase::Started).constFirst();
    QVERIFY(killProcess(victim.pid));
    QVERIFY(waitForRunEnd(window));
    QCOMPARE(run->exitCode(), 1);
    refreshToEnd(*window.timeline(), *run);

    // The pane of the killed worker: the task it lost, with the signal, in red.
    OutputPane *pane = window.outputArea()->pane(victim.process);
    QVERIFY(pane);
    const QString lostText = QStringLiteral("task %1 lost: killed by SIGKILL").arg(victim.count);
    QCOMPARE(pane->detailText(), lostText);
    const QLabel *detail = pane->findChild<QLabel *>(QStringLiteral("detail"));
    QVERIFY(detail);
    QCOMPARE(detail->palette().color(QPalette::WindowText), stateColor(ProcessState::Failed, isDarkPalette(pane->palette())));
    QVERIFY2(detail->toolTip().contains(QString::number(victim.pid)), qPrintable(detail->toolTip()));

    // The replacement: a pane and a timeline row of its own, which ran tasks.
    const QList<int> workers = poolWorkers(run->record());
    QCOMPARE(workers.size(), 3);
    const int replacement = workers.constLast();
    QVERIFY(window.outputArea()->pane(replacement));
    QCOMPARE(window.outputArea()->pane(replacement)->role(), QStringLiteral("PoolWorker-3"));
    const TimelineData &data = window.timeline()->data();
    QVERIFY(data.row(replacement));
    QVERIFY(!wholeRow(data, replacement).isEmpty());

    // The timeline: the lost task's span ends where its worker died.
    const QList<PoolBusySpan> victimRow = wholeRow(data, victim.process);
    QVERIFY(!victimRow.isEmpty());
    const PoolBusySpan &lost = victimRow.constLast();
    QCOMPARE(lost.outcome, PoolTaskOutcome::Lost);
    QCOMPARE(data.poolTasks().tasks().at(lost.task).task, victim.count);
    QCOMPARE(lost.endNs, data.endNs(victim.process));
    QCOMPARE(lost.startNs, victim.timeNs - run->record().startNs());
    // Every other task finished.
    QCOMPARE(poolEvents(run->record(), PoolTaskPhase::Finished).size(), 3);

    // The status line says why the run exited 1.
    const QString status = statusText(window);
    QVERIFY2(status.contains(QStringLiteral("exit 1")) && status.contains(QStringLiteral("task %1 lost").arg(victim.count))
                 && status.contains(QString::number(victim.pid)) && status.contains(QStringLiteral("SIGKILL")),
             qPrintable(status));
    QVERIFY(allGone(workerPids(run->record())));
#endif
}

// The kill-worker-after knob: ProcessLab kills a busy worker on purpose. The pane, the timeline
// (a bolt with its tool tip), the console and the status line say it was ProcessLab, not a bug.
void TestPoolView::faultInjectionIsShownAsOnPurpose()
{
#ifndef Q_OS_UNIX
    QSKIP("SIGKILL of a pool worker: Unix only");
#else
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    ScriptStep create = createPool({lit(2)});
    create.options.insert(QLatin1StringView("killWorkerAfterMs"), 1);
    Run *run = startPoolRun(window, poolProgram(create, {
            sleepTasks(QStringLiteral("starmap_async"), 3, 1.0, QStringLiteral("result")),
        }));
    QVERIFY(waitForRunEnd(window));
    QCOMPARE(run->exitCode(), 1);
    refreshToEnd(*window.timeline(), *run);
    const QList<PoolFaultInjection> &faults = window.controller()->poolTasks().faultInjections();
    QCOMPARE(faults.size(), 1);
    const PoolFaultInjection fault = faults.constFirst();

    // The pane: killed on purpose, with the task it lost.
    OutputPane *pane = window.outputArea()->pane(fault.process);
    QVERIFY(pane);
    QCOMPARE(pane->detailText(), QStringLiteral("task %1 lost: ProcessLab killed this worker on purpose").arg(fault.task));
    const QLabel *detail = pane->findChild<QLabel *>(QStringLiteral("detail"));
    QVERIFY(detail);
    QVERIFY2(detail->toolTip().contains(QStringLiteral("Not a bug in the program")), qPrintable(detail->toolTip()));

    // The timeline: a fault mark on the worker's row, whose tool tip says what happened.
    const TimelineData &data = window.timeline()->data();
    const TimelineRow *row = data.row(fault.process);
    QVERIFY(row);
    QVERIFY(std::any_of(row->alerts.cbegin(), row->alerts.cend(),
                        [](const TimelineMark &m) { return m.markKind() == MarkKind::FaultInjected; }));
    const auto mark = std::find_if(row->marks.cbegin(), row->marks.cend(),
                                   [](const TimelineMark &m) { return m.markKind() == MarkKind::FaultInjected; });
    QVERIFY(mark != row->marks.cend());
    TimelineHit hit;
    hit.kind = TimelineHit::Kind::Mark;
    hit.row = fault.process;
    hit.index = mark - row->marks.cbegin();
    const QString tip = TimelineToolTips::text(hit, data, run->record().events(), data.runEndNs());
    QVERIFY2(tip.contains(QStringLiteral("killed on purpose by ProcessLab")) && tip.contains(QString::number(fault.pid))
                 && tip.contains(QStringLiteral("not a bug in the program")),
             qPrintable(tip));

    // The console: the line, where it happened.
    ConsoleView *console = window.findChild<ConsoleView *>();
    QVERIFY(console);
    console->view()->flushPending();
    const QString consoleText = console->view()->shownText();
    QVERIFY2(consoleText.contains(QStringLiteral("Fault injection: ProcessLab killed %1 (PID %2) on purpose")
                                      .arg(pane->role())
                                      .arg(fault.pid)),
             qPrintable(consoleText));

    // The status line: why the run exited 1.
    const QString status = statusText(window);
    QVERIFY2(status.contains(QStringLiteral("on purpose (fault injection)")), qPrintable(status));
    QVERIFY(allGone(workerPids(run->record())));
#endif
}

void TestPoolView::countersPastTheBudget()
{
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    // 10,500 tasks (chunksize 1): the first 10,000 with their own events, the rest counted.
    constexpr int items = 10'500;
    Run *run = startPoolRun(window, poolProgram(createPool({lit(2)}), {
            poolCall(QStringLiteral("map"), {lit(QStringLiteral("square")), lit(items), lit(1)},
                     QStringLiteral("squares")),
        }));
    QVERIFY(waitForRunEnd(window, 120000));
    QCOMPARE(run->exitCode(), 0);
    TimelineWidget *timeline = window.timeline();
    refreshToEnd(*timeline, *run);
    const TimelineData &data = timeline->data();
    const PoolTaskSpans &pool = data.poolTasks();
    QCOMPARE(pool.pools().size(), 1);
    const PoolProgress &progress = pool.pools().constFirst();
    QVERIFY(progress.counted);
    QCOMPARE(progress.tracked, 10'000);
    QCOMPARE(progress.queued(), items);
    QCOMPARE(progress.done(), items);
    // Each worker's row: its recorded tasks and the counted band after them, with the note.
    qsizetype drawn = 0;
    bool anyBand = false;
    for (const int id : poolWorkers(run->record())) {
        drawn += wholeRow(data, id).size();
        const auto [from, to] = data.countedOnlyRange(id, data.runEndNs());
        anyBand |= from >= 0 && to > from;
    }
    QCOMPARE(drawn, 10'000);
    QVERIFY(anyBand);
    QCOMPARE(TimelinePainter::countedOnlyText(progress),
             QStringLiteral("tasks after the first 10,000 are counted, not drawn: 10,500 of 10,500 done"));
    // Painting every visible task of the whole run stays quick (a sanity limit only).
    QElapsedTimer paint;
    paint.start();
    const QPixmap picture = timeline->grab();
    QVERIFY(!picture.isNull());
    QVERIFY2(paint.elapsed() < 5000, qPrintable(QString::number(paint.elapsed())));
    // The panes are not stuck on a task: every worker says how many it ran.
    for (const int id : poolWorkers(run->record()))
        QVERIFY2(window.outputArea()->pane(id)->detailText().startsWith(u"tasks done: "),
                 qPrintable(window.outputArea()->pane(id)->detailText()));
}

QTEST_MAIN(TestPoolView)
#include "tst_poolview.moc"
