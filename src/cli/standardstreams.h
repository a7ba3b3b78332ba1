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

// Diagnostics. A failure here has nowhere to be reported, so it is ignored.
void writeStderr(const QString &text);
void flushStderr();

} // namespace ProcessLab::Cli
