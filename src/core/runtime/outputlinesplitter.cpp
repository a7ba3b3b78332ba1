// SPDX-License-Identifier: MIT
#include "outputlinesplitter.h"

namespace ProcessLab {

namespace {
QString withoutCarriageReturn(QString line)
{
    if (line.endsWith(QLatin1Char('\r')))
        line.chop(1);
    return line;
}
} // namespace

QStringList OutputLineSplitter::feed(QByteArrayView bytes)
{
    m_partial += m_decoder.decode(bytes);
    QStringList lines;
    qsizetype from = 0;
    for (qsizetype nl = m_partial.indexOf(QLatin1Char('\n')); nl >= 0;
         nl = m_partial.indexOf(QLatin1Char('\n'), from)) {
        lines.append(withoutCarriageReturn(m_partial.mid(from, nl - from)));
        from = nl + 1;
    }
    m_partial.remove(0, from);
    return lines;
}

QString OutputLineSplitter::takeRemainder()
{
    QString rest = withoutCarriageReturn(std::exchange(m_partial, QString()));
    m_decoder.resetState();
    return rest;
}

} // namespace ProcessLab
