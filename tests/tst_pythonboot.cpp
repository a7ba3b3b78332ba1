// SPDX-License-Identifier: MIT
// The Python bootstrap's CBOR encoder and frames against the C++ codec: fixed vectors (the
// same as tests/python/test_processlab_boot.py checks in Python) decoded and re-encoded in
// C++, and what the Python encoder really writes for them.
#include "protocol/protocol.h"
#include "pythontestsupport.h"

#include <QProcess>
#include <QTest>

#include <cmath>
#include <limits>

using namespace ProcessLab;
using namespace ProcessLab::Protocol;

Q_DECLARE_METATYPE(ProcessLab::Protocol::Value)

class TestPythonBoot : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void vectors_data();
    void vectors();
    void helloFrame();

private:
    // Runs code with the bootstrap importable; its stdout.
    QByteArray runPython(const QString &code);

    QString m_python;
    QHash<QString, QString> m_pythonHex; // vector name -> what the Python encoder wrote
};

namespace {

// name, Python expression, hex, the value in C++
struct Vector
{
    const char *name;
    const char *python;
    const char *hex;
    Value value;
};

const std::vector<Vector> &vectorTable()
{
    static const std::vector<Vector> table{
        {"0", "0", "00", 0},
        {"23", "23", "17", 23},
        {"24", "24", "1818", 24},
        {"1000", "1000", "1903e8", 1000},
        {"1e12", "1000000000000", "1b000000e8d4a51000", std::int64_t{1000000000000}},
        {"int64 max", "9223372036854775807", "1b7fffffffffffffff", std::numeric_limits<std::int64_t>::max()},
        {"-1", "-1", "20", -1},
        {"-1000", "-1000", "3903e7", -1000},
        {"int64 min", "-9223372036854775808", "3b7fffffffffffffff", std::numeric_limits<std::int64_t>::min()},
        {"0.0", "0.0", "f90000", 0.0},
        {"-0.0", "-0.0", "f98000", -0.0},
        {"1.5", "1.5", "f93e00", 1.5},
        {"1.1", "1.1", "fb3ff199999999999a", 1.1},
        {"100000.0", "100000.0", "fa47c35000", 100000.0},
        {"1e300", "1.0e300", "fb7e37e43c8800759c", 1.0e300},
        {"inf", "float('inf')", "f97c00", std::numeric_limits<double>::infinity()},
        {"false", "False", "f4", false},
        {"true", "True", "f5", true},
        {"none", "None", "f6", nullptr},
        {"text", "'IETF'", "6449455446", "IETF"},
        {"utf-8", "'\\u6c34'", "63e6b0b4", "\xe6\xb0\xb4"},
        {"bytes", "b'\\x01\\x02\\x03\\x04'", "4401020304", Bytes{std::string("\x01\x02\x03\x04", 4)}},
        {"list", "[1, [2, 3], (4, 5)]", "8301820203820405", Array{1, Array{2, 3}, Array{4, 5}}},
        {"map sorted", "{'b': 1, 'aa': 3, 'a': 2}", "a3616102616201626161" "03", Map{{"b", 1}, {"aa", 3}, {"a", 2}}},
        {"py.out", "{'type': 7, 'name': 'py.out', 'body': {'s': 1, 'lines': ['Worker 1 started', '']}}",
         "a364626f6479a2617301656c696e6573827057"
         "6f726b6572203120737461727465646064"
         "6e616d656670792e6f75746474797065" "07",
         Map{{"type", 7}, {"name", "py.out"}, {"body", Map{{"s", 1}, {"lines", Array{"Worker 1 started", ""}}}}}},
    };
    return table;
}

QString toHex(const std::string &bytes)
{
    return QString::fromLatin1(QByteArray(bytes.data(), qsizetype(bytes.size())).toHex());
}

} // namespace

QByteArray TestPythonBoot::runPython(const QString &code)
{
    QProcess python;
    QProcessEnvironment environment = TestSupport::pythonEnvironment();
    environment.insert(QStringLiteral("PYTHONPATH"), QStringLiteral(PROCESSLAB_PYTHON_BOOT_DIR));
    python.setProcessEnvironment(environment);
    python.start(m_python, {QStringLiteral("-c"), code});
    if (!python.waitForFinished(120000) || python.exitCode() != 0)
        qWarning("python: %s", python.readAllStandardError().constData());
    return python.readAllStandardOutput();
}

void TestPythonBoot::initTestCase()
{
    m_python = TestSupport::resolvePython();
    if (m_python.isEmpty())
        QSKIP("python3 is not installed on this machine");
    QString code = QStringLiteral("from processlab_boot import cbor\n");
    for (const Vector &vector : vectorTable()) {
        code += QStringLiteral("print(%1, cbor.encode(%2).hex())\n")
                    .arg(QStringLiteral("'%1'").arg(QString::fromUtf8(vector.name).replace(QLatin1Char(' '), QLatin1Char('_'))),
                         QString::fromUtf8(vector.python));
    }
    for (const QString &line : TestSupport::textLines(runPython(code))) {
        const QStringList parts = line.split(QLatin1Char(' '));
        if (parts.size() == 2)
            m_pythonHex.insert(parts.at(0), parts.at(1));
    }
    QCOMPARE(m_pythonHex.size(), qsizetype(vectorTable().size()));
}

void TestPythonBoot::vectors_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("hex");
    QTest::addColumn<Value>("value");
    for (const Vector &vector : vectorTable())
        QTest::newRow(vector.name) << QString::fromUtf8(vector.name).replace(QLatin1Char(' '), QLatin1Char('_'))
                                   << QString::fromLatin1(vector.hex) << vector.value;
}

void TestPythonBoot::vectors()
{
    QFETCH(QString, name);
    QFETCH(QString, hex);
    QFETCH(Value, value);
    // What Python writes is the fixed vector ...
    QCOMPARE(m_pythonHex.value(name), hex);
    // ... which the C++ decoder reads as the value ...
    const QByteArray bytes = QByteArray::fromHex(hex.toLatin1());
    std::string error;
    const std::optional<Value> decoded = decode(std::string_view(bytes.constData(), size_t(bytes.size())), &error);
    QVERIFY2(decoded, error.c_str());
    QVERIFY(*decoded == value);
    if (value.isDouble()) // -0.0 == 0.0: the sign must survive too
        QCOMPARE(std::signbit(decoded->toDouble()), std::signbit(value.toDouble()));
    // ... and the C++ encoder writes the same bytes.
    QCOMPARE(toHex(encode(value)), hex);
}

void TestPythonBoot::helloFrame()
{
    const QByteArray frameHex = runPython(QStringLiteral(
        "from processlab_boot import frames\n"
        "print(frames.hello(bytes(range(16)), 4242, 123456789).hex())\n")).trimmed();
    const QByteArray frame = QByteArray::fromHex(frameHex);
    QVERIFY(frame.size() > 4);
    FrameReader reader(helloFrameLimit); // as the run's server reads a stranger's first frame
    reader.append(std::string_view(frame.constData(), size_t(frame.size())));
    Message message;
    QCOMPARE(reader.next(&message), FrameReader::Status::Frame);
    std::string error;
    const std::optional<Hello> hello = parseHello(message, &error);
    QVERIFY2(hello, error.c_str());
    std::string token;
    for (char byte = 0; byte < 16; ++byte)
        token.push_back(byte);
    QCOMPARE(hello->token, token);
    QCOMPARE(hello->pid, 4242);
    QCOMPARE(hello->timeNs, 123456789);
    QCOMPARE(hello->workerId, 0);
    QCOMPARE(reader.next(&message), FrameReader::Status::NeedMore);
}

QTEST_GUILESS_MAIN(TestPythonBoot)
#include "tst_pythonboot.moc"
