// SPDX-License-Identifier: MIT
#include "knobtoolbar.h"

#include "knobpanel.h"

#include <QActionEvent>
#include <QEvent>
#include <QMainWindow>

namespace ProcessLab {

KnobToolBar::KnobToolBar(QMainWindow *window, QToolBar *runBar)
    : QToolBar(window)
    , m_window(window)
    , m_runBar(runBar)
{
    setObjectName(QStringLiteral("knobToolBar")); // saveState()/restoreState() need it
    setMovable(runBar->isMovable());
    setFloatable(runBar->isFloatable());
    setToolButtonStyle(runBar->toolButtonStyle());
    retranslate();
    window->addToolBar(window->toolBarArea(runBar), this);
    m_fitTimer.setSingleShot(true);
    m_fitTimer.setInterval(0);
    connect(&m_fitTimer, &QTimer::timeout, this, &KnobToolBar::fit);
    watch(window);
    watch(runBar);
    watch(this);
    m_fitTimer.start();
}

void KnobToolBar::setPanel(KnobPanel *panel)
{
    m_panel = panel;
    addWidget(panel);
    watch(panel);
    m_fitTimer.start();
}

bool KnobToolBar::hasOwnRow() const
{
    return m_window->toolBarBreak(const_cast<KnobToolBar *>(this));
}

void KnobToolBar::fit()
{
    m_fitTimer.stop();
    if (m_window->toolBarArea(this) != m_window->toolBarArea(m_runBar))
        return; // placed elsewhere (a restored state): nothing shares its row
    // The full widths, as without any overflow; the tool bars in a row take exactly these.
    const int panelWidth = m_panel ? m_panel->sizeHint().width() : 0;
    const int overhead = sizeHint().width() - panelWidth; // margins, the reset button
    const int oneRow = overhead + (m_panel ? m_panel->oneRowWidth() : 0);
    const bool shown = isVisibleTo(m_window) && m_runBar->isVisibleTo(m_window);
    const bool ownRow = shown && m_runBar->sizeHint().width() + oneRow > m_window->width();
    if (m_panel) // too narrow even alone: more rows of knobs, none in the overflow
        m_panel->setWrapWidth(ownRow && oneRow > m_window->width() ? m_window->width() - overhead : 0);
    if (ownRow == hasOwnRow())
        return;
    if (ownRow)
        m_window->insertToolBarBreak(this);
    else
        m_window->removeToolBarBreak(this);
}

bool KnobToolBar::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::Resize:
        if (watched == m_window && static_cast<QResizeEvent *>(event)->size().width()
                                       != static_cast<QResizeEvent *>(event)->oldSize().width())
            m_fitTimer.start();
        break;
    case QEvent::LayoutRequest: // other knobs (the example), other texts (the language)
    case QEvent::FontChange:    // presenter mode
    case QEvent::StyleChange:
    case QEvent::Show:
    case QEvent::Hide:
        if (watched != m_window)
            m_fitTimer.start();
        break;
    case QEvent::ChildAdded:
        if (watched != m_window) {
            if (auto *widget = qobject_cast<QWidget *>(static_cast<QChildEvent *>(event)->child()))
                watch(widget);
        }
        break;
    default:
        break;
    }
    return QToolBar::eventFilter(watched, event);
}

void KnobToolBar::changeEvent(QEvent *event)
{
    QToolBar::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void KnobToolBar::actionEvent(QActionEvent *event)
{
    QToolBar::actionEvent(event);
    m_fitTimer.start(); // a widget (the knob panel) or button added or removed
}

void KnobToolBar::retranslate()
{
    setWindowTitle(tr("Knobs"));
}

void KnobToolBar::watch(QWidget *widget)
{
    widget->installEventFilter(this);
}

} // namespace ProcessLab
