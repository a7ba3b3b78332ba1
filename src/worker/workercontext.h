// SPDX-License-Identifier: MIT
#pragma once

#include <QCborMap>
#include <QString>

#include <atomic>

namespace ProcessLab::Worker {

class HostConnection;

// What a behaviour can do: print like Python's print() (straight to the real stdout, one
// write per line, so output is never held back in a buffer), sleep, and report where it
// is (a trace label the host maps to a line of the example's Python source).
class WorkerContext
{
public:
    WorkerContext(int workerId, QCborMap arguments, HostConnection *host);

    int workerId() const { return m_workerId; }
    const QCborMap &arguments() const { return m_arguments; }
    qint64 intArgument(QLatin1StringView name, qint64 fallback) const;
    double doubleArgument(QLatin1StringView name, double fallback) const;

    void print(const QString &line) const;      // stdout, newline appended
    void printError(const QString &line) const; // stderr, newline appended
    void writeStdout(QByteArrayView bytes) const; // raw bytes, as given
    void sleep(double seconds) const;
    void trace(const QString &label) const;
    bool sendRaw(const QByteArray &bytes) const; // tests: put anything on the wire

    // A Stop request normally ends the worker at once; a test behaviour can refuse it.
    static void setIgnoreStop(bool ignore) { s_ignoreStop = ignore; }
    static bool ignoresStop() { return s_ignoreStop; }

private:
    int m_workerId;
    QCborMap m_arguments;
    HostConnection *m_host;
    static inline std::atomic_bool s_ignoreStop = false;
};

void writeAll(int fd, QByteArrayView bytes);

} // namespace ProcessLab::Worker
