// SPDX-License-Identifier: MIT
#pragma once

#include "hostscript.h"
#include "knob.h"
#include "sourcelisting.h"

#include <QHash>
#include <QList>
#include <QVariantMap>

#include <functional>

namespace ProcessLab {

// Where an example sits in the tutorial; the GUI groups its list by this.
enum class ExampleGroup { Basics, Communication, Pool };

struct ExampleDefinition
{
    QString id; // stable: CLI, GUI, tests and docs use it
    ExampleGroup group = ExampleGroup::Basics;
    QString titleEn;
    QString titleZh;
    QString summaryEn;
    QString summaryZh;
    QList<KnobSpec> knobs;
    QString pythonResource; // ":/examples/<id>.py", runnable with python3
    QString cppResource;    // the worker code that implements it
    // Worker trace label -> start of the Python line it stands for.
    QHash<QString, QString> traceLines;
    std::function<HostScript(const QVariantMap &knobs, const SourceListing &python)> buildScript;

    SourceListing pythonSource() const { return SourceListing::fromResource(pythonResource); }
    HostScript script(const QVariantMap &resolvedKnobs) const;
    QHash<QString, int> traceSourceLines() const; // label -> 1-based Python line
};

namespace ExampleRegistry {
const QList<ExampleDefinition> &all();
const ExampleDefinition *find(const QString &id);
QString groupTitle(ExampleGroup group, bool chinese);
} // namespace ExampleRegistry

} // namespace ProcessLab
