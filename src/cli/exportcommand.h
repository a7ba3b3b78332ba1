// SPDX-License-Identifier: MIT
#pragma once

namespace ProcessLab::Cli {

struct ExportOptions;

// `processlab-cli export RECORD.json ...`: reads a saved run record (RunRecordReader) and
// writes its exports through the same ExportTargets as `run --json/--trace/--csv`, so the
// files are byte for byte those the run would have written. Returns the exit code: 2 when an
// output cannot be written (found before the record is read), 1 when the record cannot be
// read (nothing is written then) or a write fails.
int runExport(const ExportOptions &options);

} // namespace ProcessLab::Cli
