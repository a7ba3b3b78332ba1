// SPDX-License-Identifier: MIT
#include "workercontext.h"

#include "hostconnection.h"
#include "protocol/monotonicclock.h"
#include "protocol/protocol.h"

#include <chrono>
#include <thread>

#ifdef Q_OS_WIN
#include <io.h>
#define write _write
#else
#include <cerrno>
#include <unistd.h>
#endif

namespace ProcessLab::Worker {

void writeAll(int fd, QByteArrayView bytes)
{
    const char *data = bytes.data();
    qsizetype left = bytes.size();
    while (left > 0) {
        const auto written = ::write(fd, data, static_cast<unsigned>(left));
        if (written < 0) {
#ifndef Q_OS_WIN
            if (errno == EINTR)
                continue;
#endif
            return; // stdout closed: nothing sensible left to do with the text
        }
        data += written;
        left -= written;
    }
}

WorkerContext::WorkerContext(int workerId, QCborMap arguments, HostConnection *host)
    : m_workerId(workerId)
    , m_arguments(std::move(arguments))
    , m_host(host)
{
}

qint64 WorkerContext::intArgument(QLatin1StringView name, qint64 fallback) const
{
    const QCborValue value = m_arguments.value(name);
    return value.isInteger() ? value.toInteger() : fallback;
}

double WorkerContext::doubleArgument(QLatin1StringView name, double fallback) const
{
    const QCborValue value = m_arguments.value(name);
    return (value.isDouble() || value.isInteger()) ? value.toDouble() : fallback;
}

void WorkerContext::print(const QString &line) const
{
    writeAll(1, QString(line + QLatin1Char('\n')).toUtf8());
}

void WorkerContext::printError(const QString &line) const
{
    writeAll(2, QString(line + QLatin1Char('\n')).toUtf8());
}

void WorkerContext::writeStdout(QByteArrayView bytes) const
{
    writeAll(1, bytes);
}

void WorkerContext::sleep(double seconds) const
{
    if (seconds > 0)
        std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
}

void WorkerContext::trace(const QString &label) const
{
    m_host->send(Protocol::encodeFrame(Protocol::makeTrace({label, monotonicNowNs()})));
}

bool WorkerContext::sendRaw(const QByteArray &bytes) const
{
    return m_host->send(bytes);
}

} // namespace ProcessLab::Worker
