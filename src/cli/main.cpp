// SPDX-License-Identifier: MIT
// processlab-cli: runs an example headless. stdout carries exactly the example's output.
#include "benchcommand.h"
#include "cliarguments.h"
#include "summarytable.h"

#include "examples/exampleregistry.h"
#include "record/jsonexport.h"
#include "record/runsummary.h"
#include "runtime/interrupthandler.h"
#include "runtime/platformjob.h"
#include "runtime/run.h"

#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

using namespace ProcessLab;

namespace {

constexpr int exitUsage = 2;
constexpr int exitInterrupted = 130;

void writeTo(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stream);
}

QString processName(const RunSummaryBuilder &builder, int process)
{
    const ProcessSummary *p = builder.summary().process(process);
    return p && !p->role.isEmpty() ? p->role : QStringLiteral("run");
}

// Mirrors the record onto the terminal as it grows: output lines to stdout/stderr,
// failures and rejected connections as diagnostics on stderr.
class TerminalPrinter : public QObject
{
public:
    explicit TerminalPrinter(QObject *parent)
        : QObject(parent)
    {
        // Flush on a short timer instead of per line: a flood of output stays cheap.
        m_flushTimer.setInterval(10);
        m_flushTimer.setSingleShot(true);
        connect(&m_flushTimer, &QTimer::timeout, this, [] {
            std::fflush(stdout);
            std::fflush(stderr);
        });
    }

    void handleEvent(const RunEvent &event)
    {
        m_summary.consume(event);
        switch (event.kind) {
        case EventKind::Output:
            writeTo(event.stream == OutputStream::StdErr ? stderr : stdout, event.text + QLatin1Char('\n'));
            break;
        case EventKind::StateChanged:
            if (event.process != mainProcessId && event.state == ProcessState::Failed)
                writeTo(stderr, QStringLiteral("processlab-cli: %1 failed: %2\n")
                                    .arg(processName(m_summary, event.process), event.text));
            break;
        case EventKind::Error:
            writeTo(stderr, QStringLiteral("processlab-cli: %1: %2\n")
                                .arg(processName(m_summary, event.process), event.text));
            break;
        case EventKind::ConnectionRejected:
            writeTo(stderr, QStringLiteral("processlab-cli: refused a connection: %1\n").arg(event.text));
            break;
        case EventKind::OutputDropped:
            writeTo(stderr, QStringLiteral("processlab-cli: %1: %2 lines not recorded (record cap)\n")
                                .arg(processName(m_summary, event.process))
                                .arg(event.count));
            break;
        default:
            return;
        }
        if (!m_flushTimer.isActive())
            m_flushTimer.start();
    }

private:
    RunSummaryBuilder m_summary;
    QTimer m_flushTimer;
};

int listExamples()
{
    for (const ExampleDefinition &example : ExampleRegistry::all())
        writeTo(stdout, QStringLiteral("%1\t%2\t%3\n").arg(example.id, example.titleEn, example.titleZh));
    return 0;
}

int runExample(QCoreApplication &app, const Cli::RunOptions &options)
{
    const ExampleDefinition *example = ExampleRegistry::find(options.exampleId);
    std::unique_ptr<Run> run = Run::create(*example, options.knobs);
    auto *printer = new TerminalPrinter(&app);
    QObject::connect(run.get(), &Run::eventRecorded, printer, &TerminalPrinter::handleEvent);

    bool interrupted = false;
    InterruptHandler interrupts;
    QObject::connect(&interrupts, &InterruptHandler::interrupted, run.get(), [&] {
        if (!interrupted)
            writeTo(stderr, QStringLiteral("processlab-cli: interrupted, stopping the workers\n"));
        interrupted = true;
        run->stop();
    });
    QObject::connect(run.get(), &Run::finished, &app, &QCoreApplication::quit, Qt::QueuedConnection);
    QTimer::singleShot(0, run.get(), &Run::start);
    app.exec();
    std::fflush(stdout);

    if (options.summary)
        writeTo(stderr, Cli::formatSummaryTable(summarize(run->record())));
    if (!options.jsonPath.isEmpty()) {
        QString error;
        if (!writeRunRecordJson(run->record(), options.jsonPath, &error)) {
            writeTo(stderr, QStringLiteral("processlab-cli: %1\n").arg(error));
            return 1;
        }
    }
    std::fflush(stderr);
    return interrupted ? exitInterrupted : run->exitCode();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("processlab-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROCESSLAB_VERSION));

    ensureChildrenDieWithHost(); // Windows job object; Linux/macOS handle it per worker

    const Cli::ParsedCommand command = Cli::parseCommandLine(app.arguments().mid(1));
    switch (command.kind) {
    case Cli::ParsedCommand::Kind::Help:
        writeTo(stdout, Cli::usageText());
        return 0;
    case Cli::ParsedCommand::Kind::Version:
        writeTo(stdout, QStringLiteral("processlab-cli %1\n").arg(QCoreApplication::applicationVersion()));
        return 0;
    case Cli::ParsedCommand::Kind::Error:
        writeTo(stderr, QStringLiteral("processlab-cli: %1\n").arg(command.error));
        return exitUsage;
    case Cli::ParsedCommand::Kind::List:
        return listExamples();
    case Cli::ParsedCommand::Kind::Run:
        return runExample(app, command.run);
    case Cli::ParsedCommand::Kind::Bench:
        return Cli::runSpawnBench(app, command.bench);
    }
    return exitUsage;
}
