// SPDX-License-Identifier: MIT
#pragma once

// Byte-level cases of the CBOR codec as plain data (hex strings), and a value of every kind,
// so a test needs no Qt to use them: tests/std/tst_std_protocol.cpp runs them everywhere the
// worker builds, Wine included; the Qt Test tst_protocol runs the same cases.

#include "protocol/cbor.h"

#include <cstdint>
#include <limits>
#include <string>

namespace ProcessLab::ProtocolCases {

struct IntegerCase
{
    const char *name;
    std::int64_t value;
    const char *hex; // the shortest encoding, which is what encode() must write
};

// Each width boundary of the argument (inline, 1, 2, 4, 8 bytes), on both signs.
inline constexpr IntegerCase integerCases[] = {
    {"0", 0, "00"},
    {"23", 23, "17"},
    {"24", 24, "1818"},
    {"255", 255, "18ff"},
    {"256", 256, "190100"},
    {"65535", 65535, "19ffff"},
    {"65536", 65536, "1a00010000"},
    {"2^32-1", 0xffffffff, "1affffffff"},
    {"2^32", 0x100000000, "1b0000000100000000"},
    {"INT64_MAX", std::numeric_limits<std::int64_t>::max(), "1b7fffffffffffffff"},
    {"-1", -1, "20"},
    {"-24", -24, "37"},
    {"-25", -25, "3818"},
    {"-256", -256, "38ff"},
    {"-257", -257, "390100"},
    {"-65536", -65536, "39ffff"},
    {"-65537", -65537, "3a00010000"},
    {"-2^32", -std::int64_t(0x100000000), "3affffffff"},
    {"-2^32-1", -std::int64_t(0x100000001), "3b0000000100000000"},
    {"INT64_MIN", std::numeric_limits<std::int64_t>::min(), "3b7fffffffffffffff"},
};

// Valid CBOR integers that do not fit the int64 the protocol uses: 2^63, 2^64-1, -2^63-1.
inline constexpr const char *integerOutOfRangeHex[] = {"1b8000000000000000", "1bffffffffffffffff",
                                                       "3b8000000000000000"};

struct FloatCase
{
    const char *name;
    const char *hex; // half or single precision: accepted when decoding, never written
    double value;
};

inline constexpr FloatCase smallerFloatCases[] = {
    {"half-1.5", "f93e00", 1.5},
    {"half-negative-zero", "f98000", -0.0},
    {"half-smallest-subnormal", "f90001", 5.960464477539063e-8},
    {"half-65504", "f97bff", 65504.0},
    {"half-infinity", "f97c00", std::numeric_limits<double>::infinity()},
    {"single-100000", "fa47c35000", 100000.0},
    {"single-negative", "fac0800000", -4.0},
};

struct MalformedCase
{
    const char *name;
    const char *hex;
    const char *reason; // a word the error message must contain (case-insensitive)
};

inline constexpr MalformedCase malformedCases[] = {
    // Lengths larger than what follows: rejected before anything is allocated.
    {"text-length-4G", "7affffffff78", "exceeds"},
    {"bytes-length-2^63", "5b7fffffffffffffff00", "exceeds"},
    {"bytes-length-2^64-1", "5bffffffffffffffff00", "exceeds"},
    {"text-one-short", "636162", "exceeds"},
    {"array-count-4G", "9affffffff00", "exceeds"},
    {"array-count-2^64-1", "9bffffffffffffffff", "exceeds"},
    {"map-count-4G", "baffffffff6161", "exceeds"},
    {"array-missing-item", "8319010002", "end of data"},
    {"map-missing-value", "a1616b", "end of data"},
    // Encodings the decoder does not accept.
    {"indefinite-text", "7f616161ff", "indefinite"},
    {"indefinite-array", "9f01ff", "indefinite"},
    {"indefinite-map", "bf616101ff", "indefinite"},
    {"lone-break", "ff", "break"},
    {"tag", "c11a514b67b0", "tag"},
    {"undefined", "f7", "simple"},
    {"simple-16", "f0", "simple"},
    {"simple-255", "f8ff", "simple"},
    {"reserved-info", "1c", "reserved"},
    {"integer-key", "a10102", "key"},
    {"duplicate-key", "a2616101616102", "duplicate"},
    {"overlong-utf8", "62c0af", "UTF-8"},
    {"surrogate-utf8", "63eda080", "UTF-8"},
    {"continuation-utf8", "6180", "UTF-8"},
    {"truncated-utf8", "62e8bf", "UTF-8"},
    {"above-u10ffff", "64f4908080", "UTF-8"},
    // Truncated heads and floats.
    {"empty-input", "", "end of data"},
    {"truncated-head", "1901", "truncated"},
    {"truncated-double", "fb3ff8", "truncated"},
};

struct RejectedFrameCase
{
    const char *name;
    const char *hex; // a whole frame: 4-byte big-endian length, then the payload
    const char *reason;
};

inline constexpr RejectedFrameCase rejectedFrameCases[] = {
    {"oversized", "01000001", "exceeds"}, // 16 MiB + 1
    {"huge-length", "ffffffff", "exceeds"},
    {"empty", "00000000", "empty"},
    {"garbage", "0000000867617262616765 21", "CBOR"},
    {"not-a-map", "00000002182a", "not a CBOR map"},
    {"unknown-type", "00000008a164747970651863", "unknown message type"},
    {"text-type", "00000008a1647479706561 31", "unknown message type"},
    {"no-type", "00000004a1617801", "unknown message type"},
    {"trailing-bytes", "00000004182a182a", "trailing"},
    {"array-count-beyond-payload", "000000069affffffff00", "CBOR"},
};

// A map holding every kind of value the codec supports, nested, with Chinese text.
inline ProcessLab::Protocol::Map everyKind()
{
    using namespace ProcessLab::Protocol;
    return Map{
        {"null", nullptr},
        {"false", false},
        {"true", true},
        {"small", 23},
        {"byte", 255},
        {"negative", -65537},
        {"max", std::numeric_limits<std::int64_t>::max()},
        {"min", std::numeric_limits<std::int64_t>::min()},
        {"double", 0.25},
        {"negative-zero", -0.0},
        {"huge", 1e300},
        {"text", "进程间通信"},
        {"empty-text", ""},
        {"bytes", Bytes{std::string("\x00\xff\x80", 3)}},
        {"array", Array{1, "二", 2.5, nullptr, Array{}, Map{{"k", "v"}}}},
        {"map", Map{{"inner", Map{{"deep", Array{true, false}}}}}},
        {"empty-map", Map{}},
    };
}

} // namespace ProcessLab::ProtocolCases
