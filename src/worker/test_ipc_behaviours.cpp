// SPDX-License-Identifier: MIT
// Test behaviours for the shared objects (processlab-test-worker only): a big item through a
// queue, a process that dies holding a lock.
#include "behaviours.h"
#include "ipc/sharedobjects.h"
#include "workercontext.h"

#include <string>

namespace ProcessLab::Worker {

namespace {

// The byte at position i of a test item: a pattern a lost or reordered fragment would break.
char patternByte(std::size_t i)
{
    return static_cast<char>((i * 131 + i / 65521) & 0xff);
}

// Puts one bytes item of args.size bytes into args.queue.
int bigPut(const WorkerContext &context)
{
    const auto size = static_cast<std::size_t>(context.intArgument("size", 10 * 1024 * 1024));
    std::string bytes(size, '\0');
    for (std::size_t i = 0; i < size; ++i)
        bytes[i] = patternByte(i);
    context.objects().queue("queue").put(Protocol::Bytes{std::move(bytes)});
    context.print("put " + std::to_string(size));
    return 0;
}

// Gets one item from args.queue and checks it is the pattern of the expected size.
int bigGet(const WorkerContext &context)
{
    const auto size = static_cast<std::size_t>(context.intArgument("size", 10 * 1024 * 1024));
    const Protocol::Value item = context.objects().queue("queue").get();
    const std::string_view bytes = item.toBytes();
    if (!item.isBytes() || bytes.size() != size) {
        context.print("wrong size " + std::to_string(bytes.size()));
        return 1;
    }
    for (std::size_t i = 0; i < size; ++i) {
        if (bytes[i] != patternByte(i)) {
            context.print("wrong byte at " + std::to_string(i));
            return 1;
        }
    }
    context.print("got " + std::to_string(size));
    return 0;
}

// Takes args.counter's lock and keeps it until killed.
int holdLock(const WorkerContext &context)
{
    Lock &lock = context.objects().cells("counter").get_lock();
    lock.acquire();
    context.print("holding");
    context.sleep(3600);
    return 0;
}

} // namespace

std::span<const Behaviour> testIpcBehaviours()
{
    static constexpr Behaviour behaviours[] = {
        {"test.queue-big-put", &bigPut},
        {"test.queue-big-get", &bigGet},
        {"test.hold-lock", &holdLock},
    };
    return behaviours;
}

} // namespace ProcessLab::Worker
