// SPDX-License-Identifier: MIT
#include "record/jsonexport.h"
#include "record/runrecord.h"
#include "record/runsummary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace ProcessLab;

namespace {

constexpr qint64 ms = 1'000'000;

RunEvent stateEvent(qint64 t, int process, ProcessState state, qint64 pid = 0, int exitCode = 0, int signal = 0)
{
    return {.timeNs = t, .kind = EventKind::StateChanged, .process = process, .state = state,
            .exitCode = exitCode, .exitSignal = signal, .pid = pid, .text = {}};
}

RunEvent outputEvent(qint64 t, int process, const QString &text, OutputStream stream = OutputStream::StdOut)
{
    return {.timeNs = t, .kind = EventKind::Output, .process = process, .stream = stream, .text = text};
}

// A hand-made record: Main + one worker that runs 2 s, one that crashes.
RunRecord sampleRecord()
{
    const qint64 t0 = 1000 * ms;
    RunRecord record;
    record.setExampleId(QStringLiteral("process"));
    record.setKnobs({{QStringLiteral("workers"), 2}});
    record.append({.timeNs = t0, .kind = EventKind::RunStarted, .text = QStringLiteral("process")});
    record.append({.timeNs = t0, .kind = EventKind::ProcessCreated, .process = 0, .pid = 10, .text = QStringLiteral("Main")});
    record.append(stateEvent(t0, 0, ProcessState::Running, 10));
    record.append({.timeNs = t0, .kind = EventKind::ProcessCreated, .process = 1, .text = QStringLiteral("Worker 1")});
    record.append({.timeNs = t0, .kind = EventKind::ProcessCreated, .process = 2, .text = QStringLiteral("Worker 2")});
    record.append(stateEvent(t0 + 1 * ms, 1, ProcessState::Starting));
    record.append(stateEvent(t0 + 2 * ms, 1, ProcessState::Starting, 11)); // pid arrives later
    record.append(stateEvent(t0 + 11 * ms, 1, ProcessState::Ready, 11));
    record.append(stateEvent(t0 + 12 * ms, 1, ProcessState::Running, 11));
    record.append(stateEvent(t0 + 1 * ms, 2, ProcessState::Starting, 12));
    record.append(stateEvent(t0 + 21 * ms, 2, ProcessState::Ready, 12));
    record.append(stateEvent(t0 + 22 * ms, 2, ProcessState::Running, 12));
    record.append(outputEvent(t0 + 13 * ms, 1, QStringLiteral("Worker 1 started")));
    record.append(outputEvent(t0 + 30 * ms, 2, QStringLiteral("oops"), OutputStream::StdErr));
    record.append(stateEvent(t0 + 40 * ms, 2, ProcessState::Failed, 12, 0, 6));
    record.append(outputEvent(t0 + 2012 * ms, 1, QStringLiteral("Worker 1 finished")));
    record.append(stateEvent(t0 + 2012 * ms, 1, ProcessState::Finished, 11, 0));
    record.append(outputEvent(t0 + 2013 * ms, 0, QStringLiteral("All processes finished")));
    record.append(stateEvent(t0 + 2013 * ms, 0, ProcessState::Failed, 10, 1));
    record.append({.timeNs = t0 + 2013 * ms, .kind = EventKind::RunFinished, .exitCode = 1, .text = QStringLiteral("failed")});
    return record;
}

} // namespace

class TestRunRecord : public QObject
{
    Q_OBJECT
private slots:
    void summaryFigures();
    void incrementalEqualsFull();
    void outputCapCountsDropped();
    void jsonExport();
    void jsonExportBadPath();
};

void TestRunRecord::summaryFigures()
{
    const RunSummary summary = summarize(sampleRecord());
    QCOMPARE(summary.processes.size(), 3);
    QVERIFY(summary.finished);
    QCOMPARE(summary.exitCode, 1);
    QCOMPARE(summary.wallMs(), 2013.0);

    const ProcessSummary &w1 = summary.processes.at(1);
    QCOMPARE(w1.role, QStringLiteral("Worker 1"));
    QCOMPARE(w1.pid, 11);
    QCOMPARE(w1.spawnToReadyMs(), 10.0); // from the first Starting event, not the one with the pid
    QCOMPARE(w1.runMs(), 2000.0);
    QCOMPARE(w1.state, ProcessState::Finished);
    QCOMPARE(w1.stdoutLines, 2);

    const ProcessSummary &w2 = summary.processes.at(2);
    QCOMPARE(w2.state, ProcessState::Failed);
    QCOMPARE(w2.exitSignal, 6);
    QCOMPARE(w2.stderrLines, 1);
    QCOMPARE(summary.liveProcessCount(), 0);
}

void TestRunRecord::incrementalEqualsFull()
{
    const RunRecord record = sampleRecord();
    RunSummaryBuilder builder;
    int live = 0;
    for (const RunEvent &event : record.events()) {
        builder.consume(event);
        live = qMax(live, builder.summary().liveProcessCount());
    }
    QCOMPARE(live, 3);
    const RunSummary full = summarize(record);
    QCOMPARE(builder.summary().processes.size(), full.processes.size());
    for (qsizetype i = 0; i < full.processes.size(); ++i)
        QCOMPARE(builder.summary().processes.at(i).runMs(), full.processes.at(i).runMs());
}

void TestRunRecord::outputCapCountsDropped()
{
    RunRecord record;
    record.setOutputLineCap(10);
    int kept = 0;
    for (int i = 0; i < 25; ++i)
        kept += record.append(outputEvent(i, 1 + i % 2, QString::number(i))) ? 1 : 0;
    QCOMPARE(kept, 10);
    record.flushDropped(100);
    record.flushDropped(101); // nothing new: no second report
    qint64 reported = 0;
    int dropEvents = 0;
    for (const RunEvent &e : record.events()) {
        if (e.kind == EventKind::OutputDropped) {
            reported += e.count;
            ++dropEvents;
        }
    }
    QCOMPARE(reported, 15);
    QCOMPARE(dropEvents, 2); // one per process
    QCOMPARE(record.droppedLines(1) + record.droppedLines(2), 15);
    const RunSummary summary = summarize(record);
    QCOMPARE(summary.processes.at(1).stdoutLines + summary.processes.at(1).droppedLines
                 + summary.processes.at(2).stdoutLines + summary.processes.at(2).droppedLines,
             25);
}

void TestRunRecord::jsonExport()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("run.json"));
    QString error;
    QVERIFY2(writeRunRecordJson(sampleRecord(), path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(root.value(QLatin1StringView("schema")).toString(), QStringLiteral("processlab-run-record"));
    QCOMPARE(root.value(QLatin1StringView("version")).toInt(), runRecordSchemaVersion);
    QCOMPARE(root.value(QLatin1StringView("example")).toString(), QStringLiteral("process"));
    QCOMPARE(root.value(QLatin1StringView("knobs")).toObject().value(QLatin1StringView("workers")).toInt(), 2);
    QCOMPARE(root.value(QLatin1StringView("events")).toArray().size(), sampleRecord().size());
    const QJsonArray processes = root.value(QLatin1StringView("processes")).toArray();
    QCOMPARE(processes.size(), 3);
    QCOMPARE(processes.at(2).toObject().value(QLatin1StringView("state")).toString(), QStringLiteral("failed"));
    QCOMPARE(processes.at(2).toObject().value(QLatin1StringView("exitSignal")).toInt(), 6);
    const QJsonObject firstOutput = root.value(QLatin1StringView("events")).toArray().at(12).toObject();
    QCOMPARE(firstOutput.value(QLatin1StringView("kind")).toString(), QStringLiteral("output"));
    QCOMPARE(firstOutput.value(QLatin1StringView("t")).toInteger(), 13 * ms);
    QCOMPARE(firstOutput.value(QLatin1StringView("stream")).toString(), QStringLiteral("stdout"));
    QCOMPARE(firstOutput.value(QLatin1StringView("text")).toString(), QStringLiteral("Worker 1 started"));
}

void TestRunRecord::jsonExportBadPath()
{
    QString error;
    QVERIFY(!writeRunRecordJson(sampleRecord(), QStringLiteral("/nonexistent-dir/x/run.json"), &error));
    QVERIFY(error.contains(QStringLiteral("/nonexistent-dir/x/run.json")));
}

QTEST_GUILESS_MAIN(TestRunRecord)
#include "tst_runrecord.moc"
