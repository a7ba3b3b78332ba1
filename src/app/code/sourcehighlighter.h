// SPDX-License-Identifier: MIT
#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace ProcessLab {

// Small, fast highlighter for the two listings ProcessLab shows: Python and C++.
// Keywords, strings, comments, numbers, decorators/preprocessor and the names the
// tutorial is about (multiprocessing, Process, start, join...) in a colour of their own.
class SourceHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    enum class Language { Python, Cpp };

    SourceHighlighter(Language language, QTextDocument *document);
    void setDarkTheme(bool dark);

protected:
    void highlightBlock(const QString &text) override;

private:
    struct Rule
    {
        QRegularExpression pattern;
        QTextCharFormat format;
    };
    void buildRules();

    Language m_language;
    bool m_dark = false;
    QList<Rule> m_rules;
    QTextCharFormat m_commentFormat;
    QTextCharFormat m_stringFormat;
};

} // namespace ProcessLab
