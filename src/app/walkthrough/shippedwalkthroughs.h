// SPDX-License-Identifier: MIT
#pragma once
// Stand-in until WalkthroughLibrary (core, helper A) lands: the same two functions over
// the :/walkthroughs resources.
#include "walkthrough/walkthrough.h"

#include <QDir>

namespace ProcessLab {
inline QStringList shippedWalkthroughIds()
{
    QStringList ids;
    for (const QString &name : QDir(QStringLiteral(":/walkthroughs")).entryList({QStringLiteral("*.json")}, QDir::Files))
        ids.append(name.chopped(5));
    return ids;
}
inline WalkthroughLoadResult loadShippedWalkthrough(const QString &id)
{
    if (!shippedWalkthroughIds().contains(id))
        return {std::nullopt, {}};
    return loadWalkthrough(QStringLiteral(":/walkthroughs/%1.json").arg(id));
}
} // namespace ProcessLab
