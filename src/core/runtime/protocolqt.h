// SPDX-License-Identifier: MIT
#pragma once

// The host's bridge between Qt types and the protocol's plain C++ types (protocol/,
// which stays Qt-free so the worker links no Qt). Host code keeps Qt-facing APIs
// (WorkerSpec::arguments is a QCborMap, labels are QStrings) and converts here, at the
// edge where frames are built or read.

#include "protocol/protocol.h"

#include <QByteArray>
#include <QCborMap>
#include <QCborValue>
#include <QString>

#include <string>
#include <string_view>

namespace ProcessLab::Protocol {

// CBOR values. Qt-only kinds the protocol does not carry (undefined, tags, dates, URLs,
// simple values) become null; a non-text map key becomes its diagnostic notation.
Value fromQCborValue(const QCborValue &value);
Map fromQCborMap(const QCborMap &map);
QCborValue toQCborValue(const Value &value);
QCborMap toQCborMap(const Map &map);

// Byte strings (frames, tokens) and UTF-8 text.
inline QByteArray toQByteArray(std::string_view bytes)
{
    return QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size()));
}
inline std::string_view viewOf(const QByteArray &bytes) // valid while bytes lives, unchanged
{
    return std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}
inline std::string fromQByteArray(const QByteArray &bytes)
{
    return std::string(viewOf(bytes));
}
inline QString toQString(std::string_view utf8)
{
    return QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size()));
}
inline std::string fromQString(const QString &text)
{
    return text.toStdString(); // UTF-8
}

// describeWorkerExit() in the user's language; empty for a behaviour's own exit codes.
QString describeWorkerExitText(int exitCode);

} // namespace ProcessLab::Protocol
