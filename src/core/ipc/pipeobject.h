// SPDX-License-Identifier: MIT
#pragma once

#include "ipcobject.h"
#include "shm/objects.h"

#include <QSet>

namespace ProcessLab {

// One end of multiprocessing.Pipe(duplex) — a Connection — as the main program uses it:
// send(obj), recv() (waits in the event loop), poll([timeout]), close(). The two ends share
// one segment (and one object id). An end handed to a worker in args= is that worker's: when
// the worker ends, its end closes as the OS closes a dead process's pipe handles, so a recv()
// on the other end gets EOFError instead of waiting for ever.
class PipeEndObject : public IpcObject
{
public:
    PipeEndObject(int id, const QString &name, std::shared_ptr<HostSegment> segment, Shm::PipeView view, int end,
                  EventSink sink);

    QString typeName() const override { return QStringLiteral("Connection"); }
    void call(const QString &method, const QList<QCborValue> &arguments, Completion completion) override;
    ScriptResult read(const QString &member) const override;
    QCborMap attachment(int workerId) const override;
    void sample(qint64 nowNs) override;
    QStringList processEnded(int workerId, qint64 pid) override;

private:
    void send(const QCborValue &message, Completion completion);
    void recv(Completion completion);
    void poll(std::optional<double> timeout, Completion completion);

    Shm::PipeView m_view;
    Shm::PartialRead m_partialRead; // a message bigger than the ring, read across tries
    int m_end;
    bool m_closed = false;
    mutable QSet<int> m_holders; // workers the end was handed to
};

// parent_conn, child_conn = Pipe(): the value Pipe() returns, unpacked into its two ends.
class PipePair : public ScriptObject
{
public:
    PipePair(std::unique_ptr<PipeEndObject> end0, std::unique_ptr<PipeEndObject> end1);
    QString typeName() const override { return QStringLiteral("tuple"); }
    void call(const QString &method, const QList<QCborValue> &arguments, Completion completion) override;
    void cancel() override {}
    ScriptResult read(const QString &member) const override;
    QCborMap attachment(int workerId) const override;
    std::vector<std::unique_ptr<ScriptObject>> unpack() override;

private:
    std::unique_ptr<PipeEndObject> m_ends[2];
};

} // namespace ProcessLab
