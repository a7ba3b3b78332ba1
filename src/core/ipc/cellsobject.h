// SPDX-License-Identifier: MIT
#pragma once

#include "ipcobject.h"
#include "shm/objects.h"

namespace ProcessLab {

// multiprocessing.Value(typecode, init, lock) and Array(typecode, size_or_list, lock) as the
// main program uses them: `counter.value`, `results[:]`, `results[i]`, len(). Cells are in the
// segment the workers write; reads are plain atomic loads, never a lock.
class CellsObject : public IpcObject
{
public:
    CellsObject(int id, const QString &name, IpcObjectKind kind, std::shared_ptr<HostSegment> segment,
                Shm::CellsView view, EventSink sink);

    QString typeName() const override;
    void call(const QString &method, const QList<QCborValue> &arguments, Completion completion) override;
    ScriptResult read(const QString &member) const override;
    void sample(qint64 nowNs) override;
    QStringList processEnded(int workerId, qint64 pid) override;

    QCborValue cell(std::size_t index) const;

private:
    Shm::CellsView m_view;
};

// multiprocessing.Lock(): acquire([block[, timeout]]) waits in the event loop; release().
class LockObject : public IpcObject
{
public:
    LockObject(int id, const QString &name, std::shared_ptr<HostSegment> segment, Shm::LockView view, EventSink sink);

    QString typeName() const override { return QStringLiteral("Lock"); }
    void call(const QString &method, const QList<QCborValue> &arguments, Completion completion) override;
    ScriptResult read(const QString &member) const override;
    void sample(qint64 nowNs) override;
    QStringList processEnded(int workerId, qint64 pid) override;

private:
    Shm::LockView m_view;
};

} // namespace ProcessLab
