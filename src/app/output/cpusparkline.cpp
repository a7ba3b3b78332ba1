// SPDX-License-Identifier: MIT
#include "cpusparkline.h"

#include "processstatustext.h"

#include "processcolors.h"
#include "runtime/platform/processsampler.h"

#include <QEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace ProcessLab {

QString formatMemory(qint64 bytes)
{
    if (bytes < 0)
        return QStringLiteral("—");
    return CpuSparkline::tr("%1 MiB").arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1);
}

QString formatCpuPercent(qint64 permille)
{
    if (permille < 0)
        return QStringLiteral("—");
    return CpuSparkline::tr("%1%").arg((permille + 5) / 10);
}

CpuSparkline::CpuSparkline(int processId, QWidget *parent)
    : QWidget(parent)
    , m_processId(processId)
{
    setObjectName(QStringLiteral("cpuSparkline"));
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    updateTexts();
}

void CpuSparkline::setSamples(const ResourceSeries &series, const ProcessSummary &summary, qint64 nowNs)
{
    const qint64 windowEnd = summary.hasEnded() && summary.endNs ? summary.endNs : nowNs;
    // The last 10 s, or its whole life when shorter (at least 1 s): a 2 s run fills the chart.
    const qint64 started = summary.startingNs ? summary.startingNs : windowEnd - windowNs;
    const qint64 windowBegin = std::min(windowEnd - minimumWindowNs, std::max(windowEnd - windowNs, started));
    const QList<ResourcePoint> &all = series.points(m_processId);
    const qsizetype first = series.firstEndingAfter(m_processId, windowBegin);
    const bool changed = windowEnd != m_windowEndNs || windowBegin != m_windowBeginNs || all.size() - first != m_points.size()
                         || summary.cpuNs != m_summary.cpuNs || summary.state != m_summary.state
                         || summary.residentBytes != m_summary.residentBytes;
    if (!changed)
        return;
    m_points = all.mid(first);
    m_summary = summary;
    m_windowEndNs = windowEnd;
    m_windowBeginNs = windowBegin;
    updateTexts();
    update();
}

void CpuSparkline::updateTexts()
{
    const int widthBefore = textWidth();
    const bool sampled = m_summary.cpuNs >= 0;
    const QString seconds = sampled ? tr("%1 s").arg(double(m_summary.cpuNs) / 1e9, 0, 'f', 2) : QString();
    // "CPU 97%" while it runs, "CPU 0.60 s" (its whole CPU time) once it ended.
    if (!sampled)
        m_valueText = tr("CPU %1").arg(QStringLiteral("—"));
    else if (m_summary.hasEnded())
        m_valueText = tr("CPU %1").arg(seconds);
    else
        m_valueText = tr("CPU %1").arg(formatCpuPercent(m_summary.cpuPermille));

    QString tip;
    if (ProcessStatusText::isPlayedMain(m_summary))
        tip = tr("Main is played by ProcessLab itself: its CPU use is the app's own work, so it is not measured.");
    else if (!ProcessSampler::isAvailable())
        tip = tr("CPU and memory use cannot be measured on this system.");
    else if (!sampled)
        tip = tr("CPU use: not measured yet.");
    else {
        tip = m_summary.hasEnded() ? tr("CPU time in total: %1").arg(seconds)
                                   : tr("CPU: %1 of one core (last sample)\nCPU time so far: %2")
                                         .arg(formatCpuPercent(m_summary.cpuPermille), seconds);
        tip += u'\n' + tr("Memory (resident): %1, at most %2")
                           .arg(formatMemory(m_summary.residentBytes), formatMemory(m_summary.peakResidentBytes));
        tip += u'\n' + tr("The curve: CPU use since it started, at most the last %n second(s); 0–100% of one core.",
                           nullptr, int(windowNs / 1'000'000'000));
    }
    setToolTip(tip);
    updateGeometry();
    if (textWidth() != widthBefore)
        emit widthChanged();
}

int CpuSparkline::chartWidth() const
{
    return fontMetrics().horizontalAdvance(u'0') * 7;
}

int CpuSparkline::textWidth() const
{
    const QFontMetrics fm = fontMetrics();
    // The text it shows; while the process runs, room for "100%" so the header does not jump
    // with every sample. Once it ended, just its total ("CPU 0.30 s"): a narrow header keeps it.
    const int shown = fm.horizontalAdvance(m_valueText);
    if (m_summary.hasEnded())
        return shown;
    return std::max(shown, fm.horizontalAdvance(tr("CPU %1").arg(formatCpuPercent(1000))));
}

int CpuSparkline::widthWithChart() const
{
    return chartWidth() + fontMetrics().horizontalAdvance(u' ') + textWidth() + 1;
}

int CpuSparkline::textOnlyWidth() const
{
    return textWidth() + 1;
}

void CpuSparkline::setChartShown(bool shown)
{
    if (shown == m_chartShown)
        return;
    m_chartShown = shown;
    updateGeometry();
    update();
}

QSize CpuSparkline::sizeHint() const
{
    return {m_chartShown ? widthWithChart() : textOnlyWidth(), fontMetrics().height()};
}

void CpuSparkline::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::LanguageChange) {
        updateTexts();
    }
    if (event->type() == QEvent::PaletteChange)
        update();
    QWidget::changeEvent(event);
}

void CpuSparkline::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const bool dark = isDarkPalette(palette());
    const QColor color = processColor(m_processId, dark);
    const QRectF chart(0.5, 1.5, chartWidth() - 1.0, height() - 3.0);
    if (m_summary.cpuNs < 0 || !m_chartShown) { // nothing measured: no empty chart that reads as 0 %
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(rect(), Qt::AlignRight | Qt::AlignVCenter, m_valueText);
        return;
    }
    // The frame: 0 % at the bottom, 100 % of one core at the top.
    QColor frame = palette().color(QPalette::WindowText);
    frame.setAlphaF(0.25);
    painter.setPen(QPen(frame, 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(chart);
    if (!m_points.isEmpty()) {
        const qint64 begin = m_windowBeginNs;
        const double span = double(std::max<qint64>(1, m_windowEndNs - begin));
        const auto xOf = [&](qint64 t) {
            return chart.left() + chart.width() * double(std::clamp(t, begin, m_windowEndNs) - begin) / span;
        };
        const auto yOf = [&](qint64 permille) {
            return chart.bottom() - chart.height() * double(std::min<qint64>(permille, 1000)) / 1000.0;
        };
        // A step curve: each sample's value held over the time it covers.
        QPainterPath path;
        path.moveTo(xOf(m_points.constFirst().beginNs), chart.bottom());
        for (const ResourcePoint &point : std::as_const(m_points)) {
            const double y = yOf(point.permille);
            path.lineTo(xOf(point.beginNs), y);
            path.lineTo(xOf(point.endNs), y);
        }
        path.lineTo(xOf(m_points.constLast().endNs), chart.bottom());
        path.closeSubpath();
        painter.setRenderHint(QPainter::Antialiasing);
        QColor fill = color;
        fill.setAlphaF(dark ? 0.55 : 0.45);
        painter.setPen(QPen(color, 1));
        painter.setBrush(fill);
        painter.drawPath(path);
    }
    painter.setPen(palette().color(QPalette::WindowText));
    const QRect text(chartWidth() + fontMetrics().horizontalAdvance(u' '), 0,
                     width() - chartWidth() - fontMetrics().horizontalAdvance(u' '), height());
    painter.drawText(text, Qt::AlignLeft | Qt::AlignVCenter, m_valueText);
}

} // namespace ProcessLab
