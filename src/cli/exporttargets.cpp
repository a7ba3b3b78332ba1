// SPDX-License-Identifier: MIT
#include "exporttargets.h"

#include "record/csvexport.h"
#include "record/jsonexport.h"
#include "record/runrecord.h"
#include "record/runsummary.h"
#include "record/traceexport.h"

namespace ProcessLab::Cli {

bool ExportTargets::add(const QString &option, const QString &path, ExportFile **slot, QString *error)
{
    if (path.isEmpty())
        return true;
    auto file = std::make_unique<ExportFile>(path);
    QString reason;
    if (!file->open(&reason)) {
        if (error)
            *error = QStringLiteral("--%1: %2").arg(option, reason);
        return false;
    }
    *slot = file.get();
    m_files.push_back(std::move(file));
    return true;
}

bool ExportTargets::open(const Paths &paths, QString *error)
{
    return add(QStringLiteral("json"), paths.json, &m_json, error)
           && add(QStringLiteral("trace"), paths.trace, &m_trace, error)
           && add(QStringLiteral("csv"), paths.csv, &m_csv, error)
           && (!paths.poolTasks || openPoolTasks(paths.csv, error));
}

bool ExportTargets::openPoolTasks(const QString &csvPath, QString *error)
{
    return csvPath.isEmpty() || m_csvTasks || add(QStringLiteral("csv"), poolTasksCsvPath(csvPath), &m_csvTasks, error);
}

bool ExportTargets::isEmpty() const
{
    return m_files.empty();
}

bool ExportTargets::write(const RunRecord &record, QStringList *errors)
{
    bool ok = true;
    const auto writeOne = [&](ExportFile *file, const QString &option, const ExportFile::Writer &writer) {
        if (!file)
            return;
        QString error;
        if (!file->write(writer, &error)) {
            ok = false;
            if (errors)
                errors->append(QStringLiteral("--%1: %2").arg(option, error));
        }
    };
    writeOne(m_json, QStringLiteral("json"), runRecordJsonWriter(record));
    writeOne(m_trace, QStringLiteral("trace"), traceJsonWriter(record));
    if (m_csv || m_csvTasks) {
        const RunSummary summary = summarize(record);
        writeOne(m_csv, QStringLiteral("csv"), processCsvWriter(summary));
        // No pool after all (it was never created): no task table, an older one stays as it was.
        if (m_csvTasks && !hasPoolTasks(summary))
            m_csvTasks->discard();
        else
            writeOne(m_csvTasks, QStringLiteral("csv"), poolTasksCsvWriter(summary));
    }
    return ok;
}

} // namespace ProcessLab::Cli
