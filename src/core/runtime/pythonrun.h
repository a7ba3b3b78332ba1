// SPDX-License-Identifier: MIT
#pragma once

#include "outputlinesplitter.h"
#include "protocol/protocol.h"
#include "record/runrecord.h"

#include <QHash>
#include <QObject>
#include <QProcess>
#include <QStringList>

#include <chrono>
#include <memory>

class QLocalSocket;
class QTemporaryDir;
class QTimer;

namespace ProcessLab {

class ResourceSampling;
class PythonIpcRecorder;
class RunServer;

// One run of a real Python script (docs/python-runner.md): starts the interpreter with the
// bootstrap package processlab_boot on PYTHONPATH, accepts every Python process of the tree
// on the run's RunServer (the same token, frame rules and caps as processlab-worker; strangers
// are refused), and records what each process does in its RunRecord exactly as a native run
// records its workers: ProcessCreated (Python's name for it), StateChanged (Starting with the
// pid, Ready at its hello, Running, an end state with Python's exit code) and Output per line,
// the executing line of each process in the script (WorkerTrace "line", sampled by the process)
// and its CPU and memory (ResourceSample, ~10 Hz, as for native workers; the main interpreter
// too: here it is a real process of the program). A Manager's server process is a helper
// (ProcessCreated.count 1).
//
// Process 0 is the main interpreter (a real process here, with an exit code); the others are
// numbered as they appear, named by their pid. Lines the interpreter writes below sys.stdout
// (before the bootstrap connected, os.write(1, ...), a subprocess) reach its real pipes and
// are recorded as process 0's. Stop does what Python's terminate() does, to the whole tree:
// SIGTERM to the main interpreter's process group and to every process that said hello,
// SIGKILL to those still there after terminateGrace. It never blocks.
class PythonRun : public QObject
{
    Q_OBJECT
public:
    enum class Status { NotStarted, Running, Stopping, Finished };

    static constexpr std::chrono::milliseconds terminateGrace{2000};
    // A process whose connection closed without py.exit (killed, os._exit()): how long the
    // host waits for its parent's join() to report the exit code.
    static constexpr std::chrono::milliseconds exitReportGrace{2000};
    // When the main interpreter has ended but a process of the tree has not said hello yet (its
    // connection may still wait in the listen backlog, with its lines): how long the host waits
    // for it before calling it "never connected".
    static constexpr std::chrono::milliseconds connectSettleGrace{1000};
    // Processes of one run; more (a fork bomb) stops the run with a message.
    static constexpr int maxProcesses = 1024;

    struct Options
    {
        QString interpreter; // the Python executable (resolved, not a wrapper, where possible)
        QString script;
        QStringList arguments;
        QString workingDirectory; // empty: the script's directory
        // The example whose listing (edited or not) runs; empty for a user's own script. Kept
        // in the record's knobs ("example") so history can pair it with the native run.
        QString exampleId{}; // {}: Options{interpreter, script, ...} without it stays warning-free
    };

    explicit PythonRun(Options options, QObject *parent = nullptr);
    ~PythonRun() override;

    // python3 on PATH (Windows: python), or empty with *error saying how to get one.
    static QString findInterpreter(QString *error);

    void start();
    void stop();

    Status status() const { return m_status; }
    // The main interpreter's exit code, as `python SCRIPT` would return it (1 when it was
    // killed or could not start).
    int exitCode() const { return m_exitCode; }
    const RunRecord &record() const { return m_record; }
    const Options &options() const { return m_options; }
    // Caps the output lines the record keeps (see RunRecord); set before start().
    void setOutputLineCap(qsizetype cap) { m_record.setOutputLineCap(cap); }
    QString serverName() const;

signals:
    void eventRecorded(const ProcessLab::RunEvent &event);
    void eventDropped(const ProcessLab::RunEvent &event);
    void finished(int exitCode);

private:
    struct PyProcess
    {
        int id = 0;
        qint64 pid = 0;
        QString name;
        ProcessState state = ProcessState::Created;
        bool connected = false;        // said hello and who it is
        bool connectionClosed = false;
        bool exitReported = false; // py.exit arrived: the code Python's _bootstrap returned
        int reportedExitCode = 0;
        qint64 reportedCpuNs = -1; // its own CPU total at its end (py.exit / py.usage), -1 none
        QTimer *exitReportTimer = nullptr;
    };

    // An authenticated connection; its process is known once py.process said who it is.
    struct Connection
    {
        qint64 pid = 0;
        qint64 helloNs = 0;
        std::shared_ptr<Protocol::FrameReader> reader;
        PyProcess *process = nullptr;
    };

    bool extractBootstrap(QString *error);
    void recordEvent(RunEvent event);
    void flushDroppedEvents(qint64 timeNs);
    PyProcess *processByPid(qint64 pid);
    PyProcess *createProcess(qint64 pid, const QString &name, qint64 startingNs, bool helper = false);
    void setState(PyProcess &process, ProcessState state, qint64 timeNs, const QString &detail = {});
    void endProcess(PyProcess &process, ProcessState state, const QString &detail, int exitCode, int exitSignal,
                    bool hasExitStatus);
    void endChildFromExitCode(PyProcess &process, int pythonExitCode);

    void handleAuthenticated(const Protocol::Hello &hello, QLocalSocket *socket,
                             std::shared_ptr<Protocol::FrameReader> reader);
    void handleSocketData(QLocalSocket *socket);
    void handleSocketClosed(QLocalSocket *socket);
    QString handleMessage(QLocalSocket *socket, const Protocol::Message &message);
    QString handleProcessNotify(Connection &connection, const Protocol::Map &body);
    void handleOutputNotify(PyProcess &process, const Protocol::Map &body);
    void handleStartNotify(PyProcess &parent, const Protocol::Map &body);
    void handleJoinNotify(const Protocol::Map &body);
    void handleLineNotify(const Connection &connection, const Protocol::Map &body);
    void closeConnection(QLocalSocket *socket, const QString &error);

    void handleMainStarted();
    void handleMainFinished(int exitCode, QProcess::ExitStatus status);
    void handleMainError(QProcess::ProcessError error);
    void readMainOutput(OutputStream stream);
    void maybeEndMain();
    void maybeFinish();
    bool awaitPendingConnections(); // true: connections whose hello is unread may still say something
    void signalTree(int signalNumber);
    void failRun(const QString &reason);
    void finish();

    Options m_options;
    RunRecord m_record;
    Status m_status = Status::NotStarted;
    int m_exitCode = 0;
    RunServer *m_server = nullptr;
    QProcess *m_main = nullptr;
    std::unique_ptr<QTemporaryDir> m_bootDir;
    QTimer *m_killTimer = nullptr;
    QTimer *m_settleTimer = nullptr; // connectSettleGrace, once per run
    bool m_settled = false;
    QTimer *m_dropFlushTimer = nullptr;
    ResourceSampling *m_resources = nullptr; // CPU and memory of every Python process, ~10 Hz
    PythonIpcRecorder *m_ipc = nullptr; // py.queue/py.pipe/py.lock/py.value/py.pool -> IPC and pool events
    OutputLineSplitter m_mainStdout;
    OutputLineSplitter m_mainStderr;
    std::vector<std::unique_ptr<PyProcess>> m_processes; // index = process id; 0 is the main interpreter
    QHash<QLocalSocket *, Connection> m_connections;
    bool m_mainExited = false;
    int m_mainExitCode = 0;
    QProcess::ExitStatus m_mainExitStatus = QProcess::NormalExit;
    QString m_mainFailure;
    bool m_stopRequested = false;
    QString m_runFailure;
    QTimer *m_pendingGrace = nullptr; // how long the end waits for unread hellos
};

} // namespace ProcessLab
