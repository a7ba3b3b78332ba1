// SPDX-License-Identifier: MIT
#pragma once

#include <QCborValue>
#include <QString>

namespace ProcessLab {

// What the Python program calls a function the pool workers run, and how many of the
// arguments a task carries are the program's: the tutorial's `worker(num)` is the worker's
// `pool.tutorial-worker` (num, sleep), whose sleep is a knob the listing writes as
// `time.sleep(2)`, not an argument. The one place that maps function ids to what the user wrote.
struct PoolFunctionName
{
    QString python;             // "worker", "square"; an unknown id as it is
    qsizetype shownArguments = -1; // the first this many arguments are the program's; -1: all
};

PoolFunctionName poolFunctionName(const QString &functionId);

// A call as Python writes it, with the program's arguments only: "worker(1)", "square(3)".
// `arguments`: the argument list (an array), or the single argument of a map item.
QString poolCallText(const QString &functionId, const QCborValue &arguments, bool isArgumentList);

// A chunk of map: "square × 10 (items 0..9)".
QString poolChunkText(const QString &functionId, qint64 firstItem, qint64 itemCount);

} // namespace ProcessLab
