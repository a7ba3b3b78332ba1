// SPDX-License-Identifier: MIT
#include "printformat.h"

#include "pythonvalue.h"

#include <QStringList>

namespace ProcessLab {

QString formatForPrint(const QCborValue &value)
{
    return pythonStr(value);
}

QString formatPrintLine(const QList<QCborValue> &values)
{
    QStringList parts;
    parts.reserve(values.size());
    for (const QCborValue &value : values)
        parts.append(formatForPrint(value));
    return parts.join(u' ');
}

} // namespace ProcessLab
