// SPDX-License-Identifier: MIT
// `processlab-cli python` as a user types it: where ProcessLab's options may stand and which
// arguments the script gets, exit codes as python3 returns them, and no more on stderr than
// python3 prints.
#include "pythontestsupport.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace ProcessLab;
using namespace ProcessLab::TestSupport;

namespace {

// Prints its arguments as one JSON line, then its working directory; exits with EXIT_WITH.
constexpr char argvScript[] = "import json, os, sys\n"
                              "print(json.dumps(sys.argv[1:]))\n"
                              "print(os.getcwd())\n"
                              "sys.exit(int(os.environ.get('EXIT_WITH', '0')))\n";

} // namespace

class TestCliPython : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void argumentsGoWhereTheyBelong_data();
    void argumentsGoWhereTheyBelong();
    void usageErrors_data();
    void usageErrors();
    void exitCodesAsPythonReturnsThem_data();
    void exitCodesAsPythonReturnsThem();
    void interpreterThatCannotStart();

private:
    QString m_python;
    QTemporaryDir m_dir;
};

void TestCliPython::initTestCase()
{
    m_python = resolvePython();
    if (m_python.isEmpty())
        QSKIP("no python3 on this machine");
    QVERIFY(m_dir.isValid());
    QFile script(m_dir.filePath(QStringLiteral("argv.py")));
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write(argvScript);
    QFile child(m_dir.filePath(QStringLiteral("child_raises.py")));
    QVERIFY(child.open(QIODevice::WriteOnly));
    child.write("import multiprocessing as mp\n"
                "def fail():\n"
                "    raise ValueError('boom')\n"
                "if __name__ == '__main__':\n"
                "    p = mp.Process(target=fail)\n"
                "    p.start()\n"
                "    p.join()\n"
                "    print('child exit code', p.exitcode)\n");
    QFile syntax(m_dir.filePath(QStringLiteral("syntax.py")));
    QVERIFY(syntax.open(QIODevice::WriteOnly));
    syntax.write("print('never'\n");
}

void TestCliPython::argumentsGoWhereTheyBelong_data()
{
    QTest::addColumn<QStringList>("arguments");     // after `python`; SCRIPT stands for argv.py
    QTest::addColumn<QStringList>("scriptGets");    // sys.argv[1:]
    QTest::addColumn<bool>("writesJson");
    QTest::addColumn<QString>("workingDirectory");  // "" = the test's temp dir

    const QString script = QStringLiteral("SCRIPT");
    QTest::newRow("no-arguments") << QStringList{script} << QStringList{} << false << QString();
    QTest::newRow("options-before") << QStringList{QStringLiteral("--json"), QStringLiteral("r.json"), script,
                                                   QStringLiteral("a")}
                                    << QStringList{QStringLiteral("a")} << true << QString();
    // The synopsis: SCRIPT.py [script args] [--json FILE].
    QTest::newRow("options-after") << QStringList{script, QStringLiteral("a"), QStringLiteral("-v"),
                                                  QStringLiteral("--json"), QStringLiteral("r.json")}
                                   << QStringList{QStringLiteral("a"), QStringLiteral("-v")} << true << QString();
    QTest::newRow("script-options-stay") << QStringList{script, QStringLiteral("--verbose"), QStringLiteral("--n=3")}
                                         << QStringList{QStringLiteral("--verbose"), QStringLiteral("--n=3")} << false
                                         << QString();
    QTest::newRow("double-dash-passes-ours") << QStringList{script, QStringLiteral("--json=r.json"), QStringLiteral("--"),
                                                            QStringLiteral("--json"), QStringLiteral("x"),
                                                            QStringLiteral("--")}
                                             << QStringList{QStringLiteral("--json"), QStringLiteral("x"),
                                                            QStringLiteral("--")}
                                             << true << QString();
    QTest::newRow("cwd") << QStringList{QStringLiteral("--cwd"), QStringLiteral("CWD"), script}
                         << QStringList{} << false << QStringLiteral("CWD");
}

void TestCliPython::argumentsGoWhereTheyBelong()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, scriptGets);
    QFETCH(bool, writesJson);
    QFETCH(QString, workingDirectory);

    QTemporaryDir cwd;
    QVERIFY(cwd.isValid());
    const QString scriptPath = m_dir.filePath(QStringLiteral("argv.py"));
    QFile::remove(m_dir.filePath(QStringLiteral("r.json")));
    for (QString &argument : arguments) {
        if (argument == QLatin1StringView("SCRIPT"))
            argument = scriptPath;
        else if (argument == QLatin1StringView("CWD"))
            argument = cwd.path();
    }
    const CliResult r = runCli(QStringList{QStringLiteral("python"), QStringLiteral("--python"), m_python} + arguments,
                               120000, m_dir.path(), pythonEnvironment());
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = textLines(r.out.toUtf8());
    QCOMPARE(lines.size(), 2);
    QJsonArray expected;
    for (const QString &argument : std::as_const(scriptGets))
        expected.append(argument);
    QCOMPARE(QJsonDocument::fromJson(lines.at(0).toUtf8()).array(), expected);
    // The working directory: --cwd's, else where processlab-cli was started (as python3).
    QCOMPARE(QFileInfo(lines.at(1)).canonicalFilePath(),
             QFileInfo(workingDirectory.isEmpty() ? m_dir.path() : cwd.path()).canonicalFilePath());
    QCOMPARE(QFile::exists(m_dir.filePath(QStringLiteral("r.json"))), writesJson);
    if (writesJson) {
        QFile json(m_dir.filePath(QStringLiteral("r.json")));
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonObject record = QJsonDocument::fromJson(json.readAll()).object();
        QVERIFY(!record.value(QStringLiteral("events")).toArray().isEmpty());
    }
}

void TestCliPython::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no-script") << QStringList{} << QStringLiteral("python: name the script to run");
    QTest::newRow("only-options") << QStringList{QStringLiteral("--summary")}
                                  << QStringLiteral("python: name the script to run");
    QTest::newRow("unknown-before") << QStringList{QStringLiteral("--jsn"), QStringLiteral("x"), QStringLiteral("a.py")}
                                    << QStringLiteral("python: unknown option --jsn");
    QTest::newRow("json-without-file") << QStringList{QStringLiteral("a.py"), QStringLiteral("--json")}
                                       << QStringLiteral("--json needs a value");
    QTest::newRow("twice") << QStringList{QStringLiteral("--summary"), QStringLiteral("a.py"), QStringLiteral("--summary")}
                           << QStringLiteral("--summary");
    QTest::newRow("summary-with-value") << QStringList{QStringLiteral("a.py"), QStringLiteral("--summary=yes")}
                                        << QStringLiteral("--summary takes no value");
}

void TestCliPython::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CliResult r =
        runCli(QStringList{QStringLiteral("python")} + arguments, 120000, m_dir.path(), pythonEnvironment());
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.out, QString());
    QVERIFY2(r.err.startsWith(QStringLiteral("processlab-cli: ")) && r.err.contains(message), qPrintable(r.err));
    QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
}

void TestCliPython::exitCodesAsPythonReturnsThem_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QString>("exitWith");
    QTest::newRow("sys-exit-4") << QStringLiteral("argv.py") << QStringLiteral("4");
    QTest::newRow("child-raises") << QStringLiteral("child_raises.py") << QString();
    QTest::newRow("syntax-error") << QStringLiteral("syntax.py") << QString();
    QTest::newRow("missing-file") << QStringLiteral("no_such_script.py") << QString();
}

// Plain python3 and processlab-cli python give the same exit code, stdout and stderr (but for
// the interpreter's path in a message): nothing of ProcessLab's own is added.
void TestCliPython::exitCodesAsPythonReturnsThem()
{
    QFETCH(QString, script);
    QFETCH(QString, exitWith);

    QProcessEnvironment environment = pythonEnvironment();
    if (!exitWith.isEmpty())
        environment.insert(QStringLiteral("EXIT_WITH"), exitWith);
    QProcess plain;
    plain.setWorkingDirectory(m_dir.path());
    plain.setProcessEnvironment(environment);
    plain.start(m_python, {script});
    QVERIFY(plain.waitForFinished(120000));

    QProcess viaCli;
    viaCli.setWorkingDirectory(m_dir.path());
    viaCli.setProcessEnvironment(environment);
    viaCli.start(cliPath(), {QStringLiteral("python"), QStringLiteral("--python"), m_python, script});
    QVERIFY(viaCli.waitForFinished(120000));

    QCOMPARE(viaCli.exitStatus(), QProcess::NormalExit);
    QCOMPARE(viaCli.exitCode(), plain.exitCode());
    QCOMPARE(viaCli.readAllStandardOutput(), plain.readAllStandardOutput());
    // Python names itself in some messages ("python3: can't open file"); compare the rest.
    const auto normalized = [this](QByteArray text) {
        return QString::fromUtf8(text).replace(m_python, QStringLiteral("PYTHON")).split(QLatin1Char('\n'));
    };
    const QStringList plainErr = normalized(plain.readAllStandardError());
    const QStringList cliErr = normalized(viaCli.readAllStandardError());
    QCOMPARE(cliErr.size(), plainErr.size());
    // The last line of a traceback or message (the error itself) is the same.
    QCOMPARE(cliErr.value(cliErr.size() - 2), plainErr.value(plainErr.size() - 2));
}

void TestCliPython::interpreterThatCannotStart()
{
    const QString missing = m_dir.filePath(QStringLiteral("no-python-here"));
    const CliResult r = runCli({QStringLiteral("python"), QStringLiteral("--python"), missing,
                                m_dir.filePath(QStringLiteral("argv.py"))},
                               120000, m_dir.path(), pythonEnvironment());
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.out, QString());
    QVERIFY2(r.err.contains(QStringLiteral("could not start the Python interpreter %1").arg(missing)), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestCliPython)
#include "tst_clipython.moc"
