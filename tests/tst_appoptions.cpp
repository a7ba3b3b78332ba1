// SPDX-License-Identifier: MIT
// The desktop app's command line, run as the real binary (offscreen): bad input is refused
// with one line that names the option as the user typed it, and exit code 2.
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestAppOptions : public QObject
{
    Q_OBJECT
private slots:
    void badKnobValueNamedAsTyped_data();
    void badKnobValueNamedAsTyped();
    void handoutWithoutADisplay();
    void handoutOfAFailedStepExitsOne();
};

void TestAppOptions::badKnobValueNamedAsTyped_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expectedLine");
    const QString set = QStringLiteral("--set");
    QTest::newRow("workers-65") << QStringList{set, QStringLiteral("workers=65")}
                                << QStringLiteral("processlab: --set workers=65: expected a whole number from 1 to 64, "
                                                  "got '65'\n");
    QTest::newRow("sleep-abc") << QStringList{set, QStringLiteral("sleep=abc")}
                               << QStringLiteral("processlab: --set sleep=abc: expected a number from 0 to 60, "
                                                 "got 'abc'\n");
    QTest::newRow("unknown-view") << QStringList{QStringLiteral("--view"), QStringLiteral("nosuch")}
                                  << QStringLiteral("processlab: --view: unknown view 'nosuch'; choose one of: "
                                                    "timeline, console, history");
    // --replay: the reader's message, the file named; a replay is not a run.
    QTest::newRow("replay-missing") << QStringList{QStringLiteral("--replay"), QStringLiteral("/nonexistent/run.json")}
                                    << QStringLiteral("processlab: --replay: Cannot read /nonexistent/run.json: ");
    QTest::newRow("replay-autorun") << QStringList{QStringLiteral("--replay"), QStringLiteral("run.json"),
                                                   QStringLiteral("--autorun")}
                                    << QStringLiteral("processlab: --replay and --autorun: choose one");
    // Walkthroughs (issue 12): autoplay needs one; unknown ids and unusable files are refused.
    const QString walkthrough = QStringLiteral("--walkthrough");
    QTest::newRow("autoplay-alone") << QStringList{QStringLiteral("--autoplay")}
                                    << QStringLiteral("processlab: --autoplay: needs --walkthrough ID|FILE.json\n");
    QTest::newRow("handout-alone") << QStringList{QStringLiteral("--handout"), QStringLiteral("out.pdf")}
                                   << QStringLiteral("processlab: --handout: needs --walkthrough ID|FILE.json\n");
    QTest::newRow("walkthrough-unknown") << QStringList{walkthrough, QStringLiteral("nosuch")}
                                         << QStringLiteral("processlab: --walkthrough: unknown walkthrough 'nosuch'; "
                                                           "choose one of: ");
    QTest::newRow("walkthrough-missing-file")
        << QStringList{walkthrough, QStringLiteral("/nonexistent/lesson.json")}
        << QStringLiteral("processlab: --walkthrough: /nonexistent/lesson.json");
    QTest::newRow("walkthrough-autorun") << QStringList{walkthrough, QStringLiteral("lesson.json"), QStringLiteral("--autorun")}
                                         << QStringLiteral("processlab: --walkthrough: plays its own runs");
    QTest::newRow("pace-negative") << QStringList{walkthrough, QStringLiteral("lesson.json"), QStringLiteral("--autoplay"),
                                                  QStringLiteral("--pace"), QStringLiteral("-1")}
                                   << QStringLiteral("processlab: --pace: expected 0-3600 seconds together with --autoplay, "
                                                     "got '-1'\n");
}

void TestAppOptions::badKnobValueNamedAsTyped()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expectedLine);
    QTemporaryDir config; // no remembered settings from other runs
    QVERIFY(config.isValid());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), config.path()); // keeps Qt's own warning out of stderr
    QProcess app;
    app.setProcessEnvironment(env);
    app.start(QStringLiteral(PROCESSLAB_APP_PATH),
              QStringList{QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--example"),
                          QStringLiteral("process")}
                  + arguments);
    QVERIFY(app.waitForFinished(60000)); // sanity limit on a busy machine
    QCOMPARE(app.exitStatus(), QProcess::NormalExit);
    QCOMPARE(app.exitCode(), 2);
    const QString err = QString::fromUtf8(app.readAllStandardError());
    QVERIFY2(err.contains(expectedLine), qPrintable(err));
    QVERIFY2(!err.contains(QStringLiteral("--workers")) && !err.contains(QStringLiteral("--sleep")), qPrintable(err));
}

// processlab --walkthrough FILE --handout FILE.pdf, offscreen: plays it, writes the PDF, quits 0.
void TestAppOptions::handoutWithoutADisplay()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile lesson(dir.filePath(QStringLiteral("lesson.json")));
    QVERIFY(lesson.open(QIODevice::WriteOnly));
    lesson.write(R"({"format": 1, "id": "lesson", "example": "process",
        "title": {"en": "A short lesson", "zh_CN": "一节短课"},
        "knobs": {"workers": 2, "sleep": 0.2},
        "steps": [
            {"narration": {"en": "Read this.", "zh_CN": "读一读。"}},
            {"narration": {"en": "Run it.", "zh_CN": "运行它。"}, "action": {"kind": "run"}}
        ]})");
    lesson.close();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.path());
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), dir.path());
    QProcess app;
    app.setProcessEnvironment(env);
    const QString pdf = dir.filePath(QStringLiteral("lesson.pdf"));
    app.start(QStringLiteral(PROCESSLAB_APP_PATH),
              {QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--walkthrough"), lesson.fileName(),
               QStringLiteral("--pace"), QStringLiteral("0"), QStringLiteral("--handout"), pdf});
    QVERIFY(app.waitForFinished(120000)); // sanity limit on a busy machine
    const QString err = QString::fromUtf8(app.readAllStandardError());
    QCOMPARE(app.exitStatus(), QProcess::NormalExit);
    QVERIFY2(app.exitCode() == 0, qPrintable(err));
    QFile written(pdf);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QVERIFY(written.readAll().startsWith("%PDF"));
}

// A step that fails (its event never comes) still gets its page, but the exit code says so:
// a script or CI that makes handouts must not take a broken walkthrough for a good one.
void TestAppOptions::handoutOfAFailedStepExitsOne()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile lesson(dir.filePath(QStringLiteral("lesson.json")));
    QVERIFY(lesson.open(QIODevice::WriteOnly));
    lesson.write(R"({"format": 1, "id": "lesson", "example": "process",
        "title": {"en": "A short lesson", "zh_CN": "一节短课"},
        "knobs": {"workers": 1, "sleep": 0},
        "steps": [
            {"narration": {"en": "Run it.", "zh_CN": "运行它。"},
             "action": {"kind": "run-until", "event": {"kind": "output", "process": "Worker 1", "text": "Worker 1 flies"}}}
        ]})");
    lesson.close();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.path());
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), dir.path());
    QProcess app;
    app.setProcessEnvironment(env);
    const QString pdf = dir.filePath(QStringLiteral("lesson.pdf"));
    app.start(QStringLiteral(PROCESSLAB_APP_PATH),
              {QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--walkthrough"), lesson.fileName(),
               QStringLiteral("--pace"), QStringLiteral("0"), QStringLiteral("--handout"), pdf});
    QVERIFY(app.waitForFinished(120000)); // sanity limit on a busy machine
    const QString err = QString::fromUtf8(app.readAllStandardError());
    QCOMPARE(app.exitStatus(), QProcess::NormalExit);
    QVERIFY2(app.exitCode() == 1, qPrintable(QStringLiteral("exit %1: %2").arg(app.exitCode()).arg(err)));
    QVERIFY2(err.contains(QStringLiteral("processlab: walkthrough step 1: The run ended before Worker 1 printed "
                                         "“Worker 1 flies”.")),
             qPrintable(err));
    QFile written(pdf);
    QVERIFY(written.open(QIODevice::ReadOnly)); // the handout is still written: nothing is lost
    QVERIFY(written.readAll().startsWith("%PDF"));
}

QTEST_MAIN(TestAppOptions)
#include "tst_appoptions.moc"
