// SPDX-License-Identifier: MIT
#include "pythonscriptfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStringDecoder>

namespace ProcessLab {

std::optional<QString> PythonScriptFile::read(const QString &path, QString *error)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        *error = tr("%1 does not exist").arg(QDir::toNativeSeparators(path));
        return std::nullopt;
    }
    if (!info.isFile()) {
        *error = tr("%1 is not a file").arg(QDir::toNativeSeparators(path));
        return std::nullopt;
    }
    if (info.size() > maxBytes) {
        *error = tr("%1 is too large (%2 KiB): ProcessLab opens Python scripts of up to %3 KiB")
                     .arg(QDir::toNativeSeparators(path))
                     .arg((info.size() + 1023) / 1024)
                     .arg(maxBytes / 1024);
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return std::nullopt;
    }
    const QByteArray bytes = file.read(maxBytes + 1); // capped before decoding, whatever size() said
    if (bytes.size() > maxBytes) {
        *error = tr("%1 is too large: ProcessLab opens Python scripts of up to %2 KiB")
                     .arg(QDir::toNativeSeparators(path))
                     .arg(maxBytes / 1024);
        return std::nullopt;
    }
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder.decode(bytes);
    if (decoder.hasError()) {
        *error = tr("%1 is not UTF-8 text: save it as UTF-8 (Python's own default for source files)")
                     .arg(QDir::toNativeSeparators(path));
        return std::nullopt;
    }
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1);
    return text;
}

bool PythonScriptFile::write(const QString &directory, const QString &fileName, const QString &text, QString *error)
{
    QSaveFile file(QDir(directory).filePath(fileName));
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        *error = tr("cannot write %1: %2").arg(QDir::toNativeSeparators(file.fileName()), file.errorString());
        return false;
    }
    return true;
}

} // namespace ProcessLab
