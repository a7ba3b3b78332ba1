// SPDX-License-Identifier: MIT
#include "exportfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <sys/stat.h>
#endif

namespace ProcessLab {

namespace {

enum class PathKind { Missing, RegularFile, Directory, Other };

PathKind pathKind(const QString &path)
{
#ifdef Q_OS_UNIX
    // stat() follows links, so /dev/fd/63 (a shell's `>(cmd)`) is seen as the pipe it is.
    struct stat info{};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return PathKind::Missing;
    if (S_ISREG(info.st_mode))
        return PathKind::RegularFile;
    return S_ISDIR(info.st_mode) ? PathKind::Directory : PathKind::Other;
#else
    const QFileInfo info(path);
    if (!info.exists())
        return PathKind::Missing;
    if (info.isDir())
        return PathKind::Directory;
    return info.isFile() ? PathKind::RegularFile : PathKind::Other;
#endif
}

} // namespace

QString ExportFile::openFailureReason(const QFileDevice &failed) const
{
    if (!qobject_cast<const QSaveFile *>(&failed))
        return failed.errorString();
    // QSaveFile opens a new file next to the target, so its error may be about that file
    // ("No such file or directory" for /proc/version). Opening the existing target itself
    // for appending (which changes nothing) names why *it* cannot be written: permission
    // denied, a read-only file system.
    if (QFileInfo::exists(m_path)) {
        QFile target(m_path);
        if (!target.open(QIODevice::WriteOnly | QIODevice::Append))
            return target.errorString();
    }
    const QString directory = QFileInfo(m_path).absolutePath();
    if (!QFileInfo(directory).isDir())
        return QCoreApplication::translate("ProcessLab", "the directory %1 does not exist").arg(directory);
    return QCoreApplication::translate("ProcessLab", "cannot create a new file in %1: %2")
        .arg(directory, failed.errorString());
}

ExportFile::ExportFile(QString path)
    : m_path(std::move(path))
{
}

ExportFile::~ExportFile() = default;

QString ExportFile::failure(const QString &reason) const
{
    return QCoreApplication::translate("ProcessLab", "cannot write %1: %2").arg(m_path, reason);
}

bool ExportFile::open(QString *error)
{
    std::unique_ptr<QFileDevice> file;
    switch (pathKind(m_path)) {
    case PathKind::Directory:
        if (error)
            *error = failure(QCoreApplication::translate("ProcessLab", "it is a directory"));
        return false;
    case PathKind::Missing:
    case PathKind::RegularFile:
        // The replacement is created next to the target now: a missing or read-only
        // directory fails here, before the run.
        file = std::make_unique<QSaveFile>(m_path);
        break;
    case PathKind::Other:
        // Written in place, never replaced (truncation means nothing to a device or pipe).
        file = std::make_unique<QFile>(m_path);
        break;
    }
    if (!file->open(QIODevice::WriteOnly)) {
        if (error)
            *error = failure(openFailureReason(*file));
        return false;
    }
    m_file = std::move(file);
    return true;
}

void ExportFile::discard()
{
    if (auto *saveFile = qobject_cast<QSaveFile *>(m_file.get()))
        saveFile->cancelWriting();
    m_file.reset();
}

bool ExportFile::write(const Writer &writer, QString *error)
{
    if (!m_file) {
        if (error)
            *error = failure(QCoreApplication::translate("ProcessLab", "not open"));
        return false;
    }
    QString writeError;
    bool ok = writer(m_file.get(), &writeError);
    if (auto *saveFile = qobject_cast<QSaveFile *>(m_file.get())) {
        if (!ok)
            saveFile->cancelWriting();
        ok = saveFile->commit() && ok;
    } else {
        ok = m_file->flush() && ok;
        m_file->close();
    }
    if (!ok && error)
        *error = failure(writeError.isEmpty() ? m_file->errorString() : writeError);
    m_file.reset();
    return ok;
}

} // namespace ProcessLab
