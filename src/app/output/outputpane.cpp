// SPDX-License-Identifier: MIT
#include "outputpane.h"

#include <cmath>

#include "cpusparkline.h"
#include "outputactions.h"
#include "outputfindbar.h"
#include "outputtoolbar.h"
#include "outputview.h"
#include "processcolors.h"
#include "processstatustext.h"
#include "statechip.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPainter>
#include <QTextLayout>
#include <QToolButton>
#include <QVBoxLayout>

namespace ProcessLab {

// The header strip: a faint tint and a bar on the left in the process's colour, the
// same colour as its prefix in the console and its row in the timeline.
class PaneHeader : public QWidget
{
public:
    PaneHeader(int processId, QWidget *parent)
        : QWidget(parent)
        , m_processId(processId)
    {
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        const bool dark = isDarkPalette(palette());
        const QColor color = processColor(m_processId, dark);
        painter.fillRect(rect(), blendColors(palette().color(QPalette::Window), color, dark ? 0.16 : 0.10));
        const int bar = std::max(3, fontMetrics().height() / 5);
        painter.fillRect(QRect(0, 0, bar, height()), color);
    }

private:
    int m_processId;
};

// A plain-text label that chooses what it shows from its width: it re-fits whenever its
// size or font changes.
class FittingLabel : public QLabel
{
public:
    explicit FittingLabel(QWidget *parent)
        : QLabel(parent)
    {
        setTextFormat(Qt::PlainText);
    }

protected:
    virtual void updateShownText() = 0;
    void resizeEvent(QResizeEvent *event) override
    {
        QLabel::resizeEvent(event);
        updateShownText();
    }
    void changeEvent(QEvent *event) override
    {
        QLabel::changeEvent(event);
        if (event->type() == QEvent::FontChange)
            updateShownText();
    }
};

// A label for narrow panes: shows the first of its texts that fits (e.g. "PID 4121",
// then "4121"), else elides the last one, instead of forcing the pane (and with it the
// whole grid) to be wider. The full text is the tool tip.
class ElidedLabel : public FittingLabel
{
public:
    explicit ElidedLabel(QWidget *parent)
        : FittingLabel(parent)
    {
    }
    void setTexts(const QStringList &texts)
    {
        m_texts = texts;
        setToolTip(texts.value(0));
        updateShownText();
        updateGeometry();
    }
    void setFullText(const QString &text) { setTexts(text.isEmpty() ? QStringList() : QStringList{text}); }
    // The last text is the shortest form and is always shown whole (the exit status is the key fact).
    void setNeverElide(bool on) { m_neverElide = on; updateGeometry(); }
    QString fullText() const { return m_texts.value(0); }
    QSize sizeHint() const override
    {
        const QMargins m = contentsMargins();
        return {fontMetrics().horizontalAdvance(fullText()) + m.left() + m.right() + 1, QLabel::sizeHint().height()};
    }
    QSize minimumSizeHint() const override
    {
        const QMargins m = contentsMargins();
        const int shortest = m_neverElide ? fontMetrics().horizontalAdvance(m_texts.value(m_texts.size() - 1)) + 1
                                          : fontMetrics().horizontalAdvance(QStringLiteral("M…"));
        return {std::min(sizeHint().width(), shortest + m.left() + m.right()), QLabel::minimumSizeHint().height()};
    }

private:
    void updateShownText() override
    {
        const QMargins m = contentsMargins();
        const int available = width() - m.left() - m.right();
        const QFontMetrics fm = fontMetrics();
        for (const QString &text : std::as_const(m_texts)) {
            if (fm.horizontalAdvance(text) <= available) {
                setText(text);
                return;
            }
        }
        const QString last = m_texts.value(m_texts.size() - 1);
        setText(m_neverElide ? last : fm.elidedText(last, Qt::ElideRight, available));
    }
    QStringList m_texts;
    bool m_neverElide = false;
};

// The pane's note (Main: where the main program is) on a row of its own: wrapped at word
// boundaries onto at most two lines, the second elided if even that is not enough (the whole
// note is the tool tip). It always takes two lines' height while shown, so the header does not
// jump as the note changes — more when its glyphs need it (Chinese comes from a fallback font
// with taller lines than the UI font's), so no line is ever cut.
class NoteLabel : public FittingLabel
{
public:
    static constexpr int maxLines = 2;

    explicit NoteLabel(QWidget *parent)
        : FittingLabel(parent)
    {
        setAlignment(Qt::AlignLeft | Qt::AlignTop);
        setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    }
    void setFullText(const QString &text)
    {
        m_text = text;
        setToolTip(text);
        updateShownText();
    }
    QString fullText() const { return m_text; }
    int shownLineCount() const { return m_text.isEmpty() ? 0 : static_cast<int>(text().count(u'\n')) + 1; }
    QSize sizeHint() const override
    {
        const QMargins m = contentsMargins();
        return {fontMetrics().horizontalAdvance(QStringLiteral("M…")) + m.left() + m.right(),
                std::max(fontMetrics().lineSpacing() * maxLines, m_shownHeight) + m.top() + m.bottom()};
    }
    QSize minimumSizeHint() const override { return sizeHint(); }

private:
    void updateShownText() override
    {
        const QMargins m = contentsMargins();
        const int available = std::max(1, width() - m.left() - m.right());
        const QFontMetrics fm = fontMetrics();
        QTextLayout layout(m_text, font());
        QTextOption option;
        option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        layout.setTextOption(option);
        QStringList lines;
        layout.beginLayout();
        for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
            line.setLineWidth(available);
            if (lines.size() == maxLines - 1) {
                // The last line takes the rest, elided if it is still too long.
                lines.append(fm.elidedText(m_text.mid(line.textStart()).trimmed(), Qt::ElideRight, available));
                break;
            }
            lines.append(m_text.mid(line.textStart(), line.textLength()).trimmed());
        }
        layout.endLayout();
        setText(lines.join(u'\n'));
        // The height the shown lines are drawn in (QLabel's own measure, fallback fonts included).
        const int shownHeight = m_text.isEmpty() ? 0 : fm.boundingRect(QRect(0, 0, available, 1 << 16),
                                                                       int(alignment()), text()).height();
        if (shownHeight != m_shownHeight) {
            m_shownHeight = shownHeight;
            updateGeometry();
        }
    }
    QString m_text;
    int m_shownHeight = 0;
};

namespace {
QFont boldFont()
{
    QFont font; // only the weight is set; the size follows the application font
    font.setBold(true);
    return font;
}

void setTextColor(QLabel *label, const QColor &color)
{
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText, color);
    label->setPalette(pal);
}
} // namespace

OutputPane::OutputPane(int processId, const QString &role, QWidget *parent)
    : QFrame(parent)
    , m_processId(processId)
    , m_role(role)
    , m_view(new OutputView(this))
    , m_actions(new OutputActions(m_view, this))
    , m_header(new PaneHeader(processId, this))
    , m_roleLabel(new ElidedLabel(m_header))
    , m_pidLabel(new QLabel(m_header))
    , m_chip(new StateChip(m_header))
    , m_elapsedLabel(new QLabel(m_header))
    , m_toolsButton(new QToolButton(m_header))
    , m_killButton(new QToolButton(m_header))
    , m_secondRow(new QWidget(m_header))
    , m_exitLabel(new ElidedLabel(m_secondRow))
    , m_detailLabel(new NoteLabel(m_header))
    , m_droppedLabel(new QLabel(m_secondRow))
    , m_cpu(new CpuSparkline(processId, m_header))
    , m_toolBar(new OutputToolBar(m_actions, this))
    , m_findBar(new OutputFindBar(m_view, this, this))
{
    setFrameShape(QFrame::StyledPanel);
    m_view->setFrameShape(QFrame::NoFrame);
    m_summary.id = processId;
    m_summary.role = role;
    m_view->setLineCap(OutputView::defaultPaneLineCap);
    m_actions->setSaveBaseName(role.toLower().replace(u' ', u'-'));

    m_roleLabel->setFont(boldFont());
    m_roleLabel->setFullText(role);
    m_pidLabel->setTextFormat(Qt::PlainText);
    m_pidLabel->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Preferred);
    m_elapsedLabel->setTextFormat(Qt::PlainText);
    m_elapsedLabel->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Preferred);
    m_roleLabel->setObjectName(QStringLiteral("role"));
    m_pidLabel->setObjectName(QStringLiteral("pid"));
    m_chip->setObjectName(QStringLiteral("state"));
    m_elapsedLabel->setObjectName(QStringLiteral("elapsed"));
    m_exitLabel->setObjectName(QStringLiteral("exit"));
    m_exitLabel->setNeverElide(true);
    m_detailLabel->setObjectName(QStringLiteral("detail"));
    m_toolsButton->setText(QStringLiteral("⋯"));
    m_toolsButton->setCheckable(true);
    m_toolsButton->setAutoRaise(true);
    m_killButton->setObjectName(QStringLiteral("killWorker"));
    m_killButton->setAutoRaise(true);
    m_killButton->hide();
    m_droppedLabel->setTextFormat(Qt::PlainText);

    // Two rows, so that two columns of panes fit beside the code: who and since when (role,
    // PID, elapsed) and how it ends (state, exit, dropped lines), and a note below them when
    // there is one (Main: where the main program is). The name has priority: the elapsed
    // time and then the PID make room for it first (fitFirstRow()), it elides last; the exit status
    // drops the word "exit" when narrow ("−15 (SIGTERM)"), and the signal's name only if even
    // that does not fit ("−15"), never cut: the full wording is its tool tip. The state and
    // the short exit status are always shown whole (stableMinimumWidth() reserves their room);
    // the note wraps.
    const int gap = fontMetrics().horizontalAdvance(u' ');
    auto *firstRow = new QHBoxLayout;
    firstRow->setSpacing(gap);
    firstRow->addWidget(m_roleLabel, 0);
    firstRow->addWidget(m_pidLabel);
    firstRow->addWidget(m_elapsedLabel);
    firstRow->addStretch(1);
    firstRow->addWidget(m_toolsButton);

    auto *secondRow = new QHBoxLayout(m_secondRow);
    secondRow->setContentsMargins(0, 0, 0, 0);
    secondRow->setSpacing(gap);
    secondRow->addWidget(m_chip);
    secondRow->addWidget(m_exitLabel);
    secondRow->addWidget(m_droppedLabel);
    secondRow->addStretch(1);
    secondRow->addWidget(m_killButton);
    secondRow->addWidget(m_cpu);
    connect(m_cpu, &CpuSparkline::widthChanged, this, &OutputPane::fitSecondRow);

    auto *headerLayout = new QVBoxLayout(m_header);
    const int bar = std::max(3, fontMetrics().height() / 5);
    headerLayout->setContentsMargins(bar + gap, 2, 2, 2);
    headerLayout->setSpacing(1);
    headerLayout->addLayout(firstRow);
    headerLayout->addWidget(m_secondRow);
    headerLayout->addWidget(m_detailLabel);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_header);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_findBar);
    layout->addWidget(m_view, 1);

    m_toolBar->hide();
    connect(m_toolsButton, &QToolButton::toggled, this, &OutputPane::setToolsVisible);
    connect(m_killButton, &QToolButton::clicked, this, [this] { emit killRequested(m_processId); });
    connect(m_actions, &OutputActions::filterRequested, this, [this] {
        setToolsVisible(true);
        m_toolBar->focusFilter();
    });
    connect(m_actions, &OutputActions::findRequested, m_findBar, &OutputFindBar::activate);
    connect(m_view, &OutputView::countsChanged, this, &OutputPane::updateDropped);
    connect(m_view, &OutputView::filterChanged, this, [this] { setToolsVisible(m_toolsButton->isChecked()); });

    setFocusProxy(m_view);
    retranslate();
}

QString OutputPane::displayName() const
{
    return ProcessStatusText::roleName(m_processId, m_role);
}

void OutputPane::retranslate()
{
    m_roleLabel->setFullText(displayName());
    m_view->setProcessName(m_processId, displayName());
    m_elapsedLabel->setToolTip(tr("Time since the process was started (live while it runs)"));
    m_toolsButton->setToolTip(tr("Show the tools: filter, find, copy, clear, save"));
    m_killButton->setText(tr("Kill…"));
    m_killButton->setToolTip(tr("Kill this worker: ProcessLab kills it on purpose, as if it crashed, to show "
                                "what the pool does (its task is lost, a new worker takes its place)"));
    updateProcess(m_summary, 0);
    updateDropped();
}

void OutputPane::setKillable(bool killable)
{
    if (killable == m_killable)
        return;
    m_killable = killable;
    m_killButton->setVisible(killable);
}

void OutputPane::setRole(const QString &role)
{
    if (role == m_role)
        return;
    m_role = role;
    m_summary.role = role;
    m_roleLabel->setFullText(displayName());
    m_view->setProcessName(m_processId, displayName());
    m_actions->setSaveBaseName(role.toLower().replace(u' ', u'-'));
    emit statusChanged();
}

void OutputPane::updateProcess(const ProcessSummary &summary, qint64 nowNs)
{
    const bool stateChanged = summary.state != m_summary.state;
    m_summary = summary;
    m_summary.role = m_role; // the role given to the area wins (it may be translated)
    if (nowNs > 0)
        m_nowNs = nowNs;
    // The name's tool tip says what the process is (Main: the example's main program).
    const QString roleToolTip = ProcessStatusText::roleToolTip(m_summary);
    m_roleLabel->setToolTip(roleToolTip);
    m_header->setToolTip(roleToolTip);

    m_chip->setState(summary.state);
    // Main is the example's own program: it has a status line, never an exit code. (A Python
    // run's MainProcess is the interpreter: a process like the others, with its exit code.)
    const bool isMain = ProcessStatusText::isPlayedMain(m_summary);
    const QString detail = isMain ? ProcessStatusText::mainProgramStatus(m_summary, m_mainPosition) : summary.detail;
    m_chip->setToolTip(detail.isEmpty() || detail == m_chip->text() ? m_chip->text() : m_chip->text() + u": " + detail);

    // Room for "999 ms" or "99.9 s", so the row does not jitter as the time ticks.
    const QFontMetrics elapsedMetrics = m_elapsedLabel->fontMetrics();
    m_elapsedLabel->setMinimumWidth(std::max(elapsedMetrics.horizontalAdvance(ProcessStatusText::duration(999'000'000)),
                                             elapsedMetrics.horizontalAdvance(ProcessStatusText::duration(99'900'000'000))));
    m_elapsedLabel->setText(elapsedText());
    fitFirstRow();

    const QString exit = exitText();
    QStringList exitTexts;
    if (!exit.isEmpty()) {
        exitTexts = QStringList{exit, ProcessStatusText::exitStatusShort(m_summary), ProcessStatusText::exitCodeOnly(m_summary)};
        exitTexts.removeDuplicates();
    }
    m_exitLabel->setTexts(exitTexts);
    m_exitLabel->setVisible(!exit.isEmpty());
    const bool dark = isDarkPalette(palette());
    const std::optional<int> code = ProcessStatusText::pythonExitCode(m_summary);
    const bool bad = (code && *code != 0) || summary.state == ProcessState::Failed;
    setTextColor(m_exitLabel, bad ? stateColor(ProcessState::Failed, dark) : palette().color(QPalette::WindowText));
    // "stopped · exit −15 (SIGTERM)" says it all; the core's "stopped" note stays in the chip's tool tip.
    // Main's "finished" is the chip's word already.
    const bool redundant = (!isMain && summary.state == ProcessState::Killed && !exit.isEmpty())
                           || detail == m_chip->text();
    if (!m_poolActivity.text.isEmpty()) {
        // A pool worker: what it runs says more than the recorded detail (in the chip's tool tip).
        m_detailLabel->setFullText(m_poolActivity.text);
        m_detailLabel->setToolTip(m_poolActivity.toolTip);
    } else {
        m_detailLabel->setFullText(redundant ? QString() : detail);
    }
    setTextColor(m_detailLabel, m_poolActivity.lost ? stateColor(ProcessState::Failed, dark)
                                                    : palette().color(QPalette::WindowText));
    m_detailLabel->setVisible(!m_detailLabel->fullText().isEmpty());
    if (stateChanged)
        emit statusChanged();
    fitSecondRow();
}

void OutputPane::setMainProgramPosition(const MainProgramPosition &position)
{
    if (position.activity == m_mainPosition.activity && position.line == m_mainPosition.line
        && position.source == m_mainPosition.source)
        return;
    m_mainPosition = position;
    updateProcess(m_summary, 0);
}

QString OutputPane::detailText() const
{
    return m_detailLabel->fullText();
}

QString OutputPane::stateText() const
{
    return m_chip->text();
}

QString OutputPane::exitText() const
{
    return ProcessStatusText::exitStatus(m_summary);
}

QString OutputPane::elapsedText() const
{
    const qint64 now = m_summary.endNs ? m_summary.endNs : m_nowNs;
    const qint64 ns = now ? ProcessStatusText::elapsedNs(m_summary, now) : -1;
    return ns >= 0 ? ProcessStatusText::duration(ns) : QString();
}

QString OutputPane::droppedText() const
{
    const qint64 dropped = m_view->droppedLines();
    // Worded so that it reads right for any count without plural forms.
    return dropped > 0 ? tr("lines dropped: %1").arg(QLocale().toString(dropped)) : QString();
}

void OutputPane::updateDropped()
{
    const QString text = droppedText();
    m_droppedLabel->setText(text);
    m_droppedLabel->setVisible(!text.isEmpty());
    fitSecondRow();
    const QLocale locale;
    m_droppedLabel->setToolTip(tr("%1 lines received = %2 kept + %3 dropped (a pane keeps the last %4 lines)")
                                   .arg(locale.toString(m_view->receivedLines()), locale.toString(m_view->shownLines()),
                                        locale.toString(m_view->droppedLines()), locale.toString(m_view->lineCap())));
    setTextColor(m_droppedLabel, stateColor(ProcessState::Killed, isDarkPalette(palette())));
}

void OutputPane::setToolsVisible(bool visible)
{
    // Keep the row while a filter is active, so hidden lines are never a mystery.
    const bool show = visible || !m_view->filter().isEmpty();
    m_toolBar->setVisible(show);
    if (m_toolsButton->isChecked() != show) {
        const QSignalBlocker blocker(m_toolsButton);
        m_toolsButton->setChecked(show);
    }
}

bool OutputPane::toolsVisible() const
{
    return m_toolBar->isVisibleTo(this);
}

void OutputPane::resizeEvent(QResizeEvent *event)
{
    QFrame::resizeEvent(event);
    fitFirstRow();
    fitSecondRow();
}

void OutputPane::fitSecondRow()
{
    // The CPU sparkline comes last: shown only where the state, the whole exit status and the
    // dropped lines leave room for it, so it never narrows them nor widens the grid's columns.
    // Sized for the text it shows; where the header is narrow the curve goes before the number.
    const QMargins margins = m_header->layout()->contentsMargins();
    const int gap = fontMetrics().horizontalAdvance(u' ');
    const int available = contentsRect().width() - margins.left() - margins.right();
    int needed = m_chip->sizeHint().width() + gap;
    if (m_exitLabel->isVisibleTo(this))
        needed += gap + m_exitLabel->sizeHint().width();
    if (m_droppedLabel->isVisibleTo(this))
        needed += gap + m_droppedLabel->sizeHint().width();
    const bool chart = needed + m_cpu->widthWithChart() <= available;
    m_cpu->setChartShown(chart);
    m_cpu->setVisible(chart || needed + m_cpu->textOnlyWidth() <= available);
}

void OutputPane::fitFirstRow()
{
    const QMargins margins = m_header->layout()->contentsMargins();
    const int gap = fontMetrics().horizontalAdvance(u' ');
    const int available = contentsRect().width() - margins.left() - margins.right() - m_toolsButton->sizeHint().width() - gap;
    const int role = QFontMetrics(m_roleLabel->font()).horizontalAdvance(m_roleLabel->fullText()) + 1;
    const QFontMetrics fm = m_pidLabel->fontMetrics();
    const QString elapsed = m_elapsedLabel->text();
    const int elapsedWidth = elapsed.isEmpty() ? 0 : gap + std::max(m_elapsedLabel->minimumWidth(), fm.horizontalAdvance(elapsed));
    const QString pidFull = m_summary.pid ? tr("PID %1").arg(m_summary.pid) : QString();
    const QString pidShort = m_summary.pid ? QString::number(m_summary.pid) : QString();
    const auto width = [&](const QString &text) { return text.isEmpty() ? 0 : gap + fm.horizontalAdvance(text) + 1; };
    // The first of these that leaves the name whole.
    const struct
    {
        QString pid;
        bool elapsed;
    } choices[] = {{pidFull, true}, {pidShort, true}, {pidShort, false}, {QString(), false}};
    auto chosen = std::cend(choices) - 1;
    for (auto it = std::cbegin(choices); it != std::cend(choices); ++it) {
        if (role + width(it->pid) + (it->elapsed ? elapsedWidth : 0) <= available) {
            chosen = it;
            break;
        }
    }
    m_pidLabel->setText(chosen->pid);
    m_pidLabel->setToolTip(pidFull);
    m_pidLabel->setVisible(!chosen->pid.isEmpty());
    m_elapsedLabel->setVisible(chosen->elapsed && !elapsed.isEmpty());
}

int OutputPane::stableMinimumWidth() const
{
    // Independent of what the header shows right now, so the grid's columns do not change
    // while a run goes on: a few letters of the role, the widest PID Linux hands out and a
    // long elapsed time on the first row; the widest state and the short exit status after
    // a stop ("−15 (SIGTERM)") on the second.
    const QFontMetrics fm = fontMetrics();
    const QFontMetrics bold(m_roleLabel->font());
    const int gap = fm.horizontalAdvance(u' ');
    const QMargins margins = m_header->layout()->contentsMargins();
    const int firstRow = bold.horizontalAdvance(QStringLiteral("W…")) + gap
                         + fm.horizontalAdvance(tr("PID %1").arg(4194304)) + gap + widestElapsedWidth(fm) + gap
                         + m_toolsButton->sizeHint().width();
    int stoppedExit = 0;
    for (const int signal : {15, 9}) { // Stop sends SIGTERM, then SIGKILL to a process that stays
        ProcessSummary stopped;
        stopped.id = mainProcessId + 1; // any worker
        stopped.state = ProcessState::Killed;
        stopped.hasExitStatus = true;
        stopped.exitSignal = signal;
        stoppedExit = std::max(stoppedExit, fm.horizontalAdvance(ProcessStatusText::exitStatusShort(stopped)) + 1);
    }
    const int secondRow = m_chip->widestWidth() + gap + stoppedExit; // the CPU sparkline only if room is left
    const int header = std::max(firstRow, secondRow) + margins.left() + margins.right();
    return std::max(header, m_view->fontMetrics().averageCharWidth() * 24) + 2 * frameWidth();
}

int OutputPane::widestElapsedWidth(const QFontMetrics &fm)
{
    int widest = 0;
    for (const qint64 ns : {999'000'000LL, 9'990'000'000LL, 99'900'000'000LL, 3'599'000'000'000LL})
        widest = std::max(widest, fm.horizontalAdvance(ProcessStatusText::duration(ns)));
    return widest;
}

QSize OutputPane::minimumSizeHint() const
{
    const QFontMetrics fm = m_view->fontMetrics();
    // The header and a few lines of text.
    // The document's own margin (top and bottom) comes on top of the lines themselves.
    const int documentMargins = 2 * int(std::ceil(m_view->document()->documentMargin()));
    const int height = m_header->sizeHint().height() + fm.lineSpacing() * minimumTextLines + documentMargins
                       + 2 * frameWidth() + 4;
    // Never less than the layout needs: below it the layout squeezes the header too, and the
    // last line of Main's note ("waiting at line 33: …") would be cut.
    return {stableMinimumWidth(), std::max(height, QFrame::minimumSizeHint().height())};
}

void OutputPane::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        updateProcess(m_summary, 0);
        updateDropped();
    } else if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
}

} // namespace ProcessLab
