// SPDX-License-Identifier: MIT
#include "tutorialviewer.h"

#include "processcolors.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFile>
#include <QFontDatabase>
#include <QLabel>
#include <QRegularExpression>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace ProcessLab {

namespace {
enum class Block { Prose, Code, Output };

bool isHeading(const QString &line)
{
    static const QRegularExpression heading(QStringLiteral("^(\\d+\\.\\s|示例)"));
    return heading.match(line).hasMatch();
}
} // namespace

TutorialViewer::TutorialViewer(QWidget *parent)
    : QDialog(parent)
    , m_browser(new QTextBrowser(this))
    , m_note(new QLabel(this))
{
    m_browser->setOpenLinks(false);
    m_note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_note);
    layout->addWidget(m_browser, 1);
    layout->addWidget(buttons);
    const QFontMetrics fm = fontMetrics();
    resize(fm.averageCharWidth() * 100, fm.lineSpacing() * 40);
    retranslate();
    render();
}

QString TutorialViewer::sourceText()
{
    QFile file(QString::fromLatin1(resourcePath));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QString TutorialViewer::toHtml(const QString &text, const QColor &codeBackground)
{
    // A listing starts at its first "import" and ends at "说明:" (explanation); printed
    // output follows "输出结果:" (output) up to the next heading.
    QString html;
    Block block = Block::Prose;
    QStringList pending;
    const QString preStyle = QStringLiteral("<pre style='background-color:%1; padding:6px; margin:4px 0px;'>")
                                 .arg(codeBackground.name());
    const auto flush = [&] {
        if (pending.isEmpty())
            return;
        if (block == Block::Prose)
            html += u"<p>" + pending.join(u' ').toHtmlEscaped() + u"</p>";
        else
            html += preStyle + pending.join(u'\n').toHtmlEscaped() + u"</pre>";
        pending.clear();
    };
    for (const QString &raw : text.split(u'\n')) {
        const QString line = raw.trimmed();
        const bool startsCode = block == Block::Prose && line.startsWith(QLatin1StringView("import "));
        const bool endsCode = block == Block::Code && (line.startsWith(u"说明") || isHeading(line));
        const bool endsOutput = block == Block::Output && isHeading(line);
        if (startsCode || endsCode || endsOutput) {
            flush();
            block = startsCode ? Block::Code : Block::Prose;
        }
        if (block == Block::Prose && isHeading(line)) {
            flush();
            html += u"<h3>" + line.toHtmlEscaped() + u"</h3>";
            continue;
        }
        if (block == Block::Prose && line.startsWith(u"输出结果")) {
            flush();
            html += u"<p><b>" + line.toHtmlEscaped() + u"</b></p>";
            block = Block::Output;
            continue;
        }
        if (!line.isEmpty() || block != Block::Prose)
            pending.append(raw);
    }
    flush();
    return html;
}

void TutorialViewer::render()
{
    const QString text = sourceText();
    if (text.isEmpty()) {
        m_browser->setPlainText(tr("The tutorial text is missing from this build."));
        return;
    }
    const QColor window = palette().color(QPalette::Base);
    const QColor tint = blendColors(window, palette().color(QPalette::Text), isDarkPalette(palette()) ? 0.10 : 0.06);
    m_browser->document()->setDefaultStyleSheet(
        QStringLiteral("pre { font-family: '%1'; }")
            .arg(QFontDatabase::systemFont(QFontDatabase::FixedFont).family()));
    m_browser->setHtml(toHtml(text, tint));
}

void TutorialViewer::retranslate()
{
    setWindowTitle(tr("Original Tutorial Text"));
    m_note->setText(tr("The original tutorial text (Chinese), as the examples were taken from it. This copy lost "
                       "the indentation of its code; the listings in the code view are indented correctly."));
}

void TutorialViewer::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        render();
}

} // namespace ProcessLab
