// SPDX-License-Identifier: MIT
#include "walkthroughplayer.h"

#include "appwalkthroughstage.h"
#include "clickerkeys.h"
#include "handoutrecorder.h"
#include "mainwindow.h"
#include "windowlayout.h"
#include "walkthrough/walkthroughlibrary.h"
#include "walkthrough/walkthroughsession.h"
#include "walkthroughhighlighter.h"
#include "walkthroughpanel.h"

#include <QAction>
#include <QEvent>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPushButton>
#include <QTimer>

namespace ProcessLab {

namespace {
constexpr double panelWidthShare = 0.27; // of the window: narration readable, code and panes still whole
}

WalkthroughPlayer::WalkthroughPlayer(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_stage(new AppWalkthroughStage(window, this))
    , m_panel(new WalkthroughPanel(window))
    , m_keys(new ClickerKeys(window, this))
    , m_highlighter(new WalkthroughHighlighter(window))
    , m_blank(new QWidget(window))
{
    m_panel->hide();
    window->addDockWidget(Qt::RightDockWidgetArea, m_panel);
    connect(m_panel, &WalkthroughPanel::closeRequested, this, &WalkthroughPlayer::close);
    connect(m_panel, &WalkthroughPanel::finishRequested, this, &WalkthroughPlayer::close);
    // The dock's own close button hides it: that closes the walkthrough too.
    connect(m_panel, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (!visible && m_session && !m_panel->isVisible() && !m_window->isMinimized())
            QMetaObject::invokeMethod(this, [this] {
                if (m_session && !m_panel->isVisible() && m_panel->isHidden())
                    close();
            }, Qt::QueuedConnection);
    });
    if (QAction *presenter = window->findChild<QAction *>(QStringLiteral("actionPresenter")))
        connect(presenter, &QAction::toggled, this, [this] { QMetaObject::invokeMethod(this, &WalkthroughPlayer::placePanel, Qt::QueuedConnection); });

    m_blank->setObjectName(QStringLiteral("walkthroughBlank"));
    m_blank->setAutoFillBackground(true);
    QPalette black = m_blank->palette();
    black.setColor(QPalette::Window, Qt::black);
    m_blank->setPalette(black);
    m_blank->hide();
    m_blank->installEventFilter(this);
    window->installEventFilter(this); // the blank follows the window's size

    // Left/Right/B belong to the example list, the code and the tab bars, except where the
    // walkthrough is all there is: its panel has the focus, presenter mode, autoplay.
    m_keys->setArrowKeysTaken([this](const QWidget *focus) {
        return m_window->isPresenterMode() || (m_session && m_session->autoplay())
               || (focus && (focus == m_panel || m_panel->isAncestorOf(focus)));
    });
    connect(m_keys, &ClickerKeys::nextPressed, this, &WalkthroughPlayer::next);
    connect(m_keys, &ClickerKeys::backPressed, this, &WalkthroughPlayer::back);
    connect(m_keys, &ClickerKeys::blankPressed, this, [this] { setBlanked(!isBlanked()); });
}

WalkthroughPlayer::~WalkthroughPlayer()
{
    m_keys->setEnabled(false);
    m_stage->setSession(nullptr);
}

bool WalkthroughPlayer::openShipped(const QString &id, QString *error)
{
    WalkthroughLoadResult loaded = loadShippedWalkthrough(id);
    if (!loaded.walkthrough) {
        const QString message = loaded.error.isEmpty()
                                    ? tr("There is no walkthrough \"%1\"; shipped: %2")
                                          .arg(id, shippedWalkthroughIds().join(QLatin1StringView(", ")))
                                    : loaded.error;
        if (error)
            *error = message;
        showOpenError(message);
        return false;
    }
    open(std::move(*loaded.walkthrough));
    return true;
}

bool WalkthroughPlayer::openFile(const QString &path, QString *error)
{
    WalkthroughLoadResult loaded = loadWalkthrough(path);
    if (!loaded.walkthrough) {
        if (error)
            *error = loaded.error;
        showOpenError(loaded.error);
        return false;
    }
    open(std::move(*loaded.walkthrough));
    return true;
}

QMessageBox *WalkthroughPlayer::openError() const
{
    return m_openError;
}

void WalkthroughPlayer::showOpenError(const QString &message)
{
    if (m_openError)
        m_openError->close();
    m_openError = new QMessageBox(QMessageBox::Warning, tr("Cannot Open the Walkthrough"), message, QMessageBox::Ok,
                                  m_window);
    m_openError->setAttribute(Qt::WA_DeleteOnClose);
    m_openError->setWindowModality(Qt::WindowModal);
    m_openError->open();
}

void WalkthroughPlayer::open(Walkthrough walkthrough)
{
    if (m_session)
        close();
    m_session = std::make_unique<WalkthroughSession>(std::move(walkthrough), m_stage);
    WalkthroughSession *session = m_session.get();
    m_stage->setSession(session);
    m_panel->setSession(session);
    connect(session, &WalkthroughSession::finished, this, &WalkthroughPlayer::finished);
    connect(session, &WalkthroughSession::stepFailed, this, [this] { m_anyStepFailed = true; });
    // Each step frames what it talks about, on the real widgets (after its instant action).
    connect(session, &WalkthroughSession::stepEntered, m_highlighter, [this, session](int index) {
        m_highlighter->show(session->walkthrough().steps.at(index).show);
    });
    session->setAutoplay(m_autoplay, m_pace, m_loop);
    if (m_handout)
        m_handout->attach(session); // after the panel: it captures what the panel shows
    m_keys->setEnabled(true);
    placePanel();
    m_panel->show();
    m_panel->raise();
    emit opened();
    session->start();
}

void WalkthroughPlayer::close()
{
    if (!m_session)
        return;
    std::unique_ptr<WalkthroughSession> session = std::move(m_session);
    m_stage->setSession(nullptr);
    m_panel->setSession(nullptr);
    m_keys->setEnabled(false);
    setBlanked(false);
    m_highlighter->clear();
    m_panel->hide();
    // The walkthrough's run does not outlive it: a booth leaves no process behind.
    m_stage->stopRun();
    session.reset();
    emit closed();
}

bool WalkthroughPlayer::isOpen() const
{
    return m_session != nullptr;
}

void WalkthroughPlayer::setAutoplay(bool on, std::chrono::milliseconds pace, bool loop)
{
    m_autoplay = on;
    m_pace = pace;
    m_loop = loop;
    if (m_session)
        m_session->setAutoplay(on, pace, loop);
}

HandoutRecorder *WalkthroughPlayer::recordHandout(const QString &path)
{
    delete m_handout;
    m_handout = new HandoutRecorder(m_window, m_panel, path, this);
    m_handout->setHoldAutoplay([this](bool hold) {
        if (m_session)
            m_session->setAutoplay(m_autoplay && !hold, m_pace, m_loop);
    });
    return m_handout;
}

void WalkthroughPlayer::next()
{
    setBlanked(false);
    if (m_panel->nextButton()->isEnabled())
        m_panel->nextButton()->click();
}

void WalkthroughPlayer::back()
{
    setBlanked(false);
    if (m_session)
        m_session->back();
}

void WalkthroughPlayer::setBlanked(bool on)
{
    if (on == isBlanked())
        return;
    if (on) {
        m_blank->setGeometry(m_window->rect());
        m_blank->raise();
        m_blank->show();
    } else {
        m_blank->hide();
    }
}

bool WalkthroughPlayer::isBlanked() const
{
    return m_blank->isVisible();
}

bool WalkthroughPlayer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::Resize && isBlanked())
        m_blank->setGeometry(m_window->rect());
    else if (watched == m_blank && event->type() == QEvent::MouseButtonPress)
        setBlanked(false); // a click on the black screen brings the picture back
    return QObject::eventFilter(watched, event);
}

void WalkthroughPlayer::placePanel()
{
    // Presenter mode collapses the example list: the panel goes beside the code, on the left.
    if (!m_panel->isFloating()) {
        const Qt::DockWidgetArea area = m_window->isPresenterMode() ? Qt::LeftDockWidgetArea : Qt::RightDockWidgetArea;
        if (m_window->dockWidgetArea(m_panel) != area)
            m_window->addDockWidget(area, m_panel);
        m_window->resizeDocks({m_panel}, {qMax(280, int(m_window->width() * panelWidthShare))}, Qt::Horizontal);
    }
    // The code is fitted to the width left beside the panel (the projector layout too), once
    // laid out: the lines a step frames must be whole.
    QTimer::singleShot(0, m_window->windowLayout(), &WindowLayout::fit);
}

} // namespace ProcessLab
