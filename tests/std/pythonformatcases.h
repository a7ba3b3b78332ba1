// SPDX-License-Identifier: MIT
#pragma once

// Values with what CPython 3.11 prints for them, as plain data: tests/std/tst_std_pythonformat.cpp
// checks Protocol::pythonRepr/pythonStr against the expected texts everywhere the worker
// builds; tests/tst_pythonformat.cpp has the real python3 evaluate each case's expression
// and checks both the expected texts and ProcessLab's against what it prints.

#include "protocol/cbor.h"

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace ProcessLab::PythonFormatCases {

struct Case
{
    Protocol::Value value;
    std::string expression; // Python source evaluating to the same value, on one line
    std::string repr;       // repr(value) in CPython 3.11
    std::string str;        // str(value) of a str; empty for other types: the same as repr
};

inline std::string expectedStr(const Case &c)
{
    return c.value.isText() ? c.str : c.repr;
}

inline std::vector<Case> cases()
{
    using Protocol::Array;
    using Protocol::Bytes;
    using Protocol::Map;
    using Protocol::Value;
    const double inf = std::numeric_limits<double>::infinity();
    return {
        // None, bools, ints
        {Value(), "None", "None", ""},
        {Value(true), "True", "True", ""},
        {Value(false), "False", "False", ""},
        {Value(0), "0", "0", ""},
        {Value(-1), "-1", "-1", ""},
        {Value(42), "42", "42", ""},
        {Value(std::numeric_limits<std::int64_t>::max()), "9223372036854775807", "9223372036854775807", ""},
        {Value(std::numeric_limits<std::int64_t>::min()), "-9223372036854775808", "-9223372036854775808", ""},
        // floats: the shortest round trip, positional within 16 digits, else exponent form
        {Value(3.0), "3.0", "3.0", ""},
        {Value(0.1), "0.1", "0.1", ""},
        {Value(0.1 + 0.2), "0.1 + 0.2", "0.30000000000000004", ""},
        {Value(1.0 / 3.0), "1 / 3", "0.3333333333333333", ""},
        {Value(3.1415927), "3.1415927", "3.1415927", ""},
        {Value(1e-05), "1e-05", "1e-05", ""},
        {Value(2.5e-05), "2.5e-05", "2.5e-05", ""},
        {Value(0.0001), "0.0001", "0.0001", ""},
        {Value(0.00012345), "0.00012345", "0.00012345", ""},
        {Value(1e16), "1e16", "1e+16", ""},
        {Value(1e15), "1e15", "1000000000000000.0", ""},
        {Value(1234567890123456.7), "1234567890123456.7", "1234567890123456.8", ""},
        {Value(12345678901234567.0), "12345678901234567.0", "1.2345678901234568e+16", ""},
        {Value(1e22), "1e22", "1e+22", ""},
        {Value(-1.5e300), "-1.5e300", "-1.5e+300", ""},
        {Value(1.7976931348623157e308), "1.7976931348623157e308", "1.7976931348623157e+308", ""},
        {Value(5e-324), "5e-324", "5e-324", ""},
        {Value(1e-100), "1e-100", "1e-100", ""},
        {Value(100.0), "100.0", "100.0", ""},
        {Value(-2.5), "-2.5", "-2.5", ""},
        {Value(1234567.125), "1234567.125", "1234567.125", ""},
        {Value(0.0), "0.0", "0.0", ""},
        {Value(-0.0), "-0.0", "-0.0", ""},
        {Value(inf), "float('inf')", "inf", ""},
        {Value(-inf), "float('-inf')", "-inf", ""},
        {Value(std::numeric_limits<double>::quiet_NaN()), "float('nan')", "nan", ""},
        // str: the text itself for str(), quoted and escaped for repr()
        {Value(""), "''", "''", ""},
        {Value("hello"), "'hello'", "'hello'", "hello"},
        {Value("it's"), "\"it's\"", "\"it's\"", "it's"},
        {Value("say \"hi\""), "'say \"hi\"'", "'say \"hi\"'", "say \"hi\""},
        {Value("it's \"x\""), "'it\\'s \"x\"'", "'it\\'s \"x\"'", "it's \"x\""},
        {Value("a\nb\tc\rd"), "'a\\nb\\tc\\rd'", "'a\\nb\\tc\\rd'", "a\nb\tc\rd"},
        {Value("back\\slash"), "'back\\\\slash'", "'back\\\\slash'", "back\\slash"},
        {Value(std::string("\0\x01\x1f\x7f", 4)), "'\\x00\\x01\\x1f\\x7f'", "'\\x00\\x01\\x1f\\x7f'",
         std::string("\0\x01\x1f\x7f", 4)},
        {Value("进程 队列"), "'进程 队列'", "'进程 队列'", "进程 队列"},
        {Value("café"), "'café'", "'café'", "café"},
        {Value("😀"), "'\\U0001f600'", "'😀'", "😀"},
        {Value("\u00a0\u00ad\u0085"), "'\\xa0\\xad\\x85'", "'\\xa0\\xad\\x85'", "\u00a0\u00ad\u0085"},
        {Value("\u200b\u2028\u3000\ufeff"), "'\\u200b\\u2028\\u3000\\ufeff'", "'\\u200b\\u2028\\u3000\\ufeff'",
         "\u200b\u2028\u3000\ufeff"},
        {Value("\ue000\U000f0000\u0378"), "'\\ue000\\U000f0000\\u0378'", "'\\ue000\\U000f0000\\u0378'",
         "\ue000\U000f0000\u0378"},
        {Value("Message 3"), "'Message 3'", "'Message 3'", "Message 3"},
        // bytes
        {Value(Bytes{""}), "b''", "b''", ""},
        {Value(Bytes{"abc"}), "b'abc'", "b'abc'", ""},
        {Value(Bytes{"it's"}), "b\"it's\"", "b\"it's\"", ""},
        {Value(Bytes{"'\""}), "b'\\'\"'", "b'\\'\"'", ""},
        {Value(Bytes{std::string("\0\xff\n\t\r\\ ~\x7f", 9)}), "b'\\x00\\xff\\n\\t\\r\\\\ ~\\x7f'",
         "b'\\x00\\xff\\n\\t\\r\\\\ ~\\x7f'", ""},
        // lists and dicts: items repr()'d, str() is repr()
        {Value(Array{}), "[]", "[]", ""},
        {Value(Array{1, "a", Value()}), "[1, 'a', None]", "[1, 'a', None]", ""},
        {Value(Array{2, 3}), "[2, 3]", "[2, 3]", ""},
        {Value(Array{Array{1, 2.5}, Array{}, Array{true, "it's"}}), "[[1, 2.5], [], [True, \"it's\"]]",
         "[[1, 2.5], [], [True, \"it's\"]]", ""},
        {Value(Array{0, -1, -2}), "[0, -1, -2]", "[0, -1, -2]", ""},
        {Value(Map{}), "{}", "{}", ""},
        {Value(Map{{"k", 1}}), "{'k': 1}", "{'k': 1}", ""},
        // insertion order, not sorted
        {Value(Map{{"z", Value()}, {"a", Array{1, 2.5}}, {"m", Map{{"c", Bytes{"x"}}}}}),
         "{'z': None, 'a': [1, 2.5], 'm': {'c': b'x'}}", "{'z': None, 'a': [1, 2.5], 'm': {'c': b'x'}}", ""},
        {Value(Map{{"it's", "a\nb"}}), "{\"it's\": 'a\\nb'}", "{\"it's\": 'a\\nb'}", ""},
    };
}

} // namespace ProcessLab::PythonFormatCases
