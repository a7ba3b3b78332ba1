// SPDX-License-Identifier: MIT
#pragma once

#include "walkthrough.h"

#include <QString>

#include <optional>

namespace ProcessLab {

class RunRecord;
struct RunEvent;

// What a prediction's step really produced, compared with the answer given.
struct PredictionOutcome
{
    bool answered = false;   // the user gave an answer
    bool measured = false;   // the run produced the value (false: e.g. nothing was printed)
    bool right = false;      // answered && measured && it matches
    int actualChoice = -1;   // choice predictions
    double actualNumber = 0; // number predictions
    QString actualText;      // what really happened, ready to show ("2.04 s", "Worker 2 started")
};

// Pure functions over a run's record: used by WalkthroughSession, testable alone.

// True when `event` (one event of `record`) is what `wanted` describes. Process names are the
// roles of the record's ProcessCreated events; objects the names of its IpcObjectCreated events.
bool walkthroughEventMatches(const WalkthroughEvent &wanted, const RunEvent &event, const RunRecord &record);

// The outcome of a prediction against a run's record (finished or not: what it has so far).
PredictionOutcome evaluatePrediction(const WalkthroughPrediction &prediction, std::optional<int> choice,
                                     std::optional<double> number, const RunRecord &record);

// "Worker 2 prints “Worker 2 started”": UI text in the current UI language (translated through
// the "ProcessLab::Walkthrough" context), for the panel and failure messages.
QString describeEvent(const WalkthroughEvent &event);
// The same in the past: "Worker 2 printed “…”" (what a run ended without).
QString describeMissedEvent(const WalkthroughEvent &event);

} // namespace ProcessLab
