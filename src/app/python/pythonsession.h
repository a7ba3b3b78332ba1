// SPDX-License-Identifier: MIT
#pragma once

#include "runtime/pythoninterpreterprobe.h"
#include "runtime/pythonrun.h"

#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>

class QTemporaryDir;

namespace ProcessLab {

// The app's side of real Python runs (issue 13): which interpreter (Settings, QSettings
// "python/interpreter"; empty = python3 on PATH), whether it is usable (checked without
// blocking by PythonInterpreterProbe), the programs written for runs (a temporary directory
// of its own) and the arguments and working directory remembered per opened script.
class PythonSession : public QObject
{
    Q_OBJECT
public:
    enum class Availability { Checking, Available, Unavailable };

    // What File → Open Python script… runs, remembered per script.
    struct ScriptLaunch
    {
        QString argumentsText; // as typed; split like a shell (QProcess::splitCommand)
        QString workingDirectory;
    };

    explicit PythonSession(QObject *parent = nullptr);
    ~PythonSession() override;

    QString interpreterSetting() const; // empty: python3 from PATH
    // Stores the choice and uses it; `checked` is the probe's answer for it when the caller has one.
    void setInterpreterSetting(const QString &interpreter, const std::optional<PythonInterpreterProbe::Result> &checked = {});
    void recheck(); // probes the setting again (at start, or after Settings)

    Availability availability() const { return m_availability; }
    bool isAvailable() const { return m_availability == Availability::Available; }
    const PythonInterpreterProbe::Result &lastCheck() const { return m_lastCheck; }
    // Why Python runs are off, with how to get a Python (translated); empty when available.
    QString unavailableReason() const;
    // "Python 3.11 (/usr/bin/python3)"
    static QString describe(const PythonInterpreterProbe::Result &result);

    // The options for running `text` as `fileName` (written into this session's temporary
    // directory). nullopt and *error when it cannot be written or no interpreter is usable.
    std::optional<PythonRun::Options> programOptions(const QString &fileName, const QString &text,
                                                     const QString &exampleId, QString *error);
    // A user's script: in place when the file still holds `text`, otherwise (edited) a copy
    // written here; its arguments and working directory as given.
    // workingDirectory empty: the script's folder.
    std::optional<PythonRun::Options> scriptOptions(const QString &path, const QString &text,
                                                    const QStringList &arguments, const QString &workingDirectory,
                                                    QString *error);

    ScriptLaunch rememberedLaunch(const QString &scriptPath) const;
    void rememberLaunch(const QString &scriptPath, const ScriptLaunch &launch);
    // The arguments as the script will get them, or nullopt and *error (an unclosed quote).
    static std::optional<QStringList> splitArguments(const QString &text, QString *error);

signals:
    void availabilityChanged();

private:
    void applyCheck(const PythonInterpreterProbe::Result &result);
    QString programDirectory(QString *error);

    PythonInterpreterProbe *m_probe = nullptr;
    Availability m_availability = Availability::Checking;
    PythonInterpreterProbe::Result m_lastCheck;
    std::unique_ptr<QTemporaryDir> m_programDir;
    int m_programCount = 0;
};

} // namespace ProcessLab
