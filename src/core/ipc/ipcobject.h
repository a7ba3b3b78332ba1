// SPDX-License-Identifier: MIT
#pragma once

// The host's side of a shared object of the main program (Queue, Pipe end, Value, Array,
// Lock): a ScriptObject the main program calls, backed by a segment the host created
// (HostSegment) and the std-only algorithms both ends share (shm/objects.h).
//
// The host never blocks (docs/ipc.md): a call that would wait (get() on an empty queue,
// recv() with nothing in the pipe) sets the object's "host waiting" flag, tries once more,
// and stays pending; the worker whose operation may release it sends a Wake frame and the
// Run calls retryAfterWake(). A timeout is a timer. Stop cancels.
//
// Observation: the main program's own operations are recorded here as IpcOperation events
// of process 0 while the object's budget lasts; workers report theirs; sample() turns the
// segment's counters into IpcCounters events (only when they changed) and records once
// that the budget ran out (IpcSampling).

#include "ipc/hostsegment.h"
#include "record/runevent.h"
#include "runtime/scriptobject.h"

#include <QCborMap>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace ProcessLab {

struct ScriptObjectSpec;

// Ring bytes of a queue and of each direction of a pipe: 1 KiB items stream at full speed,
// bigger items go through in fragments between workers (docs/ipc.md).
inline constexpr std::size_t ipcRingBytes = 1024 * 1024;
// The main program (the host, which never blocks) puts or sends an item whole or not at all:
// at most what an empty ring holds (its record header and the reserve recovery needs aside).
inline constexpr std::size_t mainProgramItemLimit = ipcRingBytes - 64;

class IpcObject : public ScriptObject
{
    Q_DECLARE_TR_FUNCTIONS(ProcessLab::IpcObject)

public:
    using EventSink = std::function<void(RunEvent event)>;

    IpcObject(int id, QString name, IpcObjectKind kind, std::shared_ptr<HostSegment> segment, EventSink sink);
    ~IpcObject() override;

    int id() const { return m_id; }
    QString name() const { return m_name; }
    IpcObjectKind kind() const { return m_kind; }

    QCborMap attachment(int workerId) const override;

    // A Wake frame for this object arrived: retry the pending call.
    void retryAfterWake() { retryPending(); }
    void cancel() override;
    // Periodic (~100 Hz) and at the run's end: record the counters if they changed.
    virtual void sample(qint64 nowNs) = 0;
    // A worker process ended (any way): repair what it left, close what it held.
    virtual QStringList processEnded(int workerId, qint64 pid) = 0;

protected:
    // A call of the main program that must wait: `attempt` tries the operation and returns
    // true once it completed the call (it calls the completion itself). It runs now, then on
    // every wake, every pollInterval (a worker killed between its change and its Wake frame
    // must not leave the main program waiting for ever) and when a process ends. With a
    // timeout, `timedOut` completes the call when it passes. setHostWaiting(true) is called
    // before the last try, setHostWaiting(false) when the wait ends.
    void waitFor(std::function<bool()> attempt, std::optional<double> timeoutSeconds,
                 std::function<void()> timedOut, std::function<void(bool)> setHostWaiting);
    void retryPending();
    bool isWaiting() const { return bool(m_pending); }
    static constexpr auto pollInterval = std::chrono::milliseconds(100);

    // The main program's own operation, while the budget lasts.
    void recordOperation(bool observed, int op, const QString &text, qint64 count, qint64 sequence = 0);
    void recordCounters(qint64 nowNs, qint64 count, qint64 operations);
    void recordSampling(qint64 nowNs, qint64 budget);
    static quint32 hostPid();
    // Python's error for an item the main program cannot put or send whole; empty when it fits.
    static QString tooLargeForMainProgram(std::size_t bytes);
    // The budget, once every per-operation event it allowed was claimed (then: sampling).
    static std::optional<qint64> observationBudgetSpent(const void *segment);

    int m_id;
    QString m_name;
    IpcObjectKind m_kind;
    std::shared_ptr<HostSegment> m_segment;
    EventSink m_sink;

private:
    struct Pending;
    void endWait();

    std::unique_ptr<Pending> m_pending;
    qint64 m_lastCount = -1;
    qint64 m_lastOperations = -1;
    bool m_samplingRecorded = false;
};

// The objects a main program can create: Queue(maxsize), Pipe(duplex) (two ends), Value(typecode,
// init[, lock]), Array(typecode, size_or_list[, lock]), Lock(). Errors are Python's
// ("ValueError: maxsize must be >= 0"). Each object's events go to sink.
std::unique_ptr<ScriptObject> createIpcObject(const ScriptObjectSpec &spec, const IpcObject::EventSink &sink,
                                              QString *error);

} // namespace ProcessLab
