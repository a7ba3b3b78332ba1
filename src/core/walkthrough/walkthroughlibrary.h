// SPDX-License-Identifier: MIT
#pragma once

#include "walkthrough.h"

#include <QStringList>

namespace ProcessLab {

// The walkthroughs shipped with ProcessLab: resources/walkthroughs/<id>.json, compiled into
// the core library as :/walkthroughs/<id>.json.

// Their ids, sorted (`processlab --walkthrough ID`).
QStringList shippedWalkthroughIds();

// Loads and validates one; an unknown id is an error naming the ids there are.
WalkthroughLoadResult loadShippedWalkthrough(const QString &id);

} // namespace ProcessLab
