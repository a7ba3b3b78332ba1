// SPDX-License-Identifier: MIT
#include "basicexamples.h"

#include "basicprograms.h"

#include <QtGlobal>

namespace ProcessLab {

KnobSpec workersKnob()
{
    return KnobSpec::integer("workers", 2, 1, 64, QT_TRANSLATE_NOOP("ProcessLab::Knob", "Workers"),
                             QT_TRANSLATE_NOOP("ProcessLab::Knob", "How many worker processes to start"));
}

namespace {

const QString computeWork = QStringLiteral("compute");
const QString joinAfterEachStart = QStringLiteral("after-each-start");

QList<KnobSpec> workerKnobs()
{
    return {workersKnob(),
            // Named "sleep" for the CLI (--sleep) and saved settings; the label fits both kinds of work.
            KnobSpec::decimal("sleep", 2.0, 0.0, 60.0, 2, QT_TRANSLATE_NOOP("ProcessLab::Knob", "Seconds"),
                              QT_TRANSLATE_NOOP("ProcessLab::Knob",
                                                "Seconds each worker sleeps (time.sleep) or computes (keeps a CPU "
                                                "core busy), as Work says")),
            KnobSpec::choice("work", "sleep",
                             {{QStringLiteral("sleep"), QT_TRANSLATE_NOOP("ProcessLab::Knob", "sleep")},
                              {computeWork, QT_TRANSLATE_NOOP("ProcessLab::Knob", "compute")}},
                             QT_TRANSLATE_NOOP("ProcessLab::Knob", "Work"),
                             QT_TRANSLATE_NOOP("ProcessLab::Knob",
                                               "What each worker does for its seconds: sleep, or keep a CPU core busy")),
            // A trap to stage: join() right after each start() makes the processes run one at a time.
            KnobSpec::choice("joins", "after-starts",
                             {{QStringLiteral("after-starts"), QT_TRANSLATE_NOOP("ProcessLab::Knob", "after all starts")},
                              {joinAfterEachStart, QT_TRANSLATE_NOOP("ProcessLab::Knob", "after each start")}},
                             QT_TRANSLATE_NOOP("ProcessLab::Knob", "Joins"),
                             QT_TRANSLATE_NOOP("ProcessLab::Knob",
                                               "When the main program calls join(): after starting every process "
                                               "(they run side by side), or right after each start (they run one "
                                               "at a time: N times as long)"))};
}

int workerCount(const QVariantMap &knobs)
{
    return knobs.value(QStringLiteral("workers")).toInt();
}

double sleepSeconds(const QVariantMap &knobs)
{
    return knobs.value(QStringLiteral("sleep")).toDouble();
}

WorkerWork workerWork(const QVariantMap &knobs)
{
    return knobs.value(QStringLiteral("work")).toString() == computeWork ? WorkerWork::Compute : WorkerWork::Sleep;
}

// Create all, start all, join all, print (joins=after-each-start: create all, then start and
// join each in turn): each step names the line of the generated program it stands for, with
// the loop variable's value when that line is in a loop.
JoinOrder joinOrder(const QVariantMap &knobs)
{
    return knobs.value(QStringLiteral("joins")).toString() == joinAfterEachStart ? JoinOrder::AfterEachStart
                                                                                 : JoinOrder::AfterStarts;
}

HostScript buildBasicScript(const QVariantMap &knobs, const PythonProgram &python, const QString &behaviour)
{
    const auto stepAt = [&python](ScriptStep::Kind kind, int worker, const ProgramStatement &statement,
                                  const QString &printed = {}) {
        return ScriptStep{kind, worker, printed, statement.line, python.listing.line(statement.line),
                          statement.context};
    };

    HostScript script;
    const auto workers = static_cast<int>(python.workers.size());
    for (int i = 1; i <= workers; ++i) {
        WorkerSpec spec;
        spec.id = i;
        spec.role = QStringLiteral("Worker %1").arg(i);
        spec.behaviour = behaviour;
        spec.arguments.insert(QLatin1StringView("num"), i);
        spec.arguments.insert(QLatin1StringView("sleep"), sleepSeconds(knobs));
        if (workerWork(knobs) == WorkerWork::Compute)
            spec.arguments.insert(QLatin1StringView("work"), computeWork);
        script.workers.append(spec);
    }
    for (int i = 1; i <= workers; ++i)
        script.steps.append(stepAt(ScriptStep::Kind::Create, i, python.workers.at(i - 1).create));
    if (joinOrder(knobs) == JoinOrder::AfterEachStart) {
        for (int i = 1; i <= workers; ++i) {
            script.steps.append(stepAt(ScriptStep::Kind::Start, i, python.workers.at(i - 1).start));
            script.steps.append(stepAt(ScriptStep::Kind::Join, i, python.workers.at(i - 1).join));
        }
    } else {
        for (int i = 1; i <= workers; ++i)
            script.steps.append(stepAt(ScriptStep::Kind::Start, i, python.workers.at(i - 1).start));
        for (int i = 1; i <= workers; ++i)
            script.steps.append(stepAt(ScriptStep::Kind::Join, i, python.workers.at(i - 1).join));
    }
    script.steps.append(stepAt(ScriptStep::Kind::Print, 0, python.finalPrint, QStringLiteral("All processes finished")));
    return script;
}

} // namespace

ExampleDefinition processExample()
{
    ExampleDefinition e;
    e.id = QStringLiteral("process");
    e.group = ExampleGroup::Basics;
    e.titleEn = QStringLiteral("Creating processes with Process");
    e.titleZh = QStringLiteral("示例1:使用 Process 类创建新的进程");
    e.summaryEn = QStringLiteral("Process(target=worker, args=(n,)): start every worker, then join them all.");
    e.summaryZh = QStringLiteral("用 Process(target=worker, args=(n,)) 创建进程,先全部 start(),再逐个 join()。");
    e.knobs = workerKnobs();
    e.pythonResource = QStringLiteral(":/examples/process.py");
    e.cppResource = QStringLiteral(":/examples/basic_behaviours.cpp");
    e.generatePython = [](const QVariantMap &knobs) {
        return processProgram(workerCount(knobs), sleepSeconds(knobs), workerWork(knobs), joinOrder(knobs));
    };
    e.buildScript = [](const QVariantMap &knobs, const PythonProgram &python) {
        return buildBasicScript(knobs, python, QStringLiteral("process.worker"));
    };
    return e;
}

ExampleDefinition subclassExample()
{
    ExampleDefinition e;
    e.id = QStringLiteral("subclass");
    e.group = ExampleGroup::Basics;
    e.titleEn = QStringLiteral("Subclass of Process with run()");
    e.titleZh = QStringLiteral("示例2:继承 multiprocessing.Process");
    e.summaryEn = QStringLiteral("class MyProcess(Process) overrides run(); same output as Example 1.");
    e.summaryZh = QStringLiteral("MyProcess 继承 Process 并重写 run(),输出与示例1相同。");
    e.knobs = workerKnobs();
    e.pythonResource = QStringLiteral(":/examples/subclass.py");
    e.cppResource = QStringLiteral(":/examples/basic_behaviours.cpp");
    e.generatePython = [](const QVariantMap &knobs) {
        return subclassProgram(workerCount(knobs), sleepSeconds(knobs), workerWork(knobs), joinOrder(knobs));
    };
    e.buildScript = [](const QVariantMap &knobs, const PythonProgram &python) {
        return buildBasicScript(knobs, python, QStringLiteral("subclass.MyProcess"));
    };
    return e;
}

} // namespace ProcessLab
