// SPDX-License-Identifier: MIT
#include "ipcprograms.h"

#include "basicprograms.h" // maxUnrolledWorkers

namespace ProcessLab {

namespace {

const QString indent = QStringLiteral("    ");

// Processes of one role in the main program (all producers, all consumers, ...).
struct ProcessGroup
{
    QString role;       // statement names: "<role>.<n>.create"
    int count = 0;
    QString soleName;   // the variable when count == 1 (the tutorial's "producer_process"); empty: numbered
    QString name;       // numbered variables name1, name2, ...; in a loop the element variable
    QString listName;   // the list beyond maxUnrolledWorkers
    QString target;     // the function the processes run
    QString sharedArgs; // what every process gets ("queue"); the number follows when `numbered`
    bool numbered = true;

    bool unrolled() const { return count <= maxUnrolledWorkers; }
    QString variable(int n) const
    {
        return count == 1 && !soleName.isEmpty() ? soleName : name + QString::number(n);
    }
    QString statement(int n, const char *what) const
    {
        return QStringLiteral("%1.%2.%3").arg(role).arg(n).arg(QLatin1StringView(what));
    }
    // multiprocessing.Process(target=producer, args=(queue, 3)); `number` is "3" or the loop's "i".
    QString makeProcess(const QString &number) const
    {
        const QString args = numbered ? QString(sharedArgs + QStringLiteral(", ") + number) : QString(sharedArgs + QLatin1Char(','));
        return QStringLiteral("multiprocessing.Process(target=%1, args=(%2))").arg(target, args);
    }
};

// name1 = <make 1> ... or: list = [] / for i in range(1, N + 1): / name = <make i> / list.append(name)
void addCreates(PythonProgramWriter &writer, const ProcessGroup &group)
{
    if (group.unrolled()) {
        for (int n = 1; n <= group.count; ++n)
            writer.addStatement(group.statement(n, "create"),
                                indent + group.variable(n) + QStringLiteral(" = ") + group.makeProcess(QString::number(n)));
        return;
    }
    writer.add(indent + group.listName + QStringLiteral(" = []"));
    writer.add(indent + QStringLiteral("for i in range(1, %1):").arg(group.count + 1));
    const int line = writer.add(indent + indent + group.name + QStringLiteral(" = ")
                                + group.makeProcess(QStringLiteral("i")));
    writer.add(indent + indent + QStringLiteral("%1.append(%2)").arg(group.listName, group.name));
    for (int n = 1; n <= group.count; ++n)
        writer.program().statements.insert(group.statement(n, "create"), {line, QStringLiteral("i = %1").arg(n)});
}

// name1.start() ... or: for name in list: / name.start()
void addCalls(PythonProgramWriter &writer, const ProcessGroup &group, const char *method)
{
    const QString call = QStringLiteral(".%1()").arg(QLatin1StringView(method));
    if (group.unrolled()) {
        for (int n = 1; n <= group.count; ++n)
            writer.addStatement(group.statement(n, method), indent + group.variable(n) + call);
        return;
    }
    writer.add(indent + QStringLiteral("for %1 in %2:").arg(group.name, group.listName));
    const int line = writer.add(indent + indent + group.name + call);
    for (int n = 1; n <= group.count; ++n)
        writer.program().statements.insert(group.statement(n, method),
                                           {line, QStringLiteral("%1 = %2[%3]").arg(group.name, group.listName).arg(n - 1)});
}

void addFinalPrint(PythonProgramWriter &writer)
{
    writer.addStatement(QStringLiteral("print.final"), indent + QStringLiteral("print(\"All processes finished\")"));
}

// The consumer's print: "Consumed: {item}" plus who produced and who consumed, when there
// are several of either.
QString consumedPrint(const QueueProgramOptions &options)
{
    QStringList who;
    if (options.producers > 1)
        who << QStringLiteral("producer {producer_num}");
    if (options.consumers > 1)
        who << QStringLiteral("consumer {num}");
    const QString value = options.producers > 1 ? QStringLiteral("{i}") : QStringLiteral("{item}");
    const QString suffix = who.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(who.join(QStringLiteral(", ")));
    return QStringLiteral("print(f\"Consumed: %1%2\")").arg(value, suffix);
}

} // namespace

PythonProgram queueProgram(const QueueProgramOptions &options)
{
    const bool severalProducers = options.producers > 1;
    const bool severalConsumers = options.consumers > 1;
    const QString body = indent + indent;
    PythonProgramWriter writer(0);
    writer.add(QStringLiteral("import multiprocessing"));
    if (options.delay > 0)
        writer.add(QStringLiteral("import time"));
    writer.blank();

    writer.add(severalProducers ? QStringLiteral("def producer(queue, num):") : QStringLiteral("def producer(queue):"));
    writer.add(indent + QStringLiteral("\"\"\"生产者进程\"\"\""));
    writer.add(indent + QStringLiteral("for i in range(%1):").arg(options.items));
    writer.addTrace(QStringLiteral("put"), body + (severalProducers ? QStringLiteral("queue.put([num, i])")
                                                                    : QStringLiteral("queue.put(i)")));
    writer.addTrace(QStringLiteral("produced"), body + (severalProducers
                                                            ? QStringLiteral("print(f\"Produced: {i} (producer {num})\")")
                                                            : QStringLiteral("print(f\"Produced: {i}\")")));
    if (options.delay > 0)
        writer.addTrace(QStringLiteral("sleep"), body + QStringLiteral("time.sleep(%1)").arg(pythonNumber(options.delay)));
    writer.blank();

    writer.add(severalConsumers ? QStringLiteral("def consumer(queue, num):") : QStringLiteral("def consumer(queue):"));
    writer.add(indent + QStringLiteral("\"\"\"消费者进程\"\"\""));
    writer.add(indent + QStringLiteral("while True:"));
    writer.addTrace(QStringLiteral("get"), body + QStringLiteral("item = queue.get()"));
    writer.addTrace(QStringLiteral("is-none"), body + QStringLiteral("if item is None:"));
    writer.addTrace(QStringLiteral("break"), body + indent + QStringLiteral("break"));
    if (severalProducers)
        writer.addTrace(QStringLiteral("unpack"), body + QStringLiteral("producer_num, i = item"));
    writer.addTrace(QStringLiteral("consumed"), body + consumedPrint(options));
    writer.blank();

    writer.add(QStringLiteral("if __name__ == \"__main__\":"));
    writer.add(indent + QStringLiteral("# 创建队列"));
    writer.addStatement(QStringLiteral("queue.create"),
                        indent + (options.maxsize > 0
                                      ? QStringLiteral("queue = multiprocessing.Queue(maxsize=%1)").arg(options.maxsize)
                                      : QStringLiteral("queue = multiprocessing.Queue()")));
    writer.blank();

    const ProcessGroup producers{QStringLiteral("producer"),           options.producers,
                                 QStringLiteral("producer_process"),   QStringLiteral("producer_process"),
                                 QStringLiteral("producer_processes"), QStringLiteral("producer"),
                                 QStringLiteral("queue"),              severalProducers};
    const ProcessGroup consumers{QStringLiteral("consumer"),           options.consumers,
                                 QStringLiteral("consumer_process"),   QStringLiteral("consumer_process"),
                                 QStringLiteral("consumer_processes"), QStringLiteral("consumer"),
                                 QStringLiteral("queue"),              severalConsumers};
    writer.add(indent + QStringLiteral("# 创建生产者和消费者进程"));
    addCreates(writer, producers);
    addCreates(writer, consumers);
    writer.blank();
    const bool consumersAfterJoin = options.consumersStart == QueueProgramOptions::ConsumersStart::AfterJoin;
    if (consumersAfterJoin) {
        writer.add(indent + QStringLiteral("# 启动生产者进程"));
        addCalls(writer, producers, "start");
        writer.blank();
        writer.add(indent + QStringLiteral("# 等待生产者结束(消费者进程还没有启动:队列满了以后,生产者会一直等待)"));
        addCalls(writer, producers, "join");
        writer.blank();
        writer.add(indent + QStringLiteral("# 启动消费者进程"));
        addCalls(writer, consumers, "start");
    } else {
        writer.add(indent + QStringLiteral("# 启动进程"));
        addCalls(writer, producers, "start");
        addCalls(writer, consumers, "start");
        writer.blank();
        writer.add(indent + QStringLiteral("# 等待生产者结束"));
        addCalls(writer, producers, "join");
    }
    writer.blank();

    if (options.sentinel) {
        // One None per consumer: each consumer stops at the first None it gets.
        writer.add(indent + QStringLiteral("# 停止消费者进程(放入结束标记)"));
        const QString putNone = QStringLiteral("queue.put(None)");
        if (consumers.unrolled()) {
            for (int n = 1; n <= options.consumers; ++n)
                writer.addStatement(QStringLiteral("sentinel.%1").arg(n), indent + putNone);
        } else {
            writer.add(indent + QStringLiteral("for i in range(%1):").arg(options.consumers));
            const int line = writer.add(indent + indent + putNone);
            for (int n = 1; n <= options.consumers; ++n)
                writer.program().statements.insert(QStringLiteral("sentinel.%1").arg(n), {line, QStringLiteral("i = %1").arg(n - 1)});
        }
    } else {
        writer.add(indent + QStringLiteral("# 没有放入结束标记 None:消费者进程会一直等待 queue.get(),永远不会结束"));
    }
    addCalls(writer, consumers, "join");
    writer.blank();
    addFinalPrint(writer);
    return writer.finish();
}

PythonProgram pipeProgram(int messages)
{
    const QString body = indent + indent;
    PythonProgramWriter writer(0);
    writer.add(QStringLiteral("import multiprocessing"));
    writer.blank();
    writer.add(QStringLiteral("def sender(conn):"));
    writer.add(indent + QStringLiteral("\"\"\"子进程:通过管道发送消息,最后发送结束标记 None\"\"\""));
    writer.add(indent + QStringLiteral("for i in range(%1):").arg(messages));
    writer.addTrace(QStringLiteral("send"), body + QStringLiteral("conn.send(f\"Message {i}\")"));
    writer.addTrace(QStringLiteral("sent"), body + QStringLiteral("print(f\"Sent: Message {i}\")"));
    writer.addTrace(QStringLiteral("send-none"), indent + QStringLiteral("conn.send(None)"));
    writer.addTrace(QStringLiteral("close"), indent + QStringLiteral("conn.close()"));
    writer.blank();

    writer.add(QStringLiteral("if __name__ == \"__main__\":"));
    writer.add(indent + QStringLiteral("# 创建管道(默认双向),返回两个连接端"));
    writer.addStatement(QStringLiteral("pipe.create"),
                        indent + QStringLiteral("parent_conn, child_conn = multiprocessing.Pipe()"));
    writer.blank();
    writer.add(indent + QStringLiteral("# 创建子进程,把管道的一端传给它"));
    writer.addStatement(QStringLiteral("sender.1.create"),
                        indent + QStringLiteral("process = multiprocessing.Process(target=sender, args=(child_conn,))"));
    writer.blank();
    writer.add(indent + QStringLiteral("# 启动进程"));
    writer.addStatement(QStringLiteral("sender.1.start"), indent + QStringLiteral("process.start()"));
    writer.blank();
    writer.add(indent + QStringLiteral("# 从管道接收消息,收到结束标记 None 时停止"));
    writer.add(indent + QStringLiteral("while True:"));
    writer.addStatement(QStringLiteral("recv"), body + QStringLiteral("msg = parent_conn.recv()"));
    writer.addStatement(QStringLiteral("recv.is-none"), body + QStringLiteral("if msg is None:"));
    writer.addStatement(QStringLiteral("recv.break"), body + indent + QStringLiteral("break"));
    writer.addStatement(QStringLiteral("print.received"), body + QStringLiteral("print(f\"Received: {msg}\")"));
    writer.blank();
    writer.add(indent + QStringLiteral("# 等待进程结束"));
    writer.addStatement(QStringLiteral("sender.1.join"), indent + QStringLiteral("process.join()"));
    writer.blank();
    addFinalPrint(writer);
    return writer.finish();
}

PythonProgram sharedProgram(int workers, int increments, bool lock)
{
    const QString body = indent + indent;
    PythonProgramWriter writer(0);
    writer.add(QStringLiteral("import multiprocessing"));
    writer.blank();
    writer.add(QStringLiteral("def worker(counter, results, num):"));
    writer.add(indent + QStringLiteral("\"\"\"进程的工作函数:把共享计数器加 1,共 %1 次\"\"\"").arg(increments));
    if (lock) {
        writer.add(indent + QStringLiteral("# 加锁:读取、加 1、写回不会被其他进程打断"));
        writer.add(indent + QStringLiteral("for _ in range(%1):").arg(increments));
        writer.addTrace(QStringLiteral("lock"), body + QStringLiteral("with counter.get_lock():"));
        writer.addTrace(QStringLiteral("increment"), body + indent + QStringLiteral("counter.value += 1"));
    } else {
        writer.add(indent + QStringLiteral("# 不加锁:读取和写回之间可能被其他进程打断,更新会丢失"));
        writer.add(indent + QStringLiteral("for _ in range(%1):").arg(increments));
        writer.addTrace(QStringLiteral("increment"), body + QStringLiteral("counter.value += 1"));
    }
    writer.addTrace(QStringLiteral("store"), indent + QStringLiteral("results[num - 1] = num"));
    writer.addTrace(QStringLiteral("finished"), indent + QStringLiteral("print(f\"Worker {num} finished\")"));
    writer.blank();

    writer.add(QStringLiteral("if __name__ == \"__main__\":"));
    writer.add(indent + QStringLiteral("# 在共享内存中创建整数计数器和整数数组"));
    writer.addStatement(QStringLiteral("counter.create"), indent + QStringLiteral("counter = multiprocessing.Value('i', 0)"));
    writer.addStatement(QStringLiteral("results.create"),
                        indent + QStringLiteral("results = multiprocessing.Array('i', %1)").arg(workers));
    writer.blank();
    const ProcessGroup group{QStringLiteral("worker"),    workers,
                             QString(),                   QStringLiteral("process"),
                             QStringLiteral("processes"), QStringLiteral("worker"),
                             QStringLiteral("counter, results")};
    writer.add(indent + QStringLiteral("# 创建进程对象"));
    addCreates(writer, group);
    writer.blank();
    writer.add(indent + QStringLiteral("# 启动进程"));
    addCalls(writer, group, "start");
    writer.blank();
    writer.add(indent + QStringLiteral("# 等待进程结束"));
    addCalls(writer, group, "join");
    writer.blank();
    writer.addStatement(QStringLiteral("print.value"), indent + QStringLiteral("print(\"Final value:\", counter.value)"));
    writer.addStatement(QStringLiteral("print.array"), indent + QStringLiteral("print(\"Array:\", results[:])"));
    if (!lock)
        writer.addStatement(QStringLiteral("print.lost"),
                            indent + QStringLiteral("print(\"Lost updates:\", %1 * %2 - counter.value)").arg(workers).arg(increments));
    return writer.finish();
}

} // namespace ProcessLab
