// SPDX-License-Identifier: MIT
#include "record/runrecord.h"
#include "output/processstatustext.h"
#include "timeline/timelinedata.h"
#include "timeline/timelinepainter.h"
#include "timeline/timelinetooltips.h"

#include <QTest>

#include <algorithm>

using namespace ProcessLab;

namespace {

constexpr qint64 ms = 1'000'000;
constexpr qint64 t0 = 5'000 * ms; // absolute start; the timeline works relative to it

RunEvent stateEvent(qint64 t, int process, ProcessState state, qint64 pid = 0, int exitCode = 0,
                    int signal = 0)
{
    return {.timeNs = t0 + t, .kind = EventKind::StateChanged, .process = process,
            .state = state, .exitCode = exitCode, .exitSignal = signal,
            .hasExitStatus = isEndState(state) && process != mainProcessId, .pid = pid, .text = {}};
}

RunEvent outputEvent(qint64 t, int process, const QString &text,
                     OutputStream stream = OutputStream::StdOut)
{
    return {.timeNs = t0 + t, .kind = EventKind::Output, .process = process, .stream = stream,
            .text = text};
}

RunEvent stepEvent(qint64 t, int line, const QString &text)
{
    return {.timeNs = t0 + t, .kind = EventKind::ScriptStep, .process = mainProcessId,
            .sourceLine = line, .text = text};
}

RunEvent traceEvent(qint64 t, int process, const QString &text)
{
    return {.timeNs = t0 + t, .kind = EventKind::WorkerTrace, .process = process,
            .sourceLine = 7, .text = text};
}

// Main + two workers: worker 1 prints 100 lines and finishes, worker 2 writes to stderr
// and is killed by a signal. Some events arrive out of time order, as they do when a
// worker's trace (timestamped in the worker) overtakes output read by the host.
RunRecord sampleRecord(bool finished = true)
{
    RunRecord record;
    record.append({.timeNs = t0, .kind = EventKind::RunStarted, .text = QStringLiteral("process")});
    record.append({.timeNs = t0, .kind = EventKind::ProcessCreated, .process = 0, .pid = 100,
                   .text = QStringLiteral("Main")});
    record.append(stateEvent(0, 0, ProcessState::Running, 100));
    record.append(stepEvent(1 * ms, 12, QStringLiteral("p1 = Process(target=worker)")));
    record.append({.timeNs = t0 + 1 * ms, .kind = EventKind::ProcessCreated, .process = 1,
                   .text = QStringLiteral("Worker 1")});
    record.append(stateEvent(1 * ms, 1, ProcessState::Created));
    record.append(stepEvent(2 * ms, 13, QStringLiteral("p2 = Process(target=worker)")));
    record.append({.timeNs = t0 + 2 * ms, .kind = EventKind::ProcessCreated, .process = 2,
                   .text = QStringLiteral("Worker 2")});
    record.append(stepEvent(3 * ms, 16, QStringLiteral("p1.start()")));
    record.append(stateEvent(3 * ms, 1, ProcessState::Starting));
    record.append(stateEvent(4 * ms, 1, ProcessState::Starting, 101)); // pid arrives later
    record.append(stepEvent(5 * ms, 17, QStringLiteral("p2.start()")));
    record.append(stateEvent(5 * ms, 2, ProcessState::Starting, 102));
    record.append(stepEvent(6 * ms, 20, QStringLiteral("p1.join()")));
    record.append(stateEvent(30 * ms, 1, ProcessState::Ready, 101));
    record.append(stateEvent(31 * ms, 1, ProcessState::Running, 101));
    record.append(stateEvent(35 * ms, 2, ProcessState::Ready, 102));
    record.append(stateEvent(36 * ms, 2, ProcessState::Running, 102));
    record.append(outputEvent(33 * ms, 1, QStringLiteral("Worker 1 started")));
    record.append(traceEvent(32 * ms, 1, QStringLiteral("started"))); // out of order
    for (int i = 0; i < 100; ++i)
        record.append(outputEvent(40 * ms + i * ms, 1, QStringLiteral("line %1").arg(i)));
    record.append(outputEvent(50 * ms, 2, QStringLiteral("warning"), OutputStream::StdErr));
    record.append(traceEvent(44 * ms + 500'000, 1, QStringLiteral("sleep"))); // among the lines
    record.append({.timeNs = t0 + 60 * ms, .kind = EventKind::Error, .process = 2,
                   .text = QStringLiteral("lost connection")});
    record.append({.timeNs = t0 + 61 * ms, .kind = EventKind::OutputDropped, .process = 2,
                   .count = 7, .text = {}});
    if (!finished)
        return record;
    record.append(stateEvent(70 * ms, 2, ProcessState::Killed, 102, 0, 9));
    record.append(stateEvent(200 * ms, 1, ProcessState::Finished, 101, 0));
    record.append(stepEvent(201 * ms, 21, QStringLiteral("p2.join()")));
    record.append(outputEvent(202 * ms, 0, QStringLiteral("All processes finished")));
    record.append(stateEvent(203 * ms, 0, ProcessState::Finished, 100, 0));
    record.append(
        {.timeNs = t0 + 203 * ms, .kind = EventKind::RunFinished, .exitCode = 0, .text = {}});
    return record;
}

RunEvent stepEndedEvent(qint64 t, int line, const QString &text)
{
    return {.timeNs = t0 + t, .kind = EventKind::ScriptStepEnded, .process = mainProcessId,
            .sourceLine = line, .text = text};
}

RunEvent pausedEvent(qint64 t, int line, const QString &text)
{
    return {.timeNs = t0 + t, .kind = EventKind::Paused, .process = mainProcessId,
            .sourceLine = line, .text = text};
}

// The tooltip of Main's bar at relative time t.
QString mainBarTip(const TimelineData &data, const RunRecord &record, qint64 t)
{
    TimelineHit hit;
    hit.kind = TimelineHit::Kind::Segment;
    hit.row = mainProcessId;
    hit.index = 0;
    hit.timeNs = t;
    return TimelineToolTips::text(hit, data, record.events(), data.lastEventNs());
}

qsizetype countKind(const TimelineRow &row, MarkKind kind)
{
    return std::count_if(row.marks.cbegin(), row.marks.cend(),
                         [kind](const TimelineMark &mark) { return mark.markKind() == kind; });
}

bool isSorted(const QList<TimelineMark> &marks)
{
    return std::is_sorted(marks.cbegin(), marks.cend(), markBefore);
}

} // namespace

class TestTimelineData : public QObject
{
    Q_OBJECT
private slots:
    void rows();
    void segments();
    void endStatus();
    void endTextsAsPythonReports();
    void marks();
    void openSegmentsWhileLive();
    void incrementalEqualsOneShot_data();
    void incrementalEqualsOneShot();
    void neverFoldsTwice();
    void clear();
    void emptyRecord();
    void rowWithoutSummary();
    void mainStatementsEndAtTheirStepEnded();
    void pauseIsChargedToTheNextLine_data();
    void pauseIsChargedToTheNextLine();
    void mainSpansIncrementalEqualsOneShot_data();
    void mainSpansIncrementalEqualsOneShot();
};

void TestTimelineData::rows()
{
    const RunRecord record = sampleRecord();
    TimelineData data;
    QVERIFY(data.consume(record, 0));
    QCOMPARE(data.rowCount(), 3);
    QCOMPARE(data.consumedCount(), record.size());
    QCOMPARE(data.runStartNs(), t0);
    for (int id = 0; id < 3; ++id)
        QCOMPARE(data.row(id)->processId, id);
    // The per-process figures come from the summary, relative times from TimelineData.
    QCOMPARE(data.processSummary(0).role, QStringLiteral("Main"));
    QCOMPARE(data.processSummary(1).role, QStringLiteral("Worker 1"));
    QCOMPARE(data.processSummary(2).role, QStringLiteral("Worker 2"));
    QCOMPARE(data.processSummary(0).pid, 100);
    QCOMPARE(data.processSummary(1).pid, 101);
    QCOMPARE(data.processSummary(2).pid, 102);
    QCOMPARE(data.createdNs(1), 1 * ms);
    QCOMPARE(data.processSummary(1).createdNs, t0 + 1 * ms);
    QCOMPARE(&data.processSummary(1), data.summary().process(1));
    QCOMPARE(data.row(3), nullptr);
    QCOMPARE(data.row(-1), nullptr);
    QVERIFY(data.runFinished());
    QCOMPARE(data.runEndNs(), 203 * ms);
    QCOMPARE(data.lastEventNs(), 203 * ms);
}

void TestTimelineData::segments()
{
    const RunRecord record = sampleRecord();
    TimelineData data;
    data.consume(record, 0);

    const QList<TimelineSegment> main{{0, 203 * ms, ProcessState::Running}};
    QCOMPARE(data.row(0)->segments, main);

    // The second Starting event (pid only) does not split the segment.
    const QList<TimelineSegment> worker1{{3 * ms, 30 * ms, ProcessState::Starting},
                                         {30 * ms, 31 * ms, ProcessState::Ready},
                                         {31 * ms, 200 * ms, ProcessState::Running}};
    QCOMPARE(data.row(1)->segments, worker1);

    const QList<TimelineSegment> worker2{{5 * ms, 35 * ms, ProcessState::Starting},
                                         {35 * ms, 36 * ms, ProcessState::Ready},
                                         {36 * ms, 70 * ms, ProcessState::Running}};
    QCOMPARE(data.row(2)->segments, worker2);
}

void TestTimelineData::endStatus()
{
    const RunRecord record = sampleRecord();
    TimelineData data;
    data.consume(record, 0);
    QCOMPARE(data.processSummary(0).state, ProcessState::Finished);
    QCOMPARE(data.processSummary(1).state, ProcessState::Finished);
    QCOMPARE(data.endNs(1), 200 * ms);
    QCOMPARE(data.processSummary(1).exitCode, 0);
    QCOMPARE(data.processSummary(2).state, ProcessState::Killed);
    QCOMPARE(data.endNs(2), 70 * ms);
    QCOMPARE(data.processSummary(2).exitSignal, 9);
    QVERIFY(data.processSummary(2).hasEnded());
    // The same figures the CLI and the panes show (first Starting to Ready).
    QCOMPARE(data.summary().process(2)->state, ProcessState::Killed);
    QCOMPARE(data.summary().process(1)->spawnToReadyMs(), 27.0);
}

// Issue 8: the timeline said "signal 9" and gave Main an exit code. Workers show Python's
// Process.exitcode (−N for signal N), Main (the main program, not a child) a status only.
void TestTimelineData::endTextsAsPythonReports()
{
    const RunRecord record = sampleRecord();
    TimelineData data;
    data.consume(record, 0);
    const auto tip = [&](int row, TimelineHit::Kind kind) {
        TimelineHit hit;
        hit.kind = kind;
        hit.row = row;
        return TimelineToolTips::text(hit, data, record.events(), data.lastEventNs());
    };
    const QString minus = QString(QChar(0x2212));
    QCOMPARE(TimelinePainter::exitText(data.processSummary(2)), QString(u"exit " + minus + u"9 (SIGKILL)"));
    QCOMPARE(TimelinePainter::exitText(data.processSummary(1)), QString()); // exit 0 is not drawn
    QCOMPARE(TimelinePainter::exitText(data.processSummary(0)), QString());
    QVERIFY2(tip(2, TimelineHit::Kind::End).contains(u"exit " + minus + u"9 (SIGKILL)"), qPrintable(tip(2, TimelineHit::Kind::End)));
    QVERIFY(!tip(2, TimelineHit::Kind::End).contains(QStringLiteral("signal 9")));
    QVERIFY2(tip(1, TimelineHit::Kind::End).contains(QStringLiteral("(exit 0)")), qPrintable(tip(1, TimelineHit::Kind::End)));
    for (const TimelineHit::Kind kind : {TimelineHit::Kind::End, TimelineHit::Kind::Label}) {
        const QString main = tip(0, kind);
        QVERIFY2(main.contains(QStringLiteral("finished")) && !main.contains(QStringLiteral("exit")), qPrintable(main));
    }
    QVERIFY(tip(2, TimelineHit::Kind::Label).contains(u"exit " + minus + u"9 (SIGKILL)"));
    QCOMPARE(TimelinePainter::roleText(1, data.processSummary(1)), QStringLiteral("Worker 1"));
}

void TestTimelineData::marks()
{
    const RunRecord record = sampleRecord();
    TimelineData data;
    data.consume(record, 0);

    const TimelineRow &main = *data.row(0);
    QCOMPARE(main.marks.size(), 7);
    QCOMPARE(countKind(main, MarkKind::ScriptStep), 6);
    QCOMPARE(countKind(main, MarkKind::StdOut), 1);
    QCOMPARE(main.phases.size(), 6);
    QCOMPARE(data.processSummary(0).stdoutLines, 1);

    const TimelineRow &w1 = *data.row(1);
    QCOMPARE(w1.marks.size(), 103);
    QCOMPARE(countKind(w1, MarkKind::StdOut), 101);
    QCOMPARE(countKind(w1, MarkKind::WorkerTrace), 2);
    QCOMPARE(w1.phases.size(), 2);
    QCOMPARE(w1.alerts.size(), 0);
    QCOMPARE(data.processSummary(1).stdoutLines, 101);
    QVERIFY(isSorted(w1.marks));
    QVERIFY(isSorted(w1.phases));
    // The out-of-order trace sorts before the line printed after it...
    QCOMPARE(w1.marks.at(0).markKind(), MarkKind::WorkerTrace);
    QCOMPARE(w1.marks.at(0).timeNs, 32 * ms);
    // ...and the late "sleep" trace lands between lines 4 and 5 (40 ms + i ms).
    QCOMPARE(w1.marks.at(7).markKind(), MarkKind::WorkerTrace);
    QCOMPARE(record.events().at(w1.marks.at(7).eventIndex).text, QStringLiteral("sleep"));
    // Every mark points at its event.
    for (const TimelineMark &mark : w1.marks) {
        const RunEvent &event = record.events().at(mark.eventIndex);
        QCOMPARE(event.process, 1);
        QCOMPARE(event.timeNs - t0, mark.timeNs);
    }

    const TimelineRow &w2 = *data.row(2);
    QCOMPARE(w2.marks.size(), 3);
    QCOMPARE(countKind(w2, MarkKind::StdErr), 1);
    QCOMPARE(countKind(w2, MarkKind::Error), 1);
    QCOMPARE(countKind(w2, MarkKind::Dropped), 1);
    QCOMPARE(w2.alerts.size(), 3); // stderr, error and dropped: drawn over stdout
    QVERIFY(isSorted(w2.alerts));
    QCOMPARE(data.processSummary(2).stderrLines, 1);
    QCOMPARE(data.processSummary(2).droppedLines, 7);
    QCOMPARE(data.markCount(), 7 + 103 + 3);
}

void TestTimelineData::openSegmentsWhileLive()
{
    const RunRecord record = sampleRecord(false);
    TimelineData data;
    data.consume(record, 0);
    QVERIFY(!data.runFinished());
    QCOMPARE(data.runEndNs(), -1);
    for (const TimelineRow &row : data.rows()) {
        QVERIFY(!row.segments.isEmpty());
        QVERIFY(row.segments.constLast().isOpen());
        QCOMPARE(data.endNs(row.processId), -1);
        QVERIFY(!data.processSummary(row.processId).hasEnded());
    }
    QCOMPARE(data.row(1)->segments.constLast().state, ProcessState::Running);
    QCOMPARE(data.row(1)->segments.constLast().startNs, 31 * ms);
    QCOMPARE(data.row(1)->segments.size(), 3);
}

void TestTimelineData::incrementalEqualsOneShot_data()
{
    QTest::addColumn<qsizetype>("batch");
    QTest::newRow("one event per tick") << qsizetype(1);
    QTest::newRow("two") << qsizetype(2);
    QTest::newRow("three") << qsizetype(3);
    QTest::newRow("seven") << qsizetype(7);
    QTest::newRow("fifty") << qsizetype(50);
    QTest::newRow("all at once") << qsizetype(10'000);
}

void TestTimelineData::incrementalEqualsOneShot()
{
    QFETCH(qsizetype, batch);
    const RunRecord full = sampleRecord();
    TimelineData oneShot;
    oneShot.consume(full, 0);

    // Replay the record as a live run would grow it, consuming after every batch.
    RunRecord live;
    TimelineData incremental;
    for (qsizetype i = 0; i < full.size(); i += batch) {
        const qsizetype from = live.size();
        for (qsizetype j = i; j < std::min(full.size(), i + batch); ++j)
            live.append(full.events().at(j));
        QVERIFY(incremental.consume(live, from));
        for (const TimelineRow &row : incremental.rows())
            QVERIFY(isSorted(row.marks));
    }
    QCOMPARE(incremental.rowCount(), oneShot.rowCount());
    for (qsizetype r = 0; r < oneShot.rowCount(); ++r) {
        const TimelineRow &a = incremental.rows().at(r);
        const TimelineRow &b = oneShot.rows().at(r);
        QCOMPARE(a.segments, b.segments);
        QCOMPARE(a.marks, b.marks);
        QCOMPARE(a.phases, b.phases);
        QCOMPARE(a.alerts, b.alerts);
        QVERIFY(a == b);
        const ProcessSummary &pa = incremental.processSummary(a.processId);
        const ProcessSummary &pb = oneShot.processSummary(b.processId);
        QCOMPARE(pa.role, pb.role);
        QCOMPARE(pa.pid, pb.pid);
        QCOMPARE(pa.state, pb.state);
        QCOMPARE(pa.exitSignal, pb.exitSignal);
        QCOMPARE(pa.stdoutLines, pb.stdoutLines);
        QCOMPARE(pa.droppedLines, pb.droppedLines);
        QCOMPARE(incremental.createdNs(a.processId), oneShot.createdNs(b.processId));
        QCOMPARE(incremental.endNs(a.processId), oneShot.endNs(b.processId));
    }
    QCOMPARE(incremental.markCount(), oneShot.markCount());
    QCOMPARE(incremental.lastEventNs(), oneShot.lastEventNs());
    QCOMPARE(incremental.runEndNs(), oneShot.runEndNs());
}

void TestTimelineData::neverFoldsTwice()
{
    const RunRecord record = sampleRecord();
    TimelineData data;
    data.consume(record, 0);
    const qint64 marks = data.markCount();
    QVERIFY(!data.consume(record, 0)); // nothing new: "from" before consumedCount is ignored
    QVERIFY(!data.consume(record, record.size()));
    QCOMPARE(data.markCount(), marks);
    QCOMPARE(data.row(1)->marks.size(), 103);
}

void TestTimelineData::clear()
{
    const RunRecord record = sampleRecord();
    TimelineData data;
    data.consume(record, 0);
    data.clear();
    QCOMPARE(data.rowCount(), 0);
    QCOMPARE(data.consumedCount(), 0);
    QCOMPARE(data.markCount(), 0);
    QVERIFY(!data.runFinished());
    // A new run after clear() starts from scratch.
    QVERIFY(data.consume(record, 0));
    QCOMPARE(data.rowCount(), 3);
    QCOMPARE(data.row(1)->marks.size(), 103);
}

void TestTimelineData::emptyRecord()
{
    const RunRecord record;
    TimelineData data;
    QVERIFY(!data.consume(record, 0));
    QCOMPARE(data.rowCount(), 0);
    QCOMPARE(data.lastEventNs(), 0);
}

void TestTimelineData::rowWithoutSummary()
{
    // A process mentioned only by an error and a trace: it gets a row (its marks are
    // drawn), but the summary does not list it, so it reads as unnamed, pid-less, Created.
    RunRecord record;
    record.append({.timeNs = t0, .kind = EventKind::RunStarted, .text = QStringLiteral("process")});
    record.append({.timeNs = t0, .kind = EventKind::ProcessCreated, .process = 0, .pid = 100,
                   .text = QStringLiteral("Main")});
    record.append({.timeNs = t0 + 2 * ms, .kind = EventKind::Error, .process = 2,
                   .text = QStringLiteral("lost connection")});
    record.append(traceEvent(3 * ms, 2, QStringLiteral("sleep")));
    TimelineData data;
    QVERIFY(data.consume(record, 0));
    QCOMPARE(data.rowCount(), 3);
    QCOMPARE(data.row(2)->marks.size(), 2);
    QCOMPARE(data.summary().process(2), nullptr);
    const ProcessSummary &ghost = data.processSummary(2);
    QVERIFY(ghost.role.isEmpty());
    QCOMPARE(ghost.pid, 0);
    QCOMPARE(ghost.state, ProcessState::Created);
    QCOMPARE(data.createdNs(2), -1);
    QCOMPARE(data.endNs(2), -1);
    QCOMPARE(data.createdNs(0), 0); // created at the run's start: 0, not "unknown"
    QCOMPARE(data.processSummary(0).role, QStringLiteral("Main"));
}

// Main's statements last from their step to their step-ended; the host's time between two
// statements (a busy event loop starting 64 workers) is drawn as the host's, not line 16's.
void TestTimelineData::mainStatementsEndAtTheirStepEnded()
{
    RunRecord record;
    record.append({.timeNs = t0, .kind = EventKind::RunStarted, .text = QStringLiteral("process")});
    record.append({.timeNs = t0, .kind = EventKind::ProcessCreated, .process = 0, .pid = 100,
                   .text = QStringLiteral("Main")});
    record.append(stateEvent(0, 0, ProcessState::Running, 100));
    record.append(stepEvent(1 * ms, 16, QStringLiteral("p1.start()")));
    record.append(stepEndedEvent(3 * ms, 16, QStringLiteral("p1.start()")));
    record.append(stepEvent(290 * ms, 17, QStringLiteral("p2.start()")));
    record.append(stepEndedEvent(292 * ms, 17, QStringLiteral("p2.start()")));
    record.append(stepEvent(300 * ms, 20, QStringLiteral("p1.join()")));
    record.append(stepEndedEvent(900 * ms, 20, QStringLiteral("p1.join()")));
    record.append(stateEvent(905 * ms, 0, ProcessState::Finished, 100));
    record.append({.timeNs = t0 + 905 * ms, .kind = EventKind::RunFinished, .text = {}});
    TimelineData data;
    QVERIFY(data.consume(record, 0));

    using K = MainSpan::Kind;
    const QList<MainSpan> expected{
        {K::Host, 0, 1 * ms, 0, {}},
        {K::Statement, 1 * ms, 3 * ms, 16, QStringLiteral("p1.start()")},
        {K::Host, 3 * ms, 290 * ms, 0, {}},
        {K::Statement, 290 * ms, 292 * ms, 17, QStringLiteral("p2.start()")},
        {K::Host, 292 * ms, 300 * ms, 0, {}},
        {K::Statement, 300 * ms, 900 * ms, 20, QStringLiteral("p1.join()")}, // a join waits
        {K::Host, 900 * ms, 905 * ms, 0, {}},
    };
    const QList<MainSpan> spans = data.mainSpans();
    QCOMPARE(spans.size(), expected.size());
    for (qsizetype i = 0; i < spans.size(); ++i) {
        QCOMPARE(int(spans.at(i).kind), int(expected.at(i).kind));
        QCOMPARE(spans.at(i).startNs, expected.at(i).startNs);
        QCOMPARE(spans.at(i).endNs, expected.at(i).endNs);
        QCOMPARE(spans.at(i).sourceLine, expected.at(i).sourceLine);
    }
    QCOMPARE(TimelineData::mainSpanAt(spans, 2 * ms), &spans.at(1));
    QCOMPARE(TimelineData::mainSpanAt(spans, 3 * ms), &spans.at(2)); // returned: no longer line 16
    QCOMPARE(TimelineData::mainSpanAt(spans, 150 * ms), &spans.at(2));
    QCOMPARE(TimelineData::mainSpanAt(spans, 500 * ms), &spans.at(5));
    QCOMPARE(TimelineData::mainSpanAt(spans, 905 * ms), nullptr);

    const QString between = mainBarTip(data, record, 150 * ms);
    QVERIFY2(between.contains(QStringLiteral("ProcessLab (the host) between statements: 287.0 ms")),
             qPrintable(between));
    QVERIFY2(!between.contains(QStringLiteral("line 16")), qPrintable(between));
    const QString inStart = mainBarTip(data, record, 2 * ms);
    QVERIFY2(inStart.contains(QStringLiteral("at line 16")), qPrintable(inStart));
}

void TestTimelineData::pauseIsChargedToTheNextLine_data()
{
    QTest::addColumn<bool>("pauseHasLine");
    QTest::newRow("paused event names the line") << true;
    QTest::newRow("older record: line from the next step") << false;
}

// Step mode: line 12 returned at 2 ms, the user pressed Step at 1.5 s. The time between is
// a pause before line 13, never line 12's.
void TestTimelineData::pauseIsChargedToTheNextLine()
{
    QFETCH(bool, pauseHasLine);
    const QString line12 = QStringLiteral("process1 = Process(target=worker)");
    const QString line13 = QStringLiteral("process2 = Process(target=worker)");
    RunRecord record;
    record.append({.timeNs = t0, .kind = EventKind::RunStarted, .text = QStringLiteral("process")});
    record.append({.timeNs = t0, .kind = EventKind::ProcessCreated, .process = 0, .pid = 100,
                   .text = QStringLiteral("Main")});
    record.append(stateEvent(0, 0, ProcessState::Running, 100));
    record.append(stepEvent(1 * ms, 12, line12));
    record.append(stepEndedEvent(2 * ms, 12, line12));
    record.append(pausedEvent(2 * ms, pauseHasLine ? 13 : 0, pauseHasLine ? line13 : QString()));
    record.append(stepEvent(1500 * ms, 13, line13));
    record.append(stepEndedEvent(1501 * ms, 13, line13));
    TimelineData data;
    QVERIFY(data.consume(record, 0));

    const QList<MainSpan> spans = data.mainSpans();
    const MainSpan *paused = TimelineData::mainSpanAt(spans, 1000 * ms);
    QVERIFY(paused);
    QCOMPARE(int(paused->kind), int(MainSpan::Kind::Paused));
    QCOMPARE(paused->startNs, 2 * ms);
    QCOMPARE(paused->endNs, 1500 * ms);
    QCOMPARE(paused->sourceLine, 13);
    QCOMPARE(paused->text, line13);
    const MainSpan *statement = TimelineData::mainSpanAt(spans, 1 * ms);
    QVERIFY(statement);
    QCOMPARE(statement->endNs, 2 * ms);

    const QString tip = mainBarTip(data, record, 1000 * ms);
    QVERIFY2(tip.contains(QStringLiteral("paused before line 13")), qPrintable(tip));
    QVERIFY2(tip.contains(line13.toHtmlEscaped()), qPrintable(tip));
    QVERIFY2(!tip.contains(QStringLiteral("line 12")), qPrintable(tip));
    QVERIFY2(!tip.contains(line12.toHtmlEscaped()), qPrintable(tip));
    // Live, after line 13 returned: the host's time, open until the next statement.
    QCOMPARE(int(spans.constLast().kind), int(MainSpan::Kind::Host));
    QVERIFY(spans.constLast().isOpen());
}

void TestTimelineData::mainSpansIncrementalEqualsOneShot_data()
{
    QTest::addColumn<qsizetype>("batch");
    for (const qsizetype batch : {1, 2, 3, 7, 1000})
        QTest::addRow("batch %lld", static_cast<long long>(batch)) << batch;
}

// Issue 10: a pipe's 100,000 messages are 300,000 statements; the main row's spans were
// rebuilt from the whole record on every repaint (a 100,000-message run took 55 s in the app,
// 0.5 s in the CLI). They are built incrementally now: the same spans, whatever the batches,
// and no rebuild while nothing new was folded.
void TestTimelineData::mainSpansIncrementalEqualsOneShot()
{
    QFETCH(qsizetype, batch);
    RunRecord full;
    full.append({.timeNs = t0, .kind = EventKind::RunStarted, .text = QStringLiteral("pipe")});
    full.append({.timeNs = t0, .kind = EventKind::ProcessCreated, .process = 0, .pid = 100,
                 .text = QStringLiteral("Main")});
    full.append(stateEvent(0, 0, ProcessState::Running, 100));
    qint64 t = 1 * ms;
    for (int i = 0; i < 20; ++i) {
        const QString recv = QStringLiteral("msg = parent_conn.recv()");
        full.append(stepEvent(t, 23, recv));
        if (i % 5 != 4) // some steps never get their step-ended (older records)
            full.append(stepEndedEvent(t + (i % 3) * ms, 23, recv));
        if (i == 10) { // a step-mode pause between statements
            full.append(pausedEvent(t + 3 * ms, 26, QStringLiteral("print(msg)")));
            t += 50 * ms;
        }
        t += 4 * ms;
        full.append(stepEvent(t, 26, QStringLiteral("print(msg)")));
        full.append(stepEndedEvent(t + 1, 26, QStringLiteral("print(msg)")));
        t += (i % 2) * ms + 1;
    }
    full.append(stateEvent(t + 2 * ms, 0, ProcessState::Finished, 100));
    full.append({.timeNs = t0 + t + 2 * ms, .kind = EventKind::RunFinished, .text = {}});

    RunRecord live;
    TimelineData incremental;
    for (qsizetype i = 0; i < full.size(); i += batch) {
        const qsizetype from = live.size();
        for (qsizetype j = i; j < std::min(full.size(), i + batch); ++j)
            live.append(full.events().at(j));
        QVERIFY(incremental.consume(live, from));
        TimelineData oneShot;
        oneShot.consume(live, 0);
        QCOMPARE(incremental.mainSpans(), oneShot.mainSpans());
        // Nothing new folded: the same list, not a rebuilt one.
        QCOMPARE(incremental.mainSpans().constData(), incremental.mainSpans().constData());
    }
    const QList<MainSpan> &spans = incremental.mainSpans();
    const auto count = [&spans](MainSpan::Kind kind) {
        return std::count_if(spans.cbegin(), spans.cend(), [kind](const MainSpan &s) { return s.kind == kind; });
    };
    QCOMPARE(count(MainSpan::Kind::Statement), 40);
    QCOMPARE(count(MainSpan::Kind::Paused), 1);
    QVERIFY(!spans.constLast().isOpen());
}

QTEST_GUILESS_MAIN(TestTimelineData)
#include "tst_timelinedata.moc"
