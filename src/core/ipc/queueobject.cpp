// SPDX-License-Identifier: MIT
#include "queueobject.h"

#include "protocol/protocol.h"
#include "runtime/protocolqt.h"
#include "runtime/pythonvalue.h"

#include <thread>

namespace ProcessLab {

namespace {

// Tries of a non-blocking put while another process holds the put lock (see put()).
constexpr int lockRetries = 16;

// Python's (block=True, timeout=None) arguments, positional as the examples write them.
bool blockArgument(const QList<QCborValue> &arguments, qsizetype index)
{
    return arguments.size() <= index || arguments.at(index).toBool(true);
}

std::optional<double> timeoutArgument(const QList<QCborValue> &arguments, qsizetype index)
{
    if (arguments.size() <= index || arguments.at(index).isNull())
        return std::nullopt;
    return arguments.at(index).toDouble();
}

} // namespace

QueueObject::QueueObject(int id, const QString &name, std::shared_ptr<HostSegment> segment, Shm::QueueView view,
                         EventSink sink)
    : IpcObject(id, name, IpcObjectKind::Queue, std::move(segment), std::move(sink))
    , m_view(view)
{
}

void QueueObject::call(const QString &method, const QList<QCborValue> &arguments, Completion completion)
{
    if (method == QLatin1StringView("put"))
        return put(arguments.value(0), blockArgument(arguments, 1), timeoutArgument(arguments, 2), std::move(completion));
    if (method == QLatin1StringView("put_nowait"))
        return put(arguments.value(0), false, std::nullopt, std::move(completion));
    if (method == QLatin1StringView("get"))
        return get(blockArgument(arguments, 0), timeoutArgument(arguments, 1), std::move(completion));
    if (method == QLatin1StringView("get_nowait"))
        return get(false, std::nullopt, std::move(completion));
    if (method == QLatin1StringView("qsize"))
        return completion(ScriptResult::success(qint64(m_view.qsize())));
    if (method == QLatin1StringView("empty"))
        return completion(ScriptResult::success(m_view.empty()));
    if (method == QLatin1StringView("full"))
        return completion(ScriptResult::success(m_view.full()));
    if (method == QLatin1StringView("close")) {
        m_closed = true;
        return completion(ScriptResult::success());
    }
    if (method == QLatin1StringView("join_thread") || method == QLatin1StringView("cancel_join_thread"))
        return completion(ScriptResult::success()); // no feeder thread here: nothing to wait for
    completion(ScriptResult::failure(QStringLiteral("AttributeError: 'Queue' object has no attribute '%1'").arg(method)));
}

void QueueObject::put(const QCborValue &item, bool block, std::optional<double> timeout, Completion completion)
{
    if (m_closed)
        return completion(ScriptResult::failure(QStringLiteral("ValueError: Queue %1 is closed").arg(m_name)));
    const std::string bytes = Protocol::encode(Protocol::fromQCborValue(item));
    if (const QString error = tooLargeForMainProgram(bytes.size()); !error.isEmpty())
        return completion(ScriptResult::failure(error)); // it would never fit: an error, not a hang
    const QString text = pythonRepr(item);
    const auto attempt = [this, bytes, text, completion] {
        Shm::QueueView::Result result = m_view.tryPut(bytes, hostPid());
        // A worker holds the put lock for one item's copy: microseconds. Ask a few times
        // rather than raise queue.Full because another process was putting at that moment.
        for (int retry = 0; retry < lockRetries && result.status == Shm::QueueView::Status::WouldBlock; ++retry) {
            std::this_thread::yield();
            result = m_view.tryPut(bytes, hostPid());
        }
        if (result.status != Shm::QueueView::Status::Ok)
            return false;
        recordOperation(m_view.claimObservation(), int(Protocol::IpcOp::Put), text, result.depthAfter,
                        qint64(result.sequence));
        completion(ScriptResult::success());
        return true;
    };
    // Python raises Full only when maxsize items are in the queue; an unbounded queue's
    // put_nowait never does (its feeder thread buffers). Ours has a ring of 1 MiB: when it is
    // momentarily full the call waits for room instead of raising a Full Python never would.
    if (!block && m_view.maxsize() > 0) {
        if (!attempt())
            completion(ScriptResult::failure(QStringLiteral("queue.Full")));
        return;
    }
    timeout = block ? timeout : std::nullopt;
    const auto timedOut = [this, completion] {
        recordOperation(m_view.claimObservation(), int(Protocol::IpcOp::Failed), QStringLiteral("queue.Full"),
                        m_view.qsize());
        completion(ScriptResult::failure(QStringLiteral("queue.Full")));
    };
    if (attempt())
        return;
    recordOperation(m_view.claimObservation(), int(Protocol::IpcOp::Blocked), QStringLiteral("put"), m_view.qsize());
    waitFor(attempt, timeout, timedOut, [this](bool waiting) { m_view.setHostWaitingForSpace(waiting); });
}

void QueueObject::get(bool block, std::optional<double> timeout, Completion completion)
{
    const auto attempt = [this, completion] {
        std::string bytes;
        const Shm::QueueView::Result result = m_view.tryGet(&bytes, hostPid(), m_partialRead);
        if (result.status != Shm::QueueView::Status::Ok)
            return false;
        std::string error;
        const std::optional<Protocol::Value> value = Protocol::decode(bytes, &error);
        if (!value) {
            completion(ScriptResult::failure(QStringLiteral("RuntimeError: undecodable queue item (%1)")
                                                 .arg(QString::fromStdString(error))));
            return true;
        }
        const QCborValue item = Protocol::toQCborValue(*value);
        recordOperation(m_view.claimObservation(), int(Protocol::IpcOp::Get), pythonRepr(item), result.depthAfter,
                        qint64(result.sequence));
        completion(ScriptResult::success(item));
        return true;
    };
    if (!block) {
        if (attempt())
            return;
        if (!m_partialRead.holdsLock)
            return completion(ScriptResult::failure(QStringLiteral("queue.Empty")));
        // An item begun is read to its end (as Python's get_nowait does): wait for the rest.
        return waitFor(attempt, std::nullopt, [] {}, [this](bool waiting) { m_view.setHostWaitingForItem(waiting); });
    }
    if (attempt())
        return;
    recordOperation(m_view.claimObservation(), int(Protocol::IpcOp::Blocked), QStringLiteral("get"), 0);
    const auto timedOut = [this, completion] {
        recordOperation(m_view.claimObservation(), int(Protocol::IpcOp::Failed), QStringLiteral("queue.Empty"), 0);
        completion(ScriptResult::failure(QStringLiteral("queue.Empty")));
    };
    waitFor(attempt, timeout, timedOut, [this](bool waiting) { m_view.setHostWaitingForItem(waiting); });
}

ScriptResult QueueObject::read(const QString &member) const
{
    return ScriptResult::failure(QStringLiteral("AttributeError: 'Queue' object has no attribute '%1'").arg(member));
}

void QueueObject::sample(qint64 nowNs)
{
    const Shm::QueueView::Counters counters = m_view.counters();
    recordCounters(nowNs, counters.depth, qint64(counters.puts + counters.gets));
    if (const auto budget = observationBudgetSpent(m_segment->data()))
        recordSampling(nowNs, *budget);
}

QStringList QueueObject::processEnded(int workerId, qint64 pid)
{
    Q_UNUSED(workerId);
    QStringList repairs;
    const Shm::Recovery recovery = m_view.recoverDeadProcess(quint32(pid));
    if (recovery.lockRecovered)
        repairs.append(IpcObject::tr("%1: a lock its process held was recovered").arg(m_name));
    if (recovery.partialItemsDropped)
        repairs.append(IpcObject::tr("%1: an item it was putting was discarded (never delivered)").arg(m_name));
    if (recovery.itemsLostInRead)
        repairs.append(IpcObject::tr("%1: an item it was getting was lost with it").arg(m_name));
    return repairs;
}

} // namespace ProcessLab
