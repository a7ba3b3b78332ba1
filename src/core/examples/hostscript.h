// SPDX-License-Identifier: MIT
#pragma once

#include <QCborMap>
#include <QList>
#include <QString>

namespace ProcessLab {

// A worker process the main program will create: its role name and what it runs.
struct WorkerSpec
{
    int id = 0; // 1..N; 0 is the main program
    QString role;
    QString behaviour; // name of a behaviour compiled into processlab-worker
    QCborMap arguments;
};

// One statement of the example's main program, run asynchronously by the host.
struct ScriptStep
{
    enum class Kind {
        Create, // Process(...) object created (no OS process yet)
        Start,  // start(): spawn the worker; returns at once, as in Python
        Join,   // join(): wait until the worker has ended
        Print,  // print(text) from the main program
    };
    Kind kind = Kind::Print;
    int worker = 0;
    QString text;       // the printed text for Print
    int sourceLine = 0; // 1-based line of the example's Python program this step stands for
    QString source;     // that line's code, trimmed (shown in the record and the GUI)
    QString context;    // inside a loop, the loop variable's value at this step ("i = 3"); else empty
};

struct HostScript
{
    QList<WorkerSpec> workers;
    QList<ScriptStep> steps;
};

} // namespace ProcessLab

namespace ProcessLab {

// N workers running one behaviour: create all, start all, join all (the shape of 示例1),
// without source lines. Benchmarks and tests use it with test behaviours.
HostScript startAllThenJoinAll(const QList<WorkerSpec> &workers);
HostScript startAllThenJoinAll(int count, const QString &behaviour, const QCborMap &arguments = {});

} // namespace ProcessLab
