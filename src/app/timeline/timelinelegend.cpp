// SPDX-License-Identifier: MIT
#include "timelinelegend.h"

#include "output/processstatustext.h"

#include "processcolors.h"
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

QStringList TimelineLegend::texts() const
{
    return {ProcessStatusText::state(ProcessState::Starting), ProcessStatusText::state(ProcessState::Ready),
            ProcessStatusText::state(ProcessState::Running), tr("printed line"), tr("stderr line"),
            ProcessStatusText::state(ProcessState::Finished), ProcessStatusText::state(ProcessState::Failed),
            ProcessStatusText::state(ProcessState::Killed), hintText()};
}

QSize TimelineLegend::sizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    return {fm.horizontalAdvance(u'0') * 80, fm.height() + 2 * std::max(2, fm.height() / 5)};
}

QSize TimelineLegend::minimumSizeHint() const
{
    return {0, sizeHint().height()};
}

void TimelineLegend::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const TimelineColors colors = TimelineColors::fromPalette(palette());
    const QFontMetrics fm = fontMetrics();
    const int pad = std::max(2, fm.height() / 5);
    const int h = fm.height();
    const int swatchW = h * 3 / 2;
    const int swatchH = h * 2 / 3;
    const int cy = height() / 2;
    const QColor sample = processColor(1, colors.dark);
    painter.fillRect(rect(), colors.base);

    int x = 2 * pad;
    const auto label = [&](const QString &text, const QColor &color) {
        painter.setPen(color);
        const int w = fm.horizontalAdvance(text);
        painter.drawText(QRect(x, 0, w + 1, height()), Qt::AlignLeft | Qt::AlignVCenter, text);
        x += w + 3 * pad;
    };
    const auto bar = [&](ProcessState state, const QString &text) {
        TimelinePainter::fillSegment(painter, QRectF(x, cy - swatchH / 2, swatchW, swatchH), state,
                                     sample, colors);
        x += swatchW + pad;
        label(text, colors.text);
    };
    const int tickWidth = std::max(1, static_cast<int>(std::lround(h / 18.0))); // as in rows
    // A dot (one line on its own) and a few ticks (lines close together), as in the rows.
    const auto ticks = [&](const QColor &color, const QString &text) {
        const double d = swatchH * 0.8;
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawEllipse(QRectF(x, cy - d / 2, d, d));
        painter.setRenderHint(QPainter::Antialiasing, false);
        x += static_cast<int>(std::ceil(d)) + pad;
        for (int i = 0; i < 4; ++i)
            painter.fillRect(x + i * 2 * tickWidth, cy - swatchH / 2, tickWidth, swatchH, color);
        x += 7 * tickWidth + pad;
        label(text, colors.text);
    };
    const auto glyph = [&](ProcessState state) {
        TimelinePainter::drawEndGlyph(painter, QRectF(x, cy - h / 2.0, h, h), state, colors);
        x += h + pad;
        label(ProcessStatusText::state(state), colors.text);
    };

    painter.setRenderHint(QPainter::Antialiasing, false);
    bar(ProcessState::Starting, ProcessStatusText::state(ProcessState::Starting));
    bar(ProcessState::Ready, ProcessStatusText::state(ProcessState::Ready));
    bar(ProcessState::Running, ProcessStatusText::state(ProcessState::Running));
    ticks(colors.stdoutTick, tr("printed line"));
    ticks(colors.stderrTick, tr("stderr line"));
    glyph(ProcessState::Finished);
    glyph(ProcessState::Failed);
    glyph(ProcessState::Killed);

    const QString hint = hintText();
    const int room = width() - x - 2 * pad;
    if (room > fm.horizontalAdvance(u'0') * 12) {
        painter.setPen(colors.mutedText);
        painter.drawText(QRect(x, 0, room, height()), Qt::AlignLeft | Qt::AlignVCenter,
                         fm.elidedText(hint, Qt::ElideRight, room));
    }
}

} // namespace ProcessLab
