// SPDX-License-Identifier: MIT
// Section 3 of the tutorial (进程间通信), as the worker processes run it: the producer and
// consumer of the Queue example, the child of the Pipe example, and the workers that share a
// Value and an Array. ProcessLab's host plays each main program; this file is the children's
// side, printing exactly what the example's Python listing prints.
#include "behaviours.h"
#include "ipc/sharedobjects.h"
#include "protocol/pythonformat.h"
#include "workercontext.h"

#include <string>

namespace ProcessLab::Worker {

namespace {

// def producer(queue): for i in range(5): queue.put(i); print(f"Produced: {i}")
// With several producers each puts [num, i] and names itself.
int producer(const WorkerContext &context)
{
    Queue &queue = context.objects().queue("queue");
    const std::int64_t num = context.intArgument("num", context.workerId());
    const std::int64_t items = context.intArgument("items", 5);
    const std::int64_t producers = context.intArgument("producers", 1);
    const double delay = context.doubleArgument("delay", 0.0);
    for (std::int64_t i = 0; i < items; ++i) {
        context.trace("put");
        if (producers == 1)
            queue.put(i);
        else
            queue.put(Protocol::Array{num, i});
        context.trace("produced");
        if (producers == 1)
            context.print("Produced: " + std::to_string(i));
        else
            context.print("Produced: " + std::to_string(i) + " (producer " + std::to_string(num) + ")");
        if (delay > 0) {
            context.trace("sleep");
            context.sleep(delay); // time.sleep(delay)
        }
    }
    return 0;
}

// def consumer(queue): while True: item = queue.get(); if item is None: break; print(...)
int consumer(const WorkerContext &context)
{
    Queue &queue = context.objects().queue("queue");
    const std::int64_t num = context.intArgument("num", context.workerId());
    const std::int64_t producers = context.intArgument("producers", 1);
    const std::int64_t consumers = context.intArgument("consumers", 1);
    for (;;) {
        context.trace("get");
        const Protocol::Value item = queue.get();
        context.trace("is-none");
        if (item.isNull()) {
            context.trace("break");
            break;
        }
        if (producers > 1)
            context.trace("unpack");
        context.trace("consumed");
        std::string line = "Consumed: ";
        std::string suffix;
        if (producers == 1) {
            line += Protocol::pythonStr(item);
        } else {
            const Protocol::Array &pair = item.toArray(); // [producer, i]
            line += pair.size() == 2 ? Protocol::pythonStr(pair[1]) : Protocol::pythonStr(item);
            suffix = "producer " + (pair.size() == 2 ? Protocol::pythonStr(pair[0]) : std::string("?"));
        }
        if (consumers > 1)
            suffix += (suffix.empty() ? "" : ", ") + std::string("consumer ") + std::to_string(num);
        if (!suffix.empty())
            line += " (" + suffix + ")";
        context.print(line);
    }
    return 0;
}

// def worker(conn, messages): send each message, then None, then close the end.
int pipeWorker(const WorkerContext &context)
{
    Connection &conn = context.objects().connection("conn");
    const std::int64_t messages = context.intArgument("messages", 5);
    for (std::int64_t i = 0; i < messages; ++i) {
        const std::string message = "Message " + std::to_string(i);
        context.trace("send");
        conn.send(message);
        context.trace("sent");
        context.print("Sent: " + message);
    }
    context.trace("send-none");
    conn.send(nullptr); // 结束标记
    context.trace("close");
    conn.close();
    return 0;
}

// def worker(num, counter, results, increments): add 1 to the shared counter `increments`
// times (under counter.get_lock() unless the example turned the lock off), then write num
// into results[num - 1].
int sharedWorker(const WorkerContext &context)
{
    SharedCells &counterCells = context.objects().cells("counter");
    SharedCells &results = context.objects().cells("results");
    SharedValue counter(counterCells);
    const std::int64_t num = context.intArgument("num", context.workerId());
    const std::int64_t increments = context.intArgument("increments", 10000);
    const bool useLock = context.arguments().value("lock").toBool(true);
    for (std::int64_t k = 0; k < increments; ++k) {
        if (useLock) {
            context.trace("lock");
            Lock::Guard guard(counter.get_lock()); // with counter.get_lock():
            context.trace("increment");
            counter.setValue(counter.value() + 1); //     counter.value += 1
        } else {
            context.trace("increment");
            counter.setValue(counter.value() + 1); // counter.value += 1: read, then write — racy
        }
    }
    context.trace("store");
    results.setInt(static_cast<std::size_t>(num - 1), num);
    context.trace("finished");
    context.print("Worker " + std::to_string(num) + " finished");
    return 0;
}

} // namespace

std::span<const Behaviour> ipcBehaviours()
{
    static constexpr Behaviour behaviours[] = {
        {"queue.producer", &producer},
        {"queue.consumer", &consumer},
        {"pipe.worker", &pipeWorker},
        {"shared.worker", &sharedWorker},
    };
    return behaviours;
}

} // namespace ProcessLab::Worker
