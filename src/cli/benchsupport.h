// SPDX-License-Identifier: MIT
#pragma once

// What the `processlab-cli bench` commands share: a round's run to its end, the failing
// round said on stderr, the median of the rounds and the result printed as one JSON line
// for bench/ scripts, and the lookup of a bench's --case.

#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <algorithm>
#include <functional>
#include <span>

class QJsonObject;

namespace ProcessLab {
class Run;
class RunRecord;
} // namespace ProcessLab

namespace ProcessLab::Cli {

// Runs the run in a local event loop until it has finished. beforeStart, if given, runs in
// the loop right before Run::start() (to start what watches the round).
void runToEnd(Run &run, const std::function<void()> &beforeStart = {});

// What went wrong in a round's run, in order: error events and stderr lines of any process.
QStringList runErrors(const RunRecord &record);
// The main program's stdout lines.
QStringList mainOutput(const RunRecord &record);
// A round's problem with the run's errors after it ("problem: error; error"), if any.
QString withErrors(const QString &problem, const QStringList &errors);

// "bench <bench> <case>: round <round> failed: <problem>" on stderr (round counts from 1).
void reportFailedRound(const QString &bench, const QString &caseName, int round, const QString &problem);

double median(QList<double> values);
QJsonArray toJsonArray(const QList<double> &values);

// The result as one compact JSON line on stdout.
void printJsonLine(const QJsonObject &result);

// A bench's --case table: an array of structs whose `name` is the --case value.
template <typename Case>
const Case *findBenchCase(std::span<const Case> cases, QStringView name)
{
    const auto found = std::find_if(cases.begin(), cases.end(),
                                    [&name](const Case &c) { return name == QLatin1StringView(c.name); });
    return found == cases.end() ? nullptr : &*found;
}

// "a, b, c": the case names, for messages.
template <typename Case>
QString benchCaseNames(std::span<const Case> cases)
{
    QStringList names;
    for (const Case &c : cases)
        names.append(QLatin1StringView(c.name));
    return names.join(QLatin1StringView(", "));
}

} // namespace ProcessLab::Cli
