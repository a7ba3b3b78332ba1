// SPDX-License-Identifier: MIT
#pragma once

#include "walkthrough/walkthrough.h"

#include <QHash>
#include <QMenu>

class QAction;

namespace ProcessLab {

class WalkthroughPlayer;

// Menu "Walkthroughs": the shipped walkthroughs by title (in the interface language), and
// "Open Walkthrough…" for a teacher's own file (also put in the File menu).
class WalkthroughMenu : public QMenu
{
    Q_OBJECT
public:
    WalkthroughMenu(WalkthroughPlayer *player, QWidget *parent = nullptr);

    QAction *openFileAction() const { return m_openFile; }
    // The action that opens the shipped walkthrough with this id (null: none).
    QAction *actionFor(const QString &id) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void openFileDialog();

    WalkthroughPlayer *m_player;
    QAction *m_openFile;
    QList<QAction *> m_shipped; // data(): the walkthrough's id
    QHash<QString, LocalizedText> m_titles;
};

} // namespace ProcessLab
