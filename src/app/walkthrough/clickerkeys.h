// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

#include <functional>

class QWidget;

namespace ProcessLab {

// The keys a presentation clicker sends, for one window: PageDown/Right = next, PageUp/Left =
// back, B = blank the screen. Installed on the application while a walkthrough is open; a key
// typed into an editable widget (spin box, line edit, text editor, find bar) stays there.
// PageUp/PageDown are always the clicker's; Left/Right/B move in lists, code and tab bars too,
// so they are the clicker's only where the owner says (setArrowKeysTaken()).
class ClickerKeys : public QObject
{
    Q_OBJECT
public:
    explicit ClickerKeys(QWidget *window, QObject *parent = nullptr);

    void setEnabled(bool on);
    bool isEnabled() const { return m_enabled; }
    // Whether Left/Right/B are the clicker's, given the focus widget (may be null).
    void setArrowKeysTaken(std::function<bool(const QWidget *focus)> taken) { m_arrowKeysTaken = std::move(taken); }
    // A widget that takes typed keys itself (the key is not a clicker's).
    static bool isEditable(const QWidget *widget);

signals:
    void nextPressed();
    void backPressed();
    void blankPressed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_window;
    bool m_enabled = false;
    std::function<bool(const QWidget *)> m_arrowKeysTaken;
};

} // namespace ProcessLab
