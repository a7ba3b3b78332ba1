// SPDX-License-Identifier: MIT
#pragma once

#include "ipc/pooljob.h"
#include "runtime/scriptobject.h"

#include <QCoreApplication>
#include <QTimer>

#include <memory>
#include <optional>

namespace ProcessLab {

// What pool.apply_async()/map_async() return (multiprocessing.pool.AsyncResult): ready(),
// successful(), wait(timeout), get(timeout). get() returns the value or raises the task's error
// ("ValueError: ..."), or multiprocessing.context.TimeoutError when the timeout passes first. Waiting
// never blocks the host: the call stays pending until the job changes or its timer fires.
//
// imap()/imap_unordered() return the same object in iterator mode (IMapIterator): next(timeout)
// returns the next result (in order, or as completed) and raises StopIteration at the end.
class AsyncResultObject : public ScriptObject
{
    Q_DECLARE_TR_FUNCTIONS(ProcessLab::AsyncResultObject)

public:
    explicit AsyncResultObject(std::shared_ptr<PoolJob> job);
    ~AsyncResultObject() override;

    QString typeName() const override;
    void call(const QString &method, const QList<QCborValue> &arguments, Completion completion) override;
    void cancel() override;
    ScriptResult read(const QString &member) const override;
    QCborMap attachment(int workerId) const override;

private:
    // Completes the pending call if what it waits for is there; true when it did.
    bool tryComplete();
    std::optional<ScriptResult> outcome() const; // nullopt: not yet
    void wait(std::optional<double> timeoutSeconds, Completion completion, bool waitOnly, bool next);
    void endWait();

    std::shared_ptr<PoolJob> m_job;
    quint64 m_listener = 0;
    qsizetype m_nextIndex = 0; // iterator mode: items handed out so far
    bool m_exhausted = false;  // a chunked imap raised: StopIteration from now on (CPython's generator)
    // The pending call.
    Completion m_completion;
    bool m_waitOnly = false; // wait(): completes with None
    bool m_next = false;     // next(): one item
    std::unique_ptr<QTimer> m_timeout;
};

} // namespace ProcessLab
