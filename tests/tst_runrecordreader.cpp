// SPDX-License-Identifier: MIT
// RunRecordReader: real runs of every example read back exactly (write -> read -> write gives
// the same JSON, every event field survives), and every kind of bad file is refused with a
// message that names the event and the field.
#include "examples/exampleregistry.h"
#include "examples/knob.h"
#include "record/jsonexport.h"
#include "record/runrecordreader.h"
#include "record/runsummary.h"
#include "testsupport.h"

#include <QBuffer>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace ProcessLab;
using namespace ProcessLab::TestSupport;

namespace {

constexpr qint64 ms = 1'000'000;

QByteArray toJson(const RunRecord &record)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QString error;
    if (!writeRunRecordJson(record, &buffer, &error))
        qWarning("%s", qPrintable(error));
    return bytes;
}

QString describe(const RunEvent &e)
{
    return QStringLiteral("%1 t=%2 p=%3 state=%4 stream=%5 exit=%6/%7/%8 pid=%9 line=%10 count=%11 object=%12 op=%13 "
                          "seq=%14 text=%15")
        .arg(eventKindName(e.kind))
        .arg(e.timeNs)
        .arg(e.process)
        .arg(int(e.state))
        .arg(int(e.stream))
        .arg(e.exitCode)
        .arg(e.exitSignal)
        .arg(e.hasExitStatus)
        .arg(e.pid)
        .arg(e.sourceLine)
        .arg(e.count)
        .arg(e.object)
        .arg(e.op)
        .arg(e.sequence)
        .arg(e.text);
}

// A small valid record, as the writer writes it, for the validation cases to spoil.
QByteArray sampleJson()
{
    const qint64 t0 = 5000 * ms;
    RunRecord record;
    record.setExampleId(QStringLiteral("process"));
    record.setKnobs({{QStringLiteral("workers"), 1}});
    record.setRecordedAt(QDateTime(QDate(2024, 5, 6), QTime(7, 8, 9, 10), Qt::UTC));
    record.append({.timeNs = t0, .kind = EventKind::RunStarted, .text = QStringLiteral("process")});
    record.append({.timeNs = t0, .kind = EventKind::ProcessCreated, .process = 0, .pid = 10, .text = QStringLiteral("Main")});
    record.append({.timeNs = t0, .kind = EventKind::StateChanged, .process = 0, .state = ProcessState::Running, .pid = 10, .text = {}});
    record.append({.timeNs = t0 + ms, .kind = EventKind::ProcessCreated, .process = 1, .text = QStringLiteral("Worker 1")});
    record.append({.timeNs = t0 + 2 * ms, .kind = EventKind::StateChanged, .process = 1, .state = ProcessState::Starting,
                   .pid = 11, .text = {}});
    record.append({.timeNs = t0 + 3 * ms, .kind = EventKind::Output, .process = 1, .text = QStringLiteral("hello")});
    record.append({.timeNs = t0 + 4 * ms, .kind = EventKind::StateChanged, .process = 1, .state = ProcessState::Finished,
                   .hasExitStatus = true, .pid = 11, .text = {}});
    record.append({.timeNs = t0 + 5 * ms, .kind = EventKind::RunFinished, .exitCode = 0, .text = {}});
    return toJson(record);
}

QString readError(const QByteArray &json)
{
    QString error;
    const std::optional<LoadedRunRecord> loaded = RunRecordReader::read(json, &error);
    return loaded ? QStringLiteral("<read without error>") : error;
}

QByteArray replaced(QByteArray json, const char *from, const QByteArray &to)
{
    const qsizetype at = json.indexOf(from);
    if (at < 0)
        qFatal("test data: '%s' not in the sample", from);
    return json.replace(at, qsizetype(qstrlen(from)), to);
}

} // namespace

class TestRunRecordReader : public QObject
{
    Q_OBJECT

private slots:
    void realRunsRoundTrip_data();
    void realRunsRoundTrip();
    void stoppedRunRoundTrips();
    void sampleReadsBack();
    void emptyRecordReadsBack();
    void userFaultRoundTrips();
    void helperProcessRoundTrips();
    void keysInAnyOrder();
    void olderSchemaReads();
    void refused_data();
    void refused();
    void everyTruncationRefused();
    void overTheRejectionCap();
    void files();
};

void TestRunRecordReader::realRunsRoundTrip_data()
{
    QTest::addColumn<QString>("example");
    QTest::addColumn<QVariantMap>("knobs");
    QTest::newRow("process") << QStringLiteral("process")
                             << QVariantMap{{QStringLiteral("workers"), 2}, {QStringLiteral("sleep"), 0.1}};
    QTest::newRow("subclass") << QStringLiteral("subclass") << QVariantMap{{QStringLiteral("sleep"), 0.1}};
    QTest::newRow("queue") << QStringLiteral("queue")
                           << QVariantMap{{QStringLiteral("producers"), 2}, {QStringLiteral("delay"), 0.01}};
    QTest::newRow("pipe") << QStringLiteral("pipe") << QVariantMap{};
    QTest::newRow("shared-no-lock") << QStringLiteral("shared") << QVariantMap{{QStringLiteral("lock"), false}};
    QTest::newRow("pool-kill") << QStringLiteral("pool")
                               << QVariantMap{{QStringLiteral("sleep"), 1.0}, {QStringLiteral("kill-worker-after"), 300}};
    QTest::newRow("pool-map") << QStringLiteral("pool-map") << QVariantMap{};
}

void TestRunRecordReader::realRunsRoundTrip()
{
    QFETCH(QString, example);
    QFETCH(QVariantMap, knobs);
    const auto run = exampleRun(example, knobs);
    QVERIFY(run);
    QVERIFY(runToEnd(*run));
    const RunRecord &live = run->record();

    const QByteArray written = toJson(live);
    QString error;
    const std::optional<LoadedRunRecord> loaded = RunRecordReader::read(written, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->schemaVersion, runRecordSchemaVersion);
    QCOMPARE(loaded->record.exampleId(), live.exampleId());
    QCOMPARE(loaded->record.recordedAt(), live.recordedAt());
    QVERIFY(live.recordedAt().isValid());
    QCOMPARE(loaded->record.size(), live.size());
    // Every field of every event, not only what the JSON shows: a replay needs them all.
    for (qsizetype i = 0; i < live.size(); ++i)
        QCOMPARE(describe(loaded->record.events().at(i)), describe(live.events().at(i)));
    QCOMPARE(toJson(loaded->record), written);
    // The projections agree too.
    const RunSummary a = summarize(live);
    const RunSummary b = summarize(loaded->record);
    QCOMPARE(b.exitCode, a.exitCode);
    QCOMPARE(b.processes.size(), a.processes.size());
    QCOMPARE(b.pools.tasks().size(), a.pools.tasks().size());
    if (example == QLatin1StringView("pool"))
        QVERIFY(hasEvent(live, EventKind::PoolWorker, QStringLiteral("fault injected")));
}

void TestRunRecordReader::stoppedRunRoundTrips()
{
    const auto run = exampleRun(QStringLiteral("process"), {{QStringLiteral("sleep"), 30.0}});
    QVERIFY(run);
    run->setWorkerProgram(workerPath());
    QSignalSpy finished(run.get(), &Run::finished);
    run->start();
    QTRY_VERIFY_WITH_TIMEOUT(outputLines(run->record(), 1).size() >= 1, 30000);
    run->stop();
    QVERIFY(finished.wait(30000));
    const QByteArray written = toJson(run->record());
    QString error;
    const std::optional<LoadedRunRecord> loaded = RunRecordReader::read(written, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(toJson(loaded->record), written);
    QCOMPARE(summarize(loaded->record).processes.at(1).state, ProcessState::Killed);
}

void TestRunRecordReader::sampleReadsBack()
{
    const QByteArray json = sampleJson();
    QString error;
    const std::optional<LoadedRunRecord> loaded = RunRecordReader::read(json, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->record.size(), 8);
    QCOMPARE(loaded->record.startNs(), 5000 * ms);
    QCOMPARE(loaded->record.events().at(5).text, QStringLiteral("hello"));
    QCOMPARE(loaded->record.events().at(6).hasExitStatus, true);
    QCOMPARE(loaded->record.knobs().value(QStringLiteral("workers")).toInt(), 1);
    QCOMPARE(loaded->record.recordedAt(), QDateTime(QDate(2024, 5, 6), QTime(7, 8, 9, 10), Qt::UTC));
    QCOMPARE(toJson(loaded->record), json);
}

// "Kill this worker" (the user, not the knob) survives a save and a replay.
void TestRunRecordReader::userFaultRoundTrips()
{
    QString error;
    std::optional<LoadedRunRecord> sample = RunRecordReader::read(sampleJson(), &error);
    QVERIFY2(sample, qPrintable(error));
    RunRecord record = sample->record;
    const qint64 t = record.events().constLast().timeNs;
    record.append({.timeNs = t, .kind = EventKind::PoolWorker, .process = 1, .pid = 11, .count = 3, .object = 1,
                   .op = quint8(PoolWorkerChange::FaultInjected), .sequence = faultInjectedByUser,
                   .text = QStringLiteral("killed by the user")});
    const QByteArray json = toJson(record);
    QVERIFY(json.contains("\"byUser\":true"));
    const std::optional<LoadedRunRecord> loaded = RunRecordReader::read(json, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->record.events().constLast().sequence, faultInjectedByUser);
    QCOMPARE(loaded->record.events().constLast().count, qint64(3));
    QCOMPARE(toJson(loaded->record), json);
    QCOMPARE(readError(QByteArray(json).replace("\"byUser\":true", "\"byUser\":1")).contains(
                 QStringLiteral("field \"byUser\": must be true or false")),
             true);
}

// A Python run's helper process (a Manager's server: ProcessCreated.count 1) survives a save.
void TestRunRecordReader::helperProcessRoundTrips()
{
    QString error;
    std::optional<LoadedRunRecord> sample = RunRecordReader::read(sampleJson(), &error);
    QVERIFY2(sample, qPrintable(error));
    RunRecord record = sample->record;
    const qint64 t = record.events().constLast().timeNs;
    record.append({.timeNs = t, .kind = EventKind::ProcessCreated, .process = 7, .count = 1,
                   .text = QStringLiteral("SyncManager-1")});
    record.append({.timeNs = t, .kind = EventKind::ProcessCreated, .process = 8, .text = QStringLiteral("Process-2")});
    const QByteArray json = toJson(record);
    QCOMPARE(json.count("\"helper\":true"), 1);
    const std::optional<LoadedRunRecord> loaded = RunRecordReader::read(json, &error);
    QVERIFY2(loaded, qPrintable(error));
    const QList<RunEvent> &events = loaded->record.events();
    QCOMPARE(events.at(events.size() - 2).count, qint64(1));
    QCOMPARE(events.constLast().count, qint64(0));
    QCOMPARE(toJson(loaded->record), json);
    QVERIFY(readError(QByteArray(json).replace("\"helper\":true", "\"helper\":1"))
                .contains(QStringLiteral("field \"helper\": must be true or false")));
}

void TestRunRecordReader::emptyRecordReadsBack()
{
    RunRecord record;
    record.setExampleId(QStringLiteral("queue"));
    const QByteArray json = toJson(record);
    QString error;
    const std::optional<LoadedRunRecord> loaded = RunRecordReader::read(json, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->record.size(), 0);
    QCOMPARE(toJson(loaded->record), json);
}

void TestRunRecordReader::keysInAnyOrder()
{
    // Events first, the header after, on one line: the same record.
    const QByteArray json = R"({"events": [{"t": 0, "kind": "run-started", "text": "pipe"},
        {"t": 5, "kind": "process-created", "process": 0, "text": "Main"}],
        "startNs": 9007199254740993, "example": "pipe", "version": 3, "schema": "processlab-run-record"})";
    QString error;
    const std::optional<LoadedRunRecord> loaded = RunRecordReader::read(json, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->record.size(), 2);
    // Above 2^53: kept exactly, not through a double.
    QCOMPARE(loaded->record.events().at(1).timeNs, 9007199254740993 + 5);
    QCOMPARE(loaded->record.exampleId(), QStringLiteral("pipe"));
}

void TestRunRecordReader::olderSchemaReads()
{
    const QByteArray json = replaced(sampleJson(), "\"version\": 3", "\"version\": 1");
    QString error;
    const std::optional<LoadedRunRecord> loaded = RunRecordReader::read(json, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->schemaVersion, 1);
    QCOMPARE(loaded->record.size(), 8);
}

void TestRunRecordReader::refused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    const QByteArray ok = sampleJson();
    // Lines are counted in the sample as written, so new summary fields don't shift them:
    // "(line @v)" is the "version" line, "(line @N)" the line of event N (one per line).
    const auto lineOf = [&ok](const char *needle) { return ok.left(ok.indexOf(needle)).count('\n') + 1; };
    const qsizetype versionLine = lineOf("\"version\"");
    const qsizetype firstEventLine = lineOf("\"events\"") + 1;
    const auto row = [&](const char *name, const QByteArray &json, const char *message) {
        QString text = QString::fromUtf8(message);
        text.replace(QStringLiteral("@v"), QString::number(versionLine));
        static const QRegularExpression eventLine(QStringLiteral("@(\\d+)"));
        for (QRegularExpressionMatch m = eventLine.match(text); m.hasMatch(); m = eventLine.match(text))
            text.replace(m.capturedStart(), m.capturedLength(), QString::number(firstEventLine + m.captured(1).toInt()));
        QTest::newRow(name) << json << text;
    };
    row("empty", "  \n", "the file is empty");
    row("not-an-object", "[1, 2]", "not a ProcessLab run record: it does not begin with a JSON object");
    row("no-schema", R"({"version": 3, "events": []})", "it has no \"schema\" field");
    row("wrong-schema", replaced(ok, "\"processlab-run-record\"", "\"chrome-trace\""),
        "not a ProcessLab run record: \"schema\" is \"chrome-trace\"");
    row("newer", replaced(ok, "\"version\": 3", "\"version\": 7"),
        "made by a newer ProcessLab: schema 7; this version reads up to 3");
    row("version-string", replaced(ok, "\"version\": 3", "\"version\": \"3\""), "field \"version\" (line @v)");
    row("version-zero", replaced(ok, "\"version\": 3", "\"version\": 0"), "field \"version\" (line @v)");
    row("example-number", replaced(ok, "\"example\": \"process\"", "\"example\": 5"), "field \"example\"");
    row("knobs-list", replaced(ok, "\"knobs\": {", "\"knobs\": [1], \"x\": {"), "field \"knobs\"");
    row("knob-object", replaced(ok, "\"workers\": 1", "\"workers\": {\"a\": 1}"), "knob \"workers\"");
    row("recorded-at", replaced(ok, "\"recordedAt\": \"2024", "\"recordedAt\": \"yesterday"), "field \"recordedAt\"");
    row("clock", replaced(ok, "\"monotonic-ns\"", "\"wall\""), "field \"clock\"");
    row("start-negative", replaced(ok, "\"startNs\": 5000000000", "\"startNs\": -1"), "field \"startNs\"");
    row("no-events", replaced(ok, "\"events\"", "\"evens\""), "the field \"events\" is missing");
    row("events-object", replaced(replaced(ok, "\"events\": [", "\"events\": {\"a\": ["), "\n    ]\n}", "]}\n}"),
        "field \"events\"");
    row("duplicate-key", replaced(ok, "\"exitCode\": 0,\n", "\"example\": \"pipe\",\n"), "\"example\" appears twice");
    row("trailing-data", ok + "{}", "more data after the record's end");
    row("unknown-kind", replaced(ok, "\"kind\":\"output\"", "\"kind\":\"bogus\""),
        "event 5 (line @5), field \"kind\": unknown value \"bogus\"");
    row("kind-needs-newer", replaced(replaced(ok, "\"version\": 3", "\"version\": 2"), "\"kind\":\"output\",\"process\":1",
                                     "\"cpuPermille\":5,\"kind\":\"resource-sample\",\"pid\":11,\"process\":1,\"rssBytes\":1"),
        "field \"kind\": \"resource-sample\" needs schema version 3 (the file says 2)");
    row("t-string", replaced(ok, "\"t\":3000000", "\"t\":\"3\""), "event 5 (line @5), field \"t\": must be an integer");
    row("t-fraction", replaced(ok, "\"t\":3000000", "\"t\":3.5"), "field \"t\": must be an integer");
    row("t-negative", replaced(ok, "\"t\":3000000", "\"t\":-3"), "field \"t\": -3 is out of range");
    row("t-first-not-zero", replaced(ok, "\"kind\":\"run-started\",\"t\":0", "\"kind\":\"run-started\",\"t\":7"),
        "event 0 (line @0), field \"t\": must be 0");
    row("process-out-of-range", replaced(ok, "\"kind\":\"output\",\"process\":1", "\"kind\":\"output\",\"process\":100001"),
        "event 5 (line @5), field \"process\": 100001 is out of range (0 to 100000)");
    row("process-not-created", replaced(ok, "\"kind\":\"output\",\"process\":1", "\"kind\":\"output\",\"process\":7"),
        "event 5 (line @5), field \"process\": no process 7 was created before it");
    row("process-created-twice", replaced(ok, "\"process\":1,\"t\":1000000,\"text\":\"Worker 1\"", "\"process\":0,\"t\":1000000,\"text\":\"Worker 1\""),
        "field \"process\": process 0 is created twice");
    row("process-missing", replaced(ok, "\"kind\":\"output\",\"process\":1,", "\"kind\":\"output\","),
        "event 5 (line @5), field \"process\": missing");
    row("state-name", replaced(ok, "\"state\":\"starting\"", "\"state\":\"sleeping\""),
        "event 4 (line @4), field \"state\": unknown value \"sleeping\"");
    row("stream-name", replaced(ok, "\"stream\":\"stdout\"", "\"stream\":\"stdlog\""), "field \"stream\": unknown value");
    row("exit-on-running", replaced(ok, "\"state\":\"starting\"", "\"state\":\"starting\",\"exitCode\":1,\"exitSignal\":0"),
        "field \"exitCode\": only an end state");
    row("exit-signal-negative", replaced(ok, "\"exitSignal\":0", "\"exitSignal\":-2"), "field \"exitSignal\": -2 is out of range");
    row("pid-zero", replaced(ok, "\"pid\":11", "\"pid\":0"), "field \"pid\": 0 is out of range");
    row("text-number", replaced(ok, "\"text\":\"hello\"", "\"text\":42"), "event 5 (line @5), field \"text\": must be a string");
    row("text-too-long", replaced(ok, "\"hello\"", QByteArray(1, '"') + QByteArray(RunRecordReader::maxTextChars + 1, 'x') + QByteArray(1, '"')),
        "field \"text\": too long");
    row("event-too-large", replaced(ok, "\"hello\"", "\"hello\",\"pad\":\"" + QByteArray(RunRecordReader::maxEventBytes, 'x') + QByteArray(1, '"')),
        "event 5 (line @5): too large");
    row("event-not-object", replaced(ok, "{\"kind\":\"output\"", "[1], {\"kind\":\"output\""), "event 5 (line @5): must be a JSON object");
    row("event-bad-json", replaced(ok, "\"text\":\"hello\"", "\"text\":hello"), "event 5 (line @5): not valid JSON");
    row("missing-comma", replaced(ok, "},\n        {\"kind\":\"output\"", "}\n        {\"kind\":\"output\""), "expected ',' or ']' after event 4");
    row("exit-code-range", replaced(ok, "\"exitCode\":0,\"kind\":\"run-finished\"", "\"exitCode\":9999999999,\"kind\":\"run-finished\""),
        "field \"exitCode\": 9999999999 is out of range");
    row("truncated-in-events", ok.left(ok.indexOf("hello")),
        "the file ends early, at line @5: it is truncated (cut off while it was written or copied?); the last whole event is event 4");
    row("truncated-header", ok.left(40), "truncated");
}

void TestRunRecordReader::refused()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    const QString error = readError(json);
    QVERIFY2(error.contains(message), qPrintable(QStringLiteral("got: ") + error.left(400)));
}

// Every prefix of a record but the whole: refused as truncated (or not a record at all).
void TestRunRecordReader::everyTruncationRefused()
{
    const QByteArray json = sampleJson().trimmed();
    for (qsizetype n = 0; n < json.size(); ++n) {
        QString error;
        const bool read = RunRecordReader::read(json.left(n), &error).has_value();
        QVERIFY2(!read, qPrintable(QStringLiteral("a prefix of %1 bytes was read as a whole record").arg(n)));
        QVERIFY2(!error.isEmpty(), qPrintable(QString::number(n)));
        if (n > 200) // past the header: the reader knows it is a cut-off record
            QVERIFY2(error.contains(QLatin1StringView("truncated")), qPrintable(QString::number(n) + u' ' + error));
    }
    QVERIFY(RunRecordReader::read(json, nullptr).has_value());
}

void TestRunRecordReader::overTheRejectionCap()
{
    RunRecord record;
    record.setExampleId(QStringLiteral("process"));
    record.append({.timeNs = 1, .kind = EventKind::RunStarted, .text = {}});
    for (int i = 0; i < 1000; ++i)
        record.append({.timeNs = 2, .kind = EventKind::ConnectionRejected, .text = QStringLiteral("no")});
    QByteArray json = toJson(record);
    QVERIFY(RunRecordReader::read(json, nullptr).has_value());
    // One more than a run keeps: a crafted file, refused.
    json = replaced(json, "\"text\":\"no\"}", "\"text\":\"no\"},\n{\"t\": 1, \"kind\": \"connection-rejected\"}");
    QVERIFY2(readError(json).contains(QLatin1StringView("more \"connection-rejected\" events than a run keeps (1000)")),
             qPrintable(readError(json)));
}

void TestRunRecordReader::files()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    QVERIFY(!RunRecordReader::readFile(dir.path(), &error));
    QVERIFY2(error.contains(QLatin1StringView("it is a directory")), qPrintable(error));
    QVERIFY(!RunRecordReader::readFile(dir.filePath(QStringLiteral("missing.json")), &error));
    QVERIFY2(error.contains(QLatin1StringView("missing.json")), qPrintable(error));

    // Over the cap: refused from its size, before a byte is read (a sparse file costs no disk).
    QFile huge(dir.filePath(QStringLiteral("huge.json")));
    QVERIFY(huge.open(QIODevice::WriteOnly));
    QVERIFY(huge.resize(RunRecordReader::maxFileBytes + 1));
    huge.close();
    QVERIFY(!RunRecordReader::readFile(huge.fileName(), &error));
    QVERIFY2(error.contains(QLatin1StringView("too large")), qPrintable(error));

    QFile good(dir.filePath(QStringLiteral("good.json")));
    QVERIFY(good.open(QIODevice::WriteOnly));
    good.write(sampleJson());
    good.close();
    const std::optional<LoadedRunRecord> loaded = RunRecordReader::readFile(good.fileName(), &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->record.size(), 8);

    QFile empty(dir.filePath(QStringLiteral("empty.json")));
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();
    QVERIFY(!RunRecordReader::readFile(empty.fileName(), &error));
    QVERIFY2(error.contains(QLatin1StringView("the file is empty")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestRunRecordReader)
#include "tst_runrecordreader.moc"
