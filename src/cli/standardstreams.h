// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

namespace ProcessLab::Cli {

// Call first in main(), before anything opens a file or socket. A closed stdin/stdout/
// stderr gets a placeholder on which every write fails: otherwise the next file opened
// (the run's socket, the JSON file) would become descriptor 1 and receive the output.
// SIGPIPE is ignored, so a pipe whose reader is gone is a write error, not a silent death.
void prepareStandardStreams();

// stdout, with failures reported: false (and the reason in *error) when the bytes could
// not be written; buffered bytes may fail only at flushStdout().
bool writeStdout(const QByteArray &bytes, QString *error);
bool flushStdout(QString *error);

// stderr: diagnostics, and output the user asked for there (--summary). False when the
// text was not written; a failed diagnostic has nowhere to be reported, so callers ignore
// it, but requested output that is lost makes the exit code 1.
bool writeStderr(const QString &text);
bool flushStderr();

} // namespace ProcessLab::Cli
