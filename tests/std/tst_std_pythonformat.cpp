// SPDX-License-Identifier: MIT
// Protocol::pythonRepr/pythonStr without Qt, against texts CPython 3.11 prints (the corpus is
// checked against the real python3 by tests/tst_pythonformat.cpp).
#include "protocol/pythonformat.h"
#include "protocol/pythonprintable.h"
#include "pythonformatcases.h"

#include <doctest/doctest.h>

#include <string>

using namespace ProcessLab::Protocol;

TEST_CASE("repr and str of every corpus value are what CPython 3.11 prints")
{
    for (const auto &c : ProcessLab::PythonFormatCases::cases()) {
        CAPTURE(c.expression);
        CHECK(pythonRepr(c.value) == c.repr);
        CHECK(pythonStr(c.value) == ProcessLab::PythonFormatCases::expectedStr(c));
    }
}

TEST_CASE("printable code points: ASCII graphics and space, not controls, format or separators")
{
    CHECK(isPythonPrintable(U' '));
    CHECK(isPythonPrintable(U'~'));
    CHECK_FALSE(isPythonPrintable(U'\x1f'));
    CHECK_FALSE(isPythonPrintable(U'\x7f'));
    CHECK_FALSE(isPythonPrintable(U'\x80'));  // C1 control, the table's first range
    CHECK(isPythonPrintable(U'\xa1'));        // ¡
    CHECK(isPythonPrintable(U'进'));
    CHECK_FALSE(isPythonPrintable(U'\u2029')); // paragraph separator
    CHECK_FALSE(isPythonPrintable(U'\U0010FFFF')); // noncharacter, the table's last range
    CHECK(isPythonPrintable(U'\U0001F600'));
}

TEST_CASE("text that is not UTF-8 shows each invalid byte as an escape")
{
    // A lone continuation byte, an overlong '/', a surrogate, a truncated sequence at the end.
    static constexpr char invalid[] = "a\x80" "b\xc0\xaf" "c\xed\xa0\x80" "d\xe8\xbf";
    const Value value(std::string(invalid, sizeof invalid - 1));
    CHECK(pythonRepr(value) == "'a\\x80b\\xc0\\xafc\\xed\\xa0\\x80d\\xe8\\xbf'");
    CHECK(pythonRepr(Value(std::string("\xe8\xbf\x9b\xff", 4))) == "'进\\xff'");
}

TEST_CASE("a map key is repr()'d like any str")
{
    CHECK(pythonRepr(Value(Map{{"a\tb", 1}, {"", 2}})) == "{'a\\tb': 1, '': 2}");
}
