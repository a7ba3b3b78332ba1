// SPDX-License-Identifier: MIT
#include "outputlinesplitter.h"

#include <QLocale>

namespace ProcessLab {

QList<SplitLine> OutputLineSplitter::feed(QByteArrayView bytes)
{
    const QString decoded = m_decoder.decode(bytes);
    QList<SplitLine> lines;
    const QStringView text(decoded);
    qsizetype from = 0;
    // Only the new text is searched: the unfinished line is never scanned again.
    for (qsizetype nl = text.indexOf(QLatin1Char('\n')); nl >= 0; nl = text.indexOf(QLatin1Char('\n'), from)) {
        appendToLine(text.sliced(from, nl - from));
        lines.append(takeLine());
        from = nl + 1;
    }
    appendToLine(text.sliced(from));
    return lines;
}

void OutputLineSplitter::appendToLine(QStringView piece)
{
    if (piece.isEmpty())
        return;
    const qsizetype room = std::max<qsizetype>(0, maxLineLength - m_partial.size());
    const qsizetype kept = std::min(room, piece.size());
    m_partial += piece.first(kept);
    m_cut += piece.size() - kept;
    m_endsWithCarriageReturn = piece.back() == QLatin1Char('\r');
}

SplitLine OutputLineSplitter::takeLine()
{
    SplitLine line{std::exchange(m_partial, QString()), std::exchange(m_cut, 0)};
    if (std::exchange(m_endsWithCarriageReturn, false)) {
        // "\r\n": the '\r' belongs to the line ending, kept or cut.
        if (line.cutCharacters > 0)
            --line.cutCharacters;
        else
            line.text.chop(1);
    }
    return line;
}

SplitLine OutputLineSplitter::takeRemainder()
{
    SplitLine rest = takeLine();
    m_decoder.resetState();
    return rest;
}

QString outputLineText(const SplitLine &line)
{
    if (line.cutCharacters == 0)
        return line.text;
    // English on purpose: it is part of the record (exports, CLI), like the process's own text.
    return line.text + QStringLiteral(" [… line cut by ProcessLab: %1 more characters not kept]")
                           .arg(QLocale::c().toString(line.cutCharacters));
}

} // namespace ProcessLab
