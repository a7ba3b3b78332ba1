// SPDX-License-Identifier: MIT
#include "outputactions.h"

#include "outputview.h"

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QGuiApplication>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QStandardPaths>

namespace ProcessLab {

namespace {
QString &lastSaveDirectory()
{
    static QString directory = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return directory;
}
} // namespace

OutputActions::OutputActions(OutputView *view, QWidget *owner)
    : QObject(owner)
    , m_view(view)
    , m_owner(owner)
    , m_find(new QAction(this))
    , m_filter(new QAction(this))
    , m_copy(new QAction(this))
    , m_clear(new QAction(this))
    , m_save(new QAction(this))
{
    m_find->setShortcut(QKeySequence::Find);
    m_find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    retranslate();
    owner->addAction(m_find);
    // Actions are not widgets: they learn of a language switch through their owner.
    owner->installEventFilter(this);

    connect(m_find, &QAction::triggered, this, &OutputActions::findRequested);
    connect(m_filter, &QAction::triggered, this, &OutputActions::filterRequested);
    connect(m_copy, &QAction::triggered, this, &OutputActions::copy);
    connect(m_clear, &QAction::triggered, m_view, &OutputView::clearLines);
    connect(m_save, &QAction::triggered, this, &OutputActions::save);
    connect(m_view, &OutputView::copyAvailable, this, &OutputActions::updateCopyText);

    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &OutputActions::showContextMenu);
}

void OutputActions::retranslate()
{
    m_find->setText(tr("Find…"));
    m_filter->setText(tr("Filter…"));
    m_clear->setText(tr("Clear"));
    m_save->setText(tr("Save…"));
    updateCopyText();
    m_find->setToolTip(tr("Find text in this output (%1)").arg(m_find->shortcut().toString(QKeySequence::NativeText)));
    m_filter->setToolTip(tr("Show only the lines that contain a text"));
    m_copy->setToolTip(tr("Copy the selected text, or all shown lines when nothing is selected"));
    m_clear->setToolTip(tr("Remove all lines from this view"));
    m_save->setToolTip(tr("Save the shown lines to a UTF-8 text file"));
}

bool OutputActions::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_owner && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

void OutputActions::updateCopyText()
{
    m_copy->setText(m_view->textCursor().hasSelection() ? tr("Copy") : tr("Copy All"));
}

void OutputActions::copy()
{
    if (m_view->textCursor().hasSelection())
        m_view->copy();
    else
        QGuiApplication::clipboard()->setText(m_view->shownText());
}

QString OutputActions::textToSave() const
{
    const QLocale locale;
    QString text;
    if (m_view->droppedLines() > 0) {
        text += tr("[%1 earlier lines dropped; %2 lines follow]")
                    .arg(locale.toString(m_view->droppedLines()), locale.toString(m_view->matchingLines()))
                + u'\n';
    }
    if (!m_view->filter().isEmpty())
        text += tr("[only lines containing “%1”]").arg(m_view->filter()) + u'\n';
    return text + m_view->shownText();
}

bool OutputActions::writeTextFile(const QString &path, const QString &text, QString *errorMessage)
{
    QSaveFile file(path);
    const QByteArray bytes = text.toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (errorMessage)
            *errorMessage = file.errorString();
        return false;
    }
    return true;
}

void OutputActions::save()
{
    const QString suggested = QDir(lastSaveDirectory()).filePath(m_saveBaseName + QStringLiteral(".txt"));
    const QString path = QFileDialog::getSaveFileName(m_owner, tr("Save Output"), suggested,
                                                      tr("Text files (*.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    lastSaveDirectory() = QFileInfo(path).absolutePath();
    QString error;
    if (!writeTextFile(path, textToSave(), &error)) {
        QMessageBox::critical(m_owner, tr("Save Output"),
                              tr("Could not save the output to %1:\n%2").arg(QDir::toNativeSeparators(path), error));
    }
}

void OutputActions::populateMenu(QMenu *menu) const
{
    menu->addAction(m_copy);
    QAction *selectAll = menu->addAction(tr("Select All"), m_view, &OutputView::selectAll);
    selectAll->setEnabled(!m_view->document()->isEmpty());
    menu->addSeparator();
    menu->addAction(m_find);
    menu->addAction(m_filter);
    menu->addSeparator();
    menu->addAction(m_clear);
    menu->addAction(m_save);
}

void OutputActions::showContextMenu(const QPoint &pos)
{
    updateCopyText();
    QMenu menu(m_view);
    populateMenu(&menu);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

} // namespace ProcessLab
