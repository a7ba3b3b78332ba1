// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace ProcessLab::Cli {

struct RunOptions
{
    QString exampleId;
    QVariantMap knobs; // resolved: every knob has a checked value
    QString jsonPath;
    QString tracePath;
    QString csvPath; // and, for a pool, poolTasksCsvPath(csvPath)
    bool summary = false;
    bool cppListing = false; // show: the C++ worker code instead of the Python listing
};

struct BenchOptions
{
    enum class Benchmark { Spawn, Ipc, Pool };
    Benchmark benchmark = Benchmark::Spawn;
    int workers = 1;     // spawn: workers started at once; pool: processes
    int repeat = 10;     // rounds measured (spawn and ipc)
    bool memory = false; // spawn
    QString ipcCase;     // ipc: one of ipcBenchCases() (ipcbenchcommand.h)
    qint64 ops = 0;      // ipc: operations per round; pool: tasks (map: items); 0 = the case's default
    QString poolCase;    // pool: one of poolBenchCases() (poolbenchcommand.h)
};

// `export RECORD.json --trace FILE --csv FILE --json FILE`: a saved run's exports, as `run` writes them.
struct ExportOptions
{
    QString recordPath;
    QString jsonPath;
    QString tracePath;
    QString csvPath; // and, for a pool, poolTasksCsvPath(csvPath)
};

// `python SCRIPT.py [args] [--json FILE] [--trace FILE] [--summary] [--python INTERPRETER] [--cwd DIR]`:
// ProcessLab's options may come before or after the script; other arguments after the script, and
// everything after a `--` that follows it, are the script's.
struct PythonOptions
{
    QString script;
    QStringList arguments;
    QString interpreter; // empty: python3 on PATH
    QString workingDirectory;
    QString jsonPath;
    QString tracePath;
    bool summary = false;
};

struct ParsedCommand
{
    enum class Kind { Help, Version, List, Run, Show, Bench, Export, Python, Error };
    Kind kind = Kind::Help;
    RunOptions run;
    BenchOptions bench;
    ExportOptions exports;
    PythonOptions python;
    QString error; // one line, for Kind::Error
};

// argv without the program name.
ParsedCommand parseCommandLine(const QStringList &arguments);
QString usageText();

} // namespace ProcessLab::Cli
