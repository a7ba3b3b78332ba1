// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

namespace ProcessLab::Worker {

class WorkerContext;

// A behaviour is what a worker process runs; its return value is the exit code.
using BehaviourFunction = int (*)(const WorkerContext &context);

struct Behaviour
{
    const char *name;
    BehaviourFunction run;
};

QList<Behaviour> basicBehaviours(); // examples process, subclass
QList<Behaviour> testBehaviours();  // crash, flood, ... for tests and benchmarks

BehaviourFunction findBehaviour(const QString &name);

} // namespace ProcessLab::Worker
