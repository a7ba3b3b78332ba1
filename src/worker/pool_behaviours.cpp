// SPDX-License-Identifier: MIT
// Section 4 of the tutorial (进程池): a process of a multiprocessing.Pool, as the worker side
// runs it (docs/pool.md). Like Python's pool worker it loops: take a task from the task queue,
// run the function it names on each argument list of the task (one of apply_async, a
// chunk of map), put the results into the result queue. No message to the host per task: the
// pool slot says which task this process runs (set before, cleared after its result is put).
#include "behaviours.h"
#include "ipc/sharedobjects.h"
#include "protocol/monotonicclock.h"
#include "protocol/pythonformat.h"
#include "shm/platform/processliveness.h"
#include "shm/poolslots.h"
#include "shm/sharedsegment.h"
#include "workercontext.h"

#include <exception>
#include <string>

namespace ProcessLab::Worker {

namespace {

// def worker(num): print(f"Worker {num} started"); time.sleep(2); print(f"Worker {num} finished")
// Arguments (num[, sleep seconds]); returns None, as the tutorial's function does.
Protocol::Value tutorialWorker(const WorkerContext &context, const Protocol::Array &arguments)
{
    const std::string num = arguments.empty() ? std::string("?") : Protocol::pythonStr(arguments[0]);
    const double seconds = arguments.size() > 1 ? arguments[1].toDouble(2.0) : 2.0;
    context.trace("started");
    context.print("Worker " + num + " started");
    context.trace("sleep");
    context.sleep(seconds);
    context.trace("finished");
    context.print("Worker " + num + " finished");
    return nullptr;
}

// Python's type name of a value that crossed the protocol.
std::string pythonTypeName(const Protocol::Value &value)
{
    if (value.isBool())
        return "bool";
    if (value.isInteger())
        return "int";
    if (value.isDouble())
        return "float";
    if (value.isText())
        return "str";
    if (value.isBytes())
        return "bytes";
    if (value.isArray())
        return "list";
    if (value.isMap())
        return "dict";
    return "NoneType";
}

// def square(x): return x * x
Protocol::Value square(const WorkerContext &, const Protocol::Array &arguments)
{
    if (arguments.size() != 1)
        throw PythonError("TypeError: square() takes 1 positional argument but " + std::to_string(arguments.size())
                          + " were given");
    const Protocol::Value &x = arguments[0];
    if (x.isInteger())
        return x.toInteger() * x.toInteger();
    if (x.isBool()) // bool is an int in Python: True * True == 1
        return std::int64_t(x.toBool() ? 1 : 0);
    if (x.isDouble())
        return x.toDouble() * x.toDouble();
    // Python's own messages for x * x, with type names.
    if (x.isText() || x.isBytes() || x.isArray())
        throw PythonError("TypeError: can't multiply sequence by non-int of type '" + pythonTypeName(x) + "'");
    throw PythonError("TypeError: unsupported operand type(s) for *: '" + pythonTypeName(x) + "' and '" + pythonTypeName(x) + "'");
}

struct Task
{
    std::uint64_t number = 0;
    std::string function;
    const Protocol::Array *items = nullptr; // one per call, in order
    bool itemsAreArgumentLists = true;      // apply/starmap: f(*item); map/imap: f(item)
};

struct Outcome
{
    Protocol::Array values; // one per item run, None where it failed
    Protocol::Array errors; // [[position, "ValueError: ..."]] at the first error (the chunk stops there), usually empty
};

Outcome runTask(const WorkerContext &context, const Task &task)
{
    const PoolFunction function = findPoolFunction(task.function);
    Outcome outcome;
    outcome.values.reserve(task.items->size());
    std::int64_t position = 0;
    Protocol::Array single(1); // f(item): one list reused, not one allocated per item
    for (const Protocol::Value &item : *task.items) {
        if (!function) {
            outcome.values.emplace_back(nullptr);
            outcome.errors.push_back(Protocol::Array{position, "NameError: name '" + task.function + "' is not defined"});
            break;
        }
        try {
            if (task.itemsAreArgumentLists) {
                outcome.values.push_back(function(context, item.toArray()));
            } else {
                single[0] = item;
                outcome.values.push_back(function(context, single));
            }
        } catch (const std::exception &error) {
            // As CPython's worker, which runs a chunk as one call (mapstar: list(map(f, chunk))):
            // the first error fails the whole chunk and its later items do not run.
            outcome.values.emplace_back(nullptr);
            outcome.errors.push_back(Protocol::Array{position, std::string(error.what())});
            break;
        }
        ++position;
    }
    return outcome;
}

// Arguments: tasks, results (queues), slots {key, keyType}, slot (index), maxtasks (0: no limit).
int poolWorker(const WorkerContext &context)
{
    Queue &tasks = context.objects().queue("tasks");
    Queue &results = context.objects().queue("results");
    const Protocol::Map &slotsDescription = context.arguments().value("slots").toMap();
    Shm::SegmentKey key;
    key.nativeKey = std::string(slotsDescription.value("key").toText());
    std::string error;
    if (!Shm::keyTypeFromName(slotsDescription.value("keyType").toText(), &key.type)) {
        context.printError("pool worker: malformed pool slots description");
        return 2;
    }
    const std::unique_ptr<Shm::SharedSegment> segment = Shm::SharedSegment::attach(key, &error);
    std::optional<Shm::PoolSlotsView> slots;
    if (segment)
        slots = Shm::PoolSlotsView::attach(segment->data(), segment->size(), &error);
    if (!slots) {
        context.printError("pool worker: " + error);
        return 2;
    }
    const auto slot = static_cast<std::size_t>(context.intArgument("slot", 0));
    const std::int64_t maxTasks = context.intArgument("maxtasks", 0);
    const std::uint32_t pid = Shm::currentProcessId();
    for (std::int64_t done = 0; maxTasks <= 0 || done < maxTasks; ++done) {
        // The item's sequence goes into the slot before the item is decoded: a death while
        // decoding (a big chunk) still names the task it took.
        const Protocol::Value item = tasks.get(true, std::nullopt, [&](std::uint64_t sequence) { slots->taken(slot, sequence, pid); });
        if (item.isNull()) {
            slots->end(slot);
            break; // the pool was closed (or terminated): no more tasks
        }
        const Protocol::Array &fields = item.toArray(); // [task, function, [item, ...], itemsAreArgumentLists]
        if (fields.size() != 4) {
            slots->end(slot);
            continue;
        }
        Task task;
        task.number = static_cast<std::uint64_t>(fields[0].toInteger());
        task.function = std::string(fields[1].toText());
        task.items = &fields[2].toArray();
        task.itemsAreArgumentLists = fields[3].toBool(true);
        const auto startNs = static_cast<std::uint64_t>(monotonicNowNs());
        slots->begin(slot, task.number, pid, startNs);
        Outcome outcome = runTask(context, task);
        const auto endNs = monotonicNowNs();
        // Moved in, not Protocol::Array{...}: an initializer list copies every value.
        Protocol::Array result;
        result.reserve(7);
        for (const std::int64_t field : {static_cast<std::int64_t>(task.number), static_cast<std::int64_t>(slot),
                                         static_cast<std::int64_t>(pid), static_cast<std::int64_t>(startNs), endNs})
            result.emplace_back(field);
        // The failures before the values: the host reads the values straight into place.
        result.emplace_back(std::move(outcome.errors));
        result.emplace_back(std::move(outcome.values));
        results.put(std::move(result));
        slots->end(slot); // only now: a death before this line leaves the task in the slot
    }
    return 0;
}

} // namespace

std::span<const PoolFunctionEntry> poolFunctions()
{
    static constexpr PoolFunctionEntry functions[] = {
        {"pool.tutorial-worker", &tutorialWorker},
        {"square", &square},
    };
    return functions;
}

std::span<const Behaviour> poolBehaviours()
{
    static constexpr Behaviour behaviours[] = {
        {"pool.worker", &poolWorker},
    };
    return behaviours;
}

} // namespace ProcessLab::Worker
