// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <functional>
#include <memory>

class QFileDevice;
class QIODevice;

namespace ProcessLab {

// Where an export (run record JSON, trace, CSV) goes. open() before the run, so a path that
// cannot be written (missing directory, a directory, no permission) is refused before
// anything runs.
// A regular file, or a path that does not exist yet, is replaced atomically through
// QSaveFile; anything else (a character device, a FIFO, the pipe of a shell's `>(cmd)`)
// is written in place, because QSaveFile would replace the device node with a file.
class ExportFile
{
public:
    // Streams the export into the open device; false (and why) when it could not.
    using Writer = std::function<bool(QIODevice *device, QString *error)>;

    explicit ExportFile(QString path);
    ~ExportFile(); // an unfinished replacement is discarded; the old file stays
    ExportFile(const ExportFile &) = delete;
    ExportFile &operator=(const ExportFile &) = delete;

    const QString &path() const { return m_path; }
    bool open(QString *error);
    bool isOpen() const { return m_file != nullptr; }
    // Runs the writer and commits (or closes) the file; open() must have succeeded.
    bool write(const Writer &writer, QString *error);
    // Gives up an opened file without writing: a replaced file stays as it was.
    void discard();

private:
    QString failure(const QString &reason) const;
    QString openFailureReason(const QFileDevice &failed) const;

    QString m_path;
    std::unique_ptr<QFileDevice> m_file;
};

} // namespace ProcessLab
