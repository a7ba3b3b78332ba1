// SPDX-License-Identifier: MIT
#include "handoutrecorder.h"

#include "examplebrowser.h"
#include "mainwindow.h"
#include "runcontroller.h"
#include "walkthrough/walkthroughsession.h"
#include "walkthroughpanel.h"

#include <QTimer>

namespace ProcessLab {

namespace {
// Steps whose action is applied at once: there is nothing to wait for, the page is the step.
bool isInstant(const WalkthroughAction &action)
{
    return action.kind == WalkthroughAction::Kind::None || action.kind == WalkthroughAction::Kind::SelectExample
           || action.kind == WalkthroughAction::Kind::SetKnobs;
}
} // namespace

HandoutRecorder::HandoutRecorder(MainWindow *window, WalkthroughPanel *panel, const QString &path, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_panel(panel)
    , m_path(path)
{
}

bool HandoutRecorder::isPdf() const
{
    return m_path.endsWith(QLatin1StringView(".pdf"), Qt::CaseInsensitive);
}

void HandoutRecorder::attach(WalkthroughSession *session)
{
    m_session = session;
    m_pages.clear();
    m_pendingIndex = -1;
    m_writePending = false;
    connect(session, &WalkthroughSession::stepEntered, this, [this](int index) {
        if (isInstant(m_session->walkthrough().steps.at(index).action))
            requestCapture(index);
    });
    connect(session, &WalkthroughSession::phaseChanged, this, [this](WalkthroughSession::Phase phase) {
        if (phase == WalkthroughSession::Phase::Done)
            requestCapture(m_session->currentStep());
    });
    connect(session, &WalkthroughSession::finished, this, [this] {
        if (m_pendingIndex >= 0)
            m_writePending = true; // after the last picture
        else
            QMetaObject::invokeMethod(this, &HandoutRecorder::write, Qt::QueuedConnection);
    });
}

void HandoutRecorder::requestCapture(int index)
{
    const bool alreadyPending = m_pendingIndex >= 0;
    m_pendingIndex = index;
    if (alreadyPending)
        return;
    if (m_holdAutoplay)
        m_holdAutoplay(true);
    RunController *controller = m_window->controller();
    if (controller->isActive()) {
        // The summary-fed views (panes' states, status bar, timeline) follow on the next tick.
        m_waitForViews = connect(controller, &RunController::tick, this, [this] {
            disconnect(m_waitForViews);
            settleThenCapture();
        });
    } else {
        settleThenCapture();
    }
}

void HandoutRecorder::settleThenCapture()
{
    QTimer::singleShot(settleTime, this, [this] {
        const int index = std::exchange(m_pendingIndex, -1);
        capture(index);
        if (m_holdAutoplay)
            m_holdAutoplay(false);
        if (std::exchange(m_writePending, false))
            write();
    });
}

void HandoutRecorder::capture(int index)
{
    if (!m_session || index < 0 || index >= m_session->stepCount())
        return;
    m_panel->refresh(); // the step's outcome is in the picture and the page's text
    const WalkthroughStep &step = m_session->walkthrough().steps.at(index);
    HandoutPage page;
    page.picture = m_window->grab().toImage();
    page.stepLabel = m_panel->stepText();
    page.narrationHtml = step.narration.text(isChineseUi());
    page.predictionHtml = m_panel->predictionHtml();
    m_pages.insert(index, page);
}

void HandoutRecorder::write()
{
    if (!m_session)
        return;
    const QString title = m_session->walkthrough().title.text(isChineseUi());
    const QList<HandoutPage> pages = m_pages.values();
    QString error;
    const bool ok = isPdf() ? HandoutWriter::writePdf(m_path, title, pages, &error)
                            : HandoutWriter::writePngFolder(m_path, title, pages, &error);
    emit written(ok, error);
}

} // namespace ProcessLab
