// SPDX-License-Identifier: MIT
#include "walkthroughmenu.h"

#include "examplebrowser.h"
#include "walkthrough/walkthroughlibrary.h"
#include "walkthroughplayer.h"

#include <QEvent>
#include <QFileDialog>
#include <QMessageBox>

namespace ProcessLab {

WalkthroughMenu::WalkthroughMenu(WalkthroughPlayer *player, QWidget *parent)
    : QMenu(parent)
    , m_player(player)
    , m_openFile(new QAction(this))
{
    setObjectName(QStringLiteral("menuWalkthroughs"));
    for (const QString &id : shippedWalkthroughIds()) {
        // Shipped files are checked by their test; one that does not load is not offered.
        const WalkthroughLoadResult loaded = loadShippedWalkthrough(id);
        if (!loaded.walkthrough)
            continue;
        m_titles.insert(id, loaded.walkthrough->title);
        QAction *action = addAction(QString());
        action->setObjectName(QStringLiteral("walkthrough_") + id);
        action->setData(id);
        connect(action, &QAction::triggered, m_player, [this, id] { m_player->openShipped(id); });
        m_shipped.append(action);
    }
    addSeparator();
    m_openFile->setObjectName(QStringLiteral("actionOpenWalkthrough"));
    addAction(m_openFile);
    connect(m_openFile, &QAction::triggered, this, &WalkthroughMenu::openFileDialog);
    retranslate();
}

QAction *WalkthroughMenu::actionFor(const QString &id) const
{
    for (QAction *action : m_shipped) {
        if (action->data().toString() == id)
            return action;
    }
    return nullptr;
}

void WalkthroughMenu::openFileDialog()
{
    const QString path = QFileDialog::getOpenFileName(parentWidget(), tr("Open Walkthrough"), QString(),
                                                      tr("Walkthroughs (*.json);;All files (*)"));
    if (!path.isEmpty())
        m_player->openFile(path);
}

void WalkthroughMenu::retranslate()
{
    setTitle(tr("&Walkthroughs"));
    m_openFile->setText(tr("Open &Walkthrough…"));
    m_openFile->setToolTip(tr("Play a walkthrough file (JSON), e.g. one a teacher wrote"));
    const bool chinese = isChineseUi();
    for (QAction *action : std::as_const(m_shipped))
        action->setText(m_titles.value(action->data().toString()).text(chinese));
}

void WalkthroughMenu::changeEvent(QEvent *event)
{
    QMenu::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

} // namespace ProcessLab
