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

QTEST_MAIN(TestAppOptions)
#include "tst_appoptions.moc"
