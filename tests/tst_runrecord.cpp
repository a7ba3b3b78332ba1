// SPDX-License-Identifier: MIT
#include "protocol/monotonicclock.h"
#include "record/jsonexport.h"
#include "record/exportfile.h"
#include "record/pooltaskspans.h"
#include "record/runrecord.h"
#include "record/runsummary.h"

#include <QBuffer>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#endif

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

QJsonObject parseJson(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("invalid JSON at %d: %s", error.offset, qPrintable(error.errorString()));
    return document.object();
}

QJsonObject exportToJson(const RunRecord &record)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QString error;
    if (!writeRunRecordJson(record, &buffer, &error))
        qWarning("export failed: %s", qPrintable(error));
    return parseJson(buffer.data());
}

#ifdef Q_OS_UNIX
mode_t fileType(const QString &path)
{
    struct stat info{};
    return ::lstat(QFile::encodeName(path).constData(), &info) == 0 ? (info.st_mode & S_IFMT) : 0;
}
#endif

} // namespace

class TestRunRecord : public QObject
{
    Q_OBJECT
private slots:
    void summaryFigures();
    void durationFormat_data();
    void durationFormat();
    void poolTableIsTheSpansFold();
    void incrementalEqualsFull();
    void outputCapCountsDropped();
    void capsCountDropped_data();
    void capsCountDropped();
    void traceTimesClampedIntoRun_data();
    void traceTimesClampedIntoRun();
    void jsonTimeSaturates_data();
    void jsonTimeSaturates();
    void jsonExport();
    void jsonStreamsWholeRecord_data();
    void jsonStreamsWholeRecord();
    void jsonExportBadPath();
    void jsonFileRefusesUnwritablePaths_data();
    void jsonFileRefusesUnwritablePaths();
    void jsonFileKeepsOldFileUntilWritten();
    void jsonFileWritesIntoFifo();
    void jsonFileWritesIntoCharDevice();
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

void TestRunRecord::capsCountDropped_data()
{
    QTest::addColumn<EventKind>("kind");
    QTest::addColumn<EventKind>("droppedKind");
    QTest::addColumn<bool>("perProcess");
    QTest::newRow("output") << EventKind::Output << EventKind::OutputDropped << true;
    QTest::newRow("traces") << EventKind::WorkerTrace << EventKind::TracesDropped << true;
    QTest::newRow("refused-connections") << EventKind::ConnectionRejected << EventKind::RejectionsDropped << false;
}

void TestRunRecord::capsCountDropped()
{
    QFETCH(EventKind, kind);
    QFETCH(EventKind, droppedKind);
    QFETCH(bool, perProcess);
    RunRecord record;
    record.setOutputLineCap(10);
    record.setTraceCap(10);
    record.setRejectionCap(10);
    const qint64 t0 = monotonicNowNs();
    QVERIFY(record.append({.timeNs = t0, .kind = EventKind::RunStarted, .text = QStringLiteral("test")}));
    int kept = 0;
    for (int i = 0; i < 25; ++i) {
        RunEvent event{.timeNs = t0 + i, .kind = kind, .process = perProcess ? 1 + i % 2 : runLevel,
                       .text = QString::number(i)};
        kept += record.append(event) ? 1 : 0;
    }
    QCOMPARE(kept, 10);
    // Other kinds have caps of their own: still recorded.
    QVERIFY(record.append({.timeNs = t0 + 30, .kind = EventKind::Error, .process = 1, .text = QStringLiteral("e")}));
    record.flushDropped(t0 + 40);
    record.flushDropped(t0 + 41); // nothing new: no second report
    qint64 reported = 0;
    QList<int> reportedProcesses;
    for (const RunEvent &e : record.events()) {
        if (e.kind == droppedKind) {
            reported += e.count;
            reportedProcesses.append(e.process);
        }
    }
    QCOMPARE(reported, 15);
    const QList<int> expectedProcesses = perProcess ? QList<int>{1, 2} : QList<int>{runLevel};
    QCOMPARE(reportedProcesses, expectedProcesses);
    const qint64 counted = kind == EventKind::Output          ? record.droppedLines(1) + record.droppedLines(2)
                           : kind == EventKind::WorkerTrace ? record.droppedTraces(1) + record.droppedTraces(2)
                                                            : record.droppedRejections();
    QCOMPARE(counted, 15);
    // The export carries the same count.
    const QJsonObject dropped = exportToJson(record).value(QLatin1StringView("dropped")).toObject();
    const QLatin1StringView key = kind == EventKind::Output          ? QLatin1StringView("outputLines")
                                  : kind == EventKind::WorkerTrace ? QLatin1StringView("traces")
                                                                   : QLatin1StringView("rejections");
    QCOMPARE(dropped.value(key).toInteger(), 15);
}

void TestRunRecord::traceTimesClampedIntoRun_data()
{
    QTest::addColumn<qint64>("offset"); // from the run's start; min/max mean the extremes
    QTest::addColumn<qint64>("expectedOffset"); // -1: clamped to "now"
    constexpr qint64 min = std::numeric_limits<qint64>::min();
    constexpr qint64 max = std::numeric_limits<qint64>::max();
    QTest::newRow("int64-min") << min << qint64(0);
    QTest::newRow("before-start") << qint64(-5) << qint64(0);
    QTest::newRow("inside") << qint64(7) << qint64(7);
    QTest::newRow("int64-max") << max << qint64(-1);
}

void TestRunRecord::traceTimesClampedIntoRun()
{
    QFETCH(qint64, offset);
    QFETCH(qint64, expectedOffset);
    const qint64 start = monotonicNowNs() - 1000;
    RunRecord record;
    record.append({.timeNs = start, .kind = EventKind::RunStarted, .text = QStringLiteral("test")});
    const bool extreme = offset == std::numeric_limits<qint64>::min() || offset == std::numeric_limits<qint64>::max();
    const qint64 workerTime = extreme ? offset : start + offset;
    QVERIFY(record.append({.timeNs = workerTime, .kind = EventKind::WorkerTrace, .process = 1,
                           .text = QStringLiteral("started")}));
    const qint64 after = monotonicNowNs();
    const qint64 stored = record.events().constLast().timeNs;
    if (expectedOffset >= 0) {
        QCOMPARE(stored, start + expectedOffset);
    } else {
        QVERIFY(stored >= start);
        QVERIFY(stored <= after);
    }
    const QJsonArray events = exportToJson(record).value(QLatin1StringView("events")).toArray();
    QCOMPARE(events.at(1).toObject().value(QLatin1StringView("t")).toInteger(), stored - start);
}

void TestRunRecord::jsonTimeSaturates_data()
{
    // Host-made events are not clamped; the export's "t" must still not wrap around.
    QTest::addColumn<qint64>("start");
    QTest::addColumn<qint64>("time");
    QTest::addColumn<double>("expectedT");
    QTest::newRow("far-before") << 1000 * ms << std::numeric_limits<qint64>::min()
                                << double(std::numeric_limits<qint64>::min());
    QTest::newRow("far-after") << -1000 * ms << std::numeric_limits<qint64>::max()
                               << double(std::numeric_limits<qint64>::max());
}

void TestRunRecord::jsonTimeSaturates()
{
    QFETCH(qint64, start);
    QFETCH(qint64, time);
    QFETCH(double, expectedT);
    RunRecord record;
    record.append({.timeNs = start, .kind = EventKind::RunStarted, .text = QStringLiteral("test")});
    record.append({.timeNs = time, .kind = EventKind::Error, .text = QStringLiteral("odd clock")});
    const QJsonArray events = exportToJson(record).value(QLatin1StringView("events")).toArray();
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(1).toObject().value(QLatin1StringView("t")).toDouble(), expectedT);
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
    // Main has no exit code or signal: null, not a made-up 0.
    QVERIFY(processes.at(0).toObject().value(QLatin1StringView("exitCode")).isNull());
    QVERIFY(processes.at(0).toObject().value(QLatin1StringView("exitSignal")).isNull());
    const QJsonObject firstOutput = root.value(QLatin1StringView("events")).toArray().at(12).toObject();
    QCOMPARE(firstOutput.value(QLatin1StringView("kind")).toString(), QStringLiteral("output"));
    QCOMPARE(firstOutput.value(QLatin1StringView("t")).toInteger(), 13 * ms);
    QCOMPARE(firstOutput.value(QLatin1StringView("stream")).toString(), QStringLiteral("stdout"));
    QCOMPARE(firstOutput.value(QLatin1StringView("text")).toString(), QStringLiteral("Worker 1 started"));
}

void TestRunRecord::jsonStreamsWholeRecord_data()
{
    QTest::addColumn<int>("lines");
    QTest::newRow("no-events") << -1;
    QTest::newRow("sample") << 0;
    QTest::newRow("many-lines-many-chunks") << 20000;
}

void TestRunRecord::jsonStreamsWholeRecord()
{
    QFETCH(int, lines);
    RunRecord record = lines < 0 ? RunRecord() : sampleRecord();
    // Text that needs escaping, and more than one write chunk of JSON.
    const QString tricky = QStringLiteral("quote \" backslash \\ tab \t bell \a 进程 😀");
    for (int i = 0; i < lines; ++i)
        record.append(outputEvent(3000 * ms + i, 1, tricky + QString::number(i)));
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QString error;
    QVERIFY2(writeRunRecordJson(record, &buffer, &error), qPrintable(error));
    QJsonParseError parseError;
    const QJsonObject root = QJsonDocument::fromJson(buffer.data(), &parseError).object();
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    QCOMPARE(root.value(QLatin1StringView("schema")).toString(), QStringLiteral("processlab-run-record"));
    const QJsonArray events = root.value(QLatin1StringView("events")).toArray();
    QCOMPARE(events.size(), record.size());
    if (lines > 0) {
        QCOMPARE(events.last().toObject().value(QLatin1StringView("text")).toString(),
                 tricky + QString::number(lines - 1));
    }
}

void TestRunRecord::jsonExportBadPath()
{
    QString error;
    QVERIFY(!writeRunRecordJson(sampleRecord(), QStringLiteral("/nonexistent-dir/x/run.json"), &error));
    QVERIFY(error.contains(QStringLiteral("/nonexistent-dir/x/run.json")));
}

void TestRunRecord::jsonFileRefusesUnwritablePaths_data()
{
    QTest::addColumn<QString>("relativePath"); // inside a fresh temporary directory
    QTest::addColumn<bool>("readOnlyDirectory");
    QTest::newRow("missing-directory") << QStringLiteral("missing/run.json") << false;
    QTest::newRow("a-directory") << QStringLiteral("sub") << false;
    QTest::newRow("read-only-directory") << QStringLiteral("sub/run.json") << true;
}

void TestRunRecord::jsonFileRefusesUnwritablePaths()
{
    QFETCH(QString, relativePath);
    QFETCH(bool, readOnlyDirectory);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("sub")));
    const QString sub = dir.filePath(QStringLiteral("sub"));
    if (readOnlyDirectory) {
        QVERIFY(QFile::setPermissions(sub, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        if (QFileInfo(sub).isWritable()) // root writes anywhere
            QSKIP("a read-only directory is writable for this user (root) on Linux");
    }
    const QString path = dir.filePath(relativePath);
    ExportFile file(path);
    QString error;
    QVERIFY(!file.open(&error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY(!file.write(runRecordJsonWriter(sampleRecord()), &error));
    QFile::setPermissions(sub, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QCOMPARE(QDir(sub).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());
}

void TestRunRecord::jsonFileKeepsOldFileUntilWritten()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("run.json"));
    const auto contents = [&path] {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old");
    }
    {
        ExportFile abandoned(path); // opened, never written (e.g. the run was interrupted)
        QString error;
        QVERIFY2(abandoned.open(&error), qPrintable(error));
        QCOMPARE(contents(), QByteArray("old"));
    }
    QCOMPARE(contents(), QByteArray("old"));
    ExportFile file(path);
    QString error;
    QVERIFY2(file.open(&error) && file.write(runRecordJsonWriter(sampleRecord()), &error), qPrintable(error));
    QCOMPARE(parseJson(contents()).value(QLatin1StringView("events")).toArray().size(), sampleRecord().size());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("run.json")});
}

void TestRunRecord::jsonFileWritesIntoFifo()
{
#ifdef Q_OS_UNIX
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("fifo"));
    QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
    // A reader first, so the writer's open does not wait; the record fits in the pipe's buffer.
    const int reader = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK);
    QVERIFY(reader >= 0);
    ExportFile file(path);
    QString error;
    QVERIFY2(file.open(&error) && file.write(runRecordJsonWriter(sampleRecord()), &error), qPrintable(error));
    QByteArray received;
    char chunk[4096];
    for (ssize_t n; (n = ::read(reader, chunk, sizeof chunk)) > 0;)
        received.append(chunk, n);
    ::close(reader);
    QCOMPARE(parseJson(received).value(QLatin1StringView("events")).toArray().size(), sampleRecord().size());
    QCOMPARE(fileType(path), mode_t(S_IFIFO)); // still the FIFO, not replaced by a file
#else
    QSKIP("FIFOs are a Unix feature; not on this platform");
#endif
}

void TestRunRecord::jsonFileWritesIntoCharDevice()
{
#ifdef Q_OS_LINUX
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("null"));
    // A private copy of /dev/null: creating device nodes needs root (CAP_MKNOD).
    if (::mknod(QFile::encodeName(path).constData(), S_IFCHR | 0666, makedev(1, 3)) != 0)
        QSKIP("cannot create a character device here (needs root) on Linux");
    const int probe = ::open(QFile::encodeName(path).constData(), O_WRONLY);
    if (probe < 0)
        QSKIP("device nodes cannot be opened in the temporary directory (nodev mount) on Linux");
    ::close(probe);
    ExportFile file(path);
    QString error;
    QVERIFY2(file.open(&error) && file.write(runRecordJsonWriter(sampleRecord()), &error), qPrintable(error));
    QCOMPARE(fileType(path), mode_t(S_IFCHR)); // still the device, not replaced by a file
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System),
             QStringList{QStringLiteral("null")});
#else
    QSKIP("device nodes are created with Linux's mknod; not on this platform");
#endif
}

QTEST_GUILESS_MAIN(TestRunRecord)
void TestRunRecord::durationFormat_data()
{
    QTest::addColumn<double>("ms");
    QTest::addColumn<QString>("text");
    QTest::newRow("unknown") << -1.0 << QStringLiteral("-");
    QTest::newRow("18 us") << 0.018 << QStringLiteral("18 µs");
    QTest::newRow("1 us") << 0.0012 << QStringLiteral("1 µs");
    QTest::newRow("under 1 us") << 0.0002 << QStringLiteral("<1 µs");
    QTest::newRow("0.35 ms") << 0.349 << QStringLiteral("0.35 ms");
    QTest::newRow("4.27 ms") << 4.2712 << QStringLiteral("4.27 ms");
    QTest::newRow("300.2 ms") << 300.21 << QStringLiteral("300.2 ms");
    QTest::newRow("2001.2 ms") << 2001.2 << QStringLiteral("2001.2 ms");
}

// The CLI's tables use one formatter: a short pool task is "9 µs", not "0.0 ms".
void TestRunRecord::durationFormat()
{
    QFETCH(double, ms);
    QFETCH(QString, text);
    QCOMPARE(formatDurationMs(ms), text);
}

// RunSummary::pools (the CLI table, the JSON) is the PoolTaskSpans fold the app reads: the
// same tasks, workers, outcomes and times as a PoolTaskSpans fed the record on its own, and the
// JSON's rows say the same.
void TestRunRecord::poolTableIsTheSpansFold()
{
    const qint64 t0 = 1000 * ms;
    RunRecord record;
    record.setExampleId(QStringLiteral("pool"));
    const auto pool = [&](qint64 t, PoolTaskPhase phase, qint64 task, int process, qint64 pid, const QString &text) {
        record.append({.timeNs = t0 + t, .kind = EventKind::PoolTask, .process = process, .pid = pid, .count = task,
                       .object = 1, .op = quint8(phase), .sequence = 1, .text = text});
    };
    record.append({.timeNs = t0, .kind = EventKind::RunStarted, .text = QStringLiteral("pool")});
    record.append({.timeNs = t0, .kind = EventKind::ProcessCreated, .process = 0, .pid = 10, .text = QStringLiteral("Main")});
    for (int w = 1; w <= 2; ++w) {
        record.append({.timeNs = t0, .kind = EventKind::ProcessCreated, .process = w,
                       .text = QStringLiteral("PoolWorker-%1").arg(w)});
        record.append(stateEvent(t0 + 1 * ms, w, ProcessState::Running, 10 + w));
        record.append({.timeNs = t0 + 1 * ms, .kind = EventKind::PoolWorker, .process = w, .pid = 10 + w, .object = 1,
                       .op = quint8(PoolWorkerChange::Started), .text = {}});
    }
    pool(2 * ms, PoolTaskPhase::Queued, 1, 0, 0, QStringLiteral("worker(1)"));
    pool(2 * ms, PoolTaskPhase::Queued, 2, 0, 0, QStringLiteral("worker(2)"));
    pool(3 * ms, PoolTaskPhase::Started, 1, 1, 11, {});
    pool(3 * ms, PoolTaskPhase::Started, 2, 2, 12, {});
    pool(3 * ms + 18'000, PoolTaskPhase::Finished, 1, 1, 11, QStringLiteral("None"));
    record.append({.timeNs = t0 + 50 * ms, .kind = EventKind::PoolWorker, .process = 2, .pid = 12, .count = 2, .object = 1,
                   .op = quint8(PoolWorkerChange::FaultInjected), .text = QStringLiteral("fault injected")});
    record.append(stateEvent(t0 + 51 * ms, 2, ProcessState::Failed, 12, 0, 9));
    pool(52 * ms, PoolTaskPhase::Lost, 2, 2, 12, QStringLiteral("task 2 was lost"));

    const RunSummary summary = summarize(record);
    PoolTaskSpans alone;
    for (const RunEvent &event : record.events())
        alone.consume(event);
    QCOMPARE(summary.pools.tasks().size(), 2);
    for (qsizetype i = 0; i < alone.tasks().size(); ++i) {
        const PoolTaskSpan &a = alone.tasks().at(i);
        const PoolTaskSpan &b = summary.pools.tasks().at(i);
        QCOMPARE(b.task, a.task);
        QCOMPARE(b.process, a.process);
        QCOMPARE(b.outcome, a.outcome);
        QCOMPARE(b.startNs, a.startNs);
        QCOMPARE(b.endNs, a.endNs);
    }
    QCOMPARE(summary.pools.pools().constFirst().faultsInjected, 1);
    QVERIFY(summary.pools.faultInjection(2));
    QCOMPARE(summary.pools.faultInjection(2)->task, 2);
    // The lost task ends where its worker died, in the table as on the timeline.
    QCOMPARE(summary.pools.tasks().at(1).durationMs(), 48.0);

    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QString error;
    QVERIFY2(writeRunRecordJson(record, &buffer, &error), qPrintable(error));
    const QJsonObject json = QJsonDocument::fromJson(buffer.data()).object();
    const QJsonObject jsonPool = json.value(QLatin1StringView("pools")).toArray().at(0).toObject();
    QCOMPARE(jsonPool.value(QLatin1StringView("faultsInjected")).toInt(), 1);
    const QJsonArray tasks = jsonPool.value(QLatin1StringView("tasks")).toArray();
    QCOMPARE(tasks.size(), 2);
    QCOMPARE(tasks.at(0).toObject().value(QLatin1StringView("state")).toString(), QStringLiteral("finished"));
    QCOMPARE(tasks.at(0).toObject().value(QLatin1StringView("call")).toString(), QStringLiteral("worker(1)"));
    QCOMPARE(tasks.at(0).toObject().value(QLatin1StringView("durationMs")).toDouble(), 0.018);
    QCOMPARE(tasks.at(1).toObject().value(QLatin1StringView("state")).toString(), QStringLiteral("lost"));
    QCOMPARE(tasks.at(1).toObject().value(QLatin1StringView("worker")).toInt(), 2);
    QCOMPARE(tasks.at(1).toObject().value(QLatin1StringView("durationMs")).toDouble(), 48.0);
}

#include "tst_runrecord.moc"
