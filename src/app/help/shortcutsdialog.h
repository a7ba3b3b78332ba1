// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QTableWidget;

namespace ProcessLab {

// Help > Keyboard Shortcuts: a table generated from the window's actions and their
// current shortcuts (menus first, in menu order, then the output panes' commands), so
// the list cannot drift from what the keys really do.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    struct Entry
    {
        QString shortcut; // as shown on this platform, e.g. "Ctrl+R"
        QString command;  // the action's text without mnemonics
        QString where;    // the menu it is in, or "Output" for the panes' commands
    };

    explicit ShortcutsDialog(QWidget *window, QWidget *parent = nullptr);

    // Every action of window (and its children) that has a shortcut, once each.
    static QList<Entry> entries(QWidget *window);
    QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table;
};

} // namespace ProcessLab
