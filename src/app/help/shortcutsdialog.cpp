// SPDX-License-Identifier: MIT
#include "shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ProcessLab {

namespace {
QString plainText(const QString &text)
{
    QString plain = text;
    plain.remove(QRegularExpression(QStringLiteral("\\(&\\w\\)"))); // Chinese style "(&R)"
    plain.remove(QLatin1Char('&'));
    return plain.trimmed();
}

void collectMenu(const QMenu *menu, const QString &where, QList<const QAction *> *actions, QStringList *places)
{
    for (const QAction *action : menu->actions()) {
        if (action->menu()) {
            collectMenu(action->menu(), where + u" › " + plainText(action->menu()->title()), actions, places);
        } else if (!action->isSeparator()) {
            actions->append(action);
            places->append(where);
        }
    }
}
} // namespace

QList<ShortcutsDialog::Entry> ShortcutsDialog::entries(QWidget *window)
{
    QList<const QAction *> actions;
    QStringList places;
    if (auto *mainWindow = qobject_cast<QMainWindow *>(window); mainWindow && mainWindow->menuBar()) {
        for (const QAction *top : mainWindow->menuBar()->actions()) {
            if (top->menu())
                collectMenu(top->menu(), plainText(top->menu()->title()), &actions, &places);
        }
    }
    // Then what lives outside the menus: the output panes' and the console's commands.
    for (const QAction *action : window->findChildren<QAction *>()) {
        if (!actions.contains(action)) {
            actions.append(action);
            places.append(tr("Output panes and console"));
        }
    }
    QList<Entry> result;
    QSet<QString> seen;
    for (qsizetype i = 0; i < actions.size(); ++i) {
        const QAction *action = actions.at(i);
        for (const QKeySequence &key : action->shortcuts()) {
            const Entry entry{key.toString(QKeySequence::NativeText), plainText(action->text()), places.at(i)};
            if (entry.shortcut.isEmpty() || seen.contains(entry.shortcut + u'\n' + entry.command))
                continue;
            seen.insert(entry.shortcut + u'\n' + entry.command);
            result.append(entry);
        }
    }
    return result;
}

ShortcutsDialog::ShortcutsDialog(QWidget *window, QWidget *parent)
    : QDialog(parent)
    , m_table(new QTableWidget(this))
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    const QList<Entry> list = entries(window);
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("Keys"), tr("Command"), tr("Where")});
    m_table->setRowCount(static_cast<int>(list.size()));
    for (int row = 0; row < list.size(); ++row) {
        const Entry &entry = list.at(row);
        auto *keys = new QTableWidgetItem(entry.shortcut);
        QFont bold = keys->font();
        bold.setBold(true);
        keys->setFont(bold);
        m_table->setItem(row, 0, keys);
        m_table->setItem(row, 1, new QTableWidgetItem(entry.command));
        m_table->setItem(row, 2, new QTableWidgetItem(entry.where));
    }
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    const QFontMetrics fm = fontMetrics();
    resize(fm.averageCharWidth() * 80, fm.lineSpacing() * 28);
}

} // namespace ProcessLab
