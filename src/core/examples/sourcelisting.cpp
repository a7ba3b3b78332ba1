// SPDX-License-Identifier: MIT
#include "sourcelisting.h"

#include <QFile>

namespace ProcessLab {

SourceListing::SourceListing(const QString &text)
    : m_lines(text.split(QLatin1Char('\n')))
{
    if (!m_lines.isEmpty() && m_lines.constLast().isEmpty())
        m_lines.removeLast();
}

SourceListing SourceListing::fromResource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return SourceListing(QString::fromUtf8(file.readAll()));
}

QString SourceListing::line(int number) const
{
    return (number >= 1 && number <= m_lines.size()) ? m_lines.at(number - 1).trimmed() : QString();
}

} // namespace ProcessLab
