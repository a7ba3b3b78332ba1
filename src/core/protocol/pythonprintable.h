// SPDX-License-Identifier: MIT
#pragma once

namespace ProcessLab::Protocol {

// Whether CPython 3.11's str.isprintable() holds for this one code point, i.e. whether
// repr() writes it as it is rather than as an escape. The table above U+007F is generated
// from CPython's Unicode database (scripts/gen-python-printable.py).
bool isPythonPrintable(char32_t code);

} // namespace ProcessLab::Protocol
