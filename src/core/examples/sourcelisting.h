// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

namespace ProcessLab {

// An example's Python (or C++) listing, line by line.
class SourceListing
{
public:
    SourceListing() = default;
    explicit SourceListing(const QString &text);
    static SourceListing fromResource(const QString &path);

    QString text() const { return m_lines.join(QLatin1Char('\n')); }
    int lineCount() const { return static_cast<int>(m_lines.size()); }
    QString line(int number) const; // 1-based, trimmed; empty outside the listing

private:
    QStringList m_lines;
};

} // namespace ProcessLab
