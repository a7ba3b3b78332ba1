// SPDX-License-Identifier: MIT
#include "workercontext.h"

#include "hostconnection.h"
#include "protocol/monotonicclock.h"
#include "protocol/protocol.h"

#include <chrono>
#include <thread>

#ifdef _WIN32
#include <io.h>
#define write _write
#else
#include <cerrno>
#include <unistd.h>
#endif

namespace ProcessLab::Worker {

void writeAll(int fd, std::string_view bytes)
{
    const char *data = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        const auto written = ::write(fd, data, static_cast<unsigned>(left));
        if (written < 0) {
#ifndef _WIN32
            if (errno == EINTR)
                continue;
#endif
            return; // stdout closed: nothing sensible left to do with the text
        }
        data += written;
        left -= static_cast<std::size_t>(written);
    }
}

WorkerContext::WorkerContext(int workerId, Protocol::Map arguments, HostConnection *host, SharedObjects *objects)
    : m_workerId(workerId)
    , m_arguments(std::move(arguments))
    , m_host(host)
    , m_objects(objects)
{
}

std::int64_t WorkerContext::intArgument(std::string_view name, std::int64_t fallback) const
{
    return m_arguments.value(name).toInteger(fallback);
}

double WorkerContext::doubleArgument(std::string_view name, double fallback) const
{
    return m_arguments.value(name).toDouble(fallback); // integers convert
}

void WorkerContext::print(std::string_view line) const
{
    // One write per line, newline included: the host receives each line whole, at once.
    std::string text;
    text.reserve(line.size() + 1);
    text.append(line).push_back('\n');
    writeAll(1, text);
}

void WorkerContext::printError(std::string_view line) const
{
    std::string text;
    text.reserve(line.size() + 1);
    text.append(line).push_back('\n');
    writeAll(2, text);
}

void WorkerContext::writeStdout(std::string_view bytes) const
{
    writeAll(1, bytes);
}

void WorkerContext::sleep(double seconds) const
{
    if (seconds > 0)
        std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
}

void WorkerContext::trace(std::string_view label) const
{
    // Each trace is a frame (a system call): a loop of a million items would spend seconds on
    // them. The code view follows a process's first traceBudget lines; then it goes quiet.
    if (m_tracesSent >= traceBudget)
        return;
    ++m_tracesSent;
    m_host->send(Protocol::encodeFrame(Protocol::makeTrace({std::string(label), monotonicNowNs()})));
}

bool WorkerContext::sendRaw(std::string_view bytes) const
{
    return m_host->send(bytes);
}

} // namespace ProcessLab::Worker
