// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>

#include <chrono>
#include <optional>
#include <utility>

class QProcess;
class QTimer;

namespace ProcessLab {

// Asks a Python interpreter which version it is, without blocking the event loop: runs
// `INTERPRETER -c "import sys;print(sys.version_info[:2])"` and reports through finished().
// The app's Settings check the user's choice with it (a venv or conda python, or python3
// on PATH) before a run needs it; PythonRun itself needs no probe.
class PythonInterpreterProbe : public QObject
{
    Q_OBJECT
public:
    static constexpr int minimumMajor = 3;
    static constexpr int minimumMinor = 9;
    // A sanity limit: a wrapper (pyenv) may take a second or two on a busy machine.
    static constexpr std::chrono::milliseconds timeout{20000};

    struct Result
    {
        bool ok = false;      // a Python >= 3.9 that answered
        QString interpreter;  // the executable asked (found on PATH when none was given)
        int major = 0;        // 0 when it never said
        int minor = 0;
        QString error;        // why it is not usable (translated), empty when ok
    };

    explicit PythonInterpreterProbe(QObject *parent = nullptr);
    ~PythonInterpreterProbe() override;

    // An empty interpreter means python3 on PATH (PythonRun::findInterpreter()). A probe
    // still running is abandoned (its process killed): only the last one reports.
    void probe(const QString &interpreter);
    bool isRunning() const;
    void cancel(); // a running probe ends without a report

    // "(3, 11)" -> {3, 11}; nullopt for anything else.
    static std::optional<std::pair<int, int>> parseVersion(const QByteArray &output);

signals:
    void finished(const ProcessLab::PythonInterpreterProbe::Result &result);

private:

    QProcess *m_process = nullptr;
    QTimer *m_timer = nullptr;
    QString m_interpreter;
    quint64 m_generation = 0;
};

} // namespace ProcessLab
