// SPDX-License-Identifier: MIT
#pragma once

#include "exportfile.h"

#include <QString>

class QIODevice;

namespace ProcessLab {

class RunRecord;

// Limits of a trace: a trace viewer (chrome://tracing stops near 256 MB, ui.perfetto.dev
// near 1 GB of JSON) must still open the trace of a run that printed a million lines.
struct TraceLimits
{
    qsizetype outputInstants = 200'000; // output lines as instant events (all processes); the rest are counted
    qsizetype textChars = 1'000;         // characters of one line or value kept in args.text
    qsizetype nameChars = 80;            // characters of a line used as its event's name
};

// The record in the Chrome Trace Event Format (the JSON ui.perfetto.dev and chrome://tracing
// open), docs/exports.md: one pid per process with its role and PID as the process name, a
// thread (track) per kind of activity, X slices for states, statements, worker traces, pool
// tasks and blocked waits (nested per track), instants for output lines, shared-object
// operations and faults, counters for queue depth, pipe messages in flight, Value values, CPU
// and memory. Streamed: memory holds the slices and counters, never the whole JSON.
bool writeTraceJson(const RunRecord &record, QIODevice *device, QString *error,
                    const TraceLimits &limits = {});

// The writer for an ExportFile; the record must outlive it.
ExportFile::Writer traceJsonWriter(const RunRecord &record);

} // namespace ProcessLab
