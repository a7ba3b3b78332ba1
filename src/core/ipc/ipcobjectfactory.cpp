// SPDX-License-Identifier: MIT
// createIpcObject(): Queue(), Pipe(), Value(), Array() and Lock() of a main program, each in a
// segment of its own that the host creates (HostSegment) and initializes.
#include "cellsobject.h"
#include "examples/hostscript.h"
#include "ipcobject.h"
#include "pipeobject.h"
#include "poolobject.h"
#include "queueobject.h"

#include "protocol/monotonicclock.h"

#include <QCborArray>

namespace ProcessLab {

namespace {

// Array('i', n) in the examples has one cell per worker; a bound keeps a typo from asking
// for gigabytes.
constexpr qint64 maxCells = 16 * 1024 * 1024;

// The record learns of each object as it is created: views draw it from here on.
void recordCreated(const IpcObject::EventSink &sink, const ScriptObjectSpec &spec, IpcObjectKind kind, qint64 count)
{
    RunEvent event;
    event.timeNs = monotonicNowNs();
    event.kind = EventKind::IpcObjectCreated;
    event.process = mainProcessId;
    event.object = spec.objectId;
    event.op = static_cast<quint8>(kind);
    event.count = count;
    event.sequence = qint64(Shm::defaultObservationBudget);
    event.text = spec.name;
    sink(std::move(event));
}

std::shared_ptr<HostSegment> createSegment(const ScriptObjectSpec &spec, std::size_t size, QString *error)
{
    std::unique_ptr<HostSegment> segment =
        HostSegment::create(spec.runKey, quint32(spec.objectId), qsizetype(size), error);
    return std::shared_ptr<HostSegment>(std::move(segment));
}

std::optional<Shm::TypeCode> typeCodeFrom(const QCborValue &value)
{
    const QString code = value.toString();
    if (code == QLatin1StringView("i"))
        return Shm::TypeCode::Int;
    if (code == QLatin1StringView("d"))
        return Shm::TypeCode::Double;
    if (code == QLatin1StringView("c"))
        return Shm::TypeCode::Char;
    if (code == QLatin1StringView("b"))
        return Shm::TypeCode::SignedChar;
    return std::nullopt;
}

void setCell(Shm::CellsView &view, std::size_t index, const QCborValue &value)
{
    if (view.type() == Shm::TypeCode::Double)
        view.setDouble(index, value.toDouble());
    else if (value.isByteArray())
        view.setInteger(index, value.toByteArray().isEmpty() ? 0 : value.toByteArray().at(0));
    else
        view.setInteger(index, value.toInteger());
}

std::unique_ptr<ScriptObject> createCells(const ScriptObjectSpec &spec, bool isArray, const IpcObject::EventSink &sink,
                                          QString *error)
{
    const QString type = spec.type;
    const std::optional<Shm::TypeCode> code = typeCodeFrom(spec.arguments.value(0));
    if (!code) {
        *error = QStringLiteral("TypeError: %1(): unsupported typecode %2 (ProcessLab has 'i', 'd', 'c', 'b')")
                     .arg(type, spec.arguments.value(0).toString());
        return nullptr;
    }
    const QCborValue second = spec.arguments.value(1);
    const bool withLock = spec.arguments.size() < 3 || spec.arguments.at(2).toBool(true);
    qint64 count = 1;
    if (isArray)
        count = second.isArray() ? second.toArray().size() : second.toInteger(-1);
    if (count < 0 || count > maxCells) {
        *error = QStringLiteral("ValueError: %1(): size must be between 0 and %2").arg(type).arg(maxCells);
        return nullptr;
    }
    const IpcObjectKind kind = isArray ? IpcObjectKind::Array : IpcObjectKind::Value;
    const std::size_t size = Shm::CellsView::segmentSize(*code, std::size_t(count));
    std::shared_ptr<HostSegment> segment = createSegment(spec, size, error);
    if (!segment)
        return nullptr;
    Shm::CellsView view = Shm::CellsView::initialize(segment->data(), std::size_t(segment->size()),
                                                     isArray ? Shm::ObjectKind::Array : Shm::ObjectKind::Value, *code,
                                                     std::size_t(count), withLock);
    if (isArray && second.isArray()) {
        const QCborArray initial = second.toArray();
        for (qsizetype i = 0; i < initial.size(); ++i)
            setCell(view, std::size_t(i), initial.at(i));
    } else if (!isArray && !second.isUndefined() && !second.isNull()) {
        setCell(view, 0, second);
    }
    recordCreated(sink, spec, kind, count);
    return std::make_unique<CellsObject>(spec.objectId, spec.name, kind, std::move(segment), view, sink);
}

} // namespace

std::unique_ptr<ScriptObject> createIpcObject(const ScriptObjectSpec &spec, const IpcObject::EventSink &sink,
                                              QString *error)
{
    if (spec.type == QLatin1StringView("Pool"))
        return PoolObject::create(spec, error); // multiprocessing.Pool: docs/pool.md
    if (spec.type == QLatin1StringView("Queue")) {
        const qint64 maxsize = std::max<qint64>(0, spec.arguments.value(0).toInteger(0)); // <= 0: unbounded
        std::shared_ptr<HostSegment> segment = createSegment(spec, Shm::QueueView::segmentSize(ipcRingBytes), error);
        if (!segment)
            return nullptr;
        const Shm::QueueView view = Shm::QueueView::initialize(segment->data(), std::size_t(segment->size()), maxsize);
        recordCreated(sink, spec, IpcObjectKind::Queue, maxsize);
        return std::make_unique<QueueObject>(spec.objectId, spec.name, std::move(segment), view, sink);
    }
    if (spec.type == QLatin1StringView("Pipe")) {
        const bool duplex = spec.arguments.isEmpty() || spec.arguments.constFirst().toBool(true);
        std::shared_ptr<HostSegment> segment = createSegment(spec, Shm::PipeView::segmentSize(ipcRingBytes), error);
        if (!segment)
            return nullptr;
        const Shm::PipeView view = Shm::PipeView::initialize(segment->data(), std::size_t(segment->size()), duplex);
        // `a, b = Pipe()`: the pair's name lists both ends' names.
        const QStringList names = spec.name.split(QLatin1Char(','), Qt::SkipEmptyParts);
        const QString name0 = names.value(0).trimmed();
        const QString name1 = names.value(1, name0 + QStringLiteral("[1]")).trimmed();
        recordCreated(sink, spec, IpcObjectKind::Pipe, duplex ? 1 : 0);
        return std::make_unique<PipePair>(
            std::make_unique<PipeEndObject>(spec.objectId, name0, segment, view, 0, sink),
            std::make_unique<PipeEndObject>(spec.objectId, name1, segment, view, 1, sink));
    }
    if (spec.type == QLatin1StringView("Value"))
        return createCells(spec, false, sink, error);
    if (spec.type == QLatin1StringView("Array"))
        return createCells(spec, true, sink, error);
    if (spec.type == QLatin1StringView("Lock")) {
        std::shared_ptr<HostSegment> segment = createSegment(spec, Shm::LockView::segmentSize(), error);
        if (!segment)
            return nullptr;
        const Shm::LockView view = Shm::LockView::initialize(segment->data(), std::size_t(segment->size()));
        recordCreated(sink, spec, IpcObjectKind::Lock, 1);
        return std::make_unique<LockObject>(spec.objectId, spec.name, std::move(segment), view, sink);
    }
    *error = QStringLiteral("NameError: name '%1' is not defined").arg(spec.type);
    return nullptr;
}

} // namespace ProcessLab
