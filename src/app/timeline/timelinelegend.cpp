// SPDX-License-Identifier: MIT
#include "timelinelegend.h"

#include "output/processstatustext.h"

#include "cpulane.h"
#include "processcolors.h"
#include "queuedepthlane.h"
#include "timelinepainter.h"

#include <QPainter>

#include <cmath>

namespace ProcessLab {

TimelineLegend::TimelineLegend(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

QString TimelineLegend::hintText()
{
    return tr("Ctrl+wheel: zoom · drag: pan · double-click: fit · click a tick: show the line");
}

namespace {
QString poolTaskText(PoolTaskOutcome outcome)
{
    switch (outcome) {
    case PoolTaskOutcome::Finished: return TimelineLegend::tr("task done");
    case PoolTaskOutcome::Failed: return TimelineLegend::tr("task raised");
    case PoolTaskOutcome::Lost: return TimelineLegend::tr("task lost");
    default: return TimelineLegend::tr("task running");
    }
}
constexpr PoolTaskOutcome legendOutcomes[] = {PoolTaskOutcome::Running, PoolTaskOutcome::Finished,
                                              PoolTaskOutcome::Failed, PoolTaskOutcome::Lost};
} // namespace

QString TimelineLegend::waitText()
{
    return tr("waiting (blocked)");
}

QString TimelineLegend::cpuText()
{
    return tr("CPU use");
}

void TimelineLegend::setShown(bool *flag, bool shown)
{
    if (shown == *flag)
        return;
    *flag = shown;
    updateGeometry();
    update();
}

void TimelineLegend::setPoolTasksShown(bool shown)
{
    setShown(&m_poolTasksShown, shown);
}

void TimelineLegend::setWaitsShown(bool shown)
{
    setShown(&m_waitsShown, shown);
}

void TimelineLegend::setCpuShown(bool shown)
{
    setShown(&m_cpuShown, shown);
}

QStringList TimelineLegend::texts() const
{
    QStringList list{ProcessStatusText::state(ProcessState::Starting), ProcessStatusText::state(ProcessState::Ready),
                     ProcessStatusText::state(ProcessState::Running)};
    if (m_waitsShown)
        list.append(waitText());
    if (m_cpuShown)
        list.append(cpuText());
    if (m_poolTasksShown) {
        for (const PoolTaskOutcome outcome : legendOutcomes)
            list.append(poolTaskText(outcome));
    }
    list += {tr("printed line"), tr("stderr line"),
             ProcessStatusText::state(ProcessState::Finished), ProcessStatusText::state(ProcessState::Failed),
             ProcessStatusText::state(ProcessState::Killed), hintText()};
    return list;
}

struct TimelineLegend::Item
{
    enum class Kind { Bar, Wait, Cpu, Ticks, Glyph, Hint, PoolTask };
    Kind kind = Kind::Bar;
    PoolTaskOutcome outcome = PoolTaskOutcome::Finished; // PoolTask
    ProcessState state = ProcessState::Running; // Bar, Glyph
    bool stderrTicks = false;                   // Ticks
    QString text;
    int markWidth = 0; // the swatch, ticks or glyph before the text
    int x = 0;         // laid out
    int line = 0;
    QString shownText; // the text as drawn (the hint may be elided)
};

int TimelineLegend::lineHeight() const
{
    const QFontMetrics fm = fontMetrics();
    return fm.height() + 2 * std::max(2, fm.height() / 5);
}

int TimelineLegend::layoutItems(int width, QList<Item> *items) const
{
    const QFontMetrics fm = fontMetrics();
    const int pad = std::max(2, fm.height() / 5);
    const int h = fm.height();
    const int swatchW = h * 3 / 2;
    const int swatchH = h * 2 / 3;
    const int tickWidth = std::max(1, static_cast<int>(std::lround(h / 18.0)));
    const int ticksW = static_cast<int>(std::ceil(swatchH * 0.8)) + pad + 7 * tickWidth;
    using K = Item::Kind;
    QList<Item> list;
    for (const ProcessState state :
         {ProcessState::Starting, ProcessState::Ready, ProcessState::Running})
        list.append({K::Bar, PoolTaskOutcome::Finished, state, false, ProcessStatusText::state(state), swatchW, 0, 0, {}});
    if (m_waitsShown)
        list.append({K::Wait, PoolTaskOutcome::Finished, ProcessState::Running, false, waitText(), swatchW, 0, 0, {}});
    if (m_cpuShown)
        list.append({K::Cpu, PoolTaskOutcome::Finished, ProcessState::Running, false, cpuText(), swatchW, 0, 0, {}});
    if (m_poolTasksShown) {
        for (const PoolTaskOutcome outcome : legendOutcomes)
            list.append({K::PoolTask, outcome, ProcessState::Running, false, poolTaskText(outcome), swatchW, 0, 0, {}});
    }
    list.append({K::Ticks, PoolTaskOutcome::Finished, ProcessState::Running, false, tr("printed line"), ticksW, 0, 0, {}});
    list.append({K::Ticks, PoolTaskOutcome::Finished, ProcessState::Running, true, tr("stderr line"), ticksW, 0, 0, {}});
    for (const ProcessState state :
         {ProcessState::Finished, ProcessState::Failed, ProcessState::Killed})
        list.append({K::Glyph, PoolTaskOutcome::Finished, state, false, ProcessStatusText::state(state), h, 0, 0, {}});
    list.append({K::Hint, PoolTaskOutcome::Finished, ProcessState::Running, false, hintText(), 0, 0, 0, {}});

    const int left = 2 * pad;
    const int right = std::max(left + 1, width - 2 * pad);
    int x = left;
    int line = 0;
    for (Item &item : list) {
        const int markW = item.markWidth > 0 ? item.markWidth + pad : 0;
        int textW = fm.horizontalAdvance(item.text);
        if (x > left && x + markW + textW > right) {
            ++line;
            x = left;
        }
        item.shownText = item.text;
        if (x + markW + textW > right) { // alone on a line and still too wide
            textW = std::max(0, right - x - markW);
            item.shownText = fm.elidedText(item.text, Qt::ElideRight, textW);
        }
        item.x = x;
        item.line = line;
        x += markW + textW + 3 * pad;
    }
    if (items)
        *items = std::move(list);
    return line + 1;
}

int TimelineLegend::heightForWidth(int width) const
{
    return layoutItems(width, nullptr) * lineHeight();
}

QSize TimelineLegend::sizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    return {fm.horizontalAdvance(u'0') * 80, lineHeight()};
}

QSize TimelineLegend::minimumSizeHint() const
{
    return {0, lineHeight()};
}

void TimelineLegend::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QString toolTipText = paint(painter, width());
    if (toolTip() != toolTipText)
        setToolTip(toolTipText); // the full text of what had to be elided
}

QString TimelineLegend::paint(QPainter &painter, int width) const
{
    painter.setFont(font());
    const TimelineColors colors = TimelineColors::fromPalette(palette());
    const QFontMetrics fm = fontMetrics();
    const int pad = std::max(2, fm.height() / 5);
    const int h = fm.height();
    const int swatchH = h * 2 / 3;
    const int lineH = lineHeight();
    const int tickWidth = std::max(1, static_cast<int>(std::lround(h / 18.0))); // as in rows
    const QColor sample = processColor(1, colors.dark);
    painter.fillRect(QRect(0, 0, width, heightForWidth(width)), colors.base);

    QList<Item> items;
    layoutItems(width, &items);
    QString toolTipText;
    for (const Item &item : items) {
        const int top = item.line * lineH;
        const int cy = top + lineH / 2;
        int x = item.x;
        painter.setRenderHint(QPainter::Antialiasing, false);
        switch (item.kind) {
        case Item::Kind::Bar:
            TimelinePainter::fillSegment(painter, QRectF(x, cy - swatchH / 2, item.markWidth, swatchH),
                                         item.state, sample, colors);
            break;
        case Item::Kind::Wait:
            // Over a running bar, as a blocked put/get/recv/acquire is drawn on its row.
            TimelinePainter::fillSegment(painter, QRectF(x, cy - swatchH / 2, item.markWidth, swatchH),
                                         ProcessState::Running, sample, colors);
            IpcWaitPainter::fillWait(painter, QRect(x + item.markWidth / 4, cy - swatchH / 2, item.markWidth / 2, swatchH),
                                     colors);
            break;
        case Item::Kind::Cpu: {
            // A running bar with a CPU step curve over it, drawn by the lane itself.
            const QRectF bar(x, cy - swatchH / 2, item.markWidth, swatchH);
            TimelinePainter::fillSegment(painter, bar, ProcessState::Running, sample, colors);
            CpuLane::paintSwatch(painter, bar, sample, colors);
            break;
        }
        case Item::Kind::Ticks: {
            // A dot (one line on its own) and a few ticks (lines close together), as in the rows.
            const QColor color = item.stderrTicks ? colors.stderrTick : colors.stdoutTick;
            const double d = swatchH * 0.8;
            painter.setRenderHint(QPainter::Antialiasing, true);
            painter.setPen(Qt::NoPen);
            painter.setBrush(color);
            painter.drawEllipse(QRectF(x, cy - d / 2, d, d));
            painter.setRenderHint(QPainter::Antialiasing, false);
            const int tx = x + static_cast<int>(std::ceil(d)) + pad;
            for (int i = 0; i < 4; ++i)
                painter.fillRect(tx + i * 2 * tickWidth, cy - swatchH / 2, tickWidth, swatchH, color);
            break;
        }
        case Item::Kind::Glyph:
            TimelinePainter::drawEndGlyph(painter, QRectF(x, cy - h / 2.0, h, h), item.state, colors);
            break;
        case Item::Kind::PoolTask:
        {
            // Done and running tasks take their worker's colour: a neutral swatch (two tasks side
            // by side, as on a row) says so without meaning worker 1.
            const QColor neutral = blendColors(colors.text, colors.base, 0.5);
            const QRectF swatch(x, cy - swatchH / 2, item.markWidth, swatchH);
            TimelinePainter::fillPoolTask(painter, swatch, item.outcome, neutral, colors);
            if (item.outcome == PoolTaskOutcome::Finished || item.outcome == PoolTaskOutcome::Running) {
                painter.setPen(QPen(colors.base, 1));
                const int split = x + item.markWidth / 2;
                painter.drawLine(split, int(swatch.top()), split, int(swatch.bottom()));
            }
        }
            break;
        case Item::Kind::Hint:
            break;
        }
        if (item.markWidth > 0)
            x += item.markWidth + pad;
        painter.setPen(item.kind == Item::Kind::Hint ? colors.mutedText : colors.text);
        painter.drawText(QRect(x, top, fm.horizontalAdvance(item.shownText) + 1, lineH),
                         Qt::AlignLeft | Qt::AlignVCenter, item.shownText);
        if (item.shownText != item.text)
            toolTipText += (toolTipText.isEmpty() ? QString() : QStringLiteral("\n")) + item.text;
    }
    return toolTipText;
}

} // namespace ProcessLab
