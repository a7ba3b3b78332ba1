// SPDX-License-Identifier: MIT
#pragma once

#include <QStringDecoder>
#include <QStringList>

namespace ProcessLab {

// Turns a byte stream into complete lines. UTF-8 is decoded statefully, so a character
// split across two reads stays intact; "\r\n" ends a line like "\n".
class OutputLineSplitter
{
public:
    QStringList feed(QByteArrayView bytes);
    // The last line without a newline, delivered when the stream ends (empty if none).
    QString takeRemainder();
    bool hasRemainder() const { return !m_partial.isEmpty(); }

private:
    QStringDecoder m_decoder{QStringDecoder::Utf8};
    QString m_partial;
};

} // namespace ProcessLab
