// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace ProcessLab {

// A user's .py file as the app opens it (File → Open Python script…) and the program text
// it writes for a Python run. Checked before anything is shown or run, so a bad file is a
// clear message and nothing the user had is lost.
class PythonScriptFile
{
    Q_DECLARE_TR_FUNCTIONS(PythonScriptFile)
public:
    // Larger files are not programs a student wrote to watch process by process.
    static constexpr qint64 maxBytes = 1024 * 1024;

    // The file's text (UTF-8, a BOM allowed), or nullopt and *error saying why not: missing,
    // unreadable, a directory, larger than maxBytes, or not UTF-8.
    static std::optional<QString> read(const QString &path, QString *error);

    // Writes text (UTF-8) to directory/fileName atomically; false and *error when it cannot.
    static bool write(const QString &directory, const QString &fileName, const QString &text, QString *error);
};

} // namespace ProcessLab
