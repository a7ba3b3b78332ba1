// SPDX-License-Identifier: MIT
#include "clickerkeys.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>

namespace ProcessLab {

ClickerKeys::ClickerKeys(QWidget *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{
}

void ClickerKeys::setEnabled(bool on)
{
    if (on == m_enabled)
        return;
    m_enabled = on;
    if (on)
        qApp->installEventFilter(this);
    else
        qApp->removeEventFilter(this);
}

bool ClickerKeys::isEditable(const QWidget *widget)
{
    if (!widget)
        return false;
    if (qobject_cast<const QAbstractSpinBox *>(widget))
        return true;
    if (const auto *line = qobject_cast<const QLineEdit *>(widget))
        return !line->isReadOnly();
    if (const auto *combo = qobject_cast<const QComboBox *>(widget))
        return combo->isEditable();
    if (const auto *text = qobject_cast<const QTextEdit *>(widget))
        return !text->isReadOnly();
    if (const auto *plain = qobject_cast<const QPlainTextEdit *>(widget))
        return !plain->isReadOnly();
    return false;
}

bool ClickerKeys::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress || !watched->isWidgetType())
        return false;
    auto *widget = static_cast<QWidget *>(watched);
    if (widget->window() != m_window) // a dialog's keys are its own
        return false;
    // The key goes to the focus widget first, then to its parents: judge by the focus widget.
    if (isEditable(QApplication::focusWidget()) || isEditable(widget))
        return false;
    const auto *key = static_cast<QKeyEvent *>(event);
    if (key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        return false;
    const bool arrowsTaken = !m_arrowKeysTaken || m_arrowKeysTaken(QApplication::focusWidget());
    switch (key->key()) {
    case Qt::Key_PageDown:
        emit nextPressed();
        return true;
    case Qt::Key_PageUp:
        emit backPressed();
        return true;
    case Qt::Key_Right:
        if (!arrowsTaken)
            return false;
        emit nextPressed();
        return true;
    case Qt::Key_Left:
        if (!arrowsTaken)
            return false;
        emit backPressed();
        return true;
    case Qt::Key_B:
        if (!arrowsTaken)
            return false;
        if (!key->isAutoRepeat())
            emit blankPressed();
        return true;
    default:
        return false;
    }
}

} // namespace ProcessLab
