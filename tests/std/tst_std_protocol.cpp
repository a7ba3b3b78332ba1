// SPDX-License-Identifier: MIT
// The frame codec and CBOR codec without Qt: round trips and rejections, run on every
// platform the worker builds for (Linux, and Windows through the MinGW build under Wine).
// tests/tst_protocol.cpp additionally checks the codec against Qt's CBOR implementation.
#include "protocol/cbor.h"
#include "protocol/protocol.h"
#include "protocolcases.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <bit>
#include <cctype>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <tuple>

using namespace ProcessLab::Protocol;
namespace Cases = ProcessLab::ProtocolCases;

namespace {

std::string fromHex(std::string_view hex)
{
    std::string bytes;
    int high = -1;
    for (const char c : hex) {
        if (c == ' ')
            continue;
        const int digit = std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : std::tolower(c) - 'a' + 10;
        REQUIRE_MESSAGE((digit >= 0 && digit < 16), "bad hex digit in a test case");
        if (high < 0) {
            high = digit;
        } else {
            bytes.push_back(static_cast<char>(high * 16 + digit));
            high = -1;
        }
    }
    REQUIRE_MESSAGE(high < 0, "odd number of hex digits in a test case");
    return bytes;
}

std::string toHex(std::string_view bytes)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string hex;
    for (const char c : bytes) {
        hex.push_back(digits[static_cast<unsigned char>(c) >> 4]);
        hex.push_back(digits[static_cast<unsigned char>(c) & 15]);
    }
    return hex;
}

bool containsIgnoringCase(std::string text, std::string word)
{
    const auto lower = [](std::string s) {
        std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
        return s;
    };
    return lower(std::move(text)).find(lower(std::move(word))) != std::string::npos;
}

std::string token()
{
    return std::string(tokenSize, '\x5a');
}

Message decodeOneFrame(const std::string &frame)
{
    FrameReader reader;
    reader.append(frame);
    Message decoded;
    REQUIRE(reader.next(&decoded) == FrameReader::Status::Frame);
    CHECK(reader.next(&decoded) == FrameReader::Status::NeedMore);
    CHECK(reader.bufferedBytes() == 0);
    return decoded;
}

} // namespace

TEST_CASE("every message survives a round trip through a frame")
{
    const Map args{{"num", 3}, {"sleep", 0.25}, {"text", "进程"}, {"nested", Cases::everyKind()}};
    const std::pair<const char *, Message> messages[] = {
        {"hello", makeHello({token(), 7, 4242, 123456789})},
        {"start", makeStart({"process.worker", args})},
        {"start-empty-args", makeStart({"test.noop", {}})},
        {"stop", makeStop()},
        {"trace", makeTrace({"started", 99})},
        {"request", makeRequest({7, "queue.get", Cases::everyKind()})},
        {"reply-body", makeReply({7, Array{0, -1, -2}, std::nullopt})},
        {"reply-error", makeReply({9, nullptr, std::string("queue.Empty")})},
        {"notify", makeNotify({"queue.wake", 3})},
    };
    for (const auto &testCase : messages) { // no structured binding: clang 14 cannot CAPTURE one
        CAPTURE(testCase.first);
        CHECK(decodeOneFrame(encodeFrame(testCase.second)) == testCase.second);
    }
}

TEST_CASE("a frame that arrives byte by byte is decoded once complete")
{
    const std::string frame = encodeFrame(makeTrace({"第一行", 5}));
    FrameReader reader;
    Message decoded;
    for (std::size_t i = 0; i < frame.size(); ++i) {
        REQUIRE(reader.next(&decoded) == FrameReader::Status::NeedMore);
        reader.append(std::string_view(frame).substr(i, 1));
    }
    REQUIRE(reader.next(&decoded) == FrameReader::Status::Frame);
    const auto trace = parseTrace(decoded, nullptr);
    REQUIRE(trace);
    CHECK(trace->label == "第一行");
    CHECK(trace->timeNs == 5);
}

TEST_CASE("many frames in one read come out in order")
{
    std::string bytes;
    for (int i = 0; i < 100; ++i)
        bytes += encodeFrame(makeTrace({std::to_string(i), i}));
    FrameReader reader;
    reader.append(bytes);
    Message decoded;
    for (int i = 0; i < 100; ++i) {
        REQUIRE(reader.next(&decoded) == FrameReader::Status::Frame);
        CHECK(parseTrace(decoded, nullptr)->timeNs == i);
    }
    CHECK(reader.next(&decoded) == FrameReader::Status::NeedMore);
}

TEST_CASE("a truncated frame waits for the rest without an error")
{
    const std::string frame = encodeFrame(makeStop());
    FrameReader reader;
    reader.append(std::string_view(frame).substr(0, frame.size() - 1));
    Message decoded;
    CHECK(reader.next(&decoded) == FrameReader::Status::NeedMore);
    CHECK_FALSE(reader.hasError());
}

TEST_CASE("bad frames are rejected and the reader stays in error")
{
    for (const auto &testCase : Cases::rejectedFrameCases) {
        CAPTURE(testCase.name);
        FrameReader reader;
        reader.append(fromHex(testCase.hex));
        Message decoded;
        CHECK(reader.next(&decoded) == FrameReader::Status::Error);
        CHECK_MESSAGE(containsIgnoringCase(reader.errorString(), testCase.reason), reader.errorString());
        reader.append(encodeFrame(makeStop()));
        CHECK(reader.next(&decoded) == FrameReader::Status::Error);
    }
}

TEST_CASE("a frame over the reader's limit is refused before its payload arrives")
{
    FrameReader reader(64);
    reader.append(fromHex("00000041")); // 65 bytes announced, none sent
    Message decoded;
    CHECK(reader.next(&decoded) == FrameReader::Status::Error);
    CHECK(containsIgnoringCase(reader.errorString(), "exceeds"));
}

TEST_CASE("hello validation")
{
    std::string error;
    const auto good = parseHello(makeHello({token(), 1, 100, 0}), &error);
    REQUIRE_MESSAGE(good, error);
    CHECK(good->token == token());
    CHECK(good->workerId == 1);
    CHECK(good->pid == 100);

    Message textToken = makeHello({token(), 1, 100, 0});
    textToken.body.insert("token", token()); // a text string, not a byte string
    Message hugeWorker = makeHello({token(), 1, 100, 0});
    hugeWorker.body.insert("worker", std::int64_t(1) << 40);
    const struct
    {
        const char *name;
        Message message;
        const char *reason;
    } bad[] = {
        {"wrong-magic", makeHello({token(), 1, 100, 0}, 0xdeadbeef), "magic"},
        {"wrong-version", makeHello({token(), 1, 100, 0}, magic, version + 1), "version"},
        {"short-token", makeHello({token().substr(1), 1, 100, 0}), "token"},
        {"negative-worker", makeHello({token(), -1, 100, 0}), "worker id"},
        {"no-pid", makeHello({token(), 1, 0, 0}), "pid"},
        {"not-hello", makeStop(), "hello"},
        {"text-token", textToken, "token"},
        {"worker-beyond-int", hugeWorker, "worker id"},
    };
    for (const auto &testCase : bad) {
        CAPTURE(testCase.name);
        error.clear();
        CHECK_FALSE(parseHello(testCase.message, &error));
        CHECK_MESSAGE(containsIgnoringCase(error, testCase.reason), error);
    }
}

TEST_CASE("start and trace validation")
{
    Message start = makeStart({"x", {}});
    start.body.insert("args", 5); // not a map
    CHECK_FALSE(parseStart(start, nullptr));
    Message byteBehaviour = makeStart({"x", {}});
    byteBehaviour.body.insert("behaviour", Bytes{"x"});
    CHECK_FALSE(parseStart(byteBehaviour, nullptr));
    CHECK_FALSE(parseStart(makeStop(), nullptr));
    const auto good = parseStart(makeStart({"process.worker", Map{{"num", 2}}}), nullptr);
    REQUIRE(good);
    CHECK(good->behaviour == "process.worker");
    CHECK(good->arguments.value("num").toInteger() == 2);

    Message trace = makeTrace({"x", 1});
    trace.body.remove("label");
    std::string error;
    CHECK_FALSE(parseTrace(trace, &error));
    CHECK(containsIgnoringCase(error, "trace"));
}

TEST_CASE("request, reply and notify validation")
{
    const auto request = parseRequest(makeRequest({5, "queue.get", "x"}), nullptr);
    REQUIRE(request);
    CHECK(request->id == 5);
    CHECK(request->name == "queue.get");
    CHECK(request->body == Value("x"));
    Message negativeId = makeRequest({1, "a.b", 1});
    negativeId.body.insert("id", -1);
    CHECK_FALSE(parseRequest(negativeId, nullptr));
    CHECK_FALSE(parseRequest(makeRequest({1, std::string(maxNameSize + 1, 'n'), 1}), nullptr));
    CHECK(parseRequest(makeRequest({1, std::string(maxNameSize, 'n'), 1}), nullptr));

    const auto failed = parseReply(makeReply({3, nullptr, std::string("EOFError")}), nullptr);
    REQUIRE(failed);
    CHECK_FALSE(failed->ok());
    CHECK(*failed->error == "EOFError");
    Message both = makeReply({3, 1, std::nullopt});
    both.body.insert("error", "x");
    std::string error;
    CHECK_FALSE(parseReply(both, &error));
    CHECK(containsIgnoringCase(error, "reply"));

    const auto notify = parseNotify(makeNotify({"queue.wake", 3}), nullptr);
    REQUIRE(notify);
    CHECK(notify->name == "queue.wake");
    CHECK(notify->body.toInteger() == 3);
    Message noName = makeNotify({"x", 1});
    noName.body.remove("name");
    CHECK_FALSE(parseNotify(noName, nullptr));
}

TEST_CASE("token comparison")
{
    CHECK(tokensEqual(token(), token()));
    std::string other = token();
    other[15] = 'x';
    CHECK_FALSE(tokensEqual(token(), other));
    CHECK_FALSE(tokensEqual(token(), token().substr(1)));
}

TEST_CASE("integers are written in the shortest form and read back")
{
    for (const auto &testCase : Cases::integerCases) {
        CAPTURE(testCase.name);
        const std::string encoded = encode(testCase.value);
        CHECK(toHex(encoded) == testCase.hex);
        std::string error;
        const auto decoded = decode(encoded, &error);
        REQUIRE_MESSAGE(decoded, error);
        CHECK(decoded->isInteger());
        CHECK(decoded->toInteger() == testCase.value);
    }
    for (const char *hex : Cases::integerOutOfRangeHex) {
        CAPTURE(hex);
        std::string error;
        CHECK_FALSE(decode(fromHex(hex), &error));
        CHECK(containsIgnoringCase(error, "range"));
    }
}

// RFC 8949 §4.2.1 preferred serialization: the shortest of half, single and double that
// holds the value exactly; whatever the width, the value survives bit for bit.
TEST_CASE("doubles take their shortest exact form and survive bit for bit")
{
    const std::tuple<double, std::size_t> values[] = {
        {0.0, 3}, {-0.0, 3}, {1.5, 3}, {3.0, 3}, {65504.0, 3}, {100000.0, 5}, {0.1, 9}, {1e300, 9},
        {std::numeric_limits<double>::denorm_min(), 9}, {std::numeric_limits<double>::max(), 9},
        {std::numeric_limits<double>::infinity(), 3}, {-std::numeric_limits<double>::infinity(), 3},
        {std::numeric_limits<double>::quiet_NaN(), 3}};
    for (const auto &entry : values) {
        const double value = std::get<0>(entry); // not a structured binding: CAPTURE is a lambda (clang 14)
        const std::size_t size = std::get<1>(entry);
        CAPTURE(value);
        const std::string encoded = encode(value);
        CHECK(encoded.size() == size);
        const unsigned char head = static_cast<unsigned char>(encoded[0]);
        CHECK(head == (size == 3 ? 0xf9 : size == 5 ? 0xfa : 0xfb));
        const auto decoded = decode(encoded, nullptr);
        REQUIRE(decoded);
        CHECK(decoded->isDouble()); // 3.0 stays a double
        if (std::isnan(value))
            CHECK(std::isnan(decoded->toDouble()));
        else
            CHECK(std::bit_cast<std::uint64_t>(decoded->toDouble()) == std::bit_cast<std::uint64_t>(value));
    }
}

TEST_CASE("half and single precision floats decode")
{
    for (const auto &testCase : Cases::smallerFloatCases) {
        CAPTURE(testCase.name);
        const auto decoded = decode(fromHex(testCase.hex), nullptr);
        REQUIRE(decoded);
        CHECK(decoded->isDouble());
        CHECK(std::bit_cast<std::uint64_t>(decoded->toDouble()) == std::bit_cast<std::uint64_t>(testCase.value));
    }
    CHECK(std::isnan(decode(fromHex("f97e00"), nullptr)->toDouble()));
}

TEST_CASE("strings and containers have their exact encoding")
{
    const std::tuple<const char *, Value, std::string> cases[] = {
        {"null", Value(), "f6"},
        {"false", Value(false), "f4"},
        {"true", Value(true), "f5"},
        {"empty-text", Value(""), "60"},
        {"text", Value("IETF"), "6449455446"},
        {"chinese", Value("进程"), "66e8bf9be7a88b"},
        {"text-24", Value(std::string(24, 'a')), "7818" + toHex(std::string(24, 'a'))},
        {"empty-bytes", Value(Bytes{}), "40"},
        {"bytes", Value(Bytes{std::string("\x01\x02\x03\x04", 4)}), "4401020304"},
        {"empty-array", Value(Array{}), "80"},
        {"empty-map", Value(Map{}), "a0"},
        {"array", Value(Array{1, Array{2, 3}, Array{4, 5}}), "8301820203820405"},
        {"map", Value(Map{{"a", 1}, {"b", Array{2, 3}}}), "a26161016162820203"},
    };
    for (const auto &testCase : cases) {
        const auto &[name, value, hex] = testCase;
        CAPTURE(std::get<0>(testCase));
        const std::string encoded = encode(value);
        CHECK(toHex(encoded) == hex);
        std::string error;
        const auto decoded = decode(encoded, &error);
        REQUIRE_MESSAGE(decoded, error);
        CHECK(*decoded == value);
    }
    const Value all(Cases::everyKind());
    CHECK(decode(encode(all), nullptr) == all);
}

// Deterministic encoding (RFC 8949 §4.2.1): keys sorted by their encoded bytes, whatever
// the insertion order; replacing a key's value keeps one entry.
TEST_CASE("maps encode their keys sorted")
{
    Map map;
    map.insert("z", 1);
    map.insert("a", 2);
    map.insert("m", 3);
    map.insert("a", 20);
    CHECK(toHex(encode(map)) == "a3616114616d03617a01");
    CHECK(map.size() == 3);
    CHECK(map.take("z")->toInteger() == 1);
    CHECK(map.remove("m"));
    CHECK(toHex(encode(map)) == "a1616114");
}

TEST_CASE("nesting deeper than maxDepth is refused without exhausting the stack")
{
    const auto nested = [](int depth) { return std::string(std::size_t(depth - 1), '\x81') + '\x80'; };
    std::string error;
    CHECK_MESSAGE(decode(nested(maxDepth), &error), error);
    CHECK_FALSE(decode(nested(maxDepth + 1), &error));
    CHECK(containsIgnoringCase(error, "nesting"));
    std::string maps;
    for (int i = 0; i < 100000; ++i)
        maps += "\xa1\x61x";
    maps += '\x00';
    CHECK_FALSE(decode(maps, &error));
    CHECK(containsIgnoringCase(error, "nesting"));
}

TEST_CASE("malformed CBOR is rejected with a reason")
{
    for (const auto &testCase : Cases::malformedCases) {
        CAPTURE(testCase.name);
        std::string error;
        CHECK_FALSE(decode(fromHex(testCase.hex), &error));
        CHECK_MESSAGE(containsIgnoringCase(error, testCase.reason), error);
    }
}

TEST_CASE("decode wants exactly one item; decodeFirst leaves the rest")
{
    const std::string two = fromHex("0102");
    std::string error;
    CHECK_FALSE(decode(two, &error));
    CHECK(containsIgnoringCase(error, "trailing"));
    std::size_t consumed = 0;
    const auto first = decodeFirst(two, &consumed, &error);
    REQUIRE(first);
    CHECK(first->toInteger() == 1);
    CHECK(consumed == 1);
}
