// SPDX-License-Identifier: MIT
#include "pipeobject.h"

#include "protocol/protocol.h"
#include "runtime/protocolqt.h"
#include "runtime/pythonvalue.h"

namespace ProcessLab {

PipeEndObject::PipeEndObject(int id, const QString &name, std::shared_ptr<HostSegment> segment, Shm::PipeView view,
                             int end, EventSink sink)
    : IpcObject(id, name, IpcObjectKind::Pipe, std::move(segment), std::move(sink))
    , m_view(view)
    , m_end(end)
{
}

QCborMap PipeEndObject::attachment(int workerId) const
{
    m_holders.insert(workerId);
    QCborMap map = IpcObject::attachment(workerId);
    map.insert(QLatin1StringView("end"), m_end);
    return map;
}

void PipeEndObject::call(const QString &method, const QList<QCborValue> &arguments, Completion completion)
{
    if (method == QLatin1StringView("close")) {
        if (!m_closed) {
            m_closed = true;
            m_view.close(m_end);
            recordOperation(m_view.claimObservation(), int(Protocol::IpcOp::Close), {}, 0);
        }
        return completion(ScriptResult::success());
    }
    if (m_closed)
        return completion(ScriptResult::failure(QStringLiteral("OSError: handle is closed")));
    if (method == QLatin1StringView("send"))
        return send(arguments.value(0), std::move(completion));
    if (method == QLatin1StringView("recv"))
        return recv(std::move(completion));
    if (method == QLatin1StringView("poll")) {
        const std::optional<double> timeout = arguments.isEmpty() || arguments.constFirst().isNull()
                                                  ? (arguments.isEmpty() ? std::optional<double>(0.0) : std::nullopt)
                                                  : std::optional<double>(arguments.constFirst().toDouble());
        return poll(timeout, std::move(completion));
    }
    completion(ScriptResult::failure(
        QStringLiteral("AttributeError: 'Connection' object has no attribute '%1'").arg(method)));
}

void PipeEndObject::send(const QCborValue &message, Completion completion)
{
    const std::string bytes = Protocol::encode(Protocol::fromQCborValue(message));
    if (const QString error = tooLargeForMainProgram(bytes.size()); !error.isEmpty())
        return completion(ScriptResult::failure(error)); // it would never fit: an error, not a hang
    const QString text = pythonRepr(message);
    const auto attempt = [this, bytes, text, completion] {
        const Shm::PipeView::Result result = m_view.trySend(m_end, bytes, hostPid());
        switch (result.status) {
        case Shm::PipeView::Status::WouldBlock: return false;
        case Shm::PipeView::Status::Ok:
            recordOperation(m_view.claimObservation(), int(Protocol::IpcOp::Send), text,
                            m_view.counters().inFlight[1 - m_end]);
            completion(ScriptResult::success());
            return true;
        case Shm::PipeView::Status::NotWritable:
            completion(ScriptResult::failure(QStringLiteral("OSError: connection is read-only")));
            return true;
        default:
            completion(ScriptResult::failure(QStringLiteral("BrokenPipeError: [Errno 32] Broken pipe")));
            return true;
        }
    };
    if (attempt())
        return;
    recordOperation(m_view.claimObservation(), int(Protocol::IpcOp::Blocked), QStringLiteral("send"), 0);
    // The sender waits for room, i.e. for the peer's recv(): the same host-waiting flag.
    waitFor(attempt, std::nullopt, [] {}, [this](bool waiting) { m_view.setHostWaiting(m_end, waiting); });
}

void PipeEndObject::recv(Completion completion)
{
    const auto attempt = [this, completion] {
        std::string bytes;
        const Shm::PipeView::Result result = m_view.tryRecv(m_end, &bytes, hostPid(), &m_partialRead);
        switch (result.status) {
        case Shm::PipeView::Status::WouldBlock: return false;
        case Shm::PipeView::Status::Ok: {
            std::string error;
            const std::optional<Protocol::Value> value = Protocol::decode(bytes, &error);
            if (!value) {
                completion(ScriptResult::failure(QStringLiteral("RuntimeError: undecodable pipe message (%1)")
                                                     .arg(QString::fromStdString(error))));
                return true;
            }
            const QCborValue message = Protocol::toQCborValue(*value);
            recordOperation(m_view.claimObservation(), int(Protocol::IpcOp::Recv), pythonRepr(message),
                            m_view.counters().inFlight[m_end]);
            completion(ScriptResult::success(message));
            return true;
        }
        case Shm::PipeView::Status::Eof:
            recordOperation(m_view.claimObservation(), int(Protocol::IpcOp::Failed), QStringLiteral("EOFError"), 0);
            completion(ScriptResult::failure(QStringLiteral("EOFError")));
            return true;
        case Shm::PipeView::Status::NotReadable:
            completion(ScriptResult::failure(QStringLiteral("OSError: connection is write-only")));
            return true;
        default:
            completion(ScriptResult::failure(QStringLiteral("OSError: recv failed")));
            return true;
        }
    };
    if (attempt())
        return;
    recordOperation(m_view.claimObservation(), int(Protocol::IpcOp::Blocked), QStringLiteral("recv"), 0);
    waitFor(attempt, std::nullopt, [] {}, [this](bool waiting) { m_view.setHostWaiting(m_end, waiting); });
}

void PipeEndObject::poll(std::optional<double> timeout, Completion completion)
{
    const auto attempt = [this, completion] {
        // No waiting on the GUI thread; a message partly read counts as there, as in Python.
        if (!m_partialRead.holdsLock && !m_view.readable(m_end))
            return false;
        completion(ScriptResult::success(true));
        return true;
    };
    waitFor(attempt, timeout, [completion] { completion(ScriptResult::success(false)); },
            [this](bool waiting) { m_view.setHostWaiting(m_end, waiting); });
}

ScriptResult PipeEndObject::read(const QString &member) const
{
    if (member == QLatin1StringView("closed"))
        return ScriptResult::success(m_closed);
    return ScriptResult::failure(QStringLiteral("AttributeError: 'Connection' object has no attribute '%1'").arg(member));
}

void PipeEndObject::sample(qint64 nowNs)
{
    if (m_end != 0)
        return; // one object, one set of counters: end 0 samples for both
    const Shm::PipeView::Counters counters = m_view.counters();
    recordCounters(nowNs, counters.inFlight[0] + counters.inFlight[1],
                   qint64(counters.sent[0] + counters.sent[1] + counters.received[0] + counters.received[1]));
    if (const auto budget = observationBudgetSpent(m_segment->data()))
        recordSampling(nowNs, *budget);
}

QStringList PipeEndObject::processEnded(int workerId, qint64 pid)
{
    QStringList repairs;
    if (m_end == 0) { // the segment's repairs once, not per end
        const Shm::Recovery recovery = m_view.recoverDeadProcess(quint32(pid));
        if (recovery.lockRecovered)
            repairs.append(IpcObject::tr("%1: a lock its process held was recovered").arg(m_name));
        if (recovery.partialItemsDropped)
            repairs.append(IpcObject::tr("%1: a message it was sending was discarded (never delivered)").arg(m_name));
        if (recovery.itemsLostInRead)
            repairs.append(IpcObject::tr("%1: a message it was receiving was lost with it").arg(m_name));
    }
    if (m_holders.remove(workerId) && m_holders.isEmpty() && !m_view.isClosed(m_end))
        m_view.close(m_end); // as the OS closes a dead process's handles: the peer sees EOF
    return repairs; // the Run wakes every object once all have seen the end
}

PipePair::PipePair(std::unique_ptr<PipeEndObject> end0, std::unique_ptr<PipeEndObject> end1)
{
    m_ends[0] = std::move(end0);
    m_ends[1] = std::move(end1);
}

void PipePair::call(const QString &method, const QList<QCborValue> &arguments, Completion completion)
{
    Q_UNUSED(arguments);
    completion(ScriptResult::failure(QStringLiteral("AttributeError: 'tuple' object has no attribute '%1'").arg(method)));
}

ScriptResult PipePair::read(const QString &member) const
{
    return ScriptResult::failure(QStringLiteral("AttributeError: 'tuple' object has no attribute '%1'").arg(member));
}

QCborMap PipePair::attachment(int workerId) const
{
    Q_UNUSED(workerId);
    return {};
}

std::vector<std::unique_ptr<ScriptObject>> PipePair::unpack()
{
    std::vector<std::unique_ptr<ScriptObject>> ends;
    ends.push_back(std::move(m_ends[0]));
    ends.push_back(std::move(m_ends[1]));
    return ends;
}

} // namespace ProcessLab
