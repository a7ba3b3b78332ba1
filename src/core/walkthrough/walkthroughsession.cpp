// SPDX-License-Identifier: MIT
#include "walkthroughsession.h"

#include "record/runrecord.h"

namespace ProcessLab {

WalkthroughSession::WalkthroughSession(Walkthrough walkthrough, WalkthroughStage *stage, QObject *parent)
    : QObject(parent), m_walkthrough(std::move(walkthrough)), m_stage(stage)
{
}

WalkthroughSession::~WalkthroughSession() = default;

void WalkthroughSession::start() {}
void WalkthroughSession::next() {}
void WalkthroughSession::back() {}
void WalkthroughSession::restart() {}
void WalkthroughSession::goToStep(int) {}
void WalkthroughSession::answerChoice(int) {}
void WalkthroughSession::answerNumber(double) {}
QString WalkthroughSession::failure() const { return {}; }
QString WalkthroughSession::waitingFor() const { return {}; }
void WalkthroughSession::setAutoplay(bool, std::chrono::milliseconds, bool) {}
void WalkthroughSession::setStepTimeout(std::chrono::milliseconds) {}
void WalkthroughSession::runStarted() {}
void WalkthroughSession::eventsAvailable(const RunRecord &, qsizetype, qsizetype) {}
void WalkthroughSession::runFinished(const RunRecord &, int) {}

} // namespace ProcessLab
