// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>

class QAction;
class QMenu;
class QPoint;
class QWidget;

namespace ProcessLab {

class OutputView;

// The commands every output view offers (find, filter, copy, clear, save), as actions
// shared by the tool row, the context menu and the keyboard. Both OutputPane and
// ConsoleView use one of these; the owner widget shows the find bar and the filter
// field when asked to (findRequested / filterRequested).
class OutputActions : public QObject
{
    Q_OBJECT
public:
    // owner: the widget the shortcuts are scoped to (and dialogs are parented to).
    OutputActions(OutputView *view, QWidget *owner);

    OutputView *view() const { return m_view; }
    QAction *findAction() const { return m_find; }
    QAction *filterAction() const { return m_filter; }
    QAction *copyAction() const { return m_copy; }
    QAction *clearAction() const { return m_clear; }
    QAction *saveAction() const { return m_save; }

    // Suggested file name for Save… without extension, e.g. "worker-1".
    void setSaveBaseName(const QString &name) { m_saveBaseName = name; }

    // Copies the selection, or everything shown when nothing is selected.
    void copy();
    // Asks for a file and writes what the view shows as UTF-8; errors go to a message box.
    void save();
    // The text Save… writes: the shown lines, after a note on dropped or filtered lines.
    QString textToSave() const;
    // Writes atomically (QSaveFile). False with a readable reason on failure.
    static bool writeTextFile(const QString &path, const QString &text, QString *errorMessage);

    void populateMenu(QMenu *menu) const;

signals:
    void findRequested();
    void filterRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void showContextMenu(const QPoint &pos);
    void updateCopyText();

    OutputView *m_view;
    QWidget *m_owner;
    QAction *m_find;
    QAction *m_filter;
    QAction *m_copy;
    QAction *m_clear;
    QAction *m_save;
    QString m_saveBaseName = QStringLiteral("output");
};

} // namespace ProcessLab
