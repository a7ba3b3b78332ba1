// SPDX-License-Identifier: MIT
#include "poolexamples.h"

#include "poolprograms.h"

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
                                  "lost and a new worker runs the rest; 0 = off")),
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
    return e;
}

} // namespace ProcessLab
