// SPDX-License-Identifier: MIT
#pragma once

#include <QCborMap>
#include <QCborValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>
#include <optional>

namespace ProcessLab {

class ScriptObject;
struct RunEvent;

// The outcome of a call or a read: a value, or a Python-style error ("queue.Empty",
// "EOFError") that ends the main program where it was raised.
struct ScriptResult
{
    QCborValue value = QCborValue(nullptr); // Python's None unless a value is given
    QString error; // empty: success
    // A call that returns an object (`result = pool.apply_async(...)`): the Run binds it to the
    // call's variable as an object of the main program (calls and reads then reach it).
    std::shared_ptr<ScriptObject> object = {};

    bool ok() const { return error.isEmpty(); }
    static ScriptResult success(QCborValue value = QCborValue(nullptr)) { return {std::move(value), {}, {}}; }
    static ScriptResult failure(QString error) { return {{}, std::move(error), {}}; }
    static ScriptResult returning(std::shared_ptr<ScriptObject> object) { return {QCborValue(nullptr), {}, std::move(object)}; }
};

// What the Run offers the objects it owns that run processes of their own (a Pool starts its
// worker processes when it is created). The Run keeps owning the WorkerProcess objects, so
// their panes, output and events are those of any worker.
class ScriptHost
{
public:
    virtual ~ScriptHost() = default;
    // Starts a worker process running `behaviour` now; its Start arguments are `arguments`
    // (attachments of shared objects included). Returns its process id in the run (greater
    // than every id the script uses), or 0 and *error when it cannot be started.
    virtual int startWorker(const QString &role, const QString &behaviour, const QCborMap &arguments,
                            QString *error) = 0;
    // Asks the worker to stop, terminates it, kills it after the grace period.
    virtual void stopWorker(int workerId) = 0;
    // Fault injection: SIGKILL now (Windows: TerminateProcess), as if it had crashed; it ends
    // Failed with its signal, not "stopped by the user".
    virtual void killWorker(int workerId) = 0;
    virtual qint64 workerPid(int workerId) const = 0; // 0 until it started
    virtual bool workerEnded(int workerId) const = 0;
    // An object id for one more segment the object creates (unique within the run).
    virtual int newObjectId() = 0;
    virtual void recordEvent(RunEvent event) = 0;
};

// How a worker of the run ended, as its WorkerProcess says.
struct WorkerEnd
{
    qint64 pid = 0;             // 0: it never started
    int exitCode = 0;
    int exitSignal = 0;         // the signal that killed it (Unix), else 0
    bool stopRequested = false; // Stop or ScriptHost::stopWorker() ended it, not a crash
    bool failed = false;        // ended Failed (could not start, crashed, exited non-zero, ...)
    QString detail;             // its end state's text ("could not start ...: ...")
};

// An object of the main program (Queue, Pipe end, Value, ...), created by a CreateObject
// step through the script's factory and owned by the Run. Plain C++ interface, no
// QObject: objects complete calls through the completion the Run hands them, never by
// blocking (the host never waits, see docs/ipc.md).
class ScriptObject
{
public:
    // Called at most once per call; may be called later from the host's thread (e.g. from
    // a timer or when a worker's Wake arrives). The Run resumes the main program through a
    // queued call, so calling it from anywhere on the host thread is safe.
    using Completion = std::function<void(ScriptResult result)>;
    using Reply = std::function<void(ScriptResult result)>;

    virtual ~ScriptObject() = default;

    // Python's type name, for messages ("Queue").
    virtual QString typeName() const = 0;

    // A method call of the main program: either calls completion before returning (a
    // value or an error, e.g. get_nowait() on an empty queue) or keeps it and calls it
    // once what the call waits for has happened (get() on an empty queue). The Run waits
    // in at most one call at a time.
    virtual void call(const QString &method, const QList<QCborValue> &arguments, Completion completion) = 0;
    // The run is stopping: drop a pending call; its completion must not be called anymore.
    virtual void cancel() = 0;

    // Synchronous read for expressions: `counter.value` (member "value"), `results[:]`
    // (member "[:]"). An error names an attribute the object does not have.
    virtual ScriptResult read(const QString &member) const = 0;

    // What a worker needs to attach to this object (e.g. the segment key), put into its
    // Start arguments under the parameter name the object is passed as.
    virtual QCborMap attachment(int workerId) const = 0;

    // A worker's request ("<object>.<method>") routed here; answer with reply, now or later.
    virtual void handleRequest(int workerId, const QString &method, const QCborValue &body, Reply reply)
    {
        Q_UNUSED(workerId);
        Q_UNUSED(body);
        reply(ScriptResult::failure(QStringLiteral("AttributeError: '%1' object has no request '%2'")
                                        .arg(typeName(), method)));
    }
    // A worker's one-way notification ("<object>.<name>"), e.g. a wake-up.
    virtual void handleNotify(int workerId, const QString &name, const QCborValue &body)
    {
        Q_UNUSED(workerId);
        Q_UNUSED(name);
        Q_UNUSED(body);
    }
    // The user asked to kill one of the processes this object runs (a pool worker's "Kill this
    // worker..."): fault injection on request, recorded as such before the kill. nullopt: not
    // this object's worker; an empty string: killed; otherwise why it was not.
    virtual std::optional<QString> killWorkerOnRequest(int workerId)
    {
        Q_UNUSED(workerId);
        return std::nullopt;
    }
    // `a, b = Pipe()`: an object that stands for several, unpacked into the names of its
    // CreateObject step in order. Empty: not unpackable.
    virtual std::vector<std::unique_ptr<ScriptObject>> unpack() { return {}; }

    // A worker process of the run ended (pid): repair what it left half done (a lock it
    // held, a half-written item) and say what was done, one sentence per repair.
    virtual QStringList recoverDeadProcess(qint64 pid)
    {
        Q_UNUSED(pid);
        return {};
    }
    // A worker of the run ended (also one that never started: pid 0). Called after
    // recoverDeadProcess() of every object, for every object.
    virtual void workerEnded(int workerId, const WorkerEnd &end)
    {
        Q_UNUSED(workerId);
        Q_UNUSED(end);
    }
    // A worker's Wake frame named objectId, which is not a Queue/Pipe/Value/Lock of the run
    // (e.g. a pool's own queues): objects that own it retry what they wait for.
    virtual void wake(int objectId) { Q_UNUSED(objectId); }
    // The main program ran to its end or failed: Python's finalizers run (a Pool still
    // running is terminated, as at interpreter exit).
    virtual void mainProgramEnded() {}
};

} // namespace ProcessLab
