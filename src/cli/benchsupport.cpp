// SPDX-License-Identifier: MIT
#include "benchsupport.h"

#include "standardstreams.h"

#include "record/runrecord.h"
#include "runtime/run.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <cstdio>

namespace ProcessLab::Cli {

void runToEnd(Run &run, const std::function<void()> &beforeStart)
{
    QEventLoop loop;
    QObject::connect(&run, &Run::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(0, &run, [&] {
        if (beforeStart)
            beforeStart();
        run.start();
    });
    loop.exec();
}

QStringList runErrors(const RunRecord &record)
{
    QStringList errors;
    for (const RunEvent &event : record.events()) {
        if (event.kind == EventKind::Error
            || (event.kind == EventKind::Output && event.stream == OutputStream::StdErr))
            errors.append(event.text);
    }
    return errors;
}

QStringList mainOutput(const RunRecord &record)
{
    QStringList lines;
    for (const RunEvent &event : record.events()) {
        if (event.kind == EventKind::Output && event.stream != OutputStream::StdErr && event.process == mainProcessId)
            lines.append(event.text);
    }
    return lines;
}

QString withErrors(const QString &problem, const QStringList &errors)
{
    if (problem.isEmpty() || errors.isEmpty())
        return problem;
    return problem + QStringLiteral(": ") + errors.join(QStringLiteral("; "));
}

void reportFailedRound(const QString &bench, const QString &caseName, int round, const QString &problem)
{
    writeStderr(QCoreApplication::translate("ProcessLab::Cli", "bench %1 %2: round %3 failed: %4")
                    .arg(bench, caseName, QString::number(round), problem)
                + QLatin1Char('\n'));
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

QJsonArray toJsonArray(const QList<double> &values)
{
    QJsonArray array;
    for (const double v : values)
        array.append(v);
    return array;
}

void printJsonLine(const QJsonObject &result)
{
    const QByteArray json = QJsonDocument(result).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(json.constData(), 1, static_cast<size_t>(json.size()), stdout);
}

} // namespace ProcessLab::Cli
