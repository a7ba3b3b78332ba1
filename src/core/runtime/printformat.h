// SPDX-License-Identifier: MIT
#pragma once

#include <QCborValue>
#include <QList>
#include <QString>

namespace ProcessLab {

// Python's str() of a value, as print() writes it: None, True, 3.1415927, text as is,
// containers with repr() of their items ([0, -1], ['text']).
// The ONE place the main program formats values: a minimal stand-in until the std-only
// Protocol::pythonStr() (protocol/pythonformat.h) lands, which then replaces its body.
QString formatForPrint(const QCborValue &value);

// print(a, b, ...): str() of each, separated by one space.
QString formatPrintLine(const QList<QCborValue> &values);

} // namespace ProcessLab
