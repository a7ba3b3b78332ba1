// SPDX-License-Identifier: MIT
#include "ipcexamples.h"

#include "basicexamples.h"
#include "ipcprograms.h"

#include <QtGlobal>

namespace ProcessLab {

namespace {

const QString consumersAfterJoin = QStringLiteral("after-join");

QList<KnobSpec> queueKnobs()
{
    return {
        KnobSpec::integer("producers", 1, 1, 16, QT_TRANSLATE_NOOP("ProcessLab::Knob", "Producers"),
                QT_TRANSLATE_NOOP("ProcessLab::Knob", "How many producer processes put items into the queue")),
        KnobSpec::integer("consumers", 1, 1, 16, QT_TRANSLATE_NOOP("ProcessLab::Knob", "Consumers"),
                QT_TRANSLATE_NOOP("ProcessLab::Knob", "How many consumer processes get items from the queue")),
        KnobSpec::integer("items", 5, 0, 1000000, QT_TRANSLATE_NOOP("ProcessLab::Knob", "Items per producer"),
                QT_TRANSLATE_NOOP("ProcessLab::Knob", "How many items each producer puts")),
        KnobSpec::integer("maxsize", 0, 0, 100000, QT_TRANSLATE_NOOP("ProcessLab::Knob", "Queue size limit"),
                QT_TRANSLATE_NOOP("ProcessLab::Knob",
                                  "Queue(maxsize): a producer waits while the queue holds this many items; 0 = unbounded")),
        KnobSpec::decimal("delay", 0.0, 0.0, 10.0, 2, QT_TRANSLATE_NOOP("ProcessLab::Knob", "Delay (s)"),
                          QT_TRANSLATE_NOOP("ProcessLab::Knob", "Seconds each producer sleeps after each put (time.sleep)")),
        // Two traps to stage: the consumers never told to stop, and the producers joined
        // before anyone empties the queue.
        KnobSpec::boolean("sentinel", true, QT_TRANSLATE_NOOP("ProcessLab::Knob", "End marker (None)"),
                          QT_TRANSLATE_NOOP("ProcessLab::Knob",
                                            "Main puts one None per consumer to tell it to stop; off: the consumers "
                                            "wait in queue.get() for ever, until you stop the run")),
        KnobSpec::choice("consumers-start", "with-producers",
                         {{QStringLiteral("with-producers"), QT_TRANSLATE_NOOP("ProcessLab::Knob", "with the producers")},
                          {consumersAfterJoin, QT_TRANSLATE_NOOP("ProcessLab::Knob", "after joining the producers")}},
                         QT_TRANSLATE_NOOP("ProcessLab::Knob", "Start consumers"),
                         QT_TRANSLATE_NOOP("ProcessLab::Knob",
                                           "When Main starts the consumers: with the producers, or only after the "
                                           "producers' join(). Then nobody empties the queue: once it is full, the "
                                           "producer waits for room and Main waits for the producer, until you stop "
                                           "the run (a deadlock)")),
    };
}

QueueProgramOptions queueOptions(const QVariantMap &knobs)
{
    QueueProgramOptions options;
    options.producers = knobs.value(QStringLiteral("producers")).toInt();
    options.consumers = knobs.value(QStringLiteral("consumers")).toInt();
    options.items = knobs.value(QStringLiteral("items")).toInt();
    options.maxsize = knobs.value(QStringLiteral("maxsize")).toInt();
    options.delay = knobs.value(QStringLiteral("delay")).toDouble();
    options.sentinel = knobs.value(QStringLiteral("sentinel"), true).toBool();
    options.consumersStart = knobs.value(QStringLiteral("consumers-start")).toString() == consumersAfterJoin
                                 ? QueueProgramOptions::ConsumersStart::AfterJoin
                                 : QueueProgramOptions::ConsumersStart::WithProducers;
    return options;
}

QList<KnobSpec> sharedKnobs()
{
    return {
        workersKnob(),
        // 1,000,000: two C++ workers overlap long enough for the lock-off run to lose updates
        // every time (at 10,000 one is done ~1 ms after it starts, before the other starts).
        KnobSpec::integer("increments", 1000000, 1, 10000000, QT_TRANSLATE_NOOP("ProcessLab::Knob", "Increments per worker"),
                QT_TRANSLATE_NOOP("ProcessLab::Knob", "How many times each worker adds 1 to the shared counter")),
        KnobSpec::boolean("lock", true, QT_TRANSLATE_NOOP("ProcessLab::Knob", "Lock"),
                          QT_TRANSLATE_NOOP("ProcessLab::Knob",
                                            "Hold counter.get_lock() around each increment; off shows lost updates")),
    };
}

// ---- The main programs, as host scripts: every step names its line of the generated program.

ScriptStep stepAt(ScriptStep step, const PythonProgram &python, const QString &statement)
{
    const ProgramStatement where = python.statements.value(statement);
    Q_ASSERT_X(where.line > 0, "ipcexamples", qPrintable(statement));
    return atLine(std::move(step), where.line, python.listing.line(where.line), where.context);
}

ScriptStep processStep(ScriptStep::Kind kind, int worker, const PythonProgram &python, const QString &statement)
{
    return stepAt(ScriptStep{kind, worker, {}, 0, {}, {}}, python, statement);
}

// "Producer" when there is one, "Producer 2" when there are several.
QString roleName(const QString &role, int n, int count)
{
    return count == 1 ? role : QStringLiteral("%1 %2").arg(role).arg(n);
}

HostScript buildQueueScript(const QVariantMap &knobs, const PythonProgram &python)
{
    const QueueProgramOptions options = queueOptions(knobs);
    HostScript script;
    QList<ScriptExpression> queueArguments;
    if (options.maxsize > 0)
        queueArguments.append(ScriptExpression::value(options.maxsize));
    script.steps.append(stepAt(createObjectStep(QStringLiteral("queue"), QStringLiteral("Queue"), queueArguments),
                               python, QStringLiteral("queue.create")));
    const auto addWorker = [&](const QString &group, const QString &role, int n, int count, const QString &behaviour) {
        WorkerSpec spec;
        spec.id = static_cast<int>(script.workers.size()) + 1;
        spec.role = roleName(role, n, count);
        spec.behaviour = behaviour;
        spec.arguments.insert(QLatin1StringView("num"), n);
        spec.arguments.insert(QLatin1StringView("items"), options.items);
        spec.arguments.insert(QLatin1StringView("delay"), options.delay);
        spec.arguments.insert(QLatin1StringView("producers"), options.producers);
        spec.arguments.insert(QLatin1StringView("consumers"), options.consumers);
        spec.objects.insert(QStringLiteral("queue"), QStringLiteral("queue"));
        script.workers.append(spec);
        return std::pair<int, QString>{spec.id, group + QLatin1Char('.') + QString::number(n)};
    };
    QList<std::pair<int, QString>> producers, consumers;
    for (int n = 1; n <= options.producers; ++n)
        producers.append(addWorker(QStringLiteral("producer"), QStringLiteral("Producer"), n, options.producers,
                                   QStringLiteral("queue.producer")));
    for (int n = 1; n <= options.consumers; ++n)
        consumers.append(addWorker(QStringLiteral("consumer"), QStringLiteral("Consumer"), n, options.consumers,
                                   QStringLiteral("queue.consumer")));
    const auto addAll = [&](const QList<std::pair<int, QString>> &group, ScriptStep::Kind kind, const char *what) {
        for (const auto &[id, name] : group)
            script.steps.append(processStep(kind, id, python, name + QLatin1Char('.') + QLatin1StringView(what)));
    };
    addAll(producers, ScriptStep::Kind::Create, "create");
    addAll(consumers, ScriptStep::Kind::Create, "create");
    addAll(producers, ScriptStep::Kind::Start, "start");
    if (options.consumersStart == QueueProgramOptions::ConsumersStart::AfterJoin) {
        addAll(producers, ScriptStep::Kind::Join, "join");
        addAll(consumers, ScriptStep::Kind::Start, "start");
    } else {
        addAll(consumers, ScriptStep::Kind::Start, "start");
        addAll(producers, ScriptStep::Kind::Join, "join");
    }
    for (int n = 1; options.sentinel && n <= options.consumers; ++n) { // queue.put(None), one per consumer
        script.steps.append(stepAt(callStep(QStringLiteral("queue"), QStringLiteral("put"),
                                            {ScriptExpression::value(QCborValue(nullptr))}),
                                   python, QStringLiteral("sentinel.%1").arg(n)));
    }
    addAll(consumers, ScriptStep::Kind::Join, "join");
    script.steps.append(stepAt(printStep({ScriptExpression::value(QStringLiteral("All processes finished"))}), python,
                               QStringLiteral("print.final")));
    return script;
}

HostScript buildPipeScript(const QVariantMap &knobs, const PythonProgram &python)
{
    HostScript script;
    WorkerSpec sender;
    sender.id = 1;
    sender.role = QStringLiteral("Sender");
    sender.behaviour = QStringLiteral("pipe.worker");
    sender.arguments.insert(QLatin1StringView("messages"), knobs.value(QStringLiteral("messages")).toInt());
    sender.objects.insert(QStringLiteral("conn"), QStringLiteral("child_conn"));
    script.workers.append(sender);

    // parent_conn, child_conn = Pipe(); start; while True: msg = recv(); if None: break; print; join; print
    script.steps.append(stepAt(createObjectStep(QStringLiteral("parent_conn, child_conn"), QStringLiteral("Pipe")),
                               python, QStringLiteral("pipe.create")));
    script.steps.append(processStep(ScriptStep::Kind::Create, 1, python, QStringLiteral("sender.1.create")));
    script.steps.append(processStep(ScriptStep::Kind::Start, 1, python, QStringLiteral("sender.1.start")));
    const int loopStart = static_cast<int>(script.steps.size());
    const int breakStep = loopStart + 4;
    script.steps.append(stepAt(callStep(QStringLiteral("parent_conn"), QStringLiteral("recv"), {}, QStringLiteral("msg")),
                               python, QStringLiteral("recv")));
    script.steps.append(stepAt(jumpIfNoneStep(QStringLiteral("msg"), breakStep), python, QStringLiteral("recv.is-none")));
    script.steps.append(stepAt(printStep({ScriptExpression::value(QStringLiteral("Received:")),
                                          ScriptExpression::variable(QStringLiteral("msg"))}),
                               python, QStringLiteral("print.received")));
    // Back to `while True:`, the line above the loop's first statement.
    const int whileLine = python.statements.value(QStringLiteral("recv")).line - 1;
    script.steps.append(atLine(jumpStep(loopStart), whileLine, python.listing.line(whileLine)));
    script.steps.append(stepAt(jumpStep(breakStep + 1), python, QStringLiteral("recv.break")));
    script.steps.append(processStep(ScriptStep::Kind::Join, 1, python, QStringLiteral("sender.1.join")));
    script.steps.append(stepAt(printStep({ScriptExpression::value(QStringLiteral("All processes finished"))}), python,
                               QStringLiteral("print.final")));
    return script;
}

HostScript buildSharedScript(const QVariantMap &knobs, const PythonProgram &python)
{
    const int workers = knobs.value(QStringLiteral("workers")).toInt();
    const int increments = knobs.value(QStringLiteral("increments")).toInt();
    const bool lock = knobs.value(QStringLiteral("lock")).toBool();
    HostScript script;
    script.steps.append(stepAt(createObjectStep(QStringLiteral("counter"), QStringLiteral("Value"),
                                                {ScriptExpression::value(QStringLiteral("i")), ScriptExpression::value(0)}),
                               python, QStringLiteral("counter.create")));
    script.steps.append(stepAt(createObjectStep(QStringLiteral("results"), QStringLiteral("Array"),
                                                {ScriptExpression::value(QStringLiteral("i")),
                                                 ScriptExpression::value(workers)}),
                               python, QStringLiteral("results.create")));
    for (int n = 1; n <= workers; ++n) {
        WorkerSpec spec;
        spec.id = n;
        spec.role = QStringLiteral("Worker %1").arg(n);
        spec.behaviour = QStringLiteral("shared.worker");
        spec.arguments.insert(QLatin1StringView("num"), n);
        spec.arguments.insert(QLatin1StringView("increments"), increments);
        spec.arguments.insert(QLatin1StringView("lock"), lock);
        spec.objects.insert(QStringLiteral("counter"), QStringLiteral("counter"));
        spec.objects.insert(QStringLiteral("results"), QStringLiteral("results"));
        script.workers.append(spec);
    }
    for (const auto &[kind, what] : {std::pair{ScriptStep::Kind::Create, "create"},
                                     std::pair{ScriptStep::Kind::Start, "start"},
                                     std::pair{ScriptStep::Kind::Join, "join"}}) {
        for (int n = 1; n <= workers; ++n)
            script.steps.append(processStep(kind, n, python, QStringLiteral("worker.%1.%2").arg(n).arg(QLatin1StringView(what))));
    }
    const ScriptExpression value = ScriptExpression::read(QStringLiteral("counter"), QStringLiteral("value"));
    script.steps.append(stepAt(printStep({ScriptExpression::value(QStringLiteral("Final value:")), value}), python,
                               QStringLiteral("print.value")));
    script.steps.append(stepAt(printStep({ScriptExpression::value(QStringLiteral("Array:")),
                                          ScriptExpression::read(QStringLiteral("results"), QStringLiteral("[:]"))}),
                               python, QStringLiteral("print.array")));
    if (!lock) {
        // print("Lost updates:", N * K - counter.value)
        const ScriptExpression expected = ScriptExpression::binary(
            ScriptExpression::Kind::Multiply, ScriptExpression::value(workers), ScriptExpression::value(increments));
        script.steps.append(stepAt(printStep({ScriptExpression::value(QStringLiteral("Lost updates:")),
                                              ScriptExpression::binary(ScriptExpression::Kind::Subtract, expected, value)}),
                                   python, QStringLiteral("print.lost")));
    }
    return script;
}

} // namespace

ExampleDefinition queueExample()
{
    ExampleDefinition e;
    e.id = QStringLiteral("queue");
    e.group = ExampleGroup::Communication;
    e.titleEn = QStringLiteral("Communicating through a Queue");
    e.titleZh = QStringLiteral("示例:使用 Queue 实现进程间通信");
    e.summaryEn = QStringLiteral("A producer puts items into a multiprocessing.Queue, a consumer gets them until "
                                 "it receives None.");
    e.summaryZh = QStringLiteral("生产者进程向队列中放入数据,消费者进程从队列中获取数据,取到结束标记 None 后停止。");
    e.knobs = queueKnobs();
    e.pythonResource = QStringLiteral(":/examples/queue_example.py");
    e.cppResource = QStringLiteral(":/examples/ipc_behaviours.cpp");
    e.generatePython = [](const QVariantMap &knobs) { return queueProgram(queueOptions(knobs)); };
    e.buildScript = buildQueueScript;
    return e;
}

ExampleDefinition pipeExample()
{
    ExampleDefinition e;
    e.id = QStringLiteral("pipe");
    e.group = ExampleGroup::Communication;
    e.titleEn = QStringLiteral("Sending messages through a Pipe");
    e.titleZh = QStringLiteral("示例:使用 Pipe 在进程间传递消息");
    e.summaryEn = QStringLiteral("multiprocessing.Pipe() gives two connection ends: a child process sends messages "
                                 "and None, the main program receives them.");
    e.summaryZh = QStringLiteral("multiprocessing.Pipe() 返回管道的两个连接端:子进程发送消息和结束标记 None,"
                                 "主进程接收并打印。");
    e.knobs = {KnobSpec::integer("messages", 5, 1, 100000, QT_TRANSLATE_NOOP("ProcessLab::Knob", "Messages"),
                       QT_TRANSLATE_NOOP("ProcessLab::Knob", "How many messages the child process sends"))};
    e.pythonResource = QStringLiteral(":/examples/pipe.py");
    e.listingFromTutorial = false; // the tutorial names Pipe without a program
    e.generatePython = [](const QVariantMap &knobs) {
        return pipeProgram(knobs.value(QStringLiteral("messages")).toInt());
    };
    e.cppResource = QStringLiteral(":/examples/ipc_behaviours.cpp");
    e.buildScript = buildPipeScript;
    return e;
}

ExampleDefinition sharedExample()
{
    ExampleDefinition e;
    e.id = QStringLiteral("shared");
    e.group = ExampleGroup::Communication;
    e.titleEn = QStringLiteral("Shared memory with Value and Array");
    e.titleZh = QStringLiteral("示例:使用 Value 和 Array 共享内存");
    e.summaryEn = QStringLiteral("Workers add 1 to a shared Value and write into an Array; with the lock the total "
                                 "is exact, without it updates are lost.");
    e.summaryZh = QStringLiteral("多个进程对共享内存中的 Value 加 1 并写入 Array;加锁时结果准确,不加锁会丢失更新。");
    e.knobs = sharedKnobs();
    e.pythonResource = QStringLiteral(":/examples/shared.py");
    e.listingFromTutorial = false; // the tutorial names Value and Array without a program
    e.generatePython = [](const QVariantMap &knobs) {
        return sharedProgram(knobs.value(QStringLiteral("workers")).toInt(),
                             knobs.value(QStringLiteral("increments")).toInt(),
                             knobs.value(QStringLiteral("lock")).toBool());
    };
    e.cppResource = QStringLiteral(":/examples/ipc_behaviours.cpp");
    e.buildScript = buildSharedScript;
    return e;
}

} // namespace ProcessLab
