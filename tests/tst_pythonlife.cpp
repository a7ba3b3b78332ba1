// SPDX-License-Identifier: MIT
// PythonRun's life cycle (docs/python-runner.md): the executing line of each process, its CPU
// samples, helper processes, and the robustness rules — many processes, an exception in a
// child, Stop, a killed host — each ending with no process left behind.
#include "pythonruntestsupport.h"
#include "pythontestsupport.h"
#include "runtime/pythonrun.h"

#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#include <sys/types.h>
#include <unistd.h>
#endif

using namespace ProcessLab;

namespace {

constexpr int runTimeoutMs = 180000; // a sanity limit on a busy machine, not a measurement
constexpr int goneTimeoutMs = 20000;

struct ProcessView
{
    QString name;
    bool helper = false;
    qint64 pid = 0;
    ProcessState state = ProcessState::Created;
    int exitCode = -1;
    int exitSignal = 0;
    QStringList stdoutLines;
    QStringList stderrLines;
    QList<int> lines;   // WorkerTrace "line" events, in order
    int samples = 0;    // ResourceSample events
    double cpuMs = 0;   // what the samples add up to (as RunSummaryBuilder folds them)
    qint64 lastSampleNs = 0;
    qint64 startingNs = 0;
};

QMap<int, ProcessView> processes(const RunRecord &record)
{
    QMap<int, ProcessView> result;
    for (const RunEvent &event : record.events()) {
        if (event.process < 0)
            continue;
        ProcessView &view = result[event.process];
        switch (event.kind) {
        case EventKind::ProcessCreated:
            view.name = event.text;
            view.helper = event.count == 1;
            break;
        case EventKind::StateChanged:
            if (event.state == ProcessState::Starting && view.startingNs == 0)
                view.startingNs = event.timeNs;
            view.state = event.state;
            if (event.pid > 0)
                view.pid = event.pid;
            if (isEndState(event.state)) {
                view.exitCode = event.exitCode;
                view.exitSignal = event.exitSignal;
            }
            break;
        case EventKind::Output:
            (event.stream == OutputStream::StdOut ? view.stdoutLines : view.stderrLines).append(event.text);
            break;
        case EventKind::WorkerTrace:
            if (event.text == QLatin1String("line"))
                view.lines.append(event.sourceLine);
            break;
        case EventKind::ResourceSample: {
            const qint64 since = view.lastSampleNs ? view.lastSampleNs : view.startingNs;
            view.cpuMs += double(event.count) * double(event.timeNs - since) / 1e9;
            view.lastSampleNs = event.timeNs;
            ++view.samples;
            break;
        }
        default: break;
        }
    }
    return result;
}

int lineOf(const QString &text, const QString &marker)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        if (lines.at(i).contains(marker))
            return i + 1;
    }
    return 0;
}

} // namespace

class TestPythonLife : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void executingLineOfEachProcess();
    void cpuOfEachProcessIncludingMain();
    void manyProcesses_data();
    void manyProcesses();
    void exceptionInSpawnChild();
    void stopEndsANeverEndingTree();
    void managerIsAHelper();
    void hostKilledTakesTheTreeAlong();

private:
    void verifyNoProcessLeft(const QMap<int, ProcessView> &views);

    QString m_python;
    QTemporaryDir m_dir;
};

void TestPythonLife::initTestCase()
{
    m_python = TestSupport::resolvePython();
    if (m_python.isEmpty())
        QSKIP("python3 is not installed on this machine");
#ifndef Q_OS_UNIX
    QSKIP("these checks use Unix signals and process groups, not on this platform");
#endif
    QVERIFY(m_dir.isValid());
}

// Every process of the record is gone, and so is the main interpreter's process group (every
// multiprocessing child is in it).
void TestPythonLife::verifyNoProcessLeft(const QMap<int, ProcessView> &views)
{
    for (const ProcessView &view : views) {
        QVERIFY2(view.pid > 0, qPrintable(view.name));
        QTRY_VERIFY2_WITH_TIMEOUT(TestSupport::processIsGone(view.pid), qPrintable(view.name), goneTimeoutMs);
    }
#ifdef Q_OS_UNIX
    const qint64 group = views.value(mainProcessId).pid;
    QTRY_VERIFY_WITH_TIMEOUT(::kill(-pid_t(group), 0) == -1 && errno == ESRCH, goneTimeoutMs);
#endif
}

// A child sleeping on a known line and the main interpreter waiting in join() on another: each
// process's WorkerTrace "line" events hold its line of the script.
void TestPythonLife::executingLineOfEachProcess()
{
    const QString text = QStringLiteral(
        "import multiprocessing, os, time\n"
        "def nap(path):\n"
        "    open(path, 'w').close()\n"
        "    while os.path.exists(path):\n"
        "        time.sleep(0.01)  # CHILD-LINE\n"
        "if __name__ == '__main__':\n"
        "    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'napping')\n"
        "    p = multiprocessing.Process(target=nap, args=(path,))\n"
        "    p.start()\n"
        "    while not os.path.exists(path):\n"
        "        time.sleep(0.01)\n"
        "    deadline = time.monotonic() + 120\n"
        "    while time.monotonic() < deadline and not os.path.exists(path + '.seen'):\n"
        "        time.sleep(0.01)  # MAIN-LINE\n"
        "    os.remove(path)\n"
        "    p.join()\n");
    const int childLine = lineOf(text, QStringLiteral("CHILD-LINE"));
    const int mainLine = lineOf(text, QStringLiteral("MAIN-LINE"));
    const QString script = TestSupport::writeScript(m_dir, QStringLiteral("lines.py"), text);
    PythonRun run({m_python, script, {}, {}});
    QSignalSpy finished(&run, &PythonRun::finished);
    run.start();
    // Both processes were seen on their line: then the script may end.
    QTRY_VERIFY_WITH_TIMEOUT(processes(run.record()).value(1).lines.contains(childLine)
                                 && processes(run.record()).value(0).lines.contains(mainLine),
                             runTimeoutMs);
    QFile seen(m_dir.filePath(QStringLiteral("napping.seen")));
    QVERIFY(seen.open(QIODevice::WriteOnly));
    seen.close();
    QVERIFY(finished.wait(runTimeoutMs) || run.status() == PythonRun::Status::Finished);
    QCOMPARE(run.exitCode(), 0);
    const QMap<int, ProcessView> views = processes(run.record());
    QCOMPARE(views.size(), 2);
    for (const ProcessView &view : views) {
        // Throttled: one event per change, every line one of the script's.
        for (qsizetype i = 1; i < view.lines.size(); ++i)
            QVERIFY(view.lines.at(i) != view.lines.at(i - 1));
        for (int line : view.lines)
            QVERIFY2(line >= 1 && line <= 16, qPrintable(QString::number(line)));
    }
    verifyNoProcessLeft(views);
}

// Each Python process, the main interpreter too, is sampled; the samples add up to the CPU
// time the process itself measured (the last sample brings them to its total).
void TestPythonLife::cpuOfEachProcessIncludingMain()
{
    const QString script = TestSupport::writeScript(m_dir, QStringLiteral("cpu.py"), QStringLiteral(
        "import multiprocessing, os, time\n"
        "def burn():\n"
        "    end = time.process_time() + 0.6\n"
        "    while time.process_time() < end:\n"
        "        pass\n"
        "    t = os.times()\n"
        "    print(int((t.user + t.system) * 1000))\n"
        "if __name__ == '__main__':\n"
        "    p = multiprocessing.Process(target=burn)\n"
        "    p.start()\n"
        "    p.join()\n"));
    const std::unique_ptr<PythonRun> run = TestSupport::runPythonToEnd(m_python, script, runTimeoutMs);
    QCOMPARE(run->exitCode(), 0);
    const QMap<int, ProcessView> views = processes(run->record());
    QCOMPARE(views.size(), 2);
    QVERIFY(views[0].samples >= 1);
    QVERIFY(views[1].samples >= 2);
    QCOMPARE(views[1].stdoutLines.size(), 1);
    const double measuredMs = views[1].stdoutLines.constFirst().toDouble();
    QVERIFY2(measuredMs >= 550, qPrintable(views[1].stdoutLines.constFirst()));
    // At least what it measured before its last line; at most that plus its exit (10 ms ticks).
    QVERIFY2(views[1].cpuMs >= measuredMs - 25 && views[1].cpuMs <= measuredMs + 300,
             qPrintable(QStringLiteral("samples %1 ms, measured %2 ms").arg(views[1].cpuMs).arg(measuredMs)));
    verifyNoProcessLeft(views);
}

void TestPythonLife::manyProcesses_data()
{
    QTest::addColumn<QString>("startMethod");
    QTest::newRow("fork") << QStringLiteral("fork");
    QTest::newRow("spawn") << QStringLiteral("spawn");
}

// 32 processes at once: each is a pane with its own line, all end, none is left.
void TestPythonLife::manyProcesses()
{
    QFETCH(QString, startMethod);
    const QString scriptName = QStringLiteral("many_%1.py").arg(startMethod);
    const QString script = TestSupport::writeScript(m_dir, scriptName, QStringLiteral(
        "import multiprocessing\n"
        "def hello(n):\n"
        "    print('child', n)\n"
        "if __name__ == '__main__':\n"
        "    multiprocessing.set_start_method('%1')\n"
        "    ps = [multiprocessing.Process(target=hello, args=(n,), name='c%02d' % n) for n in range(32)]\n"
        "    for p in ps: p.start()\n"
        "    for p in ps: p.join()\n"
        "    print(sum(p.exitcode == 0 for p in ps))\n").arg(startMethod));
    const std::unique_ptr<PythonRun> run = TestSupport::runPythonToEnd(m_python, script, runTimeoutMs);
    QCOMPARE(run->status(), PythonRun::Status::Finished);
    QCOMPARE(run->exitCode(), 0);
    const QMap<int, ProcessView> views = processes(run->record());
    QCOMPARE(views.size(), 33);
    QCOMPARE(views[0].stdoutLines, QStringList{QStringLiteral("32")});
    for (auto it = std::next(views.cbegin()); it != views.cend(); ++it) {
        const int number = it->name.mid(1).toInt();
        QCOMPARE(it->stdoutLines, QStringList{QStringLiteral("child %1").arg(number)});
        QCOMPARE(it->state, ProcessState::Finished);
    }
    QCOMPARE(run->record().events().constLast().exitCode, 0);
    verifyNoProcessLeft(views);
}

// A child raising under spawn: exit code 1, its traceback in its own pane's stderr, and the
// main program goes on.
void TestPythonLife::exceptionInSpawnChild()
{
    const QString script = TestSupport::writeScript(m_dir, QStringLiteral("raises.py"), QStringLiteral(
        "import multiprocessing\n"
        "def fail():\n"
        "    raise KeyError('missing')\n"
        "if __name__ == '__main__':\n"
        "    multiprocessing.set_start_method('spawn')\n"
        "    p = multiprocessing.Process(target=fail, name='failing')\n"
        "    p.start()\n"
        "    p.join()\n"
        "    print('main goes on', p.exitcode)\n"));
    const std::unique_ptr<PythonRun> run = TestSupport::runPythonToEnd(m_python, script, runTimeoutMs);
    QCOMPARE(run->status(), PythonRun::Status::Finished);
    QCOMPARE(run->exitCode(), 0);
    const QMap<int, ProcessView> views = processes(run->record());
    QCOMPARE(views.size(), 2);
    QCOMPARE(views[0].stdoutLines, QStringList{QStringLiteral("main goes on 1")});
    QVERIFY(views[0].stderrLines.isEmpty());
    const ProcessView &child = views[1];
    QCOMPARE(child.name, QStringLiteral("failing"));
    QCOMPARE(child.state, ProcessState::Failed);
    QCOMPARE(child.exitCode, 1);
    QVERIFY(child.stdoutLines.isEmpty());
    QCOMPARE(child.stderrLines.constFirst(), QStringLiteral("Process failing:"));
    QVERIFY(child.stderrLines.contains(QStringLiteral("Traceback (most recent call last):")));
    QVERIFY(child.stderrLines.contains(QStringLiteral("    raise KeyError('missing')")));
    QCOMPARE(child.stderrLines.constLast(), QStringLiteral("KeyError: 'missing'"));
    QCOMPARE(run->record().events().constLast().exitCode, 1);
    verifyNoProcessLeft(views);
}

// A tree that never ends (a child in a busy loop, one asleep, the main waiting): Stop ends it.
void TestPythonLife::stopEndsANeverEndingTree()
{
    const QString script = TestSupport::writeScript(m_dir, QStringLiteral("never.py"), QStringLiteral(
        "import multiprocessing, time\n"
        "def busy():\n"
        "    print('busy', flush=True)\n"
        "    while True: pass\n"
        "def asleep():\n"
        "    print('asleep', flush=True)\n"
        "    time.sleep(10**6)\n"
        "if __name__ == '__main__':\n"
        "    multiprocessing.set_start_method('spawn')\n"
        "    ps = [multiprocessing.Process(target=busy), multiprocessing.Process(target=asleep)]\n"
        "    for p in ps: p.start()\n"
        "    for p in ps: p.join()\n"));
    PythonRun run({m_python, script, {}, {}});
    QSignalSpy finished(&run, &PythonRun::finished);
    run.start();
    QTRY_VERIFY_WITH_TIMEOUT(std::count_if(run.record().events().cbegin(), run.record().events().cend(),
                                           [](const RunEvent &event) { return event.kind == EventKind::Output; })
                                 == 2,
                             runTimeoutMs);
    run.stop();
    QVERIFY(finished.wait(runTimeoutMs) || run.status() == PythonRun::Status::Finished);
    const QMap<int, ProcessView> views = processes(run.record());
    QCOMPARE(views.size(), 3);
    for (const ProcessView &view : views)
        QCOMPARE(view.state, ProcessState::Killed);
    verifyNoProcessLeft(views);
}

// A Manager's server process is recorded as a helper (ProcessCreated.count 1); the user's
// processes are not.
void TestPythonLife::managerIsAHelper()
{
    const QString script = TestSupport::writeScript(m_dir, QStringLiteral("manager.py"), QStringLiteral(
        "import multiprocessing\n"
        "def add(shared):\n"
        "    shared.append(2)\n"
        "if __name__ == '__main__':\n"
        "    with multiprocessing.Manager() as manager:\n"
        "        shared = manager.list([1])\n"
        "        p = multiprocessing.Process(target=add, args=(shared,), name='adder')\n"
        "        p.start()\n"
        "        p.join()\n"
        "        print(list(shared))\n"));
    const std::unique_ptr<PythonRun> run = TestSupport::runPythonToEnd(m_python, script, runTimeoutMs);
    QCOMPARE(run->exitCode(), 0);
    const QMap<int, ProcessView> views = processes(run->record());
    QCOMPARE(views.size(), 3);
    QCOMPARE(views[0].stdoutLines, QStringList{QStringLiteral("[1, 2]")});
    QStringList helpers;
    QStringList programs;
    for (const ProcessView &view : views)
        (view.helper ? helpers : programs).append(view.name);
    QCOMPARE(helpers.size(), 1);
    QVERIFY2(helpers.constFirst().startsWith(QStringLiteral("SyncManager-")), qPrintable(helpers.constFirst()));
    programs.sort();
    QCOMPARE(programs, (QStringList{QStringLiteral("MainProcess"), QStringLiteral("adder")}));
    verifyNoProcessLeft(views);
}

// processlab-cli python killed with SIGKILL: the main interpreter dies by PDEATHSIG, each
// child by its closed connection (exit 78). The pids come from the script's own output.
void TestPythonLife::hostKilledTakesTheTreeAlong()
{
#ifndef Q_OS_LINUX
    QSKIP("PR_SET_PDEATHSIG is Linux only; elsewhere the Job Object / connection rules apply");
#else
    const QString script = TestSupport::writeScript(m_dir, QStringLiteral("orphans.py"), QStringLiteral(
        "import multiprocessing, os, time\n"
        "def wait_forever():\n"
        "    print('pid', os.getpid(), flush=True)\n"
        "    time.sleep(10**6)\n"
        "if __name__ == '__main__':\n"
        "    print('pid', os.getpid(), flush=True)\n"
        "    for method in ('fork', 'spawn', 'forkserver'):\n"
        "        multiprocessing.get_context(method).Process(target=wait_forever).start()\n"
        "    time.sleep(10**6)\n"));
    QProcess cli;
    cli.setProcessEnvironment(TestSupport::pythonEnvironment());
    cli.start(QStringLiteral(PROCESSLAB_CLI_PATH),
              {QStringLiteral("python"), QStringLiteral("--python"), m_python, script});
    QVERIFY(cli.waitForStarted(runTimeoutMs));
    QByteArray out;
    QList<qint64> pids;
    const QRegularExpression pidLine(QStringLiteral("^pid (\\d+)$"), QRegularExpression::MultilineOption);
    QTRY_VERIFY_WITH_TIMEOUT((out += cli.readAllStandardOutput(), out.count("pid ") == 4), runTimeoutMs);
    for (auto it = pidLine.globalMatch(QString::fromUtf8(out)); it.hasNext();)
        pids.append(it.next().captured(1).toLongLong());
    QCOMPARE(pids.size(), 4);
    for (qint64 pid : pids)
        QVERIFY(!TestSupport::processIsGone(pid));
    ::kill(pid_t(cli.processId()), SIGKILL);
    QVERIFY(cli.waitForFinished(runTimeoutMs));
    for (qint64 pid : pids)
        QTRY_VERIFY2_WITH_TIMEOUT(TestSupport::processIsGone(pid), qPrintable(QString::number(pid)), goneTimeoutMs);
    // The forkserver and resource tracker end once their last user is gone too.
    QTRY_VERIFY_WITH_TIMEOUT(::kill(-pid_t(pids.constFirst()), 0) == -1 && errno == ESRCH, goneTimeoutMs);
#endif
}

QTEST_GUILESS_MAIN(TestPythonLife)
#include "tst_pythonlife.moc"
