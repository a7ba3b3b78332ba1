// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QStringDecoder>

namespace ProcessLab {

// One line of a worker's output. A line longer than OutputLineSplitter::maxLineLength keeps
// its beginning; what was cut is counted, so the record can say so.
struct SplitLine
{
    QString text;
    qint64 cutCharacters = 0;
};

// Turns a byte stream into complete lines. UTF-8 is decoded statefully, so a character
// split across two reads stays intact; "\r\n" ends a line like "\n". Each byte is looked at
// once (a 40 MB line without a newline costs what 40 MB of short lines cost), and no line
// holds more than maxLineLength characters in memory.
class OutputLineSplitter
{
public:
    static constexpr qsizetype maxLineLength = 64 * 1024; // characters kept of one line

    QList<SplitLine> feed(QByteArrayView bytes);
    // The last line without a newline, delivered when the stream ends (empty if none).
    SplitLine takeRemainder();
    bool hasRemainder() const { return !m_partial.isEmpty() || m_cut > 0; }
    // Characters held for the unfinished line (never more than maxLineLength).
    qsizetype bufferedCharacters() const { return m_partial.size(); }

private:
    void appendToLine(QStringView piece);
    SplitLine takeLine();

    QStringDecoder m_decoder{QStringDecoder::Utf8};
    QString m_partial;
    qint64 m_cut = 0;
    bool m_endsWithCarriageReturn = false; // the line so far, including its cut part
};

// The text a record shows for a line: the line, and a note when it was cut.
QString outputLineText(const SplitLine &line);

} // namespace ProcessLab
