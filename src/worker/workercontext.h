// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/cbor.h"
#include "protocol/protocol.h"

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ProcessLab::Worker {

class HostConnection;
class SharedObjects;
class Mailbox;

// What a behaviour can do: print like Python's print() (straight to the real stdout, one
// write per line, so output is never held back in a buffer), sleep, and report where it
// is (a trace label the host maps to a line of the example's Python source).
// It can also talk with the host while the behaviour runs: ask (request() waits for the
// reply), tell (notify()), and wait for what the host sends (waitForMessage()).
// Text is UTF-8 in std::string: the worker links no Qt (see protocol/protocol.h).
class WorkerContext
{
public:
    // mailbox: where the reader thread puts the host's frames; nullptr: nothing arrives.
    // objects: the shared objects the main program handed over in args=.
    WorkerContext(int workerId, Protocol::Map arguments, HostConnection *host, Mailbox *mailbox = nullptr,
                  SharedObjects *objects = nullptr);

    int workerId() const { return m_workerId; }
    const Protocol::Map &arguments() const { return m_arguments; }
    std::int64_t intArgument(std::string_view name, std::int64_t fallback) const;
    double doubleArgument(std::string_view name, double fallback) const;

    void print(std::string_view line) const;      // stdout, newline appended
    void printError(std::string_view line) const; // stderr, newline appended
    void writeStdout(std::string_view bytes) const; // raw bytes, as given
    void sleep(double seconds) const;
    // Reports the label while the worker's budget lasts (traceBudget per process).
    void trace(std::string_view label) const;
    static constexpr int traceBudget = 2000;
    bool sendRaw(std::string_view bytes) const; // tests: put anything on the wire
    // The shared objects (Queue, Pipe end, Value, Array, Lock) the main program passed in args=.
    SharedObjects &objects() const { return *m_objects; }

    // Sends a Request ("<object>.<method>") and waits up to timeoutSeconds for its Reply;
    // nullopt on timeout. Other messages stay in the mailbox.
    std::optional<Protocol::Reply> request(std::string_view name, Protocol::Value body, double timeoutSeconds) const;
    // One-way message to the host, e.g. "queue.wake".
    bool notify(std::string_view name, Protocol::Value body) const;
    // The next message from the host that is not the reply to one of our requests (a
    // request of the host's, ...), within timeoutSeconds.
    std::optional<Protocol::Message> waitForMessage(double timeoutSeconds) const;
    // Answers a request of the host's.
    bool reply(const Protocol::Reply &reply) const;

private:
    int m_workerId;
    Protocol::Map m_arguments;
    HostConnection *m_host;
    Mailbox *m_mailbox;
    SharedObjects *m_objects;
    mutable std::atomic<std::int64_t> m_lastRequestId{0};
    mutable int m_tracesSent = 0; // behaviours run on one thread
};

void writeAll(int fd, std::string_view bytes);

} // namespace ProcessLab::Worker
