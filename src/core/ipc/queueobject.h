// SPDX-License-Identifier: MIT
#pragma once

#include "ipcobject.h"
#include "shm/objects.h"

namespace ProcessLab {

// multiprocessing.Queue(maxsize) as the main program uses it: put/get (blocking calls wait
// in the event loop), put_nowait/get_nowait, qsize/empty/full, close.
class QueueObject : public IpcObject
{
public:
    QueueObject(int id, const QString &name, std::shared_ptr<HostSegment> segment, Shm::QueueView view,
                EventSink sink);

    QString typeName() const override { return QStringLiteral("Queue"); }
    void call(const QString &method, const QList<QCborValue> &arguments, Completion completion) override;
    ScriptResult read(const QString &member) const override;
    void sample(qint64 nowNs) override;
    QStringList processEnded(int workerId, qint64 pid) override;

private:
    void put(const QCborValue &item, bool block, std::optional<double> timeout, Completion completion);
    void get(bool block, std::optional<double> timeout, Completion completion);

    Shm::QueueView m_view;
    Shm::PartialRead m_partialRead; // an item bigger than the ring, read across tries
    bool m_closed = false;
};

} // namespace ProcessLab
