// SPDX-License-Identifier: MIT
#pragma once

// Values as Python prints them, so a line ProcessLab prints for print(item) is the line
// python3 prints for the same program. Std-only: the worker may format values too.
//
// Follows CPython 3.11: None, True/False, ints, floats as repr() writes them (the shortest
// text that reads back as the same double: 3.0, 0.1, 1e-05, 1e+16, inf, nan, -0.0), str
// with Python's choice of quote and its escapes (\n, \t, \\, \x.. for control characters,
// \u.... for other non-printable code points; printable non-ASCII kept as it is), bytes as
// b'..', lists as [1, 'a', None] and maps as {'k': 1} in insertion order.
// Text that is not valid UTF-8 (the decoder never lets such a value in; a Value built in
// C++ might hold it) has each invalid byte written as \x.. inside the quotes.

#include "cbor.h"

#include <string>

namespace ProcessLab::Protocol {

// repr(value): what Python shows for the value inside a list or in the REPL.
std::string pythonRepr(const Value &value);
// str(value): what print(value) writes. The text itself for str; repr() for everything else
// (for containers their items are repr()'d, as Python does).
std::string pythonStr(const Value &value);

} // namespace ProcessLab::Protocol
