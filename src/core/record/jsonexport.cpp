// SPDX-License-Identifier: MIT
#include "jsonexport.h"

#include "runrecord.h"
#include "runsummary.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtNumeric>

#include <limits>

namespace ProcessLab {

namespace {

constexpr qsizetype writeChunkBytes = 64 * 1024;

// Nanoseconds since the start; saturates instead of overflowing on absurd times.
qint64 sinceStart(qint64 timeNs, qint64 startNs)
{
    qint64 t = 0;
    if (qSubOverflow(timeNs, startNs, &t))
        return timeNs < startNs ? std::numeric_limits<qint64>::min() : std::numeric_limits<qint64>::max();
    return t;
}

QJsonObject eventToJson(const RunEvent &event, qint64 startNs)
{
    QJsonObject o;
    o.insert(QLatin1StringView("t"), sinceStart(event.timeNs, startNs));
    o.insert(QLatin1StringView("kind"), eventKindName(event.kind));
    if (event.process != runLevel)
        o.insert(QLatin1StringView("process"), event.process);
    switch (event.kind) {
    case EventKind::StateChanged:
        o.insert(QLatin1StringView("state"), stateName(event.state));
        if (event.pid)
            o.insert(QLatin1StringView("pid"), event.pid);
        if (isEndState(event.state) && event.hasExitStatus) {
            o.insert(QLatin1StringView("exitCode"), event.exitCode);
            o.insert(QLatin1StringView("exitSignal"), event.exitSignal);
        }
        break;
    case EventKind::Output:
        o.insert(QLatin1StringView("stream"), streamName(event.stream));
        if (event.count > 0) // characters of an over-long line that were not kept
            o.insert(QLatin1StringView("cut"), event.count);
        break;
    case EventKind::ScriptStep:
        if (event.sourceLine)
            o.insert(QLatin1StringView("line"), event.sourceLine);
        if (event.count > 0) // a join(): the process it waits for
            o.insert(QLatin1StringView("joins"), event.count);
        break;
    case EventKind::ScriptStepEnded:
    case EventKind::WorkerTrace:
    case EventKind::Paused:
    case EventKind::Error:
        if (event.sourceLine)
            o.insert(QLatin1StringView("line"), event.sourceLine);
        break;
    case EventKind::RunFinished:
        o.insert(QLatin1StringView("exitCode"), event.exitCode);
        break;
    case EventKind::OutputDropped:
    case EventKind::TracesDropped:
    case EventKind::RejectionsDropped:
        o.insert(QLatin1StringView("count"), event.count);
        break;
    case EventKind::ProcessCreated:
        if (event.pid)
            o.insert(QLatin1StringView("pid"), event.pid);
        if (event.count == 1)
            o.insert(QLatin1StringView("helper"), true); // a library's helper process (Manager)
        break;
    case EventKind::IpcObjectCreated:
        o.insert(QLatin1StringView("object"), event.object);
        o.insert(QLatin1StringView("objectKind"), ipcObjectKindName(static_cast<IpcObjectKind>(event.op)));
        o.insert(QLatin1StringView("count"), event.count);
        o.insert(QLatin1StringView("budget"), event.sequence);
        break;
    case EventKind::IpcOperation:
        o.insert(QLatin1StringView("object"), event.object);
        o.insert(QLatin1StringView("op"), ipcOpName(event.op));
        o.insert(QLatin1StringView("count"), event.count);
        if (event.sequence)
            o.insert(QLatin1StringView("seq"), event.sequence);
        break;
    case EventKind::IpcSampling:
        o.insert(QLatin1StringView("object"), event.object);
        o.insert(QLatin1StringView("count"), event.count);
        break;
    case EventKind::IpcRecovered:
        o.insert(QLatin1StringView("object"), event.object);
        o.insert(QLatin1StringView("count"), event.count);
        if (event.pid)
            o.insert(QLatin1StringView("pid"), event.pid);
        break;
    case EventKind::IpcCounters:
        o.insert(QLatin1StringView("object"), event.object);
        o.insert(QLatin1StringView("count"), event.count);
        o.insert(QLatin1StringView("ops"), event.sequence);
        break;
    case EventKind::PoolTask:
        o.insert(QLatin1StringView("object"), event.object);
        o.insert(QLatin1StringView("phase"), poolTaskPhaseName(event.op));
        o.insert(QLatin1StringView("task"), event.count);
        if (event.sequence)
            o.insert(QLatin1StringView("items"), event.sequence);
        if (event.pid)
            o.insert(QLatin1StringView("pid"), event.pid);
        break;
    case EventKind::PoolWorker:
        o.insert(QLatin1StringView("object"), event.object);
        o.insert(QLatin1StringView("change"), poolWorkerChangeName(event.op));
        if (event.op == quint8(PoolWorkerChange::FaultInjected)) {
            o.insert(QLatin1StringView("task"), event.count);
            if (event.sequence == faultInjectedByUser)
                o.insert(QLatin1StringView("byUser"), true);
        }
        else if (event.op == quint8(PoolWorkerChange::FaultNotFired))
            o.insert(QLatin1StringView("afterMs"), event.count);
        if (event.pid)
            o.insert(QLatin1StringView("pid"), event.pid);
        break;
    case EventKind::ResourceSample:
        o.insert(QLatin1StringView("pid"), event.pid);
        o.insert(QLatin1StringView("cpuPermille"), event.count);
        o.insert(QLatin1StringView("rssBytes"), event.sequence);
        break;
    case EventKind::RunStarted:
    case EventKind::ConnectionRejected:
        break;
    }
    if (!event.text.isEmpty())
        o.insert(QLatin1StringView("text"), event.text);
    return o;
}

// Everything but the events: small, so built as one object.
QJsonObject headerToJson(const RunRecord &record)
{
    const RunSummary summary = summarize(record);
    QJsonArray processes;
    for (const ProcessSummary &p : summary.processes) {
        QJsonObject o;
        o.insert(QLatin1StringView("id"), p.id);
        o.insert(QLatin1StringView("role"), p.role);
        o.insert(QLatin1StringView("pid"), p.pid);
        o.insert(QLatin1StringView("state"), stateName(p.state));
        // Main is the example's main program, played by the host: no exit code or signal.
        const bool isMain = p.id == mainProcessId;
        o.insert(QLatin1StringView("exitCode"), isMain ? QJsonValue() : QJsonValue(p.exitCode));
        o.insert(QLatin1StringView("exitSignal"), isMain ? QJsonValue() : QJsonValue(p.exitSignal));
        // Python's Process.exitcode: null while running, for Main and for a process that never ran.
        const std::optional<int> exitcode = p.pythonExitCode();
        o.insert(QLatin1StringView("pythonExitCode"), exitcode ? QJsonValue(*exitcode) : QJsonValue());
        o.insert(QLatin1StringView("spawnToReadyMs"), p.spawnToReadyMs());
        o.insert(QLatin1StringView("runMs"), p.runMs());
        // Sampled by the host (never Main): null when there was no sample.
        o.insert(QLatin1StringView("cpuMs"), p.cpuNs >= 0 ? QJsonValue(p.cpuMs()) : QJsonValue());
        o.insert(QLatin1StringView("peakRssBytes"),
                 p.peakResidentBytes >= 0 ? QJsonValue(double(p.peakResidentBytes)) : QJsonValue());
        processes.append(o);
    }

    // The pools' task tables (docs/pool.md): the tasks recorded one by one, and the totals.
    QJsonArray pools;
    for (const PoolProgress &pool : summary.pools.pools()) {
        QJsonArray tasks;
        for (const qsizetype index : summary.pools.tasksOfPool(pool.pool)) {
            const PoolTaskSpan &task = summary.pools.tasks().at(index);
            QJsonObject t;
            t.insert(QLatin1StringView("task"), task.task);
            t.insert(QLatin1StringView("items"), task.items);
            t.insert(QLatin1StringView("worker"), task.process);
            t.insert(QLatin1StringView("pid"), task.pid);
            t.insert(QLatin1StringView("state"), poolTaskOutcomeName(task.outcome));
            t.insert(QLatin1StringView("durationMs"), task.durationMs());
            t.insert(QLatin1StringView("call"), task.call);
            // The value, error or what was lost; the call while it has not ended.
            t.insert(QLatin1StringView("text"), task.result.isEmpty() ? task.call : task.result);
            tasks.append(t);
        }
        QJsonObject o;
        o.insert(QLatin1StringView("object"), pool.pool);
        o.insert(QLatin1StringView("taskCount"), pool.queued());
        o.insert(QLatin1StringView("counted"), pool.counted);
        if (pool.counted)
            o.insert(QLatin1StringView("tasksDone"), pool.countedDone);
        o.insert(QLatin1StringView("faultsInjected"), pool.faultsInjected);
        o.insert(QLatin1StringView("tasks"), tasks);
        pools.append(o);
    }

    // Totals of the *-dropped events, so a reader sees at once whether the record is whole.
    qint64 droppedOutput = 0, droppedTraces = 0, droppedRejections = 0;
    for (const RunEvent &event : record.events()) {
        if (event.kind == EventKind::OutputDropped)
            droppedOutput += event.count;
        else if (event.kind == EventKind::TracesDropped)
            droppedTraces += event.count;
        else if (event.kind == EventKind::RejectionsDropped)
            droppedRejections += event.count;
    }
    QJsonObject dropped;
    dropped.insert(QLatin1StringView("outputLines"), droppedOutput);
    dropped.insert(QLatin1StringView("traces"), droppedTraces);
    dropped.insert(QLatin1StringView("rejections"), droppedRejections);

    QJsonObject root;
    root.insert(QLatin1StringView("schema"), QStringLiteral("processlab-run-record"));
    root.insert(QLatin1StringView("version"), runRecordSchemaVersion);
    root.insert(QLatin1StringView("example"), record.exampleId());
    root.insert(QLatin1StringView("knobs"), QJsonObject::fromVariantMap(record.knobs()));
    if (record.recordedAt().isValid())
        root.insert(QLatin1StringView("recordedAt"), record.recordedAt().toUTC().toString(Qt::ISODateWithMs));
    root.insert(QLatin1StringView("clock"), QStringLiteral("monotonic-ns"));
    root.insert(QLatin1StringView("startNs"), record.startNs());
    root.insert(QLatin1StringView("wallMs"), summary.wallMs());
    root.insert(QLatin1StringView("exitCode"), summary.exitCode);
    root.insert(QLatin1StringView("processes"), processes);
    if (!pools.isEmpty())
        root.insert(QLatin1StringView("pools"), pools);
    root.insert(QLatin1StringView("dropped"), dropped);
    return root;
}

QString writeError(const QIODevice *device)
{
    return QCoreApplication::translate("ProcessLab", "write failed: %1").arg(device->errorString());
}

} // namespace

bool writeRunRecordJson(const RunRecord &record, QIODevice *device, QString *error)
{
    // The header object without its closing brace, then "events" written one by one.
    QByteArray buffer = QJsonDocument(headerToJson(record)).toJson(QJsonDocument::Indented);
    buffer.chop(3); // "\n}\n"
    buffer += ",\n    \"events\": [";
    const qint64 startNs = record.startNs();
    bool first = true;
    for (const RunEvent &event : record.events()) {
        buffer += first ? "\n        " : ",\n        ";
        first = false;
        buffer += QJsonDocument(eventToJson(event, startNs)).toJson(QJsonDocument::Compact);
        if (buffer.size() >= writeChunkBytes) {
            if (device->write(buffer) != buffer.size()) {
                if (error)
                    *error = writeError(device);
                return false;
            }
            buffer.clear();
        }
    }
    buffer += first ? "]\n}\n" : "\n    ]\n}\n";
    if (device->write(buffer) != buffer.size()) {
        if (error)
            *error = writeError(device);
        return false;
    }
    return true;
}

ExportFile::Writer runRecordJsonWriter(const RunRecord &record)
{
    return [&record](QIODevice *device, QString *error) { return writeRunRecordJson(record, device, error); };
}

bool writeRunRecordJson(const RunRecord &record, const QString &path, QString *error)
{
    ExportFile file(path);
    return file.open(error) && file.write(runRecordJsonWriter(record), error);
}

} // namespace ProcessLab
