// SPDX-License-Identifier: MIT
// Replay (File → Open Run…): a saved record played back through RunController yields the same
// projections as the live run did (timeline rows, pane texts and states, process list, summary);
// going back and forth gives the same state as playing to that point; the speed scales the
// clock; a bad file shows the reader's message and keeps the current state.
#include "guitestsupport.h"

#include "code/codepanel.h"
#include "code/codeview.h"
#include "export/exportmenu.h"
#include "output/outputarea.h"
#include "output/outputpane.h"
#include "output/outputview.h"
#include "output/processlistmodel.h"
#include "record/jsonexport.h"
#include "record/pooltaskspans.h"
#include "replay/replaybar.h"
#include "replay/replaysource.h"
#include "timeline/timelinedata.h"
#include "timeline/timelinewidget.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QSettings>
#include <QTemporaryDir>
#include <QToolButton>

using namespace ProcessLab;
using namespace ProcessLab::TestSupport;

namespace {

// What a user sees of a finished run, as plain values.
struct Projection
{
    QList<TimelineRow> rows;
    QStringList panes;   // per process: state text, then its lines
    QStringList listRows; // every cell of the process list
    QStringList summary;
};

Projection projectionOf(MainWindow &window)
{
    Projection p;
    p.rows = window.timeline()->data().rows();
    const RunSummary &summary = window.controller()->summary();
    for (const ProcessSummary &process : summary.processes) {
        OutputPane *pane = window.outputArea()->pane(process.id);
        p.panes.append(pane ? pane->stateText() + u'\n' + pane->view()->toPlainText() : QStringLiteral("<no pane>"));
        p.summary.append(QStringLiteral("%1 %2 %3 pid=%4 exit=%5/%6")
                             .arg(process.id)
                             .arg(process.role, stateName(process.state))
                             .arg(process.pid)
                             .arg(process.exitCode)
                             .arg(process.exitSignal));
    }
    p.summary.append(QStringLiteral("exit %1, tasks %2").arg(summary.exitCode).arg(summary.pools.tasks().size()));
    const ProcessListModel *model = window.outputArea()->processListModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < model->columnCount(); ++column)
            cells.append(model->index(row, column).data().toString());
        p.listRows.append(cells.join(u'|'));
    }
    return p;
}

// The panes have drained every line the record holds for their process.
bool panesDrained(MainWindow &window)
{
    const RunRecord *record = window.controller()->record();
    if (!record)
        return false;
    for (const ProcessSummary &process : window.controller()->summary().processes) {
        OutputPane *pane = window.outputArea()->pane(process.id);
        QStringList lines = outputLines(*record, process.id);
        lines += outputLines(*record, process.id, OutputStream::StdErr);
        if (!pane || pane->view()->toPlainText().split(u'\n', Qt::SkipEmptyParts).size() < lines.size())
            return false;
    }
    return true;
}

// The timeline folded from the first n events of a record, directly.
QList<TimelineRow> rowsOfPrefix(const RunRecord &record, qsizetype n)
{
    RunRecord prefix;
    for (qsizetype i = 0; i < n; ++i)
        prefix.appendRecorded(record.events().at(i));
    TimelineData data;
    data.consume(prefix, 0);
    return data.rows();
}

} // namespace

class TestReplay : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { initGuiTestCase("tst_replay"); }
    void init() { resetGuiState(); }
    void replayEqualsLive_data();
    void replayEqualsLive();
    void badFileKeepsState_data();
    void badFileKeepsState();
    void speedScalesTheClock();
    void unknownExampleStillReplays();
    void replayShowsTheRecordedProgram();
    void replayExportsTheWholeRecord();
    void replayOffersNoKill();
};

void TestReplay::replayEqualsLive_data()
{
    QTest::addColumn<QString>("example");
    QTest::addColumn<QStringList>("knobs");
    QTest::newRow("queue") << QStringLiteral("queue") << QStringList{QStringLiteral("producers=2"), QStringLiteral("delay=0.02")};
    QTest::newRow("pool-kill") << QStringLiteral("pool")
                               << QStringList{QStringLiteral("sleep=0.4"), QStringLiteral("kill-worker-after=200")};
}

void TestReplay::replayEqualsLive()
{
    QFETCH(QString, example);
    QFETCH(QStringList, knobs);
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    QVERIFY(window.selectExample(example));
    for (const QString &knob : std::as_const(knobs))
        QVERIFY(setKnob(window, knob.section(u'=', 0, 0), knob.section(u'=', 1)));
    QAbstractItemModelTester tester(window.outputArea()->processListModel());
    RunController *controller = window.controller();
    QSignalSpy finished(controller, &RunController::runFinished);
    window.startRun();
    QVERIFY(finished.wait(60000));
    QTRY_VERIFY_WITH_TIMEOUT(panesDrained(window), 20000);
    const Projection live = projectionOf(window);
    QVERIFY(!live.rows.isEmpty());

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("run.json"));
    QString error;
    QVERIFY2(writeRunRecordJson(controller->run()->record(), path, &error), qPrintable(error));
    const qsizetype eventCount = controller->run()->record().size();

    // Played to its end at 8×: the same projections.
    QVERIFY(window.openReplay(path));
    QVERIFY(controller->isReplaying());
    QVERIFY(!controller->isActive()); // Run starts a live run (and ends the replay)
    QVERIFY(window.replayBar()->isVisible());
    QVERIFY2(window.replayBar()->titleText().startsWith(QStringLiteral("Replay of run.json — recorded ")),
             qPrintable(window.replayBar()->titleText()));
    ReplaySource *replay = controller->replay();
    QVERIFY(replay->isPlaying());
    replay->setSpeed(8);
    finished.clear();
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.constFirst().constFirst().toInt(), controller->summary().exitCode);
    QCOMPARE(controller->record()->size(), eventCount);
    QTRY_VERIFY_WITH_TIMEOUT(panesDrained(window), 20000);
    const Projection replayed = projectionOf(window);
    QCOMPARE(replayed.summary, live.summary);
    QCOMPARE(replayed.panes, live.panes);
    QCOMPARE(replayed.listRows, live.listRows);
    QVERIFY(replayed.rows == live.rows);

    // Back to the middle: the views start over and show exactly the first k events.
    const qsizetype k = eventCount / 2;
    replay->seekToIndex(k);
    QTRY_COMPARE_WITH_TIMEOUT(window.timeline()->data().consumedCount(), k, 20000);
    QVERIFY(window.timeline()->data().rows() == rowsOfPrefix(replay->source(), k));
    QCOMPARE(controller->record()->size(), k);
    const QStringList middleSummary = projectionOf(window).summary;
    // Step by step: one event more, one event less.
    window.replayBar()->stepForwardAction()->trigger();
    QCOMPARE(replay->target(), k + 1);
    QTRY_COMPARE_WITH_TIMEOUT(window.timeline()->data().consumedCount(), k + 1, 20000);
    window.replayBar()->stepBackwardAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(window.timeline()->data().consumedCount(), k, 20000);
    QCOMPARE(projectionOf(window).summary, middleSummary);
    // Forward to the end again, then the same as playing through.
    replay->seekToIndex(eventCount);
    QTRY_COMPARE_WITH_TIMEOUT(window.timeline()->data().consumedCount(), eventCount, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(panesDrained(window), 20000);
    QVERIFY(window.timeline()->data().rows() == live.rows);
    QCOMPARE(projectionOf(window).summary, live.summary);

    // A click on the timeline's time axis moves the position there.
    emit window.timeline()->axisTimePressed(0);
    QCOMPARE(replay->positionNs(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(window.timeline()->data().consumedCount() <= 3, 20000);

    // Leaving: the bar goes, the views are empty, Run works again.
    window.replayBar()->leaveAction()->trigger();
    QVERIFY(!controller->isReplaying());
    QVERIFY(!window.replayBar()->isVisible());
    QVERIFY(action(window, "actionRun")->isEnabled());
    QCOMPARE(window.timeline()->data().rows().size(), 0);
}

void TestReplay::badFileKeepsState_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("message");
    QTest::newRow("truncated") << QByteArray("{\n  \"schema\": \"processlab-run-record\",\n  \"version\": 3,\n  \"events\": [\n")
                               << QStringLiteral("truncated");
    QTest::newRow("newer") << QByteArray(R"({"schema": "processlab-run-record", "version": 9, "example": "x", "startNs": 0, "events": []})")
                           << QStringLiteral("made by a newer ProcessLab: schema 9; this version reads up to 3");
    QTest::newRow("not-json") << QByteArray("hello") << QStringLiteral("not a ProcessLab run record");
}

void TestReplay::badFileKeepsState()
{
    QFETCH(QByteArray, contents);
    QFETCH(QString, message);
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    QVERIFY(window.selectExample(QStringLiteral("process")));
    QVERIFY(setKnob(window, "sleep", "0.05"));
    RunController *controller = window.controller();
    QSignalSpy finished(controller, &RunController::runFinished);
    window.startRun();
    QVERIFY(finished.wait(60000));
    const RunRecord *before = controller->record();
    const qsizetype size = before->size();
    const int rows = window.timeline()->data().rows().size();

    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("bad.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(contents);
    file.close();
    QSignalSpy replaced(controller, &RunController::aboutToReplaceRun);
    QVERIFY(!window.openReplay(file.fileName()));
    QVERIFY(window.replayError());
    QTRY_VERIFY(window.replayError()->isVisible());
    QVERIFY2(window.replayError()->text().contains(message), qPrintable(window.replayError()->text()));
    QVERIFY2(window.replayError()->text().contains(QLatin1StringView("bad.json")), qPrintable(window.replayError()->text()));
    // Nothing changed: the finished run is still what every view shows.
    QCOMPARE(replaced.count(), 0);
    QVERIFY(!controller->isReplaying());
    QVERIFY(!window.replayBar()->isVisible());
    QCOMPARE(controller->record(), before);
    QCOMPARE(controller->record()->size(), size);
    QCOMPARE(window.timeline()->data().rows().size(), rows);
    window.replayError()->close();
}

// The replay clock runs at speed × real time, never faster (a late timer does not make it
// jump ahead), and the speed is clamped to 0.25×–8×.
void TestReplay::speedScalesTheClock()
{
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    QVERIFY(window.selectExample(QStringLiteral("process")));
    QVERIFY(setKnob(window, "sleep", "1.5"));
    RunController *controller = window.controller();
    QSignalSpy finished(controller, &RunController::runFinished);
    window.startRun();
    QVERIFY(finished.wait(60000));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("run.json"));
    QVERIFY(writeRunRecordJson(controller->run()->record(), path, nullptr));

    QVERIFY(window.openReplay(path));
    ReplaySource *replay = controller->replay();
    QVERIFY(replay->durationNs() > 1'000'000'000);
    for (const double speed : {0.25, 4.0}) {
        replay->pause();
        replay->seekToTime(0);
        replay->setSpeed(speed);
        QCOMPARE(replay->speed(), speed);
        QElapsedTimer wall;
        wall.start();
        replay->play();
        QTRY_VERIFY_WITH_TIMEOUT(replay->positionNs() >= 50'000'000, 30000);
        const qint64 position = replay->positionNs();
        const qint64 elapsed = wall.nsecsElapsed();
        replay->pause();
        QVERIFY2(double(position) <= speed * double(elapsed),
                 qPrintable(QStringLiteral("%1 ns of replay in %2 ns at %3×").arg(position).arg(elapsed).arg(speed)));
    }
    replay->setSpeed(100);
    QCOMPARE(replay->speed(), ReplaySource::maxSpeed);
    replay->setSpeed(0);
    QCOMPARE(replay->speed(), ReplaySource::minSpeed);
    // Run while replaying: a live run starts and the replay ends.
    finished.clear();
    window.startRun();
    QVERIFY(controller->isActive());
    QVERIFY(!controller->isReplaying());
    QVERIFY(!window.replayBar()->isVisible());
    QVERIFY(finished.wait(60000));
}

// A record of an example this version does not have: the bar says so, the panes and the
// timeline still replay.
void TestReplay::unknownExampleStillReplays()
{
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("old.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"schema": "processlab-run-record", "version": 3, "example": "gone", "knobs": {"n": 1},
        "startNs": 1000, "events": [
        {"t": 0, "kind": "run-started", "text": "gone"},
        {"t": 0, "kind": "process-created", "process": 0, "pid": 5, "text": "Main"},
        {"t": 0, "kind": "state", "process": 0, "state": "running", "pid": 5},
        {"t": 2000000, "kind": "output", "process": 0, "stream": "stdout", "text": "still here"},
        {"t": 3000000, "kind": "state", "process": 0, "state": "finished", "pid": 5},
        {"t": 3000000, "kind": "run-finished", "exitCode": 0}]})");
    file.close();
    QSignalSpy finished(window.controller(), &RunController::runFinished);
    QVERIFY(window.openReplay(file.fileName()));
    QVERIFY2(window.replayBar()->titleText().contains(QStringLiteral("its example \"gone\" is not in this version")),
             qPrintable(window.replayBar()->titleText()));
    QVERIFY(finished.wait(30000));
    QTRY_COMPARE(window.outputArea()->pane(0)->view()->toPlainText(), QStringLiteral("still here"));
    QCOMPARE(window.timeline()->data().rows().size(), 1);
    QCOMPARE(window.controller()->summary().processes.at(0).state, ProcessState::Finished);
}

namespace {
QString listingOf(MainWindow &window)
{
    return window.codePanel()->pythonView()->document()->toPlainText();
}

// Runs the window's example to its end and saves the record; false if it could not.
bool recordRun(MainWindow &window, const QString &path)
{
    QSignalSpy finished(window.controller(), &RunController::runFinished);
    window.startRun();
    if (!finished.wait(60000))
        return false;
    return writeRunRecordJson(window.controller()->run()->record(), path, nullptr);
}
} // namespace

// A replay shows the recorded example's program and knobs (the knobs disabled, not stored as
// the user's) from its start past its end, whatever happens to the knobs meanwhile; leaving it
// brings back the user's own knobs and their program.
void TestReplay::replayShowsTheRecordedProgram()
{
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    QVERIFY(window.selectExample(QStringLiteral("process")));
    QVERIFY(setKnob(window, "workers", "3"));
    QVERIFY(setKnob(window, "sleep", "0.05"));
    const QString recordedListing = listingOf(window);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("three.json"));
    QVERIFY(recordRun(window, path));
    // The user's own knobs now: two workers.
    QVERIFY(setKnob(window, "workers", "2"));
    QTRY_VERIFY(listingOf(window) != recordedListing);
    const QString ownListing = listingOf(window);

    RunController *controller = window.controller();
    QSignalSpy finished(controller, &RunController::runFinished);
    QVERIFY(window.openReplay(path));
    QCOMPARE(listingOf(window), recordedListing);
    QCOMPARE(window.knobPanel()->values().value(QStringLiteral("workers")).toInt(), 3);
    QVERIFY(!window.knobPanel()->isEnabled());
    QVERIFY(!action(window, "actionResetKnobs")->isEnabled());
    QCOMPARE(QSettings().value(QStringLiteral("knobs/process/workers")).toInt(), 2); // not stored as the user's
    // A knob set meanwhile (--set, a script) is refused and changes nothing.
    QString error;
    QVERIFY(!window.knobPanel()->setValueFromText(QStringLiteral("workers"), QStringLiteral("4"), &error));
    QVERIFY2(error.contains(QStringLiteral("replay")), qPrintable(error));
    QCOMPARE(listingOf(window), recordedListing);
    // Played to its end: the recorded program stays.
    controller->replay()->setSpeed(8);
    QVERIFY(finished.wait(60000));
    QCOMPARE(listingOf(window), recordedListing);
    QCOMPARE(window.knobPanel()->values().value(QStringLiteral("workers")).toInt(), 3);
    // Back to the start and through again (the views are reset): still the recorded program.
    controller->replay()->seekToIndex(1);
    QTRY_COMPARE(controller->record()->size(), 1);
    QCOMPARE(listingOf(window), recordedListing);

    window.replayBar()->leaveAction()->trigger();
    QCOMPARE(window.knobPanel()->values().value(QStringLiteral("workers")).toInt(), 2);
    QVERIFY(window.knobPanel()->isEnabled());
    QCOMPARE(listingOf(window), ownListing);
    QCOMPARE(QSettings().value(QStringLiteral("knobs/process/workers")).toInt(), 2);
    // Run from a replay: the replay ends, the run has the user's knobs.
    QVERIFY(window.openReplay(path));
    QCOMPARE(window.knobPanel()->values().value(QStringLiteral("workers")).toInt(), 3);
    finished.clear();
    window.startRun();
    QVERIFY(controller->isActive());
    QCOMPARE(controller->record()->knobs().value(QStringLiteral("workers")).toInt(), 2);
    QCOMPARE(window.knobPanel()->values().value(QStringLiteral("workers")).toInt(), 2);
    QVERIFY(finished.wait(60000));
    QCOMPARE(listingOf(window), ownListing);
}

// File > Export during a replay writes the whole loaded record, wherever the replay is.
void TestReplay::replayExportsTheWholeRecord()
{
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    QVERIFY(window.selectExample(QStringLiteral("process")));
    QVERIFY(setKnob(window, "workers", "3"));
    QVERIFY(setKnob(window, "sleep", "0.05"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("run.json"));
    QVERIFY(recordRun(window, path));
    const qsizetype eventCount = window.controller()->run()->record().size();

    QVERIFY(window.openReplay(path));
    ReplaySource *replay = window.controller()->replay();
    replay->pause();
    replay->seekToIndex(2); // before any worker exists
    QTRY_COMPARE(window.controller()->record()->size(), 2);
    QVERIFY(action(window, "actionExportJson")->isEnabled());
    for (const auto format : {ExportMenu::Format::Trace, ExportMenu::Format::Csv, ExportMenu::Format::TimelineSvg,
                              ExportMenu::Format::TimelinePng})
        QVERIFY(window.exportMenu()->action(format)->isEnabled());
    const QString csv = dir.filePath(QStringLiteral("out.csv"));
    QString error;
    QVERIFY2(window.exportMenu()->exportTo(ExportMenu::Format::Csv, csv, &error), qPrintable(error));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 1 + 4); // the header, Main and three workers: the whole record
    const QString trace = dir.filePath(QStringLiteral("out.trace.json"));
    QVERIFY2(window.exportMenu()->exportTo(ExportMenu::Format::Trace, trace, &error), qPrintable(error));
    QVERIFY(QFileInfo(trace).size() > 0);
    QCOMPARE(replay->source().size(), eventCount);
}

// "Kill…" on a pool worker's pane is for a live run: a replay's worker cannot be killed.
void TestReplay::replayOffersNoKill()
{
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    QVERIFY(window.selectExample(QStringLiteral("pool")));
    QVERIFY(setKnob(window, "sleep", "0.3"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pool.json"));
    QVERIFY(recordRun(window, path));

    RunController *controller = window.controller();
    QVERIFY(window.openReplay(path));
    const auto workerRunning = [&] {
        for (const ProcessSummary &p : controller->summary().processes) {
            if (controller->poolTasks().isPoolWorker(p.id) && p.state == ProcessState::Running && window.outputArea()->pane(p.id))
                return true;
        }
        return false;
    };
    // Ticks that found a worker running (the panes' headers are updated on each tick).
    QSignalSpy tick(controller, &RunController::tick);
    int checked = 0;
    while (checked < 5) {
        QVERIFY(tick.wait(30000));
        if (!workerRunning())
            continue;
        ++checked;
        for (OutputPane *pane : window.outputArea()->panes()) {
            QVERIFY2(!pane->isKillable(), qPrintable(pane->displayName()));
            QVERIFY(!pane->killButton()->isVisibleTo(pane));
        }
    }
}

QTEST_MAIN(TestReplay)
#include "tst_replay.moc"
