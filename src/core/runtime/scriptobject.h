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

// The outcome of a call or a read: a value, or a Python-style error ("queue.Empty",
// "EOFError") that ends the main program where it was raised.
struct ScriptResult
{
    QCborValue value = QCborValue(nullptr); // Python's None unless a value is given
    QString error; // empty: success

    bool ok() const { return error.isEmpty(); }
    static ScriptResult success(QCborValue value = QCborValue(nullptr)) { return {std::move(value), {}}; }
    static ScriptResult failure(QString error) { return {{}, std::move(error)}; }
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
};

} // namespace ProcessLab
