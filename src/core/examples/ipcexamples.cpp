// SPDX-License-Identifier: MIT
#include "ipcexamples.h"

#include "ipcprograms.h"

#include <QtGlobal>

namespace ProcessLab {

namespace {

KnobSpec intKnob(const char *name, int defaultValue, int minimum, int maximum, const char *label, const char *help)
{
    KnobSpec knob;
    knob.name = QLatin1StringView(name);
    knob.type = KnobSpec::Type::Int;
    knob.defaultValue = defaultValue;
    knob.minimum = minimum;
    knob.maximum = maximum;
    knob.label = label;
    knob.help = help;
    return knob;
}

QList<KnobSpec> queueKnobs()
{
    KnobSpec delay;
    delay.name = QStringLiteral("delay");
    delay.type = KnobSpec::Type::Double;
    delay.defaultValue = 0.0;
    delay.minimum = 0.0;
    delay.maximum = 10.0;
    delay.decimals = 2;
    delay.label = QT_TRANSLATE_NOOP("ProcessLab::Knob", "Delay (s)");
    delay.help = QT_TRANSLATE_NOOP("ProcessLab::Knob", "Seconds each producer sleeps after each put (time.sleep)");
    return {
        intKnob("producers", 1, 1, 16, QT_TRANSLATE_NOOP("ProcessLab::Knob", "Producers"),
                QT_TRANSLATE_NOOP("ProcessLab::Knob", "How many producer processes put items into the queue")),
        intKnob("consumers", 1, 1, 16, QT_TRANSLATE_NOOP("ProcessLab::Knob", "Consumers"),
                QT_TRANSLATE_NOOP("ProcessLab::Knob", "How many consumer processes get items from the queue")),
        intKnob("items", 5, 0, 1000000, QT_TRANSLATE_NOOP("ProcessLab::Knob", "Items per producer"),
                QT_TRANSLATE_NOOP("ProcessLab::Knob", "How many items each producer puts")),
        intKnob("maxsize", 0, 0, 100000, QT_TRANSLATE_NOOP("ProcessLab::Knob", "Queue size limit"),
                QT_TRANSLATE_NOOP("ProcessLab::Knob",
                                  "Queue(maxsize): a producer waits while the queue holds this many items; 0 = unbounded")),
        delay,
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
    return options;
}

QList<KnobSpec> sharedKnobs()
{
    KnobSpec lock;
    lock.name = QStringLiteral("lock");
    lock.type = KnobSpec::Type::Bool;
    lock.defaultValue = true;
    lock.label = QT_TRANSLATE_NOOP("ProcessLab::Knob", "Lock");
    lock.help = QT_TRANSLATE_NOOP("ProcessLab::Knob",
                                  "Hold counter.get_lock() around each increment; off shows lost updates");
    return {
        intKnob("workers", 2, 1, 64, QT_TRANSLATE_NOOP("ProcessLab::Knob", "Workers"),
                QT_TRANSLATE_NOOP("ProcessLab::Knob", "How many worker processes to start")),
        intKnob("increments", 10000, 1, 10000000, QT_TRANSLATE_NOOP("ProcessLab::Knob", "Increments per worker"),
                QT_TRANSLATE_NOOP("ProcessLab::Knob", "How many times each worker adds 1 to the shared counter")),
        lock,
    };
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
    e.pythonResource = QStringLiteral(":/examples/queue.py");
    e.generatePython = [](const QVariantMap &knobs) { return queueProgram(queueOptions(knobs)); };
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
    e.knobs = {intKnob("messages", 5, 1, 100000, QT_TRANSLATE_NOOP("ProcessLab::Knob", "Messages"),
                       QT_TRANSLATE_NOOP("ProcessLab::Knob", "How many messages the child process sends"))};
    e.pythonResource = QStringLiteral(":/examples/pipe.py");
    e.generatePython = [](const QVariantMap &knobs) {
        return pipeProgram(knobs.value(QStringLiteral("messages")).toInt());
    };
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
    e.generatePython = [](const QVariantMap &knobs) {
        return sharedProgram(knobs.value(QStringLiteral("workers")).toInt(),
                             knobs.value(QStringLiteral("increments")).toInt(),
                             knobs.value(QStringLiteral("lock")).toBool());
    };
    return e;
}

} // namespace ProcessLab
