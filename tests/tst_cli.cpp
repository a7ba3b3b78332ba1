// SPDX-License-Identifier: MIT
// processlab-cli as a user runs it: exact stdout, usage errors, summary, JSON, signals.
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

using namespace ProcessLab;
using namespace ProcessLab::TestSupport;

namespace {

struct CliResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

CliResult runCli(const QStringList &arguments, int timeoutMs = 60000)
{
    QProcess process;
    process.start(cliPath(), arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private slots:
    void list();
    void runProcessPrintsTutorialLines();
    void summaryAndJson();
    void usageErrors_data();
    void usageErrors();
    void interruptStopsCleanly();
    void workerThatNeverConnectsFailsTheRun();
    void killedHostTakesWorkersAlong();
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
    QTest::newRow("stray-argument") << QStringList{run, process, QStringLiteral("extra")} << QStringLiteral("extra");
    QTest::newRow("json-no-file") << QStringList{run, process, QStringLiteral("--json")} << QStringLiteral("--json");
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mustMention);
    const CliResult r = runCli(arguments);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.out, QString());
    QCOMPARE(r.err.count(QLatin1Char('\n')), 1); // exactly one line
    QVERIFY2(r.err.contains(mustMention), qPrintable(r.err));
}

// Waits until the CLI has printed `count` "started" lines: its workers are running.
bool waitForStartedLines(QProcess &cli, QByteArray *out, int count)
{
    return QTest::qWaitFor([&] {
        out->append(cli.readAllStandardOutput());
        return out->count("started\n") == count;
    }, 30000);
}

void TestCli::interruptStopsCleanly()
{
    if (!canListChildren)
        QSKIP("listing a process's children is implemented with /proc on Linux only");
    QProcess cli;
    cli.start(cliPath(), {QStringLiteral("run"), QStringLiteral("process"), QStringLiteral("--workers"),
                          QStringLiteral("3"), QStringLiteral("--sleep"), QStringLiteral("30")});
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
    QVERIFY(QString::fromUtf8(cli.readAllStandardError()).contains(QStringLiteral("interrupted")));
    QVERIFY(allGone(workers));
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

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
