// SPDX-License-Identifier: MIT
#include "cellsobject.h"

#include "protocol/protocol.h"
#include "runtime/pythonvalue.h"

#include <QCborArray>

namespace ProcessLab {

namespace {

QStringList describeRecovery(const QString &name, const Shm::Recovery &recovery, quint32 pid)
{
    QStringList repairs;
    if (recovery.lockRecovered)
        repairs.append(IpcObject::tr("%1: the lock was recovered from its dead owner (pid %2)").arg(name).arg(pid));
    return repairs;
}

} // namespace

CellsObject::CellsObject(int id, const QString &name, IpcObjectKind kind, std::shared_ptr<HostSegment> segment,
                         Shm::CellsView view, EventSink sink)
    : IpcObject(id, name, kind, std::move(segment), std::move(sink))
    , m_view(view)
{
}

QString CellsObject::typeName() const
{
    return m_kind == IpcObjectKind::Value ? QStringLiteral("Synchronized") : QStringLiteral("SynchronizedArray");
}

QCborValue CellsObject::cell(std::size_t index) const
{
    if (m_view.type() == Shm::TypeCode::Double)
        return m_view.doubleAt(index);
    if (m_view.type() == Shm::TypeCode::Char) // Python's 'c' cells are one-byte bytes objects
        return QByteArray(1, char(m_view.integerAt(index)));
    return qint64(m_view.integerAt(index));
}

void CellsObject::call(const QString &method, const QList<QCborValue> &arguments, Completion completion)
{
    if (method == QLatin1StringView("__len__") && m_kind == IpcObjectKind::Array)
        return completion(ScriptResult::success(qint64(m_view.count())));
    if (method == QLatin1StringView("__getitem__") && m_kind == IpcObjectKind::Array) {
        const qint64 index = arguments.value(0).toInteger(-1);
        const qint64 count = qint64(m_view.count());
        const qint64 i = index < 0 ? index + count : index;
        if (i < 0 || i >= count)
            return completion(ScriptResult::failure(QStringLiteral("IndexError: invalid index")));
        return completion(ScriptResult::success(cell(std::size_t(i))));
    }
    completion(ScriptResult::failure(QStringLiteral("AttributeError: '%1' object has no attribute '%2'")
                                         .arg(typeName(), method)));
}

ScriptResult CellsObject::read(const QString &member) const
{
    if (m_kind == IpcObjectKind::Value && member == QLatin1StringView("value"))
        return ScriptResult::success(cell(0));
    if (m_kind == IpcObjectKind::Array && member == QLatin1StringView("[:]")) {
        if (m_view.type() == Shm::TypeCode::Char) { // Array('c', ...)[:] is one bytes object
            QByteArray bytes;
            for (std::size_t i = 0; i < m_view.count(); ++i)
                bytes.append(char(m_view.integerAt(i)));
            return ScriptResult::success(bytes);
        }
        QCborArray cells;
        for (std::size_t i = 0; i < m_view.count(); ++i)
            cells.append(cell(i));
        return ScriptResult::success(cells);
    }
    return ScriptResult::failure(QStringLiteral("AttributeError: '%1' object has no attribute '%2'").arg(typeName(), member));
}

void CellsObject::sample(qint64 nowNs)
{
    // A Value: its value; an Array: the writes so far. Operations: writes counted by writers.
    const qint64 count = m_kind == IpcObjectKind::Value && m_view.type() != Shm::TypeCode::Double
                             ? m_view.integerAt(0)
                             : qint64(m_view.writes());
    recordCounters(nowNs, count, qint64(m_view.writes()));
    if (const auto budget = observationBudgetSpent(m_segment->data()))
        recordSampling(nowNs, *budget);
}

QStringList CellsObject::processEnded(int workerId, qint64 pid)
{
    Q_UNUSED(workerId);
    Shm::Recovery recovery = m_view.recoverDeadProcess(quint32(pid));
    // A process waiting for the lock may have noticed the death first and taken it over.
    if (!recovery.lockRecovered && m_view.hasLock() && m_view.lock().counters().lastDeadOwner == quint32(pid))
        recovery.lockRecovered = true;
    return describeRecovery(m_name, recovery, quint32(pid));
}

LockObject::LockObject(int id, const QString &name, std::shared_ptr<HostSegment> segment, Shm::LockView view,
                       EventSink sink)
    : IpcObject(id, name, IpcObjectKind::Lock, std::move(segment), std::move(sink))
    , m_view(view)
{
}

void LockObject::call(const QString &method, const QList<QCborValue> &arguments, Completion completion)
{
    if (method == QLatin1StringView("acquire")) {
        const bool block = arguments.isEmpty() || arguments.constFirst().toBool(true);
        const std::optional<double> timeout =
            arguments.size() > 1 && !arguments.at(1).isNull() && arguments.at(1).toDouble() >= 0
                ? std::optional<double>(arguments.at(1).toDouble())
                : std::nullopt;
        const auto attempt = [this, completion] {
            if (!m_view.lock().tryAcquire(hostPid()))
                return false;
            recordOperation(m_view.claimObservation(), int(Protocol::IpcOp::Acquire), {}, 0);
            completion(ScriptResult::success(true));
            return true;
        };
        if (attempt())
            return;
        if (!block)
            return completion(ScriptResult::success(false));
        recordOperation(m_view.claimObservation(), int(Protocol::IpcOp::Blocked), QStringLiteral("acquire"), 0);
        return waitFor(attempt, timeout, [completion] { completion(ScriptResult::success(false)); },
                       [this](bool waiting) { m_view.setHostWaiting(waiting); });
    }
    if (method == QLatin1StringView("release")) {
        if (!m_view.lock().release(hostPid()))
            return completion(ScriptResult::failure(QStringLiteral("ValueError: lock released too many times")));
        recordOperation(m_view.claimObservation(), int(Protocol::IpcOp::Release), {}, 0);
        return completion(ScriptResult::success());
    }
    completion(ScriptResult::failure(QStringLiteral("AttributeError: 'Lock' object has no attribute '%1'").arg(method)));
}

ScriptResult LockObject::read(const QString &member) const
{
    return ScriptResult::failure(QStringLiteral("AttributeError: 'Lock' object has no attribute '%1'").arg(member));
}

void LockObject::sample(qint64 nowNs)
{
    const Shm::SharedLock::Counters counters = Shm::LockView(m_view).lock().counters();
    recordCounters(nowNs, qint64(counters.acquisitions), qint64(counters.acquisitions));
    if (const auto budget = observationBudgetSpent(m_segment->data()))
        recordSampling(nowNs, *budget);
}

QStringList LockObject::processEnded(int workerId, qint64 pid)
{
    Q_UNUSED(workerId);
    Shm::Recovery recovery = m_view.recoverDeadProcess(quint32(pid));
    if (!recovery.lockRecovered && m_view.lock().counters().lastDeadOwner == quint32(pid))
        recovery.lockRecovered = true;
    return describeRecovery(m_name, recovery, quint32(pid)); // the Run wakes every object afterwards
}

} // namespace ProcessLab
