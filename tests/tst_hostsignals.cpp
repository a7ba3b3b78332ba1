// SPDX-License-Identifier: MIT
// The host's lifetime as a terminal and a desktop see it: Ctrl+C to the whole process group,
// SIGTERM to the CLI and to the app, and socket files left by hosts that were killed.
#include "testsupport.h"

#include "runtime/runservername.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <cstring>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#endif

using namespace ProcessLab;
using namespace ProcessLab::TestSupport;

namespace {

QStringList runSocketFiles(const QString &directory)
{
    return QDir(directory).entryList({QStringLiteral("processlab-*")}, QDir::System | QDir::Files | QDir::Hidden);
}

// A host process whose temp directory (and so its run's socket file) is `tempDir`.
void prepareHost(QProcess &process, const QString &tempDir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TMPDIR"), tempDir);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), tempDir + QStringLiteral("/config"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.remove(QStringLiteral("PROCESSLAB_WORKER"));
    process.setProcessEnvironment(env);
}

// Starts `processlab-cli run process` with `workers` workers that sleep 30 s, recording into
// `json`, and waits until every worker has printed its "started" line (collected in `out`).
bool startSleepingCliRun(QProcess &cli, const QString &tempDir, int workers, const QString &json, QByteArray *out)
{
    prepareHost(cli, tempDir);
    cli.start(cliPath(), {QStringLiteral("run"), QStringLiteral("process"), QStringLiteral("--workers=%1").arg(workers),
                          QStringLiteral("--sleep=30"), QStringLiteral("--json"), json});
    if (!cli.waitForStarted()) {
        qWarning("the CLI did not start: %s", qPrintable(cli.errorString()));
        return false;
    }
    if (QTest::qWaitFor([&] {
            out->append(cli.readAllStandardOutput());
            return out->count("started\n") == workers;
        }, 30000))
        return true;
    qWarning("%d \"started\" lines expected, output so far: %s", workers, out->constData());
    return false;
}

#ifdef Q_OS_UNIX
// A socket file bound and abandoned, as a host killed by SIGKILL leaves it.
bool makeAbandonedSocket(const QString &path)
{
    const QByteArray name = QFile::encodeName(path);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (name.size() >= qsizetype(sizeof(address.sun_path)))
        return false;
    std::memcpy(address.sun_path, name.constData(), size_t(name.size()));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0)
        return false;
    const bool bound = ::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof(address)) == 0;
    ::close(fd);
    return bound;
}
#endif

// The pid of a process that has just ended (and was reaped).
qint64 deadPid()
{
    QProcess process;
    process.start(cliPath(), {QStringLiteral("--version")});
    if (!process.waitForStarted(30000))
        return 0;
    const qint64 pid = process.processId(); // 0 once it has finished
    return process.waitForFinished(30000) ? pid : 0;
}

} // namespace

class TestHostSignals : public QObject
{
    Q_OBJECT
private slots:
    void ctrlCInTerminalStopsTheRun();
    void sigtermToCliRemovesSocketFile();
    void sigtermToAppRemovesSocketFile();
    void staleSocketFilesAreSwept();
};

// A terminal sends SIGINT to the whole foreground process group. The workers must not get
// it (their own group): the host's stop runs, they end by its SIGTERM (-15), and the result
// is "interrupted" (130), never "crashed (signal 2)" nor the example's last line.
void TestHostSignals::ctrlCInTerminalStopsTheRun()
{
#ifndef Q_OS_UNIX
    QSKIP("process groups and SIGINT are Unix; Windows uses CREATE_NEW_PROCESS_GROUP");
#else
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString json = dir.filePath(QStringLiteral("run.json"));
    QProcess cli;
    cli.setChildProcessModifier([] { ::setpgid(0, 0); }); // its own group, as a shell's job
    QByteArray out;
    QVERIFY(startSleepingCliRun(cli, dir.path(), 3, json, &out));
    QCOMPARE(::kill(-static_cast<pid_t>(cli.processId()), SIGINT), 0); // the whole group
    QVERIFY(cli.waitForFinished(30000));
    out.append(cli.readAllStandardOutput());
    const QString err = QString::fromUtf8(cli.readAllStandardError());
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
    QCOMPARE(cli.exitCode(), 130);
    QVERIFY2(err.contains(QStringLiteral("interrupted")), qPrintable(err));
    QVERIFY2(!err.contains(QStringLiteral("crashed")), qPrintable(err));
    QVERIFY(!QString::fromUtf8(out).contains(QStringLiteral("All processes finished")));

    QFile file(json);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray processes =
        QJsonDocument::fromJson(file.readAll()).object().value(QLatin1StringView("processes")).toArray();
    QCOMPARE(processes.size(), 4);
    QList<qint64> pids;
    for (int i = 1; i <= 3; ++i) {
        const QJsonObject p = processes.at(i).toObject();
        QCOMPARE(p.value(QLatin1StringView("state")).toString(), QStringLiteral("killed"));
        QCOMPARE(p.value(QLatin1StringView("exitSignal")).toInt(), SIGTERM);
        QCOMPARE(p.value(QLatin1StringView("pythonExitCode")).toInt(), -SIGTERM);
        pids.append(p.value(QLatin1StringView("pid")).toInteger());
    }
    const QJsonObject main = processes.at(0).toObject();
    QCOMPARE(main.value(QLatin1StringView("state")).toString(), QStringLiteral("killed"));
    QVERIFY(main.value(QLatin1StringView("pythonExitCode")).isNull());
    QVERIFY(allGone(pids));
    QCOMPARE(runSocketFiles(dir.path()), QStringList());
#endif
}

void TestHostSignals::sigtermToCliRemovesSocketFile()
{
#ifndef Q_OS_UNIX
    QSKIP("socket files and SIGTERM are Unix; Windows named pipes leave no file");
#else
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcess cli;
    QByteArray out;
    QVERIFY(startSleepingCliRun(cli, dir.path(), 2, dir.filePath(QStringLiteral("run.json")), &out));
    const QStringList files = runSocketFiles(dir.path());
    QCOMPARE(files.size(), 1); // the run's socket lives in TMPDIR: the check below means something
    QVERIFY(files.constFirst().startsWith(QStringLiteral("processlab-%1-").arg(cli.processId())));
    QCOMPARE(::kill(static_cast<pid_t>(cli.processId()), SIGTERM), 0);
    QVERIFY(cli.waitForFinished(30000));
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
    QCOMPARE(cli.exitCode(), 130);
    QCOMPARE(runSocketFiles(dir.path()), QStringList());
#endif
}

// The app has no terminal: SIGTERM (logout, kill) must still end its run cleanly.
void TestHostSignals::sigtermToAppRemovesSocketFile()
{
#if !defined(PROCESSLAB_APP_PATH)
    QSKIP("the desktop app is not built (PROCESSLAB_BUILD_APP=OFF)");
#elif !defined(Q_OS_LINUX)
    QSKIP("socket files and SIGTERM are Unix; listing the app's workers uses /proc on Linux only");
#else
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcess app;
    prepareHost(app, dir.path());
    app.start(QStringLiteral(PROCESSLAB_APP_PATH),
              {QStringLiteral("--example"), QStringLiteral("process"), QStringLiteral("--set"),
               QStringLiteral("sleep=30"), QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--autorun")});
    QVERIFY(app.waitForStarted());
    QVERIFY(QTest::qWaitFor([&] { return childPidsOf(app.processId()).size() == 2; }, 30000));
    const QList<qint64> workers = childPidsOf(app.processId());
    QCOMPARE(runSocketFiles(dir.path()).size(), 1);
    QCOMPARE(::kill(static_cast<pid_t>(app.processId()), SIGTERM), 0);
    QVERIFY(app.waitForFinished(30000));
    QCOMPARE(app.exitStatus(), QProcess::NormalExit); // not killed by the signal
    QCOMPARE(runSocketFiles(dir.path()), QStringList());
    QVERIFY(allGone(workers));
#endif
}

void TestHostSignals::staleSocketFilesAreSwept()
{
#ifndef Q_OS_UNIX
    QSKIP("socket files are Unix; Windows named pipes leave no file");
#else
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const qint64 dead = deadPid();
    QVERIFY(dead > 0);
    QVERIFY(!processAlive(dead));
    const QString stale = makeRunServerName(dead, QStringLiteral("0123456789abcdef"));
    const QString live = makeRunServerName(QCoreApplication::applicationPid(), QStringLiteral("fedcba9876543210"));
    const QString notASocket = makeRunServerName(dead, QStringLiteral("00112233445566ff"));
    QVERIFY(makeAbandonedSocket(dir.filePath(stale)));
    QVERIFY(makeAbandonedSocket(dir.filePath(live)));
    {
        QFile file(dir.filePath(notASocket));
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    QCOMPARE(runSocketFiles(dir.path()).size(), 3);

    // A new host sweeps at its first run: the dead run's socket goes, nothing else does.
    QProcess cli;
    prepareHost(cli, dir.path());
    cli.start(cliPath(), {QStringLiteral("run"), QStringLiteral("process"), QStringLiteral("--sleep=0")});
    QVERIFY(cli.waitForFinished(60000));
    QCOMPARE(cli.exitCode(), 0);
    QStringList expected{live, notASocket};
    expected.sort();
    QStringList left = runSocketFiles(dir.path());
    left.sort();
    QCOMPARE(left, expected);
    QCOMPARE(sweepStaleRunSockets(dir.path()), 0); // what is left is not a dead run's socket
#endif
}

QTEST_GUILESS_MAIN(TestHostSignals)
#include "tst_hostsignals.moc"
