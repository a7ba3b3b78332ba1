// SPDX-License-Identifier: MIT
// Protocol::pythonRepr/pythonStr against the real python3: the interpreter evaluates each
// corpus case's expression and prints repr() and str(); ProcessLab's texts and the corpus's
// expected texts must both equal them.
#include "pythontestsupport.h"
#include "std/pythonformatcases.h"

#include "protocol/pythonformat.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace ProcessLab;
using namespace ProcessLab::TestSupport;

class TestPythonFormat : public QObject
{
    Q_OBJECT
private slots:
    void matchesCPython();
};

void TestPythonFormat::matchesCPython()
{
    const QString python = resolvePython();
    if (python.isEmpty())
        QSKIP("python3 is not installed");
    const std::vector<PythonFormatCases::Case> cases = PythonFormatCases::cases();

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile expressions(dir.filePath(QStringLiteral("expressions.txt")));
    QVERIFY(expressions.open(QIODevice::WriteOnly));
    for (const auto &c : cases) {
        QVERIFY2(c.expression.find('\n') == std::string::npos, c.expression.c_str());
        expressions.write(QByteArray::fromStdString(c.expression) + '\n');
    }
    expressions.close();

    // JSON keeps every character of the printed texts, newlines and NULs included.
    const QString script = QStringLiteral(
        "import json, sys\n"
        "with open(sys.argv[1], encoding='utf-8') as f:\n"
        "    values = [eval(line) for line in f.read().split('\\n') if line]\n"
        "sys.stdout.write(json.dumps([[repr(v), str(v)] for v in values]))\n");
    QProcess process;
    process.setProcessEnvironment(pythonEnvironment());
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(python, {QStringLiteral("-c"), script, expressions.fileName()});
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
    QCOMPARE(process.readAllStandardError(), QByteArray());
    QCOMPARE(process.exitCode(), 0);

    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(process.readAllStandardOutput(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QJsonArray printed = document.array();
    QCOMPARE(printed.size(), static_cast<qsizetype>(cases.size()));
    for (qsizetype i = 0; i < printed.size(); ++i) {
        const auto &c = cases[static_cast<std::size_t>(i)];
        const QString expression = QString::fromStdString(c.expression);
        const QString repr = printed[i].toArray().at(0).toString();
        const QString str = printed[i].toArray().at(1).toString();
        QVERIFY2(QString::fromStdString(c.repr) == repr, qPrintable(expression + QStringLiteral(" -> ") + repr));
        QVERIFY2(QString::fromStdString(PythonFormatCases::expectedStr(c)) == str, qPrintable(expression));
        QCOMPARE(QString::fromStdString(Protocol::pythonRepr(c.value)), repr);
        QCOMPARE(QString::fromStdString(Protocol::pythonStr(c.value)), str);
    }
}

QTEST_GUILESS_MAIN(TestPythonFormat)
#include "tst_pythonformat.moc"
