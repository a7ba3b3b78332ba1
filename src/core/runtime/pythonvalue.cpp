// SPDX-License-Identifier: MIT
#include "pythonvalue.h"

#include "protocol/pythonformat.h"
#include "protocolqt.h"

namespace ProcessLab {

QString pythonRepr(const QCborValue &value)
{
    return Protocol::toQString(Protocol::pythonRepr(Protocol::fromQCborValue(value)));
}

QString pythonStr(const QCborValue &value)
{
    return Protocol::toQString(Protocol::pythonStr(Protocol::fromQCborValue(value)));
}

QString pythonTypeName(const QCborValue &value)
{
    switch (value.type()) {
    case QCborValue::Integer: return QStringLiteral("int");
    case QCborValue::Double: return QStringLiteral("float");
    case QCborValue::True:
    case QCborValue::False: return QStringLiteral("bool");
    case QCborValue::String: return QStringLiteral("str");
    case QCborValue::ByteArray: return QStringLiteral("bytes");
    case QCborValue::Array: return QStringLiteral("list");
    case QCborValue::Map: return QStringLiteral("dict");
    default: return QStringLiteral("NoneType");
    }
}

} // namespace ProcessLab
