// SPDX-License-Identifier: MIT
#include "poolexamples.h"

#include "poolprograms.h"

#include <QCborArray>
#include <QtGlobal>

namespace ProcessLab {

namespace {

KnobSpec processesKnob()
{
    return KnobSpec::integer("processes", 2, 1, 64, QT_TRANSLATE_NOOP("ProcessLab::Knob", "Processes"),
                   QT_TRANSLATE_NOOP("ProcessLab::Knob", "Pool(processes): how many worker processes the pool starts"));
}

QList<KnobSpec> poolKnobs()
{
    return {
        processesKnob(),
        KnobSpec::integer("tasks", 2, 1, 100000, QT_TRANSLATE_NOOP("ProcessLab::Knob", "Tasks"),
                QT_TRANSLATE_NOOP("ProcessLab::Knob", "How many tasks are submitted with apply_async")),
        KnobSpec::decimal("sleep", 2.0, 0.0, 60.0, 2, QT_TRANSLATE_NOOP("ProcessLab::Knob", "Sleep (s)"),
                          QT_TRANSLATE_NOOP("ProcessLab::Knob", "Seconds each task sleeps (time.sleep)")),
        KnobSpec::integer("maxtasksperchild", 0, 0, 1000, QT_TRANSLATE_NOOP("ProcessLab::Knob", "Tasks per worker"),
                QT_TRANSLATE_NOOP("ProcessLab::Knob",
                                  "Pool(maxtasksperchild): a worker is replaced by a new process after this many "
                                  "tasks; 0 = it lives as long as the pool")),
        // Fault injection for demos and tests: the Python program has no such line.
        KnobSpec::integer("kill-worker-after", 0, 0, 600000, QT_TRANSLATE_NOOP("ProcessLab::Knob", "Kill a worker after (ms)"),
                QT_TRANSLATE_NOOP("ProcessLab::Knob",
                                  "Fault injection by ProcessLab, not part of the Python program: after this many "
                                  "milliseconds, kill a pool worker that is running a task; the task is reported "
                                  "lost and a new worker runs the rest; 0 = off"))
            .asFault(),
    };
}

QList<KnobSpec> poolMapKnobs()
{
    return {
        processesKnob(),
        KnobSpec::integer("items", 10, 0, 1000000, QT_TRANSLATE_NOOP("ProcessLab::Knob", "Items"),
                QT_TRANSLATE_NOOP("ProcessLab::Knob", "pool.map(square, range(items)): how many numbers to square")),
        KnobSpec::integer("chunksize", 0, 0, 100000, QT_TRANSLATE_NOOP("ProcessLab::Knob", "Chunk size"),
                QT_TRANSLATE_NOOP("ProcessLab::Knob",
                                  "pool.map(chunksize): how many items a worker gets at once; 0 = Python's default "
                                  "rule")),
    };
}

PoolProgramOptions poolOptions(const QVariantMap &knobs)
{
    PoolProgramOptions options;
    options.processes = knobs.value(QStringLiteral("processes")).toInt();
    options.tasks = knobs.value(QStringLiteral("tasks")).toInt();
    options.sleep = knobs.value(QStringLiteral("sleep")).toDouble();
    options.maxtasksperchild = knobs.value(QStringLiteral("maxtasksperchild")).toInt();
    return options;
}

// ---- The main programs, as host scripts: every step names its line of the generated program.

ScriptStep stepAt(ScriptStep step, const PythonProgram &python, const QString &statement)
{
    const ProgramStatement where = python.statements.value(statement);
    Q_ASSERT_X(where.line > 0, "poolexamples", qPrintable(statement));
    return atLine(std::move(step), where.line, python.listing.line(where.line), where.context);
}

// pool = multiprocessing.Pool(processes=N[, maxtasksperchild=M]). killWorkerAfterMs > 0: the
// fault ProcessLab injects (PoolObject), an option of the object, not a Python argument.
ScriptStep createPoolStep(int processes, int maxtasksperchild, qint64 killWorkerAfterMs, const PythonProgram &python)
{
    QList<ScriptExpression> arguments{ScriptExpression::value(processes)};
    if (maxtasksperchild > 0)
        arguments.append(ScriptExpression::value(maxtasksperchild));
    ScriptStep step = createObjectStep(QStringLiteral("pool"), QStringLiteral("Pool"), arguments);
    if (killWorkerAfterMs > 0)
        step.options.insert(QLatin1StringView("killWorkerAfterMs"), killWorkerAfterMs);
    return stepAt(std::move(step), python, QStringLiteral("pool.create"));
}

void addCloseAndJoin(HostScript &script, const PythonProgram &python)
{
    script.steps.append(stepAt(callStep(QStringLiteral("pool"), QStringLiteral("close")), python, QStringLiteral("close")));
    script.steps.append(stepAt(callStep(QStringLiteral("pool"), QStringLiteral("join")), python, QStringLiteral("join")));
}

HostScript buildPoolScript(const QVariantMap &knobs, const PythonProgram &python)
{
    const PoolProgramOptions options = poolOptions(knobs);
    HostScript script;
    script.steps.append(createPoolStep(options.processes, options.maxtasksperchild,
                                       knobs.value(QStringLiteral("kill-worker-after")).toLongLong(), python));
    // pool.apply_async(worker, (n,)): the worker's `worker` is pool.tutorial-worker (num, sleep).
    for (int n = 1; n <= options.tasks; ++n) {
        script.steps.append(stepAt(callStep(QStringLiteral("pool"), QStringLiteral("apply_async"),
                                            {ScriptExpression::value(QStringLiteral("pool.tutorial-worker")),
                                             ScriptExpression::value(QCborArray{n, options.sleep})}),
                                   python, QStringLiteral("apply.%1").arg(n)));
    }
    addCloseAndJoin(script, python);
    script.steps.append(stepAt(printStep({ScriptExpression::value(QStringLiteral("All processes finished"))}), python,
                               QStringLiteral("print.final")));
    return script;
}

HostScript buildPoolMapScript(const QVariantMap &knobs, const PythonProgram &python)
{
    const int chunksize = knobs.value(QStringLiteral("chunksize")).toInt();
    HostScript script;
    script.steps.append(createPoolStep(knobs.value(QStringLiteral("processes")).toInt(), 0, 0, python));
    // results = pool.map(square, range(items)[, chunksize]): an int n is range(n); None: Python's rule.
    script.steps.append(stepAt(callStep(QStringLiteral("pool"), QStringLiteral("map"),
                                        {ScriptExpression::value(QStringLiteral("square")),
                                         ScriptExpression::value(knobs.value(QStringLiteral("items")).toInt()),
                                         ScriptExpression::value(chunksize > 0 ? QCborValue(chunksize)
                                                                               : QCborValue(nullptr))},
                                        QStringLiteral("results")),
                               python, QStringLiteral("map")));
    script.steps.append(stepAt(printStep({ScriptExpression::variable(QStringLiteral("results"))}), python,
                               QStringLiteral("print.results")));
    addCloseAndJoin(script, python);
    return script;
}

} // namespace

ExampleDefinition poolExample()
{
    ExampleDefinition e;
    e.id = QStringLiteral("pool");
    e.group = ExampleGroup::Pool;
    e.titleEn = QStringLiteral("Running tasks in a process pool");
    e.titleZh = QStringLiteral("示例:使用进程池执行任务");
    e.summaryEn = QStringLiteral("multiprocessing.Pool starts its worker processes once and reuses them: "
                                 "apply_async submits tasks, close and join wait until all are done.");
    e.summaryZh = QStringLiteral("multiprocessing.Pool 创建进程池,池中的进程被重复使用:apply_async() 提交异步任务,"
                                 "close() 和 join() 等待所有任务完成。");
    e.knobs = poolKnobs();
    e.pythonResource = QStringLiteral(":/examples/pool.py");
    e.cppResource = QStringLiteral(":/examples/pool_behaviours.cpp");
    e.generatePython = [](const QVariantMap &knobs) { return poolProgram(poolOptions(knobs)); };
    e.buildScript = buildPoolScript;
    return e;
}

ExampleDefinition poolMapExample()
{
    ExampleDefinition e;
    e.id = QStringLiteral("pool-map");
    e.group = ExampleGroup::Pool;
    e.titleEn = QStringLiteral("Mapping a function over a process pool");
    e.titleZh = QStringLiteral("示例:使用进程池的 map 方法");
    e.summaryEn = QStringLiteral("pool.map(square, range(10)) hands the numbers to the pool's processes in chunks "
                                 "and returns the squares in their original order.");
    e.summaryZh = QStringLiteral("pool.map(square, range(10)) 把数字分块交给进程池中的进程计算,"
                                 "按原来的顺序返回它们的平方。");
    e.knobs = poolMapKnobs();
    e.pythonResource = QStringLiteral(":/examples/pool-map.py");
    e.listingFromTutorial = false; // the tutorial shows only apply_async; this listing is ProcessLab's own
    e.cppResource = QStringLiteral(":/examples/pool_behaviours.cpp");
    e.generatePython = [](const QVariantMap &knobs) {
        return poolMapProgram(knobs.value(QStringLiteral("processes")).toInt(),
                              knobs.value(QStringLiteral("items")).toInt(),
                              knobs.value(QStringLiteral("chunksize")).toInt());
    };
    e.buildScript = buildPoolMapScript;
    return e;
}

} // namespace ProcessLab
