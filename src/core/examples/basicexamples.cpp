// SPDX-License-Identifier: MIT
#include "basicexamples.h"

#include <QtGlobal>

namespace ProcessLab {

namespace {

QList<KnobSpec> workerKnobs()
{
    KnobSpec workers;
    workers.name = QStringLiteral("workers");
    workers.type = KnobSpec::Type::Int;
    workers.defaultValue = 2;
    workers.minimum = 1;
    workers.maximum = 64;
    workers.label = QT_TRANSLATE_NOOP("ProcessLab::Knob", "Workers");
    workers.help = QT_TRANSLATE_NOOP("ProcessLab::Knob", "How many worker processes to start");

    KnobSpec sleep;
    sleep.name = QStringLiteral("sleep");
    sleep.type = KnobSpec::Type::Double;
    sleep.defaultValue = 2.0;
    sleep.minimum = 0.0;
    sleep.maximum = 60.0;
    sleep.decimals = 2;
    sleep.label = QT_TRANSLATE_NOOP("ProcessLab::Knob", "Sleep (s)");
    sleep.help = QT_TRANSLATE_NOOP("ProcessLab::Knob", "Seconds each worker sleeps (time.sleep)");
    return {workers, sleep};
}

// The Python listing names two processes; worker i > 2 borrows the line of process2, and
// the step's text shows the statement as it would read for that worker.
struct BasicScriptShape
{
    QString behaviour;
    QString createStatement; // with %1 = process number
};

HostScript buildBasicScript(const QVariantMap &knobs, const SourceListing &python,
                            const BasicScriptShape &shape)
{
    const int workers = knobs.value(QStringLiteral("workers")).toInt();
    const double sleepSeconds = knobs.value(QStringLiteral("sleep")).toDouble();

    const auto lineFor = [&python](const QString &pattern, int i) {
        return python.lineOf(pattern.arg(qMin(i, 2)));
    };

    HostScript script;
    for (int i = 1; i <= workers; ++i) {
        WorkerSpec spec;
        spec.id = i;
        spec.role = QStringLiteral("Worker %1").arg(i);
        spec.behaviour = shape.behaviour;
        spec.arguments.insert(QLatin1StringView("num"), i);
        spec.arguments.insert(QLatin1StringView("sleep"), sleepSeconds);
        script.workers.append(spec);
    }
    const QString createPattern = QStringLiteral("process%1 = ");
    for (int i = 1; i <= workers; ++i) {
        script.steps.append({ScriptStep::Kind::Create, i, {}, lineFor(createPattern, i),
                             QStringLiteral("process%1 = ").arg(i) + shape.createStatement.arg(i)});
    }
    for (int i = 1; i <= workers; ++i) {
        script.steps.append({ScriptStep::Kind::Start, i, {}, lineFor(QStringLiteral("process%1.start()"), i),
                             QStringLiteral("process%1.start()").arg(i)});
    }
    for (int i = 1; i <= workers; ++i) {
        script.steps.append({ScriptStep::Kind::Join, i, {}, lineFor(QStringLiteral("process%1.join()"), i),
                             QStringLiteral("process%1.join()").arg(i)});
    }
    const int printLine = python.lineOf(QStringLiteral("print(\"All processes finished\")"));
    script.steps.append({ScriptStep::Kind::Print, 0, QStringLiteral("All processes finished"), printLine,
                         python.line(printLine)});
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
    e.traceLines = {
        {QStringLiteral("started"), QStringLiteral("print(f\"Worker {num} started\")")},
        {QStringLiteral("sleep"), QStringLiteral("time.sleep(")},
        {QStringLiteral("finished"), QStringLiteral("print(f\"Worker {num} finished\")")},
    };
    e.buildScript = [](const QVariantMap &knobs, const SourceListing &python) {
        return buildBasicScript(knobs, python,
                                {QStringLiteral("process.worker"),
                                 QStringLiteral("multiprocessing.Process(target=worker, args=(%1,))")});
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
    e.traceLines = {
        {QStringLiteral("started"), QStringLiteral("print(f\"Worker {self.num} started\")")},
        {QStringLiteral("sleep"), QStringLiteral("time.sleep(")},
        {QStringLiteral("finished"), QStringLiteral("print(f\"Worker {self.num} finished\")")},
    };
    e.buildScript = [](const QVariantMap &knobs, const SourceListing &python) {
        return buildBasicScript(knobs, python,
                                {QStringLiteral("subclass.MyProcess"), QStringLiteral("MyProcess(%1)")});
    };
    return e;
}

} // namespace ProcessLab
