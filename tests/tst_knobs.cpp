// SPDX-License-Identifier: MIT
#include "pythontestsupport.h"

#include "examples/exampleregistry.h"
#include "examples/knob.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ProcessLab;

class TestKnobs : public QObject
{
    Q_OBJECT
private slots:
    void parse_data();
    void parse();
    void resolveFillsDefaults();
    void resolveRejectsUnknown();
    void registryIsComplete();
    void workKnobIsAChoice_data();
    void workKnobIsAChoice();
    void scriptsMapToSourceLines_data();
    void scriptsMapToSourceLines();
    void pythonSourcesRun_data();
    void pythonSourcesRun();
};

void TestKnobs::parse_data()
{
    QTest::addColumn<QString>("knob");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QVariant>("expected"); // invalid = rejected
    QTest::newRow("workers-ok") << QStringLiteral("workers") << QStringLiteral("8") << QVariant(8);
    QTest::newRow("workers-min") << QStringLiteral("workers") << QStringLiteral("1") << QVariant(1);
    QTest::newRow("workers-max") << QStringLiteral("workers") << QStringLiteral("64") << QVariant(64);
    QTest::newRow("workers-zero") << QStringLiteral("workers") << QStringLiteral("0") << QVariant();
    QTest::newRow("workers-65") << QStringLiteral("workers") << QStringLiteral("65") << QVariant();
    QTest::newRow("workers-fraction") << QStringLiteral("workers") << QStringLiteral("2.5") << QVariant();
    QTest::newRow("workers-text") << QStringLiteral("workers") << QStringLiteral("two") << QVariant();
    QTest::newRow("sleep-fraction") << QStringLiteral("sleep") << QStringLiteral("0.25") << QVariant(0.25);
    QTest::newRow("sleep-zero") << QStringLiteral("sleep") << QStringLiteral("0") << QVariant(0.0);
    QTest::newRow("sleep-negative") << QStringLiteral("sleep") << QStringLiteral("-1") << QVariant();
    QTest::newRow("sleep-abc") << QStringLiteral("sleep") << QStringLiteral("abc") << QVariant();
    QTest::newRow("sleep-nan") << QStringLiteral("sleep") << QStringLiteral("nan") << QVariant();
    QTest::newRow("sleep-too-long") << QStringLiteral("sleep") << QStringLiteral("61") << QVariant();
    QTest::newRow("work-sleep") << QStringLiteral("work") << QStringLiteral("sleep") << QVariant(QStringLiteral("sleep"));
    QTest::newRow("work-compute") << QStringLiteral("work") << QStringLiteral("compute") << QVariant(QStringLiteral("compute"));
    QTest::newRow("work-capitals") << QStringLiteral("work") << QStringLiteral(" Compute ") << QVariant(QStringLiteral("compute"));
    QTest::newRow("work-unknown") << QStringLiteral("work") << QStringLiteral("fast") << QVariant();
    QTest::newRow("work-empty") << QStringLiteral("work") << QString() << QVariant();
    QTest::newRow("work-number") << QStringLiteral("work") << QStringLiteral("1") << QVariant();
    QTest::newRow("joins-after-starts") << QStringLiteral("joins") << QStringLiteral("after-starts")
                                        << QVariant(QStringLiteral("after-starts"));
    QTest::newRow("joins-after-each-start") << QStringLiteral("joins") << QStringLiteral("After-Each-Start")
                                            << QVariant(QStringLiteral("after-each-start"));
    QTest::newRow("joins-unknown") << QStringLiteral("joins") << QStringLiteral("never") << QVariant();
}

void TestKnobs::parse()
{
    QFETCH(QString, knob);
    QFETCH(QString, text);
    QFETCH(QVariant, expected);
    const ExampleDefinition *example = ExampleRegistry::find(QStringLiteral("process"));
    QVERIFY(example);
    const auto spec = std::find_if(example->knobs.cbegin(), example->knobs.cend(),
                                   [&](const KnobSpec &k) { return k.name == knob; });
    QVERIFY(spec != example->knobs.cend());
    QString error;
    const std::optional<QVariant> value = parseKnobValue(*spec, text, &error);
    QCOMPARE(value.has_value(), expected.isValid());
    if (value) {
        QCOMPARE(*value, expected);
    } else {
        // One line naming the option and its range (or its choices).
        QVERIFY2(error.contains(QStringLiteral("--") + knob), qPrintable(error));
        QVERIFY2(error.contains(spec->minimum.toString()) && error.contains(spec->maximum.toString()),
                 qPrintable(error));
        if (spec->type == KnobSpec::Type::Choice) {
            QCOMPARE(error, QStringLiteral("--%1: expected one of %2, got '%3'")
                                .arg(knob, spec->rangeText().replace(QLatin1Char('|'), QStringLiteral(", ")), text));
        }
        QVERIFY(!error.contains(QLatin1Char('\n')));
    }
}

void TestKnobs::resolveFillsDefaults()
{
    const ExampleDefinition *example = ExampleRegistry::find(QStringLiteral("subclass"));
    QString error;
    const auto knobs = resolveKnobs(example->knobs, {{QStringLiteral("workers"), 5}}, &error);
    QVERIFY2(knobs, qPrintable(error));
    QCOMPARE(knobs->value(QStringLiteral("workers")).toInt(), 5);
    QCOMPARE(knobs->value(QStringLiteral("sleep")).toDouble(), 2.0);
}

void TestKnobs::resolveRejectsUnknown()
{
    const ExampleDefinition *example = ExampleRegistry::find(QStringLiteral("process"));
    QString error;
    QVERIFY(!resolveKnobs(example->knobs, {{QStringLiteral("items"), 5}}, &error));
    QVERIFY(error.contains(QStringLiteral("--items")));
    QVERIFY(!resolveKnobs(example->knobs, {{QStringLiteral("workers"), 0}}, &error));
    QVERIFY(error.contains(QStringLiteral("--workers")));
}

void TestKnobs::registryIsComplete()
{
    QVERIFY(ExampleRegistry::all().size() >= 2);
    for (const ExampleDefinition &e : ExampleRegistry::all()) {
        QVERIFY(!e.titleEn.isEmpty() && !e.titleZh.isEmpty());
        QVERIFY(!e.summaryEn.isEmpty() && !e.summaryZh.isEmpty());
        QVERIFY2(e.tutorialSource().lineCount() > 5, qPrintable(e.id));
        QVERIFY2(SourceListing::fromResource(e.cppResource).lineCount() > 5, qPrintable(e.id));
        QString defaultsError;
        const auto defaults = resolveKnobs(e.knobs, {}, &defaultsError);
        QVERIFY2(defaults, qPrintable(defaultsError));
        QVERIFY2(!e.traceSourceLines(*defaults).isEmpty(), qPrintable(e.id));
        for (const int line : e.traceSourceLines(*defaults))
            QVERIFY2(line > 0, qPrintable(e.id));
        for (const KnobSpec &k : e.knobs) {
            QString error;
            QVERIFY(resolveKnobs(e.knobs, {{k.name, k.defaultValue}}, &error));
        }
    }
    QVERIFY(!ExampleRegistry::find(QStringLiteral("nope")));
}

void TestKnobs::workKnobIsAChoice_data()
{
    QTest::addColumn<QString>("id");
    QTest::newRow("process") << QStringLiteral("process");
    QTest::newRow("subclass") << QStringLiteral("subclass");
}

// `work`: sleep (the tutorial's time.sleep, the default) or compute, each with a label to
// translate; a value that is no choice is refused naming them, and a choice survives the
// round trip through resolveKnobs (the app's settings and --set go that way).
void TestKnobs::workKnobIsAChoice()
{
    QFETCH(QString, id);
    const ExampleDefinition *example = ExampleRegistry::find(id);
    QVERIFY(example);
    const auto spec = std::find_if(example->knobs.cbegin(), example->knobs.cend(),
                                   [](const KnobSpec &k) { return k.name == QLatin1StringView("work"); });
    QVERIFY(spec != example->knobs.cend());
    QCOMPARE(spec->type, KnobSpec::Type::Choice);
    QCOMPARE(spec->defaultValue, QVariant(QStringLiteral("sleep")));
    QCOMPARE(spec->choices.size(), 2);
    QCOMPARE(spec->choices.at(0).value, QStringLiteral("sleep"));
    QCOMPARE(spec->choices.at(1).value, QStringLiteral("compute"));
    QCOMPARE(spec->rangeText(), QStringLiteral("sleep|compute"));
    QCOMPARE(spec->translatedChoiceLabel(QStringLiteral("compute")), QStringLiteral("compute"));
    QVERIFY(qstrlen(spec->label) > 0 && qstrlen(spec->help) > 0);
    for (const KnobChoice &choice : spec->choices)
        QVERIFY(qstrlen(choice.label) > 0);

    QString error;
    auto knobs = resolveKnobs(example->knobs, {}, &error);
    QVERIFY2(knobs, qPrintable(error));
    QCOMPARE(knobs->value(QStringLiteral("work")), QVariant(QStringLiteral("sleep")));
    knobs = resolveKnobs(example->knobs, {{QStringLiteral("work"), QStringLiteral("compute")}}, &error);
    QVERIFY2(knobs, qPrintable(error));
    QCOMPARE(knobs->value(QStringLiteral("work")), QVariant(QStringLiteral("compute")));
    QVERIFY(!resolveKnobs(example->knobs, {{QStringLiteral("work"), QStringLiteral("nap")}}, &error));
    QCOMPARE(error, QStringLiteral("--work: expected one of sleep, compute, got 'nap'"));
    QVERIFY(!resolveKnobs(example->knobs, {{QStringLiteral("work"), 3}}, &error));
    QVERIFY(error.startsWith(QStringLiteral("--work: expected one of sleep, compute")));

    // The seconds knob is true for both kinds of work: its label says neither, its help both;
    // its option stays --sleep (scripts and saved settings use it).
    const auto seconds = std::find_if(example->knobs.cbegin(), example->knobs.cend(),
                                      [](const KnobSpec &k) { return k.name == QLatin1StringView("sleep"); });
    QVERIFY(seconds != example->knobs.cend());
    QCOMPARE(QString::fromLatin1(seconds->label), QStringLiteral("Seconds"));
    const QString help = QString::fromLatin1(seconds->help);
    QVERIFY2(help.contains(QLatin1StringView("sleep")) && help.contains(QLatin1StringView("comput")), qPrintable(help));
    knobs = resolveKnobs(example->knobs, {{QStringLiteral("sleep"), 0.5}}, &error);
    QVERIFY2(knobs, qPrintable(error));
    QCOMPARE(knobs->value(QStringLiteral("sleep")).toDouble(), 0.5);
}

void TestKnobs::scriptsMapToSourceLines_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("workers");
    for (const char *id : {"process", "subclass"}) {
        for (const int n : {1, 2, 8, 64})
            QTest::addRow("%s-%d", id, n) << QString::fromLatin1(id) << n;
    }
}

void TestKnobs::scriptsMapToSourceLines()
{
    QFETCH(QString, id);
    QFETCH(int, workers);
    const ExampleDefinition *example = ExampleRegistry::find(id);
    QString error;
    const auto knobs = resolveKnobs(example->knobs, {{QStringLiteral("workers"), workers}}, &error);
    const HostScript script = example->script(*knobs);
    QCOMPARE(script.workers.size(), workers);
    QCOMPARE(script.steps.size(), 3 * workers + 1);
    // Each step is exactly the line it stands for in the program shown for these knobs
    // (tst_pythonlisting checks many more knob values).
    const SourceListing python = example->pythonProgram(*knobs).listing;
    for (const ScriptStep &step : script.steps) {
        QVERIFY2(step.sourceLine > 0, qPrintable(step.source));
        QVERIFY(!step.source.isEmpty());
        QCOMPARE(python.line(step.sourceLine), step.source);
    }
    QCOMPARE(script.steps.constLast().text, QStringLiteral("All processes finished"));
}

void TestKnobs::pythonSourcesRun_data()
{
    QTest::addColumn<QString>("id");
    // The basic examples print the same five lines; the IPC listings are run by tst_pythonlisting and tst_ipc.
    for (const ExampleDefinition &e : ExampleRegistry::all()) {
        if (e.group == ExampleGroup::Basics)
            QTest::newRow(qPrintable(e.id)) << e.id;
    }
}

void TestKnobs::pythonSourcesRun()
{
    QFETCH(QString, id);
    const QString python = TestSupport::resolvePython();
    if (python.isEmpty())
        QSKIP("python3 is not installed");
    QTemporaryDir dir;
    const QString path = dir.filePath(id + QStringLiteral(".py"));
    QVERIFY(QFile::copy(ExampleRegistry::find(id)->pythonResource, path));
    QProcess process;
    // Without PYTHONUNBUFFERED, each child's lines arrive whole (see pythonEnvironment()).
    process.setProcessEnvironment(TestSupport::pythonEnvironment());
    process.start(python, {path});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.readAllStandardError(), QByteArray());
    QCOMPARE(process.exitCode(), 0);
    QStringList lines = TestSupport::textLines(process.readAllStandardOutput());
    QCOMPARE(lines.constLast(), QStringLiteral("All processes finished"));
    lines.sort();
    QCOMPARE(lines, (QStringList{QStringLiteral("All processes finished"), QStringLiteral("Worker 1 finished"),
                                 QStringLiteral("Worker 1 started"), QStringLiteral("Worker 2 finished"),
                                 QStringLiteral("Worker 2 started")}));
}

QTEST_GUILESS_MAIN(TestKnobs)
#include "tst_knobs.moc"
