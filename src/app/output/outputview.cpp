// SPDX-License-Identifier: MIT
#include "outputview.h"

#include "outputdrainscheduler.h"
#include "processcolors.h"
#include "processstatustext.h"

#include <QElapsedTimer>
#include <QFontDatabase>
#include <QLabel>
#include <QLocale>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>

#include <algorithm>
#include <limits>

namespace ProcessLab {

namespace {

constexpr qint64 defaultSliceNs = 8'000'000;
constexpr qsizetype minChunkChars = 2'000;
constexpr qsizetype maxChunkChars = 200'000;
constexpr qsizetype maxRunChars = 8'192;

// Format keys of the runs the drain writes; prefixes use the process id (>= -1).
constexpr int stdoutKey = std::numeric_limits<int>::min();
constexpr int stderrKey = stdoutKey + 1;
constexpr int timeKey = stdoutKey + 2;

bool needsCleaning(QStringView text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'\r' || u == u'\n' || u == 0x1b || u == 0x2029)
            return true;
    }
    return false;
}

// A line as a terminal would show it, in one text block: a carriage return starts the
// line over (progress bars), ANSI escape sequences are removed, and stray newlines
// become soft line breaks so one record line stays one block.
QString displayText(const QString &text)
{
    if (!needsCleaning(text))
        return text;
    QStringView view(text);
    while (view.endsWith(u'\r'))
        view.chop(1);
    if (const qsizetype cr = view.lastIndexOf(u'\r'); cr >= 0)
        view = view.sliced(cr + 1);
    QString out;
    out.reserve(view.size());
    for (qsizetype i = 0; i < view.size(); ++i) {
        const char16_t u = view.at(i).unicode();
        if (u == 0x1b) {
            // CSI: ESC [ parameters final-byte(0x40..0x7e); other escapes: ESC + one char.
            if (i + 1 < view.size() && view.at(i + 1) == u'[') {
                i += 2;
                while (i < view.size() && !(view.at(i).unicode() >= 0x40 && view.at(i).unicode() <= 0x7e))
                    ++i;
            } else {
                ++i;
            }
            continue;
        }
        if (u == u'\n' || u == 0x2029)
            out.append(QChar(QChar::LineSeparator));
        else if (u != u'\r')
            out.append(QChar(u));
    }
    return out;
}

} // namespace

OutputView::OutputView(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_banner(new QLabel(this))
{
    setReadOnly(true);
    setUndoRedoEnabled(false);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    document()->setMaximumBlockCount(m_lineCap);
    document()->setDocumentMargin(2);

    // Only the family is set, so the size still follows the application font
    // (presenter mode) through normal font propagation.
    QFont mono;
    mono.setFamilies(QFontDatabase::systemFont(QFontDatabase::FixedFont).families());
    mono.setStyleHint(QFont::Monospace);
    mono.setFixedPitch(true);
    setFont(mono);

    m_banner->setObjectName(QStringLiteral("outputDropBanner"));
    m_banner->setAutoFillBackground(true);
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->hide();

    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this] {
        m_followTail = isAtBottom();
        updateExtraSelections();
    });

    rebuildFormats();
    updateBanner();
}

OutputView::~OutputView()
{
    OutputDrainScheduler::instance()->remove(this);
}

const OutputLine &OutputView::lineAt(qint64 seq) const
{
    return m_lines[static_cast<std::size_t>(seq - m_firstSeq)];
}

bool OutputView::containsText(const OutputLine &line, const QString &text) const
{
    if (line.text.contains(text, Qt::CaseInsensitive))
        return true;
    return m_showPrefix && prefixFor(line.process).contains(text, Qt::CaseInsensitive);
}

bool OutputView::passesFilter(const OutputLine &line) const
{
    return m_filter.isEmpty() || containsText(line, m_filter);
}

void OutputView::appendLine(const OutputLine &line)
{
    appendLines({line});
}

void OutputView::appendLines(const QList<OutputLine> &lines)
{
    if (lines.isEmpty())
        return;
    m_received += lines.size();
    // Lines that would fall out of the buffer within this very batch never enter it.
    const qsizetype skip = std::max<qsizetype>(0, lines.size() - m_lineCap);
    m_dropped += skip;
    for (qsizetype i = skip; i < lines.size(); ++i)
        pushLine(lines.at(i));
    trimBuffer();
    m_countsDirty = true;
    scheduleDrain();
}

void OutputView::pushLine(const OutputLine &line)
{
    m_lines.push_back(line);
    if (!m_filter.isEmpty() && containsText(line, m_filter))
        ++m_filterMatches;
}

void OutputView::trimBuffer()
{
    while (static_cast<qsizetype>(m_lines.size()) > m_lineCap) {
        if (!m_filter.isEmpty() && containsText(m_lines.front(), m_filter))
            --m_filterMatches;
        m_lines.pop_front();
        ++m_firstSeq;
        ++m_dropped;
    }
    // Pending lines that were dropped are skipped; rendered ones are removed from the
    // document on the next drain (removeStaleBlocks).
    m_renderedUpTo = std::max(m_renderedUpTo, m_firstSeq);
}

void OutputView::addExternallyDropped(qint64 n)
{
    if (n <= 0)
        return;
    m_received += n;
    m_dropped += n;
    updateBanner();
    emit countsChanged();
}

bool OutputView::hasPending() const
{
    return m_renderedUpTo < endSeq() || (!m_docSeq.empty() && m_docSeq.front() < m_firstSeq);
}

void OutputView::scheduleDrain()
{
    OutputDrainScheduler::instance()->request(this);
}

bool OutputView::drainSlice(qint64 budgetNs)
{
    drain(Render::Budgeted, budgetNs);
    return hasPending();
}

void OutputView::flushPending()
{
    OutputDrainScheduler::instance()->remove(this);
    drain(Render::All, 0);
}

bool OutputView::isAtBottom() const
{
    const QScrollBar *bar = verticalScrollBar();
    return bar->value() >= bar->maximum();
}

void OutputView::removeStaleBlocks(bool followTail)
{
    if (m_docSeq.empty() || m_docSeq.front() >= m_firstSeq)
        return;
    const auto keepFrom = std::lower_bound(m_docSeq.begin(), m_docSeq.end(), m_firstSeq);
    const auto removeCount = static_cast<int>(keepFrom - m_docSeq.begin());
    QScrollBar *bar = verticalScrollBar();
    const int oldValue = bar->value();
    int removedLines = 0;
    if (keepFrom == m_docSeq.end()) {
        removedLines = oldValue;
        clearDocument();
    } else {
        const QTextBlock keep = document()->findBlockByNumber(removeCount);
        removedLines = keep.firstLineNumber();
        QTextCursor cursor(document());
        cursor.setPosition(keep.position(), QTextCursor::KeepAnchor);
        cursor.removeSelectedText();
        // The surviving first block kept the removed block's format.
        cursor.setBlockFormat(lineAt(*keepFrom).stream == OutputStream::StdErr ? m_stderrBlock
                                                                               : m_stdoutBlock);
        // With undo off this lets QTextDocument reclaim the removed text (it also does
        // so when trimming to maximumBlockCount), so memory stays bounded in a flood.
        document()->setUndoRedoEnabled(false);
    }
    m_docSeq.erase(m_docSeq.begin(), keepFrom);
    // Keep the text the reader is looking at where it is.
    if (!followTail)
        bar->setValue(std::max(0, oldValue - removedLines));
    m_followTail = followTail;
}

void OutputView::drain(Render mode, qint64 budget)
{
    QElapsedTimer clock;
    clock.start();

    const bool follow = m_followTail;
    removeStaleBlocks(follow);

    // One insertText cannot be interrupted, so a short slice gets a proportionally
    // smaller chunk.
    qsizetype chunkChars = std::numeric_limits<qsizetype>::max();
    if (mode == Render::Budgeted) {
        const double share = std::clamp(static_cast<double>(budget - clock.nsecsElapsed())
                                            / static_cast<double>(defaultSliceNs), 0.0, 1.0);
        chunkChars = std::max<qsizetype>(minChunkChars / 4, static_cast<qsizetype>(static_cast<double>(m_chunkChars) * share));
    }
    qsizetype chars = 0;
    if (m_renderedUpTo < endSeq() && (mode == Render::All || clock.nsecsElapsed() < budget)) {
        QTextCursor cursor(document());
        cursor.movePosition(QTextCursor::End);
        cursor.beginEditBlock();

        bool docEmpty = m_docSeq.empty();
        if (docEmpty && !document()->isEmpty())
            clearDocument();
        QString run;
        int runKey = stdoutKey;
        const auto formatFor = [this](int key) -> QTextCharFormat {
            if (key == stdoutKey)
                return m_stdoutFormat;
            if (key == stderrKey)
                return m_stderrFormat;
            if (key == timeKey)
                return m_timeFormat;
            auto it = m_prefixFormats.find(key);
            if (it == m_prefixFormats.end()) {
                QTextCharFormat format;
                format.setForeground(processColor(key, isDarkPalette(palette())));
                format.setFontWeight(QFont::Bold);
                it = m_prefixFormats.insert(key, format);
            }
            return *it;
        };
        const auto flushRun = [&] {
            if (!run.isEmpty()) {
                cursor.insertText(run, formatFor(runKey));
                run.clear();
            }
        };
        const auto add = [&](int key, const QString &text) {
            if (key != runKey) {
                flushRun();
                runKey = key;
            }
            run += text;
        };

        // Closing the edit block (layout of the new blocks) costs about a third more.
        const qint64 deadline = budget * 2 / 3;
        int lines = 0;
        while (m_renderedUpTo < endSeq()) {
            const qint64 seq = m_renderedUpTo++;
            const OutputLine &line = lineAt(seq);
            if (!passesFilter(line))
                continue;
            const bool isErr = line.stream == OutputStream::StdErr;
            if (docEmpty) {
                cursor.setBlockFormat(isErr ? m_stderrBlock : m_stdoutBlock);
                docEmpty = false;
            } else if (line.stream == m_lastBlockStream) {
                run += u'\n';
            } else {
                // A new block format (stderr band) needs its own block break.
                flushRun();
                cursor.insertBlock(isErr ? m_stderrBlock : m_stdoutBlock);
            }
            m_lastBlockStream = line.stream;
            if (m_showTimestamps)
                add(timeKey, timestampFor(line.timeNs));
            if (m_showPrefix)
                add(line.process, prefixFor(line.process));
            add(isErr ? stderrKey : stdoutKey, displayText(line.text));
            m_docSeq.push_back(seq);
            chars += line.text.size() + 1;
            if (run.size() > maxRunChars)
                flushRun(); // so the clock below sees the real cost of inserting
            if (mode == Render::Budgeted
                && (chars >= chunkChars || (++lines % 16 == 0 && clock.nsecsElapsed() > deadline))) {
                break;
            }
        }
        flushRun();
        cursor.endEditBlock();
    }
    if (follow) {
        QScrollBar *bar = verticalScrollBar();
        bar->setValue(bar->maximum());
    }
    m_followTail = follow;

    const qint64 elapsed = clock.nsecsElapsed();
    if (mode == Render::Budgeted && chars > 0) {
        // Like Qt Creator's output window: size the next chunk from the cost measured
        // now, aiming at ~60% of a slice, because one big insertText cannot be interrupted.
        const double nsPerChar = static_cast<double>(elapsed) / static_cast<double>(chars);
        const auto ideal = static_cast<qsizetype>(0.6 * static_cast<double>(defaultSliceNs) / std::max(nsPerChar, 1.0));
        m_chunkChars = std::clamp((m_chunkChars + ideal) / 2, minChunkChars, maxChunkChars);
    }
    m_longestDrainNs = std::max(m_longestDrainNs, elapsed);

    if (m_restoreTopSeq >= 0 && m_renderedUpTo >= endSeq()) {
        const qsizetype index = std::lower_bound(m_docSeq.begin(), m_docSeq.end(), m_restoreTopSeq) - m_docSeq.begin();
        m_restoreTopSeq = -1;
        if (index < static_cast<qsizetype>(m_docSeq.size()))
            verticalScrollBar()->setValue(document()->findBlockByNumber(static_cast<int>(index)).firstLineNumber());
        m_followTail = isAtBottom();
    }
    updateExtraSelections();
    emitCountsIfDirty();
}

void OutputView::emitCountsIfDirty()
{
    if (!m_countsDirty)
        return;
    m_countsDirty = false;
    updateBanner();
    emit countsChanged();
}

void OutputView::resetDrainStats()
{
    m_longestDrainNs = 0;
}

void OutputView::clearLines()
{
    OutputDrainScheduler::instance()->remove(this);
    m_lines.clear();
    m_firstSeq = 0;
    m_renderedUpTo = 0;
    m_docSeq.clear();
    m_received = 0;
    m_dropped = 0;
    m_filterMatches = 0;
    m_revealSeq = -1;
    m_restoreTopSeq = -1;
    clearDocument();
    m_countsDirty = false;
    updateExtraSelections();
    updateBanner();
    emit countsChanged();
}

void OutputView::setLineCap(int lines)
{
    lines = std::max(1, lines);
    if (lines == m_lineCap)
        return;
    m_lineCap = lines;
    trimBuffer();
    // The document must already fit, or QTextDocument would trim blocks we track.
    removeStaleBlocks(m_followTail);
    document()->setMaximumBlockCount(m_lineCap);
    updateBanner();
    emit countsChanged();
}

void OutputView::rerender()
{
    m_restoreTopSeq = -1;
    const bool follow = m_followTail;
    if (!follow && !m_docSeq.empty()) {
        const int top = firstVisibleBlock().blockNumber();
        if (top >= 0 && top < static_cast<int>(m_docSeq.size()))
            m_restoreTopSeq = m_docSeq[static_cast<std::size_t>(top)];
    }
    m_filterMatches = 0;
    if (!m_filter.isEmpty()) {
        for (const OutputLine &line : m_lines)
            m_filterMatches += containsText(line, m_filter) ? 1 : 0;
    }
    m_docSeq.clear();
    clearDocument();
    m_renderedUpTo = m_firstSeq;
    m_followTail = follow;
    // A user action: render the (bounded) buffer at once rather than flicker in chunks.
    flushPending();
    updateBanner();
}

void OutputView::setFilter(const QString &text)
{
    if (text == m_filter)
        return;
    m_filter = text;
    rerender();
    emit filterChanged(m_filter);
    emit countsChanged();
}

qint64 OutputView::matchingLines() const
{
    return m_filter.isEmpty() ? shownLines() : m_filterMatches;
}

void OutputView::setShowProcessPrefix(bool show)
{
    if (show == m_showPrefix)
        return;
    m_showPrefix = show;
    rerender();
}

QString OutputView::processName(int process) const
{
    if (const auto it = m_names.constFind(process); it != m_names.constEnd())
        return *it;
    return ProcessStatusText::roleName(process, QString());
}

void OutputView::setProcessNames(const QHash<int, QString> &names)
{
    if (names == m_names)
        return;
    m_names = names;
    updatePrefixes();
    if (m_showPrefix)
        rerender();
}

void OutputView::setProcessName(int process, const QString &name)
{
    if (m_names.value(process) == name && m_names.contains(process))
        return;
    m_names.insert(process, name);
    updatePrefixes();
    if (m_showPrefix)
        rerender();
}

void OutputView::updatePrefixes()
{
    m_prefixes.clear();
    qsizetype width = 0;
    for (auto it = m_names.cbegin(); it != m_names.cend(); ++it)
        width = std::max(width, it.value().size() + 3);
    for (auto it = m_names.cbegin(); it != m_names.cend(); ++it)
        m_prefixes.insert(it.key(), QString(u'[' + it.value() + u']').leftJustified(width - 1) + u' ');
}

QString OutputView::prefixFor(int process) const
{
    if (const auto it = m_prefixes.constFind(process); it != m_prefixes.constEnd())
        return *it;
    return u'[' + processName(process) + u"] ";
}

void OutputView::setShowTimestamps(bool on)
{
    if (on == m_showTimestamps)
        return;
    m_showTimestamps = on;
    rerender();
}

QString OutputView::timestampFor(qint64 timeNs) const
{
    const double seconds = static_cast<double>(timeNs) / 1e9;
    const QString number = QString::number(seconds, 'f', 3);
    return (seconds < 0 ? number : QString(u'+' + number)).rightJustified(8) + u" s ";
}

qsizetype OutputView::docIndexOf(qint64 seq) const
{
    const auto it = std::lower_bound(m_docSeq.begin(), m_docSeq.end(), seq);
    return (it != m_docSeq.end() && *it == seq) ? it - m_docSeq.begin() : -1;
}

bool OutputView::revealEvent(qsizetype eventIndex)
{
    if (eventIndex < 0 || m_lines.empty())
        return false;
    flushPending();
    // Lines arrive in record order, so event indices ascend; fall back to a scan if not.
    auto it = std::lower_bound(m_lines.begin(), m_lines.end(), eventIndex,
                               [](const OutputLine &line, qsizetype index) { return line.eventIndex < index; });
    if (it == m_lines.end() || it->eventIndex != eventIndex) {
        it = std::find_if(m_lines.begin(), m_lines.end(),
                          [eventIndex](const OutputLine &line) { return line.eventIndex == eventIndex; });
    }
    if (it == m_lines.end())
        return false;
    const qint64 seq = m_firstSeq + (it - m_lines.begin());
    const qsizetype index = docIndexOf(seq);
    if (index < 0)
        return false; // hidden by the filter
    QTextCursor cursor(document()->findBlockByNumber(static_cast<int>(index)));
    setTextCursor(cursor);
    centerCursor();
    m_revealSeq = seq;
    updateExtraSelections();
    return true;
}

void OutputView::setSearchText(const QString &text)
{
    if (text == m_searchText)
        return;
    m_searchText = text;
    updateExtraSelections();
}

bool OutputView::findNext(bool backward)
{
    if (m_searchText.isEmpty())
        return false;
    flushPending();
    const QTextDocument::FindFlags flags = backward ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    if (find(m_searchText, flags))
        return true;
    // Wrap around, like most find bars.
    const QTextCursor saved = textCursor();
    QTextCursor wrapped(document());
    wrapped.movePosition(backward ? QTextCursor::End : QTextCursor::Start);
    setTextCursor(wrapped);
    if (find(m_searchText, flags))
        return true;
    setTextCursor(saved);
    return false;
}

qint64 OutputView::searchMatches() const
{
    if (m_searchText.isEmpty())
        return 0;
    // Counted in the text as shown (timestamp, prefix and line), as the highlights are.
    qint64 count = 0;
    for (const OutputLine &line : m_lines) {
        if (!passesFilter(line))
            continue;
        const QString text = shownLineText(line);
        for (qsizetype at = text.indexOf(m_searchText, 0, Qt::CaseInsensitive); at >= 0;
             at = text.indexOf(m_searchText, at + m_searchText.size(), Qt::CaseInsensitive))
            ++count;
    }
    return count;
}

QString OutputView::shownLineText(const OutputLine &line) const
{
    QString text;
    if (m_showTimestamps)
        text += timestampFor(line.timeNs);
    if (m_showPrefix)
        text += prefixFor(line.process);
    text += displayText(line.text);
    return text;
}

QString OutputView::shownText() const
{
    QString text;
    for (const OutputLine &line : m_lines) {
        if (!passesFilter(line))
            continue;
        text += shownLineText(line).replace(QChar(QChar::LineSeparator), u'\n');
        text += u'\n';
    }
    return text;
}

void OutputView::clearDocument()
{
    // QTextDocument::clear() lays the new empty document out while its list of cursors is
    // swapped out; the scroll bar moves then and would run updateExtraSelections(). An extra
    // selection is a cursor: one destroyed in that window stays in the restored list and
    // every later edit writes into freed memory. So the selections go first, while the
    // document is whole, and no selection work happens until clear() has returned.
    const QScopedValueRollback clearing(m_clearingDocument, true);
    if (!extraSelections().isEmpty())
        setExtraSelections({});
    document()->clear();
}

void OutputView::updateExtraSelections()
{
    if (m_clearingDocument)
        return;
    QList<QTextEdit::ExtraSelection> selections;
    const QPalette pal = palette();
    if (m_revealSeq >= 0) {
        if (const qsizetype index = docIndexOf(m_revealSeq); index >= 0) {
            QTextEdit::ExtraSelection reveal;
            reveal.cursor = QTextCursor(document()->findBlockByNumber(static_cast<int>(index)));
            reveal.format.setBackground(blendColors(pal.color(QPalette::Base), pal.color(QPalette::Highlight), 0.35));
            reveal.format.setProperty(QTextFormat::FullWidthSelection, true);
            selections.append(reveal);
        }
    }
    if (!m_searchText.isEmpty()) {
        // Only what is on screen: cheap enough to redo on every scroll and drain tick.
        const QColor matchColor = blendColors(pal.color(QPalette::Base), stateColor(ProcessState::Starting, isDarkPalette(pal)), 0.55);
        const int viewportHeight = viewport()->height();
        const QPointF offset = contentOffset();
        for (QTextBlock block = firstVisibleBlock(); block.isValid(); block = block.next()) {
            if (blockBoundingGeometry(block).translated(offset).top() > viewportHeight)
                break;
            const QString text = block.text();
            for (qsizetype at = text.indexOf(m_searchText, 0, Qt::CaseInsensitive); at >= 0;
                 at = text.indexOf(m_searchText, at + m_searchText.size(), Qt::CaseInsensitive)) {
                QTextEdit::ExtraSelection match;
                match.cursor = QTextCursor(block);
                match.cursor.setPosition(block.position() + static_cast<int>(at));
                match.cursor.setPosition(block.position() + static_cast<int>(at + m_searchText.size()), QTextCursor::KeepAnchor);
                match.format.setBackground(matchColor);
                selections.append(match);
            }
        }
    }
    if (!selections.isEmpty() || !extraSelections().isEmpty())
        setExtraSelections(selections);
}

void OutputView::rebuildFormats()
{
    const QPalette pal = palette();
    const bool dark = isDarkPalette(pal);
    m_stdoutFormat = QTextCharFormat();
    m_stderrFormat = QTextCharFormat();
    m_stderrFormat.setForeground(stderrColor(dark));
    m_timeFormat = QTextCharFormat();
    m_timeFormat.setForeground(pal.color(QPalette::PlaceholderText));
    m_prefixFormats.clear();
    m_stdoutBlock = QTextBlockFormat();
    m_stderrBlock = QTextBlockFormat();
    // A faint band behind stderr lines: readable on both palettes, and it tells stderr
    // apart even for readers who cannot tell the text colours apart.
    m_stderrBlock.setBackground(blendColors(pal.color(QPalette::Base), stderrColor(dark), dark ? 0.16 : 0.08));

    QPalette bannerPalette = pal;
    bannerPalette.setColor(QPalette::Window, blendColors(pal.color(QPalette::Base), stateColor(ProcessState::Starting, dark), 0.22));
    bannerPalette.setColor(QPalette::WindowText, pal.color(QPalette::Text));
    m_banner->setPalette(bannerPalette);
}

void OutputView::updateBanner()
{
    QStringList parts;
    const QLocale locale;
    if (m_dropped > 0)
        parts << tr("[earlier lines dropped: %1]").arg(locale.toString(m_dropped));
    if (!m_filter.isEmpty()) {
        parts << tr("filter “%1”: %2 of %3 lines")
                     .arg(m_filter, locale.toString(matchingLines()), locale.toString(shownLines()));
    }
    const bool show = !parts.isEmpty();
    m_bannerText = parts.join(QStringLiteral("  ·  "));
    const QString toolTip = tr("%1 lines received = %2 kept + %3 dropped. This view keeps the last %4 lines; "
                            "older ones are dropped so a flood cannot slow the app down.")
                             .arg(locale.toString(m_received), locale.toString(shownLines()),
                                  locale.toString(m_dropped), locale.toString(m_lineCap));
    if (m_banner->toolTip() != toolTip)
        m_banner->setToolTip(toolTip);
    const int margin = fontMetrics().horizontalAdvance(u' ');
    m_banner->setContentsMargins(margin, 1, margin, 1);
    const int height = show ? fontMetrics().height() + 2 + 2 * m_banner->frameWidth() : 0;
    const QRect area = contentsRect();
    if (viewportMargins().top() != height)
        setViewportMargins(0, height, 0, 0);
    m_banner->setGeometry(area.left(), area.top(), area.width(), height);
    m_banner->setText(fontMetrics().elidedText(m_bannerText, Qt::ElideRight, std::max(0, area.width() - 2 * margin)));
    m_banner->setVisible(show);
}

void OutputView::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    switch (event->type()) {
    case QEvent::PaletteChange:
    case QEvent::StyleChange:
        rebuildFormats();
        rerender();
        break;
    case QEvent::FontChange:
    case QEvent::LanguageChange:
        updateBanner();
        break;
    default:
        break;
    }
}

void OutputView::resizeEvent(QResizeEvent *event)
{
    const bool follow = m_followTail;
    QPlainTextEdit::resizeEvent(event);
    // Stay at the end when the pane is laid out again (e.g. first shown, or resized).
    if (follow) {
        QScrollBar *bar = verticalScrollBar();
        bar->setValue(bar->maximum());
        m_followTail = true;
    }
    updateBanner();
    updateExtraSelections();
}

} // namespace ProcessLab
