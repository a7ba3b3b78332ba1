// SPDX-License-Identifier: MIT
#pragma once

// Python's repr() and str() of a value the main program holds (a QCborValue), through the
// same std-only formatter the workers use (protocol/pythonformat.h): one formatting rule
// for every line ProcessLab prints.

#include <QCborValue>
#include <QString>

namespace ProcessLab {

QString pythonRepr(const QCborValue &value);
QString pythonStr(const QCborValue &value);
// type(value).__name__ as Python says it in messages ("int", "list", "NoneType").
QString pythonTypeName(const QCborValue &value);

} // namespace ProcessLab
