// SPDX-License-Identifier: MIT
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;

namespace ProcessLab {

// A banner for someone who has never run an example: "Choose an example, press F5 to run
// it". Shown until the first run starts (or it is closed); remembered in QSettings.
class FirstRunHint : public QFrame
{
    Q_OBJECT
public:
    static constexpr const char *settingsKey = "help/firstRunDone";

    explicit FirstRunHint(QWidget *parent = nullptr);

    static bool isDone();
    // Hides the banner for good (called when a run starts, or by its close button).
    void dismiss();
    // The key that runs an example, as shown (the Run action's shortcut).
    void setRunShortcut(const QString &shortcut);
    QString text() const;
    // Offers the 2-minute tour of the app (a shipped walkthrough) when there is one.
    void setTourAvailable(bool available);

signals:
    void tourRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_label;
    QPushButton *m_tour;
    QToolButton *m_close;
    QString m_runShortcut;
};

} // namespace ProcessLab
