// SPDX-License-Identifier: MIT
#pragma once

#include "runrecord.h"

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace ProcessLab {

// A run record read back from its JSON (docs/run-record.md, "Reading a record").
struct LoadedRunRecord
{
    RunRecord record;      // events, example id, knobs, recordedAt (when the file says)
    int schemaVersion = 0; // the file's version (1..runRecordSchemaVersion)
};

// Reads what writeRunRecordJson() wrote, any schema version from 1 up to this build's, and
// refuses anything else with one message that names the event (its index and line) and the
// field. Everything is checked before it is used: sizes are capped before decoding, every
// field's type and range, every process an event names was created before it, and the
// record's caps (output lines, traces, refused connections) hold for what is loaded, so a
// crafted file cannot make a record no real run could have made.
//
// The events are decoded one at a time from the file's bytes (which may be a memory map):
// memory grows with the record, never with a whole JSON document. The derived sections
// (processes, pools, dropped, wallMs, exitCode) are skipped: they are recomputed from the
// events, so write -> read -> write gives identical JSON.
class RunRecordReader
{
public:
    static constexpr qint64 maxFileBytes = qint64(1) << 30;        // 1 GiB
    static constexpr qsizetype maxEventBytes = 1 << 20;           // one event's JSON
    static constexpr qsizetype maxEvents = 5'000'000;
    static constexpr qsizetype maxTextChars = 65'536 + 1'024;     // a cut line plus its note
    static constexpr int maxProcessId = 100'000;
    static constexpr int maxObjectId = 1'000'000;
    static constexpr int maxKnobs = 256;
    static constexpr qsizetype maxHeaderValueBytes = 64 * 1024;    // example, knobs, ...

    // error (translated) says why when it returns nothing.
    static std::optional<LoadedRunRecord> read(QByteArrayView json, QString *error);
    // Checks the size before reading; maps the file where it can.
    static std::optional<LoadedRunRecord> readFile(const QString &path, QString *error);
};

} // namespace ProcessLab
