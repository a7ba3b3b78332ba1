// SPDX-License-Identifier: MIT
// PythonRun: real Python scripts run through ProcessLab's bootstrap, each Python process
// recorded as a process of the run (docs/python-runner.md).
#include "pythonruntestsupport.h"
#include "pythontestsupport.h"
#include "runtime/pythonrun.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#endif

using namespace ProcessLab;

namespace {

constexpr int runTimeoutMs = 120000; // a sanity limit on a busy machine, not a measurement

struct ProcessView
{
    QString name;
    qint64 pid = 0;
    ProcessState state = ProcessState::Created;
    int exitCode = -1;
    int exitSignal = 0;
    bool hasExitStatus = false;
    QStringList stdoutLines;
    QStringList stderrLines;
};

// The record, folded per process (id -> what happened to it).
QMap<int, ProcessView> processes(const RunRecord &record)
{
    QMap<int, ProcessView> result;
    for (const RunEvent &event : record.events()) {
        if (event.process < 0)
            continue;
        ProcessView &view = result[event.process];
        switch (event.kind) {
        case EventKind::ProcessCreated: view.name = event.text; break;
        case EventKind::StateChanged:
            view.state = event.state;
            if (event.pid > 0)
                view.pid = event.pid;
            if (isEndState(event.state)) {
                view.exitCode = event.exitCode;
                view.exitSignal = event.exitSignal;
                view.hasExitStatus = event.hasExitStatus;
            }
            break;
        case EventKind::Output:
            (event.stream == OutputStream::StdOut ? view.stdoutLines : view.stderrLines).append(event.text);
            break;
        default: break;
        }
    }
    return result;
}

} // namespace

class TestPythonRun : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void tutorialListing_data();
    void tutorialListing();
    void namesAndPidsAsPythonReports();
    void exitCodes();
    void syntaxError();
    void stopEndsTheTree();
    void strangerWithoutTokenRefused();

private:
    void verifyNoProcessLeft(const QMap<int, ProcessView> &views);

    QString m_python;
    QTemporaryDir m_dir;
};

void TestPythonRun::initTestCase()
{
    m_python = TestSupport::resolvePython();
    if (m_python.isEmpty())
        QSKIP("python3 is not installed on this machine");
#ifndef Q_OS_UNIX
    QSKIP("the Python runner connects over Unix sockets only so far, not on this platform");
#endif
    QVERIFY(m_dir.isValid());
}

void TestPythonRun::verifyNoProcessLeft(const QMap<int, ProcessView> &views)
{
    for (const ProcessView &view : views) {
        QVERIFY(view.pid > 0);
        QTRY_VERIFY2_WITH_TIMEOUT(TestSupport::processIsGone(view.pid), qPrintable(view.name), 10000);
    }
}

void TestPythonRun::tutorialListing_data()
{
    QTest::addColumn<QString>("startMethod");
    QTest::newRow("default (fork)") << QString();
    QTest::newRow("spawn") << QStringLiteral("spawn");
    QTest::newRow("forkserver") << QStringLiteral("forkserver");
}

// 示例1 as the tutorial prints it: each process's lines in its own process.
void TestPythonRun::tutorialListing()
{
    QFETCH(QString, startMethod);
    QFile listing(QStringLiteral(":/examples/process.py"));
    QVERIFY(listing.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(listing.readAll());
    if (!startMethod.isEmpty()) {
        const QString guard = QStringLiteral("if __name__ == \"__main__\":\n");
        QVERIFY(text.contains(guard));
        text.replace(guard, guard + QStringLiteral("    multiprocessing.set_start_method(\"%1\")\n").arg(startMethod));
    }
    const QString scriptName =
        QStringLiteral("process_%1.py").arg(startMethod.isEmpty() ? QStringLiteral("default") : startMethod);
    const QString script = TestSupport::writeScript(m_dir, scriptName, text);
    QVERIFY(!script.isEmpty());

    const std::unique_ptr<PythonRun> run = TestSupport::runPythonToEnd(m_python, script, runTimeoutMs);
    QCOMPARE(run->status(), PythonRun::Status::Finished);
    QCOMPARE(run->exitCode(), 0);
    const QMap<int, ProcessView> views = processes(run->record());
    QCOMPARE(views.size(), 3);
    QCOMPARE(views[0].name, QStringLiteral("MainProcess"));
    QCOMPARE(views[0].stdoutLines, QStringList{QStringLiteral("All processes finished")});
    QCOMPARE(views[0].state, ProcessState::Finished);
    QVERIFY(views[0].hasExitStatus);
    QCOMPARE(views[0].exitCode, 0);
    QSet<QString> names;
    for (int id : {1, 2}) {
        const ProcessView &view = views[id];
        names.insert(view.name);
        const QString number = view.name.mid(QStringLiteral("Process-").size());
        QCOMPARE(view.stdoutLines, (QStringList{QStringLiteral("Worker %1 started").arg(number),
                                                QStringLiteral("Worker %1 finished").arg(number)}));
        QVERIFY(view.stderrLines.isEmpty());
        QCOMPARE(view.state, ProcessState::Finished);
        QVERIFY(view.hasExitStatus);
        QCOMPARE(view.exitCode, 0);
    }
    QCOMPARE(names, (QSet<QString>{QStringLiteral("Process-1"), QStringLiteral("Process-2")}));
    QCOMPARE(run->record().events().constLast().kind, EventKind::RunFinished);
    QCOMPARE(run->record().events().constLast().exitCode, 0);
    verifyNoProcessLeft(views);
}

// The record's name and pid of each process are what that process itself reports.
void TestPythonRun::namesAndPidsAsPythonReports()
{
    const QString script = TestSupport::writeScript(m_dir, QStringLiteral("pids.py"), QStringLiteral(
        "import multiprocessing, os\n"
        "def report():\n"
        "    print(multiprocessing.current_process().name, os.getpid())\n"
        "if __name__ == '__main__':\n"
        "    ps = [multiprocessing.Process(target=report, name=n) for n in ('alpha', 'beta')]\n"
        "    ps.append(multiprocessing.Process(target=report))\n"
        "    for p in ps: p.start()\n"
        "    for p in ps: p.join()\n"
        "    report()\n"));
    const std::unique_ptr<PythonRun> run = TestSupport::runPythonToEnd(m_python, script, runTimeoutMs);
    QCOMPARE(run->exitCode(), 0);
    const QMap<int, ProcessView> views = processes(run->record());
    QCOMPARE(views.size(), 4);
    QSet<QString> names;
    for (const ProcessView &view : views) {
        QCOMPARE(view.stdoutLines.size(), 1);
        QCOMPARE(view.stdoutLines.constFirst(), QStringLiteral("%1 %2").arg(view.name).arg(view.pid));
        names.insert(view.name);
    }
    QCOMPARE(names, (QSet<QString>{QStringLiteral("MainProcess"), QStringLiteral("alpha"), QStringLiteral("beta"),
                                   QStringLiteral("Process-3")}));
    verifyNoProcessLeft(views);
}

// Exit codes as Python's Process.exitcode shows them: sys.exit(n), an exception (1, and
// its traceback in that process's stderr), a signal (-9), os._exit().
void TestPythonRun::exitCodes()
{
    const QString script = TestSupport::writeScript(m_dir, QStringLiteral("exits.py"), QStringLiteral(
        "import multiprocessing, os, signal, sys\n"
        "def leave(code): sys.exit(code)\n"
        "def fail(): raise ValueError('boom')\n"
        "def killed(): os.kill(os.getpid(), signal.SIGKILL)\n"
        "def hard(): os._exit(7)\n"
        "if __name__ == '__main__':\n"
        "    ps = [multiprocessing.Process(target=leave, args=(3,), name='leave'),\n"
        "          multiprocessing.Process(target=fail, name='fail'),\n"
        "          multiprocessing.Process(target=killed, name='killed'),\n"
        "          multiprocessing.Process(target=hard, name='hard')]\n"
        "    for p in ps: p.start()\n"
        "    for p in ps: p.join()\n"
        "    print(*[p.exitcode for p in ps])\n"
        "    sys.exit(4)\n"));
    const std::unique_ptr<PythonRun> run = TestSupport::runPythonToEnd(m_python, script, runTimeoutMs);
    QCOMPARE(run->status(), PythonRun::Status::Finished);
    QCOMPARE(run->exitCode(), 4);
    const QMap<int, ProcessView> views = processes(run->record());
    QCOMPARE(views.size(), 5);
    QCOMPARE(views[0].stdoutLines, QStringList{QStringLiteral("3 1 -9 7")});
    QCOMPARE(views[0].exitCode, 4);
    QHash<QString, ProcessView> byName;
    for (const ProcessView &view : views)
        byName.insert(view.name, view);
    QCOMPARE(byName[QStringLiteral("leave")].exitCode, 3);
    QCOMPARE(byName[QStringLiteral("fail")].exitCode, 1);
    QCOMPARE(byName[QStringLiteral("fail")].stderrLines.constLast(), QStringLiteral("ValueError: boom"));
    QCOMPARE(byName[QStringLiteral("fail")].stderrLines.constFirst(), QStringLiteral("Process fail:"));
    QCOMPARE(byName[QStringLiteral("killed")].state, ProcessState::Failed);
    QCOMPARE(byName[QStringLiteral("killed")].exitSignal, 9);
    QCOMPARE(byName[QStringLiteral("hard")].exitCode, 7);
    for (const ProcessView &view : views)
        QVERIFY2(view.hasExitStatus, qPrintable(view.name));
    QCOMPARE(run->record().events().constLast().exitCode, 1); // processes failed
    verifyNoProcessLeft(views);
}

void TestPythonRun::syntaxError()
{
    const QString script =
        TestSupport::writeScript(m_dir, QStringLiteral("broken.py"), QStringLiteral("def f(:\n    pass\n"));
    const std::unique_ptr<PythonRun> run = TestSupport::runPythonToEnd(m_python, script, runTimeoutMs);
    QCOMPARE(run->status(), PythonRun::Status::Finished);
    QCOMPARE(run->exitCode(), 1);
    const QMap<int, ProcessView> views = processes(run->record());
    QCOMPARE(views.size(), 1);
    QVERIFY(views[0].stdoutLines.isEmpty());
    // What plain python3 prints for it, in the main process's pane.
    QVERIFY(!views[0].stderrLines.isEmpty());
    QCOMPARE(views[0].stderrLines.constFirst(), QStringLiteral("  File \"%1\", line 1").arg(script));
    QVERIFY2(views[0].stderrLines.constLast().startsWith(QStringLiteral("SyntaxError: ")),
             qPrintable(views[0].stderrLines.join(QLatin1Char('\n'))));
    QCOMPARE(views[0].state, ProcessState::Failed);
    QCOMPARE(views[0].exitCode, 1);
    verifyNoProcessLeft(views);
}

void TestPythonRun::stopEndsTheTree()
{
    const QString script = TestSupport::writeScript(m_dir, QStringLiteral("forever.py"), QStringLiteral(
        "import multiprocessing, time\n"
        "def spin():\n"
        "    print('spinning', flush=True)\n"
        "    while True: time.sleep(0.05)\n"
        "if __name__ == '__main__':\n"
        "    ps = [multiprocessing.Process(target=spin) for _ in range(3)]\n"
        "    for p in ps: p.start()\n"
        "    for p in ps: p.join()\n"));
    PythonRun run({m_python, script, {}, {}});
    QSignalSpy finished(&run, &PythonRun::finished);
    run.start();
    // Every process runs and has printed.
    QTRY_VERIFY_WITH_TIMEOUT(std::count_if(run.record().events().cbegin(), run.record().events().cend(),
                                           [](const RunEvent &event) { return event.kind == EventKind::Output; })
                                 == 3,
                             runTimeoutMs);
    run.stop();
    QVERIFY(finished.wait(runTimeoutMs) || run.status() == PythonRun::Status::Finished);
    const QMap<int, ProcessView> views = processes(run.record());
    QCOMPARE(views.size(), 4);
    for (const ProcessView &view : views)
        QCOMPARE(view.state, ProcessState::Killed);
    QCOMPARE(views[0].exitSignal, SIGTERM);
    QCOMPARE(run.record().events().constLast().text, QStringLiteral("stopped by the user"));
    verifyNoProcessLeft(views);
}

// A Python client that knows the server's name but not the token is refused and recorded,
// and the run goes on.
void TestPythonRun::strangerWithoutTokenRefused()
{
    const QString script = TestSupport::writeScript(m_dir, QStringLiteral("stranger.py"), QStringLiteral(
        "import os, socket\n"
        "from processlab_boot import frames\n"
        "s = socket.socket(socket.AF_UNIX)\n"
        "s.connect(os.environ['PROCESSLAB_SERVER'])\n"
        "s.sendall(frames.hello(bytes(16), os.getpid(), 1))\n"
        "print('refused' if s.recv(1) == b'' else 'answered')\n"));
    const std::unique_ptr<PythonRun> run = TestSupport::runPythonToEnd(m_python, script, runTimeoutMs);
    QCOMPARE(run->exitCode(), 0);
    const QMap<int, ProcessView> views = processes(run->record());
    QCOMPARE(views.size(), 1);
    QCOMPARE(views[0].stdoutLines, QStringList{QStringLiteral("refused")});
    const auto rejected = std::find_if(run->record().events().cbegin(), run->record().events().cend(),
                                       [](const RunEvent &event) { return event.kind == EventKind::ConnectionRejected; });
    QVERIFY(rejected != run->record().events().cend());
    QVERIFY2(rejected->text.contains(QStringLiteral("wrong run token")), qPrintable(rejected->text));
}

QTEST_GUILESS_MAIN(TestPythonRun)
#include "tst_pythonrun.moc"
