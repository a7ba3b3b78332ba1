// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

namespace ProcessLab {

// An example's Python (or C++) listing, with lookups of the lines host steps stand for.
class SourceListing
{
public:
    SourceListing() = default;
    explicit SourceListing(const QString &text);
    static SourceListing fromResource(const QString &path);

    QString text() const { return m_lines.join(QLatin1Char('\n')); }
    int lineCount() const { return static_cast<int>(m_lines.size()); }
    QString line(int number) const; // 1-based, trimmed
    // 1-based number of the first line whose trimmed text starts with code; 0 if none.
    int lineOf(QStringView code) const;

private:
    QStringList m_lines;
};

} // namespace ProcessLab
