// SPDX-License-Identifier: MIT
// Behaviours for tests and benchmarks, chosen by name like Qt Creator's process test app.
#include "behaviours.h"
#include "workercontext.h"

#include "protocol/protocol.h"

#include <chrono>
#include <csignal>
#include <optional>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <string>
#include <string_view>
#include <thread>

namespace ProcessLab::Worker {

namespace {

// Prints a partial line, then dies by SIGABRT: the host must show the partial line and
// report the signal.
int crash(const WorkerContext &context)
{
    context.print("about to crash");
    context.writeStdout("last words without newline");
    std::abort();
}

int exitCode(const WorkerContext &context)
{
    const auto code = context.intArgument("code", 3);
    context.print("exiting with " + std::to_string(code));
    return static_cast<int>(code);
}

// A Chinese line whose UTF-8 bytes are written in two parts, split inside a character.
int splitUtf8(const WorkerContext &context)
{
    const std::string_view text = "进程间通信"; // UTF-8: the compiler's and the tests' source encoding
    context.writeStdout(text.substr(0, 4)); // "进" + first byte of "程"
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    context.writeStdout(text.substr(4));
    context.writeStdout("\n");
    context.printError("标准错误输出");
    return 0;
}

// Prints args.lines lines as fast as it can, in large writes.
int flood(const WorkerContext &context)
{
    const std::int64_t lines = context.intArgument("lines", 10000);
    const std::string prefix = "worker " + std::to_string(context.workerId()) + " line ";
    std::string buffer;
    buffer.reserve(70 * 1024);
    for (std::int64_t i = 0; i < lines; ++i) {
        buffer += prefix;
        buffer += std::to_string(i);
        buffer += '\n';
        if (buffer.size() >= 64 * 1024) {
            context.writeStdout(buffer);
            buffer.clear();
        }
    }
    context.writeStdout(buffer);
    return 0;
}

int noNewline(const WorkerContext &context)
{
    context.writeStdout("no newline at the end");
    return 0;
}

// Ignores SIGTERM: only SIGKILL (the host's last resort after the grace period) ends it.
int stubborn(const WorkerContext &context)
{
#ifndef _WIN32
    std::signal(SIGTERM, SIG_IGN);
#endif
    context.print("ignoring SIGTERM");
    context.sleep(3600.0);
    return 0;
}

// Computes without pausing: nothing but the death signal or a kill stops it.
int busy(const WorkerContext &context)
{
    context.print("busy");
    volatile std::uint64_t x = 0;
    for (;;)
        x = x + 1;
    return 0;
}

// Computes until it used args.cpuMs of CPU time (std::clock(): this process's CPU time on
// POSIX; on Windows its wall time, which for a loop that never pauses is at least that),
// then prints it and exits: a known amount of CPU for the resource sampling's tests.
int compute(const WorkerContext &context)
{
    const std::int64_t cpuMs = context.intArgument("cpuMs", 500);
    const std::clock_t until = std::clock() + std::clock_t(double(cpuMs) / 1000.0 * CLOCKS_PER_SEC);
    volatile std::uint64_t x = 0;
    while (std::clock() < until) {
        for (int i = 0; i < 10000; ++i)
            x = x + 1;
    }
    context.print("computed " + std::to_string(cpuMs) + " ms");
    return 0;
}

int badFrame(const WorkerContext &context)
{
    context.sendRaw(std::string_view("\x00\x00\x00\x05garbage", 11));
    context.sleep(30.0); // the host must close the connection; the reader thread then exits
    return 0;
}

int oversizedFrame(const WorkerContext &context)
{
    const auto length = static_cast<std::uint32_t>(Protocol::maxFrameSize + 1);
    const char header[Protocol::headerSize] = {static_cast<char>(length >> 24), static_cast<char>(length >> 16),
                                               static_cast<char>(length >> 8), static_cast<char>(length)};
    context.sendRaw(std::string_view(header, sizeof(header)));
    context.sleep(30.0);
    return 0;
}

// The object passed as args["target"] (its attachment names it): asks the host to echo
// args["value"] and prints the reply.
int requestEcho(const WorkerContext &context)
{
    const Protocol::Value &target = context.arguments().value("target");
    const std::string object(target.toMap().value("object").toText("echo"));
    if (target.isMap())
        context.print("attached to " + object + " as worker " + std::to_string(target.toMap().value("worker").toInteger()));
    const std::string method(context.arguments().value("method").toText("echo"));
    const std::optional<Protocol::Reply> reply
        = context.request(object + "." + method, context.arguments().value("value"), 30.0);
    if (!reply) {
        context.printError("no reply within 30 s");
        return 1;
    }
    if (!reply->ok()) {
        context.print("error: " + *reply->error);
        return 0;
    }
    context.print("reply: " + std::string(reply->body.toText("(not text)")));
    return 0;
}

// Sends args.count notifications "<object>.tick" with their number, then says so.
int notify(const WorkerContext &context)
{
    const std::string object(context.arguments().value("target").toMap().value("object").toText("counter"));
    const std::int64_t count = context.intArgument("count", 3);
    for (std::int64_t i = 1; i <= count; ++i)
        context.notify(object + ".tick", i);
    context.print("sent " + std::to_string(count));
    return 0;
}

// Answers the host's requests: echoes each body until a request named "stop".
int serve(const WorkerContext &context)
{
    for (;;) {
        const std::optional<Protocol::Message> message = context.waitForMessage(30.0);
        if (!message) {
            context.printError("no request within 30 s");
            return 1;
        }
        const std::optional<Protocol::Request> request = Protocol::parseRequest(*message, nullptr);
        if (!request)
            continue;
        context.print("request " + request->name);
        Protocol::Reply reply;
        reply.id = request->id;
        reply.body = request->body;
        context.reply(reply);
        if (request->name == "stop")
            return 0;
    }
}

} // namespace

void runTestHookBeforeHello()
{
    const char *hook = std::getenv(testBeforeHelloEnvVar);
    const std::string_view what = hook ? hook : "";
    if (what == "exit")
        std::_Exit(0); // like PROCESSLAB_WORKER=/bin/true: ends without ever connecting
    if (what == "hang") {
        for (;;) // alive, but never says hello
            std::this_thread::sleep_for(std::chrono::hours(1));
    }
}

std::span<const Behaviour> testBehaviours()
{
    static constexpr Behaviour behaviours[] = {
        {"test.crash", &crash},
        {"test.exit-code", &exitCode},
        {"test.split-utf8", &splitUtf8},
        {"test.flood", &flood},
        {"test.no-newline", &noNewline},
        {"test.stubborn", &stubborn},
        {"test.busy", &busy},
        {"test.compute", &compute},
        {"test.bad-frame", &badFrame},
        {"test.oversized-frame", &oversizedFrame},
        {"test.request-echo", &requestEcho},
        {"test.notify", &notify},
        {"test.serve", &serve},
    };
    return behaviours;
}

} // namespace ProcessLab::Worker
