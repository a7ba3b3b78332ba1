// SPDX-License-Identifier: MIT
#include "pythonipcrecorder.h"

#include "protocol/monotonicclock.h"
#include "protocol/protocol.h"

#include <QTimer>

#include <algorithm>
#include <optional>

namespace ProcessLab {

namespace {

constexpr std::size_t maxTagBytes = 64;
constexpr qsizetype maxNameLength = 256;
constexpr qint64 maxCount = qint64(1) << 53; // larger counts, jobs, indexes: nonsense
constexpr qint64 maxChunks = 10'000'000;
constexpr qint64 poolCountersIntervalNs = 100'000'000;
constexpr qsizetype queueMatchWindow = 64; // puts a get's repr is compared with

// Protocol::ipcTextLimit bytes of UTF-8, cut with an ellipsis as the worker cuts.
QString shortText(std::string_view text)
{
    if (text.size() <= Protocol::ipcTextLimit)
        return QString::fromUtf8(text.data(), qsizetype(text.size()));
    QString cut = QString::fromUtf8(text.data(), qsizetype(Protocol::ipcTextLimit - 3));
    while (!cut.isEmpty() && cut.back() == QChar::ReplacementCharacter)
        cut.chop(1); // a character cut in the middle
    return cut + QChar(0x2026);
}

std::optional<qint64> integerField(const Protocol::Map &body, std::string_view key, qint64 low, qint64 high,
                                   QString *problem)
{
    const Protocol::Value *value = body.find(key);
    if (!value)
        return std::nullopt;
    if (!value->isInteger() || value->toInteger() < low || value->toInteger() > high) {
        *problem = QStringLiteral("field \"%1\" is not an integer in %2..%3")
                       .arg(QString::fromUtf8(key.data(), qsizetype(key.size())))
                       .arg(low)
                       .arg(high);
        return std::nullopt;
    }
    return value->toInteger();
}

QString familyName(int family)
{
    static const char *const names[] = {"queue", "pipe", "lock", "value", "pool"};
    return QString::fromLatin1(names[family]);
}

} // namespace

struct PythonIpcRecorder::Frame
{
    QString tag;
    std::string op;
    qint64 timeNs = 0;
    bool hasText = false;
    QString text;
    int end = -1;
    qint64 index = 0;
    qint64 job = -1;
    qint64 taskIndex = 0;
    qint64 items = 1;
    qint64 parameter = 0;
    QString name;
    bool array = false;
    qint64 chunksize = 0;
};

PythonIpcRecorder::PythonIpcRecorder(EventSink sink, QObject *parent)
    : QObject(parent)
    , m_sink(std::move(sink))
    , m_sampleTimer(new QTimer(this))
{
    m_sampleTimer->setSingleShot(true);
    m_sampleTimer->setInterval(countersInterval);
    connect(m_sampleTimer, &QTimer::timeout, this, &PythonIpcRecorder::sampleDirty);
}

PythonIpcRecorder::~PythonIpcRecorder() = default;

bool PythonIpcRecorder::handles(std::string_view name)
{
    return name == "py.queue" || name == "py.pipe" || name == "py.lock" || name == "py.value" || name == "py.pool";
}

void PythonIpcRecorder::error(int process, const QString &text)
{
    if (m_errors > maxErrors)
        return;
    const bool last = ++m_errors > maxErrors;
    m_sink({.timeNs = monotonicNowNs(), .kind = EventKind::Error, .process = process,
            .text = last ? tr("more malformed shared-object reports from Python processes were ignored")
                         : tr("a Python process sent a malformed shared-object report: %1").arg(text)});
}

void PythonIpcRecorder::handle(std::string_view name, const Protocol::Map &body, int process, qint64 pid,
                               const QString &processName, qint64 lowerNs)
{
    Family family = Family::Queue;
    if (name == "py.pipe")
        family = Family::Pipe;
    else if (name == "py.lock")
        family = Family::Lock;
    else if (name == "py.value")
        family = Family::Value;
    else if (name == "py.pool")
        family = Family::Pool;
    else if (name != "py.queue")
        return;
    const QString where = QString::fromUtf8(name.data(), qsizetype(name.size()));

    Frame frame;
    QString problem;
    const Protocol::Value &tagValue = body.value("id");
    const Protocol::Value &opValue = body.value("op");
    if (!tagValue.isText() || tagValue.toText().empty() || tagValue.toText().size() > maxTagBytes)
        return error(process, tr("%1: \"id\" must be a text of 1 to %2 bytes").arg(where).arg(maxTagBytes));
    if (!opValue.isText() || opValue.toText().size() > 32)
        return error(process, tr("%1: \"op\" must be a short text").arg(where));
    frame.tag = QString::fromUtf8(tagValue.toText().data(), qsizetype(tagValue.toText().size()));
    frame.op = std::string(opValue.toText());

    static const std::vector<std::vector<std::string_view>> opsOf = {
        {"new", "put", "get", "blocked", "failed", "counters"},
        {"new", "send", "recv", "close", "blocked", "failed", "counters"},
        {"new", "acquire", "release", "blocked", "failed", "counters"},
        {"new", "acquire", "release", "write", "blocked", "failed", "counters"},
        {"new", "queued", "map", "worker", "started", "finished", "failed", "counters"},
    };
    const auto &ops = opsOf.at(std::size_t(family));
    if (std::find(ops.cbegin(), ops.cend(), std::string_view(frame.op)) == ops.cend())
        return error(process, tr("%1: unknown op \"%2\"").arg(where, QString::fromStdString(frame.op)));

    const qint64 now = monotonicNowNs();
    if (const std::optional<qint64> t = integerField(body, "t", 0, std::numeric_limits<qint64>::max(), &problem))
        frame.timeNs = std::clamp(*t, lowerNs, std::max(lowerNs, now));
    else
        frame.timeNs = now;
    if (const Protocol::Value *text = body.find("text"); text && !text->isNull()) {
        if (!text->isText())
            return error(process, tr("%1: \"text\" must be a text").arg(where));
        frame.hasText = true;
        frame.text = shortText(text->toText());
    }
    if (const std::optional<qint64> end = integerField(body, "end", 0, 1, &problem))
        frame.end = int(*end);
    if (const std::optional<qint64> index = integerField(body, "index", 0, maxCount, &problem))
        frame.index = *index;
    if (const std::optional<qint64> job = integerField(body, "job", 0, maxCount, &problem))
        frame.job = *job;
    if (const std::optional<qint64> i = integerField(body, "i", 0, maxCount, &problem))
        frame.taskIndex = *i;
    if (const std::optional<qint64> items = integerField(body, "items", 0, maxCount, &problem))
        frame.items = *items;
    if (const std::optional<qint64> n = integerField(body, "n", 0, maxCount, &problem))
        frame.parameter = *n;
    if (const std::optional<qint64> size = integerField(body, "chunksize", 1, maxCount, &problem))
        frame.chunksize = *size;
    if (!problem.isEmpty())
        return error(process, tr("%1: %2").arg(where, problem));
    if (const Protocol::Value *array = body.find("array"); array && !array->isBool())
        return error(process, tr("%1: \"array\" must be true or false").arg(where));
    frame.array = body.value("array").toBool(false);
    if (frame.op == "new") {
        const Protocol::Value &nameValue = body.value("name");
        if (!nameValue.isText())
            return error(process, tr("%1: a new object needs a \"name\" text").arg(where));
        frame.name = QString::fromUtf8(nameValue.toText().data(), qsizetype(std::min<std::size_t>(nameValue.toText().size(), 4 * maxNameLength)))
                         .left(maxNameLength);
    }
    if (family == Family::Pipe && frame.end < 0 && frame.op != "new" && frame.op != "counters")
        return error(process, tr("%1: \"%2\" needs the pipe's \"end\" (0 or 1)").arg(where, QString::fromStdString(frame.op)));
    if ((frame.op == "blocked" || frame.op == "failed") && family != Family::Pool && !frame.hasText)
        return error(process, tr("%1: \"%2\" needs a \"text\"").arg(where, QString::fromStdString(frame.op)));
    if (family == Family::Pool && frame.op != "new" && frame.op != "counters" && frame.op != "worker"
        && frame.job < 0)
        return error(process, tr("%1: \"%2\" needs the task's \"job\"").arg(where, QString::fromStdString(frame.op)));
    if (frame.op == "map" && frame.chunksize <= 0)
        return error(process, tr("%1: \"map\" needs a \"chunksize\"").arg(where));

    // Checked before the object is created: a bad report creates nothing.
    Counts reported{};
    if (frame.op == "counters" && !parseCounters(body, &reported, &problem))
        return error(process, tr("%1: %2").arg(where, problem));
    if (frame.op == "map" && (frame.items + frame.chunksize - 1) / frame.chunksize > maxChunks)
        return error(process, tr("%1: a map of more than %2 chunks").arg(where).arg(maxChunks));

    Object *object = objectFor(family, frame.tag, process, frame.timeNs, &problem);
    if (!object) {
        if (!problem.isEmpty())
            error(process, tr("%1: %2").arg(where, problem));
        return;
    }
    if (frame.op == "new") {
        if (!object->name.isEmpty())
            return error(process, tr("%1: object %2 was announced twice").arg(where, frame.tag));
        object->name = frame.name;
        if (family == Family::Value && frame.array)
            object->kind = IpcObjectKind::Array;
        created(*object, process, frame.timeNs, family == Family::Pipe ? (frame.parameter != 0) : frame.parameter);
        return;
    }
    if (object->name.isEmpty()) { // its creator's announcement never came (it was not connected yet)
        object->name = QStringLiteral("%1 %2").arg(familyName(int(family))).arg(object->id);
        if (family == Family::Value && frame.array)
            object->kind = IpcObjectKind::Array;
        created(*object, process, frame.timeNs, 0);
    }
    if (frame.op == "counters") {
        return handleCounters(*object, reported, body, process, frame.timeNs);
    }
    if (family == Family::Pool) {
        return handlePool(*object, frame, process, pid, processName);
    }
    handleOperation(*object, frame, process);
}

PythonIpcRecorder::Object *PythonIpcRecorder::objectFor(Family family, const QString &tag, int process,
                                                        qint64 timeNs, QString *problem)
{
    Q_UNUSED(process);
    Q_UNUSED(timeNs);
    if (const auto it = m_idByTag.constFind(tag); it != m_idByTag.constEnd()) {
        Object *object = m_objects.at(std::size_t(*it - 1)).get();
        if (object->family != family) {
            *problem = tr("object %1 is a %2, not a %3").arg(tag, familyName(int(object->family)),
                                                             familyName(int(family)));
            return nullptr;
        }
        return object;
    }
    if (int(m_objects.size()) >= maxObjects) {
        if (!m_tooMany)
            *problem = tr("more than %1 shared objects in one run; the others are not recorded").arg(maxObjects);
        m_tooMany = true;
        return nullptr;
    }
    auto object = std::make_unique<Object>();
    object->id = int(m_objects.size()) + 1;
    object->family = family;
    switch (family) {
    case Family::Queue: object->kind = IpcObjectKind::Queue; break;
    case Family::Pipe: object->kind = IpcObjectKind::Pipe; break;
    case Family::Lock: object->kind = IpcObjectKind::Lock; break;
    case Family::Value: object->kind = IpcObjectKind::Value; break;
    case Family::Pool: object->kind = IpcObjectKind::Queue; break; // a native pool is named by its task queue
    }
    m_idByTag.insert(tag, object->id);
    m_objects.push_back(std::move(object));
    return m_objects.back().get();
}

void PythonIpcRecorder::created(Object &object, int process, qint64 timeNs, qint64 parameter)
{
    if (object.family == Family::Pool)
        return; // a native pool records its tasks and workers, not an object
    m_sink({.timeNs = timeNs, .kind = EventKind::IpcObjectCreated, .process = process, .count = parameter,
            .object = object.id, .op = quint8(object.kind), .sequence = observationBudget, .text = object.name});
}

qint64 PythonIpcRecorder::total(const Object &object, Key key) const
{
    qint64 sum = 0;
    for (const Counts &counts : object.counts)
        sum += counts[key];
    return sum;
}

qint64 PythonIpcRecorder::operations(const Object &object) const
{
    qint64 sum = 0;
    for (const Counts &counts : object.counts) {
        for (int key = 0; key < KeyCount; ++key)
            sum += key == Queued ? 0 : counts[std::size_t(key)];
    }
    return sum;
}

qint64 PythonIpcRecorder::counterValue(const Object &object) const
{
    switch (object.kind) {
    case IpcObjectKind::Queue:
        return std::max<qint64>(0, total(object, Put) - total(object, Get));
    case IpcObjectKind::Pipe:
        return std::max<qint64>(0, total(object, Send0) - total(object, Recv1))
               + std::max<qint64>(0, total(object, Send1) - total(object, Recv0));
    case IpcObjectKind::Value:
        return object.valueKnown ? object.value : total(object, Write);
    case IpcObjectKind::Array:
        return total(object, Write);
    case IpcObjectKind::Lock:
        return total(object, Acquire);
    }
    return 0;
}

void PythonIpcRecorder::setValue(Object &object, qint64 value, qint64 timeNs)
{
    // The latest by the processes' own clock (one clock for all): two processes' last reports
    // may be read in either order.
    if (object.valueKnown && timeNs < object.valueTimeNs)
        return;
    object.value = value;
    object.valueTimeNs = timeNs;
    object.valueKnown = true;
}

void PythonIpcRecorder::startSampling(Object &object, qint64 timeNs)
{
    if (object.sampled)
        return;
    object.sampled = true;
    if (object.family == Family::Pool)
        return; // a pool's counters say it (PoolTaskPhase::Counters)
    m_sink({.timeNs = timeNs, .kind = EventKind::IpcSampling, .count = observationBudget, .object = object.id,
            .text = tr("%1: after %2 operations only counters are recorded").arg(object.name).arg(observationBudget)});
}

void PythonIpcRecorder::markDirty(Object &object)
{
    if (!object.sampled)
        return;
    object.dirty = true;
    if (!m_sampleTimer->isActive())
        m_sampleTimer->start();
}

void PythonIpcRecorder::recordCounters(Object &object, qint64 timeNs, bool force)
{
    if (object.family == Family::Pool) {
        const qint64 done = total(object, Done);
        const qint64 queued = std::max<qint64>(qint64(object.lastTask), object.mapTasks + total(object, Queued));
        if (!force && timeNs - object.lastCountersNs < poolCountersIntervalNs) {
            markDirty(object); // again later
            return;
        }
        object.dirty = false;
        if (done == object.lastCount && queued == object.lastOperations)
            return;
        object.lastCountersNs = timeNs;
        object.lastCount = done;
        object.lastOperations = queued;
        m_sink({.timeNs = timeNs, .kind = EventKind::PoolTask, .count = done, .object = object.id,
                .op = quint8(PoolTaskPhase::Counters), .sequence = queued, .text = {}});
        return;
    }
    object.dirty = false;
    const qint64 count = counterValue(object);
    const qint64 ops = operations(object);
    if (count == object.lastCount && ops == object.lastOperations)
        return;
    object.lastCount = count;
    object.lastOperations = ops;
    m_sink({.timeNs = timeNs, .kind = EventKind::IpcCounters, .count = count, .object = object.id, .sequence = ops,
            .text = {}});
}

void PythonIpcRecorder::sampleDirty()
{
    const qint64 now = monotonicNowNs();
    for (const auto &object : m_objects) {
        if (object->dirty)
            recordCounters(*object, now, false);
    }
}

void PythonIpcRecorder::finish(qint64 nowNs)
{
    m_sampleTimer->stop();
    for (const auto &object : m_objects) {
        if (object->sampled)
            recordCounters(*object, nowNs, true);
    }
}

qint64 PythonIpcRecorder::queueSequence(Object &queue, bool put, const QString &text)
{
    std::deque<QPair<qint64, QString>> &other = put ? queue.earlyGets : queue.waitingPuts;
    std::deque<QPair<qint64, QString>> &mine = put ? queue.waitingPuts : queue.earlyGets;
    const qsizetype window = std::min<qsizetype>(queueMatchWindow, qsizetype(other.size()));
    for (qsizetype i = 0; i < window; ++i) {
        if (other.at(std::size_t(i)).second == text) {
            const qint64 sequence = other.at(std::size_t(i)).first;
            other.erase(other.begin() + i);
            return sequence;
        }
    }
    if (!other.empty()) { // no repr matched: FIFO
        const qint64 sequence = other.front().first;
        other.pop_front();
        return sequence;
    }
    const qint64 sequence = ++queue.lastSequence;
    if (mine.size() < std::size_t(observationBudget))
        mine.emplace_back(sequence, text);
    return sequence;
}

void PythonIpcRecorder::handleOperation(Object &object, const Frame &frame, int process)
{
    Protocol::IpcOp op = Protocol::IpcOp::Blocked;
    std::optional<Key> key;
    const std::string &name = frame.op;
    if (name == "put") {
        op = Protocol::IpcOp::Put, key = Put;
    } else if (name == "get") {
        op = Protocol::IpcOp::Get, key = Get;
    } else if (name == "send") {
        op = Protocol::IpcOp::Send, key = frame.end == 0 ? Send0 : Send1;
    } else if (name == "recv") {
        op = Protocol::IpcOp::Recv, key = frame.end == 0 ? Recv0 : Recv1;
    } else if (name == "acquire") {
        op = Protocol::IpcOp::Acquire, key = Acquire;
    } else if (name == "release") {
        op = Protocol::IpcOp::Release, key = Release;
    } else if (name == "write") {
        op = Protocol::IpcOp::Write, key = Write;
    } else if (name == "close") {
        op = Protocol::IpcOp::Close;
    } else if (name == "failed") {
        op = Protocol::IpcOp::Failed;
    }
    if (key) {
        Counts &counts = object.counts[process];
        ++counts[*key];
    }
    if (object.recorded >= observationBudget) {
        startSampling(object, frame.timeNs);
        markDirty(object);
        return;
    }
    ++object.recorded;
    qint64 count = 0;
    qint64 sequence = 0;
    switch (op) {
    case Protocol::IpcOp::Put:
    case Protocol::IpcOp::Get:
        sequence = queueSequence(object, op == Protocol::IpcOp::Put, frame.text);
        count = counterValue(object);
        break;
    case Protocol::IpcOp::Send:
        count = std::max<qint64>(0, total(object, frame.end == 0 ? Send0 : Send1)
                                        - total(object, frame.end == 0 ? Recv1 : Recv0));
        break;
    case Protocol::IpcOp::Recv:
        count = std::max<qint64>(0, total(object, frame.end == 0 ? Send1 : Send0)
                                        - total(object, frame.end == 0 ? Recv0 : Recv1));
        break;
    case Protocol::IpcOp::Write:
        count = frame.index;
        if (object.kind == IpcObjectKind::Value && frame.hasText) {
            bool ok = false;
            const qint64 value = frame.text.toLongLong(&ok);
            if (ok)
                setValue(object, value, frame.timeNs);
        }
        break;
    default:
        break;
    }
    m_sink({.timeNs = frame.timeNs, .kind = EventKind::IpcOperation, .process = process, .count = count,
            .object = object.id, .op = quint8(op), .sequence = sequence, .text = frame.text});
}

bool PythonIpcRecorder::parseCounters(const Protocol::Map &body, Counts *reported, QString *problem)
{
    const Protocol::Value &countsValue = body.value("c");
    if (!countsValue.isMap()) {
        *problem = tr("counters need a map \"c\"");
        return false;
    }
    static const std::array<std::string_view, KeyCount> names = {"put",  "get",     "send0",   "send1",
                                                                 "recv0", "recv1",  "acquire", "release",
                                                                 "write", "queued", "done"};
    for (const auto &[key, value] : countsValue.toMap()) {
        const auto it = std::find(names.cbegin(), names.cend(), std::string_view(key));
        if (it == names.cend() || !value.isInteger() || value.toInteger() < 0 || value.toInteger() > maxCount) {
            *problem = tr("counter \"%1\" is unknown or out of range").arg(QString::fromStdString(key).left(32));
            return false;
        }
        (*reported)[std::size_t(it - names.cbegin())] = value.toInteger();
    }
    if (const Protocol::Value *value = body.find("value"); value && !value->isInteger()) {
        *problem = tr("counters: \"value\" must be an integer");
        return false;
    }
    return true;
}

void PythonIpcRecorder::handleCounters(Object &object, const Counts &reported, const Protocol::Map &body, int process,
                                       qint64 timeNs)
{
    if (const Protocol::Value *value = body.find("value"); value && object.kind == IpcObjectKind::Value) {
        setValue(object, value->toInteger(), timeNs);
    }
    Counts &counts = object.counts[process];
    for (std::size_t key = 0; key < counts.size(); ++key)
        counts[key] = std::max(counts[key], reported[key]); // they include the operations reported one by one
    startSampling(object, timeNs);
    markDirty(object);
}

void PythonIpcRecorder::recordTask(const Object &pool, PoolTaskPhase phase, quint64 number, qint64 items, int process,
                                   qint64 pid, const QString &text, qint64 timeNs)
{
    m_sink({.timeNs = timeNs, .kind = EventKind::PoolTask, .process = process, .pid = pid, .count = qint64(number),
            .object = pool.id, .op = quint8(phase), .sequence = items, .text = text});
}

void PythonIpcRecorder::handlePool(Object &pool, const Frame &frame, int process, qint64 pid,
                                   const QString &processName)
{
    const std::string &op = frame.op;
    if (op == "worker") {
        if (!pool.workers.contains(process) && pool.workers.size() < maxObjects) {
            pool.workers.append(process);
            m_sink({.timeNs = frame.timeNs, .kind = EventKind::PoolWorker, .process = process, .pid = pid,
                    .object = pool.id, .op = quint8(PoolWorkerChange::Started), .text = processName});
        }
        return;
    }
    const QPair<qint64, qint64> key{frame.job, frame.taskIndex};
    if (op == "map") {
        const qint64 chunks = (frame.items + frame.chunksize - 1) / frame.chunksize; // at most maxChunks
        pool.mapTasks += chunks;
        for (qint64 i = 0; i < chunks; ++i) {
            // A chunk whose start the host read first (another socket) keeps its number.
            const auto early = pool.tasks.constFind({frame.job, i});
            const quint64 number = early != pool.tasks.constEnd() ? early->number : ++pool.lastTask;
            if (number > quint64(observationBudget))
                continue;
            const qint64 first = i * frame.chunksize;
            const qint64 items = std::min(frame.chunksize, frame.items - first);
            const QString text = items == 1 ? QStringLiteral("%1 × 1 (item %2)").arg(frame.text).arg(first)
                                            : QStringLiteral("%1 × %2 (items %3..%4)")
                                                  .arg(frame.text)
                                                  .arg(items)
                                                  .arg(first)
                                                  .arg(first + items - 1);
            if (early == pool.tasks.constEnd())
                pool.tasks.insert({frame.job, i}, PoolTaskEntry{number, items, text});
            recordTask(pool, PoolTaskPhase::Queued, number, items, process, 0, text, frame.timeNs);
        }
        if (pool.lastTask > quint64(observationBudget)) {
            pool.sampled = true;
            markDirty(pool);
        }
        return;
    }
    if (op == "queued") {
        ++pool.counts[process][Queued];
        if (const auto early = pool.tasks.constFind(key); early != pool.tasks.constEnd()) {
            // Its start was read first (another socket): it keeps the number it got then.
            recordTask(pool, PoolTaskPhase::Queued, early->number, frame.items, process, 0, frame.text, frame.timeNs);
            return;
        }
        const quint64 number = ++pool.lastTask;
        if (number > quint64(observationBudget)) {
            pool.sampled = true;
            return markDirty(pool);
        }
        pool.tasks.insert(key, PoolTaskEntry{number, frame.items, frame.text});
        recordTask(pool, PoolTaskPhase::Queued, number, frame.items, process, 0, frame.text, frame.timeNs);
        return;
    }
    // started, finished, failed: from the worker process
    auto it = pool.tasks.find(key);
    if (it == pool.tasks.end()) {
        if (op != "started") { // a task the host never saw start: its start was past the budget
            ++pool.counts[process][Done];
            return markDirty(pool);
        }
        // imap's tasks are not announced: numbered here, while per-task events last (past
        // them, an unknown task is one queued past the budget, numbered already).
        if (pool.lastTask >= quint64(observationBudget)) {
            pool.sampled = true;
            return markDirty(pool);
        }
        it = pool.tasks.insert(key, PoolTaskEntry{++pool.lastTask, frame.items, frame.text});
    }
    if (op == "started") {
        it->startedBy = process;
        it->pid = pid;
        recordTask(pool, PoolTaskPhase::Started, it->number, it->items, process, pid, {}, frame.timeNs);
        return;
    }
    if (it->done)
        return; // reported twice: the first report stands
    ++pool.counts[process][Done];
    recordTask(pool, op == "finished" ? PoolTaskPhase::Finished : PoolTaskPhase::Failed, it->number, it->items,
               process, pid, frame.text, frame.timeNs);
    it->done = true; // kept (at most the budget's worth): a late queued report finds its number
    markDirty(pool);
}

void PythonIpcRecorder::processEnded(int process, qint64 pid, const QString &processName, bool stopped)
{
    const qint64 now = monotonicNowNs();
    for (const auto &object : m_objects) {
        if (object->family != Family::Pool)
            continue;
        for (auto it = object->tasks.begin(); it != object->tasks.end(); ++it) {
            if (it->startedBy != process || it->done)
                continue;
            it->done = true;
            if (stopped)
                recordTask(*object, PoolTaskPhase::Cancelled, it->number, it->items, process, pid,
                           tr("the run was stopped"), now);
            else
                recordTask(*object, PoolTaskPhase::Lost, it->number, 0, process, pid,
                           tr("task %1 lost: %2 (pid %3) ended before it finished")
                               .arg(it->number)
                               .arg(processName)
                               .arg(pid),
                           now);
        }
    }
}

} // namespace ProcessLab
