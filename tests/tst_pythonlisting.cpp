// SPDX-License-Identifier: MIT
// The Python program shown for the knobs is the program that runs: every step and trace
// names a line of it, and python3 running it prints what ProcessLab prints.
#include "pythontestsupport.h"
#include "testsupport.h"

#include "examples/basicprograms.h"
#include "examples/exampleregistry.h"
#include "examples/ipcexamples.h"
#include "examples/ipcprograms.h"
#include "examples/poolexamples.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <csignal>
#include <unistd.h>
#endif

using namespace ProcessLab;
using namespace ProcessLab::TestSupport;

namespace {

const QString afterStarts = QStringLiteral("after-starts");
const QString afterEachStart = QStringLiteral("after-each-start");

QVariantMap resolved(const QString &id, int workers, double sleep, const QString &work = QStringLiteral("sleep"),
                     const QString &joins = afterStarts)
{
    QString error;
    const auto knobs = resolveKnobs(ExampleRegistry::find(id)->knobs,
                                    {{QStringLiteral("workers"), workers}, {QStringLiteral("sleep"), sleep},
                                     {QStringLiteral("work"), work}, {QStringLiteral("joins"), joins}},
                                    &error);
    if (!knobs)
        qWarning("%s", qPrintable(error));
    return knobs ? *knobs : QVariantMap();
}

// Rows for process and subclass: every worker count with every number of seconds, for each
// `work` and `joins` value (rows at sleep and after-starts are named as before those knobs).
void addKnobRows(const QList<int> &workerCounts, const QList<double> &sleeps,
                 const QStringList &works = {QStringLiteral("sleep"), QStringLiteral("compute")},
                 const QStringList &joinOrders = {afterStarts})
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("workers");
    QTest::addColumn<double>("sleep");
    QTest::addColumn<QString>("work");
    QTest::addColumn<QString>("joins");
    for (const QString &joins : joinOrders) {
        for (const QString &work : works) {
            for (const char *id : {"process", "subclass"}) {
                for (const int workers : workerCounts) {
                    for (const double sleep : sleeps) {
                        QString suffix = work == QLatin1StringView("sleep") ? QString() : QLatin1Char('-') + work;
                        if (joins != afterStarts)
                            suffix += QLatin1Char('-') + joins;
                        QTest::addRow("%s-%d-%s%s", id, workers, qPrintable(pythonNumber(sleep)), qPrintable(suffix))
                            << QString::fromLatin1(id) << workers << sleep << work << joins;
                    }
                }
            }
        }
    }
}

// The line that does a worker's seconds, as the listing must write it.
QString workLine(const QString &work, double seconds)
{
    return (work == QLatin1StringView("compute") ? QStringLiteral("busy(%1)") : QStringLiteral("time.sleep(%1)"))
        .arg(pythonNumber(seconds));
}

// The IPC and pool examples from their own headers (the same definitions the registry lists).
const ExampleDefinition &exampleDefinition(const QString &id)
{
    static const QList<ExampleDefinition> examples = {queueExample(), pipeExample(),   sharedExample(),
                                                      poolExample(),  poolMapExample()};
    for (const ExampleDefinition &example : examples) {
        if (example.id == id)
            return example;
    }
    qFatal("no example %s", qPrintable(id));
}

QVariantMap resolvedKnobsOf(const QString &id, const QVariantMap &given)
{
    QString error;
    const auto knobs = resolveKnobs(exampleDefinition(id).knobs, given, &error);
    if (!knobs)
        qFatal("knobs of %s: %s", qPrintable(id), qPrintable(error));
    return *knobs;
}

int knob(const QVariantMap &knobs, const char *name)
{
    return knobs.value(QLatin1StringView(name)).toInt();
}

// What the spec says a consumer prints for item i of producer p, read by consumer c.
QString consumedLine(int i, int p, int c, int producers, int consumers)
{
    QStringList who;
    if (producers > 1)
        who << QStringLiteral("producer %1").arg(p);
    if (consumers > 1)
        who << QStringLiteral("consumer %1").arg(c);
    return QStringLiteral("Consumed: %1").arg(i)
        + (who.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(who.join(QStringLiteral(", "))));
}

QString producedLine(int i, int p, int producers)
{
    return producers > 1 ? QStringLiteral("Produced: %1 (producer %2)").arg(i).arg(p)
                         : QStringLiteral("Produced: %1").arg(i);
}

// Every item produced and consumed exactly once, each consumer's items of one producer in
// the order that producer put them, every line worded as the spec says, the final line last.
void checkQueueOutput(const QStringList &lines, int producers, int consumers, int items)
{
    QCOMPARE(lines.constLast(), QStringLiteral("All processes finished"));
    QStringList produced;
    QStringList expectedProduced;
    QList<QPair<int, int>> consumedItems;           // (producer, i)
    QHash<QPair<int, int>, int> lastSeen;           // (consumer, producer) -> last i
    static const QRegularExpression numbers(QStringLiteral("\\d+"));
    for (int p = 1; p <= producers; ++p) {
        for (int i = 0; i < items; ++i)
            expectedProduced << producedLine(i, p, producers);
    }
    for (const QString &line : lines.first(lines.size() - 1)) {
        if (line.startsWith(QLatin1StringView("Produced: "))) {
            produced << line;
            continue;
        }
        QVERIFY2(line.startsWith(QLatin1StringView("Consumed: ")), qPrintable(line));
        QList<int> n;
        for (auto it = numbers.globalMatch(line); it.hasNext();)
            n << it.next().captured().toInt();
        // Consumed: i [(producer p][, consumer c])
        const int i = n.value(0);
        const int p = producers > 1 ? n.value(1) : 1;
        const int c = consumers > 1 ? n.value(producers > 1 ? 2 : 1) : 1;
        QCOMPARE(line, consumedLine(i, p, c, producers, consumers));
        QVERIFY2(c >= 1 && c <= consumers, qPrintable(line));
        const auto key = qMakePair(c, p);
        QVERIFY2(!lastSeen.contains(key) || lastSeen.value(key) < i, qPrintable(line + QStringLiteral(" out of order")));
        lastSeen.insert(key, i);
        consumedItems << qMakePair(p, i);
    }
    // A producer's own lines come in its order (its stdout is one stream).
    for (int p = 1; p <= producers; ++p) {
        QStringList own;
        for (const QString &line : std::as_const(produced)) {
            if (producers == 1 || line.endsWith(QStringLiteral("(producer %1)").arg(p)))
                own << line;
        }
        QStringList expectedOwn;
        for (int i = 0; i < items; ++i)
            expectedOwn << producedLine(i, p, producers);
        QCOMPARE(own, expectedOwn);
    }
    produced.sort();
    expectedProduced.sort();
    QCOMPARE(produced, expectedProduced);
    QList<QPair<int, int>> expectedItems;
    for (int p = 1; p <= producers; ++p) {
        for (int i = 0; i < items; ++i)
            expectedItems << qMakePair(p, i);
    }
    std::sort(consumedItems.begin(), consumedItems.end());
    QCOMPARE(consumedItems, expectedItems);
}

void checkPipeOutput(const QStringList &lines, int messages)
{
    QStringList sent;
    QStringList received;
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1StringView("Sent: ")))
            sent << line;
        else if (line.startsWith(QLatin1StringView("Received: ")))
            received << line;
    }
    QStringList expectedSent;
    QStringList expectedReceived;
    for (int i = 0; i < messages; ++i) {
        expectedSent << QStringLiteral("Sent: Message %1").arg(i);
        expectedReceived << QStringLiteral("Received: Message %1").arg(i);
    }
    // Each side's lines in message order; nothing else but the final line, last.
    QCOMPARE(sent, expectedSent);
    QCOMPARE(received, expectedReceived);
    QCOMPARE(lines.size(), 2 * messages + 1);
    QCOMPARE(lines.constLast(), QStringLiteral("All processes finished"));
}

void checkSharedOutput(const QStringList &lines, int workers, int increments, bool lock)
{
    const int tail = lock ? 2 : 3; // main's prints, after every worker's line
    QCOMPARE(lines.size(), workers + tail);
    QStringList finished = lines.first(workers);
    finished.sort();
    QStringList expectedFinished;
    for (int n = 1; n <= workers; ++n)
        expectedFinished << QStringLiteral("Worker %1 finished").arg(n);
    expectedFinished.sort();
    QCOMPARE(finished, expectedFinished);

    static const QRegularExpression finalValue(QStringLiteral("^Final value: (\\d+)$"));
    const QRegularExpressionMatch value = finalValue.match(lines.at(workers));
    QVERIFY2(value.hasMatch(), qPrintable(lines.at(workers)));
    const qint64 total = qint64(workers) * increments;
    const qint64 v = value.captured(1).toLongLong();
    QStringList cells;
    for (int n = 1; n <= workers; ++n)
        cells << QString::number(n);
    QCOMPARE(lines.at(workers + 1), QStringLiteral("Array: [%1]").arg(cells.join(QStringLiteral(", "))));
    if (lock) {
        QCOMPARE(v, total);
        return;
    }
    static const QRegularExpression lostUpdates(QStringLiteral("^Lost updates: (\\d+)$"));
    const QRegularExpressionMatch lost = lostUpdates.match(lines.at(workers + 2));
    QVERIFY2(lost.hasMatch(), qPrintable(lines.at(workers + 2)));
    QVERIFY(v >= 1 && v <= total);
    QCOMPARE(v + lost.captured(1).toLongLong(), total);
}

// Writes a listing into dir as example_<id>.py (never named like a standard module: queue.py
// would shadow the queue module) and starts python3 on it there. False if it cannot be written.
// options: the interpreter's own ("-u" for unbuffered output).
bool startListing(QProcess &python, const QString &interpreter, const QTemporaryDir &dir, const QString &id,
                  const QString &program, const QStringList &options = {})
{
    QFile file(dir.filePath(QStringLiteral("example_%1.py").arg(id).replace(QLatin1Char('-'), QLatin1Char('_'))));
    if (!file.open(QIODevice::WriteOnly) || file.write(program.toUtf8()) < 0)
        return false;
    file.close();
    python.setProcessEnvironment(pythonEnvironment());
    python.setWorkingDirectory(dir.path());
    python.start(interpreter, options + QStringList{file.fileName()});
    return true;
}

} // namespace

class TestPythonListing : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void tutorialKnobsGiveTutorialText_data();
    void tutorialKnobsGiveTutorialText();
    void changedKnobsChangeTheProgram_data();
    void changedKnobsChangeTheProgram();
    void sleepIsWrittenAsAPersonWould_data();
    void sleepIsWrittenAsAPersonWould();
    void everyStepAndTraceNamesItsLine_data();
    void everyStepAndTraceNamesItsLine();
    void pythonPrintsWhatProcessLabPrints_data();
    void pythonPrintsWhatProcessLabPrints();
    void ipcDefaultsGiveTheirListing_data();
    void ipcDefaultsGiveTheirListing();
    void listingIsTheTutorials_data();
    void listingIsTheTutorials();
    void knobSpecs_data();
    void knobSpecs();
    void ipcStatementsNameTheirLines_data();
    void ipcStatementsNameTheirLines();
    void ipcListingsRunWithPython_data();
    void ipcListingsRunWithPython();
    void hangingQueueListingsHangInPythonToo_data();
    void hangingQueueListingsHangInPythonToo();
    void poolDefaultsGiveTheirListing_data();
    void poolDefaultsGiveTheirListing();
    void poolStatementsNameTheirLines_data();
    void poolStatementsNameTheirLines();
    void poolListingsRunWithPython_data();
    void poolListingsRunWithPython();
    void listingFilesDoNotShadowTheStandardLibrary();

private:
    QString m_python;
};

void TestPythonListing::initTestCase()
{
    m_python = resolvePython();
}

void TestPythonListing::tutorialKnobsGiveTutorialText_data()
{
    QTest::addColumn<QString>("id");
    for (const ExampleDefinition &e : ExampleRegistry::all())
        QTest::newRow(qPrintable(e.id)) << e.id;
}

void TestPythonListing::tutorialKnobsGiveTutorialText()
{
    QFETCH(QString, id);
    const ExampleDefinition *example = ExampleRegistry::find(id);
    QString error;
    const auto defaults = resolveKnobs(example->knobs, {}, &error);
    QVERIFY2(defaults, qPrintable(error));
    const PythonProgram program = example->pythonProgram(*defaults);
    QFile resource(example->pythonResource);
    QVERIFY(resource.open(QIODevice::ReadOnly));
    QCOMPARE(program.text.toUtf8(), resource.readAll()); // byte for byte
    QVERIFY(example->isTutorialProgram(program));
}

void TestPythonListing::changedKnobsChangeTheProgram_data()
{
    addKnobRows({1, 2, 3, 4, 5, 8}, {0.5, 2}, {QStringLiteral("sleep"), QStringLiteral("compute")},
                {afterStarts, afterEachStart});
}

void TestPythonListing::changedKnobsChangeTheProgram()
{
    QFETCH(QString, id);
    QFETCH(int, workers);
    QFETCH(double, sleep);
    QFETCH(QString, work);
    QFETCH(QString, joins);
    const ExampleDefinition *example = ExampleRegistry::find(id);
    const PythonProgram program = example->pythonProgram(resolved(id, workers, sleep, work, joins));
    const bool compute = work == QLatin1StringView("compute");
    const bool eachStart = joins == afterEachStart;
    QCOMPARE(example->isTutorialProgram(program), workers == 2 && sleep == 2.0 && !compute && !eachStart);
    const QString text = program.text;
    QCOMPARE(text.count(QStringLiteral("time.sleep(")), compute ? 0 : 1);
    QCOMPARE(text.count(QLatin1Char(' ') + workLine(work, sleep) + QLatin1Char('\n')), 1);
    // compute: busy(seconds) defined once, before the code that calls it, busy on CPU time.
    const QString busy = QStringLiteral("def busy(seconds):\n"
                                        "    \"\"\"在 CPU 上计算 seconds 秒(占用 CPU 时间,代替 time.sleep)\"\"\"\n"
                                        "    end = time.process_time() + seconds\n"
                                        "    while time.process_time() < end:\n"
                                        "        pass\n\n");
    QCOMPARE(text.count(busy), compute ? 1 : 0);
    QCOMPARE(text.count(QStringLiteral("busy(")), compute ? 2 : 0);
    if (compute)
        QVERIFY(text.indexOf(busy) < text.indexOf(workLine(work, sleep)));
    if (workers <= maxUnrolledWorkers) {
        // Named processes, one line per statement, as in the tutorial.
        QVERIFY(!text.contains(QStringLiteral("for ")));
        for (int i = 1; i <= workers; ++i) {
            QCOMPARE(text.count(QStringLiteral("process%1 = ").arg(i)), 1);
            QCOMPARE(text.count(QStringLiteral("process%1.start()").arg(i)), 1);
            QCOMPARE(text.count(QStringLiteral("process%1.join()").arg(i)), 1);
            // after-each-start: the join on the line right after its start; else all starts first.
            QCOMPARE(text.contains(QStringLiteral("    process%1.start()\n    process%1.join()\n").arg(i)), eachStart);
            QCOMPARE(text.indexOf(QStringLiteral("process%1.join()").arg(i))
                         < text.indexOf(QStringLiteral("process%1.start()").arg(workers)),
                     eachStart && i < workers);
        }
        QVERIFY(!text.contains(QStringLiteral("process%1").arg(workers + 1)));
    } else {
        QCOMPARE(text.count(QStringLiteral("for i in range(1, %1):").arg(workers + 1)), 1);
        QCOMPARE(text.count(QStringLiteral("for process in processes:")), eachStart ? 1 : 2);
        QCOMPARE(text.contains(QStringLiteral("    for process in processes:\n        process.start()\n"
                                              "        process.join()\n")),
                 eachStart);
        QVERIFY(!text.contains(QStringLiteral("process1")));
    }
    // The listing says why the processes now run one at a time.
    QCOMPARE(text.contains(QStringLiteral("    # 启动进程,并立即等待它结束(一次只运行一个进程)\n")), eachStart);
}

void TestPythonListing::sleepIsWrittenAsAPersonWould_data()
{
    QTest::addColumn<double>("seconds");
    QTest::addColumn<QString>("literal");
    QTest::newRow("2") << 2.0 << QStringLiteral("2");
    QTest::newRow("0") << 0.0 << QStringLiteral("0");
    QTest::newRow("0.5") << 0.5 << QStringLiteral("0.5");
    QTest::newRow("0.25") << 0.25 << QStringLiteral("0.25");
    QTest::newRow("0.1") << 0.1 << QStringLiteral("0.1");
    QTest::newRow("1.75") << 1.75 << QStringLiteral("1.75");
    QTest::newRow("60") << 60.0 << QStringLiteral("60");
    QTest::newRow("0.3") << 0.3 << QStringLiteral("0.3");
}

void TestPythonListing::sleepIsWrittenAsAPersonWould()
{
    QFETCH(double, seconds);
    QFETCH(QString, literal);
    QCOMPARE(pythonNumber(seconds), literal);
    const PythonProgram program = processProgram(3, seconds);
    QCOMPARE(program.listing.line(program.traceLines.value(QStringLiteral("sleep"))),
             QStringLiteral("time.sleep(%1)").arg(literal));
    const PythonProgram computing = processProgram(3, seconds, WorkerWork::Compute);
    QCOMPARE(computing.listing.line(computing.traceLines.value(QStringLiteral("busy"))),
             QStringLiteral("busy(%1)").arg(literal));
}

void TestPythonListing::everyStepAndTraceNamesItsLine_data()
{
    addKnobRows({1, 2, 3, 4, 5, 8, 64}, {0, 0.25, 2, 60}, {QStringLiteral("sleep"), QStringLiteral("compute")},
                {afterStarts, afterEachStart});
}

void TestPythonListing::everyStepAndTraceNamesItsLine()
{
    QFETCH(QString, id);
    QFETCH(int, workers);
    QFETCH(double, sleep);
    QFETCH(QString, work);
    QFETCH(QString, joins);
    const ExampleDefinition *example = ExampleRegistry::find(id);
    const QVariantMap knobs = resolved(id, workers, sleep, work, joins);
    const SourceListing listing = example->pythonProgram(knobs).listing;
    const HostScript script = example->script(knobs);
    QCOMPARE(script.workers.size(), workers);
    QCOMPARE(script.steps.size(), 3 * workers + 1);
    // Python's order: create all; then start all, join all, or start and join each in turn.
    QStringList order;
    for (int i = 1; i <= workers; ++i)
        order << QStringLiteral("create %1").arg(i);
    if (joins == afterEachStart) {
        for (int i = 1; i <= workers; ++i)
            order << QStringLiteral("start %1").arg(i) << QStringLiteral("join %1").arg(i);
    } else {
        for (int i = 1; i <= workers; ++i)
            order << QStringLiteral("start %1").arg(i);
        for (int i = 1; i <= workers; ++i)
            order << QStringLiteral("join %1").arg(i);
    }
    order << QStringLiteral("print 0");
    QStringList stepOrder;
    for (const ScriptStep &step : script.steps) {
        const char *kind = step.kind == ScriptStep::Kind::Create  ? "create"
                           : step.kind == ScriptStep::Kind::Start ? "start"
                           : step.kind == ScriptStep::Kind::Join  ? "join"
                           : step.kind == ScriptStep::Kind::Print ? "print"
                                                                  : "?";
        stepOrder << QStringLiteral("%1 %2").arg(QLatin1StringView(kind)).arg(step.worker);
    }
    QCOMPARE(stepOrder, order);
    // Each step's line comes after the previous one's, or is in the same loop body (a loop
    // runs its lines again): the code view's marker moves as Python's does.
    for (qsizetype i = 1; i < script.steps.size(); ++i) {
        const ScriptStep &previous = script.steps.at(i - 1);
        const ScriptStep &step = script.steps.at(i);
        QVERIFY2(step.sourceLine > previous.sourceLine || !step.context.isEmpty(),
                 qPrintable(QStringLiteral("%1 after %2").arg(step.source, previous.source)));
    }
    for (const WorkerSpec &spec : script.workers) {
        // The worker is told to compute only when it must: at sleep its Start frame is as before.
        QCOMPARE(spec.arguments.value(QLatin1StringView("work")).toString(),
                 work == QLatin1StringView("compute") ? work : QString());
        QCOMPARE(spec.arguments.value(QLatin1StringView("sleep")).toDouble(), sleep);
    }

    const bool loops = workers > maxUnrolledWorkers;
    for (const ScriptStep &step : script.steps) {
        QVERIFY2(step.sourceLine >= 1 && step.sourceLine <= listing.lineCount(), qPrintable(step.source));
        QVERIFY(!step.source.isEmpty());
        QCOMPARE(listing.line(step.sourceLine), step.source);
        // The step says what its line does, for its own worker.
        const int i = step.worker;
        switch (step.kind) {
        case ScriptStep::Kind::Create:
            QCOMPARE(step.context, loops ? QStringLiteral("i = %1").arg(i) : QString());
            // process = ...(i...) in the loop, process3 = ...(3...) unrolled.
            QVERIFY2(step.source.startsWith(loops ? QStringLiteral("process = ")
                                                  : QStringLiteral("process%1 = ").arg(i)),
                     qPrintable(step.source));
            QVERIFY2(step.source.contains(QRegularExpression(
                         QStringLiteral("\\(%1[,)]").arg(loops ? QStringLiteral("i") : QString::number(i)))),
                     qPrintable(step.source));
            break;
        case ScriptStep::Kind::Start:
        case ScriptStep::Kind::Join: {
            const QString call = step.kind == ScriptStep::Kind::Start ? QStringLiteral("start()")
                                                                      : QStringLiteral("join()");
            QCOMPARE(step.context, loops ? QStringLiteral("process = processes[%1]").arg(i - 1) : QString());
            QCOMPARE(step.source, (loops ? QStringLiteral("process.") : QStringLiteral("process%1.").arg(i)) + call);
            break;
        }
        case ScriptStep::Kind::Print:
            QCOMPARE(step.source, QStringLiteral("print(\"All processes finished\")"));
            QCOMPARE(step.text, QStringLiteral("All processes finished"));
            break;
        default:
            QFAIL("the basic examples have only Create, Start, Join and Print steps");
        }
    }

    const QHash<QString, int> traces = example->traceSourceLines(knobs);
    const QString self = id == QLatin1StringView("subclass") ? QStringLiteral("self.") : QString();
    const QHash<QString, QString> expected = {
        {QStringLiteral("started"), QStringLiteral("print(f\"Worker {%1num} started\")").arg(self)},
        // The label the worker reports for its seconds (basic_behaviours.cpp): "busy" or "sleep".
        {work == QLatin1StringView("compute") ? QStringLiteral("busy") : QStringLiteral("sleep"), workLine(work, sleep)},
        {QStringLiteral("finished"), QStringLiteral("print(f\"Worker {%1num} finished\")").arg(self)},
    };
    QCOMPARE(traces.size(), expected.size());
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        const int line = traces.value(it.key());
        QVERIFY2(line >= 1 && line <= listing.lineCount(), qPrintable(it.key()));
        QCOMPARE(listing.line(line), it.value());
    }
}

void TestPythonListing::pythonPrintsWhatProcessLabPrints_data()
{
    addKnobRows({1, 2, 3, 5, 8}, {0, 0.25}, {QStringLiteral("sleep")});
    // compute: a few CPU-seconds in all per row (both runs at once on a busy machine).
    addKnobRows({1, 3, 5}, {0, 0.1}, {QStringLiteral("compute")});
    // One process at a time: the same lines in one order, in both.
    addKnobRows({2, 5}, {0.1}, {QStringLiteral("sleep")}, {afterEachStart});
    addKnobRows({3}, {0.05}, {QStringLiteral("compute")}, {afterEachStart});
}

void TestPythonListing::pythonPrintsWhatProcessLabPrints()
{
    QFETCH(QString, id);
    QFETCH(int, workers);
    QFETCH(double, sleep);
    QFETCH(QString, work);
    QFETCH(QString, joins);
    if (m_python.isEmpty())
        QSKIP("python3 is not installed");
    const ExampleDefinition *example = ExampleRegistry::find(id);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Both at once: the machine is busy, and the two runs do not share anything.
    QProcess python;
    QSignalSpy pythonFinished(&python, &QProcess::finished);
    QVERIFY(startListing(python, m_python, dir, id,
                         example->pythonProgram(resolved(id, workers, sleep, work, joins)).text));
    QProcess cli;
    QSignalSpy cliFinished(&cli, &QProcess::finished);
    cli.start(cliPath(), {QStringLiteral("run"), id, QStringLiteral("--workers"), QString::number(workers),
                          QStringLiteral("--sleep"), pythonNumber(sleep), QStringLiteral("--work"), work,
                          QStringLiteral("--joins"), joins});
    QTRY_COMPARE_WITH_TIMEOUT(pythonFinished.count() + cliFinished.count(), 2, 120000);
    QCOMPARE(python.readAllStandardError(), QByteArray());
    QCOMPARE(python.exitStatus(), QProcess::NormalExit);
    QCOMPARE(python.exitCode(), 0);
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
    QCOMPARE(cli.exitCode(), 0);

    QStringList expected;
    for (int i = 1; i <= workers; ++i)
        expected << QStringLiteral("Worker %1 started").arg(i) << QStringLiteral("Worker %1 finished").arg(i);
    expected << QStringLiteral("All processes finished");
    QStringList fromPython = textLines(python.readAllStandardOutput());
    QStringList fromProcessLab = textLines(cli.readAllStandardOutput());
    if (joins == afterEachStart) {
        // Each process ends before the next starts: exactly this order, in both.
        QCOMPARE(fromPython, expected);
        QCOMPARE(fromProcessLab, expected);
        return;
    }
    expected.sort();
    QCOMPARE(fromPython.constLast(), QStringLiteral("All processes finished"));
    QCOMPARE(fromProcessLab.constLast(), QStringLiteral("All processes finished"));
    fromPython.sort();
    fromProcessLab.sort();
    QCOMPARE(fromPython, fromProcessLab);
    QCOMPARE(fromProcessLab, expected);
}

void TestPythonListing::ipcDefaultsGiveTheirListing_data()
{
    QTest::addColumn<QString>("id");
    for (const char *id : {"queue", "pipe", "shared"})
        QTest::newRow(id) << QString::fromLatin1(id);
}

void TestPythonListing::ipcDefaultsGiveTheirListing()
{
    QFETCH(QString, id);
    const ExampleDefinition &example = exampleDefinition(id);
    QCOMPARE(example.group, ExampleGroup::Communication);
    QVERIFY(example.buildScript);
    QVERIFY(ExampleRegistry::find(id)); // listed, runnable
    const PythonProgram program = example.pythonProgram(resolvedKnobsOf(id, {}));
    QFile resource(example.pythonResource);
    QVERIFY(resource.open(QIODevice::ReadOnly));
    QCOMPARE(program.text.toUtf8(), resource.readAll()); // byte for byte
    QVERIFY(example.isTutorialProgram(program));
    QVERIFY(!example.isTutorialProgram(example.pythonProgram(
        resolvedKnobsOf(id, {{example.knobs.constFirst().name, example.knobs.constFirst().maximum}}))));
}

// resources/examples/<id>.py is the tutorial's listing with its indentation and blank
// lines restored: the same lines, in the same order.
void TestPythonListing::listingIsTheTutorials_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("heading");
    QTest::newRow("queue") << QStringLiteral("queue") << QStringLiteral("示例:使用 Queue");
    QTest::newRow("pool") << QStringLiteral("pool") << QStringLiteral("示例:使用进程池执行任务");
}

void TestPythonListing::listingIsTheTutorials()
{
    QFETCH(QString, id);
    QFETCH(QString, heading);
    QFile tutorial(QFINDTESTDATA("../resources/tutorial/python-processes-tutorial.zh.txt"));
    if (!tutorial.exists())
        QSKIP("the tutorial text is not next to the tests (installed test run)");
    QVERIFY(tutorial.open(QIODevice::ReadOnly));
    const QStringList tutorialLines = QString::fromUtf8(tutorial.readAll()).split(QLatin1Char('\n'));
    const qsizetype headingLine = tutorialLines.indexOf(heading);
    QVERIFY(headingLine > 0);
    const qsizetype first = tutorialLines.indexOf(QStringLiteral("import multiprocessing"), headingLine);
    const qsizetype end = tutorialLines.indexOf(QStringLiteral("说明:"), first);
    QVERIFY(first > headingLine && end > first);

    QStringList listing;
    const QString text = exampleDefinition(id).tutorialText();
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            listing << line.trimmed();
    }
    QCOMPARE(listing, tutorialLines.mid(first, end - first));
}

void TestPythonListing::knobSpecs_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QVariant>("defaultValue");
    QTest::addColumn<QVariant>("minimum");
    QTest::addColumn<QVariant>("maximum");
    QTest::newRow("producers") << QStringLiteral("queue") << QStringLiteral("producers") << QVariant(1) << QVariant(1) << QVariant(16);
    QTest::newRow("consumers") << QStringLiteral("queue") << QStringLiteral("consumers") << QVariant(1) << QVariant(1) << QVariant(16);
    QTest::newRow("items") << QStringLiteral("queue") << QStringLiteral("items") << QVariant(5) << QVariant(0) << QVariant(1000000);
    QTest::newRow("maxsize") << QStringLiteral("queue") << QStringLiteral("maxsize") << QVariant(0) << QVariant(0) << QVariant(100000);
    QTest::newRow("delay") << QStringLiteral("queue") << QStringLiteral("delay") << QVariant(0.0) << QVariant(0.0) << QVariant(10.0);
    QTest::newRow("messages") << QStringLiteral("pipe") << QStringLiteral("messages") << QVariant(5) << QVariant(1) << QVariant(100000);
    QTest::newRow("workers") << QStringLiteral("shared") << QStringLiteral("workers") << QVariant(2) << QVariant(1) << QVariant(64);
    QTest::newRow("increments") << QStringLiteral("shared") << QStringLiteral("increments") << QVariant(1000000) << QVariant(1) << QVariant(10000000);
    QTest::newRow("lock") << QStringLiteral("shared") << QStringLiteral("lock") << QVariant(true) << QVariant() << QVariant();
    // The traps: a boolean, and choices (minimum, maximum: the ids, default first).
    QTest::newRow("sentinel") << QStringLiteral("queue") << QStringLiteral("sentinel") << QVariant(true) << QVariant() << QVariant();
    QTest::newRow("consumers-start") << QStringLiteral("queue") << QStringLiteral("consumers-start")
                                     << QVariant(QStringLiteral("with-producers")) << QVariant(QStringLiteral("with-producers"))
                                     << QVariant(QStringLiteral("after-join"));
    QTest::newRow("processes") << QStringLiteral("pool") << QStringLiteral("processes") << QVariant(2) << QVariant(1) << QVariant(64);
    QTest::newRow("tasks") << QStringLiteral("pool") << QStringLiteral("tasks") << QVariant(2) << QVariant(1) << QVariant(100000);
    QTest::newRow("sleep") << QStringLiteral("pool") << QStringLiteral("sleep") << QVariant(2.0) << QVariant(0.0) << QVariant(60.0);
    QTest::newRow("maxtasksperchild") << QStringLiteral("pool") << QStringLiteral("maxtasksperchild") << QVariant(0) << QVariant(0) << QVariant(1000);
    QTest::newRow("kill-worker-after") << QStringLiteral("pool") << QStringLiteral("kill-worker-after") << QVariant(0) << QVariant(0) << QVariant(600000);
    QTest::newRow("map-processes") << QStringLiteral("pool-map") << QStringLiteral("processes") << QVariant(2) << QVariant(1) << QVariant(64);
    QTest::newRow("map-items") << QStringLiteral("pool-map") << QStringLiteral("items") << QVariant(10) << QVariant(0) << QVariant(1000000);
    QTest::newRow("map-chunksize") << QStringLiteral("pool-map") << QStringLiteral("chunksize") << QVariant(0) << QVariant(0) << QVariant(100000);
}

// Names, defaults and ranges as the issue gives them; the range is enforced with an error
// naming the option; labels and help are there to translate.
void TestPythonListing::knobSpecs()
{
    QFETCH(QString, id);
    QFETCH(QString, name);
    QFETCH(QVariant, defaultValue);
    QFETCH(QVariant, minimum);
    QFETCH(QVariant, maximum);
    const ExampleDefinition &example = exampleDefinition(id);
    const auto spec = std::find_if(example.knobs.cbegin(), example.knobs.cend(),
                                   [&](const KnobSpec &k) { return k.name == name; });
    QVERIFY(spec != example.knobs.cend());
    QVERIFY(qstrlen(spec->label) > 0);
    QVERIFY(qstrlen(spec->help) > 0);
    QCOMPARE(spec->defaultValue, defaultValue);
    QCOMPARE(resolvedKnobsOf(id, {}).value(name), defaultValue);
    QString error;
    if (spec->type == KnobSpec::Type::Bool) {
        QCOMPARE(parseKnobValue(*spec, QStringLiteral("off"), &error), QVariant(false));
        QCOMPARE(resolvedKnobsOf(id, {{name, false}}).value(name), QVariant(false));
        return;
    }
    if (spec->type == KnobSpec::Type::Choice) {
        QCOMPARE(spec->rangeText(), minimum.toString() + QLatin1Char('|') + maximum.toString());
        for (const KnobChoice &choice : spec->choices)
            QVERIFY(qstrlen(choice.label) > 0);
        QCOMPARE(resolvedKnobsOf(id, {{name, maximum}}).value(name), maximum);
        QVERIFY(!parseKnobValue(*spec, QStringLiteral("sometimes"), &error).has_value());
        QVERIFY2(error.contains(QStringLiteral("--") + name) && error.contains(maximum.toString()), qPrintable(error));
        return;
    }
    QCOMPARE(spec->minimum, minimum);
    QCOMPARE(spec->maximum, maximum);
    QVERIFY(parseKnobValue(*spec, maximum.toString(), &error).has_value());
    QVERIFY(parseKnobValue(*spec, minimum.toString(), &error).has_value());
    QVERIFY(!parseKnobValue(*spec, QString::number(maximum.toDouble() + 1), &error).has_value());
    QVERIFY2(error.contains(QStringLiteral("--") + name) && error.contains(maximum.toString()), qPrintable(error));
    QVERIFY(!resolveKnobs(example.knobs, {{name, minimum.toDouble() - 1}}, &error).has_value());
}

namespace {

QVariantMap queueTrap(const QVariantMap &knobs, bool sentinel, const QString &consumersStart)
{
    QVariantMap trap = knobs;
    trap.insert(QStringLiteral("sentinel"), sentinel);
    trap.insert(QStringLiteral("consumers-start"), consumersStart);
    return trap;
}

// Queue programs that never end, in Python as in ProcessLab: no sentinel (the consumers wait
// in get() for ever), or consumers started after the producers' join with a queue that fills.
QList<std::pair<const char *, QVariantMap>> hangingQueueRows()
{
    const QString withProducers = QStringLiteral("with-producers");
    const QString afterJoin = QStringLiteral("after-join");
    const QVariantMap full{{QStringLiteral("maxsize"), 2}, {QStringLiteral("items"), 10}};
    return {
        {"queue-no-sentinel", queueTrap({}, false, withProducers)},
        {"queue-no-sentinel-2x3",
         queueTrap({{QStringLiteral("producers"), 2}, {QStringLiteral("consumers"), 3}}, false, withProducers)},
        {"queue-no-sentinel-5x6",
         queueTrap({{QStringLiteral("producers"), 5}, {QStringLiteral("consumers"), 6}, {QStringLiteral("items"), 2}},
                   false, withProducers)},
        {"queue-after-join-full", queueTrap(full, true, afterJoin)},
        {"queue-after-join-full-no-sentinel", queueTrap(full, false, afterJoin)},
    };
}

void addIpcRows()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QVariantMap>("knobs");
    const auto queue = [](int producers, int consumers, int items, int maxsize, double delay) {
        return QVariantMap{{QStringLiteral("producers"), producers}, {QStringLiteral("consumers"), consumers},
                           {QStringLiteral("items"), items}, {QStringLiteral("maxsize"), maxsize},
                           {QStringLiteral("delay"), delay}};
    };
    const auto shared = [](int workers, int increments, bool lock) {
        return QVariantMap{{QStringLiteral("workers"), workers}, {QStringLiteral("increments"), increments},
                           {QStringLiteral("lock"), lock}};
    };
    // Every process prints under 8 KiB: Python's buffered stdout then leaves in one write()
    // at exit, so the lines of different processes never cut into each other.
    QTest::newRow("queue-defaults") << QStringLiteral("queue") << QVariantMap();
    QTest::newRow("queue-0-items") << QStringLiteral("queue") << queue(1, 1, 0, 0, 0);
    QTest::newRow("queue-0-items-3x5") << QStringLiteral("queue") << queue(3, 5, 0, 0, 0);
    QTest::newRow("queue-16x16") << QStringLiteral("queue") << queue(16, 16, 4, 0, 0);
    QTest::newRow("queue-maxsize-1") << QStringLiteral("queue") << queue(2, 3, 20, 1, 0);
    QTest::newRow("queue-delay-0.01") << QStringLiteral("queue") << queue(1, 1, 3, 0, 0.01);
    QTest::newRow("queue-4x4-maxsize-2") << QStringLiteral("queue") << queue(4, 4, 10, 2, 0);
    QTest::newRow("queue-5x1") << QStringLiteral("queue") << queue(5, 1, 30, 0, 0);
    QTest::newRow("queue-1x5") << QStringLiteral("queue") << queue(1, 5, 30, 7, 0.001);
    // Consumers started only after the producers' join: fine while the queue never fills.
    const auto afterJoin = [](QVariantMap knobs) {
        knobs.insert(QStringLiteral("consumers-start"), QStringLiteral("after-join"));
        return knobs;
    };
    QTest::newRow("queue-after-join") << QStringLiteral("queue") << afterJoin({});
    QTest::newRow("queue-after-join-3x2") << QStringLiteral("queue") << afterJoin(queue(3, 2, 20, 100, 0));
    QTest::newRow("queue-after-join-5x5") << QStringLiteral("queue") << afterJoin(queue(5, 5, 3, 0, 0));
    QTest::newRow("pipe-defaults") << QStringLiteral("pipe") << QVariantMap();
    QTest::newRow("pipe-1") << QStringLiteral("pipe") << QVariantMap{{QStringLiteral("messages"), 1}};
    QTest::newRow("pipe-300") << QStringLiteral("pipe") << QVariantMap{{QStringLiteral("messages"), 300}};
    QTest::newRow("shared-defaults") << QStringLiteral("shared") << QVariantMap();
    QTest::newRow("shared-lock-off") << QStringLiteral("shared") << shared(2, 10000, false);
    QTest::newRow("shared-1x1") << QStringLiteral("shared") << shared(1, 1, true);
    QTest::newRow("shared-5-lock-off") << QStringLiteral("shared") << shared(5, 2000, false);
    QTest::newRow("shared-64") << QStringLiteral("shared") << shared(64, 100, true);
    QTest::newRow("shared-64-lock-off") << QStringLiteral("shared") << shared(64, 100, false);
}

} // namespace

void TestPythonListing::ipcStatementsNameTheirLines_data()
{
    addIpcRows();
    // Only the text is generated here: the largest values are cheap.
    QTest::newRow("queue-max") << QStringLiteral("queue")
                               << QVariantMap{{QStringLiteral("producers"), 16}, {QStringLiteral("consumers"), 16},
                                              {QStringLiteral("items"), 1000000}, {QStringLiteral("maxsize"), 100000},
                                              {QStringLiteral("delay"), 10.0}};
    QTest::newRow("queue-4x5") << QStringLiteral("queue")
                               << QVariantMap{{QStringLiteral("producers"), 4}, {QStringLiteral("consumers"), 5}};
    // The traps that hang (python3 is not run here).
    for (const auto &[name, knobs] : hangingQueueRows())
        QTest::newRow(name) << QStringLiteral("queue") << knobs;
    QTest::newRow("pipe-max") << QStringLiteral("pipe") << QVariantMap{{QStringLiteral("messages"), 100000}};
    QTest::newRow("shared-max") << QStringLiteral("shared")
                                << QVariantMap{{QStringLiteral("workers"), 64},
                                               {QStringLiteral("increments"), 10000000},
                                               {QStringLiteral("lock"), false}};
}

// Every statement and trace the generator records is on a line that holds exactly the
// expected code (expected texts written here from the spec, not from the generator), in
// the expected loop context, and nothing else is recorded.
void TestPythonListing::ipcStatementsNameTheirLines()
{
    QFETCH(QString, id);
    QFETCH(QVariantMap, knobs);
    const QVariantMap k = resolvedKnobsOf(id, knobs);
    const PythonProgram program = exampleDefinition(id).pythonProgram(k);
    QHash<QString, ProgramStatement> expected; // name -> code (as `line`-less statement) and context
    QHash<QString, QString> code;
    QHash<QString, QString> traces;
    const auto expect = [&](const QString &name, const QString &text, const QString &context = {}) {
        code.insert(name, text);
        expected.insert(name, {0, context});
    };
    // A group of processes: named one per line up to 4 (sole name for one), else a list.
    const auto expectGroup = [&](const QString &role, int count, const QString &sole, const QString &name,
                                 const QString &list, const QString &make) {
        // make has %1 for the number when the processes get one
        const auto made = [&make](const QString &number) {
            return make.contains(QStringLiteral("%1")) ? make.arg(number) : make;
        };
        for (int n = 1; n <= count; ++n) {
            if (count <= maxUnrolledWorkers) {
                const QString variable = count == 1 && !sole.isEmpty() ? sole : name + QString::number(n);
                expect(QStringLiteral("%1.%2.create").arg(role).arg(n), variable + QStringLiteral(" = ") + made(QString::number(n)));
                expect(QStringLiteral("%1.%2.start").arg(role).arg(n), variable + QStringLiteral(".start()"));
                expect(QStringLiteral("%1.%2.join").arg(role).arg(n), variable + QStringLiteral(".join()"));
            } else {
                const QString element = QStringLiteral("%1 = %2[%3]").arg(name, list).arg(n - 1);
                expect(QStringLiteral("%1.%2.create").arg(role).arg(n), name + QStringLiteral(" = ") + made(QStringLiteral("i")),
                       QStringLiteral("i = %1").arg(n));
                expect(QStringLiteral("%1.%2.start").arg(role).arg(n), name + QStringLiteral(".start()"), element);
                expect(QStringLiteral("%1.%2.join").arg(role).arg(n), name + QStringLiteral(".join()"), element);
            }
        }
    };
    if (id == QLatin1StringView("queue")) {
        const int producers = knob(k, "producers");
        const int consumers = knob(k, "consumers");
        const int maxsize = knob(k, "maxsize");
        const double delay = k.value(QStringLiteral("delay")).toDouble();
        expect(QStringLiteral("queue.create"), maxsize > 0 ? QStringLiteral("queue = multiprocessing.Queue(maxsize=%1)").arg(maxsize)
                                                           : QStringLiteral("queue = multiprocessing.Queue()"));
        expectGroup(QStringLiteral("producer"), producers, QStringLiteral("producer_process"), QStringLiteral("producer_process"),
                    QStringLiteral("producer_processes"),
                    producers > 1 ? QStringLiteral("multiprocessing.Process(target=producer, args=(queue, %1))")
                                  : QStringLiteral("multiprocessing.Process(target=producer, args=(queue,))"));
        expectGroup(QStringLiteral("consumer"), consumers, QStringLiteral("consumer_process"), QStringLiteral("consumer_process"),
                    QStringLiteral("consumer_processes"),
                    consumers > 1 ? QStringLiteral("multiprocessing.Process(target=consumer, args=(queue, %1))")
                                  : QStringLiteral("multiprocessing.Process(target=consumer, args=(queue,))"));
        const bool sentinel = k.value(QStringLiteral("sentinel")).toBool();
        const bool afterJoin = k.value(QStringLiteral("consumers-start")).toString() == QLatin1StringView("after-join");
        for (int n = 1; sentinel && n <= consumers; ++n)
            expect(QStringLiteral("sentinel.%1").arg(n), QStringLiteral("queue.put(None)"),
                   consumers <= maxUnrolledWorkers ? QString() : QStringLiteral("i = %1").arg(n - 1));
        // No sentinel: no None at all, and a comment says what happens instead.
        QCOMPARE(program.text.contains(QStringLiteral("None)")), sentinel);
        QCOMPARE(program.text.contains(
                     QStringLiteral("\n    # 没有放入结束标记 None:消费者进程会一直等待 queue.get(),永远不会结束\n")),
                 !sentinel);
        QCOMPARE(program.text.contains(QStringLiteral("\n    # 启动消费者进程\n")), afterJoin);
        const auto lineOf = [&](const QString &name) { return program.statements.value(name).line; };
        // after-join: every consumer starts below every producer's join, and the other way round.
        QCOMPARE(lineOf(QStringLiteral("consumer.1.start")) > lineOf(QStringLiteral("producer.%1.join").arg(producers)),
                 afterJoin);

        // The host script runs the statements in Python's order, each on its line.
        QStringList order{QStringLiteral("queue.create")};
        const auto group = [](const QString &role, int count, const char *what) {
            QStringList names;
            for (int n = 1; n <= count; ++n)
                names << QStringLiteral("%1.%2.%3").arg(role).arg(n).arg(QLatin1StringView(what));
            return names;
        };
        order << group(QStringLiteral("producer"), producers, "create") << group(QStringLiteral("consumer"), consumers, "create")
              << group(QStringLiteral("producer"), producers, "start");
        if (afterJoin)
            order << group(QStringLiteral("producer"), producers, "join") << group(QStringLiteral("consumer"), consumers, "start");
        else
            order << group(QStringLiteral("consumer"), consumers, "start") << group(QStringLiteral("producer"), producers, "join");
        for (int n = 1; sentinel && n <= consumers; ++n)
            order << QStringLiteral("sentinel.%1").arg(n);
        order << group(QStringLiteral("consumer"), consumers, "join") << QStringLiteral("print.final");
        const HostScript script = exampleDefinition(id).script(k);
        QCOMPARE(script.steps.size(), order.size());
        QCOMPARE(script.workers.size(), producers + consumers);
        for (qsizetype i = 0; i < order.size(); ++i) {
            const ScriptStep &step = script.steps.at(i);
            const QString &name = order.at(i);
            QCOMPARE(step.sourceLine, program.statements.value(name).line);
            QCOMPARE(step.source, program.listing.line(step.sourceLine));
            QCOMPARE(step.context, program.statements.value(name).context);
            const QStringList parts = name.split(QLatin1Char('.'));
            if (parts.size() == 3 && parts.at(0) != QLatin1StringView("queue")) {
                const int n = parts.at(1).toInt();
                QCOMPARE(step.worker, parts.at(0) == QLatin1StringView("producer") ? n : producers + n);
                QCOMPARE(step.kind, parts.at(2) == QLatin1StringView("create")  ? ScriptStep::Kind::Create
                                    : parts.at(2) == QLatin1StringView("start") ? ScriptStep::Kind::Start
                                                                                : ScriptStep::Kind::Join);
            } else if (name.startsWith(QLatin1StringView("sentinel."))) {
                QCOMPARE(step.kind, ScriptStep::Kind::Call);
                QCOMPARE(step.method, QStringLiteral("put"));
                QVERIFY(step.arguments.value(0).literal.isNull());
            }
        }
        expect(QStringLiteral("print.final"), QStringLiteral("print(\"All processes finished\")"));
        traces.insert(QStringLiteral("put"), producers > 1 ? QStringLiteral("queue.put([num, i])") : QStringLiteral("queue.put(i)"));
        traces.insert(QStringLiteral("produced"), producers > 1 ? QStringLiteral("print(f\"Produced: {i} (producer {num})\")")
                                                                : QStringLiteral("print(f\"Produced: {i}\")"));
        if (delay > 0)
            traces.insert(QStringLiteral("sleep"), QStringLiteral("time.sleep(%1)").arg(pythonNumber(delay)));
        traces.insert(QStringLiteral("get"), QStringLiteral("item = queue.get()"));
        traces.insert(QStringLiteral("is-none"), QStringLiteral("if item is None:"));
        traces.insert(QStringLiteral("break"), QStringLiteral("break"));
        if (producers > 1)
            traces.insert(QStringLiteral("unpack"), QStringLiteral("producer_num, i = item"));
        const QString consumed = consumedLine(0, 0, 0, producers, consumers)
                                     .replace(QStringLiteral("Consumed: 0"), producers > 1 ? QStringLiteral("Consumed: {i}")
                                                                                           : QStringLiteral("Consumed: {item}"))
                                     .replace(QStringLiteral("producer 0"), QStringLiteral("producer {producer_num}"))
                                     .replace(QStringLiteral("consumer 0"), QStringLiteral("consumer {num}"));
        traces.insert(QStringLiteral("consumed"), QStringLiteral("print(f\"%1\")").arg(consumed));
        QCOMPARE(program.text.contains(QStringLiteral("import time\n")), delay > 0);
        QCOMPARE(program.text.count(QStringLiteral("    for i in range(%1):\n        %2\n")
                                        .arg(knob(k, "items"))
                                        .arg(traces.value(QStringLiteral("put")))),
                 1);
    } else if (id == QLatin1StringView("pipe")) {
        expect(QStringLiteral("pipe.create"), QStringLiteral("parent_conn, child_conn = multiprocessing.Pipe()"));
        expect(QStringLiteral("sender.1.create"), QStringLiteral("process = multiprocessing.Process(target=sender, args=(child_conn,))"));
        expect(QStringLiteral("sender.1.start"), QStringLiteral("process.start()"));
        expect(QStringLiteral("sender.1.join"), QStringLiteral("process.join()"));
        expect(QStringLiteral("recv"), QStringLiteral("msg = parent_conn.recv()"));
        expect(QStringLiteral("recv.is-none"), QStringLiteral("if msg is None:"));
        expect(QStringLiteral("recv.break"), QStringLiteral("break"));
        expect(QStringLiteral("print.received"), QStringLiteral("print(f\"Received: {msg}\")"));
        expect(QStringLiteral("print.final"), QStringLiteral("print(\"All processes finished\")"));
        traces.insert(QStringLiteral("send"), QStringLiteral("conn.send(f\"Message {i}\")"));
        traces.insert(QStringLiteral("sent"), QStringLiteral("print(f\"Sent: Message {i}\")"));
        traces.insert(QStringLiteral("send-none"), QStringLiteral("conn.send(None)"));
        traces.insert(QStringLiteral("close"), QStringLiteral("conn.close()"));
        QCOMPARE(program.text.count(QStringLiteral("for i in range(%1):").arg(knob(k, "messages"))), 1);
    } else {
        const int workers = knob(k, "workers");
        const int increments = knob(k, "increments");
        const bool lock = k.value(QStringLiteral("lock")).toBool();
        expect(QStringLiteral("counter.create"), QStringLiteral("counter = multiprocessing.Value('i', 0)"));
        expect(QStringLiteral("results.create"), QStringLiteral("results = multiprocessing.Array('i', %1)").arg(workers));
        expectGroup(QStringLiteral("worker"), workers, QString(), QStringLiteral("process"), QStringLiteral("processes"),
                    QStringLiteral("multiprocessing.Process(target=worker, args=(counter, results, %1))"));
        expect(QStringLiteral("print.value"), QStringLiteral("print(\"Final value:\", counter.value)"));
        expect(QStringLiteral("print.array"), QStringLiteral("print(\"Array:\", results[:])"));
        if (!lock)
            expect(QStringLiteral("print.lost"),
                   QStringLiteral("print(\"Lost updates:\", %1 * %2 - counter.value)").arg(workers).arg(increments));
        if (lock)
            traces.insert(QStringLiteral("lock"), QStringLiteral("with counter.get_lock():"));
        traces.insert(QStringLiteral("increment"), QStringLiteral("counter.value += 1"));
        traces.insert(QStringLiteral("store"), QStringLiteral("results[num - 1] = num"));
        traces.insert(QStringLiteral("finished"), QStringLiteral("print(f\"Worker {num} finished\")"));
        QCOMPARE(program.text.count(QStringLiteral("for _ in range(%1):").arg(increments)), 1);
        QCOMPARE(program.text.contains(QStringLiteral("get_lock")), lock);
    }

    const SourceListing &listing = program.listing;
    QCOMPARE(program.statements.size(), expected.size());
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        QVERIFY2(program.statements.contains(it.key()), qPrintable(it.key()));
        const ProgramStatement statement = program.statements.value(it.key());
        QVERIFY2(statement.line >= 1 && statement.line <= listing.lineCount(), qPrintable(it.key()));
        QCOMPARE(listing.line(statement.line), code.value(it.key()));
        QCOMPARE(statement.context, it.value().context);
    }
    QCOMPARE(program.traceLines.size(), traces.size());
    for (auto it = traces.cbegin(); it != traces.cend(); ++it) {
        const int line = program.traceLines.value(it.key());
        QVERIFY2(line >= 1 && line <= listing.lineCount(), qPrintable(it.key()));
        QCOMPARE(listing.line(line), it.value());
    }
}

void TestPythonListing::ipcListingsRunWithPython_data()
{
    addIpcRows();
}

// python3 runs the listing written for the knobs and prints what the spec says.
void TestPythonListing::ipcListingsRunWithPython()
{
    QFETCH(QString, id);
    QFETCH(QVariantMap, knobs);
    if (m_python.isEmpty())
        QSKIP("python3 is not installed");
    const QVariantMap k = resolvedKnobsOf(id, knobs);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcess python;
    QSignalSpy finished(&python, &QProcess::finished);
    QVERIFY(startListing(python, m_python, dir, id, exampleDefinition(id).pythonProgram(k).text));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
    QCOMPARE(python.readAllStandardError(), QByteArray());
    QCOMPARE(python.exitStatus(), QProcess::NormalExit);
    QCOMPARE(python.exitCode(), 0);
    const QStringList lines = textLines(python.readAllStandardOutput());
    QVERIFY(!lines.isEmpty());
    if (id == QLatin1StringView("queue"))
        checkQueueOutput(lines, knob(k, "producers"), knob(k, "consumers"), knob(k, "items"));
    else if (id == QLatin1StringView("pipe"))
        checkPipeOutput(lines, knob(k, "messages"));
    else
        checkSharedOutput(lines, knob(k, "workers"), knob(k, "increments"), k.value(QStringLiteral("lock")).toBool());
}

void TestPythonListing::hangingQueueListingsHangInPythonToo_data()
{
    QTest::addColumn<QVariantMap>("knobs");
    for (const auto &[name, knobs] : hangingQueueRows())
        QTest::newRow(name) << knobs;
}

// The traps ProcessLab stages are Python's own: python3 running the listing prints what it
// can, then waits for ever (killed here, with every process it started).
void TestPythonListing::hangingQueueListingsHangInPythonToo()
{
    QFETCH(QVariantMap, knobs);
    if (m_python.isEmpty())
        QSKIP("python3 is not installed");
    if (!canListChildren)
        QSKIP("listing the processes python3 started needs /proc (Linux)");
#ifdef Q_OS_UNIX
    const QVariantMap k = resolvedKnobsOf(QStringLiteral("queue"), knobs);
    const int producers = knob(k, "producers");
    const int items = knob(k, "items");
    const int maxsize = knob(k, "maxsize");
    const bool afterJoin = k.value(QStringLiteral("consumers-start")).toString() == QLatin1StringView("after-join");
    // What python3 prints before it waits: a producer stops at a full queue nobody empties;
    // else every item is produced and consumed, and the consumers wait for a None.
    QStringList printed;
    QStringList neverPrinted{QStringLiteral("All processes finished")};
    int consumedCount = producers * items;
    const int producedEach = afterJoin && maxsize > 0 ? std::min(items, maxsize) : items;
    for (int p = 1; p <= producers; ++p) {
        for (int i = 0; i < producedEach; ++i)
            printed << producedLine(i, p, producers);
        if (producedEach < items)
            neverPrinted << producedLine(producedEach, p, producers);
    }
    if (afterJoin) {
        QVERIFY2(producers == 1 && maxsize > 0 && items > maxsize, "the rows fill the queue of one producer");
        consumedCount = 0;
    }

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcess python;
    // Its own process group: the processes it starts are killed with it at the end.
    python.setChildProcessModifier([] { ::setpgid(0, 0); });
    QByteArray out;
    connect(&python, &QProcess::readyReadStandardOutput, &python, [&] { out += python.readAllStandardOutput(); });
    // Unbuffered (-u): the lines come as they are printed, not when a process exits.
    QVERIFY(startListing(python, m_python, dir, QStringLiteral("queue"),
                         exampleDefinition(QStringLiteral("queue")).pythonProgram(k).text, {QStringLiteral("-u")}));
    const auto printedAll = [&] {
        const QString text = QString::fromUtf8(out);
        return std::all_of(printed.cbegin(), printed.cend(), [&](const QString &line) { return text.contains(line); })
               && text.count(QStringLiteral("Consumed: ")) == consumedCount;
    };
    QVERIFY2(QTest::qWaitFor(printedAll, 120000), out.constData());
    // It has reached the wait: it does not finish, nor print more, within a few seconds.
    const bool finished = QTest::qWaitFor([&] { return python.state() == QProcess::NotRunning; }, 3000);
    QCOMPARE(python.readAllStandardError(), QByteArray());
    QVERIFY2(!finished, "python3 ended: the listing does not hang");
    QVERIFY(printedAll());
    for (const QString &line : std::as_const(neverPrinted))
        QVERIFY2(!QString::fromUtf8(out).contains(line), qPrintable(line));

    // Every process of the program, python3's children and theirs, goes with the group.
    QList<qint64> pids{python.processId()};
    for (qsizetype i = 0; i < pids.size(); ++i)
        pids << childPidsOf(pids.at(i));
    QVERIFY2(pids.size() >= 2, "python3 started its processes");
    QCOMPARE(::kill(-static_cast<pid_t>(python.processId()), SIGKILL), 0);
    QVERIFY(allGone(pids));
    QTRY_COMPARE_WITH_TIMEOUT(python.state(), QProcess::NotRunning, 30000);
#endif
}

void TestPythonListing::poolDefaultsGiveTheirListing_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("fromTutorial");
    QTest::newRow("pool") << QStringLiteral("pool") << true;
    QTest::newRow("pool-map") << QStringLiteral("pool-map") << false;
}

// The defaults give the resource byte for byte; any knob of the program changes it. Both are
// scripted and listed.
void TestPythonListing::poolDefaultsGiveTheirListing()
{
    QFETCH(QString, id);
    QFETCH(bool, fromTutorial);
    const ExampleDefinition &example = exampleDefinition(id);
    QCOMPARE(example.group, ExampleGroup::Pool);
    QCOMPARE(example.listingFromTutorial, fromTutorial);
    QVERIFY(!example.titleEn.isEmpty() && !example.summaryEn.isEmpty());
    QVERIFY(example.titleZh.contains(QStringLiteral("进程池")));
    QVERIFY(example.summaryZh.contains(QStringLiteral("进程池")));
    QVERIFY(example.buildScript);
    QVERIFY(ExampleRegistry::find(id)); // listed, runnable
    const PythonProgram program = example.pythonProgram(resolvedKnobsOf(id, {}));
    QFile resource(example.pythonResource);
    QVERIFY(resource.open(QIODevice::ReadOnly));
    QCOMPARE(program.text.toUtf8(), resource.readAll()); // byte for byte
    QVERIFY(example.isTutorialProgram(program));
    for (const KnobSpec &knob : example.knobs) {
        const PythonProgram changed = example.pythonProgram(resolvedKnobsOf(id, {{knob.name, knob.maximum}}));
        // The fault knob is ProcessLab's, not Python's: the listing stays the tutorial's.
        QCOMPARE(example.isTutorialProgram(changed), knob.name == QLatin1StringView("kill-worker-after"));
    }
}

namespace {

QVariantMap poolKnobs(int processes, int tasks, double sleep, int maxtasksperchild)
{
    return {{QStringLiteral("processes"), processes}, {QStringLiteral("tasks"), tasks},
            {QStringLiteral("sleep"), sleep}, {QStringLiteral("maxtasksperchild"), maxtasksperchild}};
}

QVariantMap poolMapKnobs(int processes, int items, int chunksize)
{
    return {{QStringLiteral("processes"), processes}, {QStringLiteral("items"), items},
            {QStringLiteral("chunksize"), chunksize}};
}

void addPoolRows()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QVariantMap>("knobs");
    QTest::newRow("pool-defaults") << QStringLiteral("pool") << QVariantMap();
    QTest::newRow("pool-1-task") << QStringLiteral("pool") << poolKnobs(2, 1, 0.05, 0);
    QTest::newRow("pool-4-tasks") << QStringLiteral("pool") << poolKnobs(2, 4, 0, 0);
    QTest::newRow("pool-5-tasks") << QStringLiteral("pool") << poolKnobs(2, 5, 0, 0);
    QTest::newRow("pool-10-tasks-3-processes") << QStringLiteral("pool") << poolKnobs(3, 10, 0.05, 0);
    QTest::newRow("pool-maxtasksperchild-1") << QStringLiteral("pool") << poolKnobs(2, 6, 0, 1);
    QTest::newRow("pool-64-processes") << QStringLiteral("pool") << poolKnobs(64, 100, 0, 0);
    for (const int items : {0, 1, 7, 1000}) {
        for (const int chunksize : {0, 1, 3}) {
            QTest::addRow("pool-map-%d-chunksize-%d", items, chunksize)
                << QStringLiteral("pool-map") << poolMapKnobs(2, items, chunksize);
        }
    }
    QTest::newRow("pool-map-4-processes") << QStringLiteral("pool-map") << poolMapKnobs(4, 100, 0);
}

// What python3 prints for the pool listing: each task's two lines (started before finished,
// both printed by the one process that ran it), every task exactly once, the final line last.
void checkPoolOutput(const QStringList &lines, int tasks)
{
    QCOMPARE(lines.size(), 2 * tasks + 1);
    QCOMPARE(lines.constLast(), QStringLiteral("All processes finished"));
    QStringList expected;
    for (int n = 1; n <= tasks; ++n) {
        const QString started = QStringLiteral("Worker %1 started").arg(n);
        const QString finished = QStringLiteral("Worker %1 finished").arg(n);
        QVERIFY2(lines.indexOf(started) >= 0 && lines.indexOf(started) < lines.indexOf(finished), qPrintable(started));
        expected << started << finished;
    }
    expected << QStringLiteral("All processes finished");
    expected.sort();
    QStringList sorted = lines;
    sorted.sort();
    QCOMPARE(sorted, expected);
}

// Python's print of a list of ints: "[0, 1, 4]", "[]"; written from the spec, squares in order.
QString squaresAsPythonPrintsThem(int items)
{
    QStringList squares;
    for (qint64 x = 0; x < items; ++x)
        squares << QString::number(x * x);
    return QLatin1Char('[') + squares.join(QStringLiteral(", ")) + QLatin1Char(']');
}

} // namespace

void TestPythonListing::poolStatementsNameTheirLines_data()
{
    addPoolRows();
    // Only the text is generated here: the largest values are cheap.
    QTest::newRow("pool-max") << QStringLiteral("pool") << poolKnobs(64, 100000, 60, 1000);
    QTest::newRow("pool-sleep-0.25") << QStringLiteral("pool") << poolKnobs(1, 3, 0.25, 2);
    QTest::newRow("pool-map-max") << QStringLiteral("pool-map") << poolMapKnobs(64, 1000000, 100000);
}

// Every statement and trace is on a line holding exactly the expected code (written here
// from the spec), in the expected loop context, and nothing else is recorded.
void TestPythonListing::poolStatementsNameTheirLines()
{
    QFETCH(QString, id);
    QFETCH(QVariantMap, knobs);
    const QVariantMap k = resolvedKnobsOf(id, knobs);
    const PythonProgram program = exampleDefinition(id).pythonProgram(k);
    QHash<QString, std::pair<QString, QString>> statements; // name -> (code, context)
    QHash<QString, QString> traces;
    const int processes = knob(k, "processes");
    if (id == QLatin1StringView("pool")) {
        const int tasks = knob(k, "tasks");
        const int maxtasksperchild = knob(k, "maxtasksperchild");
        const double sleep = k.value(QStringLiteral("sleep")).toDouble();
        statements.insert(QStringLiteral("pool.create"),
                          {maxtasksperchild > 0
                               ? QStringLiteral("pool = multiprocessing.Pool(processes=%1, maxtasksperchild=%2)")
                                     .arg(processes)
                                     .arg(maxtasksperchild)
                               : QStringLiteral("pool = multiprocessing.Pool(processes=%1)").arg(processes),
                           {}});
        for (int n = 1; n <= tasks; ++n) {
            statements.insert(QStringLiteral("apply.%1").arg(n),
                              tasks <= 4 ? std::pair{QStringLiteral("pool.apply_async(worker, (%1,))").arg(n), QString()}
                                         : std::pair{QStringLiteral("pool.apply_async(worker, (i,))"),
                                                     QStringLiteral("i = %1").arg(n)});
        }
        statements.insert(QStringLiteral("print.final"), {QStringLiteral("print(\"All processes finished\")"), {}});
        traces.insert(QStringLiteral("started"), QStringLiteral("print(f\"Worker {num} started\")"));
        traces.insert(QStringLiteral("sleep"), QStringLiteral("time.sleep(%1)").arg(pythonNumber(sleep)));
        traces.insert(QStringLiteral("finished"), QStringLiteral("print(f\"Worker {num} finished\")"));
        QCOMPARE(program.text.count(QStringLiteral("apply_async")), tasks <= 4 ? tasks : 1);
        QCOMPARE(program.text.count(QStringLiteral("    for i in range(1, %1):\n").arg(tasks + 1)), tasks <= 4 ? 0 : 1);
        // The fault knob does not reach the Python program.
        QVariantMap withFault = k;
        withFault.insert(QStringLiteral("kill-worker-after"), 500);
        QCOMPARE(exampleDefinition(id).pythonProgram(withFault).text, program.text);
    } else {
        const int items = knob(k, "items");
        const int chunksize = knob(k, "chunksize");
        statements.insert(QStringLiteral("pool.create"),
                          {QStringLiteral("pool = multiprocessing.Pool(processes=%1)").arg(processes), {}});
        statements.insert(QStringLiteral("map"),
                          {chunksize > 0 ? QStringLiteral("results = pool.map(square, range(%1), chunksize=%2)")
                                               .arg(items)
                                               .arg(chunksize)
                                         : QStringLiteral("results = pool.map(square, range(%1))").arg(items),
                           {}});
        statements.insert(QStringLiteral("print.results"), {QStringLiteral("print(results)"), {}});
        traces.insert(QStringLiteral("square"), QStringLiteral("return x * x"));
        QCOMPARE(program.text.contains(QStringLiteral("chunksize")), chunksize > 0);
    }
    statements.insert(QStringLiteral("close"), {QStringLiteral("pool.close()"), {}});
    statements.insert(QStringLiteral("join"), {QStringLiteral("pool.join()"), {}});

    const SourceListing &listing = program.listing;
    QCOMPARE(program.statements.size(), statements.size());
    for (auto it = statements.cbegin(); it != statements.cend(); ++it) {
        QVERIFY2(program.statements.contains(it.key()), qPrintable(it.key()));
        const ProgramStatement statement = program.statements.value(it.key());
        QVERIFY2(statement.line >= 1 && statement.line <= listing.lineCount(), qPrintable(it.key()));
        QCOMPARE(listing.line(statement.line), it.value().first);
        QCOMPARE(statement.context, it.value().second);
    }
    // close, then join, then what follows join: the order Python runs them in.
    QVERIFY(program.statements.value(QStringLiteral("close")).line < program.statements.value(QStringLiteral("join")).line);
    QCOMPARE(program.traceLines.size(), traces.size());
    for (auto it = traces.cbegin(); it != traces.cend(); ++it) {
        const int line = program.traceLines.value(it.key());
        QVERIFY2(line >= 1 && line <= listing.lineCount(), qPrintable(it.key()));
        QCOMPARE(listing.line(line), it.value());
    }

    // The host script runs those statements in Python's order, each step on its line (the
    // code view marks it), calling the pool as the line does.
    QStringList order{QStringLiteral("pool.create")};
    if (id == QLatin1StringView("pool")) {
        for (int n = 1; n <= knob(k, "tasks"); ++n)
            order << QStringLiteral("apply.%1").arg(n);
        order << QStringLiteral("close") << QStringLiteral("join") << QStringLiteral("print.final");
    } else {
        order << QStringLiteral("map") << QStringLiteral("print.results") << QStringLiteral("close") << QStringLiteral("join");
    }
    const HostScript script = exampleDefinition(id).script(k);
    QVERIFY(script.workers.isEmpty()); // the pool starts its own processes
    QCOMPARE(script.steps.size(), order.size());
    for (qsizetype i = 0; i < order.size(); ++i) {
        const ScriptStep &step = script.steps.at(i);
        const ProgramStatement statement = program.statements.value(order.at(i));
        QCOMPARE(step.sourceLine, statement.line);
        QCOMPARE(step.source, listing.line(statement.line));
        QCOMPARE(step.context, statement.context);
        if (order.at(i).startsWith(QLatin1StringView("apply."))) {
            QCOMPARE(step.method, QStringLiteral("apply_async"));
            QCOMPARE(step.arguments.value(1).literal.toArray().at(0).toInteger(), order.at(i).mid(6).toLongLong());
        } else if (order.at(i) == QLatin1StringView("map")) {
            QCOMPARE(step.variable, QStringLiteral("results"));
            QCOMPARE(step.arguments.value(1).literal.toInteger(), knob(k, "items"));
            const int chunksize = knob(k, "chunksize");
            QCOMPARE(step.arguments.value(2).literal, chunksize > 0 ? QCborValue(chunksize) : QCborValue(nullptr));
        }
    }
}

void TestPythonListing::poolListingsRunWithPython_data()
{
    addPoolRows();
}

// python3 runs the listing written for the knobs and prints what the spec says.
void TestPythonListing::poolListingsRunWithPython()
{
    QFETCH(QString, id);
    QFETCH(QVariantMap, knobs);
    if (m_python.isEmpty())
        QSKIP("python3 is not installed");
    const QVariantMap k = resolvedKnobsOf(id, knobs);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcess python;
    QSignalSpy finished(&python, &QProcess::finished);
    QVERIFY(startListing(python, m_python, dir, id, exampleDefinition(id).pythonProgram(k).text));
    // ProcessLab runs the same knobs at the same time (the two runs share nothing).
    QStringList arguments{QStringLiteral("run"), id};
    for (auto it = knobs.cbegin(); it != knobs.cend(); ++it)
        arguments << QStringLiteral("--") + it.key() << it.value().toString();
    QProcess cli;
    QSignalSpy cliFinished(&cli, &QProcess::finished);
    QByteArray cliOut;
    connect(&cli, &QProcess::readyReadStandardOutput, &cli, [&] { cliOut += cli.readAllStandardOutput(); });
    cli.start(cliPath(), arguments);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count() + cliFinished.count(), 2, 120000);
    QCOMPARE(python.readAllStandardError(), QByteArray());
    QCOMPARE(python.exitStatus(), QProcess::NormalExit);
    QCOMPARE(python.exitCode(), 0);
    cliOut += cli.readAllStandardOutput();
    QCOMPARE(cli.readAllStandardError(), QByteArray());
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
    QCOMPARE(cli.exitCode(), 0);
    QStringList lines = textLines(python.readAllStandardOutput());
    QStringList fromProcessLab = textLines(cliOut);
    if (id == QLatin1StringView("pool")) {
        checkPoolOutput(lines, knob(k, "tasks"));
        checkPoolOutput(fromProcessLab, knob(k, "tasks"));
        // The same lines; the order of the tasks' lines is the OS's, `All processes finished` last in both.
        lines.sort();
        fromProcessLab.sort();
    } else {
        QCOMPARE(lines, QStringList{squaresAsPythonPrintsThem(knob(k, "items"))});
    }
    QCOMPARE(fromProcessLab, lines);
}

// A listing run where it lives (python3 resources/examples/pool.py) has its folder first on
// sys.path: a listing named like a standard module (queue.py) breaks every other listing there.
void TestPythonListing::listingFilesDoNotShadowTheStandardLibrary()
{
    if (m_python.isEmpty())
        QSKIP("python3 is not installed");
    QProcess python;
    QSignalSpy finished(&python, &QProcess::finished);
    python.setProcessEnvironment(pythonEnvironment());
    python.start(m_python, {QStringLiteral("-c"), QStringLiteral("import sys; print('\\n'.join(sorted(sys.stdlib_module_names)))")});
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QCOMPARE(python.exitCode(), 0);
    const QStringList standardModules = textLines(python.readAllStandardOutput());
    QVERIFY(standardModules.contains(QStringLiteral("queue")));
    const QStringList listings = QDir(QStringLiteral(":/examples")).entryList({QStringLiteral("*.py")}, QDir::Files);
    QVERIFY(listings.size() >= 7);
    for (const QString &listing : listings)
        QVERIFY2(!standardModules.contains(QFileInfo(listing).completeBaseName()), qPrintable(listing));
}

QTEST_GUILESS_MAIN(TestPythonListing)
#include "tst_pythonlisting.moc"
