// SPDX-License-Identifier: MIT
#include "cliarguments.h"

#include "benchsupport.h"
#include "ipcbenchcommand.h"
#include "poolbenchcommand.h"

#include "examples/exampleregistry.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QSet>

#include <functional>
#include <optional>

namespace ProcessLab::Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ProcessLab::Cli", text);
}

ParsedCommand error(const QString &text)
{
    ParsedCommand command;
    command.kind = ParsedCommand::Kind::Error;
    command.error = text;
    return command;
}

QString exampleIds()
{
    QStringList ids;
    for (const ExampleDefinition &example : ExampleRegistry::all())
        ids.append(example.id);
    return ids.join(QLatin1StringView(", "));
}

// QCommandLineParser with our conventions: "--name value" or "--name=value", a single dash
// works like two, and its errors are turned into our one-line messages by the callers.
struct SubcommandParser
{
    QCommandLineParser parser;
    QStringList arguments;
    QList<QCommandLineOption> definedOptions; // without --help

    explicit SubcommandParser(QStringList args)
        : arguments(std::move(args))
    {
        parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
        parser.addOption(QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")}, tr("Show the usage.")));
    }

    bool parse() { return parser.parse(QStringList{QStringLiteral("processlab-cli")} + arguments); }

    // Why parse() failed when no option was unknown: the option given "=value" although it
    // takes none, or the one whose value is missing (only possible at the end).
    struct ValueProblem
    {
        QString option;
        bool unexpectedValue = false;
    };
    ValueProblem valueProblem() const
    {
        for (const QString &arg : arguments) {
            if (arg == QLatin1StringView("--"))
                break;
            const qsizetype eq = arg.indexOf(QLatin1Char('='));
            if (!arg.startsWith(QLatin1Char('-')) || eq < 0)
                continue;
            const QString name = optionName(arg.left(eq));
            if (!takesValue(name))
                return {name, true};
        }
        return {arguments.isEmpty() ? QString() : optionName(arguments.constLast()), false};
    }

    bool takesValue(const QString &name) const
    {
        return std::any_of(definedOptions.cbegin(), definedOptions.cend(), [&name](const QCommandLineOption &o) {
            return o.names().contains(name) && !o.valueName().isEmpty();
        });
    }

    // An unknown option as the user typed it ("-w", "--wrokers"), without any "=value".
    QString asTyped(const QString &name) const
    {
        for (const QString &arg : arguments) {
            if (arg == QLatin1StringView("--"))
                break;
            const QString option = arg.left(arg.indexOf(QLatin1Char('='))); // whole arg without '='
            if (option.startsWith(QLatin1Char('-')) && optionName(option) == name)
                return option;
        }
        return QStringLiteral("--") + name;
    }

    static QString optionName(const QString &arg)
    {
        qsizetype dashes = 0;
        while (dashes < arg.size() && dashes < 2 && arg.at(dashes) == QLatin1Char('-'))
            ++dashes;
        return arg.mid(dashes);
    }

    void addOption(const QCommandLineOption &option)
    {
        parser.addOption(option);
        definedOptions.append(option);
    }

    // The first option given more than once; name and alias count together (--x, --no-x).
    QString repeatedOption(const QList<QStringList> &groups) const
    {
        const QStringList found = parser.optionNames();
        for (const QStringList &group : groups) {
            qsizetype count = 0;
            for (const QString &name : group)
                count += found.count(name);
            if (count > 1)
                return group.constFirst();
        }
        return {};
    }
};

QString repeatedMessage(const QString &option)
{
    return tr("--%1 given more than once; give each option once").arg(option);
}

// An option naming a file to write (--json, --trace, --csv): given a name that is not an
// option, and not a file another of them writes. *taken: the files named so far, and by which.
QString checkFileOption(const QCommandLineParser &parser, const QCommandLineOption &option,
                        QHash<QString, QString> *taken)
{
    if (!parser.isSet(option))
        return {};
    const QString name = option.names().constFirst();
    const QString path = parser.value(option);
    if (path.isEmpty())
        return tr("--%1 needs a file name").arg(name);
    if (path.startsWith(QLatin1StringView("--"))) // "--json --summary" must not write a file "--summary"
        return tr("--%1 needs a file name, not the option '%2' (for a file of that name write ./%2)").arg(name, path);
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (taken->contains(absolute))
        return tr("--%1 and --%2 name the same file: %3").arg(taken->value(absolute), name, path);
    taken->insert(absolute, name);
    return {};
}

// --json, --trace and --csv: the files `run` and `export` write from a record.
struct ExportFileOptions
{
    QCommandLineOption json{QStringLiteral("json"), tr("Write the run record as JSON."), QStringLiteral("FILE")};
    QCommandLineOption trace{QStringLiteral("trace"), tr("Write a Perfetto/Chrome trace (JSON)."), QStringLiteral("FILE")};
    QCommandLineOption csv{QStringLiteral("csv"), tr("Write the per-process table as CSV."), QStringLiteral("FILE")};

    QList<const QCommandLineOption *> all() const { return {&json, &trace, &csv}; }
};

// `run <example> [knobs] [--json FILE] [--trace FILE] [--csv FILE] [--summary]` and `show <example> [knobs] [--cpp]`: the
// same example and knob options, so that `show` prints the listing of exactly what `run` runs.
ParsedCommand parseRun(const QStringList &args, bool show)
{
    const QString verb = show ? QStringLiteral("show") : QStringLiteral("run");
    // `run --help`: the usage, which lists every example and its options.
    if (!args.isEmpty() && (args.first() == QLatin1StringView("--help") || args.first() == QLatin1StringView("-h")))
        return {};
    if (args.isEmpty() || args.first().startsWith(QLatin1StringView("-")))
        return error(tr("%1: name an example (%2)").arg(verb, exampleIds()));
    const ExampleDefinition *example = ExampleRegistry::find(args.first());
    if (!example)
        return error(tr("%1: unknown example '%2'; choose one of: %3").arg(verb, args.first(), exampleIds()));

    SubcommandParser sub(args.mid(1));
    QList<QStringList> optionGroups;
    QStringList optionList;
    for (const KnobSpec &knob : example->knobs) {
        if (knob.type == KnobSpec::Type::Bool) {
            sub.addOption(QCommandLineOption(knob.name, knob.translatedHelp()));
            sub.addOption(QCommandLineOption(QStringLiteral("no-") + knob.name, knob.translatedHelp()));
            optionGroups.append({knob.name, QStringLiteral("no-") + knob.name});
            optionList.append(QStringLiteral("--%1/--no-%1").arg(knob.name));
        } else {
            sub.addOption(QCommandLineOption(knob.name, knob.translatedHelp(), knob.rangeText()));
            optionGroups.append({knob.name});
            optionList.append(QStringLiteral("--%1 %2").arg(knob.name, knob.rangeText()));
        }
    }
    const ExportFileOptions exportFiles;
    const QCommandLineOption &json = exportFiles.json;
    const QCommandLineOption &trace = exportFiles.trace;
    const QCommandLineOption &csv = exportFiles.csv;
    const QList<const QCommandLineOption *> fileOptions = exportFiles.all();
    const QCommandLineOption summary(QStringLiteral("summary"), tr("Print a per-process table to stderr."));
    const QCommandLineOption cpp(QStringLiteral("cpp"), tr("Print the C++ worker code instead of the Python listing."));
    if (show) {
        sub.addOption(cpp);
        optionGroups.append({cpp.names().constFirst()});
        optionList << QStringLiteral("--cpp");
    } else {
        for (const QCommandLineOption *file : fileOptions) {
            sub.addOption(*file);
            optionGroups.append({file->names().constFirst()});
            optionList << QStringLiteral("--%1 FILE").arg(file->names().constFirst());
        }
        sub.addOption(summary);
        optionGroups.append({summary.names().constFirst()});
        optionList << QStringLiteral("--summary");
    }

    if (!sub.parse()) {
        const QStringList unknown = sub.parser.unknownOptionNames();
        if (!unknown.isEmpty()) {
            return error(tr("unknown option %1 for example '%2' (options: %3)")
                             .arg(sub.asTyped(unknown.constFirst()), example->id, optionList.join(QLatin1StringView(", "))));
        }
        const SubcommandParser::ValueProblem problem = sub.valueProblem();
        if (problem.unexpectedValue)
            return error(tr("--%1 takes no value").arg(problem.option));
        for (const QCommandLineOption *file : fileOptions) {
            if (problem.option == file->names().constFirst())
                return error(tr("--%1 needs a file name").arg(problem.option));
        }
        const auto knob = std::find_if(example->knobs.cbegin(), example->knobs.cend(),
                                       [&problem](const KnobSpec &k) { return k.name == problem.option; });
        if (knob != example->knobs.cend())
            return error(tr("--%1 needs a value (%2)").arg(knob->name, knob->rangeText()));
        return error(sub.parser.errorText());
    }
    if (sub.parser.isSet(QStringLiteral("help")))
        return {};
    // "--workers --sleep 1" gave --workers the value "--sleep": a missing value, really.
    for (const KnobSpec &knob : example->knobs) {
        if (knob.type != KnobSpec::Type::Bool && sub.parser.value(knob.name).startsWith(QLatin1StringView("--")))
            return error(tr("--%1 needs a value (%2)").arg(knob.name, knob.rangeText()));
    }
    if (!show) {
        QHash<QString, QString> paths;
        for (const QCommandLineOption *file : fileOptions) {
            if (const QString problem = checkFileOption(sub.parser, *file, &paths); !problem.isEmpty())
                return error(problem);
        }
    }
    const QStringList positional = sub.parser.positionalArguments();
    if (!positional.isEmpty())
        return error(tr("%1: unexpected argument '%2'").arg(verb, positional.constFirst()));
    if (const QString repeated = sub.repeatedOption(optionGroups); !repeated.isEmpty())
        return error(repeatedMessage(repeated));

    ParsedCommand command;
    command.kind = show ? ParsedCommand::Kind::Show : ParsedCommand::Kind::Run;
    command.run.exampleId = example->id;
    command.run.summary = !show && sub.parser.isSet(summary);
    if (!show) {
        command.run.jsonPath = sub.parser.value(json);
        command.run.tracePath = sub.parser.value(trace);
        command.run.csvPath = sub.parser.value(csv);
    }
    command.run.cppListing = show && sub.parser.isSet(cpp);

    QVariantMap given;
    for (const KnobSpec &knob : example->knobs) {
        QString text;
        if (knob.type == KnobSpec::Type::Bool) {
            if (sub.parser.isSet(knob.name))
                text = QStringLiteral("on");
            else if (sub.parser.isSet(QStringLiteral("no-") + knob.name))
                text = QStringLiteral("off");
        } else if (sub.parser.isSet(knob.name)) {
            text = sub.parser.value(knob.name);
        }
        if (text.isNull())
            continue;
        QString parseError;
        const std::optional<QVariant> value = parseKnobValue(knob, text, &parseError);
        if (!value)
            return error(parseError);
        given.insert(knob.name, *value);
    }
    QString resolveError;
    const std::optional<QVariantMap> knobs = resolveKnobs(example->knobs, given, &resolveError);
    if (!knobs)
        return error(resolveError);
    command.run.knobs = *knobs;
    return command;
}

// `export RECORD.json [--json FILE] [--trace FILE] [--csv FILE]`: at least one output, none of
// them the record itself (it would be replaced by what is made from it).
ParsedCommand parseExport(const QStringList &args)
{
    SubcommandParser sub(args);
    const ExportFileOptions files;
    const QList<const QCommandLineOption *> fileOptions = files.all();
    for (const QCommandLineOption *file : fileOptions)
        sub.addOption(*file);
    const QString optionList = QStringLiteral("--json FILE, --trace FILE, --csv FILE");
    if (!sub.parse()) {
        const QStringList unknown = sub.parser.unknownOptionNames();
        if (!unknown.isEmpty())
            return error(tr("export: unknown option %1 (options: %2)").arg(sub.asTyped(unknown.constFirst()), optionList));
        const SubcommandParser::ValueProblem problem = sub.valueProblem();
        if (problem.unexpectedValue)
            return error(tr("--%1 takes no value").arg(problem.option));
        if (sub.takesValue(problem.option))
            return error(tr("--%1 needs a file name").arg(problem.option));
        return error(sub.parser.errorText());
    }
    if (sub.parser.isSet(QStringLiteral("help")))
        return {};
    QHash<QString, QString> paths;
    for (const QCommandLineOption *file : fileOptions) {
        if (const QString problem = checkFileOption(sub.parser, *file, &paths); !problem.isEmpty())
            return error(problem);
    }
    QList<QStringList> groups;
    for (const QCommandLineOption *file : fileOptions)
        groups.append(file->names());
    if (const QString repeated = sub.repeatedOption(groups); !repeated.isEmpty())
        return error(repeatedMessage(repeated));
    const QStringList positional = sub.parser.positionalArguments();
    if (positional.isEmpty())
        return error(tr("export: name the run record to read (a file --json wrote): export RECORD.json --trace FILE"));
    if (positional.size() > 1)
        return error(tr("export: unexpected argument '%1'; give one run record").arg(positional.at(1)));
    const QString record = positional.constFirst();
    if (paths.isEmpty())
        return error(tr("export: name what to write: --trace FILE, --csv FILE or --json FILE"));
    const QFileInfo recordInfo(record);
    for (const QCommandLineOption *file : fileOptions) {
        if (!sub.parser.isSet(*file))
            continue;
        const QFileInfo output(sub.parser.value(*file));
        // The same path, or another name (a link) of the same file.
        if (output.absoluteFilePath() == recordInfo.absoluteFilePath()
            || (output.exists() && output.canonicalFilePath() == recordInfo.canonicalFilePath()))
            return error(tr("export: --%1 names the record it reads (%2); write to another file")
                             .arg(file->names().constFirst(), record));
    }

    ParsedCommand command;
    command.kind = ParsedCommand::Kind::Export;
    command.exports.recordPath = record;
    command.exports.jsonPath = sub.parser.value(files.json);
    command.exports.tracePath = sub.parser.value(files.trace);
    command.exports.csvPath = sub.parser.value(files.csv);
    return command;
}

// The bench subcommands' limits the parsers share.
constexpr qint64 benchMaxRepeat = 64;
constexpr qint64 benchMaxWorkers = 64;

QString wholeNumberRange(qint64 min, qint64 max)
{
    return tr("a whole number from %1 to %2").arg(min).arg(max);
}

// The checks every `bench` subcommand makes before it reads a value: its options parse, no
// stray argument, none given twice. What to return at once (the error, or the usage for
// --help), or nothing. missingValue: the message for an option given without its value.
std::optional<ParsedCommand> checkBenchArguments(SubcommandParser &sub, const QString &bench,
                                                 const std::function<QString(const QString &option)> &missingValue)
{
    if (!sub.parse()) {
        const QStringList unknown = sub.parser.unknownOptionNames();
        if (!unknown.isEmpty()) {
            QStringList options; // "--case NAME, --ops N, --memory"
            for (const QCommandLineOption &option : sub.definedOptions) {
                const QString valueName = option.valueName();
                options.append(QStringLiteral("--") + option.names().constFirst()
                               + (valueName.isEmpty() ? QString() : QLatin1Char(' ') + valueName));
            }
            return error(tr("%1: unknown option %2 (options: %3)")
                             .arg(bench, sub.asTyped(unknown.constFirst()), options.join(QLatin1StringView(", "))));
        }
        const SubcommandParser::ValueProblem problem = sub.valueProblem();
        if (problem.unexpectedValue)
            return error(tr("%1: --%2 takes no value").arg(bench, problem.option));
        return error(missingValue(problem.option));
    }
    if (sub.parser.isSet(QStringLiteral("help")))
        return ParsedCommand{};
    if (!sub.parser.positionalArguments().isEmpty())
        return error(tr("%1: unexpected argument '%2'").arg(bench, sub.parser.positionalArguments().constFirst()));
    QList<QStringList> groups;
    for (const QCommandLineOption &option : sub.definedOptions)
        groups.append(option.names());
    if (const QString repeated = sub.repeatedOption(groups); !repeated.isEmpty())
        return error(bench + QStringLiteral(": ") + repeatedMessage(repeated));
    return std::nullopt;
}

// A whole-number option from min to max into *target, if given: the error message, or empty.
template <typename Number>
QString readWholeNumber(const SubcommandParser &sub, const QCommandLineOption &option, const QString &bench,
                        qint64 min, qint64 max, Number *target)
{
    if (!sub.parser.isSet(option))
        return {};
    bool ok = false;
    const qint64 value = sub.parser.value(option).toLongLong(&ok);
    if (!ok || value < min || value > max)
        return tr("%1: --%2 expects %3").arg(bench, option.names().constFirst(), wholeNumberRange(min, max));
    *target = Number(value);
    return {};
}

// --case NAME, one of the bench's cases, into *target, if given: the error message, or empty.
template <typename Case>
QString readBenchCase(const SubcommandParser &sub, const QCommandLineOption &option, const QString &bench,
                      std::span<const Case> cases, QString *target)
{
    if (!sub.parser.isSet(option))
        return {};
    const Case *found = findBenchCase(cases, sub.parser.value(option));
    if (!found)
        return tr("%1: unknown --case '%2'; choose one of %3").arg(bench, sub.parser.value(option), benchCaseNames(cases));
    *target = QString::fromLatin1(found->name);
    return {};
}

ParsedCommand parseSpawnBench(const QStringList &args)
{
    const QString bench = QStringLiteral("bench spawn");
    SubcommandParser sub(args);
    const QCommandLineOption workers(QStringLiteral("workers"), tr("Workers started at once."), QStringLiteral("N"));
    const QCommandLineOption repeat(QStringLiteral("repeat"), tr("Rounds measured."), QStringLiteral("N"));
    const QCommandLineOption memory(QStringLiteral("memory"), tr("Also measure idle workers' memory."));
    sub.addOption(workers);
    sub.addOption(repeat);
    sub.addOption(memory);
    // Both options that take a value take a whole number from 1 to 64.
    const auto missingValue = [&](const QString &option) {
        return tr("%1: --%2 expects %3").arg(bench, option, wholeNumberRange(1, benchMaxWorkers));
    };
    if (const std::optional<ParsedCommand> early = checkBenchArguments(sub, bench, missingValue))
        return *early;

    ParsedCommand command;
    command.kind = ParsedCommand::Kind::Bench;
    command.bench.benchmark = BenchOptions::Benchmark::Spawn;
    command.bench.memory = sub.parser.isSet(memory);
    // In the options' order: the first problem is the one reported.
    for (const QString &problem : {readWholeNumber(sub, workers, bench, 1, benchMaxWorkers, &command.bench.workers),
                                   readWholeNumber(sub, repeat, bench, 1, benchMaxRepeat, &command.bench.repeat)}) {
        if (!problem.isEmpty())
            return error(problem);
    }
    return command;
}

ParsedCommand parseIpcBench(const QStringList &args)
{
    const QString bench = QStringLiteral("bench ipc");
    SubcommandParser sub(args);
    const QCommandLineOption caseOption(QStringLiteral("case"), tr("What to measure."), QStringLiteral("NAME"));
    const QCommandLineOption ops(QStringLiteral("ops"), tr("Operations per round."), QStringLiteral("N"));
    const QCommandLineOption repeat(QStringLiteral("repeat"), tr("Rounds measured."), QStringLiteral("N"));
    sub.addOption(caseOption);
    sub.addOption(ops);
    sub.addOption(repeat);
    const auto missingValue = [&](const QString &option) {
        const QString expected = option == QLatin1StringView("case")
            ? tr("one of %1").arg(benchCaseNames(ipcBenchCases()))
            : option == QLatin1StringView("ops") ? wholeNumberRange(ipcBenchMinOps, ipcBenchMaxOps)
                                                 : wholeNumberRange(1, benchMaxRepeat);
        return tr("%1: --%2 needs a value (%3)").arg(bench, option, expected);
    };
    if (const std::optional<ParsedCommand> early = checkBenchArguments(sub, bench, missingValue))
        return *early;

    ParsedCommand command;
    command.kind = ParsedCommand::Kind::Bench;
    command.bench.benchmark = BenchOptions::Benchmark::Ipc;
    command.bench.repeat = ipcBenchDefaultRepeat;
    command.bench.ipcCase = QString::fromLatin1(ipcBenchCases().front().name);
    // In the options' order: the first problem is the one reported.
    for (const QString &problem :
         {readBenchCase(sub, caseOption, bench, ipcBenchCases(), &command.bench.ipcCase),
          readWholeNumber(sub, ops, bench, ipcBenchMinOps, ipcBenchMaxOps, &command.bench.ops),
          readWholeNumber(sub, repeat, bench, 1, benchMaxRepeat, &command.bench.repeat)}) {
        if (!problem.isEmpty())
            return error(problem);
    }
    return command;
}

ParsedCommand parsePoolBench(const QStringList &args)
{
    const QString bench = QStringLiteral("bench pool");
    SubcommandParser sub(args);
    const QCommandLineOption caseOption(QStringLiteral("case"), tr("What to measure."), QStringLiteral("NAME"));
    const QCommandLineOption processes(QStringLiteral("processes"), tr("Pool processes."), QStringLiteral("N"));
    const QCommandLineOption tasks(QStringLiteral("tasks"), tr("apply_async calls, or map items, per round."),
                                   QStringLiteral("N"));
    const QCommandLineOption repeat(QStringLiteral("repeat"), tr("Rounds measured."), QStringLiteral("N"));
    sub.addOption(caseOption);
    sub.addOption(processes);
    sub.addOption(tasks);
    sub.addOption(repeat);
    const auto missingValue = [&](const QString &option) {
        const QString expected = option == QLatin1StringView("case")
            ? tr("one of %1").arg(benchCaseNames(poolBenchCases()))
            : option == QLatin1StringView("tasks") ? wholeNumberRange(poolBenchMinTasks, poolBenchMaxTasks)
            : option == QLatin1StringView("processes") ? wholeNumberRange(1, poolBenchMaxProcesses)
                                                       : wholeNumberRange(1, benchMaxRepeat);
        return tr("%1: --%2 needs a value (%3)").arg(bench, option, expected);
    };
    if (const std::optional<ParsedCommand> early = checkBenchArguments(sub, bench, missingValue))
        return *early;

    ParsedCommand command;
    command.kind = ParsedCommand::Kind::Bench;
    command.bench.benchmark = BenchOptions::Benchmark::Pool;
    command.bench.repeat = poolBenchDefaultRepeat;
    command.bench.workers = 2;
    command.bench.poolCase = QString::fromLatin1(poolBenchCases().front().name);
    // The case first, then --tasks, then the counts (as this parser always reported them).
    for (const QString &problem :
         {readBenchCase(sub, caseOption, bench, poolBenchCases(), &command.bench.poolCase),
          readWholeNumber(sub, tasks, bench, poolBenchMinTasks, poolBenchMaxTasks, &command.bench.ops),
          readWholeNumber(sub, processes, bench, 1, poolBenchMaxProcesses, &command.bench.workers),
          readWholeNumber(sub, repeat, bench, 1, benchMaxRepeat, &command.bench.repeat)}) {
        if (!problem.isEmpty())
            return error(problem);
    }
    return command;
}

ParsedCommand parseBench(const QStringList &args)
{
    if (!args.isEmpty() && args.first() == QLatin1StringView("spawn"))
        return parseSpawnBench(args.mid(1));
    if (!args.isEmpty() && args.first() == QLatin1StringView("ipc"))
        return parseIpcBench(args.mid(1));
    if (!args.isEmpty() && args.first() == QLatin1StringView("pool"))
        return parsePoolBench(args.mid(1));
    return error(tr("bench: name a benchmark: spawn, ipc or pool"));
}

// ProcessLab's own options of `python`: before the script, and (as the synopsis writes
// them) after the script's arguments too. After the script, `--` ends ProcessLab's options: all
// that follows goes to the script verbatim, so a script's own --json stays reachable.
ParsedCommand parsePython(const QStringList &args)
{
    ParsedCommand parsed;
    parsed.kind = ParsedCommand::Kind::Python;
    PythonOptions &options = parsed.python;
    QSet<QString> seen;
    bool haveScript = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (arg == QLatin1StringView("--")) {
            if (!haveScript) {
                if (i + 1 >= args.size())
                    break;
                options.script = args.at(++i);
                haveScript = true;
                continue;
            }
            options.arguments += args.mid(i + 1);
            break;
        }
        const bool looksLikeOption = arg.startsWith(QLatin1StringView("--")) && arg.size() > 2;
        const qsizetype equals = looksLikeOption ? arg.indexOf(QLatin1Char('=')) : -1;
        const QString name = looksLikeOption ? arg.mid(2, equals < 0 ? -1 : equals - 2) : QString();
        static const QSet<QString> ours{QStringLiteral("summary"), QStringLiteral("json"), QStringLiteral("trace"),
                                        QStringLiteral("python"), QStringLiteral("cwd")};
        if (!looksLikeOption || (haveScript && !ours.contains(name))) {
            if (!haveScript) {
                options.script = arg;
                haveScript = true;
            } else {
                options.arguments.append(arg); // the script's
            }
            continue;
        }
        if (seen.contains(name))
            return error(repeatedMessage(name));
        seen.insert(name);
        if (name == QLatin1StringView("summary")) {
            if (equals >= 0)
                return error(tr("--%1 takes no value").arg(name));
            options.summary = true;
            continue;
        }
        QString *target = name == QLatin1StringView("json")     ? &options.jsonPath
            : name == QLatin1StringView("trace")                ? &options.tracePath
            : name == QLatin1StringView("python")               ? &options.interpreter
            : name == QLatin1StringView("cwd")                  ? &options.workingDirectory
                                                                : nullptr;
        if (!target) {
            return error(tr("python: unknown option --%1 (ProcessLab's options: --json FILE, --trace FILE, "
                            "--summary, --python INTERPRETER, --cwd DIR)").arg(name));
        }
        if (equals >= 0) {
            *target = arg.mid(equals + 1);
        } else if (i + 1 < args.size()) {
            *target = args.at(++i);
        } else {
            *target = QString();
        }
        if (target->isEmpty())
            return error(tr("--%1 needs a value").arg(name));
    }
    if (options.script.isEmpty())
        return error(tr("python: name the script to run: python SCRIPT.py [arguments]"));
    return parsed;
}

} // namespace

ParsedCommand parseCommandLine(const QStringList &arguments)
{
    if (arguments.isEmpty())
        return error(tr("missing command; try 'processlab-cli --help'"));
    const QString &command = arguments.first();
    if (command == QLatin1StringView("--help") || command == QLatin1StringView("-h")
        || command == QLatin1StringView("help"))
        return {};
    if (command == QLatin1StringView("--version")) {
        ParsedCommand parsed;
        parsed.kind = ParsedCommand::Kind::Version;
        return parsed;
    }
    if (command == QLatin1StringView("list")) {
        if (arguments.size() > 1)
            return error(tr("list takes no arguments"));
        ParsedCommand parsed;
        parsed.kind = ParsedCommand::Kind::List;
        return parsed;
    }
    if (command == QLatin1StringView("run"))
        return parseRun(arguments.mid(1), false);
    if (command == QLatin1StringView("show"))
        return parseRun(arguments.mid(1), true);
    if (command == QLatin1StringView("bench"))
        return parseBench(arguments.mid(1));
    if (command == QLatin1StringView("export"))
        return parseExport(arguments.mid(1));
    if (command == QLatin1StringView("python"))
        return parsePython(arguments.mid(1));
    return error(tr("unknown command '%1'; commands: list, run, show, export, bench, python").arg(command));
}

QString usageText()
{
    QString text = tr("Usage:\n"
                      "  processlab-cli list\n"
                      "  processlab-cli run <example> [options] [--json FILE] [--trace FILE] [--csv FILE] [--summary]\n"
                      "  processlab-cli show <example> [options] [--cpp]\n"
                      "  processlab-cli export <record.json> [--json FILE] [--trace FILE] [--csv FILE]\n"
                      "  processlab-cli python SCRIPT.py [script arguments] [--json FILE] [--trace FILE] [--summary]\n"
                      "                        [--python INTERPRETER] [--cwd DIR] [-- arguments for the script]\n"
                      "  processlab-cli bench spawn [--workers N] [--repeat N] [--memory]\n"
                      "  processlab-cli bench ipc [--case NAME] [--ops N] [--repeat N]\n"
                      "  processlab-cli bench pool [--case NAME] [--processes N] [--tasks N] [--repeat N]\n"
                      "\n"
                      "stdout carries exactly the example's output; --summary prints a per-process\n"
                      "timing table to stderr; --json writes the whole run record, --trace a trace\n"
                      "for ui.perfetto.dev or chrome://tracing, --csv the per-process table (and, for\n"
                      "a pool, its tasks in FILE-tasks.csv: run.csv -> run-tasks.csv). show prints the\n"
                      "Python listing of what run runs with the same options (python3 runs it too),\n"
                      "or with --cpp the worker's C++ code. export writes the same files from a run\n"
                      "record that run --json saved, as run would have written them.\n"
                      "Exit codes: 0 ok, 1 the run failed, the record could not be read or an output\n"
                      "could not be written, 2 usage error, 130 interrupted.\n"
                      "\nExamples and their options:\n");
    for (const ExampleDefinition &example : ExampleRegistry::all()) {
        text += QStringLiteral("  %1\n").arg(example.id);
        for (const KnobSpec &knob : example.knobs) {
            if (knob.type == KnobSpec::Type::Bool) { // --lock / --no-lock, as the parser takes them
                text += QStringLiteral("      --%1 / --no-%1  %2 (default --%3)\n")
                            .arg(knob.name, knob.translatedHelp(),
                                 knob.defaultValue.toBool() ? knob.name : QStringLiteral("no-") + knob.name);
                continue;
            }
            text += QStringLiteral("      --%1 %2  %3 (default %4)\n")
                        .arg(knob.name, knob.rangeText(), knob.translatedHelp(), knob.defaultValue.toString());
        }
    }
    return text;
}

} // namespace ProcessLab::Cli
