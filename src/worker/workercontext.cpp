// SPDX-License-Identifier: MIT
#include "workercontext.h"

#include "hostconnection.h"
#include "mailbox.h"
#include "protocol/monotonicclock.h"
#include "protocol/protocol.h"

#include <algorithm>
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

WorkerContext::WorkerContext(int workerId, Protocol::Map arguments, HostConnection *host, Mailbox *mailbox,
                             SharedObjects *objects)
    : m_workerId(workerId)
    , m_arguments(std::move(arguments))
    , m_host(host)
    , m_mailbox(mailbox)
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

namespace {

std::chrono::nanoseconds toTimeout(double seconds)
{
    // Clamped: a day is "forever" for a behaviour, and the conversion cannot overflow.
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::duration<double>(std::clamp(seconds, 0.0, 86400.0)));
}

} // namespace

std::optional<Protocol::Reply> WorkerContext::request(std::string_view name, Protocol::Value body,
                                                      double timeoutSeconds) const
{
    const std::int64_t id = ++m_lastRequestId;
    if (!m_mailbox
        || !m_host->send(Protocol::encodeFrame(Protocol::makeRequest({id, std::string(name), std::move(body)}))))
        return std::nullopt;
    const std::optional<Protocol::Message> answer = m_mailbox->take(toTimeout(timeoutSeconds), [id](const Protocol::Message &m) {
        return m.type == Protocol::MessageType::Reply && m.body.value("id").toInteger(-1) == id;
    });
    if (!answer)
        return std::nullopt;
    return Protocol::parseReply(*answer, nullptr);
}

bool WorkerContext::notify(std::string_view name, Protocol::Value body) const
{
    return m_host->send(Protocol::encodeFrame(Protocol::makeNotify({std::string(name), std::move(body)})));
}

std::optional<Protocol::Message> WorkerContext::waitForMessage(double timeoutSeconds) const
{
    if (!m_mailbox)
        return std::nullopt;
    return m_mailbox->take(toTimeout(timeoutSeconds),
                           [](const Protocol::Message &m) { return m.type != Protocol::MessageType::Reply; });
}

bool WorkerContext::reply(const Protocol::Reply &reply) const
{
    return m_host->send(Protocol::encodeFrame(Protocol::makeReply(reply)));
}

} // namespace ProcessLab::Worker
