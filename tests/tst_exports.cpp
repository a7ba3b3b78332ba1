// SPDX-License-Identifier: MIT
// The record's exports: the Perfetto/Chrome trace (Trace Event Format rules checked event by
// event) and the CSV tables (read back with an RFC 4180 reader, compared with the summary),
// from hand-made records and from real runs through the CLI's --trace/--csv.
#include "protocol/protocol.h"
#include "pythontestsupport.h"
#include "record/csvexport.h"
#include "record/jsonexport.h"
#include "record/runrecord.h"
#include "record/runsummary.h"
#include "record/traceexport.h"
#include "testsupport.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace ProcessLab;
using namespace ProcessLab::TestSupport;

namespace {

constexpr qint64 ms = 1'000'000;

RunEvent state(qint64 t, int process, ProcessState s, qint64 pid = 0, QString text = {})
{
    RunEvent e;
    e.timeNs = t;
    e.kind = EventKind::StateChanged;
    e.process = process;
    e.state = s;
    e.pid = pid;
    e.hasExitStatus = isEndState(s) && process != mainProcessId;
    e.exitSignal = s == ProcessState::Killed ? 15 : 0; // SIGTERM: Python's exitcode -15
    e.text = std::move(text);
    return e;
}

RunEvent output(qint64 t, int process, QString text, OutputStream stream = OutputStream::StdOut)
{
    return {.timeNs = t, .kind = EventKind::Output, .process = process, .stream = stream, .text = std::move(text)};
}

RunEvent ipc(qint64 t, int process, int object, Protocol::IpcOp op, qint64 count, QString text = {}, qint64 seq = 0)
{
    return {.timeNs = t, .kind = EventKind::IpcOperation, .process = process, .count = count, .object = object,
            .op = quint8(op), .sequence = seq, .text = std::move(text)};
}

// A queue run with everything the trace draws: states, statements, traces, a blocked get, queue
// operations and counters, CPU/memory samples, a pool task, an error, a formula-like line.
RunRecord richRecord(int extraLines = 0)
{
    const qint64 t0 = 5000 * ms;
    RunRecord r;
    r.setExampleId(QStringLiteral("queue"));
    r.append({.timeNs = t0, .kind = EventKind::RunStarted, .text = QStringLiteral("queue")});
    r.append({.timeNs = t0, .kind = EventKind::ProcessCreated, .process = 0, .pid = 100, .text = QStringLiteral("Main")});
    r.append(state(t0, 0, ProcessState::Running, 100));
    r.append({.timeNs = t0 + 1 * ms, .kind = EventKind::ScriptStep, .process = 0, .sourceLine = 19,
              .text = QStringLiteral("queue = multiprocessing.Queue()")});
    r.append({.timeNs = t0 + 1 * ms, .kind = EventKind::IpcObjectCreated, .process = 0, .count = 0, .object = 1,
              .op = quint8(IpcObjectKind::Queue), .sequence = 10000, .text = QStringLiteral("queue")});
    r.append({.timeNs = t0 + 2 * ms, .kind = EventKind::ScriptStepEnded, .process = 0, .sourceLine = 19,
              .text = QStringLiteral("queue = multiprocessing.Queue()")});
    r.append({.timeNs = t0 + 2 * ms, .kind = EventKind::ProcessCreated, .process = 1, .text = QStringLiteral("Producer")});
    r.append({.timeNs = t0 + 2 * ms, .kind = EventKind::ProcessCreated, .process = 2, .text = QStringLiteral("Consumer")});
    r.append(state(t0 + 3 * ms, 1, ProcessState::Starting, 101));
    r.append(state(t0 + 3 * ms, 2, ProcessState::Starting, 102));
    r.append(state(t0 + 8 * ms, 1, ProcessState::Ready, 101));
    r.append(state(t0 + 9 * ms, 2, ProcessState::Ready, 102));
    r.append(state(t0 + 10 * ms, 1, ProcessState::Running, 101));
    r.append(state(t0 + 10 * ms, 2, ProcessState::Running, 102));
    r.append({.timeNs = t0 + 11 * ms, .kind = EventKind::WorkerTrace, .process = 2, .sourceLine = 12, .text = QStringLiteral("get")});
    r.append(ipc(t0 + 11 * ms, 2, 1, Protocol::IpcOp::Blocked, 0, QStringLiteral("get")));
    r.append({.timeNs = t0 + 12 * ms, .kind = EventKind::WorkerTrace, .process = 1, .sourceLine = 6, .text = QStringLiteral("put")});
    r.append(ipc(t0 + 20 * ms, 1, 1, Protocol::IpcOp::Put, 1, QStringLiteral("0"), 1));
    r.append(ipc(t0 + 21 * ms, 2, 1, Protocol::IpcOp::Get, 0, QStringLiteral("0"), 1));
    r.append({.timeNs = t0 + 25 * ms, .kind = EventKind::IpcCounters, .count = 0, .object = 1, .sequence = 2, .text = {}});
    r.append({.timeNs = t0 + 30 * ms, .kind = EventKind::ResourceSample, .process = 1, .pid = 101, .count = 875,
              .sequence = 12 * 1024 * 1024, .text = {}});
    r.append(output(t0 + 31 * ms, 1, QStringLiteral("=HYPERLINK(\"http://x\",\"click\"), \"quoted\"\nnext")));
    r.append(output(t0 + 32 * ms, 2, QString(5000, QLatin1Char('x')), OutputStream::StdErr));
    for (int i = 0; i < extraLines; ++i)
        r.append(output(t0 + 33 * ms + i, 1, QStringLiteral("line %1").arg(i)));
    r.append({.timeNs = t0 + 40 * ms, .kind = EventKind::Error, .process = 2, .text = QStringLiteral("something broke")});
    r.append(state(t0 + 50 * ms, 1, ProcessState::Finished, 101));
    r.append(state(t0 + 60 * ms, 2, ProcessState::Killed, 102, QStringLiteral("stopped by the user")));
    r.append({.timeNs = t0 + 61 * ms, .kind = EventKind::ScriptStep, .process = 0, .sourceLine = 34,
              .text = QStringLiteral("consumer_process.join()")});
    r.append(state(t0 + 70 * ms, 0, ProcessState::Finished, 100));
    r.append({.timeNs = t0 + 70 * ms, .kind = EventKind::RunFinished, .exitCode = 0, .text = {}});
    return r;
}

QByteArray traceOf(const RunRecord &record, const TraceLimits &limits = {})
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QString error;
    if (!writeTraceJson(record, &buffer, &error, limits))
        qWarning("trace export failed: %s", qPrintable(error));
    return buffer.data();
}

// Checks the Trace Event Format rules on a parsed trace; empty when they hold, else what broke.
QString traceProblems(const QJsonObject &root)
{
    const QJsonArray events = root.value(QLatin1StringView("traceEvents")).toArray();
    if (events.isEmpty())
        return QStringLiteral("no traceEvents");
    QSet<int> namedPids;
    QSet<QPair<int, int>> namedThreads;
    QSet<int> usedPids;
    QSet<QPair<int, int>> usedThreads;
    QHash<QPair<int, int>, QList<QPair<qint64, qint64>>> slices; // track -> (ts, end) in ns, in file order
    for (qsizetype i = 0; i < events.size(); ++i) {
        const QJsonObject e = events.at(i).toObject();
        const QString where = QStringLiteral("event %1 %2").arg(i).arg(QString::fromUtf8(QJsonDocument(e).toJson(QJsonDocument::Compact)));
        const QString ph = e.value(QLatin1StringView("ph")).toString();
        if (!e.value(QLatin1StringView("name")).isString() || ph.size() != 1 || !e.value(QLatin1StringView("pid")).isDouble())
            return where + QStringLiteral(": needs name, ph and pid");
        const int pid = e.value(QLatin1StringView("pid")).toInt();
        const int tid = e.value(QLatin1StringView("tid")).toInt(-1);
        if (ph == QLatin1StringView("M")) {
            const QString name = e.value(QLatin1StringView("name")).toString();
            const QJsonObject args = e.value(QLatin1StringView("args")).toObject();
            if (name == QLatin1StringView("process_name") && args.value(QLatin1StringView("name")).isString())
                namedPids.insert(pid);
            else if (name == QLatin1StringView("thread_name") && args.value(QLatin1StringView("name")).isString())
                namedThreads.insert({pid, tid});
            else if (!name.endsWith(QLatin1StringView("_sort_index")))
                return where + QStringLiteral(": unknown metadata");
            continue;
        }
        if (!e.value(QLatin1StringView("ts")).isDouble() || e.value(QLatin1StringView("ts")).toDouble() < 0)
            return where + QStringLiteral(": needs ts >= 0");
        usedPids.insert(pid);
        const double ts = e.value(QLatin1StringView("ts")).toDouble();
        if (ph == QLatin1StringView("X")) {
            if (!e.value(QLatin1StringView("dur")).isDouble() || e.value(QLatin1StringView("dur")).toDouble() < 0 || tid < 0)
                return where + QStringLiteral(": X needs dur >= 0 and tid");
            usedThreads.insert({pid, tid});
            // In whole nanoseconds (the trace's precision): ts + dur in doubles would not add up exactly.
            const qint64 startNs = qRound64(ts * 1000);
            slices[{pid, tid}].append({startNs, startNs + qRound64(e.value(QLatin1StringView("dur")).toDouble() * 1000)});
        } else if (ph == QLatin1StringView("i")) {
            if (tid < 0 || e.value(QLatin1StringView("s")).toString() != QLatin1StringView("t"))
                return where + QStringLiteral(": thread instant needs tid and s=t");
            usedThreads.insert({pid, tid});
        } else if (ph == QLatin1StringView("C")) {
            const QJsonObject args = e.value(QLatin1StringView("args")).toObject();
            if (args.isEmpty())
                return where + QStringLiteral(": C needs args");
            for (auto it = args.begin(); it != args.end(); ++it) {
                if (!it.value().isDouble())
                    return where + QStringLiteral(": counter values are numbers");
            }
        } else {
            return where + QStringLiteral(": unexpected phase");
        }
    }
    for (const int pid : usedPids) {
        if (!namedPids.contains(pid))
            return QStringLiteral("pid %1 has no process_name").arg(pid);
    }
    for (const auto &track : usedThreads) {
        if (!namedThreads.contains(track))
            return QStringLiteral("pid %1 tid %2 has no thread_name").arg(track.first).arg(track.second);
    }
    // X slices of a track: sorted by start, and each either after or inside the one before.
    for (auto it = slices.cbegin(); it != slices.cend(); ++it) {
        QList<qint64> open;
        qint64 lastStart = -1;
        for (const auto &[start, end] : it.value()) {
            if (start < lastStart)
                return QStringLiteral("pid %1 tid %2: slices not sorted at %3").arg(it.key().first).arg(it.key().second).arg(start);
            lastStart = start;
            while (!open.isEmpty() && open.constLast() <= start)
                open.removeLast();
            if (!open.isEmpty() && end > open.constLast())
                return QStringLiteral("pid %1 tid %2: slice %3..%4 overlaps its parent without nesting")
                    .arg(it.key().first).arg(it.key().second).arg(start).arg(end);
            open.append(end);
        }
    }
    return {};
}

QList<QJsonObject> eventsNamed(const QJsonObject &root, const QString &ph, const QString &name = {})
{
    QList<QJsonObject> found;
    for (const QJsonValue &v : root.value(QLatin1StringView("traceEvents")).toArray()) {
        const QJsonObject e = v.toObject();
        if (e.value(QLatin1StringView("ph")).toString() == ph
            && (name.isEmpty() || e.value(QLatin1StringView("name")).toString() == name))
            found.append(e);
    }
    return found;
}

// RFC 4180: fields separated by commas, records by CRLF, a quoted field may hold commas,
// CRLF and doubled quotes. Returns the rows, or nothing if the text breaks the grammar.
std::optional<QList<QStringList>> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    qsizetype i = 0;
    bool fieldStarted = false;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == u'"' && !fieldStarted) {
            ++i;
            for (;;) {
                if (i >= text.size())
                    return std::nullopt; // unterminated
                if (text.at(i) == u'"') {
                    if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                        field += u'"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += text.at(i++);
            }
            fieldStarted = true;
            if (i < text.size() && text.at(i) != u',' && text.at(i) != u'\r')
                return std::nullopt; // text after a closing quote
            continue;
        }
        if (c == u',') {
            row.append(field);
            field.clear();
            fieldStarted = false;
            ++i;
        } else if (c == u'\r') {
            if (i + 1 >= text.size() || text.at(i + 1) != u'\n')
                return std::nullopt; // a bare CR outside quotes
            row.append(field);
            rows.append(row);
            row.clear();
            field.clear();
            fieldStarted = false;
            i += 2;
        } else if (c == u'\n' || c == u'"') {
            return std::nullopt; // a bare LF, or a quote inside an unquoted field
        } else {
            field += c;
            fieldStarted = true;
            ++i;
        }
    }
    if (!row.isEmpty() || fieldStarted)
        return std::nullopt; // the last record has no CRLF
    return rows;
}

QByteArray csvOf(bool (*write)(const RunSummary &, QIODevice *, QString *), const RunSummary &summary)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QString error;
    if (!write(summary, &buffer, &error))
        qWarning("csv export failed: %s", qPrintable(error));
    return buffer.data();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestExports : public QObject
{
    Q_OBJECT
private slots:
    void traceFollowsTheFormat();
    void traceHasSlicesCountersAndInstants();
    void traceCapsOutputAndText();
    void csvRoundTripsTheSummary();
    void csvNeutralisesFormulas_data();
    void csvNeutralisesFormulas();
    void poolTasksPath_data();
    void poolTasksPath();
    void cliUsageErrors_data();
    void cliUsageErrors();
    void cliRunWritesExports_data();
    void cliRunWritesExports();
    void cliExportErrors_data();
    void cliExportErrors();
};

void TestExports::traceFollowsTheFormat()
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(traceOf(richRecord()), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QString problems = traceProblems(document.object());
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    // Every process named with its role and PID.
    QStringList names;
    for (const QJsonObject &e : eventsNamed(document.object(), QStringLiteral("M"), QStringLiteral("process_name")))
        names.append(e.value(QLatin1StringView("args")).toObject().value(QLatin1StringView("name")).toString());
    QCOMPARE(names, (QStringList{QStringLiteral("Main (PID 100)"), QStringLiteral("Producer (PID 101)"),
                                 QStringLiteral("Consumer (PID 102)"), QStringLiteral("Shared objects")}));
}

void TestExports::traceHasSlicesCountersAndInstants()
{
    const QJsonObject root = QJsonDocument::fromJson(traceOf(richRecord())).object();
    // States of the producer, exactly from the summary's times (µs since the run's start).
    const auto slice = [&](const QString &name, int pid) {
        for (const QJsonObject &e : eventsNamed(root, QStringLiteral("X"), name)) {
            if (e.value(QLatin1StringView("pid")).toInt() == pid)
                return e;
        }
        return QJsonObject();
    };
    QCOMPARE(slice(QStringLiteral("starting"), 2).value(QLatin1StringView("ts")).toDouble(), 3000.0);
    QCOMPARE(slice(QStringLiteral("starting"), 2).value(QLatin1StringView("dur")).toDouble(), 5000.0);
    QCOMPARE(slice(QStringLiteral("running"), 2).value(QLatin1StringView("dur")).toDouble(), 40000.0);
    // Main's statement, from step to step-ended; the last one never ended: until the run's end.
    QCOMPARE(slice(QStringLiteral("19: queue = multiprocessing.Queue()"), 1).value(QLatin1StringView("dur")).toDouble(), 1000.0);
    QCOMPARE(slice(QStringLiteral("34: consumer_process.join()"), 1).value(QLatin1StringView("dur")).toDouble(), 9000.0);
    // The consumer waited in get() from 11 ms to its get at 21 ms.
    const QJsonObject wait = slice(QStringLiteral("waits in get on queue (Queue)"), 3);
    QCOMPARE(wait.value(QLatin1StringView("ts")).toDouble(), 11000.0);
    QCOMPARE(wait.value(QLatin1StringView("dur")).toDouble(), 10000.0);
    // A worker's trace lasts until its next one, the last until the process ended. Named by its
    // listing line like Main's statements (the queue example's program), not by the step id.
    const QJsonObject put = slice(QStringLiteral("6: queue.put(i)"), 2);
    QCOMPARE(put.value(QLatin1StringView("dur")).toDouble(), 38000.0);
    QCOMPARE(put.value(QLatin1StringView("args")).toObject().value(QLatin1StringView("step")).toString(), QStringLiteral("put"));
    QVERIFY(!slice(QStringLiteral("12: item = queue.get()"), 3).isEmpty());
    QVERIFY(slice(QStringLiteral("put"), 2).isEmpty());
    // Without the example's listing (an unknown example): "line N: step".
    RunRecord unknown = richRecord();
    unknown.setExampleId(QStringLiteral("no-such-example"));
    const QJsonObject unknownRoot = QJsonDocument::fromJson(traceOf(unknown)).object();
    bool fallbackNamed = false;
    for (const QJsonObject &e : eventsNamed(unknownRoot, QStringLiteral("X"), QStringLiteral("line 6: put")))
        fallbackNamed = fallbackNamed || e.value(QLatin1StringView("pid")).toInt() == 2;
    QVERIFY(fallbackNamed);

    // Queue depth: after the put 1, after the get 0, the counters' sample 0.
    QList<double> depths;
    for (const QJsonObject &e : eventsNamed(root, QStringLiteral("C"), QStringLiteral("queue (Queue)")))
        depths.append(e.value(QLatin1StringView("args")).toObject().value(QLatin1StringView("items")).toDouble());
    QCOMPARE(depths, (QList<double>{1, 0, 0}));
    const QList<QJsonObject> cpu = eventsNamed(root, QStringLiteral("C"), QStringLiteral("CPU"));
    QCOMPARE(cpu.size(), 1);
    QCOMPARE(cpu.first().value(QLatin1StringView("args")).toObject().value(QLatin1StringView("% of a core")).toDouble(), 87.5);
    const QList<QJsonObject> memory = eventsNamed(root, QStringLiteral("C"), QStringLiteral("memory"));
    QCOMPARE(memory.size(), 1);
    QCOMPARE(memory.first().value(QLatin1StringView("args")).toObject().value(QLatin1StringView("MB")).toDouble(), 12.0);

    // Instants: the put and get, each output line, the error, the kill.
    QCOMPARE(eventsNamed(root, QStringLiteral("i"), QStringLiteral("put queue (Queue)")).size(), 1);
    QCOMPARE(eventsNamed(root, QStringLiteral("i"), QStringLiteral("get queue (Queue)")).size(), 1);
    int outputs = 0;
    for (const QJsonObject &e : eventsNamed(root, QStringLiteral("i"))) {
        const QString cat = e.value(QLatin1StringView("cat")).toString();
        outputs += cat == QLatin1StringView("stdout") || cat == QLatin1StringView("stderr");
    }
    QCOMPARE(outputs, 2);
    QCOMPARE(eventsNamed(root, QStringLiteral("i"), QStringLiteral("error: something broke")).size(), 1);
    QCOMPARE(eventsNamed(root, QStringLiteral("i"), QStringLiteral("killed")).size(), 1);
}

void TestExports::traceCapsOutputAndText()
{
    TraceLimits limits;
    limits.outputInstants = 5;
    limits.textChars = 100;
    const QJsonObject root = QJsonDocument::fromJson(traceOf(richRecord(20), limits)).object();
    const QString problems = traceProblems(root);
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    QList<QJsonObject> lines;
    for (const QJsonObject &e : eventsNamed(root, QStringLiteral("i"))) {
        const QString cat = e.value(QLatin1StringView("cat")).toString();
        if (cat == QLatin1StringView("stdout") || cat == QLatin1StringView("stderr"))
            lines.append(e);
    }
    QCOMPARE(lines.size(), 5);
    // The 5,000-character line: 100 kept, the rest counted.
    const QJsonObject longLine = lines.at(1).value(QLatin1StringView("args")).toObject();
    QCOMPARE(longLine.value(QLatin1StringView("cut")).toInt(), 4900);
    QCOMPARE(longLine.value(QLatin1StringView("text")).toString().size(), 101); // and an ellipsis
    // 22 lines, 5 in the trace: the 17 others said once, and in otherData.
    const QJsonObject other = root.value(QLatin1StringView("otherData")).toObject();
    QCOMPARE(other.value(QLatin1StringView("outputLines")).toInt(), 22);
    QCOMPARE(other.value(QLatin1StringView("outputLinesNotInTrace")).toInt(), 17);
    QCOMPARE(eventsNamed(root, QStringLiteral("i"),
                         QStringLiteral("17 more output lines (not in this trace; the run record has them)"))
                 .size(),
             1);
}

void TestExports::csvRoundTripsTheSummary()
{
    const RunRecord record = richRecord();
    const RunSummary summary = summarize(record);
    const QByteArray bytes = csvOf(&writeProcessCsv, summary);
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF")); // Excel reads UTF-8 only with it
    const std::optional<QList<QStringList>> rows = parseCsv(QString::fromUtf8(bytes.mid(3)));
    QVERIFY(rows);
    QCOMPARE(rows->size(), summary.processes.size() + 1);
    const QStringList header = rows->first();
    const auto cell = [&](int row, const char *column) { return rows->at(row + 1).at(header.indexOf(QLatin1StringView(column))); };
    for (const ProcessSummary &p : summary.processes) {
        QCOMPARE(rows->at(p.id + 1).size(), header.size());
        QCOMPARE(cell(p.id, "role"), p.role);
        QCOMPARE(cell(p.id, "pid"), QString::number(p.pid));
        QCOMPARE(cell(p.id, "state"), stateName(p.state));
        QCOMPARE(cell(p.id, "run_ms").toDouble(), p.runMs());
        QCOMPARE(cell(p.id, "spawn_to_ready_ms").isEmpty(), p.spawnToReadyMs() < 0);
        if (p.spawnToReadyMs() >= 0)
            QCOMPARE(cell(p.id, "spawn_to_ready_ms").toDouble(), p.spawnToReadyMs());
        QCOMPARE(cell(p.id, "stdout_lines").toLongLong(), p.stdoutLines);
        QCOMPARE(cell(p.id, "stderr_lines").toLongLong(), p.stderrLines);
        QCOMPARE(cell(p.id, "exitcode"), p.pythonExitCode() ? QString::number(*p.pythonExitCode()) : QString());
        QCOMPARE(cell(p.id, "detail"), p.detail);
        // CPU and memory: the summary's, from the resource samples; empty where none was taken.
        QCOMPARE(cell(p.id, "cpu_ms").isEmpty(), p.cpuNs < 0);
        if (p.cpuNs >= 0)
            QCOMPARE(cell(p.id, "cpu_ms").toDouble(), p.cpuMs());
        QCOMPARE(cell(p.id, "peak_rss_bytes"), p.peakResidentBytes < 0 ? QString() : QString::number(p.peakResidentBytes));
        const qint64 average = p.averageCpuPermille(summary.endNs);
        QCOMPARE(cell(p.id, "cpu_avg_percent"), average < 0 ? QString() : QString::number(double(average) / 10.0, 'f', 1));
    }
    // The producer's one sample: 87.5 % of a core for the 27 ms since it started; 12 MiB.
    QCOMPARE(cell(1, "cpu_ms"), QStringLiteral("23.625"));
    QCOMPARE(cell(1, "peak_rss_bytes"), QString::number(12 * 1024 * 1024));
    QVERIFY(cell(0, "cpu_ms").isEmpty()); // Main is not sampled
    QCOMPARE(cell(2, "exitcode"), QStringLiteral("-15")); // a number stays a number
    QCOMPARE(cell(2, "exit_signal"), QStringLiteral("SIGTERM"));
}

void TestExports::csvNeutralisesFormulas_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("read"); // what a reader gets back
    QTest::newRow("plain") << QStringLiteral("worker(1)") << QStringLiteral("worker(1)");
    QTest::newRow("formula") << QStringLiteral("=1+1") << QStringLiteral("'=1+1");
    QTest::newRow("hyperlink") << QStringLiteral("=HYPERLINK(\"http://x\",\"y\")")
                               << QStringLiteral("'=HYPERLINK(\"http://x\",\"y\")");
    QTest::newRow("plus") << QStringLiteral("+cmd|' /C calc'!A0") << QStringLiteral("'+cmd|' /C calc'!A0");
    QTest::newRow("minus-formula") << QStringLiteral("-2+3") << QStringLiteral("'-2+3");
    QTest::newRow("at") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
    QTest::newRow("tab") << QStringLiteral("\t=1") << QStringLiteral("'\t=1");
    QTest::newRow("negative-number") << QStringLiteral("-15") << QStringLiteral("-15");
    QTest::newRow("decimal") << QStringLiteral("-0.5e3") << QStringLiteral("-0.5e3");
    QTest::newRow("comma-quote-newline") << QStringLiteral("a, \"b\"\r\nc") << QStringLiteral("a, \"b\"\r\nc");
    QTest::newRow("chinese") << QStringLiteral("进程 1 完成") << QStringLiteral("进程 1 完成");
}

void TestExports::csvNeutralisesFormulas()
{
    QFETCH(QString, text);
    QFETCH(QString, read);
    const std::optional<QList<QStringList>> rows = parseCsv(csvTextCell(text) + QStringLiteral(",x\r\n"));
    QVERIFY(rows);
    QCOMPARE(rows->size(), 1);
    QCOMPARE(rows->first(), (QStringList{read, QStringLiteral("x")}));
}

void TestExports::poolTasksPath_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("tasks");
    QTest::newRow("csv") << QStringLiteral("/tmp/run.csv") << QStringLiteral("/tmp/run-tasks.csv");
    QTest::newRow("no-suffix") << QStringLiteral("out/run") << QStringLiteral("out/run-tasks");
    QTest::newRow("dots") << QStringLiteral("a.b/run.1.csv") << QStringLiteral("a.b/run.1-tasks.csv");
    QTest::newRow("hidden") << QStringLiteral(".csv") << QStringLiteral(".csv-tasks");
}

void TestExports::poolTasksPath()
{
    QFETCH(QString, path);
    QFETCH(QString, tasks);
    QCOMPARE(poolTasksCsvPath(path), tasks);
}

void TestExports::cliUsageErrors_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("message");
    QTest::newRow("trace-no-name") << QStringList{QStringLiteral("--trace")} << QStringLiteral("--trace needs a file name");
    QTest::newRow("csv-option") << QStringList{QStringLiteral("--csv"), QStringLiteral("--summary")}
                                << QStringLiteral("--csv needs a file name, not the option '--summary'");
    QTest::newRow("same-file") << QStringList{QStringLiteral("--json"), QStringLiteral("x.json"), QStringLiteral("--trace"),
                                              QStringLiteral("./x.json")}
                               << QStringLiteral("--json and --trace name the same file: ./x.json");
    QTest::newRow("missing-dir") << QStringList{QStringLiteral("--csv"), QStringLiteral("missing/run.csv")}
                                 << QStringLiteral("--csv: cannot write missing/run.csv: the directory");
    QTest::newRow("a-directory") << QStringList{QStringLiteral("--trace"), QStringLiteral(".")}
                                 << QStringLiteral("--trace: cannot write .: it is a directory");
    QTest::newRow("twice") << QStringList{QStringLiteral("--csv"), QStringLiteral("a.csv"), QStringLiteral("--csv"),
                                          QStringLiteral("b.csv")}
                           << QStringLiteral("--csv given more than once");
}

void TestExports::cliUsageErrors()
{
    QFETCH(QStringList, options);
    QFETCH(QString, message);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const CliResult r = runCli(QStringList{QStringLiteral("run"), QStringLiteral("process")} + options, 120000, dir.path());
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    // Nothing ran, nothing was written.
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());
}

void TestExports::cliRunWritesExports_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("pool");
    QTest::newRow("process") << QStringList{QStringLiteral("process"), QStringLiteral("--sleep"), QStringLiteral("0.1")} << false;
    QTest::newRow("queue") << QStringList{QStringLiteral("queue")} << false;
    QTest::newRow("pool") << QStringList{QStringLiteral("pool"), QStringLiteral("--sleep"), QStringLiteral("0.1")} << true;
}

void TestExports::cliRunWritesExports()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, pool);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const CliResult r = runCli(QStringList{QStringLiteral("run")} + arguments
                                   + QStringList{QStringLiteral("--json"), QStringLiteral("run.json"), QStringLiteral("--trace"),
                                                 QStringLiteral("trace.json"), QStringLiteral("--csv"), QStringLiteral("run.csv")},
                               120000, dir.path());
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));

    // The trace follows the format; a queue run has its depth as a counter.
    const QByteArray traceBytes = readFile(dir.filePath(QStringLiteral("trace.json")));
    QJsonParseError error;
    const QJsonObject trace = QJsonDocument::fromJson(traceBytes, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QString problems = traceProblems(trace);
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    if (arguments.first() == QLatin1StringView("queue"))
        QVERIFY(!eventsNamed(trace, QStringLiteral("C"), QStringLiteral("queue (Queue)")).isEmpty());
    if (pool) {
        int tasks = 0;
        for (const QJsonObject &e : eventsNamed(trace, QStringLiteral("X")))
            tasks += e.value(QLatin1StringView("cat")).toString() == QLatin1StringView("pool-task");
        QVERIFY(tasks > 0);
    }

    // The CSV has the rows of the record's summary (the record written by the same run).
    const QJsonObject record = QJsonDocument::fromJson(readFile(dir.filePath(QStringLiteral("run.json")))).object();
    const QJsonArray processes = record.value(QLatin1StringView("processes")).toArray();
    const std::optional<QList<QStringList>> rows
        = parseCsv(QString::fromUtf8(readFile(dir.filePath(QStringLiteral("run.csv"))).mid(3)));
    QVERIFY(rows);
    QCOMPARE(rows->size(), processes.size() + 1);
    for (qsizetype i = 0; i < processes.size(); ++i) {
        const QJsonObject p = processes.at(i).toObject();
        QCOMPARE(rows->at(i + 1).at(1), p.value(QLatin1StringView("role")).toString());
        QCOMPARE(rows->at(i + 1).at(2).toLongLong(), p.value(QLatin1StringView("pid")).toInteger());
        QCOMPARE(rows->at(i + 1).at(5).toDouble(), std::round(p.value(QLatin1StringView("runMs")).toDouble() * 1000) / 1000);
    }
    // A pool's tasks next to it, as many as the record's task table; none without a pool.
    const QString tasksPath = dir.filePath(QStringLiteral("run-tasks.csv"));
    QCOMPARE(QFile::exists(tasksPath), pool);
    if (pool) {
        const std::optional<QList<QStringList>> taskRows = parseCsv(QString::fromUtf8(readFile(tasksPath).mid(3)));
        QVERIFY(taskRows);
        const QJsonArray tasks = record.value(QLatin1StringView("pools")).toArray().first().toObject()
                                     .value(QLatin1StringView("tasks")).toArray();
        QCOMPARE(taskRows->size(), tasks.size() + 1);
        for (qsizetype i = 0; i < tasks.size(); ++i) {
            QCOMPARE(taskRows->at(i + 1).at(11), tasks.at(i).toObject().value(QLatin1StringView("call")).toString());
            QCOMPARE(taskRows->at(i + 1).at(6), tasks.at(i).toObject().value(QLatin1StringView("state")).toString());
        }
    }

    // `export` of the saved record writes the very files the run wrote, byte for byte.
    const CliResult exported
        = runCli({QStringLiteral("export"), QStringLiteral("run.json"), QStringLiteral("--trace"), QStringLiteral("again-trace.json"),
                  QStringLiteral("--csv"), QStringLiteral("again.csv"), QStringLiteral("--json"), QStringLiteral("again.json")},
                 120000, dir.path());
    QVERIFY2(exported.exitCode == 0 && exported.err.isEmpty(), qPrintable(exported.err));
    QCOMPARE(readFile(dir.filePath(QStringLiteral("again-trace.json"))), traceBytes);
    QCOMPARE(readFile(dir.filePath(QStringLiteral("again.csv"))), readFile(dir.filePath(QStringLiteral("run.csv"))));
    QCOMPARE(readFile(dir.filePath(QStringLiteral("again.json"))), readFile(dir.filePath(QStringLiteral("run.json"))));
    QCOMPARE(QFile::exists(dir.filePath(QStringLiteral("again-tasks.csv"))), pool);
    if (pool)
        QCOMPARE(readFile(dir.filePath(QStringLiteral("again-tasks.csv"))), readFile(tasksPath));

    // Python's json module reads the trace too (what other tools use).
    const QString python = resolvePython();
    if (python.isEmpty())
        QSKIP("python3 is not installed on this machine");
    QProcess check;
    check.setProcessEnvironment(pythonEnvironment());
    check.start(python, {QStringLiteral("-c"),
                         QStringLiteral("import json,sys; d=json.load(open(sys.argv[1], encoding='utf-8')); "
                                        "print(len(d['traceEvents']))"),
                         dir.filePath(QStringLiteral("trace.json"))});
    QVERIFY(check.waitForFinished(120000));
    QCOMPARE(check.exitCode(), 0);
    QCOMPARE(QString::fromUtf8(check.readAllStandardOutput()).trimmed().toInt(),
             trace.value(QLatin1StringView("traceEvents")).toArray().size());
}

void TestExports::cliExportErrors_data()
{
    QTest::addColumn<QString>("record"); // what run.json holds: good, garbage, truncated, newer, empty, none
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QString exportCommand = QStringLiteral("export");
    const QString run = QStringLiteral("run.json");
    const QString trace = QStringLiteral("--trace");
    const QString csv = QStringLiteral("--csv");
    const QString good = QStringLiteral("good");
    // Usage errors: exit 2, before the record is read.
    QTest::newRow("no-record") << good << QStringList{exportCommand, trace, QStringLiteral("t.json")} << 2
                               << QStringLiteral("processlab-cli: export: name the run record to read");
    QTest::newRow("no-output") << good << QStringList{exportCommand, run} << 2
                               << QStringLiteral("export: name what to write: --trace FILE, --csv FILE or --json FILE");
    QTest::newRow("no-file-name") << good << QStringList{exportCommand, run, trace} << 2
                                  << QStringLiteral("--trace needs a file name");
    QTest::newRow("option-as-name") << good << QStringList{exportCommand, run, csv, trace, QStringLiteral("t.json")} << 2
                                    << QStringLiteral("--csv needs a file name, not the option '--trace'");
    QTest::newRow("unknown-option") << good << QStringList{exportCommand, run, QStringLiteral("--svg"), QStringLiteral("t.svg")} << 2
                                    << QStringLiteral("export: unknown option --svg (options: --json FILE, --trace FILE, --csv FILE)");
    QTest::newRow("two-records") << good << QStringList{exportCommand, run, QStringLiteral("b.json"), csv, QStringLiteral("c.csv")}
                                 << 2 << QStringLiteral("export: unexpected argument 'b.json'");
    QTest::newRow("twice") << good << QStringList{exportCommand, run, csv, QStringLiteral("a.csv"), csv, QStringLiteral("b.csv")} << 2
                           << QStringLiteral("--csv given more than once");
    QTest::newRow("same-file") << good << QStringList{exportCommand, run, trace, QStringLiteral("x"), csv, QStringLiteral("./x")}
                               << 2 << QStringLiteral("--trace and --csv name the same file: ./x");
    QTest::newRow("over-the-record") << good << QStringList{exportCommand, run, QStringLiteral("--json"), QStringLiteral("./run.json")}
                                     << 2 << QStringLiteral("export: --json names the record it reads (run.json)");
    QTest::newRow("missing-dir") << good << QStringList{exportCommand, run, csv, QStringLiteral("missing/run.csv")} << 2
                                 << QStringLiteral("--csv: cannot write missing/run.csv: the directory");
    // A record that cannot be read: the reader's message, exit 1, nothing written.
    QTest::newRow("no-such-record") << QStringLiteral("none") << QStringList{exportCommand, run, trace, QStringLiteral("t.json")}
                                    << 1 << QStringLiteral("processlab-cli: Cannot read run.json: ");
    QTest::newRow("a-directory") << good << QStringList{exportCommand, QStringLiteral("."), trace, QStringLiteral("t.json")} << 1
                                 << QStringLiteral("Cannot read .: it is a directory");
    QTest::newRow("empty") << QStringLiteral("empty") << QStringList{exportCommand, run, trace, QStringLiteral("t.json")} << 1
                           << QStringLiteral("Cannot read run.json: the file is empty");
    QTest::newRow("not-a-record") << QStringLiteral("garbage") << QStringList{exportCommand, run, csv, QStringLiteral("t.csv")}
                                  << 1 << QStringLiteral("Cannot read run.json: not a ProcessLab run record");
    QTest::newRow("truncated") << QStringLiteral("truncated")
                               << QStringList{exportCommand, run, trace, QStringLiteral("t.json"), csv, QStringLiteral("t.csv")} << 1
                               << QStringLiteral("it is truncated");
    QTest::newRow("newer") << QStringLiteral("newer") << QStringList{exportCommand, run, QStringLiteral("--json"), QStringLiteral("t.json")}
                           << 1 << QStringLiteral("made by a newer ProcessLab: schema 99");
}

// Each bad invocation: exactly one line on stderr, its exit code, and no file written (the
// record itself unchanged).
void TestExports::cliExportErrors()
{
    QFETCH(QString, record);
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QBuffer json;
    json.open(QIODevice::WriteOnly);
    QString error;
    QVERIFY2(writeRunRecordJson(richRecord(), &json, &error), qPrintable(error));
    QByteArray bytes = json.data();
    if (record == QLatin1StringView("garbage"))
        bytes = "hello, world\n";
    else if (record == QLatin1StringView("truncated"))
        bytes.truncate(bytes.size() / 2);
    else if (record == QLatin1StringView("empty"))
        bytes.clear();
    else if (record == QLatin1StringView("newer"))
        bytes = QString::fromUtf8(bytes).replace(QRegularExpression(QStringLiteral("\"version\": *[0-9]+")),
                                                 QStringLiteral("\"version\": 99")).toUtf8();
    if (record == QLatin1StringView("newer"))
        QVERIFY(bytes.contains("\"version\": 99"));
    const QString recordPath = dir.filePath(QStringLiteral("run.json"));
    if (record != QLatin1StringView("none")) {
        QFile file(recordPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(bytes), bytes.size());
    }
    const QStringList before = QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);

    const CliResult r = runCli(arguments, 120000, dir.path());
    QCOMPARE(r.exitCode, exitCode);
    QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), before);
    if (record != QLatin1StringView("none"))
        QCOMPARE(readFile(recordPath), bytes);
}

QTEST_GUILESS_MAIN(TestExports)
#include "tst_exports.moc"
