// SPDX-License-Identifier: MIT
#include "protocolqt.h"

#include <QCborArray>
#include <QCoreApplication>

namespace ProcessLab::Protocol {

Value fromQCborValue(const QCborValue &value)
{
    switch (value.type()) {
    case QCborValue::Integer: return value.toInteger();
    case QCborValue::Double: return value.toDouble();
    case QCborValue::False: return false;
    case QCborValue::True: return true;
    case QCborValue::String: return fromQString(value.toString());
    case QCborValue::ByteArray: return Bytes{fromQByteArray(value.toByteArray())};
    case QCborValue::Array: {
        Array array;
        const QCborArray items = value.toArray();
        array.reserve(static_cast<std::size_t>(items.size()));
        for (const QCborValue &item : items)
            array.push_back(fromQCborValue(item));
        return array;
    }
    case QCborValue::Map: return fromQCborMap(value.toMap());
    default: return {};
    }
}

Map fromQCborMap(const QCborMap &map)
{
    Map result;
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        const QCborValue key = it.key();
        result.insert(fromQString(key.isString() ? key.toString() : key.toDiagnosticNotation()),
                      fromQCborValue(it.value()));
    }
    return result;
}

QCborValue toQCborValue(const Value &value)
{
    switch (value.type()) {
    case Value::Type::Null: return QCborValue(nullptr);
    case Value::Type::Bool: return QCborValue(value.toBool());
    case Value::Type::Integer: return QCborValue(static_cast<qint64>(value.toInteger()));
    case Value::Type::Double: return QCborValue(value.toDouble());
    case Value::Type::Text: return QCborValue(toQString(value.toText()));
    case Value::Type::Bytes: return QCborValue(toQByteArray(value.toBytes()));
    case Value::Type::Array: {
        QCborArray array;
        for (const Value &item : value.toArray())
            array.append(toQCborValue(item));
        return array;
    }
    case Value::Type::Map: return toQCborMap(value.toMap());
    }
    return {};
}

QCborMap toQCborMap(const Map &map)
{
    QCborMap result;
    for (const auto &[key, value] : map)
        result.insert(toQString(key), toQCborValue(value));
    return result;
}

QString describeWorkerExitText(int exitCode)
{
    const char *text = describeWorkerExit(exitCode);
    return text ? QCoreApplication::translate(describeWorkerExitContext, text) : QString();
}

} // namespace ProcessLab::Protocol
