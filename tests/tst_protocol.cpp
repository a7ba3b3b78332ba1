// SPDX-License-Identifier: MIT
#include "protocol/protocol.h"
#include "runtime/runserver.h"

#include <QCborArray>
#include <QTest>
#include <QtEndian>

using namespace ProcessLab;
using namespace ProcessLab::Protocol;

Q_DECLARE_METATYPE(ProcessLab::Protocol::Message)

namespace {

QByteArray token()
{
    return QByteArray(tokenSize, '\x5a');
}

QByteArray frameFromPayload(const QByteArray &payload, quint32 declaredLength)
{
    QByteArray frame(headerSize, Qt::Uninitialized);
    qToBigEndian(declaredLength, frame.data());
    return frame + payload;
}

QByteArray frameFromPayload(const QByteArray &payload)
{
    return frameFromPayload(payload, static_cast<quint32>(payload.size()));
}

} // namespace

class TestProtocol : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip_data();
    void roundTrip();
    void byteByByte();
    void severalFramesInOneRead();
    void truncatedFrameWaits();
    void rejected_data();
    void rejected();
    void helloValidation_data();
    void helloValidation();
    void startAndTraceValidation();
    void tokenComparison();
};

void TestProtocol::roundTrip_data()
{
    QTest::addColumn<Message>("message");
    QCborMap args;
    args.insert(QLatin1StringView("num"), 3);
    args.insert(QLatin1StringView("sleep"), 0.25);
    args.insert(QLatin1StringView("text"), QStringLiteral("进程"));
    QTest::newRow("hello") << makeHello({token(), 7, 4242, 123456789});
    QTest::newRow("start") << makeStart({QStringLiteral("process.worker"), args});
    QTest::newRow("start-empty-args") << makeStart({QStringLiteral("test.noop"), {}});
    QTest::newRow("stop") << makeStop();
    QTest::newRow("trace") << makeTrace({QStringLiteral("started"), 99});
}

void TestProtocol::roundTrip()
{
    QFETCH(Message, message);
    FrameReader reader;
    reader.append(encodeFrame(message));
    Message decoded;
    QCOMPARE(reader.next(&decoded), FrameReader::Status::Frame);
    QCOMPARE(decoded, message);
    QCOMPARE(reader.next(&decoded), FrameReader::Status::NeedMore);
    QCOMPARE(reader.bufferedBytes(), 0);
}

void TestProtocol::byteByByte()
{
    const QByteArray frame = encodeFrame(makeTrace({QStringLiteral("第一行"), 5}));
    FrameReader reader;
    Message decoded;
    for (qsizetype i = 0; i < frame.size(); ++i) {
        QCOMPARE(reader.next(&decoded), FrameReader::Status::NeedMore);
        reader.append(frame.sliced(i, 1));
    }
    QCOMPARE(reader.next(&decoded), FrameReader::Status::Frame);
    QCOMPARE(parseTrace(decoded, nullptr)->label, QStringLiteral("第一行"));
}

void TestProtocol::severalFramesInOneRead()
{
    FrameReader reader;
    QByteArray bytes;
    for (int i = 0; i < 100; ++i)
        bytes += encodeFrame(makeTrace({QString::number(i), i}));
    reader.append(bytes);
    Message decoded;
    for (int i = 0; i < 100; ++i) {
        QCOMPARE(reader.next(&decoded), FrameReader::Status::Frame);
        QCOMPARE(parseTrace(decoded, nullptr)->timeNs, i);
    }
    QCOMPARE(reader.next(&decoded), FrameReader::Status::NeedMore);
}

void TestProtocol::truncatedFrameWaits()
{
    const QByteArray frame = encodeFrame(makeStop());
    FrameReader reader;
    reader.append(frame.chopped(1));
    Message decoded;
    QCOMPARE(reader.next(&decoded), FrameReader::Status::NeedMore);
    QVERIFY(!reader.hasError());
}

void TestProtocol::rejected_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason");
    const QByteArray notAMap = QCborValue(42).toCbor();
    QCborMap unknownType;
    unknownType.insert(QLatin1StringView("type"), 99);
    QCborMap noType;
    noType.insert(QLatin1StringView("x"), 1);
    QTest::newRow("oversized") << frameFromPayload({}, quint32(maxFrameSize + 1)) << QStringLiteral("exceeds");
    QTest::newRow("huge-length") << frameFromPayload({}, 0xffffffffu) << QStringLiteral("exceeds");
    QTest::newRow("empty") << frameFromPayload({}) << QStringLiteral("empty");
    QTest::newRow("garbage") << frameFromPayload("garbage!") << QStringLiteral("CBOR");
    QTest::newRow("not-a-map") << frameFromPayload(notAMap) << QStringLiteral("not a CBOR map");
    QTest::newRow("unknown-type") << frameFromPayload(unknownType.toCborValue().toCbor())
                                  << QStringLiteral("unknown message type");
    QTest::newRow("no-type") << frameFromPayload(noType.toCborValue().toCbor())
                             << QStringLiteral("unknown message type");
    QTest::newRow("trailing-bytes") << frameFromPayload(notAMap + notAMap) << QStringLiteral("trailing");
}

void TestProtocol::rejected()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    FrameReader reader;
    reader.append(bytes);
    Message decoded;
    QCOMPARE(reader.next(&decoded), FrameReader::Status::Error);
    QVERIFY2(reader.errorString().contains(reason), qPrintable(reader.errorString()));
    // A reader in error stays in error, whatever comes next.
    reader.append(encodeFrame(makeStop()));
    QCOMPARE(reader.next(&decoded), FrameReader::Status::Error);
}

void TestProtocol::helloValidation_data()
{
    QTest::addColumn<Message>("message");
    QTest::addColumn<bool>("valid");
    QTest::newRow("good") << makeHello({token(), 1, 100, 0}) << true;
    QTest::newRow("wrong-magic") << makeHello({token(), 1, 100, 0}, 0xdeadbeef) << false;
    QTest::newRow("wrong-version") << makeHello({token(), 1, 100, 0}, magic, version + 1) << false;
    QTest::newRow("short-token") << makeHello({token().chopped(1), 1, 100, 0}) << false;
    QTest::newRow("negative-worker") << makeHello({token(), -1, 100, 0}) << false;
    QTest::newRow("no-pid") << makeHello({token(), 1, 0, 0}) << false;
    QTest::newRow("not-hello") << makeStop() << false;
}

void TestProtocol::helloValidation()
{
    QFETCH(Message, message);
    QFETCH(bool, valid);
    QString error;
    const std::optional<Hello> hello = parseHello(message, &error);
    QCOMPARE(hello.has_value(), valid);
    QCOMPARE(error.isEmpty(), valid);
}

void TestProtocol::startAndTraceValidation()
{
    Message start = makeStart({QStringLiteral("x"), {}});
    start.body.insert(QLatin1StringView("args"), 5); // not a map
    QVERIFY(!parseStart(start, nullptr));
    Message trace = makeTrace({QStringLiteral("x"), 1});
    trace.body.remove(QLatin1StringView("label"));
    QVERIFY(!parseTrace(trace, nullptr));
    QVERIFY(!parseTrace(makeStop(), nullptr));
}

void TestProtocol::tokenComparison()
{
    QVERIFY(tokensEqual(token(), token()));
    QByteArray other = token();
    other[15] = 'x';
    QVERIFY(!tokensEqual(token(), other));
    QVERIFY(!tokensEqual(token(), token().chopped(1)));
}

QTEST_GUILESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
