// SPDX-License-Identifier: MIT
#include "walkthroughmatch.h"

#include "protocol/protocol.h"
#include "record/runrecord.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

#include <cmath>

namespace ProcessLab {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("ProcessLab::Walkthrough", text, nullptr, n);
}

// The role a record gives a process ("Main", "Worker 2", "PoolWorker-1"): its ProcessCreated text.
QString roleOf(const RunRecord &record, int process)
{
    for (const RunEvent &event : record.events())
        if (event.kind == EventKind::ProcessCreated && event.process == process)
            return event.text;
    return process == mainProcessId ? QStringLiteral("Main") : QString();
}

// The process id the record gives a role, or nullopt when no such process was created (yet).
std::optional<int> processNamed(const RunRecord &record, const QString &role)
{
    for (const RunEvent &event : record.events())
        if (event.kind == EventKind::ProcessCreated && event.text == role)
            return event.process;
    if (role == QLatin1String("Main"))
        return mainProcessId;
    return std::nullopt;
}

// The name the program gives a shared object or pool ("queue"): its IpcObjectCreated text.
QString objectNameOf(const RunRecord &record, int object)
{
    for (const RunEvent &event : record.events())
        if (event.kind == EventKind::IpcObjectCreated && event.object == object)
            return event.text;
    return {};
}

bool chineseUi()
{
    return QLocale().language() == QLocale::Chinese;
}

// Describes the event in the present ("Worker 2 prints …": what the panel waits for) or the
// past ("Worker 2 printed …": what did not happen before the run ended).
QString describe(const WalkthroughEvent &event, bool past)
{
    switch (event.kind) {
    case WalkthroughEvent::Kind::Output:
        return (past ? tr("%1 printed “%2”") : tr("%1 prints “%2”")).arg(event.process, event.text);
    case WalkthroughEvent::Kind::Ipc: {
        QString text = event.process.isEmpty()
                           ? (past ? tr("a “%1” on %2 happened") : tr("a “%1” on %2 happens")).arg(event.op, event.object)
                           : (past ? tr("%1 did “%2” on %3") : tr("%1 does “%2” on %3"))
                                 .arg(event.process, event.op, event.object);
        if (event.depth)
            text = tr("%1, leaving %n item(s)", *event.depth).arg(text);
        return text;
    }
    case WalkthroughEvent::Kind::ProcessEnded:
        return (past ? tr("%1 ended") : tr("%1 ends")).arg(event.process);
    case WalkthroughEvent::Kind::RunFinished:
        return past ? tr("the run was over") : tr("the run is over");
    case WalkthroughEvent::Kind::Statement:
        return (past ? tr("Main began the statement on line %1") : tr("Main begins the statement on line %1"))
            .arg(event.line);
    case WalkthroughEvent::Kind::PoolTask: {
        const QString &phase = event.op;
        if (event.task) {
            const QString task = QString::number(*event.task);
            if (phase == QLatin1String("started"))
                return (past ? tr("pool task %1 started") : tr("pool task %1 starts")).arg(task);
            if (phase == QLatin1String("finished"))
                return (past ? tr("pool task %1 finished") : tr("pool task %1 finishes")).arg(task);
            if (phase == QLatin1String("failed"))
                return (past ? tr("pool task %1 failed") : tr("pool task %1 fails")).arg(task);
            return (past ? tr("pool task %1 was lost") : tr("pool task %1 is lost")).arg(task);
        }
        if (phase == QLatin1String("started"))
            return past ? tr("a pool task started") : tr("a pool task starts");
        if (phase == QLatin1String("finished"))
            return past ? tr("a pool task finished") : tr("a pool task finishes");
        if (phase == QLatin1String("failed"))
            return past ? tr("a pool task failed") : tr("a pool task fails");
        return past ? tr("a pool task was lost") : tr("a pool task is lost");
    }
    }
    return {};
}

bool isDepthOp(int op)
{
    switch (static_cast<Protocol::IpcOp>(op)) {
    case Protocol::IpcOp::Put:
    case Protocol::IpcOp::Get:
    case Protocol::IpcOp::Send:
    case Protocol::IpcOp::Recv: return true;
    default: return false;
    }
}

QString secondsText(double seconds)
{
    return tr("%1 s").arg(QLocale().toString(seconds, 'f', 2));
}

} // namespace

QString describeEvent(const WalkthroughEvent &event)
{
    return describe(event, false);
}

QString describeMissedEvent(const WalkthroughEvent &event)
{
    return describe(event, true);
}

bool walkthroughEventMatches(const WalkthroughEvent &wanted, const RunEvent &event, const RunRecord &record)
{
    // The cheap fields first: the record scans for names run only for a candidate event.
    switch (wanted.kind) {
    case WalkthroughEvent::Kind::Output:
        return event.kind == EventKind::Output && event.text == wanted.text
               && roleOf(record, event.process) == wanted.process;
    case WalkthroughEvent::Kind::Ipc:
        if (event.kind != EventKind::IpcOperation || ipcOpName(event.op) != wanted.op)
            return false;
        if (wanted.depth && (!isDepthOp(event.op) || event.count != *wanted.depth))
            return false;
        if (!wanted.process.isEmpty() && roleOf(record, event.process) != wanted.process)
            return false;
        return objectNameOf(record, event.object) == wanted.object;
    case WalkthroughEvent::Kind::ProcessEnded:
        return event.kind == EventKind::StateChanged && isEndState(event.state)
               && roleOf(record, event.process) == wanted.process;
    case WalkthroughEvent::Kind::RunFinished:
        return event.kind == EventKind::RunFinished;
    case WalkthroughEvent::Kind::Statement:
        return event.kind == EventKind::ScriptStep && event.process == mainProcessId && event.sourceLine == wanted.line;
    case WalkthroughEvent::Kind::PoolTask:
        return event.kind == EventKind::PoolTask && poolTaskPhaseName(event.op) == wanted.op
               && (!wanted.task || event.count == *wanted.task);
    }
    return false;
}

PredictionOutcome evaluatePrediction(const WalkthroughPrediction &prediction, std::optional<int> choice,
                                     std::optional<double> number, const RunRecord &record)
{
    PredictionOutcome outcome;
    const QList<RunEvent> &events = record.events();
    if (prediction.kind == WalkthroughPrediction::Kind::Choice) {
        outcome.answered = choice.has_value();
        if (prediction.measure == WalkthroughPrediction::Measure::FirstOutput) {
            // The first line printed that one of the choices stands for: a line no choice is
            // about (a banner, a worker's other output) does not decide the question.
            for (const RunEvent &event : events) {
                if (event.kind != EventKind::Output || event.stream != OutputStream::StdOut)
                    continue;
                const qsizetype index = prediction.choiceMatches.indexOf(event.text);
                if (index >= 0) {
                    outcome.measured = true;
                    outcome.actualChoice = static_cast<int>(index);
                    outcome.actualText = event.text;
                    break;
                }
            }
        } else {
            outcome.measured = prediction.answerChoice >= 0 && prediction.answerChoice < prediction.choices.size();
            outcome.actualChoice = prediction.answerChoice;
            if (outcome.measured)
                outcome.actualText = prediction.choices.at(prediction.answerChoice).text(chineseUi());
        }
        outcome.right = outcome.answered && outcome.measured && *choice == outcome.actualChoice;
        return outcome;
    }

    outcome.answered = number.has_value();
    switch (prediction.measure) {
    case WalkthroughPrediction::Measure::RunSeconds: {
        std::optional<qint64> startNs;
        std::optional<qint64> endNs;
        for (const RunEvent &event : events) {
            if (event.kind == EventKind::RunStarted && !startNs)
                startNs = event.timeNs;
            else if (event.kind == EventKind::RunFinished)
                endNs = event.timeNs;
        }
        if (startNs && endNs) {
            outcome.measured = true;
            outcome.actualNumber = static_cast<double>(*endNs - *startNs) / 1e9;
            outcome.actualText = secondsText(outcome.actualNumber);
        }
        break;
    }
    case WalkthroughPrediction::Measure::OutputNumber: {
        static const QRegularExpression leadingNumber(QStringLiteral("^\\s*([-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?)"));
        const std::optional<int> process = processNamed(record, prediction.process);
        for (qsizetype i = 0; process && i < events.size(); ++i) {
            const RunEvent &event = events.at(i);
            if (event.kind != EventKind::Output || event.process != *process || !event.text.startsWith(prediction.prefix))
                continue;
            const QRegularExpressionMatch match = leadingNumber.match(event.text.mid(prediction.prefix.size()));
            bool ok = false;
            const double value = match.hasMatch() ? match.captured(1).toDouble(&ok) : 0;
            if (ok && std::isfinite(value)) {
                outcome.measured = true;
                outcome.actualNumber = value;
                outcome.actualText = match.captured(1);
            } else {
                outcome.actualText = event.text; // the line is there, without a number after the prefix
            }
            break;
        }
        break;
    }
    case WalkthroughPrediction::Measure::Fixed:
    case WalkthroughPrediction::Measure::FirstOutput:
        outcome.measured = true;
        outcome.actualNumber = prediction.answerNumber;
        outcome.actualText = QLocale().toString(prediction.answerNumber);
        break;
    }
    outcome.right = outcome.answered && outcome.measured
                    && std::abs(*number - outcome.actualNumber) <= prediction.tolerance + 1e-9;
    return outcome;
}

} // namespace ProcessLab
