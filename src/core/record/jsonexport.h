// SPDX-License-Identifier: MIT
#pragma once

#include "exportfile.h"

#include <QString>

class QIODevice;

namespace ProcessLab {

class RunRecord;

// JSON form of a whole run record; the schema is documented in docs/run-record.md.
// 2: shared objects (object-created, ipc, ipc-*); 3: resource-sample (CPU and memory per process)
inline constexpr int runRecordSchemaVersion = 3;

// Streams the record to an open device one event at a time: memory stays at one event's
// JSON however long the record (a whole QJsonDocument of a million lines takes a GB).
bool writeRunRecordJson(const RunRecord &record, QIODevice *device, QString *error);

// The writer for an ExportFile; the record must outlive it.
ExportFile::Writer runRecordJsonWriter(const RunRecord &record);

// Writes the record to path (see ExportFile for how files, devices and pipes differ).
bool writeRunRecordJson(const RunRecord &record, const QString &path, QString *error);

} // namespace ProcessLab
