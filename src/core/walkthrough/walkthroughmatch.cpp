// SPDX-License-Identifier: MIT
#include "walkthroughmatch.h"

#include "record/runrecord.h"

namespace ProcessLab {

bool walkthroughEventMatches(const WalkthroughEvent &, const RunEvent &, const RunRecord &)
{
    return false; // skeleton
}

PredictionOutcome evaluatePrediction(const WalkthroughPrediction &, std::optional<int>, std::optional<double>,
                                     const RunRecord &)
{
    return {}; // skeleton
}

QString describeEvent(const WalkthroughEvent &)
{
    return {}; // skeleton
}

} // namespace ProcessLab
