// SPDX-License-Identifier: MIT
#include "traceexport.h"

#include "examples/exampleregistry.h"
#include "examples/knob.h"
#include "jsonexport.h"
#include "protocol/protocol.h"
#include "runrecord.h"
#include "runsummary.h"

#include <QCoreApplication>
#include <QHash>
#include <QIODevice>

#include <QSet>

#include <algorithm>
#include <optional>

namespace ProcessLab {

namespace {

constexpr qsizetype writeChunkBytes = 64 * 1024;

// The threads (tracks) of each process. Each holds one kind of activity, so the slices of a
// track follow each other or nest, as the format requires.
enum class Track : int {
    Process = 1,       // starting / ready / running, the end, errors
    Program = 2,       // Main: its statements and pauses; a worker: the steps it reported (traces)
    Output = 3,        // one instant per printed line
    SharedObjects = 4, // operations on queues, pipes, values, locks; waits in them
    PoolTasks = 5,     // the pool tasks a pool worker ran
};

const char *trackName(Track track)
{
    switch (track) {
    case Track::Process: return "process";
    case Track::Program: return "program";
    case Track::Output: return "output";
    case Track::SharedObjects: return "shared objects";
    case Track::PoolTasks: return "pool tasks";
    }
    return "";
}

// Appends s as a JSON string (UTF-8, quotes, backslashes and control characters escaped).
void appendString(QByteArray &out, QStringView s)
{
    out += '"';
    const QByteArray utf8 = s.toUtf8();
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            switch (c) {
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default: {
                static const char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[u >> 4];
                out += hex[u & 0xf];
            }
            }
        } else {
            out += c;
        }
    }
    out += '"';
}

// Nanoseconds as the format's microseconds, exactly: "1234.567".
void appendMicros(QByteArray &out, qint64 ns)
{
    ns = std::max<qint64>(0, ns);
    out += QByteArray::number(ns / 1000);
    out += '.';
    const qint64 frac = ns % 1000;
    out += char('0' + frac / 100);
    out += char('0' + frac / 10 % 10);
    out += char('0' + frac % 10);
}

// At most max characters of text; *cut says how many were left out.
QString capped(const QString &text, qsizetype max, qint64 *cut = nullptr)
{
    if (text.size() <= max) {
        if (cut)
            *cut = 0;
        return text;
    }
    qsizetype keep = max;
    if (keep > 0 && text.at(keep - 1).isHighSurrogate()) // never split a character
        --keep;
    if (cut)
        *cut = text.size() - keep;
    return text.left(keep) + QStringLiteral("…");
}

// The "args" object of an event, built member by member.
class Args
{
public:
    Args &add(const char *key, QStringView value)
    {
        separator(key);
        appendString(m_json, value);
        return *this;
    }
    Args &add(const char *key, qint64 value)
    {
        separator(key);
        m_json += QByteArray::number(value);
        return *this;
    }
    Args &add(const char *key, double value)
    {
        separator(key);
        m_json += QByteArray::number(value, 'g', 12);
        return *this;
    }
    bool isEmpty() const { return m_json.isEmpty(); }
    const QByteArray &json() const { return m_json; }

private:
    void separator(const char *key)
    {
        if (!m_json.isEmpty())
            m_json += ',';
        appendString(m_json, QString::fromUtf8(key));
        m_json += ':';
    }
    QByteArray m_json;
};

// One event as JSON: {"name":...,"cat":...,"ph":...,"ts":...,"pid":...,"tid":...,...}.
QByteArray eventJson(QStringView name, const char *category, char phase, qint64 tsNs, int pid, int tid,
                     const Args &args = {}, qint64 durNs = -1, char scope = 0)
{
    QByteArray out;
    out.reserve(128 + args.json().size());
    out += "{\"name\":";
    appendString(out, name);
    out += ",\"cat\":\"";
    out += category;
    out += "\",\"ph\":\"";
    out += phase;
    out += '"';
    if (phase != 'M') {
        out += ",\"ts\":";
        appendMicros(out, tsNs);
    }
    if (durNs >= 0) {
        out += ",\"dur\":";
        appendMicros(out, durNs);
    }
    out += ",\"pid\":";
    out += QByteArray::number(pid);
    if (tid >= 0) {
        out += ",\"tid\":";
        out += QByteArray::number(tid);
    }
    if (scope) {
        out += ",\"s\":\"";
        out += scope;
        out += '"';
    }
    if (!args.isEmpty()) {
        out += ",\"args\":{";
        out += args.json();
        out += '}';
    }
    out += '}';
    return out;
}

struct Slice
{
    int pid = 0;
    int tid = 0;
    qint64 startNs = 0; // since the run's start
    qint64 endNs = 0;
    QString name;
    const char *category = "";
    Args args;
};

struct Counter
{
    int pid = 0;
    qint64 timeNs = 0;
    QString name;
    const char *key = "";
    double value = 0;
};

struct ObjectInfo
{
    IpcObjectKind kind = IpcObjectKind::Queue;
    QString name;
    bool duplex = false;
};

// Orders a track's slices by start (the longer first at equal starts) and makes them nest: a
// slice that would outlast the one it starts in ends with it. (Only out-of-order worker
// timestamps can cause that; the format has no way to draw overlapping slices of one track.)
void nest(QList<Slice> &slices)
{
    std::stable_sort(slices.begin(), slices.end(), [](const Slice &a, const Slice &b) {
        if (a.pid != b.pid)
            return a.pid < b.pid;
        if (a.tid != b.tid)
            return a.tid < b.tid;
        if (a.startNs != b.startNs)
            return a.startNs < b.startNs;
        return a.endNs > b.endNs;
    });
    QList<qint64> openEnds; // the enclosing slices of the current track, innermost last
    for (qsizetype i = 0; i < slices.size(); ++i) {
        Slice &slice = slices[i];
        if (i > 0 && (slices.at(i - 1).pid != slice.pid || slices.at(i - 1).tid != slice.tid))
            openEnds.clear();
        while (!openEnds.isEmpty() && openEnds.constLast() <= slice.startNs)
            openEnds.removeLast();
        if (!openEnds.isEmpty())
            slice.endNs = std::min(slice.endNs, openEnds.constLast());
        openEnds.append(slice.endNs);
    }
}

QString ipcTypeName(IpcObjectKind kind)
{
    switch (kind) {
    case IpcObjectKind::Queue: return QStringLiteral("Queue");
    case IpcObjectKind::Pipe: return QStringLiteral("Pipe");
    case IpcObjectKind::Value: return QStringLiteral("Value");
    case IpcObjectKind::Array: return QStringLiteral("Array");
    case IpcObjectKind::Lock: return QStringLiteral("Lock");
    }
    return {};
}

// What a shared object's count means in an ipc-counters event (docs/run-record.md).
const char *counterKey(IpcObjectKind kind)
{
    switch (kind) {
    case IpcObjectKind::Queue: return "items";
    case IpcObjectKind::Pipe: return "in flight";
    case IpcObjectKind::Value: return "value";
    case IpcObjectKind::Array: return "writes";
    case IpcObjectKind::Lock: return "acquisitions";
    }
    return "count";
}

class TraceWriter
{
public:
    TraceWriter(const RunRecord &record, const TraceLimits &limits)
        : m_record(record)
        , m_limits(limits)
        , m_summary(summarize(record))
        , m_startNs(record.startNs())
        , m_listing(listingOf(record))
    {
    }

    bool write(QIODevice *device, QString *error);

private:
    int pidOf(int process) const { return process < 0 ? 1 : process + 1; } // run level: Main's
    qint64 rel(qint64 ns) const { return std::max<qint64>(0, ns - m_startNs); }
    qint64 runEndNs() const;
    qint64 processEndNs(int process) const;

    void collect();
    void collectStates();
    void collectProgram();
    void collectPoolTasks();
    QByteArray instantFor(const RunEvent &event);
    // Where an event's instant goes; nothing for events drawn as slices or counters.
    std::optional<Track> instantTrack(const RunEvent &event) const;
    int instantPid(const RunEvent &event) const;
    void use(int pid, Track track) { m_usedTracks.insert(qMakePair(pid, int(track))); }
    void addSlice(int process, Track track, qint64 startNs, qint64 endNs, QString name, const char *category,
                  Args args = {});
    QString objectLabel(int object) const;
    // The Python listing the run's workers trace into (the example's program for the recorded
    // knobs); empty for a record of an unknown example or with knobs it does not accept.
    static SourceListing listingOf(const RunRecord &record);
    // A worker step's slice: named by its listing line, like Main's ("12: item = queue.get()").
    QString traceSliceName(const RunEvent &trace) const;

    bool append(const QByteArray &json);
    bool flush();

    const RunRecord &m_record;
    TraceLimits m_limits;
    RunSummary m_summary;
    qint64 m_startNs = 0;
    SourceListing m_listing;
    int m_objectsPid = 0; // the pseudo-process of the shared objects' counters
    QList<Slice> m_slices;
    QList<Counter> m_counters;
    QSet<QPair<int, int>> m_usedTracks;
    QHash<int, ObjectInfo> m_objects;
    qsizetype m_outputLines = 0;       // output events in the record
    QHash<int, qint64> m_omittedOutput; // process -> output lines over limits.outputInstants
    QHash<int, qint64> m_lastOmittedNs;

    QIODevice *m_device = nullptr;
    QByteArray m_buffer;
    bool m_first = true;
    QString m_error;
};

qint64 TraceWriter::runEndNs() const
{
    if (m_summary.finished)
        return m_summary.endNs;
    qint64 last = m_startNs;
    for (const RunEvent &event : m_record.events())
        last = std::max(last, event.timeNs);
    return last;
}

qint64 TraceWriter::processEndNs(int process) const
{
    const ProcessSummary *p = m_summary.process(process);
    return p && p->endNs ? p->endNs : runEndNs();
}

void TraceWriter::addSlice(int process, Track track, qint64 startNs, qint64 endNs, QString name,
                           const char *category, Args args)
{
    const int pid = pidOf(process);
    use(pid, track);
    m_slices.append({pid, int(track), rel(startNs), std::max(rel(startNs), rel(endNs)), std::move(name), category,
                     std::move(args)});
}

void TraceWriter::collectStates()
{
    const qint64 runEnd = runEndNs();
    for (const ProcessSummary &p : m_summary.processes) {
        const qint64 end = p.endNs ? p.endNs : runEnd;
        const auto firstOf = [end](std::initializer_list<qint64> times) {
            for (const qint64 t : times) {
                if (t)
                    return t;
            }
            return end;
        };
        Args args;
        if (p.pid)
            args.add("pid", p.pid);
        if (p.startingNs)
            addSlice(p.id, Track::Process, p.startingNs, firstOf({p.readyNs, p.runningNs}),
                     stateName(ProcessState::Starting), "state", args);
        if (p.readyNs)
            addSlice(p.id, Track::Process, p.readyNs, firstOf({p.runningNs}), stateName(ProcessState::Ready),
                     "state", args);
        if (p.runningNs)
            addSlice(p.id, Track::Process, p.runningNs, end, stateName(ProcessState::Running), "state", args);
    }
}

SourceListing TraceWriter::listingOf(const RunRecord &record)
{
    const ExampleDefinition *example = ExampleRegistry::find(record.exampleId());
    if (!example)
        return {};
    QString error;
    const std::optional<QVariantMap> knobs = resolveKnobs(example->knobs, record.knobs(), &error);
    return knobs ? example->pythonProgram(*knobs).listing : SourceListing();
}

QString TraceWriter::traceSliceName(const RunEvent &trace) const
{
    if (trace.sourceLine <= 0)
        return trace.text;
    if (const QString statement = m_listing.line(trace.sourceLine); !statement.isEmpty())
        return QStringLiteral("%1: %2").arg(trace.sourceLine).arg(statement);
    return QStringLiteral("line %1: %2").arg(trace.sourceLine).arg(trace.text);
}

void TraceWriter::collectProgram()
{
    const qint64 runEnd = runEndNs();
    for (const StepTiming &step : m_summary.steps) {
        Args args;
        args.add("line", qint64(step.sourceLine)).add("statement", step.text);
        addSlice(mainProcessId, Track::Program, step.beginNs, step.endNs ? step.endNs : runEnd,
                 QStringLiteral("%1: %2").arg(step.sourceLine).arg(step.text), "statement", args);
    }
    for (const PauseInterval &pause : m_summary.pauses) {
        Args args;
        args.add("line", qint64(pause.sourceLine)).add("statement", pause.text);
        addSlice(mainProcessId, Track::Program, pause.beginNs, pause.endNs ? pause.endNs : runEnd,
                 QStringLiteral("paused before line %1").arg(pause.sourceLine), "paused", args);
    }
    // A worker's traces: each step lasts until its next one, the last until the process ended.
    QHash<int, QList<const RunEvent *>> traces;
    for (const RunEvent &event : m_record.events()) {
        if (event.kind == EventKind::WorkerTrace && event.process >= 0)
            traces[event.process].append(&event);
    }
    for (auto it = traces.begin(); it != traces.end(); ++it) {
        QList<const RunEvent *> &list = it.value();
        std::stable_sort(list.begin(), list.end(),
                         [](const RunEvent *a, const RunEvent *b) { return a->timeNs < b->timeNs; });
        const qint64 end = processEndNs(it.key());
        for (qsizetype i = 0; i < list.size(); ++i) {
            const RunEvent &trace = *list.at(i);
            Args args;
            if (trace.sourceLine)
                args.add("line", qint64(trace.sourceLine));
            args.add("step", trace.text); // the worker's own name for the step
            addSlice(it.key(), Track::Program, trace.timeNs, i + 1 < list.size() ? list.at(i + 1)->timeNs : end,
                     traceSliceName(trace), "trace", args);
        }
    }
}

void TraceWriter::collectPoolTasks()
{
    for (const PoolTaskSpan &task : m_summary.pools.tasks()) {
        if (task.process <= 0 || !task.hasStarted())
            continue;
        Args args;
        args.add("pool", qint64(task.pool)).add("task", task.task).add("items", task.items).add("call", task.call);
        args.add("outcome", poolTaskOutcomeName(task.outcome));
        switch (task.outcome) {
        case PoolTaskOutcome::Finished: args.add("result", task.result); break;
        case PoolTaskOutcome::Failed: args.add("error", task.result); break;
        case PoolTaskOutcome::Lost: args.add("lost", task.result); break;
        case PoolTaskOutcome::Unfinished:
            if (!task.result.isEmpty())
                args.add("reason", task.result);
            break;
        case PoolTaskOutcome::Queued:
        case PoolTaskOutcome::Running: break;
        }
        if (task.queuedNs && task.startNs >= task.queuedNs)
            args.add("waitedMs", double(task.startNs - task.queuedNs) / 1e6);
        addSlice(task.process, Track::PoolTasks, task.startNs, task.endNs ? task.endNs : processEndNs(task.process),
                 QStringLiteral("%1: %2").arg(task.task).arg(task.call), "pool-task", args);
    }
}

QString TraceWriter::objectLabel(int object) const
{
    const auto it = m_objects.constFind(object);
    if (it == m_objects.cend())
        return QStringLiteral("object %1").arg(object);
    return QStringLiteral("%1 (%2)").arg(it->name, ipcTypeName(it->kind));
}

void TraceWriter::collect()
{
    int maxProcess = 0;
    for (const ProcessSummary &p : m_summary.processes)
        maxProcess = std::max(maxProcess, p.id);
    m_objectsPid = pidOf(maxProcess) + 1;

    collectStates();
    collectProgram();
    collectPoolTasks();

    // Waits, counters and which tracks the instants use, in record order.
    struct OpenWait
    {
        qint64 startNs = 0;
        QString what;
    };
    QHash<QPair<int, int>, OpenWait> waits; // (process, object) -> blocked since
    const auto closeWait = [&](int process, int object, qint64 endNs) {
        const auto it = waits.find(qMakePair(process, object));
        if (it == waits.end())
            return;
        Args args;
        args.add("object", objectLabel(object)).add("operation", it->what);
        addSlice(process, Track::SharedObjects, it->startNs, endNs,
                 QStringLiteral("waits in %1 on %2").arg(it->what, objectLabel(object)), "wait", args);
        waits.erase(it);
    };
    const auto closeWaitsOf = [&](int process, qint64 endNs) {
        QList<int> objects;
        for (auto it = waits.cbegin(); it != waits.cend(); ++it) {
            if (it.key().first == process)
                objects.append(it.key().second);
        }
        for (const int object : objects)
            closeWait(process, object, endNs);
    };
    const auto objectCounter = [&](int object, qint64 timeNs, double value) {
        const auto it = m_objects.constFind(object);
        if (it == m_objects.cend())
            return;
        m_counters.append({m_objectsPid, rel(timeNs), objectLabel(object), counterKey(it->kind), value});
    };

    for (const RunEvent &event : m_record.events()) {
        switch (event.kind) {
        case EventKind::IpcObjectCreated:
            m_objects.insert(event.object, {static_cast<IpcObjectKind>(event.op), event.text,
                                            static_cast<IpcObjectKind>(event.op) == IpcObjectKind::Pipe && event.count});
            break;
        case EventKind::IpcOperation: {
            const auto op = static_cast<Protocol::IpcOp>(event.op);
            closeWait(event.process, event.object, event.timeNs);
            if (op == Protocol::IpcOp::Blocked) {
                waits.insert(qMakePair(event.process, event.object), {event.timeNs, event.text});
                break;
            }
            const auto it = m_objects.constFind(event.object);
            if (it == m_objects.cend())
                break;
            if (it->kind == IpcObjectKind::Queue && (op == Protocol::IpcOp::Put || op == Protocol::IpcOp::Get))
                objectCounter(event.object, event.timeNs, double(event.count));
            // A one-way pipe's count is its only direction; a duplex pipe's two directions would
            // interleave, so only its ipc-counters (both directions) are drawn.
            if (it->kind == IpcObjectKind::Pipe && !it->duplex
                && (op == Protocol::IpcOp::Send || op == Protocol::IpcOp::Recv))
                objectCounter(event.object, event.timeNs, double(event.count));
            if (it->kind == IpcObjectKind::Value && op == Protocol::IpcOp::Write) {
                bool ok = false;
                const double value = event.text.toDouble(&ok);
                if (ok)
                    objectCounter(event.object, event.timeNs, value);
            }
            break;
        }
        case EventKind::IpcCounters: {
            const auto it = m_objects.constFind(event.object);
            // A Value's count is its value only for an integer Value; a float Value's writes say it.
            if (it != m_objects.cend())
                objectCounter(event.object, event.timeNs, double(event.count));
            break;
        }
        case EventKind::StateChanged:
            if (isEndState(event.state))
                closeWaitsOf(event.process, event.timeNs);
            break;
        case EventKind::ResourceSample:
            m_counters.append({pidOf(event.process), rel(event.timeNs), QStringLiteral("CPU"), "% of a core",
                               double(event.count) / 10.0});
            if (event.sequence >= 0)
                m_counters.append({pidOf(event.process), rel(event.timeNs), QStringLiteral("memory"), "MB",
                                   double(event.sequence) / (1024.0 * 1024.0)});
            break;
        case EventKind::Output:
            ++m_outputLines;
            break;
        default:
            break;
        }
    }
    // Waits still open when the run ended.
    const qint64 runEnd = runEndNs();
    while (!waits.isEmpty()) {
        const auto key = waits.constBegin().key();
        closeWait(key.first, key.second, runEnd);
    }
    nest(m_slices);
    std::stable_sort(m_counters.begin(), m_counters.end(),
                     [](const Counter &a, const Counter &b) { return a.timeNs < b.timeNs; });
}

std::optional<Track> TraceWriter::instantTrack(const RunEvent &event) const
{
    switch (event.kind) {
    case EventKind::Output: return Track::Output;
    case EventKind::IpcOperation:
        if (static_cast<Protocol::IpcOp>(event.op) == Protocol::IpcOp::Blocked)
            return std::nullopt;
        return Track::SharedObjects;
    case EventKind::IpcObjectCreated:
    case EventKind::IpcSampling:
    case EventKind::IpcRecovered: return Track::SharedObjects;
    case EventKind::Error:
    case EventKind::ConnectionRejected:
    case EventKind::OutputDropped:
    case EventKind::TracesDropped:
    case EventKind::RejectionsDropped:
    case EventKind::RunStarted:
    case EventKind::RunFinished: return Track::Process;
    case EventKind::StateChanged:
        return isEndState(event.state) ? std::optional(Track::Process) : std::nullopt;
    case EventKind::PoolWorker: {
        const auto change = static_cast<PoolWorkerChange>(event.op);
        const bool fault = change == PoolWorkerChange::FaultInjected || change == PoolWorkerChange::FaultNotFired;
        return fault && event.process > 0 ? Track::PoolTasks : Track::Process;
    }
    case EventKind::ProcessCreated:
    case EventKind::ScriptStep:
    case EventKind::ScriptStepEnded:
    case EventKind::Paused:
    case EventKind::WorkerTrace:
    case EventKind::IpcCounters:
    case EventKind::PoolTask:
    case EventKind::ResourceSample: return std::nullopt;
    }
    return std::nullopt;
}

int TraceWriter::instantPid(const RunEvent &event) const
{
    switch (event.kind) {
    case EventKind::IpcSampling:
    case EventKind::RunStarted:
    case EventKind::RunFinished: return pidOf(mainProcessId);
    default: return pidOf(event.process);
    }
}

// The instant an event stands for, or nothing (slices and counters have it already).
QByteArray TraceWriter::instantFor(const RunEvent &event)
{
    const std::optional<Track> track = instantTrack(event);
    if (!track)
        return {};
    const int pid = instantPid(event);
    const int tid = int(*track);
    const qint64 t = rel(event.timeNs);
    Args args;
    switch (event.kind) {
    case EventKind::Output: {
        qint64 cut = 0;
        const QString text = capped(event.text, m_limits.textChars, &cut);
        args.add("stream", streamName(event.stream)).add("text", text);
        if (cut + event.count > 0)
            args.add("cut", cut + event.count);
        return eventJson(capped(event.text, m_limits.nameChars), event.stream == OutputStream::StdErr ? "stderr" : "stdout",
                         'i', t, pid, tid, args, -1, 't');
    }
    case EventKind::IpcOperation: {
        const auto op = static_cast<Protocol::IpcOp>(event.op);
        if (op == Protocol::IpcOp::Blocked)
            return {};
        args.add("object", objectLabel(event.object)).add("op", ipcOpName(event.op));
        if (!event.text.isEmpty())
            args.add(op == Protocol::IpcOp::Failed ? "error" : "value", capped(event.text, m_limits.textChars));
        if (op != Protocol::IpcOp::Acquire && op != Protocol::IpcOp::Release && op != Protocol::IpcOp::Close)
            args.add(op == Protocol::IpcOp::Write ? "index" : "count", event.count);
        if (event.sequence)
            args.add("seq", event.sequence);
        const QString name = op == Protocol::IpcOp::Failed
            ? QStringLiteral("%1 failed: %2").arg(objectLabel(event.object), event.text)
            : QStringLiteral("%1 %2").arg(ipcOpName(event.op), objectLabel(event.object));
        return eventJson(capped(name, m_limits.nameChars), op == Protocol::IpcOp::Failed ? "fault" : "ipc", 'i', t,
                         pid, tid, args, -1, 't');
    }
    case EventKind::IpcObjectCreated:
        args.add("object", qint64(event.object)).add("kind", ipcObjectKindName(static_cast<IpcObjectKind>(event.op)));
        args.add("count", event.count).add("budget", event.sequence);
        return eventJson(QStringLiteral("create %1").arg(objectLabel(event.object)), "ipc", 'i', t, pid, tid, args, -1, 't');
    case EventKind::IpcSampling:
        args.add("object", objectLabel(event.object)).add("budget", event.count);
        return eventJson(QStringLiteral("%1: counted from here on").arg(objectLabel(event.object)), "ipc", 'i', t,
                         pid, tid, args, -1, 't');
    case EventKind::IpcRecovered:
        args.add("object", objectLabel(event.object)).add("repaired", event.text);
        return eventJson(QStringLiteral("repaired %1").arg(objectLabel(event.object)), "fault", 'i', t, pid, tid, args, -1, 't');
    case EventKind::Error:
        args.add("text", capped(event.text, m_limits.textChars));
        return eventJson(capped(QStringLiteral("error: %1").arg(event.text), m_limits.nameChars), "fault", 'i', t,
                         pid, tid, args, -1, 't');
    case EventKind::ConnectionRejected:
        args.add("text", capped(event.text, m_limits.textChars));
        return eventJson(QStringLiteral("connection refused"), "fault", 'i', t, pid, tid, args, -1,
                         't');
    case EventKind::OutputDropped:
    case EventKind::TracesDropped:
    case EventKind::RejectionsDropped:
        args.add("count", event.count);
        return eventJson(QStringLiteral("%1 (over the record's cap)").arg(eventKindName(event.kind)), "fault", 'i', t,
                         pid, tid, args, -1, 't');
    case EventKind::StateChanged: {
        if (!isEndState(event.state))
            return {};
        if (event.hasExitStatus)
            args.add("exitCode", qint64(event.exitCode)).add("exitSignal", qint64(event.exitSignal));
        if (!event.text.isEmpty())
            args.add("text", capped(event.text, m_limits.textChars));
        return eventJson(stateName(event.state), event.state == ProcessState::Finished ? "state" : "fault", 'i', t,
                         pid, tid, args, -1, 't');
    }
    case EventKind::PoolWorker: {
        const auto change = static_cast<PoolWorkerChange>(event.op);
        args.add("pool", qint64(event.object)).add("change", poolWorkerChangeName(event.op));
        if (!event.text.isEmpty())
            args.add("text", capped(event.text, m_limits.textChars));
        if (change == PoolWorkerChange::FaultInjected)
            args.add("task", event.count);
        const bool fault = change == PoolWorkerChange::FaultInjected || change == PoolWorkerChange::FaultNotFired;
        return eventJson(QStringLiteral("pool worker %1").arg(poolWorkerChangeName(event.op)), fault ? "fault" : "pool",
                         'i', t, pid, tid, args, -1, 't');
    }
    case EventKind::RunStarted:
    case EventKind::RunFinished:
        if (event.kind == EventKind::RunFinished)
            args.add("exitCode", qint64(event.exitCode));
        if (!event.text.isEmpty())
            args.add("text", capped(event.text, m_limits.textChars));
        return eventJson(eventKindName(event.kind), "run", 'i', t, pid, tid, args,
                         -1, 't');
    case EventKind::ProcessCreated:
    case EventKind::ScriptStep:
    case EventKind::ScriptStepEnded:
    case EventKind::Paused:
    case EventKind::WorkerTrace:
    case EventKind::IpcCounters:
    case EventKind::PoolTask:
    case EventKind::ResourceSample:
        return {};
    }
    return {};
}

bool TraceWriter::flush()
{
    if (m_buffer.isEmpty() || !m_error.isEmpty())
        return m_error.isEmpty();
    if (m_device->write(m_buffer) != m_buffer.size()) {
        m_error = QCoreApplication::translate("ProcessLab", "write failed: %1").arg(m_device->errorString());
        return false;
    }
    m_buffer.clear();
    return true;
}

bool TraceWriter::append(const QByteArray &json)
{
    if (json.isEmpty())
        return true;
    m_buffer += m_first ? "\n" : ",\n";
    m_first = false;
    m_buffer += json;
    return m_buffer.size() < writeChunkBytes || flush();
}

bool TraceWriter::write(QIODevice *device, QString *error)
{
    m_device = device;
    collect();

    // Which tracks the instants use (their events are streamed, not kept).
    qsizetype outputSeen = 0;
    for (const RunEvent &event : m_record.events()) {
        if (event.kind == EventKind::Output && outputSeen++ >= m_limits.outputInstants)
            continue;
        if (const std::optional<Track> track = instantTrack(event))
            use(instantPid(event), *track);
    }
    for (qsizetype i = 0, seen = 0; i < m_record.size(); ++i) { // the processes with lines left out
        const RunEvent &event = m_record.events().at(i);
        if (event.kind == EventKind::Output && seen++ >= m_limits.outputInstants)
            use(pidOf(event.process), Track::Output);
    }
    const qint64 omittedOutput = std::max<qint64>(0, m_outputLines - m_limits.outputInstants);

    // Header: what a reader needs to know about the trace as a whole.
    m_buffer += "{\"displayTimeUnit\":\"ms\",\"otherData\":{";
    Args other;
    other.add("schema", QStringLiteral("processlab-trace"))
        .add("example", m_record.exampleId())
        .add("startNs", m_startNs)
        .add("exitCode", qint64(m_summary.exitCode))
        .add("outputLines", qint64(m_outputLines))
        .add("outputLinesNotInTrace", omittedOutput)
        .add("droppedOutputLines", [&] {
            qint64 n = 0;
            for (const ProcessSummary &p : m_summary.processes)
                n += p.droppedLines;
            return n;
        }());
    m_buffer += other.json();
    m_buffer += "},\"traceEvents\":[";

    // Metadata: every process and every track used is named; sorted as in the app.
    for (const ProcessSummary &p : m_summary.processes) {
        const int pid = pidOf(p.id);
        const QString role = p.role.isEmpty() ? QStringLiteral("Process %1").arg(p.id) : p.role;
        const QString name = p.pid ? QStringLiteral("%1 (PID %2)").arg(role).arg(p.pid) : role;
        append(eventJson(u"process_name", "__metadata", 'M', 0, pid, -1, Args().add("name", name)));
        append(eventJson(u"process_sort_index", "__metadata", 'M', 0, pid, -1, Args().add("sort_index", qint64(p.id))));
    }
    if (!m_objects.isEmpty()) {
        append(eventJson(u"process_name", "__metadata", 'M', 0, m_objectsPid, -1,
                       Args().add("name", QStringLiteral("Shared objects"))));
        append(eventJson(u"process_sort_index", "__metadata", 'M', 0, m_objectsPid, -1,
                       Args().add("sort_index", qint64(m_objectsPid))));
    }
    QList<QPair<int, int>> tracks(m_usedTracks.cbegin(), m_usedTracks.cend());
    std::sort(tracks.begin(), tracks.end());
    for (const auto &[pid, tid] : tracks) {
        append(eventJson(u"thread_name", "__metadata", 'M', 0, pid, tid,
                         Args().add("name", QString::fromLatin1(trackName(Track(tid))))));
        append(eventJson(u"thread_sort_index", "__metadata", 'M', 0, pid, tid, Args().add("sort_index", qint64(tid))));
    }

    for (const Slice &slice : m_slices)
        append(eventJson(slice.name, slice.category, 'X', slice.startNs, slice.pid, slice.tid, slice.args,
                       slice.endNs - slice.startNs));
    for (const Counter &counter : m_counters) {
        Args args;
        args.add(counter.key, counter.value);
        append(eventJson(counter.name, "counter", 'C', counter.timeNs, counter.pid, -1, args));
    }
    outputSeen = 0;
    for (const RunEvent &event : m_record.events()) {
        if (event.kind == EventKind::Output && outputSeen++ >= m_limits.outputInstants) {
            ++m_omittedOutput[event.process];
            m_lastOmittedNs[event.process] = event.timeNs;
            continue;
        }
        if (!append(instantFor(event)))
            break;
    }
    // Where lines were left out, one instant says how many, at the last of them.
    for (auto it = m_omittedOutput.cbegin(); it != m_omittedOutput.cend(); ++it) {
        Args args;
        args.add("count", it.value());
        append(eventJson(QStringLiteral("%1 more output lines (not in this trace; the run record has them)").arg(it.value()),
                       "output", 'i', rel(m_lastOmittedNs.value(it.key())), pidOf(it.key()), int(Track::Output), args,
                       -1, 't'));
    }
    m_buffer += "\n]}\n";
    const bool ok = flush();
    if (!ok && error)
        *error = m_error;
    return ok;
}

} // namespace

bool writeTraceJson(const RunRecord &record, QIODevice *device, QString *error, const TraceLimits &limits)
{
    return TraceWriter(record, limits).write(device, error);
}

ExportFile::Writer traceJsonWriter(const RunRecord &record)
{
    return [&record](QIODevice *device, QString *error) { return writeTraceJson(record, device, error); };
}

} // namespace ProcessLab
