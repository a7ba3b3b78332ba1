// SPDX-License-Identifier: MIT
#pragma once

#include "record/runevent.h"

#include <QHash>
#include <QList>
#include <QPlainTextEdit>
#include <QTextCharFormat>

#include <deque>

class QLabel;

namespace ProcessLab {

// One line of output as the record has it (without its newline).
struct OutputLine
{
    qint64 timeNs = 0; // since the run's start (RunClock::sinceStartNs), not the monotonic clock
    int process = mainProcessId;
    OutputStream stream = OutputStream::StdOut;
    QString text;
    qsizetype eventIndex = -1; // index of the Output event in the run record
};

} // namespace ProcessLab

Q_DECLARE_TYPEINFO(ProcessLab::OutputLine, Q_RELOCATABLE_TYPE);

namespace ProcessLab {

// A read-only text view for process output that survives floods.
//
// Lines go into a bounded line buffer (at most lineCap() lines); the document is a
// projection of that buffer, filled by a short single-shot timer in chunks sized by a
// time budget, never directly by appendLines(). When more lines arrive than the cap,
// the oldest are dropped, most of them before they ever reach the document, and
// counted: receivedLines() == shownLines() + droppedLines() holds at all times.
// Dropped lines and an active filter are announced by a banner above the text.
class OutputView : public QPlainTextEdit
{
    Q_OBJECT
public:
    static constexpr int defaultPaneLineCap = 5000;
    static constexpr int defaultConsoleLineCap = 20000;

    explicit OutputView(QWidget *parent = nullptr);
    ~OutputView() override;

    // Queues lines; the document is updated on the next drain tick.
    void appendLines(const QList<OutputLine> &lines);
    void appendLine(const OutputLine &line);
    // Renders everything pending now (tests, copy/save, reveal).
    void flushPending();
    bool hasPending() const;
    // Forgets all lines and resets the counters.
    void clearLines();

    void setLineCap(int lines);
    int lineCap() const { return m_lineCap; }

    // Combined console: "[Worker 1] " before each line, coloured per process.
    void setShowProcessPrefix(bool show);
    bool showProcessPrefix() const { return m_showPrefix; }
    void setProcessNames(const QHash<int, QString> &names);
    void setProcessName(int process, const QString &name);
    QString processName(int process) const;

    // "+1.234 s " before each line: its OutputLine::timeNs, the time since the run started.
    void setShowTimestamps(bool on);
    bool showTimestamps() const { return m_showTimestamps; }

    // Shows only the buffered lines containing text (case-insensitive; in the console
    // the process name matches too). An empty text shows all lines again.
    void setFilter(const QString &text);
    QString filter() const { return m_filter; }
    qint64 matchingLines() const; // buffered lines that pass the filter

    // Scrolls to the line of that record event and highlights it. False when the
    // line was dropped, is hidden by the filter, or never was in this view.
    bool revealEvent(qsizetype eventIndex);

    qint64 receivedLines() const { return m_received; }
    qint64 shownLines() const { return static_cast<qint64>(m_lines.size()); }
    qint64 droppedLines() const { return m_dropped; }
    // Lines the record itself did not keep (over its cap): received and dropped.
    void addExternallyDropped(qint64 n);

    // Find: highlights the matches on screen and moves the selection to the next one.
    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }
    bool findNext(bool backward = false);
    // Occurrences of the text in the shown lines (timestamps and prefixes included): one per highlight.
    qint64 searchMatches() const;

    // The note above the text ("[N earlier lines dropped]", the active filter); empty when hidden.
    QString bannerText() const { return m_bannerText; }

    // What the view shows, as text (filter, prefixes and timestamps applied).
    QString shownText() const;

    // Drain statistics of this view (its longest slice of a shared drain tick; see
    // OutputDrainScheduler for the ticks themselves), for the flood test and benchmarks.
    qint64 longestDrainNs() const { return m_longestDrainNs; }
    void resetDrainStats();

signals:
    void countsChanged();
    void filterChanged(const QString &filter);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    enum class Render { Budgeted, All };

    const OutputLine &lineAt(qint64 seq) const;
    qint64 endSeq() const { return m_firstSeq + static_cast<qint64>(m_lines.size()); }
    bool passesFilter(const OutputLine &line) const;
    bool containsText(const OutputLine &line, const QString &text) const;
    QString shownLineText(const OutputLine &line) const; // one line as shown, before line separators
    void pushLine(const OutputLine &line);
    void trimBuffer();
    friend class OutputDrainScheduler;
    void scheduleDrain();
    bool drainSlice(qint64 budgetNs); // true if lines are still pending
    void drain(Render mode, qint64 budgetNs);
    void removeStaleBlocks(bool followTail);
    void rerender();
    void rebuildFormats();
    void updatePrefixes();
    QString prefixFor(int process) const;
    QString timestampFor(qint64 timeNs) const;
    qsizetype docIndexOf(qint64 seq) const;
    void updateBanner();
    void updateExtraSelections();
    void clearDocument(); // the only way the document is cleared (see the .cpp)
    void emitCountsIfDirty();
    bool isAtBottom() const;

    std::deque<OutputLine> m_lines; // the bounded buffer; front has sequence m_firstSeq
    qint64 m_firstSeq = 0;
    qint64 m_renderedUpTo = 0;      // lines below this sequence went through the filter
    std::deque<qint64> m_docSeq;    // sequence of each document block
    OutputStream m_lastBlockStream = OutputStream::StdOut;

    int m_lineCap = defaultPaneLineCap;
    qint64 m_received = 0;
    qint64 m_dropped = 0;
    qint64 m_filterMatches = 0;
    bool m_countsDirty = false;

    qsizetype m_chunkChars = 10'000;
    qint64 m_longestDrainNs = 0;
    qint64 m_restoreTopSeq = -1; // first visible line to return to after a re-render

    bool m_showPrefix = false;
    bool m_showTimestamps = false;
    QHash<int, QString> m_names;
    QHash<int, QString> m_prefixes;
    QString m_filter;
    QString m_searchText;

    QTextCharFormat m_stdoutFormat;
    QTextCharFormat m_stderrFormat;
    QTextCharFormat m_timeFormat;
    QHash<int, QTextCharFormat> m_prefixFormats;
    QTextBlockFormat m_stdoutBlock;
    QTextBlockFormat m_stderrBlock;

    QLabel *m_banner = nullptr;
    QString m_bannerText;
    bool m_followTail = true; // at the bottom: new lines scroll into view
    qint64 m_revealSeq = -1;
    bool m_clearingDocument = false;
};

} // namespace ProcessLab
