// SPDX-License-Identifier: MIT
#include "walkthroughsession.h"

#include "record/runrecord.h"

#include <algorithm>
#include <cmath>

namespace ProcessLab {

namespace {

// Actions that wait for the run; the others (select-example, set-knobs) apply on entering.
bool waitsForRun(WalkthroughAction::Kind kind)
{
    switch (kind) {
    case WalkthroughAction::Kind::Run:
    case WalkthroughAction::Kind::Step:
    case WalkthroughAction::Kind::RunUntil:
    case WalkthroughAction::Kind::Pause:
    case WalkthroughAction::Kind::Stop: return true;
    case WalkthroughAction::Kind::None:
    case WalkthroughAction::Kind::SelectExample:
    case WalkthroughAction::Kind::SetKnobs: return false;
    }
    return false;
}

} // namespace

WalkthroughSession::WalkthroughSession(Walkthrough walkthrough, WalkthroughStage *stage, QObject *parent)
    : QObject(parent), m_walkthrough(std::move(walkthrough)), m_stage(stage)
{
    m_autoplayTimer.setSingleShot(true);
    connect(&m_autoplayTimer, &QTimer::timeout, this, &WalkthroughSession::autoplayTick);
    m_watchdog.setSingleShot(true);
    connect(&m_watchdog, &QTimer::timeout, this, [this] {
        if (m_phase == Phase::Acting)
            failAction(Failure::Timeout);
    });
}

WalkthroughSession::~WalkthroughSession() = default;

void WalkthroughSession::start()
{
    if (stepCount() > 0)
        enterStep(0, true);
}

void WalkthroughSession::next()
{
    if (m_step < 0)
        return;
    switch (m_phase) {
    case Phase::Reading:
        if (waitsForRun(step().action.kind))
            beginAction();
        else if (m_step + 1 < stepCount())
            enterStep(m_step + 1, false);
        else
            completeAction(); // the last step, nothing to wait for: the walkthrough is done
        return;
    case Phase::Acting:
        return; // the step ends when its event is observed (or fails)
    case Phase::Done:
        if (m_step + 1 < stepCount())
            enterStep(m_step + 1, false);
        return;
    }
}

void WalkthroughSession::back()
{
    if (m_step > 0)
        enterStep(m_step - 1, true);
}

void WalkthroughSession::restart()
{
    if (m_stage->isRunActive())
        m_stage->stopRun();
    start();
}

void WalkthroughSession::goToStep(int index)
{
    if (index >= 0 && index < stepCount())
        enterStep(index, true);
}

void WalkthroughSession::answerChoice(int choice)
{
    // Answered before the action: afterwards the run has shown the truth.
    if (m_step < 0 || m_phase != Phase::Reading || !step().prediction
        || step().prediction->kind != WalkthroughPrediction::Kind::Choice || choice < 0
        || choice >= step().prediction->choices.size())
        return;
    m_choiceAnswer = choice;
    emit answerChanged();
}

void WalkthroughSession::answerNumber(double value)
{
    if (m_step < 0 || m_phase != Phase::Reading || !step().prediction
        || step().prediction->kind != WalkthroughPrediction::Kind::Number || !std::isfinite(value))
        return;
    m_numberAnswer = value;
    emit answerChanged();
}

QString WalkthroughSession::failure() const
{
    switch (m_failure) {
    case Failure::None: return {};
    case Failure::RunEnded: return tr("The run ended before %1.").arg(describeMissedEvent(step().action.until));
    case Failure::Timeout: {
        const int seconds = static_cast<int>((m_stepTimeout.count() + 999) / 1000);
        return tr("Gave up after %n second(s) of waiting: %1", nullptr, seconds).arg(actionText());
    }
    }
    return {};
}

QString WalkthroughSession::waitingFor() const
{
    return m_phase == Phase::Acting ? actionText() : QString();
}

QString WalkthroughSession::actionText() const
{
    if (m_step < 0)
        return {};
    switch (step().action.kind) {
    case WalkthroughAction::Kind::Run: return tr("Waiting for the run to end");
    case WalkthroughAction::Kind::Step: return tr("Waiting for the main program to reach its next statement");
    case WalkthroughAction::Kind::RunUntil: return tr("Waiting until %1").arg(describeEvent(step().action.until));
    case WalkthroughAction::Kind::Pause: return tr("Waiting for the main program to pause");
    case WalkthroughAction::Kind::Stop: return tr("Waiting for the run to stop");
    case WalkthroughAction::Kind::None:
    case WalkthroughAction::Kind::SelectExample:
    case WalkthroughAction::Kind::SetKnobs: return {};
    }
    return {};
}

void WalkthroughSession::setAutoplay(bool on, std::chrono::milliseconds pace, bool loop)
{
    m_autoplay = on;
    m_pace = std::max(pace, std::chrono::milliseconds(0));
    m_loop = loop;
    if (on)
        scheduleAutoplay();
    else
        m_autoplayTimer.stop();
}

void WalkthroughSession::setStepTimeout(std::chrono::milliseconds timeout)
{
    m_stepTimeout = std::max(timeout, std::chrono::milliseconds(1));
    if (m_watchdog.isActive())
        m_watchdog.start(m_stepTimeout);
}

void WalkthroughSession::runStarted()
{
    m_awaitingNewRun = false;
    m_record = nullptr;
    m_matchFrom = 0;
    m_scanFrom = 0; // an acting step looks at the new run from its beginning
    m_delivered = 0;
    m_outcomeRecord = nullptr;
}

void WalkthroughSession::eventsAvailable(const RunRecord &record, qsizetype from, qsizetype to)
{
    Q_UNUSED(from); // the acting step scans from where it left off, which may be earlier
    if (m_awaitingNewRun || (m_record && &record != m_record))
        return; // the run being replaced
    m_record = &record;
    m_delivered = std::min(std::max(to, m_delivered), record.size());
    if (m_phase == Phase::Acting)
        scanEvents();
}

void WalkthroughSession::runFinished(const RunRecord &record, int exitCode)
{
    Q_UNUSED(exitCode);
    if (m_awaitingNewRun || (m_record && &record != m_record))
        return;
    m_record = &record;
    m_delivered = record.size(); // the run is over: all of it counts
    if (m_phase == Phase::Acting) {
        scanEvents(); // its last events
        if (m_phase == Phase::Acting) {
            if (step().action.kind == WalkthroughAction::Kind::RunUntil)
                failAction(Failure::RunEnded);
            else
                completeAction(); // run, stop; step and pause: nothing left to wait for
        }
    } else if (m_phase == Phase::Done && m_outcome && !m_outcome->measured && m_outcomeRecord == &record) {
        // What the step's run could not show yet (its wall time): the run's end shows it.
        evaluateOutcome();
        emit answerChanged();
    }
}

void WalkthroughSession::enterStep(int index, bool applyStateInEffect)
{
    m_autoplayTimer.stop();
    m_watchdog.stop();
    m_step = index;
    m_choiceAnswer.reset();
    m_numberAnswer.reset();
    m_outcome.reset();
    m_outcomeRecord = nullptr;
    m_failure = Failure::None;
    const WalkthroughStep &entered = step();
    if (applyStateInEffect) {
        // Back, a jump or the start: the example and knobs in effect there, whatever came before.
        // A later step's match position would hide the events of the steps before it: a
        // re-entered run-until matches from the run's start, so an event already passed counts.
        m_matchFrom = 0;
        m_stage->selectExample(exampleInEffect(index));
        m_stage->setKnobs(entered.knobs);
    } else if (entered.action.kind == WalkthroughAction::Kind::SelectExample) {
        m_stage->selectExample(entered.action.example);
        m_stage->setKnobs(entered.knobs);
    } else if (entered.action.kind == WalkthroughAction::Kind::SetKnobs) {
        m_stage->setKnobs(entered.knobs);
    }
    m_phase = Phase::Reading;
    emit stepEntered(index);
    emit phaseChanged(m_phase);
    scheduleAutoplay();
}

void WalkthroughSession::beginAction()
{
    m_failure = Failure::None;
    setPhase(Phase::Acting);
    m_watchdog.start(m_stepTimeout);
    const bool active = m_stage->isRunActive();
    const bool stepping = m_stage->isStepping();
    const qsizetype recorded = m_delivered;
    // Positions and flags are set before the stage is called: it may report events at once.
    switch (step().action.kind) {
    case WalkthroughAction::Kind::Run:
        if (active && stepping) {
            m_scanFrom = recorded;
            m_stage->continueRun();
        } else {
            m_awaitingNewRun = true;
            m_stage->startRun(false);
        }
        return;
    case WalkthroughAction::Kind::Step:
        if (!active) {
            m_awaitingNewRun = true;
            m_stage->startRun(true);
        } else {
            m_scanFrom = recorded;
            if (stepping)
                m_stage->stepMain();
            else
                m_stage->pauseMain(); // running freely: F10 stops before the next statement
        }
        return;
    case WalkthroughAction::Kind::RunUntil:
        if (!active) {
            m_awaitingNewRun = true;
            m_stage->startRun(false);
            return;
        }
        m_scanFrom = m_matchFrom; // what the run did while the step was read counts
        if (stepping)
            m_stage->continueRun();
        if (m_phase == Phase::Acting)
            scanEvents();
        return;
    case WalkthroughAction::Kind::Pause:
        if (!active || (stepping && mainIsPaused())) {
            completeAction();
            return;
        }
        m_scanFrom = recorded;
        m_stage->pauseMain();
        return;
    case WalkthroughAction::Kind::Stop:
        if (!active) {
            completeAction();
            return;
        }
        m_stage->stopRun();
        return;
    case WalkthroughAction::Kind::None:
    case WalkthroughAction::Kind::SelectExample:
    case WalkthroughAction::Kind::SetKnobs:
        completeAction();
        return;
    }
}

void WalkthroughSession::scanEvents()
{
    if (!m_record)
        return;
    const QList<RunEvent> &events = m_record->events();
    const WalkthroughAction &action = step().action;
    const qsizetype end = std::min(m_delivered, events.size());
    for (qsizetype i = m_scanFrom; i < end; ++i) {
        const RunEvent &event = events.at(i);
        const bool done = action.kind == WalkthroughAction::Kind::RunUntil
                              ? walkthroughEventMatches(action.until, event, *m_record)
                              : (action.kind == WalkthroughAction::Kind::Step
                                 || action.kind == WalkthroughAction::Kind::Pause)
                                    && event.kind == EventKind::Paused;
        if (done) {
            m_scanFrom = m_matchFrom = i + 1;
            completeAction();
            return;
        }
    }
    m_scanFrom = std::max(m_scanFrom, end);
}

void WalkthroughSession::completeAction()
{
    m_watchdog.stop();
    evaluateOutcome();
    finishStep();
}

void WalkthroughSession::finishStep()
{
    const int index = m_step;
    setPhase(Phase::Done);
    if (m_step != index || m_phase != Phase::Done)
        return; // a slot moved on (Next from phaseChanged): that step is what counts now
    if (m_failure != Failure::None) {
        emit stepFailed(index, failure());
        if (m_step != index || m_phase != Phase::Done)
            return;
    }
    if (index == stepCount() - 1)
        emit finished();
    scheduleAutoplay();
}

void WalkthroughSession::failAction(Failure failure)
{
    m_watchdog.stop();
    m_failure = failure;
    evaluateOutcome();
    finishStep();
}

void WalkthroughSession::evaluateOutcome()
{
    if (!step().prediction)
        return;
    static const RunRecord noRun;
    m_outcome = evaluatePrediction(*step().prediction, m_choiceAnswer, m_numberAnswer, m_record ? *m_record : noRun);
    m_outcomeRecord = m_record;
}

void WalkthroughSession::setPhase(Phase phase)
{
    if (m_phase == phase)
        return;
    m_phase = phase;
    emit phaseChanged(phase);
}

void WalkthroughSession::scheduleAutoplay()
{
    if (m_autoplay && m_step >= 0 && m_phase != Phase::Acting)
        m_autoplayTimer.start(m_pace);
}

void WalkthroughSession::autoplayTick()
{
    if (!m_autoplay || m_step < 0)
        return;
    if (m_phase == Phase::Done && m_step == stepCount() - 1) {
        if (m_loop)
            restart();
        return;
    }
    next(); // Reading: the action (a question stays unanswered); Done: the next step
}

bool WalkthroughSession::mainIsPaused() const
{
    if (!m_record)
        return false;
    const QList<RunEvent> &events = m_record->events();
    for (qsizetype i = std::min(m_delivered, events.size()) - 1; i >= 0; --i) {
        const EventKind kind = events.at(i).kind;
        if (kind == EventKind::Paused)
            return true;
        if (kind == EventKind::ScriptStep || kind == EventKind::RunFinished)
            return false;
    }
    return false;
}

QString WalkthroughSession::exampleInEffect(int index) const
{
    for (int i = index; i >= 0; --i)
        if (m_walkthrough.steps.at(i).action.kind == WalkthroughAction::Kind::SelectExample)
            return m_walkthrough.steps.at(i).action.example;
    return m_walkthrough.example;
}

} // namespace ProcessLab
