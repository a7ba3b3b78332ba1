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
    bool summary = false;
};

struct BenchOptions
{
    int workers = 1;
    int repeat = 10;
    bool memory = false;
};

struct ParsedCommand
{
    enum class Kind { Help, Version, List, Run, Bench, Error };
    Kind kind = Kind::Help;
    RunOptions run;
    BenchOptions bench;
    QString error; // one line, for Kind::Error
};

// argv without the program name.
ParsedCommand parseCommandLine(const QStringList &arguments);
QString usageText();

} // namespace ProcessLab::Cli
