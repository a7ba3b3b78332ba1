// SPDX-License-Identifier: MIT
#pragma once

#include "exportfile.h"

#include <QString>

class QIODevice;

namespace ProcessLab {

struct RunSummary;

// CSV exports of a run's tables (docs/exports.md), both from the one RunSummary fold the
// `--summary` table, the panes and the JSON read: RFC 4180 (comma, CRLF, quotes doubled),
// UTF-8 with a byte-order mark so Excel reads Chinese text right (LibreOffice and Python's
// "utf-8-sig" skip it), numbers with a '.' in every locale. A text cell that a spreadsheet
// would run as a formula (starting with = + - @, a tab or a carriage return) gets a leading
// apostrophe, unless it is a plain number: a worker's output cannot become a formula.

// One row per process: the rows and figures of the --summary table, unformatted.
bool writeProcessCsv(const RunSummary &summary, QIODevice *device, QString *error);
// One row per pool task recorded one by one (PoolTaskSpans, the JSON's "pools" rows).
bool writePoolTasksCsv(const RunSummary &summary, QIODevice *device, QString *error);
// Whether the run had a pool task table to write.
bool hasPoolTasks(const RunSummary &summary);

// Where the task table of `--csv run.csv` goes: run-tasks.csv, next to it.
QString poolTasksCsvPath(const QString &csvPath);

// One cell, quoted where RFC 4180 needs it and neutralised against formula injection.
QString csvTextCell(const QString &text);

// Writers for an ExportFile; the summary must outlive them.
ExportFile::Writer processCsvWriter(const RunSummary &summary);
ExportFile::Writer poolTasksCsvWriter(const RunSummary &summary);

} // namespace ProcessLab
