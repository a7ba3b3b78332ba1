// SPDX-License-Identifier: MIT
#include "csvexport.h"

#include "runsummary.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QIODevice>
#include <QRegularExpression>

namespace ProcessLab {

namespace {

constexpr qsizetype writeChunkBytes = 64 * 1024;

// A figure in milliseconds with µs precision; empty when it does not apply (-1).
QString msCell(double ms)
{
    return ms < 0 ? QString() : QString::number(ms, 'f', 3);
}

// Milliseconds since the run's start of an absolute time; empty when not known (0).
QString sinceStartCell(qint64 timeNs, qint64 startNs)
{
    return timeNs == 0 ? QString() : msCell(double(std::max<qint64>(0, timeNs - startNs)) / 1e6);
}

QString numberCell(qint64 value)
{
    return QString::number(value);
}

// Rows to the device: a BOM, then each row's cells (already CSV cells) joined, CRLF after each.
class CsvWriter
{
public:
    explicit CsvWriter(QIODevice *device)
        : m_device(device)
    {
        m_buffer = "\xEF\xBB\xBF";
    }

    bool row(const QStringList &cells)
    {
        m_buffer += cells.join(QLatin1Char(',')).toUtf8();
        m_buffer += "\r\n";
        return m_buffer.size() < writeChunkBytes || flush();
    }

    bool flush()
    {
        if (!m_error.isEmpty())
            return false;
        if (m_device->write(m_buffer) != m_buffer.size()) {
            m_error = QCoreApplication::translate("ProcessLab", "write failed: %1").arg(m_device->errorString());
            return false;
        }
        m_buffer.clear();
        return true;
    }

    bool finish(QString *error)
    {
        const bool ok = flush();
        if (!ok && error)
            *error = m_error;
        return ok;
    }

private:
    QIODevice *m_device;
    QByteArray m_buffer;
    QString m_error;
};

} // namespace

QString csvTextCell(const QString &text)
{
    QString cell = text;
    static const QRegularExpression plainNumber(QStringLiteral("^[+-]?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?$"));
    if (!cell.isEmpty()) {
        const QChar first = cell.at(0);
        const bool formulaStart = first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t'
                                  || first == u'\r';
        if (formulaStart && !plainNumber.match(cell).hasMatch())
            cell.prepend(QLatin1Char('\''));
    }
    if (cell.contains(QLatin1Char(',')) || cell.contains(QLatin1Char('"')) || cell.contains(QLatin1Char('\n'))
        || cell.contains(QLatin1Char('\r'))) {
        cell.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        cell = QLatin1Char('"') + cell + QLatin1Char('"');
    }
    return cell;
}

bool writeProcessCsv(const RunSummary &summary, QIODevice *device, QString *error)
{
    CsvWriter csv(device);
    csv.row({QStringLiteral("process"), QStringLiteral("role"), QStringLiteral("pid"), QStringLiteral("state"),
             QStringLiteral("spawn_to_ready_ms"), QStringLiteral("run_ms"), QStringLiteral("exitcode"),
             QStringLiteral("exit_signal"), QStringLiteral("started_ms"), QStringLiteral("ended_ms"),
             QStringLiteral("stdout_lines"), QStringLiteral("stderr_lines"), QStringLiteral("dropped_lines"),
             QStringLiteral("cpu_ms"), QStringLiteral("cpu_avg_percent"), QStringLiteral("peak_rss_bytes"),
             QStringLiteral("detail")});
    for (const ProcessSummary &p : summary.processes) {
        const std::optional<int> exitcode = p.pythonExitCode(); // Python's Process.exitcode
        // The process list's CPU figure: over its life, until it ended (or the last sample).
        const qint64 averagePermille = p.averageCpuPermille(summary.endNs);
        if (!csv.row({numberCell(p.id), csvTextCell(p.role), p.pid ? numberCell(p.pid) : QString(),
                      stateName(p.state), msCell(p.spawnToReadyMs()), msCell(p.runMs()),
                      exitcode ? numberCell(*exitcode) : QString(), p.exitSignalName(),
                      sinceStartCell(p.startingNs ? p.startingNs : p.runningNs, summary.startNs),
                      sinceStartCell(p.endNs, summary.startNs), numberCell(p.stdoutLines), numberCell(p.stderrLines),
                      numberCell(p.droppedLines), msCell(p.cpuMs()),
                      averagePermille < 0 ? QString() : QString::number(double(averagePermille) / 10.0, 'f', 1),
                      p.peakResidentBytes < 0 ? QString() : numberCell(p.peakResidentBytes), csvTextCell(p.detail)}))
            break;
    }
    return csv.finish(error);
}

bool hasPoolTasks(const RunSummary &summary)
{
    return !summary.pools.pools().isEmpty();
}

bool writePoolTasksCsv(const RunSummary &summary, QIODevice *device, QString *error)
{
    CsvWriter csv(device);
    csv.row({QStringLiteral("pool"), QStringLiteral("task"), QStringLiteral("items"), QStringLiteral("worker"),
             QStringLiteral("worker_role"), QStringLiteral("pid"), QStringLiteral("state"),
             QStringLiteral("queued_ms"), QStringLiteral("started_ms"), QStringLiteral("ended_ms"),
             QStringLiteral("duration_ms"), QStringLiteral("call"), QStringLiteral("result")});
    const PoolTaskSpans &spans = summary.pools;
    for (const PoolProgress &pool : spans.pools()) {
        for (const qsizetype index : spans.tasksOfPool(pool.pool)) {
            const PoolTaskSpan &task = spans.tasks().at(index);
            const ProcessSummary *worker = task.process > 0 ? summary.process(task.process) : nullptr;
            if (!csv.row({numberCell(task.pool), numberCell(task.task), numberCell(task.items),
                          task.process > 0 ? numberCell(task.process) : QString(),
                          worker ? csvTextCell(worker->role) : QString(), task.pid ? numberCell(task.pid) : QString(),
                          poolTaskOutcomeName(task.outcome), sinceStartCell(task.queuedNs, summary.startNs),
                          sinceStartCell(task.startNs, summary.startNs), sinceStartCell(task.endNs, summary.startNs),
                          msCell(task.durationMs()), csvTextCell(task.call), csvTextCell(task.result)}))
                return csv.finish(error);
        }
    }
    return csv.finish(error);
}

QString poolTasksCsvPath(const QString &csvPath)
{
    const QFileInfo info(csvPath);
    const QString suffix = info.suffix();
    if (suffix.isEmpty() || info.fileName() == QLatin1Char('.') + suffix)
        return csvPath + QStringLiteral("-tasks");
    return csvPath.left(csvPath.size() - suffix.size() - 1) + QStringLiteral("-tasks.") + suffix;
}

ExportFile::Writer processCsvWriter(const RunSummary &summary)
{
    return [&summary](QIODevice *device, QString *error) { return writeProcessCsv(summary, device, error); };
}

ExportFile::Writer poolTasksCsvWriter(const RunSummary &summary)
{
    return [&summary](QIODevice *device, QString *error) { return writePoolTasksCsv(summary, device, error); };
}

} // namespace ProcessLab
