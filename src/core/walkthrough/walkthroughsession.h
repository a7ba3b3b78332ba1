// SPDX-License-Identifier: MIT
#pragma once

#include "walkthrough.h"
#include "walkthroughmatch.h"

#include <QObject>
#include <QTimer>

#include <chrono>
#include <optional>

namespace ProcessLab {

class RunRecord;

// What a session drives: the app's RunController + example selection, or a test's fake.
class WalkthroughStage
{
public:
    virtual ~WalkthroughStage() = default;
    virtual void selectExample(const QString &exampleId) = 0;   // its knobs back to defaults
    virtual void setKnobs(const QVariantMap &resolvedKnobs) = 0; // every knob of the example
    virtual void startRun(bool stepMode) = 0; // (re)start the selected example with its knobs
    virtual void stepMain() = 0;              // F10 on the active run
    virtual void continueRun() = 0;           // leave step mode
    virtual void pauseMain() = 0;             // step mode on, mid-run
    virtual void stopRun() = 0;
    virtual bool isRunActive() const = 0;
    virtual bool isStepping() const = 0;
};

// Plays a walkthrough on a stage (docs/walkthroughs.md, "Playing"): enters steps, applies their
// actions, watches the run's record for the event each action waits for, and evaluates
// predictions. Qt timers only: nothing here blocks.
class WalkthroughSession : public QObject
{
    Q_OBJECT
public:
    enum class Phase { Reading, Acting, Done };
    Q_ENUM(Phase)

    WalkthroughSession(Walkthrough walkthrough, WalkthroughStage *stage, QObject *parent = nullptr);
    ~WalkthroughSession() override;

    const Walkthrough &walkthrough() const { return m_walkthrough; }
    int currentStep() const { return m_step; }
    int stepCount() const { return static_cast<int>(m_walkthrough.steps.size()); }
    Phase phase() const { return m_phase; }

    void start(); // enters step 0
    void next();
    void back();
    void restart();
    void goToStep(int index);

    void answerChoice(int choice);
    void answerNumber(double value);
    std::optional<int> choiceAnswer() const { return m_choiceAnswer; }
    std::optional<double> numberAnswer() const { return m_numberAnswer; }
    std::optional<PredictionOutcome> outcome() const { return m_outcome; } // after the action is done
    QString failure() const;    // why the step failed, or empty; in the current UI language
    QString waitingFor() const; // while Acting: "Waiting until Worker 2 prints “…”"; else empty

    void setAutoplay(bool on, std::chrono::milliseconds pace, bool loop);
    bool autoplay() const { return m_autoplay; }
    void setStepTimeout(std::chrono::milliseconds timeout);

    // The app forwards its RunController's signals here (tests: a fake stage + a real Run).
    // The record passed must stay valid until the next runStarted() or the session's end.
    void runStarted(); // a new run (its record starts empty)
    void eventsAvailable(const RunRecord &record, qsizetype from, qsizetype to);
    void runFinished(const RunRecord &record, int exitCode);

signals:
    void stepEntered(int index);
    void phaseChanged(ProcessLab::WalkthroughSession::Phase phase);
    void answerChanged(); // an answer, or the outcome once the run could measure it
    void stepFailed(int index, const QString &message);
    void finished(); // the last step is Done (autoplay: before it loops)

private:
    // Why a step failed, kept as data so failure() speaks the current UI language.
    enum class Failure { None, RunEnded, Timeout };

    void enterStep(int index, bool applyStateInEffect);
    void beginAction();
    void scanEvents(); // the acting step looks at the delivered events it has not seen
    void completeAction();
    void failAction(Failure failure);
    void finishStep(); // phase Done and what follows: failure, finished(), autoplay
    void evaluateOutcome();
    void setPhase(Phase phase);
    void scheduleAutoplay();
    void autoplayTick();
    bool mainIsPaused() const;
    QString actionText() const; // what the step's action waits for
    QString exampleInEffect(int index) const;
    const WalkthroughStep &step() const { return m_walkthrough.steps.at(m_step); }

    Walkthrough m_walkthrough;
    WalkthroughStage *m_stage;
    int m_step = -1;
    Phase m_phase = Phase::Reading;
    std::optional<int> m_choiceAnswer;
    std::optional<double> m_numberAnswer;
    std::optional<PredictionOutcome> m_outcome;
    const RunRecord *m_outcomeRecord = nullptr; // the run the outcome was measured in
    Failure m_failure = Failure::None;

    // The run as the session sees it.
    const RunRecord *m_record = nullptr; // the current run's record, once it has events
    qsizetype m_matchFrom = 0;   // the next step's events are matched from here (same run)
    qsizetype m_scanFrom = 0;    // the acting step has looked at the events before this
    qsizetype m_delivered = 0;   // events the stage has reported (it delivers a flood in chunks)
    bool m_awaitingNewRun = false; // startRun() called: the old run's signals are ignored

    bool m_autoplay = false;
    bool m_loop = false;
    std::chrono::milliseconds m_pace{0};
    QTimer m_autoplayTimer;
    std::chrono::milliseconds m_stepTimeout{120'000};
    QTimer m_watchdog;
};

} // namespace ProcessLab
