// SPDX-License-Identifier: MIT
#include "exportcommand.h"

#include "cliarguments.h"
#include "exporttargets.h"
#include "standardstreams.h"

#include "examples/exampleregistry.h"
#include "record/runrecordreader.h"

namespace ProcessLab::Cli {

namespace {

constexpr int exitFailed = 1;
constexpr int exitUsage = 2;

void reportError(const QString &message)
{
    writeStderr(QStringLiteral("processlab-cli: %1\n").arg(message));
}

} // namespace

int runExport(const ExportOptions &options)
{
    // The outputs first, as `run` opens them before it runs: a path that cannot be written is
    // a usage error, found before a large record is read.
    ExportTargets targets;
    QString openError;
    if (!targets.open({options.jsonPath, options.tracePath, options.csvPath, false}, &openError)) {
        reportError(openError);
        flushStderr();
        return exitUsage;
    }
    QString readError;
    const std::optional<LoadedRunRecord> loaded = RunRecordReader::readFile(options.recordPath, &readError);
    if (!loaded) {
        reportError(readError); // nothing written: the opened files are given up, old ones stay
        flushStderr();
        return exitFailed;
    }
    // The pool's task table where `run` of that example would have opened it (it is only
    // written if the record has pool tasks); a record of an example this build does not know
    // may have them too.
    const ExampleDefinition *example = ExampleRegistry::find(loaded->record.exampleId());
    if (!options.csvPath.isEmpty() && (!example || example->group == ExampleGroup::Pool)
        && !targets.openPoolTasks(options.csvPath, &openError)) {
        reportError(openError);
        flushStderr();
        return exitUsage;
    }

    QStringList writeErrors;
    const bool written = targets.write(loaded->record, &writeErrors);
    for (const QString &error : writeErrors)
        reportError(error);
    flushStderr();
    return written ? 0 : exitFailed;
}

} // namespace ProcessLab::Cli
