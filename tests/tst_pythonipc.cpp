// SPDX-License-Identifier: MIT
// Shared objects of real Python runs (docs/python-runner.md, "Shared objects"): the tutorial's
// Queue, Pipe, Value/Array and Pool listings run through PythonRun under fork and spawn and
// record the same events a native run records (IpcObjectCreated, IpcOperation, IpcSampling,
// IpcCounters, PoolTask, PoolWorker); PythonIpcRecorder checks every field of what a Python
// process reports.
#include "protocol/monotonicclock.h"
#include "protocol/protocol.h"
#include "pythontestsupport.h"
#include "record/runsummary.h"
#include "runtime/pythonipcrecorder.h"
#include "runtime/pythonrun.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ProcessLab;

Q_DECLARE_METATYPE(ProcessLab::Protocol::Map)

namespace {

constexpr int runTimeoutMs = 240000; // a sanity limit on a busy machine, not a measurement

struct PythonProcess
{
    QString name;
    QStringList lines; // stdout and stderr, in order
};

QMap<int, PythonProcess> processesOf(const RunRecord &record)
{
    QMap<int, PythonProcess> result;
    for (const RunEvent &event : record.events()) {
        if (event.kind == EventKind::ProcessCreated)
            result[event.process].name = event.text;
        else if (event.kind == EventKind::Output)
            result[event.process].lines.append(event.text);
    }
    return result;
}

QList<RunEvent> eventsOf(const RunRecord &record, EventKind kind, int object = 0, int op = 0)
{
    QList<RunEvent> result;
    for (const RunEvent &event : record.events()) {
        if (event.kind == kind && (!object || event.object == object) && (!op || event.op == op))
            result.append(event);
    }
    return result;
}

QStringList textsOf(const QList<RunEvent> &events)
{
    QStringList texts;
    for (const RunEvent &event : events)
        texts.append(event.text);
    return texts;
}

// The object the program calls `name` (its IpcObjectCreated event), or 0.
int objectNamed(const RunRecord &record, const QString &name, IpcObjectKind kind)
{
    for (const RunEvent &event : eventsOf(record, EventKind::IpcObjectCreated)) {
        if (event.text == name && event.op == quint8(kind))
            return event.object;
    }
    return 0;
}

QString processName(const QMap<int, PythonProcess> &processes, int id)
{
    return processes.value(id).name;
}

QStringList strings(std::initializer_list<const char *> texts)
{
    QStringList result;
    for (const char *text : texts)
        result.append(QString::fromUtf8(text));
    return result;
}

Protocol::Map frameBody(std::initializer_list<Protocol::Map::Entry> entries)
{
    return Protocol::Map(entries);
}

} // namespace

class TestPythonIpc : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void listing_data();
    void listing();
    void bigQueueIsSampled();
    void lockedValuePastTheBudget();
    void poolTaskFailsAndIsLost();
    void recorderRefusesMalformedReports_data();
    void recorderRefusesMalformedReports();
    void recorderSurvivesRandomBodies();
    void recorderBudgetAndCounters();
    void recorderCapsObjectsAndErrors();
    void recorderPoolBudget();
    void recorderValueIsTheLatestByTime();
    void recorderPoolStartReadBeforeQueued();

private:
    QString writeScript(const QString &name, const QString &text);
    std::unique_ptr<PythonRun> runToEnd(const QString &script);
    QStringList plainOutput(const QString &script);

    void checkQueue(const RunRecord &record, const QMap<int, PythonProcess> &processes);
    void checkPipe(const RunRecord &record, const QMap<int, PythonProcess> &processes);
    void checkShared(const RunRecord &record, const QMap<int, PythonProcess> &processes);
    void checkPool(const RunRecord &record, const QMap<int, PythonProcess> &processes, const QString &workerPrefix);
    void checkPoolMap(const RunRecord &record, const QMap<int, PythonProcess> &processes, const QString &workerPrefix);

    QString m_python;
    QTemporaryDir m_dir;
};

void TestPythonIpc::initTestCase()
{
    m_python = TestSupport::resolvePython();
#ifndef Q_OS_UNIX
    QSKIP("the Python runner connects over Unix sockets only so far, not on this platform");
#endif
    QVERIFY(m_dir.isValid());
}

QString TestPythonIpc::writeScript(const QString &name, const QString &text)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text.toUtf8()) < 0)
        return {};
    return path;
}

std::unique_ptr<PythonRun> TestPythonIpc::runToEnd(const QString &script)
{
    auto run = std::make_unique<PythonRun>(PythonRun::Options{m_python, script, {}, {}});
    QSignalSpy finished(run.get(), &PythonRun::finished);
    run->start();
    if (run->status() != PythonRun::Status::Finished)
        finished.wait(runTimeoutMs);
    return run;
}

// What `python3 SCRIPT` prints, line by line (test code may wait: it is not the host).
QStringList TestPythonIpc::plainOutput(const QString &script)
{
    QProcess python;
    python.setProcessEnvironment(TestSupport::pythonEnvironment());
    python.setProcessChannelMode(QProcess::MergedChannels);
    python.start(m_python, {script});
    if (!python.waitForFinished(runTimeoutMs))
        return {QStringLiteral("<python did not finish>")};
    return TestSupport::textLines(python.readAll());
}

void TestPythonIpc::listing_data()
{
    QTest::addColumn<QString>("listing");
    QTest::addColumn<QString>("startMethod");
    for (const char *listing : {"queue_example", "pipe", "shared", "pool", "pool-map"}) {
        for (const char *method : {"fork", "spawn"})
            QTest::addRow("%s %s", listing, method) << QString::fromLatin1(listing) << QString::fromLatin1(method);
    }
}

// Each tutorial listing through ProcessLab: every process's pane holds exactly its own lines,
// together what plain python3 prints, and the shared objects' events are the native ones.
void TestPythonIpc::listing()
{
    if (m_python.isEmpty())
        QSKIP("python3 is not installed on this machine");
    QFETCH(QString, listing);
    QFETCH(QString, startMethod);
    QFile source(QStringLiteral(":/examples/%1.py").arg(listing));
    QVERIFY(source.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(source.readAll());
    const QString guard = QStringLiteral("if __name__ == \"__main__\":\n");
    QVERIFY(text.contains(guard));
    text.replace(guard, guard + QStringLiteral("    multiprocessing.set_start_method(\"%1\")\n").arg(startMethod));
    const QString script = writeScript(QStringLiteral("%1_%2.py").arg(listing, startMethod), text);
    QVERIFY(!script.isEmpty());

    const std::unique_ptr<PythonRun> run = runToEnd(script);
    QCOMPARE(run->status(), PythonRun::Status::Finished);
    QCOMPARE(run->exitCode(), 0);
    const RunRecord &record = run->record();
    QCOMPARE(eventsOf(record, EventKind::Error).size(), 0);
    const QMap<int, PythonProcess> processes = processesOf(record);

    // All panes together are what plain python3 prints (order between processes may differ).
    QStringList recorded;
    for (const PythonProcess &process : processes)
        recorded += process.lines;
    QStringList plain = plainOutput(script);
    recorded.sort();
    plain.sort();
    QCOMPARE(recorded, plain);

    const QString workerPrefix = startMethod == QLatin1String("spawn") ? QStringLiteral("SpawnPoolWorker-")
                                                                       : QStringLiteral("ForkPoolWorker-");
    if (listing == QLatin1String("queue_example"))
        checkQueue(record, processes);
    else if (listing == QLatin1String("pipe"))
        checkPipe(record, processes);
    else if (listing == QLatin1String("shared"))
        checkShared(record, processes);
    else if (listing == QLatin1String("pool"))
        checkPool(record, processes, workerPrefix);
    else
        checkPoolMap(record, processes, workerPrefix);

    // The summary folds the same events (the IPC views and exports read it).
    const RunSummary summary = summarize(record);
    if (listing != QLatin1String("pool") && listing != QLatin1String("pool-map"))
        QVERIFY(!summary.objects.isEmpty());
}

void TestPythonIpc::checkQueue(const RunRecord &record, const QMap<int, PythonProcess> &processes)
{
    QCOMPARE(processes.size(), 3);
    QCOMPARE(processes[0].lines, QStringList{QStringLiteral("All processes finished")});
    const int queue = objectNamed(record, QStringLiteral("queue"), IpcObjectKind::Queue);
    QVERIFY(queue > 0);
    // In time order: the host reads each process's socket in turn, so the main program's put
    // may be read before the producer's last ones.
    QList<RunEvent> puts = eventsOf(record, EventKind::IpcOperation, queue, int(Protocol::IpcOp::Put));
    std::stable_sort(puts.begin(), puts.end(), [](const RunEvent &a, const RunEvent &b) { return a.timeNs < b.timeNs; });
    const QList<RunEvent> gets = eventsOf(record, EventKind::IpcOperation, queue, int(Protocol::IpcOp::Get));
    const QStringList items = strings({"0", "1", "2", "3", "4", "None"});
    QCOMPARE(textsOf(puts), items);
    QCOMPARE(textsOf(gets), items);
    int producer = -1;
    int consumer = -1;
    for (int id : processes.keys()) {
        if (processes[id].lines.value(0).startsWith(QLatin1String("Produced")))
            producer = id;
        if (processes[id].lines.value(0).startsWith(QLatin1String("Consumed")))
            consumer = id;
    }
    QVERIFY(producer > 0 && consumer > 0);
    QCOMPARE(processes[producer].name, QStringLiteral("Process-1"));
    QCOMPARE(processes[consumer].name, QStringLiteral("Process-2"));
    QStringList produced;
    QStringList consumed;
    for (int i = 0; i < 5; ++i) {
        produced << QStringLiteral("Produced: %1").arg(i);
        consumed << QStringLiteral("Consumed: %1").arg(i);
    }
    QCOMPARE(processes[producer].lines, produced);
    QCOMPARE(processes[consumer].lines, consumed);
    QHash<qint64, QString> putText;
    for (int i = 0; i < puts.size(); ++i) {
        QCOMPARE(puts[i].process, i < 5 ? producer : 0); // queue.put(None) is the main program's
        putText.insert(puts[i].sequence, puts[i].text);
    }
    QCOMPARE(putText.size(), 6);
    for (const RunEvent &get : gets) {
        QCOMPARE(get.process, consumer);
        QCOMPARE(putText.value(get.sequence), get.text); // the same item's path
        QVERIFY(get.count >= 0);
    }
    QVERIFY(eventsOf(record, EventKind::IpcSampling, queue).isEmpty());
}

void TestPythonIpc::checkPipe(const RunRecord &record, const QMap<int, PythonProcess> &processes)
{
    QCOMPARE(processes.size(), 2);
    QStringList sent;
    QStringList received;
    QStringList messages;
    for (int i = 0; i < 5; ++i) {
        sent << QStringLiteral("Sent: Message %1").arg(i);
        received << QStringLiteral("Received: Message %1").arg(i);
        messages << QStringLiteral("'Message %1'").arg(i);
    }
    QCOMPARE(processes[1].name, QStringLiteral("Process-1"));
    QCOMPARE(processes[1].lines, sent);
    QCOMPARE(processes[0].lines, received + QStringList{QStringLiteral("All processes finished")});
    const int pipe = objectNamed(record, QStringLiteral("parent_conn, child_conn"), IpcObjectKind::Pipe);
    QVERIFY(pipe > 0);
    QCOMPARE(eventsOf(record, EventKind::IpcObjectCreated, pipe).constFirst().count, 1); // duplex
    const QList<RunEvent> sends = eventsOf(record, EventKind::IpcOperation, pipe, int(Protocol::IpcOp::Send));
    const QList<RunEvent> recvs = eventsOf(record, EventKind::IpcOperation, pipe, int(Protocol::IpcOp::Recv));
    QCOMPARE(textsOf(sends), messages + QStringList{QStringLiteral("None")});
    QCOMPARE(textsOf(recvs), messages + QStringList{QStringLiteral("None")});
    for (const RunEvent &send : sends)
        QCOMPARE(send.process, 1);
    for (const RunEvent &recv : recvs)
        QCOMPARE(recv.process, 0);
    const QList<RunEvent> closes = eventsOf(record, EventKind::IpcOperation, pipe, int(Protocol::IpcOp::Close));
    QVERIFY(!closes.isEmpty());
    QCOMPARE(closes.constFirst().process, 1); // conn.close() in the sender
}

void TestPythonIpc::checkShared(const RunRecord &record, const QMap<int, PythonProcess> &processes)
{
    QCOMPARE(processes.size(), 3);
    QCOMPARE(processes[0].lines,
             (QStringList{QStringLiteral("Final value: 2000000"), QStringLiteral("Array: [1, 2]")}));
    for (int id : {1, 2}) {
        const QString number = processes[id].name.mid(QStringLiteral("Process-").size());
        QCOMPARE(processes[id].lines, QStringList{QStringLiteral("Worker %1 finished").arg(number)});
    }
    const int counter = objectNamed(record, QStringLiteral("counter"), IpcObjectKind::Value);
    const int results = objectNamed(record, QStringLiteral("results"), IpcObjectKind::Array);
    QVERIFY(counter > 0 && results > 0);
    QCOMPARE(eventsOf(record, EventKind::IpcObjectCreated, results).constFirst().count, 2);
    // 2 × 1,000,000 × (acquire, write, release): one by one for the budget, then counters.
    QCOMPARE(eventsOf(record, EventKind::IpcOperation, counter).size(), int(PythonIpcRecorder::observationBudget));
    QCOMPARE(eventsOf(record, EventKind::IpcSampling, counter).size(), 1);
    const QList<RunEvent> counters = eventsOf(record, EventKind::IpcCounters, counter);
    QVERIFY(!counters.isEmpty());
    QCOMPARE(counters.constLast().count, 2000000);    // the value
    QCOMPARE(counters.constLast().sequence, 6000000); // acquisitions + writes + releases
    // Each process's own operations: (blocked,) acquire, write, release, ...
    QList<quint8> firstOps;
    const QList<RunEvent> early = eventsOf(record, EventKind::IpcOperation, counter);
    for (const RunEvent &event : early) {
        if (event.process == early.constFirst().process && event.op != quint8(Protocol::IpcOp::Blocked)
            && firstOps.size() < 3)
            firstOps.append(event.op);
    }
    QCOMPARE(firstOps, (QList<quint8>{quint8(Protocol::IpcOp::Acquire), quint8(Protocol::IpcOp::Write),
                                      quint8(Protocol::IpcOp::Release)}));
    const QList<RunEvent> writes = eventsOf(record, EventKind::IpcOperation, results, int(Protocol::IpcOp::Write));
    QCOMPARE(writes.size(), 2);
    for (const RunEvent &write : writes) {
        const QString number = processName(processes, write.process).mid(QStringLiteral("Process-").size());
        QCOMPARE(write.text, number);
        QCOMPARE(write.count, number.toInt() - 1); // the cell index
    }
    const RunSummary summary = summarize(record);
    for (const ObjectSummary &object : summary.objects) {
        if (object.id == counter) {
            QVERIFY(object.sampled);
            QCOMPARE(object.operations(), 6000000);
            QCOMPARE(object.lastCount, 2000000);
        }
    }
}

void TestPythonIpc::checkPool(const RunRecord &record, const QMap<int, PythonProcess> &processes,
                              const QString &workerPrefix)
{
    QCOMPARE(processes.size(), 3);
    QCOMPARE(processes[0].lines, QStringList{QStringLiteral("All processes finished")});
    const QList<RunEvent> queued = eventsOf(record, EventKind::PoolTask, 0, int(PoolTaskPhase::Queued));
    QCOMPARE(textsOf(queued), (QStringList{QStringLiteral("worker(1)"), QStringLiteral("worker(2)")}));
    const int pool = queued.constFirst().object;
    const QList<RunEvent> started = eventsOf(record, EventKind::PoolTask, pool, int(PoolTaskPhase::Started));
    const QList<RunEvent> finished = eventsOf(record, EventKind::PoolTask, pool, int(PoolTaskPhase::Finished));
    QCOMPARE(started.size(), 2);
    QCOMPARE(finished.size(), 2);
    QVERIFY(eventsOf(record, EventKind::PoolTask, pool, int(PoolTaskPhase::Failed)).isEmpty());
    const QList<RunEvent> workers = eventsOf(record, EventKind::PoolWorker, pool, int(PoolWorkerChange::Started));
    QCOMPARE(workers.size(), 2);
    for (const RunEvent &worker : workers)
        QVERIFY2(processName(processes, worker.process).startsWith(workerPrefix), qPrintable(worker.text));
    for (const RunEvent &task : finished) {
        QCOMPARE(task.text, QStringLiteral("None"));
        const PythonProcess &worker = processes[task.process];
        QVERIFY(worker.name.startsWith(workerPrefix));
        // The worker that ran task N printed its lines.
        QVERIFY2(worker.lines.contains(QStringLiteral("Worker %1 started").arg(task.count)), qPrintable(worker.name));
        QVERIFY(worker.lines.contains(QStringLiteral("Worker %1 finished").arg(task.count)));
    }
}

void TestPythonIpc::checkPoolMap(const RunRecord &record, const QMap<int, PythonProcess> &processes,
                                 const QString &workerPrefix)
{
    QCOMPARE(processes[0].lines, QStringList{QStringLiteral("[0, 1, 4, 9, 16, 25, 36, 49, 64, 81]")});
    // Python's chunks for 10 items on 2 processes: divmod(10, 8) -> 2 items each, 5 tasks.
    const QList<RunEvent> queued = eventsOf(record, EventKind::PoolTask, 0, int(PoolTaskPhase::Queued));
    QCOMPARE(textsOf(queued), strings({"square × 2 (items 0..1)", "square × 2 (items 2..3)", "square × 2 (items 4..5)",
                                        "square × 2 (items 6..7)", "square × 2 (items 8..9)"}));
    const int pool = queued.constFirst().object;
    QList<RunEvent> finished = eventsOf(record, EventKind::PoolTask, pool, int(PoolTaskPhase::Finished));
    QCOMPARE(eventsOf(record, EventKind::PoolTask, pool, int(PoolTaskPhase::Started)).size(), 5);
    QCOMPARE(finished.size(), 5);
    std::sort(finished.begin(), finished.end(), [](const RunEvent &a, const RunEvent &b) { return a.count < b.count; });
    QCOMPARE(textsOf(finished), strings({"[0, 1]", "[4, 9]", "[16, 25]", "[36, 49]", "[64, 81]"}));
    for (const RunEvent &task : finished) {
        QCOMPARE(task.sequence, 2);
        QVERIFY(processName(processes, task.process).startsWith(workerPrefix));
    }
}

// 100,000 items through one queue: the first 10,000 operations one by one, then counters
// whose last sample has the exact totals (nothing lost or counted twice).
void TestPythonIpc::bigQueueIsSampled()
{
    if (m_python.isEmpty())
        QSKIP("python3 is not installed on this machine");
    const QString script = writeScript(QStringLiteral("bigqueue.py"), QStringLiteral(
        "import multiprocessing\n"
        "N = 100000\n"
        "def produce(q):\n"
        "    for i in range(N):\n"
        "        q.put(i)\n"
        "if __name__ == '__main__':\n"
        "    q = multiprocessing.Queue()\n"
        "    p = multiprocessing.Process(target=produce, args=(q,))\n"
        "    p.start()\n"
        "    total = sum(q.get() for _ in range(N))\n"
        "    p.join()\n"
        "    print(total)\n"));
    QElapsedTimer clock;
    clock.start();
    const std::unique_ptr<PythonRun> run = runToEnd(script);
    QCOMPARE(run->status(), PythonRun::Status::Finished);
    QVERIFY2(clock.elapsed() < runTimeoutMs, "a sanity limit on a busy machine");
    QCOMPARE(run->exitCode(), 0);
    const RunRecord &record = run->record();
    QCOMPARE(processesOf(record)[0].lines, QStringList{QStringLiteral("4999950000")});
    const int queue = objectNamed(record, QStringLiteral("q"), IpcObjectKind::Queue);
    QVERIFY(queue > 0);
    const QList<RunEvent> operations = eventsOf(record, EventKind::IpcOperation, queue);
    QCOMPARE(operations.size(), int(PythonIpcRecorder::observationBudget));
    const QList<RunEvent> sampling = eventsOf(record, EventKind::IpcSampling, queue);
    QCOMPARE(sampling.size(), 1);
    QCOMPARE(sampling.constFirst().count, PythonIpcRecorder::observationBudget);
    const QList<RunEvent> counters = eventsOf(record, EventKind::IpcCounters, queue);
    QVERIFY(!counters.isEmpty());
    QCOMPARE(counters.constLast().sequence, 200000); // every put and get
    QCOMPARE(counters.constLast().count, 0);         // all got
    const RunSummary summary = summarize(record);
    QCOMPARE(summary.objects.size(), 1);
    QCOMPARE(summary.objects.constFirst().operations(), 200000);
}

// Past the budget a Value and its lock count in fast per-object classes (ipc.py): the
// totals must stay exact — the main process goes past the budget before it forks, so each
// child must start its own counts at zero — and the host's counters add them up.
void TestPythonIpc::lockedValuePastTheBudget()
{
    if (m_python.isEmpty())
        QSKIP("python3 is not installed on this machine");
    const QString script = writeScript(QStringLiteral("lockedvalue.py"), QStringLiteral(
        "import multiprocessing\n"
        "def work(counter, lock, times):\n"
        "    for _ in range(times):\n"
        "        with counter.get_lock():\n"
        "            counter.value += 1\n"
        "        with lock:\n"
        "            pass\n"
        "if __name__ == '__main__':\n"
        "    multiprocessing.set_start_method('fork')\n"
        "    counter = multiprocessing.Value('i', 0)\n"
        "    lock = multiprocessing.Lock()\n"
        "    work(counter, lock, 12000)\n"
        "    processes = [multiprocessing.Process(target=work, args=(counter, lock, 15000)) for _ in range(2)]\n"
        "    for p in processes:\n"
        "        p.start()\n"
        "    for p in processes:\n"
        "        p.join()\n"
        "    print(counter.value)\n"));
    const std::unique_ptr<PythonRun> run = runToEnd(script);
    QCOMPARE(run->status(), PythonRun::Status::Finished);
    QCOMPARE(run->exitCode(), 0);
    const RunRecord &record = run->record();
    QCOMPARE(processesOf(record)[0].lines, QStringList{QStringLiteral("42000")});
    const int counter = objectNamed(record, QStringLiteral("counter"), IpcObjectKind::Value);
    const int lock = objectNamed(record, QStringLiteral("lock"), IpcObjectKind::Lock);
    QVERIFY(counter > 0 && lock > 0);
    QCOMPARE(eventsOf(record, EventKind::IpcOperation, counter).size(), int(PythonIpcRecorder::observationBudget));
    QCOMPARE(eventsOf(record, EventKind::IpcSampling, counter).size(), 1);
    QCOMPARE(eventsOf(record, EventKind::IpcSampling, lock).size(), 1);
    const QList<RunEvent> counterTotals = eventsOf(record, EventKind::IpcCounters, counter);
    const QList<RunEvent> lockTotals = eventsOf(record, EventKind::IpcCounters, lock);
    QVERIFY(!counterTotals.isEmpty() && !lockTotals.isEmpty());
    QCOMPARE(counterTotals.constLast().count, 42000);     // the value the program printed
    QCOMPARE(counterTotals.constLast().sequence, 126000); // 42,000 × (acquire, write, release)
    QCOMPARE(lockTotals.constLast().sequence, 84000);     // 42,000 × (acquire, release)
    const RunSummary summary = summarize(record);
    for (const ObjectSummary &object : summary.objects) {
        if (object.id == counter) {
            QCOMPARE(object.operations(), 126000);
            QCOMPARE(object.lastCount, 42000);
        } else if (object.id == lock) {
            QCOMPARE(object.operations(), 84000);
        }
    }
}

// A task that raises is `failed` with Python's error; a pool process killed mid-task leaves
// its task `lost`, named with that process (Python's own pool would wait for it for ever).
void TestPythonIpc::poolTaskFailsAndIsLost()
{
    if (m_python.isEmpty())
        QSKIP("python3 is not installed on this machine");
    const QString script = writeScript(QStringLiteral("poolfail.py"), QStringLiteral(
        "import multiprocessing, os, signal, time\n"
        "def bad(x):\n"
        "    raise ValueError('bad value %d' % x)\n"
        "def die(x):\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        "if __name__ == '__main__':\n"
        "    pool = multiprocessing.Pool(2)\n"
        "    try:\n"
        "        pool.apply(bad, (3,))\n"
        "    except ValueError as error:\n"
        "        print('caught', error)\n"
        "    workers = list(pool._pool)\n"
        "    pool.apply_async(die, (1,))\n"
        "    deadline = time.monotonic() + 60\n"
        "    while all(p.exitcode is None for p in workers) and time.monotonic() < deadline:\n"
        "        time.sleep(0.01)\n"
        "    pool.terminate()\n"
        "    pool.join()\n"));
    const std::unique_ptr<PythonRun> run = runToEnd(script);
    QCOMPARE(run->status(), PythonRun::Status::Finished);
    const RunRecord &record = run->record();
    const QMap<int, PythonProcess> processes = processesOf(record);
    QCOMPARE(processes[0].lines, QStringList{QStringLiteral("caught bad value 3")});
    const QList<RunEvent> queued = eventsOf(record, EventKind::PoolTask, 0, int(PoolTaskPhase::Queued));
    QCOMPARE(textsOf(queued), (QStringList{QStringLiteral("bad(3)"), QStringLiteral("die(1)")}));
    const QList<RunEvent> failed = eventsOf(record, EventKind::PoolTask, 0, int(PoolTaskPhase::Failed));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.constFirst().count, 1);
    QCOMPARE(failed.constFirst().text, QStringLiteral("ValueError: bad value 3"));
    const QList<RunEvent> lost = eventsOf(record, EventKind::PoolTask, 0, int(PoolTaskPhase::Lost));
    QCOMPARE(lost.size(), 1);
    QCOMPARE(lost.constFirst().count, 2);
    const QString worker = processes[lost.constFirst().process].name;
    QVERIFY2(worker.contains(QLatin1String("PoolWorker-")), qPrintable(worker));
    QVERIFY2(lost.constFirst().text.contains(worker), qPrintable(lost.constFirst().text));
}

void TestPythonIpc::recorderRefusesMalformedReports_data()
{
    using Protocol::Value;
    QTest::addColumn<QString>("frame");
    QTest::addColumn<Protocol::Map>("body");
    const auto row = [](const char *name, const char *frame, Protocol::Map body) {
        QTest::newRow(name) << QString::fromLatin1(frame) << std::move(body);
    };
    row("no id", "py.queue", frameBody({{"op", Value("put")}, {"text", Value("1")}}));
    row("id not text", "py.queue", frameBody({{"id", Value(std::int64_t(5))}, {"op", Value("put")}}));
    row("id too long", "py.queue", frameBody({{"id", Value(std::string(65, 'x'))}, {"op", Value("put")}}));
    row("empty id", "py.queue", frameBody({{"id", Value("")}, {"op", Value("put")}}));
    row("unknown op", "py.queue", frameBody({{"id", Value("1:1")}, {"op", Value("explode")}}));
    row("pipe op on a queue", "py.queue", frameBody({{"id", Value("1:1")}, {"op", Value("send")}}));
    row("op not text", "py.lock", frameBody({{"id", Value("1:1")}, {"op", Value(true)}}));
    row("text not text", "py.queue", frameBody({{"id", Value("1:1")}, {"op", Value("put")}, {"text", Value(1.5)}}));
    row("negative time", "py.queue",
        frameBody({{"id", Value("1:1")}, {"op", Value("put")}, {"t", Value(std::int64_t(-1))}}));
    row("pipe without end", "py.pipe", frameBody({{"id", Value("1:1")}, {"op", Value("send")}}));
    row("pipe end 2", "py.pipe", frameBody({{"id", Value("1:1")}, {"op", Value("send")}, {"end", Value(std::int64_t(2))}}));
    row("huge index", "py.value",
        frameBody({{"id", Value("1:1")}, {"op", Value("write")}, {"index", Value(std::int64_t(1) << 60)}}));
    row("blocked without text", "py.queue", frameBody({{"id", Value("1:1")}, {"op", Value("blocked")}}));
    row("new without name", "py.queue", frameBody({{"id", Value("1:1")}, {"op", Value("new")}}));
    row("counters without map", "py.queue", frameBody({{"id", Value("1:1")}, {"op", Value("counters")}}));
    row("unknown counter", "py.queue",
        frameBody({{"id", Value("1:1")}, {"op", Value("counters")},
                   {"c", Value(Protocol::Map{{"explode", Value(std::int64_t(1))}})}}));
    row("negative counter", "py.queue",
        frameBody({{"id", Value("1:1")}, {"op", Value("counters")},
                   {"c", Value(Protocol::Map{{"put", Value(std::int64_t(-3))}})}}));
    row("task without job", "py.pool", frameBody({{"id", Value("1:1")}, {"op", Value("started")}}));
    row("map without chunksize", "py.pool",
        frameBody({{"id", Value("1:1")}, {"op", Value("map")}, {"job", Value(std::int64_t(0))}}));
    row("map of too many chunks", "py.pool",
        frameBody({{"id", Value("1:1")}, {"op", Value("map")}, {"job", Value(std::int64_t(0))},
                   {"chunksize", Value(std::int64_t(1))}, {"items", Value(std::int64_t(1) << 40)}}));
    row("array flag not bool", "py.value",
        frameBody({{"id", Value("1:1")}, {"op", Value("new")}, {"name", Value("v")}, {"array", Value("yes")}}));
}

// A malformed report is one Error event and changes nothing; the next good report works.
void TestPythonIpc::recorderRefusesMalformedReports()
{
    QFETCH(QString, frame);
    QFETCH(Protocol::Map, body);
    QList<RunEvent> events;
    PythonIpcRecorder recorder([&events](RunEvent event) { events.append(std::move(event)); });
    recorder.handle(frame.toStdString(), body, 1, 100, QStringLiteral("Process-1"), 0);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.constFirst().kind, EventKind::Error);
    QCOMPARE(events.constFirst().process, 1);
    QCOMPARE(recorder.objectCount(), 0);
    events.clear();
    using Protocol::Value;
    recorder.handle("py.queue", frameBody({{"id", Value("9:1")}, {"op", Value("new")}, {"name", Value("q")}}), 0, 99,
                    QStringLiteral("MainProcess"), 0);
    recorder.handle("py.queue", frameBody({{"id", Value("9:1")}, {"op", Value("put")}, {"text", Value("1")}}), 0, 99,
                    QStringLiteral("MainProcess"), 0);
    QCOMPARE(events.size(), 2);
    QCOMPARE(events[0].kind, EventKind::IpcObjectCreated);
    QCOMPARE(events[1].kind, EventKind::IpcOperation);
    QCOMPARE(events[1].count, 1);
}

// Bodies of random keys and types: never a crash, only events with sane fields.
void TestPythonIpc::recorderSurvivesRandomBodies()
{
    using Protocol::Value;
    QList<RunEvent> events;
    PythonIpcRecorder recorder([&events](RunEvent event) { events.append(std::move(event)); });
    QRandomGenerator random(1313);
    const std::vector<std::string> frames{"py.queue", "py.pipe", "py.lock", "py.value", "py.pool"};
    const std::vector<std::string> keys{"id", "op", "t", "text", "end", "index", "job", "i", "items", "n", "name",
                                        "array", "chunksize", "c", "value"};
    const std::vector<std::string> ops{"new", "put", "get", "send", "recv", "close", "acquire", "release", "write",
                                       "blocked", "failed", "counters", "queued", "map", "worker", "started",
                                       "finished"};
    const auto randomValue = [&](const std::string &key) -> Value {
        switch (random.bounded(8)) {
        case 0: return Value(std::int64_t(random.bounded(5)) - 1);
        case 1: return Value(std::int64_t(random.generate64() >> 1) * (random.bounded(2) ? 1 : -1));
        case 2: return Value(random.bounded(2) == 1);
        case 3: return Value(1.25);
        case 4: return Value(key == "op" ? ops[random.bounded(int(ops.size()))] : std::string("1:") + char('0' + random.bounded(3)));
        case 5: return Value(Protocol::Map{{"put", Value(std::int64_t(random.bounded(100)))}});
        case 6: return Value(std::string(std::size_t(random.bounded(400)), '\xc3'));
        default: return Value();
        }
    };
    for (int i = 0; i < 20000; ++i) {
        Protocol::Map body;
        for (const std::string &key : keys) {
            if (random.bounded(3) != 0)
                body.insert(key, randomValue(key));
        }
        const int process = int(random.bounded(3));
        recorder.handle(frames[random.bounded(int(frames.size()))], body, process, 100 + process,
                        QStringLiteral("P"), 0);
    }
    recorder.finish(monotonicNowNs());
    QVERIFY(recorder.objectCount() <= PythonIpcRecorder::maxObjects);
    int errors = 0;
    for (const RunEvent &event : events) {
        if (event.kind == EventKind::Error) {
            ++errors;
            continue;
        }
        QVERIFY(event.object >= 1 && event.object <= recorder.objectCount());
        QVERIFY(event.text.toUtf8().size() <= 1024);
        if (event.kind == EventKind::IpcOperation)
            QVERIFY(event.op >= 1 && event.op <= Protocol::maxIpcOp);
    }
    QCOMPARE(errors, PythonIpcRecorder::maxErrors + 1); // then one line says the rest were ignored
}

// The budget: 10,000 operations one by one, then sampling; counters from two processes add up.
void TestPythonIpc::recorderBudgetAndCounters()
{
    using Protocol::Value;
    QList<RunEvent> events;
    PythonIpcRecorder recorder([&events](RunEvent event) { events.append(std::move(event)); });
    recorder.handle("py.queue", frameBody({{"id", Value("5:1")}, {"op", Value("new")}, {"name", Value("q")}}), 0, 5,
                    QStringLiteral("MainProcess"), 0);
    const qint64 budget = PythonIpcRecorder::observationBudget;
    for (qint64 i = 0; i < budget + 5; ++i) {
        const bool put = i % 2 == 0;
        recorder.handle("py.queue",
                        frameBody({{"id", Value("5:1")}, {"op", Value(put ? "put" : "get")},
                                   {"text", Value(std::to_string(i / 2))}}),
                        put ? 1 : 2, put ? 101 : 102, QStringLiteral("P"), 0);
    }
    // Each process's own totals, including what it reported one by one.
    recorder.handle("py.queue",
                    frameBody({{"id", Value("5:1")}, {"op", Value("counters")},
                               {"c", Value(Protocol::Map{{"put", Value(std::int64_t(70000))}})}}),
                    1, 101, QStringLiteral("P"), 0);
    recorder.handle("py.queue",
                    frameBody({{"id", Value("5:1")}, {"op", Value("counters")},
                               {"c", Value(Protocol::Map{{"get", Value(std::int64_t(69990))}})}}),
                    2, 102, QStringLiteral("P"), 0);
    recorder.finish(monotonicNowNs());
    const auto count = [&](EventKind kind) {
        return std::count_if(events.cbegin(), events.cend(), [kind](const RunEvent &e) { return e.kind == kind; });
    };
    QCOMPARE(count(EventKind::IpcOperation), budget);
    QCOMPARE(count(EventKind::IpcSampling), 1);
    QCOMPARE(events.constLast().kind, EventKind::IpcCounters);
    QCOMPARE(events.constLast().sequence, 139990);
    QCOMPARE(events.constLast().count, 10);
    // Every get's sequence is its put's (FIFO, same repr).
    QHash<qint64, QString> puts;
    for (const RunEvent &event : events) {
        if (event.kind == EventKind::IpcOperation && event.op == quint8(Protocol::IpcOp::Put))
            puts.insert(event.sequence, event.text);
        else if (event.kind == EventKind::IpcOperation)
            QCOMPARE(puts.value(event.sequence), event.text);
    }
}

// At most maxObjects objects; an id used with another kind is refused.
void TestPythonIpc::recorderCapsObjectsAndErrors()
{
    using Protocol::Value;
    QList<RunEvent> events;
    PythonIpcRecorder recorder([&events](RunEvent event) { events.append(std::move(event)); });
    recorder.handle("py.lock", frameBody({{"id", Value("1:1")}, {"op", Value("acquire")}}), 0, 1, {}, 0);
    recorder.handle("py.queue", frameBody({{"id", Value("1:1")}, {"op", Value("put")}, {"text", Value("x")}}), 0, 1,
                    {}, 0);
    QCOMPARE(events.size(), 3); // created (lazily: "lock 1"), acquire, the kind error
    QCOMPARE(events[0].text, QStringLiteral("lock 1"));
    QCOMPARE(events[2].kind, EventKind::Error);
    QVERIFY(events[2].text.contains(QLatin1String("is a lock, not a queue")));
    for (int i = 2; i < PythonIpcRecorder::maxObjects + 50; ++i) {
        recorder.handle("py.lock", frameBody({{"id", Value("1:" + std::to_string(i))}, {"op", Value("acquire")}}), 0,
                        1, {}, 0);
    }
    QCOMPARE(recorder.objectCount(), PythonIpcRecorder::maxObjects);
    const auto errors = std::count_if(events.cbegin(), events.cend(),
                                      [](const RunEvent &e) { return e.kind == EventKind::Error; });
    QCOMPARE(errors, 2); // the kind error, and one for the objects over the cap
}

// A pool's first 10,000 tasks one by one, then counters with every task (none counted twice).
void TestPythonIpc::recorderPoolBudget()
{
    using Protocol::Value;
    QList<RunEvent> events;
    PythonIpcRecorder recorder([&events](RunEvent event) { events.append(std::move(event)); });
    const qint64 tasks = PythonIpcRecorder::observationBudget + 5;
    recorder.handle("py.pool", frameBody({{"id", Value("7:1")}, {"op", Value("new")}, {"name", Value("pool")}}), 0, 7,
                    {}, 0);
    for (qint64 job = 0; job < tasks; ++job) {
        recorder.handle("py.pool",
                        frameBody({{"id", Value("7:1")}, {"op", Value("queued")}, {"job", Value(job)},
                                   {"i", Value(0)}, {"text", Value("f()")}}),
                        0, 7, {}, 0);
    }
    for (qint64 job = 0; job < tasks; ++job) {
        for (const char *op : {"started", "finished"}) {
            recorder.handle("py.pool",
                            frameBody({{"id", Value("7:1")}, {"op", Value(op)}, {"job", Value(job)}, {"i", Value(0)},
                                       {"text", Value("None")}}),
                            1, 8, QStringLiteral("ForkPoolWorker-1"), 0);
        }
    }
    recorder.finish(monotonicNowNs());
    const auto phaseCount = [&](PoolTaskPhase phase) {
        return std::count_if(events.cbegin(), events.cend(), [phase](const RunEvent &e) {
            return e.kind == EventKind::PoolTask && e.op == quint8(phase);
        });
    };
    QCOMPARE(phaseCount(PoolTaskPhase::Queued), PythonIpcRecorder::observationBudget);
    QCOMPARE(phaseCount(PoolTaskPhase::Started), PythonIpcRecorder::observationBudget);
    QCOMPARE(phaseCount(PoolTaskPhase::Finished), PythonIpcRecorder::observationBudget);
    QCOMPARE(events.constLast().kind, EventKind::PoolTask);
    QCOMPARE(events.constLast().op, quint8(PoolTaskPhase::Counters));
    QCOMPARE(events.constLast().count, tasks);    // done
    QCOMPARE(events.constLast().sequence, tasks); // queued
}

// The host reads a pool process's "started" before the main program's "map" (two sockets):
// the task keeps one number, every chunk is queued once, nothing is counted twice.
void TestPythonIpc::recorderPoolStartReadBeforeQueued()
{
    using Protocol::Value;
    QList<RunEvent> events;
    PythonIpcRecorder recorder([&events](RunEvent event) { events.append(std::move(event)); });
    const auto task = [&](const char *op, qint64 i, int process) {
        recorder.handle("py.pool",
                        frameBody({{"id", Value("7:1")}, {"op", Value(op)}, {"job", Value(4)}, {"i", Value(i)},
                                   {"items", Value(2)}, {"text", Value("[0, 1]")}}),
                        process, 100 + process, QStringLiteral("ForkPoolWorker-1"), 0);
    };
    task("started", 1, 1);
    task("finished", 1, 1);
    recorder.handle("py.pool",
                    frameBody({{"id", Value("7:1")}, {"op", Value("map")}, {"job", Value(4)},
                               {"chunksize", Value(2)}, {"items", Value(4)}, {"text", Value("square")}}),
                    0, 100, QStringLiteral("MainProcess"), 0);
    task("started", 0, 1);
    task("finished", 0, 1);
    task("finished", 0, 1); // twice: ignored
    QList<RunEvent> queued;
    QList<RunEvent> finished;
    for (const RunEvent &event : std::as_const(events)) {
        QVERIFY(event.kind == EventKind::PoolTask);
        if (event.op == quint8(PoolTaskPhase::Queued))
            queued.append(event);
        else if (event.op == quint8(PoolTaskPhase::Finished))
            finished.append(event);
    }
    QCOMPARE(queued.size(), 2);
    QCOMPARE(queued[0].count, 2); // chunk 0: numbered when the map was read
    QCOMPARE(queued[0].text, QStringLiteral("square × 2 (items 0..1)"));
    QCOMPARE(queued[1].count, 1); // chunk 1: numbered at its early start
    QCOMPARE(queued[1].text, QStringLiteral("square × 2 (items 2..3)"));
    QCOMPARE(finished.size(), 2);
    QCOMPARE(finished[0].count, 1);
    QCOMPARE(finished[1].count, 2);
}

// Two processes' last counters of one Value, read in the other order: the later one's value
// (by their own clock) is the Value's.
void TestPythonIpc::recorderValueIsTheLatestByTime()
{
    using Protocol::Value;
    QList<RunEvent> events;
    PythonIpcRecorder recorder([&events](RunEvent event) { events.append(std::move(event)); });
    recorder.handle("py.value", frameBody({{"id", Value("3:1")}, {"op", Value("new")}, {"name", Value("counter")}}),
                    0, 3, {}, 0);
    const auto counters = [&](int process, qint64 value, qint64 timeNs) {
        recorder.handle("py.value",
                        frameBody({{"id", Value("3:1")}, {"op", Value("counters")}, {"t", Value(timeNs)},
                                   {"value", Value(value)},
                                   {"c", Value(Protocol::Map{{"write", Value(std::int64_t(1000))}})}}),
                        process, 10 + process, {}, 0);
    };
    counters(2, 2000, 2000); // the last write of all
    counters(1, 1900, 1000); // read later, written earlier
    recorder.finish(monotonicNowNs());
    QCOMPARE(events.constLast().kind, EventKind::IpcCounters);
    QCOMPARE(events.constLast().count, 2000);
    QCOMPARE(events.constLast().sequence, 2000); // both processes' writes
}

QTEST_GUILESS_MAIN(TestPythonIpc)
#include "tst_pythonipc.moc"
