// SPDX-License-Identifier: MIT
#pragma once

#include "record/exportfile.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace ProcessLab {
class RunRecord;
}

namespace ProcessLab::Cli {

// The files a command writes from a run record: --json (the record), --trace (Perfetto /
// Chrome trace), --csv (the per-process table and, for a pool, FILE-tasks.csv). All are
// opened before the run, so a path that cannot be written is a usage error found before
// anything runs, and each is replaced atomically once the record is complete (ExportFile).
class ExportTargets
{
public:
    struct Paths
    {
        QString json;
        QString trace;
        QString csv;
        bool poolTasks = false; // the run may have a pool: --csv also opens FILE-tasks.csv
    };

    // Opens every file named; on the first that cannot be written, "--trace: cannot write ...".
    bool open(const Paths &paths, QString *error);
    // Opens FILE-tasks.csv of --csv FILE, for a record known to be a pool's only after open().
    bool openPoolTasks(const QString &csvPath, QString *error);
    bool isEmpty() const;
    // Writes each file; every failure as "--csv: cannot write ...".
    bool write(const RunRecord &record, QStringList *errors);

private:
    // Opens path into *slot (owned by m_files); "--option: why" when it cannot be written.
    bool add(const QString &option, const QString &path, ExportFile **slot, QString *error);

    std::vector<std::unique_ptr<ExportFile>> m_files;
    ExportFile *m_json = nullptr;
    ExportFile *m_trace = nullptr;
    ExportFile *m_csv = nullptr;
    ExportFile *m_csvTasks = nullptr;
};

} // namespace ProcessLab::Cli
