// SPDX-License-Identifier: MIT
#include "replaybar.h"

#include "replaysource.h"
#include "timeline/timelinemath.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyle>
#include <QToolButton>

namespace ProcessLab {

namespace {

constexpr qint64 sliderUnitNs = 1'000'000; // the slider counts milliseconds
constexpr double speeds[] = {0.25, 0.5, 1.0, 2.0, 4.0, 8.0};

} // namespace

ReplayBar::ReplayBar(QWidget *parent)
    : QToolBar(parent)
{
    setObjectName(QStringLiteral("replayBar"));
    setMovable(false);
    setFloatable(false);
    // One row in a layout, not toolbar items: the title gives way (clipped, whole in its tool
    // tip) so the controls stay visible in presenter mode and on narrow windows.
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(4, 0, 4, 0);
    m_title = new QLabel(row);
    m_title->setObjectName(QStringLiteral("replayTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_title->setMinimumWidth(m_title->fontMetrics().averageCharWidth() * 12);
    const auto button = [this, row, layout](QStyle::StandardPixmap icon) {
        auto *action = new QAction(style()->standardIcon(icon), QString(), this);
        auto *tool = new QToolButton(row);
        tool->setDefaultAction(action);
        tool->setAutoRaise(true);
        layout->addWidget(tool);
        return action;
    };
    layout->addWidget(m_title, 3);
    m_stepBackward = button(QStyle::SP_MediaSkipBackward);
    m_play = button(QStyle::SP_MediaPlay);
    m_stepForward = button(QStyle::SP_MediaSkipForward);
    m_slider = new QSlider(Qt::Horizontal, row);
    m_slider->setObjectName(QStringLiteral("replayPosition"));
    m_slider->setMinimumWidth(120);
    layout->addWidget(m_slider, 4);
    m_position = new QLabel(row);
    layout->addWidget(m_position);
    m_speed = new QComboBox(row);
    m_speed->setObjectName(QStringLiteral("replaySpeed"));
    for (const double speed : speeds)
        m_speed->addItem(QStringLiteral("%1×").arg(QLocale().toString(speed)), speed);
    m_speed->setCurrentIndex(2);
    layout->addWidget(m_speed);
    m_leave = new QAction(this);
    auto *leave = new QToolButton(row);
    leave->setDefaultAction(m_leave);
    leave->setToolButtonStyle(Qt::ToolButtonTextOnly);
    layout->addWidget(leave);
    addWidget(row);

    connect(m_play, &QAction::triggered, this, [this] {
        if (!m_replay)
            return;
        if (m_replay->isPlaying())
            m_replay->pause();
        else
            m_replay->play();
    });
    connect(m_stepForward, &QAction::triggered, this, [this] {
        if (m_replay)
            m_replay->stepForward();
    });
    connect(m_stepBackward, &QAction::triggered, this, [this] {
        if (m_replay)
            m_replay->stepBackward();
    });
    connect(m_slider, &QSlider::valueChanged, this, [this](int value) {
        if (m_replay)
            m_replay->seekToTime(qint64(value) * sliderUnitNs);
    });
    connect(m_speed, &QComboBox::currentIndexChanged, this, [this] {
        if (m_replay)
            m_replay->setSpeed(m_speed->currentData().toDouble());
    });
    connect(m_leave, &QAction::triggered, this, &ReplayBar::leaveRequested);
    retranslate();
    hide();
}

void ReplayBar::setReplay(ReplaySource *replay, const QString &note)
{
    if (m_replay)
        disconnect(m_replay, nullptr, this, nullptr);
    m_replay = replay;
    m_note = note;
    setVisible(replay != nullptr);
    if (!replay)
        return;
    connect(replay, &ReplaySource::positionChanged, this, &ReplayBar::updateFromReplay);
    {
        const QSignalBlocker blocker(m_slider);
        m_slider->setRange(0, int(std::min<qint64>(replay->durationNs() / sliderUnitNs + 1, INT_MAX)));
    }
    replay->setSpeed(m_speed->currentData().toDouble());
    retranslate();
}

QString ReplayBar::titleText() const
{
    return m_title->text();
}

void ReplayBar::retranslate()
{
    m_stepBackward->setText(tr("Previous Event"));
    m_stepBackward->setToolTip(tr("Step back one event"));
    m_stepForward->setText(tr("Next Event"));
    m_stepForward->setToolTip(tr("Step forward one event"));
    m_leave->setText(tr("Leave Replay"));
    m_leave->setToolTip(tr("Stop replaying; Run starts a live run again"));
    m_slider->setToolTip(tr("Replay position (click or drag on the timeline's time axis too)"));
    m_speed->setToolTip(tr("Replay speed"));
    if (m_replay) {
        QDateTime recorded = m_replay->source().recordedAt();
        if (!recorded.isValid()) // a record from before "recordedAt": the file's date
            recorded = QFileInfo(m_replay->path()).lastModified();
        //: %1 the file name, %2 the date and time the run was recorded
        QString title = tr("Replay of %1 — recorded %2")
                            .arg(QFileInfo(m_replay->path()).fileName(),
                                 QLocale().toString(recorded.toLocalTime(), QLocale::ShortFormat));
        if (!m_note.isEmpty())
            title += QStringLiteral(" — ") + m_note;
        m_title->setText(title);
        m_title->setToolTip(QDir::toNativeSeparators(m_replay->path()));
    }
    updateFromReplay();
}

void ReplayBar::updateFromReplay()
{
    if (!m_replay)
        return;
    const bool playing = m_replay->isPlaying();
    m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_play->setText(playing ? tr("Pause") : tr("Play"));
    m_play->setToolTip(playing ? tr("Pause the replay") : tr("Play the replay"));
    m_stepBackward->setEnabled(m_replay->target() > 0);
    m_stepForward->setEnabled(!m_replay->atEnd());
    {
        const QSignalBlocker blocker(m_slider);
        m_slider->setValue(int(std::min<qint64>(m_replay->positionNs() / sliderUnitNs, INT_MAX)));
    }
    //: replay position: time / duration · events shown / all events
    m_position->setText(tr("%1 / %2 · event %3 of %4")
                            .arg(TimelineMath::formatDuration(m_replay->positionNs()),
                                 TimelineMath::formatDuration(m_replay->durationNs()))
                            .arg(m_replay->target())
                            .arg(m_replay->eventCount()));
}

void ReplayBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QToolBar::changeEvent(event);
}

} // namespace ProcessLab
