// SPDX-License-Identifier: MIT
#include "firstrunhint.h"

#include "processcolors.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QToolButton>

namespace ProcessLab {

FirstRunHint::FirstRunHint(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_tour(new QPushButton(this))
    , m_close(new QToolButton(this))
{
    setFrameShape(QFrame::StyledPanel);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum); // a strip, never a block
    setAutoFillBackground(true);
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    QFont bold = m_label->font();
    bold.setBold(true);
    m_label->setFont(bold);
    m_close->setText(QStringLiteral("✕"));
    m_close->setAutoRaise(true);
    auto *layout = new QHBoxLayout(this);
    const int margin = fontMetrics().horizontalAdvance(u' ');
    layout->setContentsMargins(margin * 2, margin / 2, margin, margin / 2);
    layout->addWidget(m_label, 1);
    m_tour->setObjectName(QStringLiteral("firstRunTour"));
    m_tour->hide();
    layout->addWidget(m_tour);
    connect(m_tour, &QPushButton::clicked, this, [this] {
        dismiss();
        emit tourRequested();
    });
    layout->addWidget(m_close);
    connect(m_close, &QToolButton::clicked, this, &FirstRunHint::dismiss);
    retranslate();
    setVisible(!isDone());
}

bool FirstRunHint::isDone()
{
    return QSettings().value(QLatin1StringView(settingsKey), false).toBool();
}

void FirstRunHint::dismiss()
{
    if (!isDone())
        QSettings().setValue(QLatin1StringView(settingsKey), true);
    hide();
}

void FirstRunHint::setRunShortcut(const QString &shortcut)
{
    m_runShortcut = shortcut;
    retranslate();
}

void FirstRunHint::setTourAvailable(bool available)
{
    m_tour->setVisible(available);
}

QString FirstRunHint::text() const
{
    return m_label->text();
}

void FirstRunHint::retranslate()
{
    m_label->setText(tr("Choose an example on the left, then press %1 to run it.")
                         .arg(m_runShortcut.isEmpty() ? QStringLiteral("F5") : m_runShortcut));
    m_close->setToolTip(tr("Hide this hint"));
    m_tour->setText(tr("Take the 2-Minute Tour"));
    // A light tint of the "running" blue: noticeable, not alarming.
    QPalette pal = palette();
    const bool dark = isDarkPalette(QPalette());
    pal.setColor(QPalette::Window, blendColors(QPalette().color(QPalette::Window), stateColor(ProcessState::Running, dark),
                                               dark ? 0.25 : 0.15));
    setPalette(pal);
}

void FirstRunHint::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::ApplicationPaletteChange)
        retranslate(); // the tint follows the theme
}

} // namespace ProcessLab
