// SPDX-License-Identifier: MIT
// The wire protocol and its CBOR codec. The library is plain C++; this test uses Qt, both
// as the test framework and as an independent CBOR implementation to check ours against.
#include "protocol/cbor.h"
#include "protocol/protocol.h"
#include "runtime/protocolqt.h"
#include "std/protocolcases.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QTest>
#include <QtEndian>

#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

using namespace ProcessLab;
using namespace ProcessLab::Protocol;
namespace Cases = ProcessLab::ProtocolCases;

Q_DECLARE_METATYPE(ProcessLab::Protocol::Message)
Q_DECLARE_METATYPE(ProcessLab::Protocol::Value)

namespace ProcessLab::Protocol {
// Found by QTest through argument-dependent lookup: a failing QCOMPARE shows the frames.
char *toString(const Message &message)
{
    return QTest::toString(toQByteArray(encodeFrame(message)).toHex(' '));
}
} // namespace ProcessLab::Protocol

namespace {

std::string token()
{
    return std::string(tokenSize, '\x5a');
}

QByteArray frameFromPayload(const QByteArray &payload, quint32 declaredLength)
{
    QByteArray frame(static_cast<qsizetype>(headerSize), Qt::Uninitialized);
    qToBigEndian(declaredLength, frame.data());
    return frame + payload;
}

QByteArray frameFromPayload(const QByteArray &payload)
{
    return frameFromPayload(payload, static_cast<quint32>(payload.size()));
}

QByteArray frameFromPayload(const std::string &payload)
{
    return frameFromPayload(toQByteArray(payload));
}

QByteArray hexOf(std::string_view bytes)
{
    return toQByteArray(bytes).toHex();
}

std::string fromHex(const char *hex)
{
    return fromQByteArray(QByteArray::fromHex(hex));
}

// A CBOR map head for count entries (count < 24 in these tests).
void appendHeadForTest(std::string &out, std::size_t count)
{
    out.push_back(static_cast<char>(0xa0 + count));
}

} // namespace

class TestProtocol : public QObject
{
    Q_OBJECT
private slots:
    // Frames and messages.
    void roundTrip_data();
    void roundTrip();
    void byteByByte();
    void severalFramesInOneRead();
    void truncatedFrameWaits();
    void frameLimitCheckedOnHeader();
    void rejected_data();
    void rejected();
    void helloValidation_data();
    void helloValidation();
    void startAndTraceValidation();
    void requestReplyNotifyValidation();
    void tokenComparison();
    void workerExitTexts();

    // The CBOR codec.
    void integers_data();
    void integers();
    void integersOutOfRange();
    void doubles_data();
    void doubles();
    void smallerFloatsDecode_data();
    void smallerFloatsDecode();
    void stringsAndContainers_data();
    void stringsAndContainers();
    void mapKeepsInsertionOrder();
    void mapKeysSortedWhenEncoded();
    void mapEqualityIgnoresOrder();
    void nestingLimit();
    void malformed_data();
    void malformed();
    void trailingBytes();
    void qtDecodesOurs();
    void weDecodeQts();
    void qtConversions();
};

void TestProtocol::roundTrip_data()
{
    QTest::addColumn<Message>("message");
    const Map args{
        {"num", 3},
        {"sleep", 0.25},
        {"text", "进程"},
        {"nested", Map{{"list", Array{1, "二", 2.5, nullptr, true, Bytes{std::string("\x00\xff", 2)}}},
                       {"inner", Map{{"deep", Map{{"x", -1}}}}}}},
    };
    QTest::newRow("hello") << makeHello({token(), 7, 4242, 123456789});
    QTest::newRow("start") << makeStart({"process.worker", args});
    QTest::newRow("start-empty-args") << makeStart({"test.noop", {}});
    QTest::newRow("start-every-kind") << makeStart({"进程.工作", Cases::everyKind()});
    QTest::newRow("stop") << makeStop();
    QTest::newRow("trace") << makeTrace({"started", 99});
    QTest::newRow("request") << makeRequest({7, "queue.get", Cases::everyKind()});
    QTest::newRow("request-none") << makeRequest({0, "echo.echo", nullptr});
    QTest::newRow("reply-body") << makeReply({7, Array{0, -1, -2}, std::nullopt});
    QTest::newRow("reply-none") << makeReply({8, nullptr, std::nullopt});
    QTest::newRow("reply-error") << makeReply({9, nullptr, std::string("queue.Empty")});
    QTest::newRow("notify") << makeNotify({"queue.wake", 3});
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
    QCOMPARE(reader.bufferedBytes(), std::size_t(0));
}

void TestProtocol::byteByByte()
{
    const std::string frame = encodeFrame(makeTrace({"第一行", 5}));
    FrameReader reader;
    Message decoded;
    for (std::size_t i = 0; i < frame.size(); ++i) {
        QCOMPARE(reader.next(&decoded), FrameReader::Status::NeedMore);
        reader.append(std::string_view(frame).substr(i, 1));
    }
    QCOMPARE(reader.next(&decoded), FrameReader::Status::Frame);
    QCOMPARE(toQString(parseTrace(decoded, nullptr)->label), QStringLiteral("第一行"));
}

void TestProtocol::severalFramesInOneRead()
{
    FrameReader reader;
    std::string bytes;
    for (int i = 0; i < 100; ++i)
        bytes += encodeFrame(makeTrace({std::to_string(i), i}));
    reader.append(bytes);
    Message decoded;
    for (int i = 0; i < 100; ++i) {
        QCOMPARE(reader.next(&decoded), FrameReader::Status::Frame);
        QCOMPARE(parseTrace(decoded, nullptr)->timeNs, std::int64_t(i));
    }
    QCOMPARE(reader.next(&decoded), FrameReader::Status::NeedMore);
}

void TestProtocol::truncatedFrameWaits()
{
    const std::string frame = encodeFrame(makeStop());
    FrameReader reader;
    reader.append(std::string_view(frame).substr(0, frame.size() - 1));
    Message decoded;
    QCOMPARE(reader.next(&decoded), FrameReader::Status::NeedMore);
    QVERIFY(!reader.hasError());
}

void TestProtocol::frameLimitCheckedOnHeader()
{
    // A stranger's reader: a header announcing more than the limit fails before any payload.
    FrameReader reader(helloFrameLimit);
    reader.append(viewOf(frameFromPayload(QByteArray(), quint32(helloFrameLimit + 1))));
    Message decoded;
    QCOMPARE(reader.next(&decoded), FrameReader::Status::Error);
    QVERIFY2(toQString(reader.errorString()).contains(QStringLiteral("exceeds the limit of 1024 bytes")),
             reader.errorString().c_str());
    QCOMPARE(reader.bufferedBytes(), std::size_t(0));

    // Exactly the limit is fine; a hello is far below it.
    const std::string hello = encodeFrame(makeHello({token(), 64, std::numeric_limits<std::int64_t>::max(),
                                                     std::numeric_limits<std::int64_t>::max()}));
    QVERIFY(hello.size() - headerSize < helloFrameLimit / 4);
    FrameReader atLimit(helloFrameLimit);
    const std::string payload = encode(Map{{"type", int(MessageType::Stop)},
                                           {"pad", std::string(helloFrameLimit - 14, 'p')}});
    QCOMPARE(payload.size(), helloFrameLimit);
    atLimit.append(viewOf(frameFromPayload(payload)));
    QCOMPARE(atLimit.next(&decoded), FrameReader::Status::Frame);

    // Raised after authentication, the same reader takes full-size frames.
    FrameReader raised(helloFrameLimit);
    raised.setFrameLimit(maxFrameSize);
    QCOMPARE(raised.frameLimit(), maxFrameSize);
    raised.append(encodeFrame(makeTrace({std::string(64 * 1024, 'x'), 1})));
    QCOMPARE(raised.next(&decoded), FrameReader::Status::Frame);
}

void TestProtocol::rejected_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason");
    for (const Cases::RejectedFrameCase &testCase : Cases::rejectedFrameCases)
        QTest::newRow(testCase.name) << QByteArray::fromHex(testCase.hex) << QString::fromUtf8(testCase.reason);
}

void TestProtocol::rejected()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    FrameReader reader;
    reader.append(viewOf(bytes));
    Message decoded;
    QCOMPARE(reader.next(&decoded), FrameReader::Status::Error);
    QVERIFY2(toQString(reader.errorString()).contains(reason), reader.errorString().c_str());
    // A reader in error stays in error, whatever comes next.
    reader.append(encodeFrame(makeStop()));
    QCOMPARE(reader.next(&decoded), FrameReader::Status::Error);
}

void TestProtocol::helloValidation_data()
{
    QTest::addColumn<Message>("message");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("reason");
    QTest::newRow("good") << makeHello({token(), 1, 100, 0}) << true << QString();
    QTest::newRow("wrong-magic") << makeHello({token(), 1, 100, 0}, 0xdeadbeef) << false << QStringLiteral("magic");
    // Values whose low 32 bits are the magic: the whole value must match.
    for (const std::int64_t alias : {std::int64_t(magic) + (std::int64_t(1) << 32), std::int64_t(magic) - (std::int64_t(1) << 32),
                                     std::int64_t(magic) | std::numeric_limits<std::int64_t>::min()}) {
        Message message = makeHello({token(), 1, 100, 0});
        message.body.insert("magic", alias);
        QTest::addRow("magic-alias-%llx", static_cast<unsigned long long>(alias)) << message << false
                                                                                << QStringLiteral("magic");
    }
    Message textMagic = makeHello({token(), 1, 100, 0});
    textMagic.body.insert("magic", "PLAB");
    QTest::newRow("text-magic") << textMagic << false << QStringLiteral("magic");
    QTest::newRow("wrong-version") << makeHello({token(), 1, 100, 0}, magic, version + 1) << false
                                   << QStringLiteral("version");
    QTest::newRow("short-token") << makeHello({token().substr(1), 1, 100, 0}) << false << QStringLiteral("token");
    QTest::newRow("negative-worker") << makeHello({token(), -1, 100, 0}) << false << QStringLiteral("worker id");
    QTest::newRow("no-pid") << makeHello({token(), 1, 0, 0}) << false << QStringLiteral("pid");
    QTest::newRow("not-hello") << makeStop() << false << QStringLiteral("hello");

    Message textToken = makeHello({token(), 1, 100, 0});
    textToken.body.insert("token", token()); // a text string, not a byte string
    QTest::newRow("text-token") << textToken << false << QStringLiteral("token");
    Message hugeWorker = makeHello({token(), 1, 100, 0});
    hugeWorker.body.insert("worker", std::int64_t(1) << 40);
    QTest::newRow("worker-beyond-int") << hugeWorker << false << QStringLiteral("worker id");
}

void TestProtocol::helloValidation()
{
    QFETCH(Message, message);
    QFETCH(bool, valid);
    QFETCH(QString, reason);
    std::string error;
    const std::optional<Hello> hello = parseHello(message, &error);
    QCOMPARE(hello.has_value(), valid);
    QCOMPARE(error.empty(), valid);
    QVERIFY2(toQString(error).contains(reason), error.c_str());
    if (valid) {
        QCOMPARE(hexOf(hello->token), hexOf(token()));
        QCOMPARE(hello->workerId, 1);
        QCOMPARE(hello->pid, std::int64_t(100));
    }
}

void TestProtocol::startAndTraceValidation()
{
    Message start = makeStart({"x", {}});
    start.body.insert("args", 5); // not a map
    QVERIFY(!parseStart(start, nullptr));
    Message byteBehaviour = makeStart({"x", {}});
    byteBehaviour.body.insert("behaviour", Bytes{"x"});
    QVERIFY(!parseStart(byteBehaviour, nullptr));
    QVERIFY(!parseStart(makeStop(), nullptr));
    const std::optional<Start> good = parseStart(makeStart({"process.worker", Map{{"num", 2}}}), nullptr);
    QVERIFY(good);
    QCOMPARE(toQString(good->behaviour), QStringLiteral("process.worker"));
    QCOMPARE(good->arguments.value("num").toInteger(), std::int64_t(2));

    Message trace = makeTrace({"x", 1});
    trace.body.remove("label");
    std::string error;
    QVERIFY(!parseTrace(trace, &error));
    QVERIFY(toQString(error).contains(QStringLiteral("trace")));
    QVERIFY(!parseTrace(makeStop(), nullptr));
}

void TestProtocol::requestReplyNotifyValidation()
{
    const std::optional<Request> request = parseRequest(makeRequest({5, "queue.get", "x"}), nullptr);
    QVERIFY(request);
    QCOMPARE(request->id, std::int64_t(5));
    QCOMPARE(toQString(request->name), QStringLiteral("queue.get"));
    QCOMPARE(request->body, Value("x"));
    Message negativeId = makeRequest({1, "a.b", 1});
    negativeId.body.insert("id", -1);
    QVERIFY(!parseRequest(negativeId, nullptr));
    Message noBody = makeRequest({1, "a.b", 1});
    noBody.body.remove("body");
    QVERIFY(!parseRequest(noBody, nullptr));
    std::string error;
    QVERIFY(!parseRequest(makeRequest({1, std::string(maxNameSize + 1, 'n'), 1}), &error));
    QVERIFY(toQString(error).contains(QStringLiteral("request")));
    QVERIFY(parseRequest(makeRequest({1, std::string(maxNameSize, 'n'), 1}), nullptr));
    QVERIFY(!parseRequest(makeRequest({1, "", 1}), nullptr));
    QVERIFY(!parseRequest(makeNotify({"a.b", 1}), nullptr));

    const std::optional<Reply> value = parseReply(makeReply({3, 42, std::nullopt}), nullptr);
    QVERIFY(value && value->ok());
    QCOMPARE(value->body, Value(42));
    const std::optional<Reply> failed = parseReply(makeReply({3, nullptr, std::string("EOFError")}), nullptr);
    QVERIFY(failed && !failed->ok());
    QCOMPARE(toQString(*failed->error), QStringLiteral("EOFError"));
    Message both = makeReply({3, 1, std::nullopt});
    both.body.insert("error", "x");
    QVERIFY(!parseReply(both, nullptr)); // a body or an error, not both
    Message neither = makeReply({3, 1, std::nullopt});
    neither.body.remove("body");
    QVERIFY(!parseReply(neither, nullptr));
    Message textError = makeReply({3, nullptr, std::string("x")});
    textError.body.insert("error", 5);
    QVERIFY(!parseReply(textError, nullptr));

    const std::optional<Notify> notify = parseNotify(makeNotify({"queue.wake", Map{{"object", 3}}}), nullptr);
    QVERIFY(notify);
    QCOMPARE(toQString(notify->name), QStringLiteral("queue.wake"));
    QCOMPARE(notify->body.toMap().value("object").toInteger(), std::int64_t(3));
    Message byteName = makeNotify({"x", 1});
    byteName.body.insert("name", Bytes{"x"});
    QVERIFY(!parseNotify(byteName, nullptr));
}

void TestProtocol::tokenComparison()
{
    QVERIFY(tokensEqual(token(), token()));
    std::string other = token();
    other[15] = 'x';
    QVERIFY(!tokensEqual(token(), other));
    QVERIFY(!tokensEqual(token(), token().substr(1)));
    QVERIFY(tokensEqual({}, {}));
}

void TestProtocol::workerExitTexts()
{
    QVERIFY(!describeWorkerExit(0));
    QVERIFY(!describeWorkerExit(1));
    QVERIFY(std::strstr(describeWorkerExit(ExitHostGone), "connection"));
    QVERIFY(describeWorkerExitText(3).isEmpty());
    QVERIFY(describeWorkerExitText(ExitHostGone).contains(QStringLiteral("connection")));
}

// --- CBOR codec ----------------------------------------------------------------------

void TestProtocol::integers_data()
{
    QTest::addColumn<qint64>("value");
    QTest::addColumn<QByteArray>("hex");
    for (const Cases::IntegerCase &testCase : Cases::integerCases)
        QTest::newRow(testCase.name) << qint64(testCase.value) << QByteArray(testCase.hex);
}

void TestProtocol::integers()
{
    QFETCH(qint64, value);
    QFETCH(QByteArray, hex);
    const std::string encoded = encode(value);
    QCOMPARE(hexOf(encoded), hex);
    QCOMPARE(QCborValue(value).toCbor().toHex(), hex); // Qt writes the same shortest form
    std::string error;
    const std::optional<Value> decoded = decode(encoded, &error);
    QVERIFY2(decoded, error.c_str());
    QVERIFY(decoded->isInteger());
    QCOMPARE(decoded->toInteger(), std::int64_t(value));
}

void TestProtocol::integersOutOfRange()
{
    for (const char *hex : Cases::integerOutOfRangeHex) {
        std::string error;
        QVERIFY2(!decode(fromHex(hex), &error), hex);
        QVERIFY2(toQString(error).contains(QStringLiteral("range")), error.c_str());
    }
}

void TestProtocol::doubles_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QByteArray>("hex");
    // The shortest exact form (RFC 8949 §4.2.1); the RFC's Appendix A values where it has them.
    QTest::newRow("zero") << 0.0 << QByteArray("f90000");
    QTest::newRow("negative-zero") << -0.0 << QByteArray("f98000");
    QTest::newRow("1.0") << 1.0 << QByteArray("f93c00");
    QTest::newRow("1.1") << 1.1 << QByteArray("fb3ff199999999999a");
    QTest::newRow("1.5") << 1.5 << QByteArray("f93e00");
    QTest::newRow("integral") << 3.0 << QByteArray("f94200");
    QTest::newRow("65504") << 65504.0 << QByteArray("f97bff");
    QTest::newRow("65505-single") << 65505.0 << QByteArray("fa477fe100");
    QTest::newRow("65536-beyond-half") << 65536.0 << QByteArray("fa47800000");
    QTest::newRow("100000") << 100000.0 << QByteArray("fa47c35000");
    QTest::newRow("float-max") << 3.4028234663852886e+38 << QByteArray("fa7f7fffff");
    QTest::newRow("1e300") << 1.0e+300 << QByteArray("fb7e37e43c8800759c");
    QTest::newRow("half-subnormal-min") << 5.960464477539063e-8 << QByteArray("f90001");
    QTest::newRow("half-normal-min") << 0.00006103515625 << QByteArray("f90400");
    QTest::newRow("2^-25-single") << std::ldexp(1.0, -25) << QByteArray("fa33000000");
    QTest::newRow("float-denormal-min") << std::ldexp(1.0, -149) << QByteArray("fa00000001");
    QTest::newRow("2^-150-double") << std::ldexp(1.0, -150) << QByteArray("fb3690000000000000");
    QTest::newRow("-4.0") << -4.0 << QByteArray("f9c400");
    QTest::newRow("-4.1") << -4.1 << QByteArray("fbc010666666666666");
    QTest::newRow("0.1") << 0.1 << QByteArray("fb3fb999999999999a");
    QTest::newRow("sleep-0.6") << 0.6 << QByteArray("fb3fe3333333333333");
    QTest::newRow("denormal") << std::numeric_limits<double>::denorm_min() << QByteArray("fb0000000000000001");
    QTest::newRow("max") << std::numeric_limits<double>::max() << QByteArray("fb7fefffffffffffff");
    QTest::newRow("infinity") << std::numeric_limits<double>::infinity() << QByteArray("f97c00");
    QTest::newRow("-infinity") << -std::numeric_limits<double>::infinity() << QByteArray("f9fc00");
    QTest::newRow("nan") << std::numeric_limits<double>::quiet_NaN() << QByteArray("f97e00");
}

void TestProtocol::doubles()
{
    QFETCH(double, value);
    QFETCH(QByteArray, hex);
    const std::string encoded = encode(value);
    QCOMPARE(hexOf(encoded), hex);
    // Qt, asked for the shortest lossless form, writes the same.
    QCOMPARE(QCborValue(value).toCbor(QCborValue::UseFloat16).toHex(), hex);
    const std::optional<Value> decoded = decode(encoded, nullptr);
    QVERIFY(decoded && decoded->isDouble()); // 3.0 stays a double, not an integer
    // Bit for bit: covers -0.0 and NaN, which == cannot.
    QCOMPARE(std::bit_cast<quint64>(decoded->toDouble()), std::bit_cast<quint64>(value));
}

void TestProtocol::smallerFloatsDecode_data()
{
    QTest::addColumn<QByteArray>("hex");
    QTest::addColumn<double>("value");
    for (const Cases::FloatCase &testCase : Cases::smallerFloatCases)
        QTest::newRow(testCase.name) << QByteArray(testCase.hex) << testCase.value;
}

void TestProtocol::smallerFloatsDecode()
{
    QFETCH(QByteArray, hex);
    QFETCH(double, value);
    const std::optional<Value> decoded = decode(fromQByteArray(QByteArray::fromHex(hex)), nullptr);
    QVERIFY(decoded && decoded->isDouble());
    QCOMPARE(std::bit_cast<quint64>(decoded->toDouble()), std::bit_cast<quint64>(value));
    QVERIFY(std::isnan(decode(fromHex("f97e00"), nullptr)->toDouble()));
}

void TestProtocol::stringsAndContainers_data()
{
    QTest::addColumn<Value>("value");
    QTest::addColumn<QByteArray>("hex");
    QTest::newRow("null") << Value() << QByteArray("f6");
    QTest::newRow("false") << Value(false) << QByteArray("f4");
    QTest::newRow("true") << Value(true) << QByteArray("f5");
    QTest::newRow("empty-text") << Value("") << QByteArray("60");
    QTest::newRow("text") << Value("IETF") << QByteArray("6449455446");
    QTest::newRow("chinese") << Value("进程") << QByteArray("66e8bf9be7a88b");
    QTest::newRow("text-23") << Value(std::string(23, 'a')) << QByteArray("77" + QByteArray(23, 'a').toHex());
    QTest::newRow("text-24") << Value(std::string(24, 'a')) << QByteArray("7818" + QByteArray(24, 'a').toHex());
    QTest::newRow("empty-bytes") << Value(Bytes{}) << QByteArray("40");
    QTest::newRow("bytes") << Value(Bytes{std::string("\x01\x02\x03\x04", 4)}) << QByteArray("4401020304");
    QTest::newRow("empty-array") << Value(Array{}) << QByteArray("80");
    QTest::newRow("empty-map") << Value(Map{}) << QByteArray("a0");
    QTest::newRow("array") << Value(Array{1, Array{2, 3}, Array{4, 5}}) << QByteArray("8301820203820405");
    QTest::newRow("map") << Value(Map{{"a", 1}, {"b", Array{2, 3}}}) << QByteArray("a26161016162820203");
    const Array twentyFive(25, Value(1));
    QTest::newRow("array-25") << Value(twentyFive) << QByteArray("9819" + QByteArray("01").repeated(25));
}

void TestProtocol::stringsAndContainers()
{
    QFETCH(Value, value);
    QFETCH(QByteArray, hex);
    const std::string encoded = encode(value);
    QCOMPARE(hexOf(encoded), hex);
    std::string error;
    const std::optional<Value> decoded = decode(encoded, &error);
    QVERIFY2(decoded, error.c_str());
    QVERIFY(*decoded == value);
}

void TestProtocol::mapKeepsInsertionOrder()
{
    Map map;
    map.insert("z", 1);
    map.insert("a", 2);
    map.insert("m", 3);
    map.insert("a", 20); // replaced in place, not moved to the end
    QStringList keys;
    for (const auto &[key, value] : map)
        keys.append(toQString(key));
    QCOMPARE(keys, QStringList({QStringLiteral("z"), QStringLiteral("a"), QStringLiteral("m")}));
    // The encoding sorts the keys, whatever the insertion order.
    QCOMPARE(hexOf(encode(map)), QByteArray("a3" "616114" "616d03" "617a01"));
    QCOMPARE(map.size(), std::size_t(3));
    QCOMPARE(map.value("a").toInteger(), std::int64_t(20));
    QVERIFY(map.value("missing").isNull());
    QCOMPARE(map.take("z")->toInteger(), std::int64_t(1));
    QVERIFY(!map.take("z"));
    QVERIFY(map.remove("m"));
    QVERIFY(!map.remove("m"));
    QCOMPARE(hexOf(encode(map)), QByteArray("a1616114"));
}

void TestProtocol::mapKeysSortedWhenEncoded()
{
    // RFC 8949 §4.2.1: keys in the bytewise order of their encodings, so a shorter key
    // (smaller length head) first, then unsigned bytes: "é" (c3 a9) after "z".
    const std::vector<std::string> inserted = {"zz", "b", "é", std::string(24, 'a'), "z", "", "aa",
                                               std::string(23, 'b'), "A", "进程"};
    Map map;
    for (std::size_t i = 0; i < inserted.size(); ++i)
        map.insert(inserted[i], int(i));
    const std::string encoded = encode(map);

    // Expected: sort the keys' own encodings bytewise (an independent statement of the rule).
    std::vector<std::pair<QByteArray, int>> expected;
    for (std::size_t i = 0; i < inserted.size(); ++i)
        expected.emplace_back(toQByteArray(encode(Value(inserted[i]))), int(i));
    std::sort(expected.begin(), expected.end(), [](const auto &a, const auto &b) {
        return std::lexicographical_compare(a.first.cbegin(), a.first.cend(), b.first.cbegin(), b.first.cend(),
                                            [](char x, char y) { return quint8(x) < quint8(y); });
    });
    std::string manual;
    appendHeadForTest(manual, inserted.size());
    for (const auto &[key, index] : expected)
        manual += fromQByteArray(key) + encode(Value(index));
    QCOMPARE(hexOf(encoded), hexOf(manual));
    QCOMPARE(hexOf(encode(Value(std::string(24, 'a')))).left(4), QByteArray("7818"));

    // Nested maps are sorted too, and the result does not depend on insertion order.
    const Map forward{{"outer", Map{{"y", 1}, {"x", 2}}}, {"a", 0}};
    const Map backward{{"a", 0}, {"outer", Map{{"x", 2}, {"y", 1}}}};
    QCOMPARE(hexOf(encode(forward)), hexOf(encode(backward)));
    QCOMPARE(hexOf(encode(forward)), QByteArray("a2" "616100" "656f75746572" "a2" "617802" "617901"));
    // A frame's "type" key takes its sorted place, and the frame still decodes.
    const std::string frame = encodeFrame(makeTrace({"x", 1}));
    QCOMPARE(hexOf(std::string_view(frame).substr(headerSize)), QByteArray("a3" "6174" "01" "6474797065" "04"
                                                                          "656c6162656c" "6178"));
}

void TestProtocol::mapEqualityIgnoresOrder()
{
    QVERIFY(Map({{"a", 1}, {"b", 2}}) == Map({{"b", 2}, {"a", 1}}));
    QVERIFY(!(Map({{"a", 1}, {"b", 2}}) == Map({{"b", 2}, {"a", 3}})));
    QVERIFY(!(Map({{"a", 1}, {"b", 2}}) == Map({{"a", 1}})));
    QVERIFY(!(Map({{"a", 1}}) == Map({{"b", 1}})));
    QVERIFY(Map() == Map());
    QVERIFY(Value(Map{{"n", Map{{"x", 1}, {"y", 2}}}}) == Value(Map{{"n", Map{{"y", 2}, {"x", 1}}}}));
}

void TestProtocol::nestingLimit()
{
    const auto nested = [](int depth) {
        return fromQByteArray(QByteArray(depth - 1, '\x81') + '\x80'); // [[[...[]...]]]
    };
    std::string error;
    QVERIFY2(decode(nested(maxDepth), &error), error.c_str());
    QVERIFY(!decode(nested(maxDepth + 1), &error));
    QVERIFY2(toQString(error).contains(QStringLiteral("nesting")), error.c_str());
    // Maps count too, and a deep bomb fails fast instead of exhausting the stack.
    std::string maps;
    for (int i = 0; i < 100000; ++i)
        maps += "\xa1\x61x";
    maps += '\x00';
    QVERIFY(!decode(maps, &error));
    QVERIFY2(toQString(error).contains(QStringLiteral("nesting")), error.c_str());
}

void TestProtocol::malformed_data()
{
    QTest::addColumn<QByteArray>("hex");
    QTest::addColumn<QString>("reason");
    for (const Cases::MalformedCase &testCase : Cases::malformedCases)
        QTest::newRow(testCase.name) << QByteArray(testCase.hex) << QString::fromUtf8(testCase.reason);
}

void TestProtocol::malformed()
{
    QFETCH(QByteArray, hex);
    QFETCH(QString, reason);
    std::string error;
    QVERIFY(!decode(fromQByteArray(QByteArray::fromHex(hex)), &error));
    QVERIFY2(toQString(error).contains(reason, Qt::CaseInsensitive), error.c_str());
}

void TestProtocol::trailingBytes()
{
    const std::string two = fromHex("0102");
    std::string error;
    QVERIFY(!decode(two, &error));
    QVERIFY2(toQString(error).contains(QStringLiteral("trailing")), error.c_str());
    std::size_t consumed = 0;
    const std::optional<Value> first = decodeFirst(two, &consumed, &error);
    QVERIFY(first);
    QCOMPARE(first->toInteger(), std::int64_t(1));
    QCOMPARE(consumed, std::size_t(1));
}

void TestProtocol::qtDecodesOurs()
{
    const Map ours = Cases::everyKind();
    const std::string encoded = encode(ours);
    QCborParserError error;
    const QCborValue qt = QCborValue::fromCbor(toQByteArray(encoded), &error);
    QCOMPARE(error.error, QCborError::NoError);
    QCOMPARE(error.offset, qint64(encoded.size()));
    QVERIFY(qt.isMap());
    const QCborMap map = qt.toMap();
    QCOMPARE(map.size(), qsizetype(ours.size()));
    QVERIFY(map.value(QLatin1StringView("null")).isNull());
    QVERIFY(map.value(QLatin1StringView("false")).isFalse());
    QVERIFY(map.value(QLatin1StringView("true")).isTrue());
    QCOMPARE(map.value(QLatin1StringView("small")).toInteger(), qint64(23));
    QCOMPARE(map.value(QLatin1StringView("negative")).toInteger(), qint64(-65537));
    QCOMPARE(map.value(QLatin1StringView("max")).toInteger(), std::numeric_limits<qint64>::max());
    QCOMPARE(map.value(QLatin1StringView("min")).toInteger(), std::numeric_limits<qint64>::min());
    QCOMPARE(map.value(QLatin1StringView("double")).toDouble(), 0.25);
    QVERIFY(std::signbit(map.value(QLatin1StringView("negative-zero")).toDouble()));
    QCOMPARE(map.value(QLatin1StringView("text")).toString(), QStringLiteral("进程间通信"));
    QCOMPARE(map.value(QLatin1StringView("bytes")).toByteArray(), QByteArray("\x00\xff\x80", 3));
    const QCborArray array = map.value(QLatin1StringView("array")).toArray();
    QCOMPARE(array.size(), qsizetype(6));
    QCOMPARE(array.at(1).toString(), QStringLiteral("二"));
    QCOMPARE(array.at(5).toMap().value(QLatin1StringView("k")).toString(), QStringLiteral("v"));
    QCOMPARE(map.value(QLatin1StringView("map")).toMap().value(QLatin1StringView("inner")).toMap()
                 .value(QLatin1StringView("deep")).toArray().size(), qsizetype(2));
    // Whole-value check through the adapter, every value included.
    QVERIFY(fromQCborMap(map) == ours);
    // Qt keeps the (sorted) order it read and, asked for the shortest lossless floats,
    // writes the same bytes: our encoding is what a second encoder makes of it.
    QCOMPARE(qt.toCbor(QCborValue::UseFloat16).toHex(), hexOf(encoded));
}

void TestProtocol::weDecodeQts()
{
    QCborMap qt;
    qt.insert(QLatin1StringView("null"), QCborValue(nullptr));
    qt.insert(QLatin1StringView("bool"), true);
    qt.insert(QLatin1StringView("int"), 65536);
    qt.insert(QLatin1StringView("negative"), std::numeric_limits<qint64>::min());
    qt.insert(QLatin1StringView("double"), 0.1);
    qt.insert(QLatin1StringView("text"), QStringLiteral("标准错误输出"));
    qt.insert(QLatin1StringView("bytes"), QByteArray("\x00\x01", 2));
    QCborArray array{1, QStringLiteral("二"), 2.5, QCborValue(nullptr)};
    array.append(QCborMap{{QStringLiteral("deep"), QCborArray{false}}});
    qt.insert(QLatin1StringView("array"), array);
    qt.insert(QLatin1StringView("map"), QCborMap{{QStringLiteral("x"), -1}});
    qt.insert(QLatin1StringView("empty"), QCborMap());

    const QByteArray bytes = qt.toCborValue().toCbor();
    std::string error;
    const std::optional<Value> ours = decode(viewOf(bytes), &error);
    QVERIFY2(ours, error.c_str());
    QVERIFY(ours->isMap());
    const Map &map = ours->toMap();
    QCOMPARE(map.size(), std::size_t(10));
    QVERIFY(map.value("null").isNull());
    QCOMPARE(map.value("bool").toBool(), true);
    QCOMPARE(map.value("int").toInteger(), std::int64_t(65536));
    QCOMPARE(map.value("negative").toInteger(), std::numeric_limits<std::int64_t>::min());
    QCOMPARE(map.value("double").toDouble(), 0.1);
    QCOMPARE(toQString(map.value("text").toText()), QStringLiteral("标准错误输出"));
    QCOMPARE(hexOf(map.value("bytes").toBytes()), QByteArray("0001"));
    QCOMPARE(map.value("array").toArray().size(), std::size_t(5));
    QCOMPARE(toQString(map.value("array").toArray().at(1).toText()), QStringLiteral("二"));
    QCOMPARE(map.value("map").toMap().value("x").toInteger(), std::int64_t(-1));
    QVERIFY(map.value("empty").isMap() && map.value("empty").toMap().empty());
    QVERIFY(*ours == Value(fromQCborMap(qt)));
}

void TestProtocol::qtConversions()
{
    const Map ours = Cases::everyKind();
    QVERIFY(fromQCborMap(toQCborMap(ours)) == ours);
    // What the protocol cannot carry becomes null; integer keys become their notation.
    QCborMap qt;
    qt.insert(QLatin1StringView("undefined"), QCborValue());
    qt.insert(QLatin1StringView("tagged"), QCborValue(QCborKnownTags::PositiveBignum, QByteArray("\x01")));
    qt.insert(7, QStringLiteral("seven"));
    const Map converted = fromQCborMap(qt);
    QVERIFY(converted.value("undefined").isNull());
    QVERIFY(converted.value("tagged").isNull());
    QCOMPARE(toQString(converted.value("7").toText()), QStringLiteral("seven"));
    QCOMPARE(toQString(fromQString(QStringLiteral("进程"))), QStringLiteral("进程"));
    QCOMPARE(toQByteArray(fromQByteArray(QByteArray("\x00\xff", 2))), QByteArray("\x00\xff", 2));
}

QTEST_GUILESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
