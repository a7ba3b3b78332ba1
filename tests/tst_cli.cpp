// SPDX-License-Identifier: MIT
// processlab-cli as a user runs it: exact stdout, usage errors, summary, JSON, signals.
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <optional>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef Q_OS_LINUX
#include <sys/sysmacros.h>
#endif

using namespace ProcessLab;
using namespace ProcessLab::TestSupport;

namespace {

// A `bench` command that must succeed, say nothing on stderr and print one JSON line: that
// object. *out: what it printed, or why it failed (for failure messages).
std::optional<QJsonObject> benchJson(const QStringList &arguments, QString *out)
{
    const CliResult r = runCli(arguments, 120000);
    *out = r.out;
    if (r.exitCode != 0 || !r.err.isEmpty()) {
        *out = QStringLiteral("exit %1: %2").arg(r.exitCode).arg(r.err);
        return std::nullopt;
    }
    if (!r.out.endsWith(QLatin1Char('\n')) || r.out.count(QLatin1Char('\n')) != 1)
        return std::nullopt;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(r.out.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

// A stand-in for processlab-worker (PROCESSLAB_WORKER): a shell script that floods stdout
// without ever connecting, so the CLI sees exactly the lines it prints.
QString writeFakeWorker(const QTemporaryDir &dir, const QByteArray &body)
{
    const QString path = dir.filePath(QStringLiteral("fake-worker.sh"));
    QFile script(path);
    if (!script.open(QIODevice::WriteOnly))
        return {};
    script.write("#!/bin/sh\n" + body + '\n');
    script.close();
    script.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return path;
}

QProcessEnvironment environmentWithWorker(const QString &worker)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PROCESSLAB_WORKER"), worker);
    return environment;
}

// Waits until the CLI has printed `count` "started" lines: its workers are running.
bool waitForStartedLines(QProcess &cli, QByteArray *out, int count)
{
    return QTest::qWaitFor([&] {
        out->append(cli.readAllStandardOutput());
        return out->count("started\n") == count;
    }, 30000);
}

mode_t fileType(const QString &path)
{
    struct stat info{};
    return ::lstat(QFile::encodeName(path).constData(), &info) == 0 ? (info.st_mode & S_IFMT) : 0;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private slots:
    void list();
    void runProcessPrintsTutorialLines();
    void summaryAndJson();
    void helpPrintsUsage_data();
    void helpPrintsUsage();
    void usageErrors_data();
    void usageErrors();
    void optionForms_data();
    void optionForms();
    void jsonIntoSpecialFile_data();
    void jsonIntoSpecialFile();
    void floodPrintsEveryLine();
    void brokenPipeStopsTheRun();
    void unwritableStdoutFails_data();
    void unwritableStdoutFails();
    void interruptStopsCleanly();
    void jsonNotWritable_data();
    void jsonNotWritable();
    void summaryToUnwritableStderrFails_data();
    void summaryToUnwritableStderrFails();
    void workerThatNeverConnectsFailsTheRun();
    void killedHostTakesWorkersAlong();
    void benchIpcPrintsJson_data();
    void benchIpcPrintsJson();
    void benchPoolPrintsJson_data();
    void benchPoolPrintsJson();
    void showPrintsTheListingThatRuns_data();
    void showPrintsTheListingThatRuns();
    void runWithoutSentinelWaitsUntilInterrupted();
};

void TestCli::list()
{
    const CliResult r = runCli({QStringLiteral("list")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QStringLiteral("process\t")));
    QVERIFY(r.out.contains(QStringLiteral("subclass\t")));
    QVERIFY(r.out.contains(QStringLiteral("示例1")));
}

void TestCli::runProcessPrintsTutorialLines()
{
    const CliResult r = runCli({QStringLiteral("run"), QStringLiteral("process"), QStringLiteral("--sleep"),
                                QStringLiteral("0.3")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.err, QString());
    QStringList lines = r.out.split(QLatin1Char('\n'));
    QCOMPARE(lines.takeLast(), QString()); // ends with a newline
    QCOMPARE(lines.constLast(), QStringLiteral("All processes finished"));
    lines.sort();
    QCOMPARE(lines, (QStringList{QStringLiteral("All processes finished"), QStringLiteral("Worker 1 finished"),
                                 QStringLiteral("Worker 1 started"), QStringLiteral("Worker 2 finished"),
                                 QStringLiteral("Worker 2 started")}));
}

void TestCli::summaryAndJson()
{
    QTemporaryDir dir;
    const QString json = dir.filePath(QStringLiteral("run.json"));
    const CliResult r = runCli({QStringLiteral("run"), QStringLiteral("subclass"), QStringLiteral("--workers=3"),
                                QStringLiteral("--sleep=0.2"), QStringLiteral("--summary"), QStringLiteral("--json"), json});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.count(QLatin1Char('\n')), 7);
    // stderr: header, Main, 3 workers, wall time.
    const QStringList table = r.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(table.size(), 6);
    QVERIFY(table.at(0).startsWith(QStringLiteral("process")));
    QVERIFY(table.at(1).startsWith(QStringLiteral("Main")));
    QVERIFY(table.at(4).startsWith(QStringLiteral("Worker 3")));
    QVERIFY(table.at(4).contains(QStringLiteral(" ms")));
    QVERIFY(table.at(5).startsWith(QStringLiteral("wall time")));

    QFile file(json);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(root.value(QLatin1StringView("example")).toString(), QStringLiteral("subclass"));
    QCOMPARE(root.value(QLatin1StringView("knobs")).toObject().value(QLatin1StringView("workers")).toInt(), 3);
    QCOMPARE(root.value(QLatin1StringView("processes")).toArray().size(), 4);
    QCOMPARE(root.value(QLatin1StringView("exitCode")).toInt(), 0);
}

void TestCli::helpPrintsUsage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("--help") << QStringList{QStringLiteral("--help")};
    QTest::newRow("run --help") << QStringList{QStringLiteral("run"), QStringLiteral("--help")};
    QTest::newRow("run queue --help") << QStringList{QStringLiteral("run"), QStringLiteral("queue"), QStringLiteral("--help")};
    QTest::newRow("export --help") << QStringList{QStringLiteral("export"), QStringLiteral("--help")};
}

// Asking for help is not a usage error: the usage, with every example's options, exit 0.
void TestCli::helpPrintsUsage()
{
    QFETCH(QStringList, arguments);
    const CliResult r = runCli(arguments);
    QCOMPARE(r.exitCode, 0);
    const QString usage = r.out + r.err;
    QVERIFY2(usage.contains(QStringLiteral("Usage:")), qPrintable(usage));
    QVERIFY2(usage.contains(QStringLiteral("--producers 1-16")), qPrintable(usage));
    QVERIFY2(usage.contains(QStringLiteral("--lock / --no-lock")), qPrintable(usage));
    QVERIFY2(usage.contains(QStringLiteral("--work sleep|compute")), qPrintable(usage));
    QVERIFY2(usage.contains(QStringLiteral("processlab-cli export <record.json> [--json FILE] [--trace FILE] [--csv FILE]")),
             qPrintable(usage));
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mustMention");
    const QString run = QStringLiteral("run");
    const QString process = QStringLiteral("process");
    QTest::newRow("no-command") << QStringList{} << QStringLiteral("missing command");
    QTest::newRow("unknown-command") << QStringList{QStringLiteral("fly")} << QStringLiteral("fly");
    QTest::newRow("unknown-id") << QStringList{run, QStringLiteral("nope")} << QStringLiteral("process, subclass");
    QTest::newRow("no-id") << QStringList{run} << QStringLiteral("process, subclass");
    QTest::newRow("workers-0") << QStringList{run, process, QStringLiteral("--workers"), QStringLiteral("0")}
                               << QStringLiteral("--workers: expected a whole number from 1 to 64");
    QTest::newRow("workers-65") << QStringList{run, process, QStringLiteral("--workers=65")}
                                << QStringLiteral("from 1 to 64");
    QTest::newRow("sleep-negative") << QStringList{run, process, QStringLiteral("--sleep"), QStringLiteral("-1")}
                                    << QStringLiteral("--sleep: expected a number from 0 to 60");
    QTest::newRow("sleep-abc") << QStringList{run, process, QStringLiteral("--sleep"), QStringLiteral("abc")}
                               << QStringLiteral("--sleep");
    QTest::newRow("missing-value") << QStringList{run, process, QStringLiteral("--workers")}
                                   << QStringLiteral("--workers needs a value (1-64)");
    QTest::newRow("unknown-option") << QStringList{run, process, QStringLiteral("--items"), QStringLiteral("3")}
                                    << QStringLiteral("unknown option --items");
    // Named as typed: "-w", not "--w".
    QTest::newRow("unknown-short-option") << QStringList{run, process, QStringLiteral("-w"), QStringLiteral("2")}
                                          << QStringLiteral("processlab-cli: unknown option -w for example 'process'");
    QTest::newRow("unknown-option-with-value") << QStringList{run, process, QStringLiteral("--wrokers=2")}
                                               << QStringLiteral("processlab-cli: unknown option --wrokers for example");
    QTest::newRow("stray-argument") << QStringList{run, process, QStringLiteral("extra")} << QStringLiteral("extra");
    QTest::newRow("json-no-file") << QStringList{run, process, QStringLiteral("--json")} << QStringLiteral("--json");
    QTest::newRow("show-json") << QStringList{QStringLiteral("show"), QStringLiteral("pool"), QStringLiteral("--json=x")}
                               << QStringLiteral("unknown option --json for example 'pool'");
    QTest::newRow("show-unknown-id") << QStringList{QStringLiteral("show"), QStringLiteral("nope")}
                                     << QStringLiteral("show: unknown example 'nope'");
    QTest::newRow("show-bad-knob") << QStringList{QStringLiteral("show"), QStringLiteral("pool"), QStringLiteral("--tasks=0")}
                                   << QStringLiteral("--tasks: expected a whole number from 1 to 100000");
    QTest::newRow("json-empty") << QStringList{run, process, QStringLiteral("--json=")} << QStringLiteral("--json");
    QTest::newRow("json-then-summary") << QStringList{run, process, QStringLiteral("--json"), QStringLiteral("--summary")}
                                       << QStringLiteral("--json needs a file name");
    QTest::newRow("summary-with-value") << QStringList{run, process, QStringLiteral("--summary=yes")}
                                        << QStringLiteral("--summary takes no value");
    QTest::newRow("workers-twice") << QStringList{run, process, QStringLiteral("--workers"), QStringLiteral("2"),
                                                  QStringLiteral("--workers=3")}
                                   << QStringLiteral("--workers given more than once");
    QTest::newRow("summary-twice") << QStringList{run, process, QStringLiteral("--summary"), QStringLiteral("--summary")}
                                   << QStringLiteral("--summary given more than once");
    QTest::newRow("json-twice") << QStringList{run, process, QStringLiteral("--json=a.json"), QStringLiteral("--json"),
                                               QStringLiteral("b.json")}
                                << QStringLiteral("--json given more than once");
    QTest::newRow("value-is-an-option") << QStringList{run, process, QStringLiteral("--workers"), QStringLiteral("--sleep"),
                                                       QStringLiteral("1")}
                                        << QStringLiteral("--workers needs a value (1-64)");
    QTest::newRow("joins-unknown") << QStringList{run, process, QStringLiteral("--joins"), QStringLiteral("sideways")}
                                   << QStringLiteral("processlab-cli: --joins: expected one of after-starts, "
                                                     "after-each-start, got 'sideways'");
    QTest::newRow("consumers-start-unknown")
        << QStringList{QStringLiteral("show"), QStringLiteral("queue"), QStringLiteral("--consumers-start=later")}
        << QStringLiteral("--consumers-start: expected one of with-producers, after-join, got 'later'");
    QTest::newRow("sentinel-and-no-sentinel")
        << QStringList{run, QStringLiteral("queue"), QStringLiteral("--sentinel"), QStringLiteral("--no-sentinel")}
        << QStringLiteral("--sentinel given more than once");
    QTest::newRow("joins-on-queue") << QStringList{run, QStringLiteral("queue"), QStringLiteral("--joins=after-each-start")}
                                    << QStringLiteral("joins");
    QTest::newRow("work-unknown") << QStringList{run, process, QStringLiteral("--work"), QStringLiteral("fast")}
                                  << QStringLiteral("processlab-cli: --work: expected one of sleep, compute, got 'fast'");
    QTest::newRow("work-missing") << QStringList{run, QStringLiteral("subclass"), QStringLiteral("--work")}
                                  << QStringLiteral("--work needs a value (sleep|compute)");
    QTest::newRow("work-twice") << QStringList{run, process, QStringLiteral("--work=compute"), QStringLiteral("--work"),
                                               QStringLiteral("sleep")}
                                << QStringLiteral("--work given more than once");
    QTest::newRow("json-missing-directory")
        << QStringList{run, process, QStringLiteral("--json"), QStringLiteral("/nonexistent-processlab-dir/run.json")}
        << QStringLiteral("--json: cannot write /nonexistent-processlab-dir/run.json");
    QTest::newRow("json-a-directory") << QStringList{run, process, QStringLiteral("--json=/")}
                                      << QStringLiteral("--json: cannot write /");
    QTest::newRow("bench-unknown") << QStringList{QStringLiteral("bench"), QStringLiteral("spawn"), QStringLiteral("--fast")}
                                   << QStringLiteral("unknown option --fast");
    QTest::newRow("bench-unknown-short") << QStringList{QStringLiteral("bench"), QStringLiteral("spawn"), QStringLiteral("-x=3")}
                                         << QStringLiteral("bench spawn: unknown option -x (options:");
    QTest::newRow("bench-twice") << QStringList{QStringLiteral("bench"), QStringLiteral("spawn"), QStringLiteral("--repeat"),
                                                QStringLiteral("2"), QStringLiteral("--repeat"), QStringLiteral("3")}
                                 << QStringLiteral("--repeat given more than once");
    QTest::newRow("bench-flag-value") << QStringList{QStringLiteral("bench"), QStringLiteral("spawn"),
                                                     QStringLiteral("--memory=yes")}
                                      << QStringLiteral("--memory takes no value");
    QTest::newRow("bench-range") << QStringList{QStringLiteral("bench"), QStringLiteral("spawn"), QStringLiteral("--workers"),
                                                QStringLiteral("65")}
                                 << QStringLiteral("--workers expects a whole number from 1 to 64");
    const QString bench = QStringLiteral("bench");
    const QString ipc = QStringLiteral("ipc");
    QTest::newRow("bench-none") << QStringList{bench} << QStringLiteral("bench: name a benchmark: spawn, ipc or pool");
    QTest::newRow("bench-ipc-case") << QStringList{bench, ipc, QStringLiteral("--case"), QStringLiteral("queue")}
                                    << QStringLiteral("bench ipc: unknown --case 'queue'; choose one of queue-small, "
                                                      "queue-1k, pipe-oneway, pipe-roundtrip, value-lock");
    QTest::newRow("bench-ipc-case-missing") << QStringList{bench, ipc, QStringLiteral("--case")}
                                            << QStringLiteral("bench ipc: --case needs a value (one of queue-small,");
    QTest::newRow("bench-ipc-ops-low") << QStringList{bench, ipc, QStringLiteral("--ops"), QStringLiteral("99")}
                                       << QStringLiteral("bench ipc: --ops expects a whole number from 100 to 10000000");
    QTest::newRow("bench-ipc-ops-text") << QStringList{bench, ipc, QStringLiteral("--ops=many")}
                                        << QStringLiteral("bench ipc: --ops expects a whole number from 100 to 10000000");
    QTest::newRow("bench-ipc-repeat") << QStringList{bench, ipc, QStringLiteral("--repeat"), QStringLiteral("0")}
                                      << QStringLiteral("bench ipc: --repeat expects a whole number from 1 to 64");
    QTest::newRow("bench-ipc-unknown") << QStringList{bench, ipc, QStringLiteral("--workers"), QStringLiteral("2")}
                                       << QStringLiteral("bench ipc: unknown option --workers (options:");
    QTest::newRow("bench-ipc-twice") << QStringList{bench, ipc, QStringLiteral("--ops=100"), QStringLiteral("--ops=200")}
                                     << QStringLiteral("bench ipc: --ops given more than once");
    const QString pool = QStringLiteral("pool");
    QTest::newRow("bench-pool-case") << QStringList{bench, pool, QStringLiteral("--case"), QStringLiteral("imap")}
                                     << QStringLiteral("bench pool: unknown --case 'imap'; choose one of apply-async, map, startup");
    QTest::newRow("bench-pool-processes") << QStringList{bench, pool, QStringLiteral("--processes"), QStringLiteral("65")}
                                          << QStringLiteral("bench pool: --processes expects a whole number from 1 to 64");
    QTest::newRow("bench-pool-tasks") << QStringList{bench, pool, QStringLiteral("--tasks=0")}
                                      << QStringLiteral("bench pool: --tasks expects a whole number from 1 to 1000000");
    QTest::newRow("bench-pool-tasks-missing") << QStringList{bench, pool, QStringLiteral("--tasks")}
                                              << QStringLiteral("bench pool: --tasks needs a value (a whole number from 1 to 1000000)");
    QTest::newRow("bench-pool-unknown") << QStringList{bench, pool, QStringLiteral("--ops=3")}
                                        << QStringLiteral("bench pool: unknown option --ops (options:");
    QTest::newRow("bench-pool-twice") << QStringList{bench, pool, QStringLiteral("--repeat=1"), QStringLiteral("--repeat=2")}
                                      << QStringLiteral("bench pool: --repeat given more than once");
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mustMention);
    QTemporaryDir cwd;
    QVERIFY(cwd.isValid());
    const CliResult r = runCli(arguments, 60000, cwd.path());
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.out, QString()); // refused before anything ran
    QCOMPARE(r.err.count(QLatin1Char('\n')), 1); // exactly one line
    QVERIFY2(r.err.contains(mustMention), qPrintable(r.err));
    // Nothing written either (no file named "--summary", no half-made JSON).
    QCOMPARE(QDir(cwd.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());
}

void TestCli::optionForms_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("workers");
    QTest::newRow("separate-values") << QStringList{QStringLiteral("--workers"), QStringLiteral("3"),
                                                    QStringLiteral("--sleep"), QStringLiteral("0")}
                                     << 3;
    QTest::newRow("inline-values") << QStringList{QStringLiteral("--workers=1"), QStringLiteral("--sleep=0")} << 1;
    QTest::newRow("single-dash") << QStringList{QStringLiteral("-workers"), QStringLiteral("2"), QStringLiteral("-sleep=0")}
                                 << 2;
    QTest::newRow("json-before-summary") << QStringList{QStringLiteral("--sleep=0"), QStringLiteral("--json"),
                                                        QStringLiteral("run.json"), QStringLiteral("--summary")}
                                         << 2;
}

void TestCli::optionForms()
{
    QFETCH(QStringList, options);
    QFETCH(int, workers);
    QTemporaryDir cwd;
    const CliResult r = runCli(QStringList{QStringLiteral("run"), QStringLiteral("process")} + options, 60000, cwd.path());
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.count(QLatin1Char('\n')), 2 * workers + 1);
    QVERIFY(r.out.endsWith(QStringLiteral("All processes finished\n")));
    if (options.contains(QStringLiteral("--json"))) {
        QVERIFY(r.err.startsWith(QStringLiteral("process"))); // the summary table
        QFile json(QDir(cwd.path()).filePath(QStringLiteral("run.json")));
        QVERIFY(json.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(json.readAll()).object().value(QLatin1StringView("exitCode")).toInt(), 0);
    }
}

void TestCli::jsonIntoSpecialFile_data()
{
    QTest::addColumn<bool>("device");
    QTest::newRow("fifo") << false;
    QTest::newRow("character-device") << true;
}

// A device node or FIFO given to --json is written, not replaced by a regular file.
void TestCli::jsonIntoSpecialFile()
{
    QFETCH(bool, device);
    QTemporaryDir dir;
    const QString path = dir.filePath(device ? QStringLiteral("null") : QStringLiteral("fifo"));
    const QByteArray nativePath = QFile::encodeName(path);
    int reader = -1;
    if (device) {
#ifdef Q_OS_LINUX
        if (::mknod(nativePath.constData(), S_IFCHR | 0666, makedev(1, 3)) != 0) // a copy of /dev/null
            QSKIP("cannot create a character device here (needs root) on Linux");
#else
        QSKIP("device nodes are created with Linux's mknod; not on this platform");
#endif
        const int probe = ::open(nativePath.constData(), O_WRONLY);
        if (probe < 0)
            QSKIP("device nodes cannot be opened in the temporary directory (nodev mount) on Linux");
        ::close(probe);
    } else {
        QCOMPARE(::mkfifo(nativePath.constData(), 0600), 0);
        reader = ::open(nativePath.constData(), O_RDONLY | O_NONBLOCK); // so the CLI's open need not wait
        QVERIFY(reader >= 0);
    }
    const CliResult r = runCli({QStringLiteral("run"), QStringLiteral("process"), QStringLiteral("--sleep=0"),
                                QStringLiteral("--json"), path});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.count(QLatin1Char('\n')), 5);
    QCOMPARE(fileType(path), mode_t(device ? S_IFCHR : S_IFIFO));
    if (reader >= 0) {
        QByteArray received;
        char chunk[4096];
        for (ssize_t n; (n = ::read(reader, chunk, sizeof chunk)) > 0;)
            received.append(chunk, n);
        ::close(reader);
        QCOMPARE(QJsonDocument::fromJson(received).object().value(QLatin1StringView("example")).toString(),
                 QStringLiteral("process"));
    }
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System).size(), 1);
}

// Past the record's cap of 1,000,000 lines, stdout still carries every line, in order, and
// stderr says exactly how many lines the record did not keep.
void TestCli::floodPrintsEveryLine()
{
    constexpr int lines = 1'000'050; // 50 over the cap, and Main's last line on top
    QTemporaryDir dir;
    const QString worker = writeFakeWorker(dir, "exec seq 1 " + QByteArray::number(lines));
    const CliResult r = runCli({QStringLiteral("run"), QStringLiteral("process"), QStringLiteral("--workers=1"),
                                QStringLiteral("--sleep=0")},
                               240000, {}, environmentWithWorker(worker));
    QVERIFY2(r.exitCode == 0 || r.exitCode == 1, qPrintable(r.err)); // the stand-in never connects
    const QStringList out = r.out.split(QLatin1Char('\n'));
    QCOMPARE(out.size(), lines + 2); // + "All processes finished" + the empty rest after the last newline
    for (int i = 0; i < lines; ++i) {
        if (out.at(i) != QString::number(i + 1))
            QFAIL(qPrintable(QStringLiteral("line %1 is '%2'").arg(i + 1).arg(out.at(i))));
    }
    QCOMPARE(out.at(lines), QStringLiteral("All processes finished"));
    QVERIFY2(r.err.contains(QStringLiteral("Worker 1: output lines printed but not recorded: 50 ")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("Main: output lines printed but not recorded: 1 ")), qPrintable(r.err));
}

// The reader of the CLI's stdout goes away mid-run: the CLI says so, stops its workers and
// exits 1 instead of dying of SIGPIPE or running on blind.
void TestCli::brokenPipeStopsTheRun()
{
    QTemporaryDir dir;
    const QString pidFile = dir.filePath(QStringLiteral("worker.pid"));
    const QString worker = writeFakeWorker(dir, "echo $$ > '" + QFile::encodeName(pidFile) + "'\nexec yes flood");
    QProcess cli;
    QProcess reader; // reads 1000 bytes, then exits: the pipe's reading end closes
    cli.setProcessEnvironment(environmentWithWorker(worker));
    cli.setStandardOutputProcess(&reader);
    reader.start(QStringLiteral("head"), {QStringLiteral("-c"), QStringLiteral("1000")});
    cli.start(cliPath(), {QStringLiteral("run"), QStringLiteral("process"), QStringLiteral("--workers=1")});
    QVERIFY(reader.waitForFinished(60000));
    QCOMPARE(reader.readAllStandardOutput().size(), 1000);
    if (!cli.waitForFinished(60000)) {
        cli.kill();
        cli.waitForFinished();
        QFAIL("the CLI kept running after its stdout closed");
    }
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit); // not killed by SIGPIPE
    QCOMPARE(cli.exitCode(), 1);
    const QString err = QString::fromUtf8(cli.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("cannot write to standard output: Broken pipe")), qPrintable(err));
    QFile pid(pidFile);
    QVERIFY(pid.open(QIODevice::ReadOnly));
    QVERIFY(allGone({pid.readAll().trimmed().toLongLong()}, 10000));
}

void TestCli::unwritableStdoutFails_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("closed"); // stdout closed; else /dev/full
    QTest::addColumn<QString>("reason");
    const QStringList run{QStringLiteral("run"), QStringLiteral("process"), QStringLiteral("--sleep=0")};
    const QStringList list{QStringLiteral("list")};
    QTest::newRow("run-dev-full") << run << false << QStringLiteral("No space left on device");
    QTest::newRow("list-dev-full") << list << false << QStringLiteral("No space left on device");
    QTest::newRow("run-closed") << run << true << QStringLiteral("Bad file descriptor");
    QTest::newRow("list-closed") << list << true << QStringLiteral("Bad file descriptor");
}

void TestCli::unwritableStdoutFails()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, closed);
    QFETCH(QString, reason);
    QProcess cli;
    if (closed) {
        cli.setChildProcessModifier([] { ::close(STDOUT_FILENO); });
    } else {
        if (!QFile::exists(QStringLiteral("/dev/full")))
            QSKIP("no /dev/full on this platform");
        cli.setStandardOutputFile(QStringLiteral("/dev/full"), QIODevice::Append);
    }
    cli.start(cliPath(), arguments);
    QVERIFY(cli.waitForFinished(60000));
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
    QCOMPARE(cli.exitCode(), 1);
    const QString err = QString::fromUtf8(cli.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("cannot write to standard output: ") + reason), qPrintable(err));
}


void TestCli::interruptStopsCleanly()
{
    if (!canListChildren)
        QSKIP("listing a process's children is implemented with /proc on Linux only");
    QProcess cli;
    cli.start(cliPath(), {QStringLiteral("run"), QStringLiteral("process"), QStringLiteral("--workers"),
                          QStringLiteral("3"), QStringLiteral("--sleep"), QStringLiteral("30"), QStringLiteral("--summary")});
    QVERIFY(cli.waitForStarted());
    QByteArray out;
    QVERIFY(waitForStartedLines(cli, &out, 3));
    const QList<qint64> workers = childPidsOf(cli.processId());
    QCOMPARE(workers.size(), 3);
    ::kill(static_cast<pid_t>(cli.processId()), SIGINT);
    QVERIFY(cli.waitForFinished(30000));
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
    QCOMPARE(cli.exitCode(), 130);
    out.append(cli.readAllStandardOutput());
    QVERIFY(!QString::fromUtf8(out).contains(QStringLiteral("All processes finished")));
    const QString err = QString::fromUtf8(cli.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("interrupted")), qPrintable(err));
    // The CLI exits 130 and said why: no "exit 1: stopped by the user" line contradicting it.
    QVERIFY2(!err.contains(QStringLiteral("exit 1")), qPrintable(err));
    // The table uses the GUI's word: stopped by the user, not "killed" (that is the JSON id).
    const QStringList lines = err.split(QLatin1Char('\n'));
    for (const QString &role : {QStringLiteral("Main"), QStringLiteral("Worker 1"), QStringLiteral("Worker 3")}) {
        const auto row = std::find_if(lines.cbegin(), lines.cend(),
                                      [&role](const QString &line) { return line.startsWith(role + QLatin1Char(' ')); });
        QVERIFY2(row != lines.cend(), qPrintable(err));
        QVERIFY2(row->split(QLatin1Char(' '), Qt::SkipEmptyParts).contains(QStringLiteral("stopped")), qPrintable(*row));
    }
    QVERIFY2(!err.contains(QStringLiteral("killed")), qPrintable(err));
    QVERIFY(allGone(workers));
}

// --json to a path that exists but cannot be written: the reason is the target's own
// (permission denied), not an error about the temporary file next to it.
void TestCli::jsonNotWritable_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("reason");
    const bool root = ::geteuid() == 0;
    QTest::newRow("read-only-file") << QStringLiteral("read-only-file") << QStringLiteral("Permission denied");
    // The file does not exist: the new file in the directory is what fails (the directory is appended below).
    QTest::newRow("read-only-directory") << QStringLiteral("read-only-directory")
                                         << QStringLiteral("cannot create a new file in ");
    QTest::newRow("proc-sysctl") << QStringLiteral("/proc/sys/kernel/ostype") << QStringLiteral("Permission denied");
    // root may open /proc/version for writing; then the new file QSaveFile needs in /proc is what fails.
    QTest::newRow("proc-version") << QStringLiteral("/proc/version")
                                  << (root ? QStringLiteral("cannot create a new file in /proc: ")
                                           : QStringLiteral("Permission denied"));
}

void TestCli::jsonNotWritable()
{
    QFETCH(QString, kind);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString path = kind;
    QByteArray before;
    if (kind == QLatin1StringView("read-only-file") || kind == QLatin1StringView("read-only-directory")) {
        if (::geteuid() == 0)
            QSKIP("root writes read-only files and directories (the /proc rows cover root)");
        const QString sub = dir.filePath(QStringLiteral("ro"));
        QVERIFY(QDir().mkdir(sub));
        path = sub + QStringLiteral("/run.json");
        if (kind == QLatin1StringView("read-only-directory"))
            reason += sub + QStringLiteral(": ");
        if (kind == QLatin1StringView("read-only-file")) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            before = "keep me\n";
            file.write(before);
            file.close();
            QVERIFY(file.setPermissions(QFileDevice::ReadOwner));
        }
        QVERIFY(QFile::setPermissions(sub, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    } else if (!QFileInfo::exists(path)) {
        QSKIP("no /proc on this platform");
    }
    const CliResult r = runCli({QStringLiteral("run"), QStringLiteral("process"), QStringLiteral("--sleep=0"),
                                QStringLiteral("--json"), path});
    QFile::setPermissions(dir.filePath(QStringLiteral("ro")), QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                                                  | QFileDevice::ExeOwner); // so QTemporaryDir can clean up
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.out, QString()); // refused before the run
    const QString expected = QStringLiteral("processlab-cli: --json: cannot write %1: %2").arg(path, reason);
    QVERIFY2(r.err.startsWith(expected), qPrintable(r.err));
    QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
    if (!before.isNull()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before);
    }
}

// --summary asks for the table on stderr: losing it fails the command like lost stdout.
void TestCli::summaryToUnwritableStderrFails_data()
{
    QTest::addColumn<bool>("summary");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("summary") << true << 1;
    QTest::newRow("no-summary") << false << 0; // nothing requested there: a clean run stays 0
}

void TestCli::summaryToUnwritableStderrFails()
{
    QFETCH(bool, summary);
    QFETCH(int, exitCode);
    if (!QFile::exists(QStringLiteral("/dev/full")))
        QSKIP("no /dev/full on this platform");
    QStringList arguments{QStringLiteral("run"), QStringLiteral("process"), QStringLiteral("--sleep=0")};
    if (summary)
        arguments.append(QStringLiteral("--summary"));
    QProcess cli;
    cli.setStandardErrorFile(QStringLiteral("/dev/full"), QIODevice::Append);
    cli.start(cliPath(), arguments);
    QVERIFY(cli.waitForFinished(60000));
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
    QCOMPARE(cli.exitCode(), exitCode);
    QVERIFY(QString::fromUtf8(cli.readAllStandardOutput()).contains(QStringLiteral("All processes finished")));
}

// PROCESSLAB_WORKER=/bin/true: every "worker" exits 0 without ever connecting. That is a
// failed run, not "All processes finished" with exit 0.
void TestCli::workerThatNeverConnectsFailsTheRun()
{
    if (!QFileInfo::exists(QStringLiteral("/bin/true")))
        QSKIP("needs /bin/true (Unix)");
    QProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PROCESSLAB_WORKER"), QStringLiteral("/bin/true"));
    cli.setProcessEnvironment(env);
    cli.start(cliPath(), {QStringLiteral("run"), QStringLiteral("process"), QStringLiteral("--sleep=0")});
    QVERIFY(cli.waitForFinished(60000));
    const QString err = QString::fromUtf8(cli.readAllStandardError());
    QCOMPARE(cli.exitCode(), 1);
    QVERIFY2(err.contains(QStringLiteral("Worker 1 failed: exited with code 0 without ever connecting to the host")),
             qPrintable(err));
    QVERIFY(err.contains(QStringLiteral("Worker 2 failed")));
}

void TestCli::killedHostTakesWorkersAlong()
{
    if (!canListChildren)
        QSKIP("listing a process's children is implemented with /proc on Linux only");
    QProcess cli;
    cli.start(cliPath(), {QStringLiteral("run"), QStringLiteral("process"), QStringLiteral("--workers"),
                          QStringLiteral("4"), QStringLiteral("--sleep"), QStringLiteral("30")});
    QVERIFY(cli.waitForStarted());
    QByteArray out;
    QVERIFY(waitForStartedLines(cli, &out, 4));
    const QList<qint64> workers = childPidsOf(cli.processId());
    QCOMPARE(workers.size(), 4);
    QVERIFY(killProcess(cli.processId()));
    QVERIFY(cli.waitForFinished(10000));
    QVERIFY2(allGone(workers), "workers must die with the host");
}

void TestCli::benchIpcPrintsJson_data()
{
    QTest::addColumn<QString>("benchCase");
    QTest::addColumn<int>("measuringWorkers"); // workers whose timed operations add up
    for (const char *name : {"queue-small", "queue-1k", "pipe-oneway", "pipe-roundtrip"})
        QTest::newRow(name) << QString::fromLatin1(name) << 1;
    QTest::newRow("value-lock") << QStringLiteral("value-lock") << 2;
}

// A real run of each case with the shipped worker: one JSON line whose rate was measured
// (no timing assertion: the machine may be busy).
void TestCli::benchIpcPrintsJson()
{
    QFETCH(QString, benchCase);
    QFETCH(int, measuringWorkers);
    const qint64 ops = 1000;
    QString out;
    const std::optional<QJsonObject> result = benchJson({QStringLiteral("bench"), QStringLiteral("ipc"), QStringLiteral("--case"),
                                                         benchCase, QStringLiteral("--ops"), QString::number(ops),
                                                         QStringLiteral("--repeat"), QStringLiteral("1")},
                                                        &out);
    QVERIFY2(result, qPrintable(out));
    const QJsonObject &json = *result;
    QCOMPARE(json.value(QLatin1StringView("case")).toString(), benchCase);
    QCOMPARE(json.value(QLatin1StringView("ops")).toInteger(), ops);
    QCOMPARE(json.value(QLatin1StringView("repeat")).toInt(), 1);
    QCOMPARE(json.value(QLatin1StringView("failures")).toInt(-1), 0);
    QVERIFY(json.value(QLatin1StringView("observation")).toBool());
    QVERIFY2(json.value(QLatin1StringView("rate")).toDouble() > 0, qPrintable(out));
    const QJsonArray rates = json.value(QLatin1StringView("rates")).toArray();
    QCOMPARE(rates.size(), 1);
    QCOMPARE(rates.at(0).toDouble(), json.value(QLatin1StringView("rate")).toDouble());
    // The receiver times from its first operation to its last; value-lock times all of each
    // process's increments.
    const qint64 timed = measuringWorkers == 1 ? ops - 1 : measuringWorkers * ops;
    QCOMPARE(json.value(QLatin1StringView("opsTimed")).toArray(), QJsonArray{timed});
    QVERIFY(json.value(QLatin1StringView("seconds")).toArray().at(0).toDouble() > 0);
    QCOMPARE(json.contains(QLatin1StringView("roundTripUs")), benchCase == QLatin1StringView("pipe-roundtrip"));
}

void TestCli::benchPoolPrintsJson_data()
{
    QTest::addColumn<QString>("benchCase");
    QTest::addColumn<int>("processes");
    QTest::addColumn<qint64>("tasks"); // 0: the case has none
    QTest::newRow("apply-async") << QStringLiteral("apply-async") << 2 << qint64(300);
    QTest::newRow("map") << QStringLiteral("map") << 3 << qint64(1000);
    QTest::newRow("startup") << QStringLiteral("startup") << 2 << qint64(0);
}

// A real pool run of each case with the shipped worker: one JSON line with what each round
// measured (no timing assertion: the machine may be busy). The CLI checks every task's result.
void TestCli::benchPoolPrintsJson()
{
    QFETCH(QString, benchCase);
    QFETCH(int, processes);
    QFETCH(qint64, tasks);
    QStringList arguments{QStringLiteral("bench"), QStringLiteral("pool"), QStringLiteral("--case"), benchCase,
                          QStringLiteral("--processes"), QString::number(processes), QStringLiteral("--repeat"),
                          QStringLiteral("2")};
    if (tasks)
        arguments << QStringLiteral("--tasks") << QString::number(tasks);
    QString out;
    const std::optional<QJsonObject> result = benchJson(arguments, &out);
    QVERIFY2(result, qPrintable(out));
    const QJsonObject &json = *result;
    QCOMPARE(json.value(QLatin1StringView("case")).toString(), benchCase);
    QCOMPARE(json.value(QLatin1StringView("processes")).toInt(), processes);
    QCOMPARE(json.value(QLatin1StringView("tasks")).toInteger(), tasks);
    QCOMPARE(json.value(QLatin1StringView("failures")).toInt(-1), 0);
    const QJsonArray ready = json.value(QLatin1StringView("readyMs")).toArray();
    QCOMPARE(ready.size(), 2);
    for (const QJsonValue &ms : ready)
        QVERIFY2(ms.toDouble() > 0, qPrintable(out));
    QCOMPARE(json.contains(QLatin1StringView("rate")), tasks > 0);
    if (tasks) {
        QCOMPARE(json.value(QLatin1StringView("rates")).toArray().size(), 2);
        QVERIFY2(json.value(QLatin1StringView("rate")).toDouble() > 0, qPrintable(out));
        // apply-async: queued, started, finished per task (all within the per-task budget).
        if (benchCase == QLatin1StringView("apply-async"))
            QCOMPARE(json.value(QLatin1StringView("perTaskEvents")).toInteger(), 3 * tasks);
    }
}

void TestCli::showPrintsTheListingThatRuns_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("resource"); // printed byte for byte, or empty
    QTest::addColumn<QStringList>("mustContain");
    QTest::addColumn<QStringList>("mustNotContain");
    const QString show = QStringLiteral("show");
    QTest::newRow("pool defaults: the tutorial's listing")
        << QStringList{show, QStringLiteral("pool")} << QStringLiteral(":/examples/pool.py") << QStringList{} << QStringList{};
    QTest::newRow("queue defaults") << QStringList{show, QStringLiteral("queue")}
                                    << QStringLiteral(":/examples/queue_example.py") << QStringList{} << QStringList{};
    QTest::newRow("pool knobs") << QStringList{show, QStringLiteral("pool"), QStringLiteral("--tasks=3"), QStringLiteral("--sleep=0.5")}
                                << QString()
                                << QStringList{QStringLiteral("    time.sleep(0.5)\n"),
                                               QStringLiteral("    pool.apply_async(worker, (3,))\n")} << QStringList{};
    QTest::newRow("pool C++") << QStringList{show, QStringLiteral("pool"), QStringLiteral("--cpp")}
                              << QStringLiteral(":/examples/pool_behaviours.cpp") << QStringList{} << QStringList{};
    QTest::newRow("process sleep: the tutorial's listing")
        << QStringList{show, QStringLiteral("process"), QStringLiteral("--work=sleep")} << QStringLiteral(":/examples/process.py")
        << QStringList{} << QStringList{};
    QTest::newRow("process compute")
        << QStringList{show, QStringLiteral("process"), QStringLiteral("--work"), QStringLiteral("compute")} << QString()
        << QStringList{QStringLiteral("\ndef busy(seconds):\n"), QStringLiteral("    while time.process_time() < end:\n"),
                       QStringLiteral("\n    busy(2)\n")} << QStringList{};
    QTest::newRow("subclass compute C++")
        << QStringList{show, QStringLiteral("subclass"), QStringLiteral("--work=compute"), QStringLiteral("--cpp")}
        << QStringLiteral(":/examples/basic_behaviours.cpp")
        << QStringList{QStringLiteral("void busy(double seconds)"), QStringLiteral("busy(seconds); // busy(2)")}
        << QStringList{};
    // The trap knobs: the listing that runs says what changed.
    QTest::newRow("process joins after each start")
        << QStringList{show, QStringLiteral("process"), QStringLiteral("--joins"), QStringLiteral("after-each-start")}
        << QString()
        << QStringList{QStringLiteral("    process1.start()\n    process1.join()\n    process2.start()\n    process2.join()\n")}
        << QStringList{QStringLiteral("# 等待进程结束")};
    QTest::newRow("subclass joins after starts: the tutorial's listing")
        << QStringList{show, QStringLiteral("subclass"), QStringLiteral("--joins=after-starts")}
        << QStringLiteral(":/examples/subclass.py") << QStringList{} << QStringList{};
    QTest::newRow("queue with sentinel: the tutorial's listing")
        << QStringList{show, QStringLiteral("queue"), QStringLiteral("--sentinel")} << QStringLiteral(":/examples/queue_example.py")
        << QStringList{} << QStringList{};
    QTest::newRow("queue without sentinel")
        << QStringList{show, QStringLiteral("queue"), QStringLiteral("--no-sentinel")} << QString()
        << QStringList{QStringLiteral("    # 没有放入结束标记 None:消费者进程会一直等待 queue.get(),永远不会结束\n"
                                      "    consumer_process.join()\n")}
        << QStringList{QStringLiteral("queue.put(None)")};
    QTest::newRow("queue consumers after join")
        << QStringList{show, QStringLiteral("queue"), QStringLiteral("--consumers-start"), QStringLiteral("after-join"),
                       QStringLiteral("--maxsize=2")}
        << QString()
        << QStringList{QStringLiteral("    producer_process.join()\n\n    # 启动消费者进程\n    consumer_process.start()\n"),
                       QStringLiteral("    queue.put(None)\n")}
        << QStringList{QStringLiteral("    consumer_process.start()\n\n    # 等待生产者结束\n")};
}

// `show` prints what `run` runs with the same options: the tutorial's file at the defaults.
void TestCli::showPrintsTheListingThatRuns()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, resource);
    QFETCH(QStringList, mustContain);
    QFETCH(QStringList, mustNotContain);
    const CliResult r = runCli(arguments);
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    if (!resource.isEmpty()) {
        QFile file(resource);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(r.out, QString::fromUtf8(file.readAll()));
    }
    for (const QString &text : mustContain)
        QVERIFY2(r.out.contains(text), qPrintable(text));
    for (const QString &text : mustNotContain)
        QVERIFY2(!r.out.contains(text), qPrintable(text));
}

// run queue --no-sentinel: every item produced and consumed, then the consumer waits for a
// None that never comes; Ctrl+C ends it and takes the workers along.
void TestCli::runWithoutSentinelWaitsUntilInterrupted()
{
    if (!canListChildren)
        QSKIP("listing a process's children is implemented with /proc on Linux only");
    QProcess cli;
    QSignalSpy finished(&cli, &QProcess::finished);
    QByteArray out;
    connect(&cli, &QProcess::readyReadStandardOutput, &cli, [&] { out += cli.readAllStandardOutput(); });
    cli.start(cliPath(), {QStringLiteral("run"), QStringLiteral("queue"), QStringLiteral("--no-sentinel")});
    QVERIFY(QTest::qWaitFor([&] { return out.count("Consumed: ") == 5 && out.count("Produced: ") == 5; }, 60000));
    QList<qint64> workers;
    // The producer ends of itself; the consumer stays, waiting in get().
    QVERIFY(QTest::qWaitFor([&] { return (workers = childPidsOf(cli.processId())).size() == 1; }, 30000));
    QCOMPARE(finished.count(), 0);
    ::kill(static_cast<pid_t>(cli.processId()), SIGINT);
    QVERIFY(finished.wait(30000) || finished.count() == 1);
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
    QCOMPARE(cli.exitCode(), 130);
    QVERIFY(!out.contains("All processes finished"));
    QVERIFY(allGone(workers));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
