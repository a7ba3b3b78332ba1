// SPDX-License-Identifier: MIT
#include "codeview.h"

#include "processcolors.h"

#include <QApplication>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QSet>
#include <QToolTip>
#include <QtMath>
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
    setPointSizeOverride(0);
    connect(this, &QPlainTextEdit::blockCountChanged, this, [this] { setViewportMargins(gutterWidth(), 0, 0, 0); });
    connect(this, &QPlainTextEdit::updateRequest, this, &CodeView::updateGutter);
    setViewportMargins(gutterWidth(), 0, 0, 0);
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 4);
    applyTheme();
}

void CodeView::setPointSizeOverride(qreal pointSize)
{
    // Without an override only the family is set, so the size follows the application font
    // (presenter mode, zoom).
    QFont mono;
    mono.setFamilies(QFontDatabase::systemFont(QFontDatabase::FixedFont).families());
    mono.setStyleHint(QFont::Monospace);
    mono.setFixedPitch(true);
    if (pointSize > 0)
        mono.setPointSizeF(pointSize);
    setFont(mono);
}

void CodeView::setSource(const QString &text)
{
    setPlainText(text);
    m_executingLine = 0;
    m_markers.clear();
    updateHighlights();
}

void CodeView::setEditable(bool editable)
{
    setReadOnly(!editable);
    // Once edited, the undo history stays through Edit off and on (false would clear it).
    if (editable)
        setUndoRedoEnabled(true);
    setTextInteractionFlags(editable ? Qt::TextEditorInteraction
                                     : Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
}

void CodeView::setMarkersHidden(bool hidden)
{
    if (hidden == m_markersHidden)
        return;
    m_markersHidden = hidden;
    updateHighlights();
    viewport()->update();
    m_gutter->update();
}

void CodeView::keyPressEvent(QKeyEvent *event)
{
    if (isReadOnly() || event->modifiers().testAnyFlags(Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)) {
        QPlainTextEdit::keyPressEvent(event);
        return;
    }
    // Python is indented with spaces: Tab to the next multiple of four, Return keeps the
    // line's indentation (one level more after a colon).
    QTextCursor cursor = textCursor();
    if (event->key() == Qt::Key_Tab && !cursor.hasSelection()) {
        const int column = cursor.positionInBlock();
        cursor.insertText(QString(4 - column % 4, QLatin1Char(' ')));
        return;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && !event->modifiers().testFlag(Qt::ShiftModifier)) {
        const QString before = cursor.block().text().left(cursor.positionInBlock());
        qsizetype indent = 0;
        while (indent < before.size() && before.at(indent) == QLatin1Char(' '))
            ++indent;
        if (before.trimmed().endsWith(QLatin1Char(':')))
            indent += 4;
        cursor.insertText(QLatin1Char('\n') + QString(indent, QLatin1Char(' ')));
        ensureCursorVisible();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

void CodeView::setExecutingLine(int line)
{
    if (line == m_executingLine)
        return;
    m_executingLine = line;
    updateHighlights();
    if (line > 0 && !m_markersHidden && !isReadOnly()) {
        revealLines(line, line); // the cursor is the user's
    } else if (line > 0 && !m_markersHidden) {
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

QRect CodeView::linesRect(int first, int last) const
{
    const QTextBlock firstBlock = document()->findBlockByNumber(first - 1);
    const QTextBlock lastBlock = document()->findBlockByNumber(last - 1);
    if (first < 1 || last < first || !firstBlock.isValid() || !lastBlock.isValid())
        return {};
    const QPointF offset = contentOffset();
    const QRectF top = blockBoundingGeometry(firstBlock).translated(offset);
    const QRectF bottom = blockBoundingGeometry(lastBlock).translated(offset);
    const QRect viewportArea = viewport()->geometry();
    return QRect(QPoint(frameWidth(), viewportArea.top() + qFloor(top.top())),
                 QPoint(viewportArea.right(), viewportArea.top() + qCeil(bottom.bottom()) - 1));
}

void CodeView::revealLines(int first, int last)
{
    const QRect lines = linesRect(first, last);
    if (lines.isEmpty() || viewport()->geometry().contains(lines))
        return;
    // One block per line (no wrapping): the scroll bar counts lines.
    const int lineHeight = qMax(1, fontMetrics().lineSpacing());
    const int visibleLines = viewport()->height() / lineHeight;
    const int count = last - first + 1;
    verticalScrollBar()->setValue(qMax(0, first - 1 - qMax(0, (visibleLines - count) / 2)));
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
        setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 4);
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
    if (m_executingLine > 0 && !m_markersHidden) {
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
            const bool executing = line == m_executingLine && !m_markersHidden;
            f.setBold(executing);
            painter.setFont(f);
            painter.setPen(executing ? pal.color(QPalette::Text) : pal.color(QPalette::PlaceholderText));
            painter.drawText(0, top, m_gutter->width() - 6, height, Qt::AlignRight | Qt::AlignVCenter,
                             QString::number(line));
        }
        block = block.next();
        top += height;
    }
}

QFont CodeView::markerFont() const
{
    // Labels use the UI font, not the monospace one: its metrics cover CJK labels ("主进程").
    QFont f = QApplication::font();
    f.setPointSizeF(f.pointSizeF() * 0.9);
    f.setBold(true);
    return f;
}

QList<CodeView::MarkerChip> CodeView::markerChips() const
{
    QList<MarkerChip> chips;
    if (m_markersHidden)
        return chips;
    // Markers sit right of the line's text: "◀ Main", "◀ W1 W2 … +6".
    QList<Marker> all = m_markers;
    if (m_executingLine > 0)
        all.prepend({m_executingLine, tr("Main"), processColor(mainProcessId, isDarkPalette(palette())), {}});
    QList<int> lines; // in order of first appearance
    QHash<int, QList<Marker>> byLine;
    for (const Marker &marker : std::as_const(all)) {
        if (!byLine.contains(marker.line))
            lines.append(marker.line);
        byLine[marker.line].append(marker);
    }
    const QFontMetrics fm(markerFont());
    const auto chipWidth = [&fm](const QString &text) {
        return std::max(fm.horizontalAdvance(text), fm.boundingRect(text).width()) + 10;
    };
    constexpr int spacing = 4;
    const int right = viewport()->width() - 2;
    for (const int line : std::as_const(lines)) {
        const QTextBlock block = document()->findBlockByNumber(line - 1);
        if (!block.isValid())
            continue;
        const QRectF rect = blockBoundingGeometry(block).translated(contentOffset());
        if (rect.bottom() < 0 || rect.top() > viewport()->height())
            continue;
        // Right of the line's text, measured in the listing's own (monospace) font, after "◀ ".
        const qreal textWidth = block.layout() && block.layout()->lineCount() > 0
                                    ? block.layout()->lineAt(0).naturalTextWidth()
                                    : fontMetrics().horizontalAdvance(block.text());
        const int start = qRound(rect.left() + document()->documentMargin() + textWidth)
                          + fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 3
                          + fm.horizontalAdvance(QStringLiteral("◀ "));
        const QList<Marker> &markers = byLine.value(line);
        // As many chips as fit, with room for "+N" when some do not.
        qsizetype shown = markers.size();
        const auto widthOf = [&](qsizetype count) {
            int width = 0;
            for (qsizetype i = 0; i < count; ++i)
                width += chipWidth(markers.at(i).label) + spacing;
            if (count < markers.size())
                width += chipWidth(QStringLiteral("+%1").arg(markers.size() - count));
            return width;
        };
        while (shown > 0 && start + widthOf(shown) > right)
            --shown;
        const int top = qRound(rect.top()) + 1;
        const int height = qRound(rect.height()) - 2;
        int x = start;
        for (qsizetype i = 0; i < shown; ++i) {
            const Marker &marker = markers.at(i);
            const QRect box(x, top, chipWidth(marker.label), height);
            chips.append({line, box, marker.label, marker.color, {}, marker.name});
            x = box.right() + 1 + spacing;
        }
        if (shown < markers.size()) {
            MarkerChip more;
            more.line = line;
            more.text = QStringLiteral("+%1").arg(markers.size() - shown);
            more.box = QRect(x, top, chipWidth(more.text), height);
            more.color = palette().color(QPalette::Mid);
            for (qsizetype i = shown; i < markers.size(); ++i)
                more.overflow.append(markers.at(i).name.isEmpty() ? markers.at(i).label : markers.at(i).name);
            chips.append(more);
        }
    }
    return chips;
}

bool CodeView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        for (const MarkerChip &chip : markerChips()) {
            if (!chip.box.contains(help->pos()))
                continue;
            if (!chip.overflow.isEmpty()) {
                QToolTip::showText(help->globalPos(),
                                   tr("Also at line %1: %2").arg(chip.line).arg(chip.overflow.join(QStringLiteral(", "))),
                                   viewport(), chip.box);
                return true;
            }
            if (!chip.name.isEmpty() && chip.name != chip.text) {
                QToolTip::showText(help->globalPos(), chip.name, viewport(), chip.box);
                return true;
            }
        }
    }
    return QPlainTextEdit::viewportEvent(event);
}

void CodeView::paintEvent(QPaintEvent *event)
{
    QPlainTextEdit::paintEvent(event);
    if ((m_markers.isEmpty() && m_executingLine == 0) || m_markersHidden)
        return;
    QPainter painter(viewport());
    painter.setFont(markerFont());
    const QFontMetrics fm = painter.fontMetrics();
    const QList<MarkerChip> chips = markerChips();
    QSet<int> arrows;
    painter.setRenderHint(QPainter::Antialiasing, true);
    for (const MarkerChip &chip : chips) {
        if (!arrows.contains(chip.line)) {
            arrows.insert(chip.line);
            painter.setPen(palette().color(QPalette::PlaceholderText));
            const int x = chip.box.left() - fm.horizontalAdvance(QStringLiteral("◀ "));
            painter.drawText(QPointF(x, chip.box.top() - 1 + fm.ascent()), QStringLiteral("◀"));
        }
        painter.setPen(Qt::NoPen);
        painter.setBrush(chip.color);
        painter.drawRoundedRect(chip.box, 3, 3);
        painter.setPen(contrastingTextColor(chip.color));
        painter.drawText(chip.box, Qt::AlignCenter, chip.text);
    }
}

} // namespace ProcessLab
