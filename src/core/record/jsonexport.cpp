// SPDX-License-Identifier: MIT
#include "jsonexport.h"

#include "runrecord.h"
#include "runsummary.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace ProcessLab {

namespace {

QJsonObject eventToJson(const RunEvent &event, qint64 startNs)
{
    QJsonObject o;
    o.insert(QLatin1StringView("t"), event.timeNs - startNs);
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
        break;
    case EventKind::ScriptStep:
    case EventKind::ScriptStepEnded:
    case EventKind::WorkerTrace:
        if (event.sourceLine)
            o.insert(QLatin1StringView("line"), event.sourceLine);
        break;
    case EventKind::RunFinished:
        o.insert(QLatin1StringView("exitCode"), event.exitCode);
        break;
    case EventKind::OutputDropped:
        o.insert(QLatin1StringView("count"), event.count);
        break;
    case EventKind::ProcessCreated:
        if (event.pid)
            o.insert(QLatin1StringView("pid"), event.pid);
        break;
    case EventKind::RunStarted:
    case EventKind::Paused:
    case EventKind::Error:
    case EventKind::ConnectionRejected:
        break;
    }
    if (!event.text.isEmpty())
        o.insert(QLatin1StringView("text"), event.text);
    return o;
}

} // namespace

QJsonObject runRecordToJson(const RunRecord &record)
{
    const qint64 startNs = record.startNs();
    const RunSummary summary = summarize(record);

    QJsonArray processes;
    for (const ProcessSummary &p : summary.processes) {
        QJsonObject o;
        o.insert(QLatin1StringView("id"), p.id);
        o.insert(QLatin1StringView("role"), p.role);
        o.insert(QLatin1StringView("pid"), p.pid);
        o.insert(QLatin1StringView("state"), stateName(p.state));
        o.insert(QLatin1StringView("exitCode"), p.exitCode);
        o.insert(QLatin1StringView("exitSignal"), p.exitSignal);
        // Python's Process.exitcode: null while running, for Main and for a process that never ran.
        const std::optional<int> exitcode = p.pythonExitCode();
        o.insert(QLatin1StringView("pythonExitCode"), exitcode ? QJsonValue(*exitcode) : QJsonValue());
        o.insert(QLatin1StringView("spawnToReadyMs"), p.spawnToReadyMs());
        o.insert(QLatin1StringView("runMs"), p.runMs());
        processes.append(o);
    }

    QJsonArray events;
    for (const RunEvent &event : record.events())
        events.append(eventToJson(event, startNs));

    QJsonObject root;
    root.insert(QLatin1StringView("schema"), QStringLiteral("processlab-run-record"));
    root.insert(QLatin1StringView("version"), runRecordSchemaVersion);
    root.insert(QLatin1StringView("example"), record.exampleId());
    root.insert(QLatin1StringView("knobs"), QJsonObject::fromVariantMap(record.knobs()));
    root.insert(QLatin1StringView("clock"), QStringLiteral("monotonic-ns"));
    root.insert(QLatin1StringView("startNs"), startNs);
    root.insert(QLatin1StringView("wallMs"), summary.wallMs());
    root.insert(QLatin1StringView("exitCode"), summary.exitCode);
    root.insert(QLatin1StringView("processes"), processes);
    root.insert(QLatin1StringView("events"), events);
    return root;
}

bool writeRunRecordJson(const RunRecord &record, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QCoreApplication::translate("ProcessLab", "cannot write %1: %2")
                         .arg(path, file.errorString());
        return false;
    }
    file.write(QJsonDocument(runRecordToJson(record)).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        if (error)
            *error = QCoreApplication::translate("ProcessLab", "cannot write %1: %2")
                         .arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace ProcessLab
