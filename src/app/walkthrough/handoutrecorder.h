// SPDX-License-Identifier: MIT
#pragma once

#include "handoutwriter.h"

#include <QMap>
#include <QObject>
#include <QPointer>

#include <chrono>
#include <functional>

namespace ProcessLab {

class MainWindow;
class WalkthroughPanel;
class WalkthroughSession;

// Records a walkthrough as it plays for a handout: the window (with the step's highlights and
// the panel) captured once each step is done, or on entering a step that only shows; at the
// end the pages are written as a PDF (path ending in .pdf) or a folder of PNGs.
class HandoutRecorder : public QObject
{
    Q_OBJECT
public:
    HandoutRecorder(MainWindow *window, WalkthroughPanel *panel, const QString &path, QObject *parent = nullptr);

    // The views lag the record by up to one batch (and layout by a turn of the event loop):
    // each picture is taken once they caught up, plus this settle time.
    static constexpr std::chrono::milliseconds settleTime{120};

    // Follows this session (connect after the panel and the highlights, so they are drawn first).
    void attach(WalkthroughSession *session);
    // Called with true while a picture is pending, false after: autoplay must wait for it.
    void setHoldAutoplay(std::function<void(bool hold)> hold) { m_holdAutoplay = std::move(hold); }
    bool isPdf() const;
    QString path() const { return m_path; }
    qsizetype pageCount() const { return m_pages.size(); }

signals:
    void written(bool ok, const QString &error);

private:
    void requestCapture(int index);
    void settleThenCapture();
    void capture(int index);
    void write();

    MainWindow *m_window;
    WalkthroughPanel *m_panel;
    QString m_path;
    QPointer<WalkthroughSession> m_session;
    QMap<int, HandoutPage> m_pages; // by step index: the latest capture of each step
    std::function<void(bool)> m_holdAutoplay;
    int m_pendingIndex = -1;     // a picture is pending for this step
    bool m_writePending = false; // finished while a picture was pending
    QMetaObject::Connection m_waitForViews;
};

} // namespace ProcessLab
