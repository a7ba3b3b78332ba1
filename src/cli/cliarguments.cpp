// SPDX-License-Identifier: MIT
#include "cliarguments.h"

#include "examples/exampleregistry.h"

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

// Splits "--name=value" and "--name value"; returns false if a value is missing.
struct OptionCursor
{
    const QStringList &args;
    qsizetype index = 0;

    bool atEnd() const { return index >= args.size(); }
    QString takeValue(const QString &inlineValue, bool hasInline, bool *ok)
    {
        if (hasInline) {
            *ok = true;
            return inlineValue;
        }
        if (index < args.size()) {
            *ok = true;
            return args.at(index++);
        }
        *ok = false;
        return {};
    }
};

QString exampleIds()
{
    QStringList ids;
    for (const ExampleDefinition &example : ExampleRegistry::all())
        ids.append(example.id);
    return ids.join(QLatin1StringView(", "));
}

ParsedCommand parseRun(const QStringList &args)
{
    if (args.isEmpty() || args.first().startsWith(QLatin1StringView("-")))
        return error(tr("run: name an example (%1)").arg(exampleIds()));
    const ExampleDefinition *example = ExampleRegistry::find(args.first());
    if (!example)
        return error(tr("run: unknown example '%1'; choose one of: %2").arg(args.first(), exampleIds()));

    ParsedCommand command;
    command.kind = ParsedCommand::Kind::Run;
    command.run.exampleId = example->id;
    QVariantMap given;
    OptionCursor cursor{args, 1};
    while (!cursor.atEnd()) {
        const QString arg = cursor.args.at(cursor.index++);
        if (!arg.startsWith(QLatin1StringView("--")))
            return error(tr("run: unexpected argument '%1'").arg(arg));
        const qsizetype eq = arg.indexOf(QLatin1Char('='));
        const bool hasInline = eq >= 0;
        const QString name = arg.mid(2, hasInline ? eq - 2 : -1);
        const QString inlineValue = hasInline ? arg.mid(eq + 1) : QString();
        bool ok = false;

        if (name == QLatin1StringView("summary") && !hasInline) {
            command.run.summary = true;
            continue;
        }
        if (name == QLatin1StringView("json")) {
            command.run.jsonPath = cursor.takeValue(inlineValue, hasInline, &ok);
            if (!ok || command.run.jsonPath.isEmpty())
                return error(tr("--json needs a file name"));
            continue;
        }
        const auto knob = std::find_if(example->knobs.cbegin(), example->knobs.cend(),
                                       [&name](const KnobSpec &k) {
                                           return k.name == name
                                                  || (k.type == KnobSpec::Type::Bool
                                                      && name == QLatin1StringView("no-") + k.name);
                                       });
        if (knob == example->knobs.cend()) {
            QStringList options;
            for (const KnobSpec &k : example->knobs)
                options.append(QStringLiteral("--") + k.name);
            options << QStringLiteral("--json FILE") << QStringLiteral("--summary");
            return error(tr("unknown option --%1 for example '%2' (options: %3)")
                             .arg(name, example->id, options.join(QLatin1StringView(", "))));
        }
        QString text;
        if (knob->type == KnobSpec::Type::Bool && !hasInline) {
            text = name.startsWith(QLatin1StringView("no-")) ? QStringLiteral("off") : QStringLiteral("on");
        } else {
            text = cursor.takeValue(inlineValue, hasInline, &ok);
            if (!ok)
                return error(tr("--%1 needs a value (%2)").arg(knob->name, knob->rangeText()));
        }
        QString parseError;
        const std::optional<QVariant> value = parseKnobValue(*knob, text, &parseError);
        if (!value)
            return error(parseError);
        given.insert(knob->name, *value);
    }
    QString resolveError;
    const std::optional<QVariantMap> knobs = resolveKnobs(example->knobs, given, &resolveError);
    if (!knobs)
        return error(resolveError);
    command.run.knobs = *knobs;
    return command;
}

ParsedCommand parseBench(const QStringList &args)
{
    if (args.isEmpty() || args.first() != QLatin1StringView("spawn"))
        return error(tr("bench: the only benchmark is 'spawn'"));
    ParsedCommand command;
    command.kind = ParsedCommand::Kind::Bench;
    OptionCursor cursor{args, 1};
    while (!cursor.atEnd()) {
        const QString arg = cursor.args.at(cursor.index++);
        bool ok = false;
        if (arg == QLatin1StringView("--memory")) {
            command.bench.memory = true;
            continue;
        }
        int *target = arg == QLatin1StringView("--workers") ? &command.bench.workers
                      : arg == QLatin1StringView("--repeat") ? &command.bench.repeat
                                                               : nullptr;
        if (!target)
            return error(tr("bench spawn: unknown option %1 (options: --workers N, --repeat N, --memory)").arg(arg));
        const int value = cursor.takeValue({}, false, &ok).toInt(&ok);
        if (!ok || value < 1 || value > 64)
            return error(tr("bench spawn: %1 expects a whole number from 1 to 64").arg(arg));
        *target = value;
    }
    return command;
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
        return parseRun(arguments.mid(1));
    if (command == QLatin1StringView("bench"))
        return parseBench(arguments.mid(1));
    return error(tr("unknown command '%1'; commands: list, run, bench").arg(command));
}

QString usageText()
{
    QString text = tr("Usage:\n"
                      "  processlab-cli list\n"
                      "  processlab-cli run <example> [options] [--json FILE] [--summary]\n"
                      "  processlab-cli bench spawn [--workers N] [--repeat N] [--memory]\n"
                      "\n"
                      "stdout carries exactly the example's output; --summary prints a per-process\n"
                      "timing table to stderr; --json writes the whole run record.\n"
                      "Exit codes: 0 ok, 1 the run failed, 2 usage error, 130 interrupted.\n"
                      "\nExamples and their options:\n");
    for (const ExampleDefinition &example : ExampleRegistry::all()) {
        text += QStringLiteral("  %1\n").arg(example.id);
        for (const KnobSpec &knob : example.knobs) {
            text += QStringLiteral("      --%1 %2  %3 (default %4)\n")
                        .arg(knob.name, knob.rangeText(), knob.translatedHelp(), knob.defaultValue.toString());
        }
    }
    return text;
}

} // namespace ProcessLab::Cli
