// SPDX-License-Identifier: MIT
// The behaviours `processlab-cli bench` runs in the shipped worker: it measures the worker
// users get, so these live here and not in the test worker.
//
// The IPC benchmark (`bench ipc`, bench/ipc_bench.py) measures the steady state inside the
// processes, not their start-up: the receiving side clocks from its first completed operation
// to its last and prints one line
//     bench-result ops=<operations timed> start_ns=<monotonic ns> end_ns=<monotonic ns>
// bench/ipc_bench.py's Python children do exactly the same with mp.Queue, mp.Pipe, mp.Value.
#include "behaviours.h"
#include "ipc/sharedobjects.h"
#include "protocol/monotonicclock.h"
#include "workercontext.h"

#include <cstdint>
#include <string>

namespace ProcessLab::Worker {

namespace {

// Connects, is told to run, exits 0: spawn -> ready -> exit and nothing else.
int noop(const WorkerContext &)
{
    return 0;
}

// Reports "idle", then sleeps (args.sleep, default 1 hour) until it is stopped: the idle
// memory benchmark, and tests that need a worker that stays.
int idle(const WorkerContext &context)
{
    context.trace("idle");
    context.sleep(context.doubleArgument("sleep", 3600.0));
    return 0;
}

void printResult(const WorkerContext &context, std::int64_t ops, std::int64_t startNs, std::int64_t endNs)
{
    context.print("bench-result ops=" + std::to_string(ops) + " start_ns=" + std::to_string(startNs)
                  + " end_ns=" + std::to_string(endNs));
}

// The item number i of a run: args.size 0 -> the integer i (Python: q.put(i)); otherwise
// one payload of that many bytes, made once (Python: q.put(payload)).
class BenchItems
{
public:
    explicit BenchItems(const WorkerContext &context)
        : m_size(context.intArgument("size", 0))
    {
        if (m_size > 0)
            m_payload = Protocol::Bytes{std::string(static_cast<std::size_t>(m_size), 'x')};
    }
    std::int64_t count(const WorkerContext &context) const { return context.intArgument("ops", 1000); }
    // Hands items 0..ops-1 to send(); the payload by reference, as Python passes one object.
    template <typename Send> void sendAll(std::int64_t ops, Send &&send) const
    {
        for (std::int64_t i = 0; i < ops; ++i) {
            if (m_size > 0)
                send(m_payload);
            else
                send(Protocol::Value(i));
        }
    }
    // What the receiver checks, so a broken transport cannot produce a fast number.
    bool isItem(const Protocol::Value &value, std::int64_t i) const
    {
        if (m_size > 0)
            return value.isBytes() && value.toBytes().size() == static_cast<std::size_t>(m_size);
        return value.isInteger() && value.toInteger() == i;
    }

private:
    std::int64_t m_size;
    Protocol::Value m_payload;
};

int wrongItem(const WorkerContext &context, std::int64_t i)
{
    context.printError("bench: item " + std::to_string(i) + " is not what was sent");
    return 1;
}

// Runs operation(i) for i in 0..ops-1 (false: item i is not what was sent), timed from the end
// of the first operation to the end of the last, and prints the result: ops - 1 operations in
// that time.
template <typename Operation> int timeOperations(const WorkerContext &context, std::int64_t ops, Operation &&operation)
{
    std::int64_t startNs = 0;
    for (std::int64_t i = 0; i < ops; ++i) {
        if (!operation(i))
            return wrongItem(context, i);
        if (i == 0)
            startNs = monotonicNowNs();
    }
    printResult(context, ops - 1, startNs, monotonicNowNs());
    return 0;
}

// for i in range(ops): queue.put(i)  (or queue.put(payload) with args.size)
int queuePut(const WorkerContext &context)
{
    Queue &queue = context.objects().queue("queue");
    const BenchItems items(context);
    items.sendAll(items.count(context), [&queue](const Protocol::Value &item) { queue.put(item); });
    return 0;
}

// Gets `ops` items, timed from the first get to the last: ops - 1 items in that time.
int queueGet(const WorkerContext &context)
{
    Queue &queue = context.objects().queue("queue");
    const BenchItems items(context);
    return timeOperations(context, items.count(context),
                          [&](std::int64_t i) { return items.isItem(queue.get(), i); });
}

// for i in range(ops): conn.send(i)  (or conn.send(payload) with args.size)
int pipeSend(const WorkerContext &context)
{
    Connection &conn = context.objects().connection("conn");
    const BenchItems items(context);
    items.sendAll(items.count(context), [&conn](const Protocol::Value &item) { conn.send(item); });
    return 0;
}

// Receives `ops` messages, timed from the first recv to the last.
int pipeRecv(const WorkerContext &context)
{
    Connection &conn = context.objects().connection("conn");
    const BenchItems items(context);
    return timeOperations(context, items.count(context),
                          [&](std::int64_t i) { return items.isItem(conn.recv(), i); });
}

// `ops` round trips of small ints: send i, receive it back; timed from the end of the first to the last.
int pipePing(const WorkerContext &context)
{
    Connection &conn = context.objects().connection("conn");
    return timeOperations(context, context.intArgument("ops", 1000), [&](std::int64_t i) {
        conn.send(Protocol::Value(i));
        return conn.recv().toInteger(-1) == i;
    });
}

// The other end of pipePing: sends back each of the `ops` messages it receives.
int pipePong(const WorkerContext &context)
{
    Connection &conn = context.objects().connection("conn");
    const std::int64_t ops = context.intArgument("ops", 1000);
    for (std::int64_t i = 0; i < ops; ++i)
        conn.send(conn.recv());
    return 0;
}

// `ops` times `with counter.get_lock(): counter.value += 1`, once all `parties` processes are
// there (a barrier on the Value `ready`), so the increments really contend.
int valueAdd(const WorkerContext &context)
{
    SharedValue counter(context.objects().cells("counter"));
    SharedValue ready(context.objects().cells("ready"));
    const std::int64_t ops = context.intArgument("ops", 1000);
    const std::int64_t parties = context.intArgument("parties", 2);
    {
        Lock::Guard guard(ready.get_lock());
        ready.setValue(ready.value() + 1);
    }
    while (ready.value() < parties)
        context.sleep(0.0001);
    const std::int64_t startNs = monotonicNowNs();
    for (std::int64_t k = 0; k < ops; ++k) {
        Lock::Guard guard(counter.get_lock());
        counter.setValue(counter.value() + 1);
    }
    printResult(context, ops, startNs, monotonicNowNs());
    return 0;
}

} // namespace

std::span<const Behaviour> benchBehaviours()
{
    static constexpr Behaviour behaviours[] = {
        {"bench.noop", &noop},
        {"bench.idle", &idle},
        {"bench.queue-put", &queuePut},
        {"bench.queue-get", &queueGet},
        {"bench.pipe-send", &pipeSend},
        {"bench.pipe-recv", &pipeRecv},
        {"bench.pipe-ping", &pipePing},
        {"bench.pipe-pong", &pipePong},
        {"bench.value-add", &valueAdd},
    };
    return behaviours;
}

} // namespace ProcessLab::Worker
