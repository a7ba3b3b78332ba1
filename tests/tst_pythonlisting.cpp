// SPDX-License-Identifier: MIT
// The Python program shown for the knobs is the program that runs: every step and trace
// names a line of it, and python3 running it prints what ProcessLab prints.
#include "pythontestsupport.h"
#include "testsupport.h"

#include "examples/basicprograms.h"
#include "examples/exampleregistry.h"

#include <QRegularExpression>
#include <QTemporaryDir>

using namespace ProcessLab;
using namespace ProcessLab::TestSupport;

namespace {

QVariantMap resolved(const QString &id, int workers, double sleep)
{
    QString error;
    const auto knobs = resolveKnobs(ExampleRegistry::find(id)->knobs,
                                    {{QStringLiteral("workers"), workers}, {QStringLiteral("sleep"), sleep}}, &error);
    return knobs ? *knobs : QVariantMap();
}

void addKnobRows(const QList<int> &workerCounts, const QList<double> &sleeps)
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("workers");
    QTest::addColumn<double>("sleep");
    for (const char *id : {"process", "subclass"}) {
        for (const int workers : workerCounts) {
            for (const double sleep : sleeps) {
                QTest::addRow("%s-%d-%s", id, workers, qPrintable(pythonNumber(sleep)))
                    << QString::fromLatin1(id) << workers << sleep;
            }
        }
    }
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
    addKnobRows({1, 2, 3, 4, 5, 8}, {0.5, 2});
}

void TestPythonListing::changedKnobsChangeTheProgram()
{
    QFETCH(QString, id);
    QFETCH(int, workers);
    QFETCH(double, sleep);
    const ExampleDefinition *example = ExampleRegistry::find(id);
    const PythonProgram program = example->pythonProgram(resolved(id, workers, sleep));
    QCOMPARE(example->isTutorialProgram(program), workers == 2 && sleep == 2.0);
    const QString text = program.text;
    QCOMPARE(text.count(QStringLiteral("time.sleep(%1)\n").arg(pythonNumber(sleep))), 1);
    if (workers <= maxUnrolledWorkers) {
        // Named processes, one line per statement, as in the tutorial.
        QVERIFY(!text.contains(QStringLiteral("for ")));
        for (int i = 1; i <= workers; ++i) {
            QCOMPARE(text.count(QStringLiteral("process%1 = ").arg(i)), 1);
            QCOMPARE(text.count(QStringLiteral("process%1.start()").arg(i)), 1);
            QCOMPARE(text.count(QStringLiteral("process%1.join()").arg(i)), 1);
        }
        QVERIFY(!text.contains(QStringLiteral("process%1").arg(workers + 1)));
    } else {
        QCOMPARE(text.count(QStringLiteral("for i in range(1, %1):").arg(workers + 1)), 1);
        QCOMPARE(text.count(QStringLiteral("for process in processes:")), 2);
        QVERIFY(!text.contains(QStringLiteral("process1")));
    }
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
}

void TestPythonListing::everyStepAndTraceNamesItsLine_data()
{
    addKnobRows({1, 2, 3, 4, 5, 8, 64}, {0, 0.25, 2, 60});
}

void TestPythonListing::everyStepAndTraceNamesItsLine()
{
    QFETCH(QString, id);
    QFETCH(int, workers);
    QFETCH(double, sleep);
    const ExampleDefinition *example = ExampleRegistry::find(id);
    const QVariantMap knobs = resolved(id, workers, sleep);
    const SourceListing listing = example->pythonProgram(knobs).listing;
    const HostScript script = example->script(knobs);
    QCOMPARE(script.workers.size(), workers);
    QCOMPARE(script.steps.size(), 3 * workers + 1);

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
        {QStringLiteral("sleep"), QStringLiteral("time.sleep(%1)").arg(pythonNumber(sleep))},
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
    addKnobRows({1, 2, 3, 5, 8}, {0, 0.25});
}

void TestPythonListing::pythonPrintsWhatProcessLabPrints()
{
    QFETCH(QString, id);
    QFETCH(int, workers);
    QFETCH(double, sleep);
    if (m_python.isEmpty())
        QSKIP("python3 is not installed");
    const ExampleDefinition *example = ExampleRegistry::find(id);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(id + QStringLiteral(".py")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(example->pythonProgram(resolved(id, workers, sleep)).text.toUtf8());
    file.close();

    // Both at once: the machine is busy, and the two runs do not share anything.
    QProcess python;
    QSignalSpy pythonFinished(&python, &QProcess::finished);
    python.setProcessEnvironment(pythonEnvironment());
    python.setWorkingDirectory(dir.path());
    python.start(m_python, {file.fileName()});
    QProcess cli;
    QSignalSpy cliFinished(&cli, &QProcess::finished);
    cli.start(cliPath(), {QStringLiteral("run"), id, QStringLiteral("--workers"), QString::number(workers),
                          QStringLiteral("--sleep"), pythonNumber(sleep)});
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
    expected.sort();
    QStringList fromPython = textLines(python.readAllStandardOutput());
    QStringList fromProcessLab = textLines(cli.readAllStandardOutput());
    QCOMPARE(fromPython.constLast(), QStringLiteral("All processes finished"));
    QCOMPARE(fromProcessLab.constLast(), QStringLiteral("All processes finished"));
    fromPython.sort();
    fromProcessLab.sort();
    QCOMPARE(fromPython, fromProcessLab);
    QCOMPARE(fromProcessLab, expected);
}

QTEST_GUILESS_MAIN(TestPythonListing)
#include "tst_pythonlisting.moc"
