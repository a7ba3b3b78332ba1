// SPDX-License-Identifier: MIT
#pragma once

#include <QPointer>
#include <QToolBar>

class QComboBox;
class QLabel;
class QSlider;

namespace ProcessLab {

class ReplaySource;

// The controls of a replay, shown only while one plays: what is replayed and when it was
// recorded, play/pause, step to the previous/next event, the position (a slider; the
// timeline's axis scrubs too), the speed (0.25×–8×) and leaving the replay.
class ReplayBar : public QToolBar
{
    Q_OBJECT
public:
    explicit ReplayBar(QWidget *parent = nullptr);

    // nullptr hides the bar. note: what could not be shown (e.g. the example is unknown).
    void setReplay(ReplaySource *replay, const QString &note = {});
    QAction *playAction() const { return m_play; }
    QAction *leaveAction() const { return m_leave; }
    QAction *stepForwardAction() const { return m_stepForward; }
    QAction *stepBackwardAction() const { return m_stepBackward; }
    QComboBox *speedBox() const { return m_speed; }
    QSlider *slider() const { return m_slider; }
    QString titleText() const;

signals:
    void leaveRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateFromReplay();

    QPointer<ReplaySource> m_replay;
    QString m_note;
    QLabel *m_title = nullptr;
    QAction *m_play = nullptr;
    QAction *m_stepBackward = nullptr;
    QAction *m_stepForward = nullptr;
    QSlider *m_slider = nullptr;
    QLabel *m_position = nullptr;
    QComboBox *m_speed = nullptr;
    QAction *m_leave = nullptr;
};

} // namespace ProcessLab
