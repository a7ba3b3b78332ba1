// SPDX-License-Identifier: MIT
#pragma once

#include "sourcelisting.h"

#include <QHash>
#include <QList>
#include <QString>

namespace ProcessLab {

// A statement of a generated program that a host step stands for.
struct ProgramStatement
{
    int line = 0;    // 1-based
    QString context; // inside a loop, the loop variable's value at this step ("i = 3"); else empty
};

// The Python program of an example for one set of knob values, together with the line of
// every statement the host script and the worker's trace labels stand for. Host scripts
// take their lines from here (never by searching the text), so every line a step, trace or
// marker names exists in the listing the user sees.
struct PythonProgram
{
    struct WorkerStatements
    {
        ProgramStatement create; // the Process object is made
        ProgramStatement start;
        ProgramStatement join;
    };

    QString text; // exactly what a .py file holds, final newline included
    SourceListing listing;
    QList<WorkerStatements> workers; // index = worker id - 1
    ProgramStatement finalPrint;     // print("All processes finished")
    QHash<QString, int> traceLines;  // worker trace label ("started", "sleep", ...) -> line
    // Statements of the main program by name ("queue.create", "producer.2.start",
    // "sentinel.1", "recv", "print.final", ...), for programs whose steps are not only
    // create/start/join per worker. Each generator documents its names.
    QHash<QString, ProgramStatement> statements;
};

// Appends a program line by line and tells each line's number, so a generator records the
// lines of its statements as it writes them.
class PythonProgramWriter
{
public:
    explicit PythonProgramWriter(int workers);

    int add(const QString &line); // returns the line's 1-based number
    // Adds the line and records it as the main program's statement `name`.
    int addStatement(const QString &name, const QString &line, const QString &context = {});
    // Adds the line and records it as the line of the worker trace label.
    int addTrace(const QString &label, const QString &line);
    void blank() { add(QString()); }
    PythonProgram &program() { return m_program; }
    PythonProgram finish();

private:
    PythonProgram m_program;
    int m_lines = 0;
};

// A Python float or int literal as a person writes it: 2, 0.5, 0.25 (shortest round trip).
QString pythonNumber(double value);

} // namespace ProcessLab
