// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/cbor.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace ProcessLab::Worker {

class HostConnection;
class SharedObjects;

// What a behaviour can do: print like Python's print() (straight to the real stdout, one
// write per line, so output is never held back in a buffer), sleep, and report where it
// is (a trace label the host maps to a line of the example's Python source).
// Text is UTF-8 in std::string: the worker links no Qt (see protocol/protocol.h).
class WorkerContext
{
public:
    WorkerContext(int workerId, Protocol::Map arguments, HostConnection *host, SharedObjects *objects = nullptr);

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

private:
    int m_workerId;
    Protocol::Map m_arguments;
    HostConnection *m_host;
    SharedObjects *m_objects;
    mutable int m_tracesSent = 0; // behaviours run on one thread
};

void writeAll(int fd, std::string_view bytes);

} // namespace ProcessLab::Worker
