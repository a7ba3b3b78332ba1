// SPDX-License-Identifier: MIT
#pragma once

#include "handoutwriter.h"

#include <QMap>
#include <QObject>
#include <QPointer>

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

    // Follows this session (connect after the panel and the highlights, so they are drawn first).
    void attach(WalkthroughSession *session);
    bool isPdf() const;
    QString path() const { return m_path; }
    qsizetype pageCount() const { return m_pages.size(); }

signals:
    void written(bool ok, const QString &error);

private:
    void capture(int index);
    void write();

    MainWindow *m_window;
    WalkthroughPanel *m_panel;
    QString m_path;
    QPointer<WalkthroughSession> m_session;
    QMap<int, HandoutPage> m_pages; // by step index: the latest capture of each step
};

} // namespace ProcessLab
