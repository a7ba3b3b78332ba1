// SPDX-License-Identifier: MIT
#include "outputfindbar.h"

#include "outputview.h"
#include "processcolors.h"

#include <QAction>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QStyle>
#include <QTextCursor>
#include <QToolButton>

namespace ProcessLab {

OutputFindBar::OutputFindBar(OutputView *view, QWidget *shortcutScope, QWidget *parent)
    : QWidget(parent)
    , m_view(view)
    , m_edit(new QLineEdit(this))
    , m_previous(new QToolButton(this))
    , m_next(new QToolButton(this))
    , m_status(new QLabel(this))
    , m_close(new QToolButton(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(2);

    m_edit->setClearButtonEnabled(true);
    m_edit->setMinimumWidth(m_edit->fontMetrics().averageCharWidth() * 10);
    layout->addWidget(m_edit, 1);

    auto *nextAction = new QAction(style()->standardIcon(QStyle::SP_ArrowDown), QString(), this);
    m_nextAction = nextAction;
    nextAction->setShortcuts(QKeySequence::FindNext);
    nextAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    auto *previousAction = new QAction(style()->standardIcon(QStyle::SP_ArrowUp), QString(), this);
    m_previousAction = previousAction;
    previousAction->setShortcuts(QKeySequence::FindPrevious);
    previousAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    shortcutScope->addAction(nextAction);
    shortcutScope->addAction(previousAction);
    m_previous->setDefaultAction(previousAction);
    m_next->setDefaultAction(nextAction);
    m_previous->setAutoRaise(true);
    m_next->setAutoRaise(true);
    layout->addWidget(m_previous);
    layout->addWidget(m_next);

    m_status->setTextFormat(Qt::PlainText);
    layout->addWidget(m_status);

    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    layout->addWidget(m_close);
    retranslate();

    connect(m_edit, &QLineEdit::textChanged, this, &OutputFindBar::handleTextChanged);
    connect(m_edit, &QLineEdit::returnPressed, this, [this] {
        findNext(QGuiApplication::keyboardModifiers().testFlag(Qt::ShiftModifier));
    });
    connect(nextAction, &QAction::triggered, this, [this] {
        if (!isVisible())
            activate();
        findNext(false);
    });
    connect(previousAction, &QAction::triggered, this, [this] {
        if (!isVisible())
            activate();
        findNext(true);
    });
    connect(m_close, &QToolButton::clicked, this, &OutputFindBar::deactivate);
    hide();
}

void OutputFindBar::retranslate()
{
    m_edit->setPlaceholderText(tr("Find"));
    m_nextAction->setText(tr("Next match"));
    m_previousAction->setText(tr("Previous match"));
    m_close->setToolTip(tr("Close the find bar (Esc)"));
    if (!m_status->text().isEmpty())
        updateStatus(m_lastFound);
}

void OutputFindBar::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void OutputFindBar::activate()
{
    const QString selected = m_view->textCursor().selectedText();
    if (!selected.isEmpty() && !selected.contains(QChar::ParagraphSeparator))
        m_edit->setText(selected);
    show();
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
    m_view->setSearchText(m_edit->text());
}

void OutputFindBar::deactivate()
{
    m_view->setSearchText(QString());
    hide();
    m_view->setFocus(Qt::OtherFocusReason);
}

bool OutputFindBar::findNext(bool backward)
{
    const bool found = m_view->findNext(backward);
    updateStatus(found);
    return found;
}

void OutputFindBar::handleTextChanged(const QString &text)
{
    m_view->setSearchText(text);
    if (text.isEmpty()) {
        m_status->clear();
        return;
    }
    // Search again from where the current match starts, so typing extends it.
    QTextCursor cursor = m_view->textCursor();
    cursor.setPosition(cursor.selectionStart());
    m_view->setTextCursor(cursor);
    findNext(false);
}

void OutputFindBar::updateStatus(bool found)
{
    m_lastFound = found;
    if (m_edit->text().isEmpty()) {
        m_status->clear();
        return;
    }
    QPalette pal = palette();
    if (found) {
        // Every highlight counts, prefixes included: the count and the highlights agree.
        const qint64 matches = m_view->searchMatches();
        m_status->setText(tr("%1 matches").arg(QLocale().toString(matches)));
        pal.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    } else {
        m_status->setText(tr("No match"));
        pal.setColor(QPalette::WindowText, stateColor(ProcessState::Failed, isDarkPalette(palette())));
    }
    m_status->setPalette(pal);
}

QString OutputFindBar::statusText() const
{
    return m_status->text();
}

void OutputFindBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        deactivate();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace ProcessLab
