// SPDX-License-Identifier: MIT
#include "cliarguments.h"

#include "ipcbenchcommand.h"
#include "poolbenchcommand.h"

#include "examples/exampleregistry.h"

#include <QCommandLineParser>
#include <QCoreApplication>

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

// `run <example> [knobs] [--json FILE] [--summary]` and `show <example> [knobs] [--cpp]`: the
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
    const QCommandLineOption json(QStringLiteral("json"), tr("Write the run record as JSON."), QStringLiteral("FILE"));
    const QCommandLineOption summary(QStringLiteral("summary"), tr("Print a per-process table to stderr."));
    const QCommandLineOption cpp(QStringLiteral("cpp"), tr("Print the C++ worker code instead of the Python listing."));
    if (show) {
        sub.addOption(cpp);
        optionGroups.append({cpp.names().constFirst()});
        optionList << QStringLiteral("--cpp");
    } else {
        sub.addOption(json);
        sub.addOption(summary);
        optionGroups.append({json.names().constFirst()});
        optionGroups.append({summary.names().constFirst()});
        optionList << QStringLiteral("--json FILE") << QStringLiteral("--summary");
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
        if (problem.option == json.names().constFirst())
            return error(tr("--json needs a file name"));
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
    const QString jsonPath = show ? QString() : sub.parser.value(json);
    if (!show && sub.parser.isSet(json) && jsonPath.isEmpty())
        return error(tr("--json needs a file name"));
    if (jsonPath.startsWith(QLatin1StringView("--"))) // "--json --summary" must not write a file "--summary"
        return error(tr("--json needs a file name, not the option '%1' (for a file of that name write ./%1)")
                         .arg(jsonPath));
    const QStringList positional = sub.parser.positionalArguments();
    if (!positional.isEmpty())
        return error(tr("%1: unexpected argument '%2'").arg(verb, positional.constFirst()));
    if (const QString repeated = sub.repeatedOption(optionGroups); !repeated.isEmpty())
        return error(repeatedMessage(repeated));

    ParsedCommand command;
    command.kind = show ? ParsedCommand::Kind::Show : ParsedCommand::Kind::Run;
    command.run.exampleId = example->id;
    command.run.summary = !show && sub.parser.isSet(summary);
    command.run.jsonPath = show ? QString() : jsonPath;
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

ParsedCommand parseSpawnBench(const QStringList &args)
{
    const QString options = QStringLiteral("--workers N, --repeat N, --memory");
    SubcommandParser sub(args);
    const QCommandLineOption workers(QStringLiteral("workers"), tr("Workers started at once."), QStringLiteral("N"));
    const QCommandLineOption repeat(QStringLiteral("repeat"), tr("Rounds measured."), QStringLiteral("N"));
    const QCommandLineOption memory(QStringLiteral("memory"), tr("Also measure idle workers' memory."));
    sub.addOption(workers);
    sub.addOption(repeat);
    sub.addOption(memory);
    if (!sub.parse()) {
        const QStringList unknown = sub.parser.unknownOptionNames();
        if (!unknown.isEmpty())
            return error(tr("bench spawn: unknown option %1 (options: %2)").arg(sub.asTyped(unknown.constFirst()), options));
        const SubcommandParser::ValueProblem problem = sub.valueProblem();
        if (problem.unexpectedValue)
            return error(tr("bench spawn: --%1 takes no value").arg(problem.option));
        return error(tr("bench spawn: --%1 expects a whole number from 1 to 64").arg(problem.option));
    }
    if (sub.parser.isSet(QStringLiteral("help")))
        return {};
    if (!sub.parser.positionalArguments().isEmpty())
        return error(tr("bench spawn: unexpected argument '%1'").arg(sub.parser.positionalArguments().constFirst()));
    if (const QString repeated = sub.repeatedOption({{QStringLiteral("workers")}, {QStringLiteral("repeat")},
                                                     {QStringLiteral("memory")}});
        !repeated.isEmpty())
        return error(QStringLiteral("bench spawn: ") + repeatedMessage(repeated));

    ParsedCommand command;
    command.kind = ParsedCommand::Kind::Bench;
    command.bench.benchmark = BenchOptions::Benchmark::Spawn;
    command.bench.memory = sub.parser.isSet(memory);
    for (const auto &[option, target] : {std::pair{&workers, &command.bench.workers},
                                         std::pair{&repeat, &command.bench.repeat}}) {
        if (!sub.parser.isSet(*option))
            continue;
        bool ok = false;
        const int value = sub.parser.value(*option).toInt(&ok);
        if (!ok || value < 1 || value > 64)
            return error(tr("bench spawn: --%1 expects a whole number from 1 to 64").arg(option->names().constFirst()));
        *target = value;
    }
    return command;
}

QString ipcCaseNames()
{
    QStringList names;
    for (const IpcBenchCase &c : ipcBenchCases())
        names.append(QLatin1StringView(c.name));
    return names.join(QLatin1StringView(", "));
}

ParsedCommand parseIpcBench(const QStringList &args)
{
    const QString options = QStringLiteral("--case NAME, --ops N, --repeat N");
    const QString opsRange = tr("a whole number from %1 to %2").arg(ipcBenchMinOps).arg(ipcBenchMaxOps);
    const QString repeatRange = tr("a whole number from 1 to 64");
    SubcommandParser sub(args);
    const QCommandLineOption caseOption(QStringLiteral("case"), tr("What to measure."), QStringLiteral("NAME"));
    const QCommandLineOption ops(QStringLiteral("ops"), tr("Operations per round."), QStringLiteral("N"));
    const QCommandLineOption repeat(QStringLiteral("repeat"), tr("Rounds measured."), QStringLiteral("N"));
    sub.addOption(caseOption);
    sub.addOption(ops);
    sub.addOption(repeat);
    const auto rangeOf = [&](const QString &option) {
        if (option == QLatin1StringView("case"))
            return tr("one of %1").arg(ipcCaseNames());
        return option == QLatin1StringView("ops") ? opsRange : repeatRange;
    };
    if (!sub.parse()) {
        const QStringList unknown = sub.parser.unknownOptionNames();
        if (!unknown.isEmpty())
            return error(tr("bench ipc: unknown option %1 (options: %2)").arg(sub.asTyped(unknown.constFirst()), options));
        const SubcommandParser::ValueProblem problem = sub.valueProblem();
        if (problem.unexpectedValue)
            return error(tr("bench ipc: --%1 takes no value").arg(problem.option));
        return error(tr("bench ipc: --%1 needs a value (%2)").arg(problem.option, rangeOf(problem.option)));
    }
    if (sub.parser.isSet(QStringLiteral("help")))
        return {};
    if (!sub.parser.positionalArguments().isEmpty())
        return error(tr("bench ipc: unexpected argument '%1'").arg(sub.parser.positionalArguments().constFirst()));
    if (const QString repeated = sub.repeatedOption({{QStringLiteral("case")}, {QStringLiteral("ops")},
                                                     {QStringLiteral("repeat")}});
        !repeated.isEmpty())
        return error(QStringLiteral("bench ipc: ") + repeatedMessage(repeated));

    ParsedCommand command;
    command.kind = ParsedCommand::Kind::Bench;
    command.bench.benchmark = BenchOptions::Benchmark::Ipc;
    command.bench.repeat = ipcBenchDefaultRepeat;
    command.bench.ipcCase = QString::fromLatin1(ipcBenchCases().front().name);
    if (sub.parser.isSet(caseOption)) {
        const IpcBenchCase *found = findIpcBenchCase(sub.parser.value(caseOption));
        if (!found) {
            return error(tr("bench ipc: unknown --case '%1'; choose one of %2")
                             .arg(sub.parser.value(caseOption), ipcCaseNames()));
        }
        command.bench.ipcCase = QString::fromLatin1(found->name);
    }
    if (sub.parser.isSet(ops)) {
        bool ok = false;
        const qint64 value = sub.parser.value(ops).toLongLong(&ok);
        if (!ok || value < ipcBenchMinOps || value > ipcBenchMaxOps)
            return error(tr("bench ipc: --ops expects %1").arg(opsRange));
        command.bench.ops = value;
    }
    if (sub.parser.isSet(repeat)) {
        bool ok = false;
        const int value = sub.parser.value(repeat).toInt(&ok);
        if (!ok || value < 1 || value > 64)
            return error(tr("bench ipc: --repeat expects %1").arg(repeatRange));
        command.bench.repeat = value;
    }
    return command;
}

QString poolCaseNames()
{
    QStringList names;
    for (const PoolBenchCase &c : poolBenchCases())
        names.append(QLatin1StringView(c.name));
    return names.join(QLatin1StringView(", "));
}

ParsedCommand parsePoolBench(const QStringList &args)
{
    const QString options = QStringLiteral("--case NAME, --processes N, --tasks N, --repeat N");
    const QString tasksRange = tr("a whole number from %1 to %2").arg(poolBenchMinTasks).arg(poolBenchMaxTasks);
    const QString countRange = tr("a whole number from 1 to %1").arg(poolBenchMaxProcesses);
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
    const auto rangeOf = [&](const QString &option) {
        if (option == QLatin1StringView("case"))
            return tr("one of %1").arg(poolCaseNames());
        return option == QLatin1StringView("tasks") ? tasksRange : countRange;
    };
    if (!sub.parse()) {
        const QStringList unknown = sub.parser.unknownOptionNames();
        if (!unknown.isEmpty())
            return error(tr("bench pool: unknown option %1 (options: %2)").arg(sub.asTyped(unknown.constFirst()), options));
        const SubcommandParser::ValueProblem problem = sub.valueProblem();
        if (problem.unexpectedValue)
            return error(tr("bench pool: --%1 takes no value").arg(problem.option));
        return error(tr("bench pool: --%1 needs a value (%2)").arg(problem.option, rangeOf(problem.option)));
    }
    if (sub.parser.isSet(QStringLiteral("help")))
        return {};
    if (!sub.parser.positionalArguments().isEmpty())
        return error(tr("bench pool: unexpected argument '%1'").arg(sub.parser.positionalArguments().constFirst()));
    if (const QString repeated = sub.repeatedOption({{QStringLiteral("case")}, {QStringLiteral("processes")},
                                                     {QStringLiteral("tasks")}, {QStringLiteral("repeat")}});
        !repeated.isEmpty())
        return error(QStringLiteral("bench pool: ") + repeatedMessage(repeated));

    ParsedCommand command;
    command.kind = ParsedCommand::Kind::Bench;
    command.bench.benchmark = BenchOptions::Benchmark::Pool;
    command.bench.repeat = poolBenchDefaultRepeat;
    command.bench.workers = 2;
    command.bench.poolCase = QString::fromLatin1(poolBenchCases().front().name);
    if (sub.parser.isSet(caseOption)) {
        const PoolBenchCase *found = findPoolBenchCase(sub.parser.value(caseOption));
        if (!found) {
            return error(tr("bench pool: unknown --case '%1'; choose one of %2")
                             .arg(sub.parser.value(caseOption), poolCaseNames()));
        }
        command.bench.poolCase = QString::fromLatin1(found->name);
    }
    if (sub.parser.isSet(tasks)) {
        bool ok = false;
        const qint64 value = sub.parser.value(tasks).toLongLong(&ok);
        if (!ok || value < poolBenchMinTasks || value > poolBenchMaxTasks)
            return error(tr("bench pool: --tasks expects %1").arg(tasksRange));
        command.bench.ops = value;
    }
    for (const auto &[option, target] : {std::pair{&processes, &command.bench.workers},
                                         std::pair{&repeat, &command.bench.repeat}}) {
        if (!sub.parser.isSet(*option))
            continue;
        bool ok = false;
        const int value = sub.parser.value(*option).toInt(&ok);
        if (!ok || value < 1 || value > poolBenchMaxProcesses)
            return error(tr("bench pool: --%1 expects %2").arg(option->names().constFirst(), countRange));
        *target = value;
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
    return error(tr("unknown command '%1'; commands: list, run, show, bench").arg(command));
}

QString usageText()
{
    QString text = tr("Usage:\n"
                      "  processlab-cli list\n"
                      "  processlab-cli run <example> [options] [--json FILE] [--summary]\n"
                      "  processlab-cli show <example> [options] [--cpp]\n"
                      "  processlab-cli bench spawn [--workers N] [--repeat N] [--memory]\n"
                      "  processlab-cli bench ipc [--case NAME] [--ops N] [--repeat N]\n"
                      "  processlab-cli bench pool [--case NAME] [--processes N] [--tasks N] [--repeat N]\n"
                      "\n"
                      "stdout carries exactly the example's output; --summary prints a per-process\n"
                      "timing table to stderr; --json writes the whole run record. show prints the\n"
                      "Python listing of what run runs with the same options (python3 runs it too),\n"
                      "or with --cpp the worker's C++ code.\n"
                      "Exit codes: 0 ok, 1 the run failed or its output could not be written,\n"
                      "2 usage error, 130 interrupted.\n"
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
