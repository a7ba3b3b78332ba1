// SPDX-License-Identifier: MIT
#include "walkthroughlibrary.h"

#include <QDir>

namespace ProcessLab {

namespace {

const QString resourceDirectory = QStringLiteral(":/walkthroughs");

} // namespace

QStringList shippedWalkthroughIds()
{
    QStringList ids;
    const QStringList files = QDir(resourceDirectory).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        ids << file.chopped(5); // ".json"
    ids.sort(); // by id: the files' order puts "pool-map.json" before "pool.json"
    return ids;
}

WalkthroughLoadResult loadShippedWalkthrough(const QString &id)
{
    const QStringList ids = shippedWalkthroughIds();
    if (!ids.contains(id)) {
        WalkthroughLoadResult result;
        result.error = QStringLiteral("no walkthrough \"%1\" (walkthroughs: %2)").arg(id, ids.join(u", "));
        return result;
    }
    return loadWalkthrough(QStringLiteral("%1/%2.json").arg(resourceDirectory, id));
}

} // namespace ProcessLab
