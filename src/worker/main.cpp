// SPDX-License-Identifier: MIT
// processlab-worker: the child process of a ProcessLab run. It connects back to the host,
// proves it belongs to the run, is told which behaviour to run, runs it, and exits.
// It ends when the control connection closes. Stop is the host's SIGTERM (as Python's
// Process.terminate() sends it), so the worker installs no SIGTERM handler: the default
// action ends it and the host sees "killed by SIGTERM", Python's exit code -15.
//
// Only the C++ standard library, the protocol library and OS calls: no Qt, so the time
// from spawn to hello is the loader's minimum (see docs/performance.md and protocol/protocol.h).
#include "behaviours.h"
#include "hostconnection.h"
#include "ipc/sharedobjects.h"
#include "mailbox.h"
#include "protocol/monotonicclock.h"
#include "protocol/protocol.h"
#include "workercontext.h"

#include <charconv>
#include <exception>
#include <new>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#ifdef _WIN32
#include <process.h>
#define getpid _getpid
#else
#include <unistd.h>
#endif

using namespace ProcessLab;
using namespace ProcessLab::Worker;

namespace {

[[noreturn]] void exitWithMessage(int code, std::string_view message)
{
    std::string line = "processlab-worker: ";
    line.append(message).push_back('\n');
    writeAll(2, line);
    std::_Exit(code);
}

std::string_view environmentVariable(const char *name)
{
    const char *value = std::getenv(name);
    return value ? std::string_view(value) : std::string_view();
}

// The token travels as hex digits; anything but exactly 2 * tokenSize of them is refused.
std::optional<std::string> tokenFromHex(std::string_view hex)
{
    if (hex.size() != 2 * Protocol::tokenSize)
        return std::nullopt;
    std::string token(Protocol::tokenSize, '\0');
    for (std::size_t i = 0; i < token.size(); ++i) {
        unsigned byte = 0;
        const char *first = hex.data() + 2 * i;
        const auto [end, ec] = std::from_chars(first, first + 2, byte, 16);
        if (ec != std::errc() || end != first + 2)
            return std::nullopt;
        token[i] = static_cast<char>(byte);
    }
    return token;
}

std::optional<int> workerIdFrom(std::string_view text)
{
    int id = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return id;
}

// Reads frames until one arrives; exits the process on end of stream or a bad frame.
Protocol::Message readMessage(HostConnection &host, Protocol::FrameReader &reader)
{
    Protocol::Message message;
    std::string bytes;
    for (;;) {
        switch (reader.next(&message)) {
        case Protocol::FrameReader::Status::Frame:
            return message;
        case Protocol::FrameReader::Status::Error:
            exitWithMessage(Protocol::ExitProtocolError, reader.errorString());
        case Protocol::FrameReader::Status::NeedMore:
            break;
        }
        bytes.clear();
        if (!host.receive(&bytes))
            std::_Exit(Protocol::ExitHostGone);
        reader.append(bytes);
    }
}

// While the behaviour runs, the host's requests and replies go to the mailbox; the end of
// the stream means the host is gone, and the worker must not outlive it. Other frames
// (Stop, a second Start) are ignored.
void watchHost(HostConnection &host, Protocol::FrameReader &reader, Mailbox &mailbox)
{
    for (;;) {
        Protocol::Message message = readMessage(host, reader);
        if (message.type == Protocol::MessageType::Request || message.type == Protocol::MessageType::Reply)
            mailbox.put(std::move(message));
    }
}

} // namespace

int main()
{
    const std::string server(environmentVariable(Protocol::serverEnvVar));
    const std::optional<std::string> token = tokenFromHex(environmentVariable(Protocol::tokenEnvVar));
    const std::optional<int> workerId = workerIdFrom(environmentVariable(Protocol::workerIdEnvVar));
    if (server.empty() || !token || !workerId) {
        exitWithMessage(Protocol::ExitUsage,
                        "this program is started by ProcessLab; run processlab or processlab-cli instead");
    }

#ifdef PROCESSLAB_TEST_WORKER
    runTestHookBeforeHello();
#endif
    HostConnection host;
    std::string error;
    if (!host.connectTo(server, &error))
        exitWithMessage(Protocol::ExitConnectFailed, error);
    host.send(Protocol::encodeFrame(Protocol::makeHello({*token, *workerId, getpid(), monotonicNowNs()})));

    Protocol::FrameReader reader;
    const Protocol::Message first = readMessage(host, reader);
    const std::optional<Protocol::Start> start = Protocol::parseStart(first, &error);
    if (!start)
        exitWithMessage(Protocol::ExitProtocolError, error);
    const BehaviourFunction behaviour = findBehaviour(start->behaviour);
    if (!behaviour)
        exitWithMessage(Protocol::ExitUnknownBehaviour,
#ifdef PROCESSLAB_TEST_WORKER
                        "unknown behaviour '" + start->behaviour + "'");
#else
                        "unknown behaviour '" + start->behaviour
                            + "' (this worker runs the examples; test behaviours are in processlab-test-worker)");
#endif

    SharedObjects objects(&host);
    if (!objects.attachAll(start->arguments, &error))
        exitWithMessage(Protocol::ExitAttachFailed, error);

    Mailbox mailbox; // main never returns (std::_Exit below): it outlives the reader thread
    std::thread(watchHost, std::ref(host), std::ref(reader), std::ref(mailbox)).detach();
    const WorkerContext context(*workerId, start->arguments, &host, &mailbox, &objects);
    int exitCode = 1;
    try {
        exitCode = behaviour(context);
    } catch (const PythonError &error) {
        // An exception the behaviour did not catch ends the process as in Python: the
        // traceback's last line on stderr, exit code 1.
        writeAll(2, "Traceback (most recent call last):\n  (in the worker process)\n" + std::string(error.what()) + "\n");
        exitCode = 1;
    } catch (const std::bad_alloc &) {
        writeAll(2, "Traceback (most recent call last):\n  (in the worker process)\nMemoryError\n");
        exitCode = 1;
    } catch (const std::exception &error) { // not a crash: Python would raise and exit 1 too
        writeAll(2, "Traceback (most recent call last):\n  (in the worker process)\nRuntimeError: " + std::string(error.what()) + "\n");
        exitCode = 1;
    }
    std::_Exit(exitCode); // output is unbuffered; no static destructors racing the watcher
}
