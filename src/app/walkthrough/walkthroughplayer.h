// SPDX-License-Identifier: MIT
#pragma once

#include "walkthrough/walkthrough.h"

#include <QObject>
#include <QPointer>

#include <chrono>
#include <memory>

class QMessageBox;
class QWidget;

namespace ProcessLab {

class AppWalkthroughStage;
class ClickerKeys;
class HandoutRecorder;
class MainWindow;
class WalkthroughHighlighter;
class WalkthroughPanel;
class WalkthroughSession;

// Plays one walkthrough in the window: owns its session and the stage over the window's
// example, knobs and runs, shows the panel (a dock; beside the code in presenter mode), takes
// a presentation clicker's keys and blanks the screen on B. At most one is open.
class WalkthroughPlayer : public QObject
{
    Q_OBJECT
public:
    explicit WalkthroughPlayer(MainWindow *window);
    ~WalkthroughPlayer() override;

    // Opens a shipped walkthrough by id or a file (".json"). A file that cannot be used
    // shows the loader's message (a window-modal box, openError()) and changes nothing.
    bool openShipped(const QString &id, QString *error = nullptr);
    bool openFile(const QString &path, QString *error = nullptr);
    void open(Walkthrough walkthrough);
    void close(); // stops the walkthrough's run, if one is going
    bool isOpen() const;
    QMessageBox *openError() const;

    WalkthroughSession *session() const { return m_session.get(); }
    WalkthroughPanel *panel() const { return m_panel; }
    ClickerKeys *keys() const { return m_keys; }
    WalkthroughHighlighter *highlighter() const { return m_highlighter; }

    // Autoplay: every walkthrough opened from now on plays by itself.
    void setAutoplay(bool on, std::chrono::milliseconds pace, bool loop);

    // Records every walkthrough opened from now on for a handout (a .pdf, else a PNG folder),
    // written when it has played to its end (HandoutRecorder::written).
    HandoutRecorder *recordHandout(const QString &path);
    HandoutRecorder *handoutRecorder() const { return m_handout; }

    void setBlanked(bool on);
    bool isBlanked() const;

    // A step of a walkthrough played here failed (an unattended demo's exit code says so).
    bool anyStepFailed() const { return m_anyStepFailed; }

signals:
    void opened();
    void closed();
    void finished(); // the open walkthrough played to its end

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void next();
    void back();
    void placePanel();
    void showOpenError(const QString &message);

    MainWindow *m_window;
    AppWalkthroughStage *m_stage;
    WalkthroughPanel *m_panel;
    ClickerKeys *m_keys;
    WalkthroughHighlighter *m_highlighter;
    QWidget *m_blank;
    std::unique_ptr<WalkthroughSession> m_session;
    QPointer<QMessageBox> m_openError;
    HandoutRecorder *m_handout = nullptr;
    bool m_autoplay = false;
    bool m_loop = false;
    bool m_anyStepFailed = false;
    std::chrono::milliseconds m_pace{4000};
};

} // namespace ProcessLab
