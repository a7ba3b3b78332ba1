// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <memory>

class QFileDevice;

namespace ProcessLab {

class RunRecord;

// Where a run record's JSON goes. open() before the run, so a path that cannot be written
// (missing directory, a directory, no permission) is refused before anything runs.
// A regular file, or a path that does not exist yet, is replaced atomically through
// QSaveFile; anything else (a character device, a FIFO, the pipe of a shell's `>(cmd)`)
// is written in place, because QSaveFile would replace the device node with a file.
class JsonRecordFile
{
public:
    explicit JsonRecordFile(QString path);
    ~JsonRecordFile(); // an unfinished replacement is discarded; the old file stays
    JsonRecordFile(const JsonRecordFile &) = delete;
    JsonRecordFile &operator=(const JsonRecordFile &) = delete;

    const QString &path() const { return m_path; }
    bool open(QString *error);
    // Streams the record and commits (or closes) the file; open() must have succeeded.
    bool write(const RunRecord &record, QString *error);

private:
    QString failure(const QString &reason) const;
    QString openFailureReason(const QFileDevice &failed) const;

    QString m_path;
    std::unique_ptr<QFileDevice> m_file;
};

} // namespace ProcessLab
