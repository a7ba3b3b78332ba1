// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>

namespace ProcessLab {

// A text in both languages of the app, side by side in one file so they cannot drift apart.
struct LocalizedText
{
    QString en;
    QString zhCN;
    const QString &text(bool chinese) const { return chinese ? zhCN : en; }
};

// What a step points at on the real widgets (docs/walkthroughs.md, "show").
struct WalkthroughShow
{
    int firstCodeLine = 0; // 1-based lines of the Python listing for the knobs in effect; 0: none
    int lastCodeLine = 0;
    QStringList panes;        // process roles ("Main", "Worker 2")
    QStringList timelineRows; // process roles
    QStringList knobs;        // knob names of the example
    QString tab;              // "timeline", "console", "queue", ... (walkthroughTabs())
};

// Something the run must record before a run-until action is done; matched against the
// RunRecord's events (docs/walkthroughs.md, "Events").
struct WalkthroughEvent
{
    enum class Kind { Output, Ipc, ProcessEnded, RunFinished, Statement, PoolTask };
    Kind kind = Kind::Output;
    QString process;          // Output (required), Ipc and ProcessEnded (optional/required)
    QString text;             // Output: the line, exactly
    QString object;           // Ipc: the object's name in the program ("queue")
    QString op;               // Ipc: put, get, send, recv, read, write, acquire, release, blocked,
                              // close, failed; PoolTask: started, finished, failed, lost
    std::optional<int> depth; // Ipc: items/messages left after the operation
    int line = 0;             // Statement: the listing line main begins
    std::optional<qint64> task; // PoolTask: the task number (from 1); none: any task
};

struct WalkthroughAction
{
    enum class Kind { None, SelectExample, SetKnobs, Run, Step, RunUntil, Pause, Stop };
    Kind kind = Kind::None;
    QString example;     // SelectExample
    QVariantMap knobs;   // SetKnobs: the values given (resolved against the example when loaded)
    WalkthroughEvent until; // RunUntil
};

// A question answered before the step's action and compared with what the run shows.
struct WalkthroughPrediction
{
    enum class Kind { Choice, Number };
    // How the answer is compared with the run: Fixed against `answer`; RunSeconds against the
    // run's wall time; FirstOutput: the choice whose `match` is the first Output line printed;
    // OutputNumber: the number after `prefix` in the first line `process` prints starting with it.
    enum class Measure { Fixed, RunSeconds, FirstOutput, OutputNumber };
    Kind kind = Kind::Choice;
    Measure measure = Measure::Fixed;
    LocalizedText question;
    QList<LocalizedText> choices; // Choice
    QStringList choiceMatches;    // Choice with FirstOutput: the output line each choice stands for
    int answerChoice = -1;        // Choice with Fixed: 0-based
    double answerNumber = 0;      // Number
    double tolerance = 0;         // Number: |guess - value| <= tolerance counts as right
    QString process;              // Number with OutputNumber: who prints the number ("Main")
    QString prefix;               // Number with OutputNumber: the text before it ("Counter: ")
    LocalizedText explanation;
};

struct WalkthroughStep
{
    LocalizedText narration; // limited rich text: <b> <i> <code> <br>
    WalkthroughShow show;
    WalkthroughAction action;
    std::optional<WalkthroughPrediction> prediction;
    QVariantMap knobs; // the example's resolved knobs in effect after this step's action
    int sourceLine = 0; // the step's line in its file (for messages)
};

struct Walkthrough
{
    QString id;
    LocalizedText title;
    QString example;
    QVariantMap knobs; // resolved: every knob of the example
    QList<WalkthroughStep> steps;
};

struct WalkthroughLoadResult
{
    std::optional<Walkthrough> walkthrough;
    QString error; // "<file>:<line>: <field>: <what is wrong>" when walkthrough is empty
};

// The tab names a step may show.
const QStringList &walkthroughTabs();

// Parses and validates a walkthrough against the registered examples: the example exists,
// knobs resolve, code lines exist in the listing for the knobs in effect, processes and
// objects named exist, both languages are present everywhere. fileName is used in messages.
WalkthroughLoadResult parseWalkthrough(const QByteArray &json, const QString &fileName);
WalkthroughLoadResult loadWalkthrough(const QString &path);

} // namespace ProcessLab
