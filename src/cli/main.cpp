// SPDX-License-Identifier: MIT
// processlab-cli: runs an example headless. stdout carries exactly the example's output.
#include "benchcommand.h"
#include "exportcommand.h"
#include "ipcbenchcommand.h"
#include "poolbenchcommand.h"
#include "cliarguments.h"
#include "exporttargets.h"
#include "standardstreams.h"
#include "summarytable.h"
#include "terminalprinter.h"

#include "examples/exampleregistry.h"
#include "record/runsummary.h"
#include "runtime/interrupthandler.h"
#include "runtime/platformjob.h"
#include "runtime/pythonrun.h"
#include "runtime/run.h"

#include <QCoreApplication>
#include <QFile>
#include <QTimer>

using namespace ProcessLab;

namespace {

constexpr int exitFailed = 1;
constexpr int exitUsage = 2;
constexpr int exitInterrupted = 130;

QString tr(const char *text)
{
    return QCoreApplication::translate("ProcessLab::Cli", text);
}

void reportStdoutFailure(const QString &reason)
{
    Cli::writeStderr(QStringLiteral("processlab-cli: ") + tr("cannot write to standard output: %1").arg(reason)
                     + QLatin1Char('\n'));
}

int listExamples()
{
    for (const ExampleDefinition &example : ExampleRegistry::all()) {
        if (!Cli::writeStdout(QStringLiteral("%1\t%2\t%3\n").arg(example.id, example.titleEn, example.titleZh).toUtf8(),
                              nullptr))
            break; // the final flush reports it
    }
    return 0;
}

// The listing of what `run` runs with these options: the generated Python program, which
// python3 runs as it is, or the worker's C++ code.
int showExample(const Cli::RunOptions &options)
{
    const ExampleDefinition *example = ExampleRegistry::find(options.exampleId);
    QString text;
    if (options.cppListing) {
        QFile file(example->cppResource);
        if (!file.open(QIODevice::ReadOnly)) {
            Cli::writeStderr(QStringLiteral("processlab-cli: ") + tr("show: no C++ code for '%1'").arg(example->id) + QLatin1Char('\n'));
            return exitFailed;
        }
        text = QString::fromUtf8(file.readAll());
    } else {
        text = example->pythonProgram(options.knobs).text;
    }
    if (!text.endsWith(QLatin1Char('\n')))
        text += QLatin1Char('\n');
    Cli::writeStdout(text.toUtf8(), nullptr); // the final flush reports a failure
    return 0;
}

// After a run (`run` or `python`): what went over the caps, the summary table, the exports;
// the command's exit code.
int completeRunCommand(Cli::TerminalPrinter &printer, Cli::ExportTargets &exports, const RunRecord &record,
                       bool summary, bool jsonRequested, bool interrupted, int runExitCode)
{
    printer.reportDropped(record, jsonRequested);
    // The table is output the user asked for: losing it (`2>/dev/full`) fails the command.
    const bool summaryWritten
        = !summary || (Cli::writeStderr(Cli::formatSummaryTable(summarize(record))) && Cli::flushStderr());
    int exitCode = interrupted                                    ? exitInterrupted
        : printer.hasStdoutFailed() || !summaryWritten ? exitFailed
                                                       : runExitCode;
    QStringList exportErrors;
    if (!exports.write(record, &exportErrors)) {
        for (const QString &error : exportErrors)
            Cli::writeStderr(QStringLiteral("processlab-cli: %1\n").arg(error));
        if (exitCode == 0)
            exitCode = exitFailed;
    }
    Cli::flushStderr();
    return exitCode;
}

int runExample(QCoreApplication &app, const Cli::RunOptions &options)
{
    const ExampleDefinition *example = ExampleRegistry::find(options.exampleId);
    // Opened before the run: a path that cannot be written is a usage error, found now.
    Cli::ExportTargets exports;
    QString openError;
    if (!exports.open({options.jsonPath, options.tracePath, options.csvPath, example->group == ExampleGroup::Pool},
                      &openError)) {
        Cli::writeStderr(QStringLiteral("processlab-cli: %1\n").arg(openError));
        return exitUsage;
    }

    std::unique_ptr<Run> run = Run::create(*example, options.knobs);
    Cli::TerminalPrinter printer;
    QObject::connect(run.get(), &Run::eventRecorded, &printer, &Cli::TerminalPrinter::handleEvent);
    QObject::connect(run.get(), &Run::eventDropped, &printer, &Cli::TerminalPrinter::handleDroppedEvent);
    // Nobody reads what the example prints any more: stop the run instead of running blind.
    QObject::connect(&printer, &Cli::TerminalPrinter::stdoutFailed, run.get(), [&run, &printer](const QString &reason) {
        if (run->status() != Run::Status::Running)
            return reportStdoutFailure(reason);
        Cli::writeStderr(QStringLiteral("processlab-cli: ")
                         + tr("cannot write to standard output: %1; stopping the workers").arg(reason)
                         + QLatin1Char('\n'));
        printer.noteStoppedByTheCli();
        run->stop();
    });

    bool interrupted = false;
    InterruptHandler interrupts;
    QObject::connect(&interrupts, &InterruptHandler::interrupted, run.get(), [&] {
        if (!interrupted)
            Cli::writeStderr(QStringLiteral("processlab-cli: interrupted, stopping the workers\n"));
        interrupted = true;
        printer.noteStoppedByTheCli();
        run->stop();
    });
    QObject::connect(run.get(), &Run::finished, &app, &QCoreApplication::quit, Qt::QueuedConnection);
    QTimer::singleShot(0, run.get(), &Run::start);
    app.exec();
    printer.flush(); // a failure is reported through stdoutFailed, like one during the run

    return completeRunCommand(printer, exports, run->record(), options.summary, !options.jsonPath.isEmpty(), interrupted,
                              run->exitCode());
}

// A real Python script, watched process by process (docs/python-runner.md). stdout carries what
// the script prints; the exit code is the script's, as python3 would return it.
int runPython(QCoreApplication &app, const Cli::PythonOptions &options)
{
    Cli::ExportTargets exports;
    QString problem;
    if (!exports.open({options.jsonPath, options.tracePath, QString(), false}, &problem)) {
        Cli::writeStderr(QStringLiteral("processlab-cli: %1\n").arg(problem));
        return exitUsage;
    }
    QString interpreter = options.interpreter;
    if (interpreter.isEmpty() && (interpreter = PythonRun::findInterpreter(&problem)).isEmpty()) {
        Cli::writeStderr(QStringLiteral("processlab-cli: %1\n").arg(problem));
        return exitFailed;
    }
    PythonRun run({interpreter, options.script, options.arguments, options.workingDirectory});
    Cli::TerminalPrinter printer;
    printer.setQuietAsPython(true);
    QObject::connect(&run, &PythonRun::eventRecorded, &printer, &Cli::TerminalPrinter::handleEvent);
    QObject::connect(&run, &PythonRun::eventDropped, &printer, &Cli::TerminalPrinter::handleDroppedEvent);
    QObject::connect(&printer, &Cli::TerminalPrinter::stdoutFailed, &run, [&run, &printer](const QString &reason) {
        if (run.status() != PythonRun::Status::Running)
            return reportStdoutFailure(reason);
        Cli::writeStderr(QStringLiteral("processlab-cli: ")
                         + tr("cannot write to standard output: %1; stopping the Python processes").arg(reason)
                         + QLatin1Char('\n'));
        printer.noteStoppedByTheCli();
        run.stop();
    });
    bool interrupted = false;
    InterruptHandler interrupts;
    QObject::connect(&interrupts, &InterruptHandler::interrupted, &run, [&] {
        if (!interrupted)
            Cli::writeStderr(QStringLiteral("processlab-cli: interrupted, stopping the Python processes\n"));
        interrupted = true;
        printer.noteStoppedByTheCli();
        run.stop();
    });
    QObject::connect(&run, &PythonRun::finished, &app, &QCoreApplication::quit, Qt::QueuedConnection);
    QTimer::singleShot(0, &run, &PythonRun::start);
    app.exec();
    printer.flush();
    return completeRunCommand(printer, exports, run.record(), options.summary, !options.jsonPath.isEmpty(), interrupted,
                              run.exitCode());
}

int dispatch(QCoreApplication &app, const Cli::ParsedCommand &command)
{
    switch (command.kind) {
    case Cli::ParsedCommand::Kind::Help:
        Cli::writeStdout(Cli::usageText().toUtf8(), nullptr);
        return 0;
    case Cli::ParsedCommand::Kind::Version:
        Cli::writeStdout(
            QStringLiteral("processlab-cli %1\n").arg(QCoreApplication::applicationVersion()).toUtf8(), nullptr);
        return 0;
    case Cli::ParsedCommand::Kind::Error:
        Cli::writeStderr(QStringLiteral("processlab-cli: %1\n").arg(command.error));
        return exitUsage;
    case Cli::ParsedCommand::Kind::List:
        return listExamples();
    case Cli::ParsedCommand::Kind::Run:
        return runExample(app, command.run);
    case Cli::ParsedCommand::Kind::Show:
        return showExample(command.run);
    case Cli::ParsedCommand::Kind::Export:
        return Cli::runExport(command.exports);
    case Cli::ParsedCommand::Kind::Python:
        return runPython(app, command.python);
    case Cli::ParsedCommand::Kind::Bench:
        if (command.bench.benchmark == Cli::BenchOptions::Benchmark::Ipc)
            return Cli::runIpcBench(app, command.bench);
        if (command.bench.benchmark == Cli::BenchOptions::Benchmark::Pool)
            return Cli::runPoolBench(app, command.bench);
        return Cli::runSpawnBench(app, command.bench);
    }
    return exitUsage;
}

} // namespace

int main(int argc, char *argv[])
{
    Cli::prepareStandardStreams(); // before anything opens a file descriptor
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("processlab-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROCESSLAB_VERSION));

    ensureChildrenDieWithHost(); // Windows job object; Linux/macOS handle it per worker

    const Cli::ParsedCommand command = Cli::parseCommandLine(app.arguments().mid(1));
    int exitCode = dispatch(app, command);
    // Output that never arrived is a failure (`> /dev/full`, a closed pipe); a run has
    // checked and reported it itself, as soon as it happened.
    QString error;
    if (command.kind != Cli::ParsedCommand::Kind::Run && command.kind != Cli::ParsedCommand::Kind::Python
        && !Cli::flushStdout(&error)) {
        reportStdoutFailure(error);
        if (exitCode == 0)
            exitCode = exitFailed;
    }
    return exitCode;
}
