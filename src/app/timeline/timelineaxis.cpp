// SPDX-License-Identifier: MIT
#include "timelineaxis.h"

#include "processcolors.h"
#include "timelinemath.h"
#include "zoomstate.h"

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <cmath>

namespace ProcessLab {

TimelineAxis::TimelineAxis(ZoomState *zoom, QWidget *parent)
    : QWidget(parent)
    , m_zoom(zoom)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    connect(m_zoom, &ZoomState::zoomChanged, this, qOverload<>(&QWidget::update));
}

void TimelineAxis::setTrack(int left, int width)
{
    if (left == m_trackLeft && width == m_trackWidth)
        return;
    m_trackLeft = left;
    m_trackWidth = std::max(1, width);
    update();
}

void TimelineAxis::setNowNs(qint64 nowNs)
{
    if (nowNs == m_nowNs)
        return;
    m_nowNs = nowNs;
    update();
}

QSize TimelineAxis::sizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    const int pad = std::max(2, fm.height() / 5);
    return {fm.horizontalAdvance(u'0') * 40, fm.height() + 3 * pad};
}

QSize TimelineAxis::minimumSizeHint() const
{
    return {0, sizeHint().height()};
}

void TimelineAxis::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && event->position().x() >= m_trackLeft)
        emitTimeAt(int(event->position().x()));
    QWidget::mousePressEvent(event);
}

void TimelineAxis::mouseMoveEvent(QMouseEvent *event)
{
    if ((event->buttons() & Qt::LeftButton) && event->position().x() >= m_trackLeft)
        emitTimeAt(int(event->position().x()));
    QWidget::mouseMoveEvent(event);
}

void TimelineAxis::emitTimeAt(int x)
{
    emit timePressed(std::max<qint64>(0, math().nsForX(x - m_trackLeft)));
}

TimelineMath TimelineAxis::math() const
{
    return {m_zoom->startNs(), m_zoom->endNs(), static_cast<double>(m_trackWidth)};
}

qint64 TimelineAxis::tickStepFor(const TimelineMath &math, const QFontMetrics &fm)
{
    const int gap = fm.horizontalAdvance(u'0') * 3;
    qint64 step = math.tickStep(fm.horizontalAdvance(QStringLiteral("000 ms")) + gap);
    // Grow the step until the widest label of this step fits between two ticks.
    for (int attempt = 0; attempt < 8; ++attempt) {
        int widest = 0;
        for (const qint64 t : {math.startNs, math.endNs, step, math.endNs - step}) {
            const qint64 tick = t / step * step;
            widest = std::max(widest, fm.horizontalAdvance(TimelineMath::formatTick(tick, step)));
        }
        if (step / math.nsPerPixel() >= widest + gap)
            break;
        step = TimelineMath::niceStep(step + 1);
    }
    return step;
}

void TimelineAxis::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    paint(painter, width());
}

void TimelineAxis::paint(QPainter &painter, int width) const
{
    painter.setFont(font());
    const int height = sizeHint().height();
    const QRect rect(0, 0, width, height);
    const QPalette &pal = palette();
    const bool dark = isDarkPalette(pal);
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    const QColor muted = blendColors(text, base, 0.4);
    const QFontMetrics fm = fontMetrics();
    const int pad = std::max(2, fm.height() / 5);

    painter.fillRect(rect, blendColors(base, text, dark ? 0.07 : 0.04));
    painter.setPen(blendColors(base, text, 0.25));
    painter.drawLine(0, height - 1, width, height - 1);

    // Header over the label column.
    painter.setPen(muted);
    painter.drawText(QRect(2 * pad, 0, m_trackLeft - 3 * pad, height),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     fm.elidedText(tr("Process"), Qt::ElideRight, m_trackLeft - 3 * pad));

    const TimelineMath m = math();
    const qint64 step = tickStepFor(m, fm);
    painter.setClipRect(QRect(m_trackLeft, 0, width - m_trackLeft, height));
    const int labelTop = pad;
    QList<QLine> ticks;
    int lastLabelRight = m_trackLeft - 1;
    painter.setPen(text);
    for (const qint64 t : m.ticks(step)) {
        const int x = m_trackLeft + static_cast<int>(std::lround(m.xForNs(t)));
        ticks.append(QLine(x, height - 1 - pad * 2, x, height - 1));
        const QString label = TimelineMath::formatTick(t, step);
        const int w = fm.horizontalAdvance(label);
        const int left = x + pad;
        if (left > lastLabelRight && left + w <= width) {
            painter.drawText(QRect(left, labelTop, w + 1, fm.height()),
                             Qt::AlignLeft | Qt::AlignVCenter, label);
            lastLabelRight = left + w + pad;
        }
    }
    painter.setPen(muted);
    painter.drawLines(ticks);

    if (m_nowNs >= 0 && m.isVisible(m_nowNs)) {
        // A small downward triangle at "now", matching the dashed line in the rows.
        const double x = m_trackLeft + m.xForNs(m_nowNs);
        const double s = pad * 2.5;
        const QPointF triangle[3] = {{x - s / 2, height - 1 - s}, {x + s / 2, height - 1 - s},
                                     {x, height - 1.0}};
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setPen(Qt::NoPen);
        painter.setBrush(stateColor(ProcessState::Failed, dark));
        painter.drawPolygon(triangle, 3);
    }
}

void TimelineAxis::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        event->ignore();
        return;
    }
    const TimelineMath m = math();
    const double x = event->position().x() - m_trackLeft;
    const qint64 anchor = (x >= 0) ? m.nsForX(x) : m_zoom->startNs();
    m_zoom->zoomAround(anchor, std::pow(1.0015, delta));
    event->accept();
}

void TimelineAxis::mouseDoubleClickEvent(QMouseEvent *event)
{
    m_zoom->resetZoom();
    event->accept();
}

} // namespace ProcessLab
