// SPDX-License-Identifier: MIT
#include "statechip.h"

#include "processcolors.h"
#include "processstatustext.h"

#include <QEvent>
#include <QPainter>

namespace ProcessLab {

StateChip::StateChip(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

void StateChip::setState(ProcessState state)
{
    if (state == m_state)
        return;
    m_state = state;
    setAccessibleName(text());
    updateGeometry();
    update();
}

QString StateChip::text() const
{
    return ProcessStatusText::state(m_state);
}

int StateChip::widthFor(const QString &text) const
{
    const QFontMetrics fm = fontMetrics();
    const int pad = fm.height() / 2;
    const int dot = fm.height() / 2;
    return pad + dot + pad / 2 + fm.horizontalAdvance(text) + pad;
}

QSize StateChip::sizeHint() const
{
    return {widthFor(text()), fontMetrics().height() + 4};
}

int StateChip::widestWidth() const
{
    int widest = 0;
    for (const ProcessState state : {ProcessState::Created, ProcessState::Starting, ProcessState::Ready,
                                     ProcessState::Running, ProcessState::Finished, ProcessState::Failed,
                                     ProcessState::Killed})
        widest = std::max(widest, widthFor(ProcessStatusText::state(state)));
    return widest;
}

void StateChip::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const bool dark = isDarkPalette(palette());
    const QColor color = stateColor(m_state, dark);
    const QRectF box = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    const qreal radius = box.height() / 2;
    painter.setPen(blendColors(palette().color(QPalette::Window), color, 0.55));
    painter.setBrush(blendColors(palette().color(QPalette::Base), color, dark ? 0.22 : 0.14));
    painter.drawRoundedRect(box, radius, radius);

    const QFontMetrics fm = fontMetrics();
    const int pad = fm.height() / 2;
    const qreal dot = fm.height() / 2.0;
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(QRectF(pad, (height() - dot) / 2.0, dot, dot));

    painter.setPen(palette().color(QPalette::Text));
    const QRect textRect(static_cast<int>(pad + dot + pad / 2), 0, width(), height());
    painter.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter, text());
}

void StateChip::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::LanguageChange)
        updateGeometry();
}

} // namespace ProcessLab
