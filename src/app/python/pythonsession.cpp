// SPDX-License-Identifier: MIT
#include "pythonsession.h"

#include "runtime/pythonscriptfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>

namespace ProcessLab {

namespace {
const QString interpreterKey = QStringLiteral("python/interpreter");
const QString launchesKey = QStringLiteral("python/scriptLaunches");
constexpr int maxRememberedLaunches = 50;
} // namespace

PythonSession::PythonSession(QObject *parent)
    : QObject(parent)
    , m_probe(new PythonInterpreterProbe(this))
{
    connect(m_probe, &PythonInterpreterProbe::finished, this, &PythonSession::applyCheck);
    recheck();
}

PythonSession::~PythonSession() = default;

QString PythonSession::interpreterSetting() const
{
    return QSettings().value(interpreterKey).toString();
}

void PythonSession::setInterpreterSetting(const QString &interpreter,
                                          const std::optional<PythonInterpreterProbe::Result> &checked)
{
    QSettings().setValue(interpreterKey, interpreter);
    if (checked)
        applyCheck(*checked);
    else
        recheck();
}

void PythonSession::recheck()
{
    m_availability = Availability::Checking;
    emit availabilityChanged();
    m_probe->probe(interpreterSetting());
}

void PythonSession::applyCheck(const PythonInterpreterProbe::Result &result)
{
    m_lastCheck = result;
    m_availability = result.ok ? Availability::Available : Availability::Unavailable;
    emit availabilityChanged();
}

QString PythonSession::unavailableReason() const
{
    switch (m_availability) {
    case Availability::Available:
        return {};
    case Availability::Checking:
        return tr("Checking the Python interpreter…");
    case Availability::Unavailable:
        break;
    }
    if (m_lastCheck.interpreter.isEmpty()) // none on PATH: the error says how to get one already
        return tr("Python runs are off: %1. The examples still run with ProcessLab's own workers.").arg(m_lastCheck.error);
    return tr("Python runs are off: %1. Install Python %2.%3 or newer (Debian/Ubuntu: sudo apt install python3; "
              "Windows and macOS: python.org) or choose an interpreter in Settings → Python Interpreter…. "
              "The examples still run with ProcessLab's own workers.")
        .arg(m_lastCheck.error)
        .arg(PythonInterpreterProbe::minimumMajor)
        .arg(PythonInterpreterProbe::minimumMinor);
}

QString PythonSession::describe(const PythonInterpreterProbe::Result &result)
{
    return tr("Python %1.%2 (%3)").arg(result.major).arg(result.minor).arg(QDir::toNativeSeparators(result.interpreter));
}

QString PythonSession::programDirectory(QString *error)
{
    if (!m_programDir) {
        m_programDir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/processlab-programs-XXXXXX"));
        if (!m_programDir->isValid()) {
            *error = tr("cannot create a temporary directory for the program: %1").arg(m_programDir->errorString());
            m_programDir.reset();
            return {};
        }
    }
    // One directory per run: a run still ending never sees its file replaced.
    const QString directory = m_programDir->filePath(QString::number(++m_programCount));
    if (!QDir().mkpath(directory)) {
        *error = tr("cannot create the directory %1").arg(QDir::toNativeSeparators(directory));
        return {};
    }
    return directory;
}

std::optional<PythonRun::Options> PythonSession::programOptions(const QString &fileName, const QString &text,
                                                                const QString &exampleId, QString *error)
{
    if (!isAvailable()) {
        *error = unavailableReason();
        return std::nullopt;
    }
    const QString directory = programDirectory(error);
    if (directory.isEmpty() || !PythonScriptFile::write(directory, fileName, text, error))
        return std::nullopt;
    PythonRun::Options options;
    options.interpreter = m_lastCheck.interpreter;
    options.script = QDir(directory).filePath(fileName);
    options.workingDirectory = directory;
    options.exampleId = exampleId;
    return options;
}

std::optional<PythonRun::Options> PythonSession::scriptOptions(const QString &path, const QString &text,
                                                               const QStringList &arguments, const QString &workingDirectory,
                                                               QString *error)
{
    if (!isAvailable()) {
        *error = unavailableReason();
        return std::nullopt;
    }
    const QString directory = workingDirectory.isEmpty() ? QFileInfo(path).absolutePath() : workingDirectory;
    if (!QFileInfo(directory).isDir()) {
        *error = tr("the working directory %1 does not exist").arg(QDir::toNativeSeparators(directory));
        return std::nullopt;
    }
    // What is on screen is what runs: the file itself while it still holds the text shown
    // (its imports of modules beside it work), else the shown text from a copy.
    QString script = path;
    QString ignored;
    if (PythonScriptFile::read(path, &ignored) != text) {
        const QString copyDirectory = programDirectory(error);
        if (copyDirectory.isEmpty() || !PythonScriptFile::write(copyDirectory, QFileInfo(path).fileName(), text, error))
            return std::nullopt;
        script = QDir(copyDirectory).filePath(QFileInfo(path).fileName());
    }
    PythonRun::Options options;
    options.interpreter = m_lastCheck.interpreter;
    options.script = script;
    options.arguments = arguments;
    options.workingDirectory = directory;
    return options;
}

PythonSession::ScriptLaunch PythonSession::rememberedLaunch(const QString &scriptPath) const
{
    const QStringList stored = QSettings().value(launchesKey).toMap().value(QFileInfo(scriptPath).absoluteFilePath()).toStringList();
    if (stored.size() != 2)
        return {};
    return {stored.at(0), stored.at(1)};
}

void PythonSession::rememberLaunch(const QString &scriptPath, const ScriptLaunch &launch)
{
    QSettings settings;
    QVariantMap launches = settings.value(launchesKey).toMap();
    launches.insert(QFileInfo(scriptPath).absoluteFilePath(), QStringList{launch.argumentsText, launch.workingDirectory});
    while (launches.size() > maxRememberedLaunches)
        launches.erase(launches.begin());
    settings.setValue(launchesKey, launches);
}

std::optional<QStringList> PythonSession::splitArguments(const QString &text, QString *error)
{
    // splitCommand() drops an unclosed quote's meaning silently: refuse it instead.
    bool inQuote = false;
    for (const QChar c : text)
        if (c == u'"')
            inQuote = !inQuote;
    if (inQuote) {
        *error = tr("the arguments have an unclosed quote (\")");
        return std::nullopt;
    }
    return QProcess::splitCommand(text);
}

} // namespace ProcessLab
