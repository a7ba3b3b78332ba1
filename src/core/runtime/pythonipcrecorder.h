// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/cbor.h"
#include "record/runevent.h"

#include <QHash>
#include <QObject>
#include <QPair>
#include <QString>

#include <array>
#include <deque>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

class QTimer;

namespace ProcessLab {

// Turns what the Python bootstrap reports about shared objects (py.queue, py.pipe, py.lock,
// py.value, py.pool frames: processlab_boot/ipc.py, docs/python-runner.md) into the events a
// native run records for its own objects (docs/run-record.md): IpcObjectCreated, IpcOperation,
// IpcSampling and IpcCounters for Queue/Pipe/Lock/Value/Array, PoolTask and PoolWorker for a
// Pool. So RunSummary, the IPC views and the exports work on a Python run unchanged.
//
// A frame comes from an authenticated Python process, but its body is still checked field by
// field: a wrong type, an unknown op, an id used with another kind, a number out of range is
// an Error event (the first maxErrors of a run) and changes nothing. Objects are numbered from
// 1 in the order the host first hears of them (ids are the bootstrap's "<pid>:<n>"), at most
// maxObjects per run.
//
// Budget, as for native objects: the first observationBudget operations of an object are
// recorded one by one (all processes together); then IpcSampling once and IpcCounters (the
// totals every process reported in its counters frames) at most every countersInterval and
// once at finish(). A queue's depth is puts − gets known to the host; an item's sequence
// pairs a put with its get in FIFO order (a get takes the oldest put of the same repr).
class PythonIpcRecorder : public QObject
{
    Q_OBJECT
public:
    using EventSink = std::function<void(RunEvent event)>;

    static constexpr int maxObjects = 1024;
    static constexpr qint64 observationBudget = 10'000;
    static constexpr int maxErrors = 20;
    static constexpr auto countersInterval = std::chrono::milliseconds(10);

    explicit PythonIpcRecorder(EventSink sink, QObject *parent = nullptr);
    ~PythonIpcRecorder() override;

    // True for the Notify names this class records.
    static bool handles(std::string_view name);

    // One frame of Python process `process` (pid, its pane name). Times in the body are
    // clamped between lowerNs and now.
    void handle(std::string_view name, const Protocol::Map &body, int process, qint64 pid,
                const QString &processName, qint64 lowerNs);
    // A Python process ended: a pool task it was running ends lost (cancelled if the run was
    // stopped), as in a native pool.
    void processEnded(int process, qint64 pid, const QString &processName, bool stopped);
    // The run ends: the last counters of every object past its budget.
    void finish(qint64 nowNs);

    int objectCount() const { return int(m_objects.size()); }

private:
    enum class Family : quint8 { Queue, Pipe, Lock, Value, Pool };
    enum Key { Put, Get, Send0, Send1, Recv0, Recv1, Acquire, Release, Write, Queued, Done, KeyCount };
    using Counts = std::array<qint64, KeyCount>;

    struct PoolTaskEntry
    {
        quint64 number = 0;
        qint64 items = 0;
        QString text;
        int startedBy = runLevel;
        qint64 pid = 0;
        bool done = false; // finished, failed or lost
    };

    struct Object
    {
        int id = 0;
        Family family = Family::Queue;
        IpcObjectKind kind = IpcObjectKind::Queue;
        QString name;
        qint64 recorded = 0; // operations recorded one by one
        bool sampled = false;
        bool dirty = false;
        QHash<int, Counts> counts; // per process: operations it did (reported or counted)
        bool valueKnown = false;
        qint64 value = 0;
        qint64 valueTimeNs = 0;
        qint64 lastCount = -1;
        qint64 lastOperations = -1;
        // Queue: puts not yet matched with a get, gets whose put the host has not heard of yet.
        std::deque<QPair<qint64, QString>> waitingPuts;
        std::deque<QPair<qint64, QString>> earlyGets;
        qint64 lastSequence = 0;
        // Pool
        QHash<QPair<qint64, qint64>, PoolTaskEntry> tasks; // (job, index) -> task, while per-task events last
        quint64 lastTask = 0;
        qint64 mapTasks = 0;
        QList<int> workers;
        qint64 lastCountersNs = 0;
    };

    struct Frame; // a checked body
    void error(int process, const QString &text);
    Object *objectFor(Family family, const QString &tag, int process, qint64 timeNs, QString *problem);
    void created(Object &object, int process, qint64 timeNs, qint64 parameter);
    qint64 total(const Object &object, Key key) const;
    qint64 operations(const Object &object) const;
    qint64 counterValue(const Object &object) const;
    void setValue(Object &object, qint64 value, qint64 timeNs);
    void startSampling(Object &object, qint64 timeNs);
    void markDirty(Object &object);
    void recordCounters(Object &object, qint64 timeNs, bool force);
    void sampleDirty();
    void handleOperation(Object &object, const Frame &frame, int process);
    static bool parseCounters(const Protocol::Map &body, Counts *reported, QString *problem);
    void handleCounters(Object &object, const Counts &reported, const Protocol::Map &body, int process, qint64 timeNs);
    void handlePool(Object &pool, const Frame &frame, int process, qint64 pid, const QString &processName);
    qint64 queueSequence(Object &queue, bool put, const QString &text);
    void recordTask(const Object &pool, PoolTaskPhase phase, quint64 number, qint64 items, int process, qint64 pid,
                    const QString &text, qint64 timeNs);

    EventSink m_sink;
    QTimer *m_sampleTimer = nullptr;
    QHash<QString, int> m_idByTag;
    std::vector<std::unique_ptr<Object>> m_objects; // index = id - 1
    int m_errors = 0;
    bool m_tooMany = false;
};

} // namespace ProcessLab
