// SPDX-License-Identifier: MIT
// The pool examples end to end through processlab-cli: the tutorial's lines, map equal to the
// serial result, the --summary task table, maxtasksperchild, the injected worker kill (a lost
// task, a replacement, exit 1, nothing left running) and the knobs' usage errors.
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace ProcessLab;
using namespace ProcessLab::TestSupport;

namespace {

struct CliRun
{
    bool finished = false;
    int exitCode = -1;
    QByteArray out;
    QString err;
    qint64 elapsedMs = 0;
};

// Runs the CLI to its end, bounded by timeoutMs (a sanity limit on a busy machine); the
// event loop turns meanwhile, so stdout never fills its pipe.
CliRun runCliTimed(const QStringList &arguments, int timeoutMs = 120000, bool merged = false)
{
    CliRun result;
    QProcess cli;
    if (merged) // stdout and stderr into one pipe, as `2>&1` in a shell: their order shows
        cli.setProcessChannelMode(QProcess::MergedChannels);
    QSignalSpy finished(&cli, &QProcess::finished);
    QElapsedTimer clock;
    clock.start();
    cli.start(cliPath(), arguments);
    result.finished = QTest::qWaitFor([&] {
        result.out += cli.readAllStandardOutput();
        return finished.count() == 1;
    }, timeoutMs);
    result.elapsedMs = clock.elapsed();
    if (!result.finished) {
        cli.kill();
        if (!QTest::qWaitFor([&] { return finished.count() == 1; }, 10000))
            qWarning("processlab-cli did not end after SIGKILL");
        return result;
    }
    result.out += cli.readAllStandardOutput();
    if (!merged)
        result.err = QString::fromUtf8(cli.readAllStandardError());
    result.exitCode = cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -1;
    return result;
}

QStringList lines(const QByteArray &out)
{
    QStringList list = QString::fromUtf8(out).split(QLatin1Char('\n'));
    if (!list.isEmpty() && list.constLast().isEmpty())
        list.removeLast();
    return list;
}

// Python's print of a list of ints, written from the spec: "[0, 1, 4]", "[]".
QByteArray squaresAsPythonPrintsThem(int items)
{
    QByteArray text = "[";
    for (qint64 x = 0; x < items; ++x) {
        if (x)
            text += ", ";
        text += QByteArray::number(x * x);
    }
    return text + "]\n";
}

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

// Every worker process the record names, from the JSON export.
QList<qint64> pidsOf(const QJsonObject &record)
{
    QList<qint64> pids;
    for (const QJsonValue &process : record.value(QLatin1StringView("processes")).toArray()) {
        if (process.toObject().value(QLatin1StringView("id")).toInt() != mainProcessId)
            pids.append(process.toObject().value(QLatin1StringView("pid")).toInteger());
    }
    return pids;
}

QStringList tableRows(const QString &err)
{
    QStringList rows;
    static const QRegularExpression row(QStringLiteral("^\\s*\\d+\\s+\\d+\\s+PoolWorker-\\d+\\s+\\d+\\s+\\w+"));
    for (const QString &line : err.split(QLatin1Char('\n'))) {
        if (row.match(line).hasMatch())
            rows.append(line.simplified());
    }
    return rows;
}

} // namespace

class TestCliPool : public QObject
{
    Q_OBJECT
private slots:
    void poolDefaultsPrintTheTutorialsLines();
    void killedWorkerLosesItsTaskAndTheRunFails_data();
    void killedWorkerLosesItsTaskAndTheRunFails();
    void faultThatNeverFiresIsSaid();
    void mapPrintsTheSerialList_data();
    void mapPrintsTheSerialList();
    void millionItemsPrintOneFullLine();
    void summaryListsTheTasks_data();
    void summaryListsTheTasks();
    void maxtasksperchildOneGivesANewPidPerTask();
    void usageErrors_data();
    void usageErrors();
    void exitReasonComesAfterTheProgramsLastLine();
};

void TestCliPool::poolDefaultsPrintTheTutorialsLines()
{
    const CliRun r = runCliTimed({QStringLiteral("run"), QStringLiteral("pool")});
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.err, QString());
    QStringList out = lines(r.out);
    QCOMPARE(out.constLast(), QStringLiteral("All processes finished"));
    out.sort();
    QCOMPARE(out, (QStringList{QStringLiteral("All processes finished"), QStringLiteral("Worker 1 finished"),
                               QStringLiteral("Worker 1 started"), QStringLiteral("Worker 2 finished"),
                               QStringLiteral("Worker 2 started")}));
    // Both tasks sleep 2 s side by side: about 2 s, never 4 (a generous bound for a busy machine).
    QVERIFY2(r.elapsedMs >= 2000 && r.elapsedMs < 30000, qPrintable(QString::number(r.elapsedMs)));
    qInfo("run pool at its defaults: %lld ms", r.elapsedMs);
}

void TestCliPool::killedWorkerLosesItsTaskAndTheRunFails_data()
{
    QTest::addColumn<int>("afterMs");
    QTest::newRow("while tasks run") << 300;
    // 1 ms: no worker has started a task yet; the first one that does is killed.
    QTest::newRow("before any task ran") << 1;
}

// --kill-worker-after: ProcessLab kills a busy worker; its task is lost (named with PID and
// signal), a replacement runs the rest, join() returns, exit 1 with its reason, no process left.
void TestCliPool::killedWorkerLosesItsTaskAndTheRunFails()
{
#ifndef Q_OS_UNIX
    QSKIP("the lost task names signal 9 (SIGKILL): Unix only");
#else
    QFETCH(int, afterMs);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString json = dir.filePath(QStringLiteral("run.json"));
    constexpr int tasks = 6;
    const CliRun r = runCliTimed({QStringLiteral("run"), QStringLiteral("pool"), QStringLiteral("--tasks"), QString::number(tasks),
                             QStringLiteral("--sleep"), QStringLiteral("1"), QStringLiteral("--kill-worker-after"),
                             QString::number(afterMs), QStringLiteral("--summary"), QStringLiteral("--json"), json});
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 1);
    // Said as ProcessLab's doing, then the loss with task, PID and signal, then the run's reason.
    static const QRegularExpression fault(
        QStringLiteral("fault injected by ProcessLab, not part of the program: killed (PoolWorker-\\d+) \\(pid (\\d+)\\) "
                       "while it ran task (\\d+)"));
    const QRegularExpressionMatch injected = fault.match(r.err);
    QVERIFY2(injected.hasMatch(), qPrintable(r.err));
    const QString role = injected.captured(1);
    const QString pid = injected.captured(2);
    const int lostTask = injected.captured(3).toInt();
    QVERIFY2(r.err.contains(QStringLiteral("pool: task %1 lost: %2 (pid %3) was killed by signal 9").arg(lostTask).arg(role, pid)),
             qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("exit 1: failed: %1").arg(role)), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("pool: %1 tasks: %2 finished, 0 failed, 1 lost").arg(tasks).arg(tasks - 1)),
             qPrintable(r.err));

    // Every other task ran to its end; the lost one started and never finished; join() returned.
    const QStringList out = lines(r.out);
    QCOMPARE(out.constLast(), QStringLiteral("All processes finished"));
    // The lost task's "started" line only if the kill came after its print (its slot shows the
    // task from just before the function runs: a kill at 1 ms may come first).
    const bool lostTaskPrinted = out.contains(QStringLiteral("Worker %1 started").arg(lostTask));
    for (int n = 1; n <= tasks; ++n) {
        QVERIFY2(n == lostTask || out.contains(QStringLiteral("Worker %1 started").arg(n)), qPrintable(QString::number(n)));
        QCOMPARE(out.contains(QStringLiteral("Worker %1 finished").arg(n)), n != lostTask);
    }
    QCOMPARE(out.size(), 2 * tasks - (lostTaskPrinted ? 0 : 1));

    const QJsonObject record = readJson(json);
    const QJsonArray pools = record.value(QLatin1StringView("pools")).toArray();
    QCOMPARE(pools.size(), 1);
    QCOMPARE(pools.at(0).toObject().value(QLatin1StringView("faultsInjected")).toInt(), 1);
    const QList<qint64> pids = pidsOf(record);
    QCOMPARE(pids.size(), 3); // two workers and the replacement
    QVERIFY(pids.contains(pid.toLongLong()));
    QVERIFY(allGone(pids));
#endif
}

// --kill-worker-after longer than the run: stderr says the fault did not fire (one line), the
// JSON record has the event, the run is fine (before, nothing said the kill never came).
void TestCliPool::faultThatNeverFiresIsSaid()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString json = dir.filePath(QStringLiteral("run.json"));
    const CliRun r = runCliTimed({QStringLiteral("run"), QStringLiteral("pool"), QStringLiteral("--tasks"), QStringLiteral("2"),
                             QStringLiteral("--sleep"), QStringLiteral("0"), QStringLiteral("--kill-worker-after"),
                             QStringLiteral("600000"), QStringLiteral("--json"), json});
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(lines(r.err.toUtf8()),
             QStringList{QStringLiteral("processlab-cli: the injected fault did not fire: no task was running after 600000 ms")});
    QCOMPARE(lines(r.out).constLast(), QStringLiteral("All processes finished"));
    const QJsonObject record = readJson(json);
    int notes = 0;
    for (const QJsonValue &value : record.value(QLatin1StringView("events")).toArray()) {
        const QJsonObject event = value.toObject();
        if (event.value(QLatin1StringView("kind")).toString() == QLatin1StringView("pool-worker")
            && event.value(QLatin1StringView("change")).toString() == QLatin1StringView("fault-not-fired")) {
            ++notes;
            QCOMPARE(event.value(QLatin1StringView("afterMs")).toInteger(), 600000);
        }
    }
    QCOMPARE(notes, 1);
    QVERIFY(allGone(pidsOf(record)));
}

void TestCliPool::mapPrintsTheSerialList_data()
{
    QTest::addColumn<int>("items");
    QTest::addColumn<int>("chunksize"); // 0: Python's default rule
    for (const int items : {0, 1, 7, 100000}) {
        for (const int chunksize : {1, 3, 0})
            QTest::addRow("%d-items-chunksize-%d", items, chunksize) << items << chunksize;
    }
}

void TestCliPool::mapPrintsTheSerialList()
{
    QFETCH(int, items);
    QFETCH(int, chunksize);
    QStringList arguments{QStringLiteral("run"), QStringLiteral("pool-map"), QStringLiteral("--items"), QString::number(items)};
    if (chunksize > 0)
        arguments << QStringLiteral("--chunksize") << QString::number(chunksize);
    const CliRun r = runCliTimed(arguments);
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.err, QString());
    QCOMPARE(r.out, squaresAsPythonPrintsThem(items));
}

// The largest map: one line of ~13 MB, printed whole (python3 prints it whole too), soon.
void TestCliPool::millionItemsPrintOneFullLine()
{
    constexpr int items = 1000000;
    const CliRun r = runCliTimed({QStringLiteral("run"), QStringLiteral("pool-map"), QStringLiteral("--items"), QString::number(items)});
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.err, QString());
    QCOMPARE(r.out.count('\n'), 1);
    QCOMPARE(r.out, squaresAsPythonPrintsThem(items));
    QVERIFY2(r.elapsedMs < 60000, qPrintable(QString::number(r.elapsedMs)));
    qInfo("run pool-map --items 1000000: %lld ms", r.elapsedMs);
}

void TestCliPool::summaryListsTheTasks_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QString>("mustMention");
    const auto pool = [](int tasks) {
        return QStringList{QStringLiteral("run"), QStringLiteral("pool"), QStringLiteral("--tasks"), QString::number(tasks),
                           QStringLiteral("--sleep"), QStringLiteral("0"), QStringLiteral("--summary")};
    };
    QTest::newRow("3 tasks") << pool(3) << 3 << QStringLiteral("pool: 3 tasks: 3 finished, 0 failed, 0 lost");
    QTest::newRow("60 tasks: 50 rows") << pool(60) << 50 << QStringLiteral("… 10 more tasks not listed");
    // map of 10 items on 2 processes: Python's chunksize rule gives 2 → 5 chunks of 2 items.
    QTest::newRow("map chunks") << QStringList{QStringLiteral("run"), QStringLiteral("pool-map"), QStringLiteral("--summary")}
                                << 5 << QStringLiteral("pool: 5 tasks: 5 finished, 0 failed, 0 lost");
    QTest::newRow("over the event budget")
        << QStringList{QStringLiteral("run"), QStringLiteral("pool-map"), QStringLiteral("--items"), QStringLiteral("20000"),
                       QStringLiteral("--chunksize"), QStringLiteral("1"), QStringLiteral("--summary")}
        << 0 << QStringLiteral("pool: 20000 tasks (counted, not listed): 20000 done");
}

// The task table of --summary: task, items, worker, PID, state, duration; bounded.
void TestCliPool::summaryListsTheTasks()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, rows);
    QFETCH(QString, mustMention);
    const CliRun r = runCliTimed(arguments);
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains(mustMention), qPrintable(r.err));
    const QStringList table = tableRows(r.err);
    QCOMPARE(table.size(), rows);
    if (rows > 0)
        QVERIFY2(r.err.contains(QRegularExpression(QStringLiteral("\\btask\\s+items\\s+worker\\s+pid\\s+state\\s+duration\\b"))),
                 qPrintable(r.err));
    for (qsizetype i = 0; i < table.size(); ++i) {
        const QStringList cells = table.at(i).split(QLatin1Char(' '));
        QCOMPARE(cells.at(0), QString::number(i + 1)); // in task order
        QCOMPARE(cells.at(4), QStringLiteral("finished"));
        // Short tasks in µs, never "0.0 ms" (formatDurationMs).
        static const QRegularExpression duration(QStringLiteral("(^| )(<1 µs|[1-9]\\d* µs|\\d\\.\\d\\d ms|\\d{2,}\\.\\d ms)$"));
        QVERIFY2(duration.match(table.at(i)).hasMatch(), qPrintable(table.at(i)));
    }
}

void TestCliPool::maxtasksperchildOneGivesANewPidPerTask()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString json = dir.filePath(QStringLiteral("run.json"));
    constexpr int tasks = 5;
    const CliRun r = runCliTimed({QStringLiteral("run"), QStringLiteral("pool"), QStringLiteral("--tasks"), QString::number(tasks),
                             QStringLiteral("--sleep"), QStringLiteral("0"), QStringLiteral("--maxtasksperchild"),
                             QStringLiteral("1"), QStringLiteral("--json"), json});
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(lines(r.out).size(), 2 * tasks + 1);
    const QJsonObject record = readJson(json);
    const QJsonArray taskList =
        record.value(QLatin1StringView("pools")).toArray().at(0).toObject().value(QLatin1StringView("tasks")).toArray();
    QCOMPARE(taskList.size(), tasks);
    QSet<qint64> pids;
    for (const QJsonValue &task : taskList) {
        QCOMPARE(task.toObject().value(QLatin1StringView("state")).toString(), QStringLiteral("finished"));
        pids.insert(task.toObject().value(QLatin1StringView("pid")).toInteger());
    }
    QCOMPARE(pids.size(), tasks);
    QVERIFY(!pids.contains(0));
    QVERIFY(allGone(pidsOf(record)));
}

void TestCliPool::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mustMention");
    const auto pool = [](const char *option, const char *value) {
        return QStringList{QStringLiteral("run"), QStringLiteral("pool"), QLatin1StringView(option), QLatin1StringView(value)};
    };
    const auto map = [](const char *option, const char *value) {
        return QStringList{QStringLiteral("run"), QStringLiteral("pool-map"), QLatin1StringView(option), QLatin1StringView(value)};
    };
    QTest::newRow("processes-0") << pool("--processes", "0") << QStringLiteral("--processes: expected a whole number from 1 to 64");
    QTest::newRow("processes-65") << map("--processes", "65") << QStringLiteral("from 1 to 64");
    QTest::newRow("tasks-0") << pool("--tasks", "0") << QStringLiteral("--tasks: expected a whole number from 1 to 100000");
    QTest::newRow("sleep-61") << pool("--sleep", "61") << QStringLiteral("--sleep: expected a number from 0 to 60");
    QTest::newRow("maxtasksperchild-1001") << pool("--maxtasksperchild", "1001") << QStringLiteral("from 0 to 1000");
    QTest::newRow("kill-negative") << pool("--kill-worker-after", "-1") << QStringLiteral("--kill-worker-after");
    QTest::newRow("kill-too-late") << pool("--kill-worker-after", "600001") << QStringLiteral("from 0 to 600000");
    QTest::newRow("items-too-many") << map("--items", "1000001") << QStringLiteral("--items: expected a whole number from 0 to 1000000");
    QTest::newRow("chunksize-text") << map("--chunksize", "big") << QStringLiteral("--chunksize");
    QTest::newRow("map-has-no-tasks") << map("--tasks", "3") << QStringLiteral("--tasks");
}

void TestCliPool::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mustMention);
    const CliRun r = runCliTimed(arguments, 30000);
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.out, QByteArray());
    QVERIFY2(r.err.contains(mustMention), qPrintable(r.err));
}

// `run pool --kill-worker-after 300 --sleep 0.5 2>&1`: the run's reason is the last line, after
// the program's last output (before, stderr was written at once while stdout waited for its
// flush timer, so "exit 1: ..." came before "All processes finished").
void TestCliPool::exitReasonComesAfterTheProgramsLastLine()
{
#ifndef Q_OS_UNIX
    QSKIP("the injected kill is SIGKILL: Unix only");
#else
    const CliRun r = runCliTimed({QStringLiteral("run"), QStringLiteral("pool"), QStringLiteral("--kill-worker-after"),
                             QStringLiteral("300"), QStringLiteral("--sleep"), QStringLiteral("0.5")},
                            120000, true);
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 1);
    const QStringList all = lines(r.out);
    QVERIFY2(all.size() >= 2, r.out.constData());
    QVERIFY2(all.constLast().startsWith(QStringLiteral("processlab-cli: exit 1: failed: PoolWorker-")), r.out.constData());
    QCOMPARE(all.at(all.size() - 2), QStringLiteral("All processes finished"));
#endif
}

QTEST_GUILESS_MAIN(TestCliPool)
#include "tst_clipool.moc"
