// SPDX-License-Identifier: MIT
#include "walkthroughmatch.h"

#include "protocol/protocol.h"
#include "record/processrolename.h"
#include "record/runrecord.h"
#include "record/runsummary.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace ProcessLab {

namespace {

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

// The present ("Worker 2 prints …": what the panel waits for) and the past ("Worker 2 printed
// …": what a run ended without) of each description, marked for lupdate.
struct Tenses
{
    const char *present;
    const char *past;
};
constexpr char context[] = "ProcessLab::Walkthrough";
constexpr Tenses outputText{QT_TRANSLATE_NOOP("ProcessLab::Walkthrough", "%1 prints “%2”"),
                            QT_TRANSLATE_NOOP("ProcessLab::Walkthrough", "%1 printed “%2”")};
constexpr Tenses ipcText{QT_TRANSLATE_NOOP("ProcessLab::Walkthrough", "a “%1” on %2 happens"),
                         QT_TRANSLATE_NOOP("ProcessLab::Walkthrough", "a “%1” on %2 happened")};
constexpr Tenses ipcByText{QT_TRANSLATE_NOOP("ProcessLab::Walkthrough", "%1 does “%2” on %3"),
                           QT_TRANSLATE_NOOP("ProcessLab::Walkthrough", "%1 did “%2” on %3")};
constexpr Tenses endedText{QT_TRANSLATE_NOOP("ProcessLab::Walkthrough", "%1 ends"),
                           QT_TRANSLATE_NOOP("ProcessLab::Walkthrough", "%1 ended")};
constexpr Tenses runOverText{QT_TRANSLATE_NOOP("ProcessLab::Walkthrough", "the run is over"),
                             QT_TRANSLATE_NOOP("ProcessLab::Walkthrough", "the run was over")};
constexpr Tenses statementText{QT_TRANSLATE_NOOP("ProcessLab::Walkthrough", "Main begins the statement on line %1"),
                               QT_TRANSLATE_NOOP("ProcessLab::Walkthrough", "Main began the statement on line %1")};
// Pool tasks by phase (started, finished, failed, lost): one task, then any task.
constexpr Tenses poolTaskText[] = {
    {QT_TRANSLATE_NOOP("ProcessLab::Walkthrough", "pool task %1 starts"),
     QT_TRANSLATE_NOOP("ProcessLab::Walkthrough", "pool task %1 started")},
    {QT_TRANSLATE_NOOP("ProcessLab::Walkthrough", "pool task %1 finishes"),
     QT_TRANSLATE_NOOP("ProcessLab::Walkthrough", "pool task %1 finished")},
    {QT_TRANSLATE_NOOP("ProcessLab::Walkthrough", "pool task %1 fails"),
     QT_TRANSLATE_NOOP("ProcessLab::Walkthrough", "pool task %1 failed")},
    {QT_TRANSLATE_NOOP("ProcessLab::Walkthrough", "pool task %1 is lost"),
     QT_TRANSLATE_NOOP("ProcessLab::Walkthrough", "pool task %1 was lost")},
};
constexpr Tenses anyPoolTaskText[] = {
    {QT_TRANSLATE_NOOP("ProcessLab::Walkthrough", "a pool task starts"),
     QT_TRANSLATE_NOOP("ProcessLab::Walkthrough", "a pool task started")},
    {QT_TRANSLATE_NOOP("ProcessLab::Walkthrough", "a pool task finishes"),
     QT_TRANSLATE_NOOP("ProcessLab::Walkthrough", "a pool task finished")},
    {QT_TRANSLATE_NOOP("ProcessLab::Walkthrough", "a pool task fails"),
     QT_TRANSLATE_NOOP("ProcessLab::Walkthrough", "a pool task failed")},
    {QT_TRANSLATE_NOOP("ProcessLab::Walkthrough", "a pool task is lost"),
     QT_TRANSLATE_NOOP("ProcessLab::Walkthrough", "a pool task was lost")},
};

QString say(const Tenses &tenses, bool past)
{
    return QCoreApplication::translate(context, past ? tenses.past : tenses.present);
}

QString describe(const WalkthroughEvent &event, bool past)
{
    switch (event.kind) {
    case WalkthroughEvent::Kind::Output:
        return say(outputText, past).arg(displayRoleName(event.process), event.text);
    case WalkthroughEvent::Kind::Ipc: {
        QString text = event.process.isEmpty() ? say(ipcText, past).arg(event.op, event.object)
                                               : say(ipcByText, past).arg(displayRoleName(event.process), event.op, event.object);
        if (event.depth)
            text = QCoreApplication::translate("ProcessLab::Walkthrough", "%1, leaving %n item(s)", nullptr, *event.depth)
                       .arg(text);
        return text;
    }
    case WalkthroughEvent::Kind::ProcessEnded:
        return say(endedText, past).arg(displayRoleName(event.process));
    case WalkthroughEvent::Kind::RunFinished:
        return say(runOverText, past);
    case WalkthroughEvent::Kind::Statement:
        return say(statementText, past).arg(event.line);
    case WalkthroughEvent::Kind::PoolTask: {
        static const QStringList phases = {QStringLiteral("started"), QStringLiteral("finished"),
                                           QStringLiteral("failed"), QStringLiteral("lost")};
        const qsizetype phase = std::max<qsizetype>(phases.indexOf(event.op), 0);
        return event.task ? say(poolTaskText[phase], past).arg(*event.task) : say(anyPoolTaskText[phase], past);
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
    return QCoreApplication::translate("ProcessLab::Walkthrough", "%1 s").arg(QLocale().toString(seconds, 'f', 2));
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

namespace {

// "output-number": the number after `prefix` in the first line `process` prints starting with
// it. Not measured when there is no such line or no number after the prefix (then actualText
// is the line, if any).
void measureOutputNumber(const WalkthroughPrediction &prediction, const RunRecord &record, PredictionOutcome &outcome)
{
    static const QRegularExpression leadingNumber(QStringLiteral("^\\s*([-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?)"));
    const QList<RunEvent> &events = record.events();
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
        return;
    }
}

} // namespace

PredictionOutcome evaluatePrediction(const WalkthroughPrediction &prediction, std::optional<int> choice,
                                     std::optional<double> number, const RunRecord &record)
{
    PredictionOutcome outcome;
    const QList<RunEvent> &events = record.events();
    if (prediction.kind == WalkthroughPrediction::Kind::Choice) {
        outcome.answered = choice.has_value();
        if (prediction.measure == WalkthroughPrediction::Measure::OutputNumber) {
            // The choice that says how the printed number compares with `answer` (± tolerance).
            measureOutputNumber(prediction, record, outcome);
            if (outcome.measured) {
                const double difference = outcome.actualNumber - prediction.answerNumber;
                const QString relation = difference < -prediction.tolerance - 1e-9  ? QStringLiteral("below")
                                         : difference > prediction.tolerance + 1e-9 ? QStringLiteral("above")
                                                                                    : QStringLiteral("equal");
                outcome.actualChoice = static_cast<int>(prediction.choiceMatches.indexOf(relation));
                outcome.measured = outcome.actualChoice >= 0; // no choice stands for it: the number is shown
            }
        } else if (prediction.measure == WalkthroughPrediction::Measure::FirstOutput) {
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
        // The wall time every view shows (RunSummary::wallMs(): RunStarted to RunFinished); the
        // fold needs only those two events, so a flood of output is not summarized for it.
        RunSummaryBuilder wallTime;
        for (const RunEvent &event : events)
            if (event.kind == EventKind::RunStarted || event.kind == EventKind::RunFinished)
                wallTime.consume(event);
        const double wallMs = wallTime.summary().wallMs();
        if (wallMs >= 0) {
            outcome.measured = true;
            outcome.actualNumber = wallMs / 1000.0;
            outcome.actualText = secondsText(outcome.actualNumber);
        }
        break;
    }
    case WalkthroughPrediction::Measure::OutputNumber:
        measureOutputNumber(prediction, record, outcome);
        break;
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
