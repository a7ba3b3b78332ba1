// SPDX-License-Identifier: MIT
#include "pythoninterpreterprobe.h"

#include "pythonrun.h"

#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTimer>

namespace ProcessLab {

namespace {
PythonInterpreterProbe::Result failure(const QString &interpreter, const QString &error)
{
    PythonInterpreterProbe::Result result;
    result.interpreter = interpreter;
    result.error = error;
    return result;
}
} // namespace

PythonInterpreterProbe::PythonInterpreterProbe(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(timeout);
    connect(m_timer, &QTimer::timeout, this, [this] {
        cancel();
        emit finished(failure(m_interpreter, tr("%1 did not answer within %2 s").arg(m_interpreter).arg(timeout.count() / 1000)));
    });
}

PythonInterpreterProbe::~PythonInterpreterProbe()
{
    // Gone with us (the app quits while a check runs): a killed process ends at once and is
    // reaped here, so none outlives the app and QProcess does not complain. (Abandoned checks
    // are killed already and may still be ending.)
    const QList<QProcess *> processes = findChildren<QProcess *>();
    for (QProcess *process : processes) {
        if (process->state() == QProcess::NotRunning)
            continue;
        disconnect(process, nullptr, this, nullptr);
        process->kill();
        process->waitForFinished(1000);
    }
}

bool PythonInterpreterProbe::isRunning() const
{
    return m_process != nullptr;
}

std::optional<std::pair<int, int>> PythonInterpreterProbe::parseVersion(const QByteArray &output)
{
    static const QRegularExpression tuple(QStringLiteral("^\\((\\d+), (\\d+)\\)$"));
    const QRegularExpressionMatch match = tuple.match(QString::fromLatin1(output.trimmed()));
    if (!match.hasMatch())
        return std::nullopt;
    return std::pair{match.captured(1).toInt(), match.captured(2).toInt()};
}

void PythonInterpreterProbe::cancel()
{
    ++m_generation; // a report already queued is dropped
    m_timer->stop();
    QProcess *process = std::exchange(m_process, nullptr);
    if (!process)
        return;
    disconnect(process, nullptr, this, nullptr);
    if (process->state() != QProcess::NotRunning) {
        // Deleted once it has really ended (no zombie, no wait); if we go first, QProcess's
        // destructor reaps the killed process.
        connect(process, &QProcess::finished, process, &QObject::deleteLater);
        process->kill();
    } else {
        process->deleteLater();
    }
}

void PythonInterpreterProbe::probe(const QString &interpreter)
{
    cancel();
    QString error;
    m_interpreter = interpreter.isEmpty() ? PythonRun::findInterpreter(&error) : interpreter;
    if (m_interpreter.isEmpty()) {
        QTimer::singleShot(0, this, [this, error, generation = m_generation] {
            if (generation == m_generation)
                emit finished(failure({}, error));
        });
        return;
    }
    if (!interpreter.isEmpty() && !QFileInfo(interpreter).isExecutable()) {
        QTimer::singleShot(0, this, [this, generation = m_generation] {
            if (generation == m_generation)
                emit finished(failure(m_interpreter, tr("%1 is not an executable file").arg(m_interpreter)));
        });
        return;
    }
    m_process = new QProcess(this);
    m_process->setStandardInputFile(QProcess::nullDevice());
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError processError) {
        if (processError != QProcess::FailedToStart)
            return; // a crash is reported by finished()
        const QString reason = m_process->errorString();
        cancel();
        emit finished(failure(m_interpreter, tr("cannot start %1: %2").arg(m_interpreter, reason)));
    });
    connect(m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
        const QByteArray output = m_process->readAllStandardOutput();
        const QString errors = QString::fromLocal8Bit(m_process->readAllStandardError()).trimmed();
        cancel();
        Result result = failure(m_interpreter, {});
        const std::optional<std::pair<int, int>> version = parseVersion(output);
        if (status != QProcess::NormalExit || exitCode != 0 || !version) {
            const QString firstLine = errors.section(QLatin1Char('\n'), 0, 0);
            result.error = firstLine.isEmpty() ? tr("%1 is not a working Python interpreter").arg(m_interpreter)
                                               : tr("%1 is not a working Python interpreter: %2").arg(m_interpreter, firstLine);
        } else {
            result.major = version->first;
            result.minor = version->second;
            result.ok = std::pair{result.major, result.minor} >= std::pair{minimumMajor, minimumMinor};
            if (!result.ok)
                result.error = tr("%1 is Python %2.%3; ProcessLab needs Python %4.%5 or newer")
                                   .arg(m_interpreter)
                                   .arg(result.major)
                                   .arg(result.minor)
                                   .arg(minimumMajor)
                                   .arg(minimumMinor);
        }
        emit finished(result);
    });
    m_timer->start();
    m_process->start(m_interpreter, {QStringLiteral("-c"), QStringLiteral("import sys;print(sys.version_info[:2])")});
}

} // namespace ProcessLab
