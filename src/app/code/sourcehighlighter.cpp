// SPDX-License-Identifier: MIT
#include "sourcehighlighter.h"

namespace ProcessLab {

namespace {
QTextCharFormat makeFormat(const QColor &color, bool bold = false, bool italic = false)
{
    QTextCharFormat f;
    f.setForeground(color);
    if (bold)
        f.setFontWeight(QFont::Bold);
    f.setFontItalic(italic);
    return f;
}

QString wordList(const QStringList &words)
{
    return QStringLiteral("\\b(") + words.join(QLatin1Char('|')) + QStringLiteral(")\\b");
}
} // namespace

SourceHighlighter::SourceHighlighter(Language language, QTextDocument *document)
    : QSyntaxHighlighter(document)
    , m_language(language)
{
    buildRules();
}

void SourceHighlighter::setDarkTheme(bool dark)
{
    if (dark == m_dark)
        return;
    m_dark = dark;
    buildRules();
    rehighlight();
}

void SourceHighlighter::buildRules()
{
    // Colours chosen to stay readable on both light and dark backgrounds.
    const QColor keyword = m_dark ? QColor(0xc6, 0x92, 0xff) : QColor(0x7a, 0x1f, 0xa2);
    const QColor string = m_dark ? QColor(0x9c, 0xdc, 0x8c) : QColor(0x1b, 0x7a, 0x2e);
    const QColor comment = m_dark ? QColor(0x8a, 0x96, 0xa3) : QColor(0x6a, 0x73, 0x7d);
    const QColor number = m_dark ? QColor(0xf7, 0xb0, 0x6b) : QColor(0xb3, 0x5c, 0x00);
    const QColor api = m_dark ? QColor(0x6c, 0xb6, 0xff) : QColor(0x0b, 0x5c, 0xad);
    const QColor meta = m_dark ? QColor(0xe0, 0xc0, 0x70) : QColor(0x8a, 0x6d, 0x00);

    m_rules.clear();
    QStringList keywords;
    QStringList apiNames;
    if (m_language == Language::Python) {
        keywords = {QStringLiteral("import"), QStringLiteral("from"), QStringLiteral("def"),
                    QStringLiteral("class"), QStringLiteral("if"), QStringLiteral("else"),
                    QStringLiteral("elif"), QStringLiteral("for"), QStringLiteral("while"),
                    QStringLiteral("in"), QStringLiteral("return"), QStringLiteral("break"),
                    QStringLiteral("None"), QStringLiteral("True"), QStringLiteral("False"),
                    QStringLiteral("is"), QStringLiteral("not"), QStringLiteral("and"), QStringLiteral("or"),
                    QStringLiteral("with"), QStringLiteral("as"), QStringLiteral("self"), QStringLiteral("super")};
        apiNames = {QStringLiteral("multiprocessing"), QStringLiteral("Process"), QStringLiteral("Queue"),
                    QStringLiteral("Pipe"), QStringLiteral("Pool"), QStringLiteral("Value"),
                    QStringLiteral("Array"), QStringLiteral("start"), QStringLiteral("join"),
                    QStringLiteral("run"), QStringLiteral("print"), QStringLiteral("sleep"),
                    QStringLiteral("apply_async"), QStringLiteral("close"), QStringLiteral("put"),
                    QStringLiteral("get"), QStringLiteral("map")};
        m_rules.append({QRegularExpression(QStringLiteral("@\\w+")), makeFormat(meta)});
    } else {
        keywords = {QStringLiteral("int"), QStringLiteral("double"), QStringLiteral("bool"),
                    QStringLiteral("void"), QStringLiteral("auto"), QStringLiteral("const"),
                    QStringLiteral("class"), QStringLiteral("struct"), QStringLiteral("public"),
                    QStringLiteral("private"), QStringLiteral("protected"), QStringLiteral("virtual"),
                    QStringLiteral("override"), QStringLiteral("return"), QStringLiteral("namespace"),
                    QStringLiteral("explicit"), QStringLiteral("for"), QStringLiteral("if"),
                    QStringLiteral("else"), QStringLiteral("while"), QStringLiteral("static"),
                    QStringLiteral("default"), QStringLiteral("using"), QStringLiteral("qint64"),
                    QStringLiteral("true"), QStringLiteral("false"), QStringLiteral("nullptr")};
        apiNames = {QStringLiteral("Process"), QStringLiteral("MyProcess"), QStringLiteral("run"),
                    QStringLiteral("print"), QStringLiteral("sleep"), QStringLiteral("trace"),
                    QStringLiteral("worker"), QStringLiteral("WorkerContext")};
        m_rules.append({QRegularExpression(QStringLiteral("^\\s*#\\s*\\w+")), makeFormat(meta)});
    }
    m_rules.append({QRegularExpression(wordList(keywords)), makeFormat(keyword, true)});
    m_rules.append({QRegularExpression(wordList(apiNames)), makeFormat(api)});
    m_rules.append({QRegularExpression(QStringLiteral("\\b\\d+(\\.\\d+)?\\b")), makeFormat(number)});
    m_stringFormat = makeFormat(string);
    m_commentFormat = makeFormat(comment, false, true);
}

void SourceHighlighter::highlightBlock(const QString &text)
{
    for (const Rule &rule : std::as_const(m_rules)) {
        for (auto it = rule.pattern.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            setFormat(static_cast<int>(match.capturedStart()), static_cast<int>(match.capturedLength()), rule.format);
        }
    }
    // Strings and comments last, scanning left to right so "#" inside a string is not a comment.
    const QChar commentStart = m_language == Language::Python ? QLatin1Char('#') : QLatin1Char('/');
    QChar quote;
    qsizetype stringStart = -1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (stringStart >= 0) {
            if (c == QLatin1Char('\\')) {
                ++i;
            } else if (c == quote) {
                setFormat(static_cast<int>(stringStart), static_cast<int>(i - stringStart + 1), m_stringFormat);
                stringStart = -1;
            }
            continue;
        }
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            quote = c;
            stringStart = i;
            // Python f-strings / C++ prefixes belong to the string.
            if (i > 0 && text.at(i - 1).isLetter())
                stringStart = i - 1;
            continue;
        }
        const bool isComment = m_language == Language::Python
                                   ? c == commentStart
                                   : (c == commentStart && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('/'));
        if (isComment) {
            setFormat(static_cast<int>(i), static_cast<int>(text.size() - i), m_commentFormat);
            return;
        }
    }
    if (stringStart >= 0)
        setFormat(static_cast<int>(stringStart), static_cast<int>(text.size() - stringStart), m_stringFormat);
}

} // namespace ProcessLab
