// SPDX-License-Identifier: MIT
#pragma once

#include "runtime/scriptobject.h"

#include <QCborMap>
#include <QCborValue>
#include <QList>
#include <QMap>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

namespace ProcessLab {

// A worker process the main program will create: its role name and what it runs.
struct WorkerSpec
{
    int id = 0; // 1..N; 0 is the main program
    QString role;
    QString behaviour; // name of a behaviour compiled into processlab-worker
    QCborMap arguments;
    // Objects of the main program handed to the worker in args=: parameter name -> object
    // name. At start the Run puts each object's attachment (ScriptObject::attachment())
    // into the Start arguments under the parameter name.
    QMap<QString, QString> objects = {};
};

// A value the main program computes for a print() or a call's arguments: a literal, a
// variable, a read of an object (`counter.value`, `results[:]`) or a small arithmetic
// expression of those (`2 * 10000 - counter.value`).
struct ScriptExpression
{
    enum class Kind { Literal, Variable, ObjectRead, Add, Subtract, Multiply };
    Kind kind = Kind::Literal;
    QCborValue literal;  // Literal
    QString name;        // Variable: its name; ObjectRead: the object's name
    QString member;      // ObjectRead: "value", "[:]", ...
    std::vector<ScriptExpression> operands; // Add/Subtract/Multiply: left, right

    static ScriptExpression value(const QCborValue &literal);
    static ScriptExpression variable(const QString &name);
    static ScriptExpression read(const QString &object, const QString &member);
    static ScriptExpression binary(Kind op, ScriptExpression left, ScriptExpression right);
};

// One statement of the example's main program, run asynchronously by the host.
// A step may be pending: it starts, and ends later when what it waits for happens (a
// worker ended, an object completed the call). A step may produce a value into a named
// variable of the main program's scope. Loops are data: Jump/JumpIfNone go to a step index.
struct ScriptStep
{
    enum class Kind {
        Create,       // Process(...) object created (no OS process yet)
        Start,        // start(): spawn the worker; returns at once, as in Python
        Join,         // join(): pending until the worker has ended
        Print,        // print(text), or print(*arguments) with Python's str() of each
        CreateObject, // object = Type(arguments...): asks the script's object factory
        Call,         // [variable =] object.method(arguments...): may be pending
        Jump,         // goto target (the end of a loop body, `while True:`)
        JumpIfNone,   // if variable is None: goto target (`if msg is None: break`)
    };

    Kind kind = Kind::Print;
    int worker = 0;
    QString text;       // the printed text for Print without arguments
    int sourceLine = 0; // 1-based line of the example's Python program this step stands for
    QString source;     // that line's code, trimmed (shown in the record and the GUI)
    QString context;    // inside a loop, the loop variable's value at this step ("i = 3"); else empty

    // (Members below have initializers, so the six-value brace form stays warning-free.)
    QString object = {}; // CreateObject: the new object's name; Call: the object called
    QString method = {}; // CreateObject: the object's type ("Queue"); Call: the method ("get")
    QList<ScriptExpression> arguments = {}; // Print, CreateObject, Call
    QString variable = {}; // Call: receives the result (may be empty); JumpIfNone: the variable tested
    int target = -1;    // Jump, JumpIfNone: index of the next step when taken
    // CreateObject: ProcessLab's own settings for the object, not arguments of the Python call
    // (a Pool's fault injection "killWorkerAfterMs"); they reach ScriptObjectSpec::options.
    QCborMap options = {};
};

// What the factory needs to create one object of the main program.
struct ScriptObjectSpec
{
    QString type;   // "Queue", "Pipe", ...
    QString name;   // the variable it is bound to
    int objectId = 0;      // 1.. in creation order, unique within the run
    QString runKey;        // the run's unique name (its local server), for segment names
    QList<QCborValue> arguments;
    ScriptHost *host = nullptr; // the Run: objects that start processes (Pool) use it
    QCborMap options;           // ScriptStep::options of the CreateObject step
};

// Creates the objects a script's CreateObject steps name; nullptr and *error if it cannot.
using ScriptObjectFactory = std::function<std::unique_ptr<ScriptObject>(const ScriptObjectSpec &spec, QString *error)>;

struct HostScript
{
    QList<WorkerSpec> workers;
    QList<ScriptStep> steps;
    ScriptObjectFactory objectFactory; // needed only by scripts with CreateObject steps
};

// Step builders for the new kinds.
ScriptStep createObjectStep(const QString &name, const QString &type, QList<ScriptExpression> arguments = {});
ScriptStep callStep(const QString &object, const QString &method, QList<ScriptExpression> arguments = {},
                    const QString &variable = {});
ScriptStep printStep(QList<ScriptExpression> arguments);
ScriptStep jumpStep(int target);
ScriptStep jumpIfNoneStep(const QString &variable, int target);
// Tags a step with the line of the Python program it stands for.
ScriptStep atLine(ScriptStep step, int sourceLine, const QString &source, const QString &context = {});

} // namespace ProcessLab

namespace ProcessLab {

// N workers running one behaviour: create all, start all, join all (the shape of 示例1),
// without source lines. Benchmarks and tests use it with test behaviours.
HostScript startAllThenJoinAll(const QList<WorkerSpec> &workers);
HostScript startAllThenJoinAll(int count, const QString &behaviour, const QCborMap &arguments = {});

} // namespace ProcessLab
