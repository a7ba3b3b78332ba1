// SPDX-License-Identifier: MIT
#include "ipcobject.h"

#include "protocol/monotonicclock.h"
#include "shm/objectheader.h"

#include <QCoreApplication>
#include <QTimer>

#include <limits>

namespace ProcessLab {

// A QObject so that it can be deleted later: a wait may end inside one of its timers' slots.
struct IpcObject::Pending : QObject
{
    std::function<bool()> attempt;
    std::function<void()> timedOut;
    std::function<void(bool)> setHostWaiting;
    QTimer poll;
    QTimer timeout;
};

IpcObject::~IpcObject()
{
    endWait();
}

IpcObject::IpcObject(int id, QString name, IpcObjectKind kind, std::shared_ptr<HostSegment> segment, EventSink sink)
    : m_id(id)
    , m_name(std::move(name))
    , m_kind(kind)
    , m_segment(std::move(segment))
    , m_sink(std::move(sink))
{
}

QCborMap IpcObject::attachment(int workerId) const
{
    Q_UNUSED(workerId);
    const Shm::SegmentKey key = m_segment->segmentKey();
    QCborMap map;
    map.insert(QLatin1StringView("ipc"), ipcObjectKindName(m_kind));
    map.insert(QLatin1StringView("id"), m_id);
    map.insert(QLatin1StringView("key"), QString::fromStdString(key.nativeKey));
    map.insert(QLatin1StringView("keyType"), QString::fromLatin1(Shm::keyTypeName(key.type)));
    return map;
}

void IpcObject::recordOperation(bool observed, int op, const QString &text, qint64 count, qint64 sequence)
{
    if (!observed)
        return;
    RunEvent event;
    event.timeNs = monotonicNowNs();
    event.kind = EventKind::IpcOperation;
    event.process = mainProcessId;
    event.object = m_id;
    event.op = static_cast<quint8>(op);
    event.text = text;
    event.count = count;
    event.sequence = sequence;
    m_sink(std::move(event));
}

void IpcObject::recordCounters(qint64 nowNs, qint64 count, qint64 operations)
{
    if (count == m_lastCount && operations == m_lastOperations)
        return;
    m_lastCount = count;
    m_lastOperations = operations;
    RunEvent event;
    event.timeNs = nowNs;
    event.kind = EventKind::IpcCounters;
    event.object = m_id;
    event.count = count;
    event.sequence = operations;
    m_sink(std::move(event));
}

void IpcObject::recordSampling(qint64 nowNs, qint64 budget)
{
    if (m_samplingRecorded)
        return;
    m_samplingRecorded = true;
    RunEvent event;
    event.timeNs = nowNs;
    event.kind = EventKind::IpcSampling;
    event.object = m_id;
    event.count = budget;
    event.text = tr("%1: after %2 operations only counters are recorded").arg(m_name).arg(budget);
    m_sink(std::move(event));
}

void IpcObject::waitFor(std::function<bool()> attempt, std::optional<double> timeoutSeconds,
                        std::function<void()> timedOut, std::function<void(bool)> setHostWaiting)
{
    if (attempt())
        return;
    // Say that the host waits, then try once more: a worker's change between the first try
    // and the flag would otherwise send no Wake.
    setHostWaiting(true);
    if (attempt()) {
        setHostWaiting(false);
        return;
    }
    if (timeoutSeconds && *timeoutSeconds <= 0) {
        setHostWaiting(false);
        timedOut();
        return;
    }
    m_pending = std::make_unique<Pending>();
    m_pending->attempt = std::move(attempt);
    m_pending->timedOut = std::move(timedOut);
    m_pending->setHostWaiting = std::move(setHostWaiting);
    m_pending->poll.setInterval(pollInterval);
    m_pending->poll.callOnTimeout([this] { retryPending(); });
    m_pending->poll.start();
    if (timeoutSeconds) {
        m_pending->timeout.setSingleShot(true);
        m_pending->timeout.setTimerType(Qt::PreciseTimer); // never earlier than asked, as in Python
        // QTimer counts int milliseconds: a longer timeout (~24 days) waits as long as that.
        const double milliseconds = std::min(*timeoutSeconds * 1000.0 + 0.5, double(std::numeric_limits<int>::max()));
        m_pending->timeout.setInterval(std::chrono::milliseconds(qint64(milliseconds)));
        m_pending->timeout.callOnTimeout([this] {
            const std::function<void()> timedOut = std::move(m_pending->timedOut);
            endWait();
            timedOut();
        });
        m_pending->timeout.start();
    }
}

void IpcObject::retryPending()
{
    if (!m_pending)
        return;
    if (m_pending->attempt())
        return endWait();
    // The worker that woke us took the host-waiting bit; another process got there first.
    // Ask again, then try once more (a change between the two would otherwise wake no one).
    m_pending->setHostWaiting(true);
    if (m_pending->attempt())
        endWait();
}

void IpcObject::endWait()
{
    if (!m_pending)
        return;
    Pending *pending = m_pending.release();
    pending->poll.stop();
    pending->timeout.stop();
    pending->setHostWaiting(false);
    pending->deleteLater();
}

void IpcObject::cancel()
{
    endWait();
}

std::optional<qint64> IpcObject::observationBudgetSpent(const void *segment)
{
    const auto *header = static_cast<const Shm::ObjectHeader *>(segment);
    if (header->observationsClaimed.load(std::memory_order_relaxed) < header->observationBudget)
        return std::nullopt;
    return qint64(header->observationBudget);
}

QString IpcObject::tooLargeForMainProgram(std::size_t bytes)
{
    if (bytes <= mainProgramItemLimit)
        return {};
    return tr("ValueError: the main program can put or send items of up to %1 KiB (this one is %2 KiB); "
              "worker processes can pass bigger ones")
        .arg(mainProgramItemLimit / 1024)
        .arg(bytes / 1024);
}

quint32 IpcObject::hostPid()
{
    return static_cast<quint32>(QCoreApplication::applicationPid());
}

} // namespace ProcessLab
