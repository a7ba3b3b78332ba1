// SPDX-License-Identifier: MIT
#pragma once

#include "hostscript.h"
#include "knob.h"
#include "pythonprogram.h"
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
    QString pythonResource; // the listing at the default knobs ":/examples/<id>.py", runnable with python3
    // The tutorial prints that listing. false: the tutorial only names the topic (Pipe,
    // Value/Array) and the listing is ProcessLab's own; views must not call it the tutorial's.
    bool listingFromTutorial = true;
    QString cppResource;    // the worker code that implements it
    // The Python program for resolved knob values: the tutorial's text for the tutorial's
    // values, otherwise the same program written for the given values.
    std::function<PythonProgram(const QVariantMap &knobs)> generatePython;
    // The main program's steps, each pointing at a line of that program.
    std::function<HostScript(const QVariantMap &knobs, const PythonProgram &python)> buildScript;

    QString tutorialText() const;          // the tutorial's listing, byte for byte
    SourceListing tutorialSource() const { return SourceListing(tutorialText()); }
    PythonProgram pythonProgram(const QVariantMap &resolvedKnobs) const { return generatePython(resolvedKnobs); }
    bool isTutorialProgram(const PythonProgram &program) const { return program.text == tutorialText(); }
    HostScript script(const QVariantMap &resolvedKnobs) const;
    // Worker trace label -> 1-based line of pythonProgram(resolvedKnobs).
    QHash<QString, int> traceSourceLines(const QVariantMap &resolvedKnobs) const;
};

namespace ExampleRegistry {
const QList<ExampleDefinition> &all();
const ExampleDefinition *find(const QString &id);
QString groupTitle(ExampleGroup group, bool chinese);
} // namespace ExampleRegistry

} // namespace ProcessLab
