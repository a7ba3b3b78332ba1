// SPDX-License-Identifier: MIT
#pragma once

#include <QCborValue>
#include <QList>
#include <QString>

namespace ProcessLab {

// Python's str() of a value, as print() writes it: None, True, 3.1415927, text as is,
// containers with repr() of their items ([0, -1], ['text']). The one formatter of the main
// program's output, the workers' std-only one (protocol/pythonformat.h) behind pythonStr().
QString formatForPrint(const QCborValue &value);

// print(a, b, ...): str() of each, separated by one space.
QString formatPrintLine(const QList<QCborValue> &values);

} // namespace ProcessLab
