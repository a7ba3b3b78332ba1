// SPDX-License-Identifier: MIT
#include "codeview.h"

#include "processcolors.h"

#include <QApplication>
#include <QPainter>
#include <QTextBlock>
#include <QTextLayout>

namespace ProcessLab {

class CodeGutter : public QWidget
{
public:
    explicit CodeGutter(CodeView *view)
        : QWidget(view)
        , m_view(view)
    {
    }
    QSize sizeHint() const override { return {m_view->gutterWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_view->paintGutter(event); }

private:
    CodeView *m_view;
};

CodeView::CodeView(SourceHighlighter::Language language, QWidget *parent)
    : QPlainTextEdit(parent)
    , m_gutter(new CodeGutter(this))
    , m_highlighter(new SourceHighlighter(language, document()))
{
    setReadOnly(true);
    setUndoRedoEnabled(false);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    // Only the family is set, so the size follows the application font (presenter mode, zoom).
    QFont mono;
    mono.setFamilies(QFontDatabase::systemFont(QFontDatabase::FixedFont).families());
    mono.setStyleHint(QFont::Monospace);
    mono.setFixedPitch(true);
    setFont(mono);
    connect(this, &QPlainTextEdit::blockCountChanged, this, [this] { setViewportMargins(gutterWidth(), 0, 0, 0); });
    connect(this, &QPlainTextEdit::updateRequest, this, &CodeView::updateGutter);
    setViewportMargins(gutterWidth(), 0, 0, 0);
    applyTheme();
}

void CodeView::setSource(const QString &text)
{
    setPlainText(text);
    m_executingLine = 0;
    m_markers.clear();
    updateHighlights();
}

void CodeView::setExecutingLine(int line)
{
    if (line == m_executingLine)
        return;
    m_executingLine = line;
    updateHighlights();
    if (line > 0) {
        const QTextBlock block = document()->findBlockByNumber(line - 1);
        if (block.isValid()) {
            // Keep the executing line in view without moving the user's selection.
            const QRectF rect = blockBoundingGeometry(block).translated(contentOffset());
            if (rect.top() < 0 || rect.bottom() > viewport()->height()) {
                QTextCursor cursor(block);
                setTextCursor(cursor);
                centerCursor();
            }
        }
    }
}

void CodeView::setMarkers(const QList<Marker> &markers)
{
    m_markers = markers;
    viewport()->update();
    m_gutter->update();
}

int CodeView::gutterWidth() const
{
    const int digits = QString::number(qMax(1, blockCount())).size();
    return 12 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * qMax(2, digits);
}

void CodeView::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect cr = contentsRect();
    m_gutter->setGeometry(QRect(cr.left(), cr.top(), gutterWidth(), cr.height()));
}

void CodeView::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        applyTheme();
        setViewportMargins(gutterWidth(), 0, 0, 0);
    }
}

void CodeView::applyTheme()
{
    m_highlighter->setDarkTheme(isDarkPalette(palette()));
    updateHighlights();
}

void CodeView::updateGutter(const QRect &rect, int dy)
{
    if (dy)
        m_gutter->scroll(0, dy);
    else
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
}

void CodeView::updateHighlights()
{
    QList<QTextEdit::ExtraSelection> selections;
    if (m_executingLine > 0) {
        QTextEdit::ExtraSelection selection;
        const bool dark = isDarkPalette(palette());
        selection.format.setBackground(dark ? QColor(0x5a, 0x4a, 0x12) : QColor(0xff, 0xf1, 0xb8));
        selection.format.setProperty(QTextFormat::FullWidthSelection, true);
        selection.cursor = QTextCursor(document()->findBlockByNumber(m_executingLine - 1));
        selections.append(selection);
    }
    setExtraSelections(selections);
}

void CodeView::paintGutter(QPaintEvent *event)
{
    QPainter painter(m_gutter);
    const QPalette pal = palette();
    painter.fillRect(event->rect(), pal.color(QPalette::AlternateBase));
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    while (block.isValid() && top <= event->rect().bottom()) {
        const int height = qRound(blockBoundingRect(block).height());
        const int line = block.blockNumber() + 1;
        if (block.isVisible() && top + height >= event->rect().top()) {
            QFont f = font();
            f.setBold(line == m_executingLine);
            painter.setFont(f);
            painter.setPen(line == m_executingLine ? pal.color(QPalette::Text) : pal.color(QPalette::PlaceholderText));
            painter.drawText(0, top, m_gutter->width() - 6, height, Qt::AlignRight | Qt::AlignVCenter,
                             QString::number(line));
        }
        block = block.next();
        top += height;
    }
}

void CodeView::paintEvent(QPaintEvent *event)
{
    QPlainTextEdit::paintEvent(event);
    if (m_markers.isEmpty() && m_executingLine == 0)
        return;
    // Markers sit right of the line's text: "◀ Main", "◀ W1 W2".
    QPainter painter(viewport());
    // Labels use the UI font, not the monospace one: its metrics cover CJK labels ("主进程").
    QFont f = QApplication::font();
    f.setPointSizeF(f.pointSizeF() * 0.9);
    f.setBold(true);
    painter.setFont(f);
    const QFontMetrics fm = painter.fontMetrics();
    QHash<int, int> nextX; // line -> x of the next label
    QList<Marker> all = m_markers;
    if (m_executingLine > 0)
        all.prepend({m_executingLine, tr("Main"), processColor(mainProcessId, isDarkPalette(palette()))});
    for (const Marker &marker : std::as_const(all)) {
        const QTextBlock block = document()->findBlockByNumber(marker.line - 1);
        if (!block.isValid())
            continue;
        const QRectF rect = blockBoundingGeometry(block).translated(contentOffset());
        if (rect.bottom() < 0 || rect.top() > viewport()->height())
            continue;
        int x = nextX.value(marker.line, 0);
        if (x == 0) {
            // Right of the line's text, measured in the listing's own (monospace) font.
            const qreal textWidth = block.layout() && block.layout()->lineCount() > 0
                                        ? block.layout()->lineAt(0).naturalTextWidth()
                                        : fontMetrics().horizontalAdvance(block.text());
            x = qRound(rect.left() + document()->documentMargin() + textWidth)
                + fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 3;
            painter.setPen(palette().color(QPalette::PlaceholderText));
            painter.drawText(QPointF(x, rect.top() + fm.ascent()), QStringLiteral("◀"));
            x += fm.horizontalAdvance(QStringLiteral("◀ "));
        }
        const QString text = marker.label;
        const QRect box(x, qRound(rect.top()) + 1, qMax(fm.horizontalAdvance(text), fm.boundingRect(text).width()) + 10,
                       qRound(rect.height()) - 2);
        painter.setPen(Qt::NoPen);
        painter.setBrush(marker.color);
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.drawRoundedRect(box, 3, 3);
        painter.setPen(contrastingTextColor(marker.color));
        painter.drawText(box, Qt::AlignCenter, text);
        nextX[marker.line] = box.right() + 4;
    }
}

} // namespace ProcessLab
