// SPDX-License-Identifier: MIT
#pragma once

// multiprocessing.Pool(processes, maxtasksperchild) as the main program uses it (docs/pool.md).
// Its worker processes ("PoolWorker-1", ...) start when it is created; tasks go to them through
// a task queue and come back through a result queue (issue 10's rings, no host round trip per
// task); the pool slots say which task each worker runs, so a worker's death loses exactly its
// task, reported, and a replacement starts. Nothing waits for ever: a lost task fails its result.

#include "ipc/hostsegment.h"
#include "ipc/pooljob.h"
#include "protocol/cbor.h"
#include "record/runevent.h"
#include "runtime/scriptobject.h"
#include "shm/objects.h"
#include "shm/poolslots.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QTimer>

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace ProcessLab {

struct ScriptObjectSpec;

class PoolObject : public ScriptObject
{
    Q_DECLARE_TR_FUNCTIONS(ProcessLab::PoolObject)

public:
    // Pool(processes=None, initializer=None, initargs=(), maxtasksperchild=None) — ProcessLab
    // takes (processes, maxtasksperchild). nullptr and *error (Python's message) on bad input.
    static std::unique_ptr<PoolObject> create(const ScriptObjectSpec &spec, QString *error);
    ~PoolObject() override;

    QString typeName() const override { return QStringLiteral("Pool"); }
    void call(const QString &method, const QList<QCborValue> &arguments, Completion completion) override;
    void cancel() override;
    ScriptResult read(const QString &member) const override;
    QCborMap attachment(int workerId) const override;
    void workerEnded(int workerId, const WorkerEnd &end) override;
    void wake(int objectId) override;
    void mainProgramEnded() override;
    std::optional<QString> killWorkerOnRequest(int workerId) override;

    // Per-task events (queued/started/finished/failed) for the first this many tasks; then counters.
    static constexpr quint64 taskEventBudget = poolTaskEventBudget;

private:
    PoolObject() = default;
    // map(fn, n) with an int means range(n): its items are not built as a list.
    struct Items
    {
        QList<QCborValue> list;
        qint64 rangeEnd = -1; // >= 0: range(rangeEnd) instead of list
        qsizetype size() const { return rangeEnd >= 0 ? qsizetype(rangeEnd) : list.size(); }
        QCborValue at(qsizetype index) const { return rangeEnd >= 0 ? QCborValue(qint64(index)) : list.at(index); }
    };
    // What a job's tasks are encoded from, when they are fed to the ring (not at submit).
    struct TaskSource;
    struct Task
    {
        std::shared_ptr<PoolJob> job;
        std::shared_ptr<const TaskSource> source;
        qsizetype first = 0; // the job's items first .. first + count - 1 are this task (a chunk)
        qsizetype count = 0;
        quint64 sequence = 0;     // the task queue item's number, once in the ring
        int startedBy = 0;        // worker id, once its start was recorded
    };
    struct Worker
    {
        int id = 0; // process id in the run; 0: none (being replaced)
        QString role;
        bool tookTask = false; // its slot showed a task or a result of it came back
    };

    struct TaskSource
    {
        // One per call of the function: its argument list if itemsAreArgumentLists (apply,
        // starmap), else its one argument (map, imap).
        Items items;
        std::string function;
        bool itemsAreArgumentLists = true;
    };
    static std::optional<Items> iterableItems(const QCborValue &iterable);
    std::shared_ptr<PoolJob> submit(PoolJob::Kind kind, const QString &function, const Items &items,
                                    bool itemsAreArgumentLists, qsizetype chunksize);
    void startWorker(qsizetype slot);
    void startMissingWorkers();
    void workerDiedBeforeTakingATask(const QString &why);
    void noteTookTask(qsizetype slot);
    bool hasLiveWorker() const;
    void failTasksWithoutWorkers();
    void pump();
    void feedTasks();
    static std::string encodeChunk(quint64 number, const TaskSource &source, qsizetype first, qsizetype count);
    bool encodeTask(quint64 number, std::string *bytes);
    enum class DrainLimit { TimeSlice, All };
    void drainResults(DrainLimit limit = DrainLimit::TimeSlice);
    void handleResult(std::string_view bytes);
    void handleOversizedResult(std::string_view start, std::uint64_t size);
    void recordStartsFromSlots();
    void sweepVanishedTasks();
    void loseTask(quint64 number, int workerId, const QString &role, qint64 pid, const QString &how);
    void failTask(quint64 number, const QString &error);
    void terminate();
    void cancelOutstanding(const QString &reason);
    bool allWorkersEnded() const;
    void checkJoin();
    void record(PoolTaskPhase phase, quint64 task, qint64 items, int worker, qint64 pid, const QString &text,
                qint64 timeNs = 0);
    void recordWorker(PoolWorkerChange change, int worker, qint64 pid, const QString &text);
    void recordCounters(bool force);
    void updatePolling();
    void injectFault();
    void reportFaultNotFired();

    enum class State { Running, Closed, Terminated };
    ScriptHost *m_host = nullptr;
    QString m_name;
    int m_processes = 1;
    qint64 m_maxTasksPerChild = 0;
    State m_state = State::Running;
    std::unique_ptr<HostSegment> m_taskSegment, m_resultSegment, m_slotsSegment;
    int m_taskQueueId = 0, m_resultQueueId = 0;
    std::optional<Shm::QueueView> m_tasks, m_results;
    std::optional<Shm::PoolSlotsView> m_slots;
    Shm::PartialRead m_partialRead;
    QList<Worker> m_workers; // by slot
    int m_workersStarted = 0;
    // Processes in a row that ended before taking any task; at maxDeathsBeforeATask the pool
    // starts no more and says why (m_cannotStart): a worker program that cannot run never
    // turns into replacements for ever nor into a join() that waits for ever.
    int m_deathsBeforeATask = 0;
    QString m_cannotStart;
    bool m_starting = false; // inside ScriptHost::startWorker(): a worker may end before we know its id
    std::optional<std::pair<int, WorkerEnd>> m_endedWhileStarting;
    QString m_workerBehaviour = QStringLiteral("pool.worker"); // ScriptObjectSpec::options "workerBehaviour" (tests)
    // (task, encoded item) not yet in the ring; task 0: sentinel; bytes empty: encoded when fed.
    std::deque<std::pair<quint64, std::string>> m_backlog;
    QHash<quint64, Task> m_outstanding;
    quint64 m_lastTask = 0;
    quint64 m_tasksDone = 0;
    QTimer m_poll;          // while tasks are outstanding: starts from the slots, a lost Wake
    QTimer m_feedTimer;     // encoding a big job goes on in the next turn of the event loop
    QTimer m_replaceTimer;  // replacements start in a turn of their own, never inside workerEnded
    // Workers that died with an empty slot: maybe between taking a task and marking the slot.
    struct VanishedDeath
    {
        int workerId = 0;
        QString role;
        qint64 pid = 0;
        QString how;
        QDeadlineTimer due; // looked for then: what a live worker took is in its slot by then
    };
    QList<VanishedDeath> m_vanishedDeaths;
    QElapsedTimer m_countersRecorded;
    quint64 m_countersDone = ~quint64(0);
    // Pending calls of the main program.
    Completion m_joinCompletion; // join() / terminate(): until every worker has ended
    Completion m_callCompletion; // apply() / map() / starmap(): until the job is ready
    std::shared_ptr<PoolJob> m_callJob;
    quint64 m_callListener = 0;
    // Fault injection (ScriptObjectSpec::options "killWorkerAfterMs"): ProcessLab kills a busy
    // worker this long after the pool started; armed once the time is up until one is busy.
    qint64 m_killWorkerAfterMs = 0;
    QTimer m_faultTimer;
    bool m_faultArmed = false;
    bool m_faultFired = false;
    bool m_faultOutcomeReported = false; // FaultNotFired recorded (once)
};

} // namespace ProcessLab
