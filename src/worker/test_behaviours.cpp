// SPDX-License-Identifier: MIT
// Behaviours for tests and benchmarks, chosen by name like Qt Creator's process test app.
#include "behaviours.h"
#include "workercontext.h"

#include "protocol/protocol.h"

#include <QtEndian>

#include <csignal>
#include <cstdlib>
#include <thread>

namespace ProcessLab::Worker {

namespace {

// Prints a partial line, then dies by SIGABRT: the host must show the partial line and
// report the signal.
int crash(const WorkerContext &context)
{
    context.print(QStringLiteral("about to crash"));
    context.writeStdout("last words without newline");
    std::abort();
}

int exitCode(const WorkerContext &context)
{
    context.print(QStringLiteral("exiting with %1").arg(context.intArgument(QLatin1StringView("code"), 3)));
    return static_cast<int>(context.intArgument(QLatin1StringView("code"), 3));
}

// A Chinese line whose UTF-8 bytes are written in two parts, split inside a character.
int splitUtf8(const WorkerContext &context)
{
    const QByteArray text = QStringLiteral("进程间通信").toUtf8();
    context.writeStdout(QByteArrayView(text).first(4)); // "进" + first byte of "程"
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    context.writeStdout(QByteArrayView(text).sliced(4));
    context.writeStdout("\n");
    context.printError(QStringLiteral("标准错误输出"));
    return 0;
}

// Prints args.lines lines as fast as it can, in large writes.
int flood(const WorkerContext &context)
{
    const qint64 lines = context.intArgument(QLatin1StringView("lines"), 10000);
    const QByteArray prefix = QStringLiteral("worker %1 line ").arg(context.workerId()).toUtf8();
    QByteArray buffer;
    buffer.reserve(70 * 1024);
    for (qint64 i = 0; i < lines; ++i) {
        buffer += prefix;
        buffer += QByteArray::number(i);
        buffer += '\n';
        if (buffer.size() >= 64 * 1024) {
            context.writeStdout(buffer);
            buffer.clear();
        }
    }
    context.writeStdout(buffer);
    return 0;
}

int noop(const WorkerContext &)
{
    return 0;
}

int noNewline(const WorkerContext &context)
{
    context.writeStdout("no newline at the end");
    return 0;
}

// Sleeps "forever" (args.sleep, default 1 hour): for stop, orphan and memory tests.
int idle(const WorkerContext &context)
{
    context.trace(QStringLiteral("idle"));
    context.sleep(context.doubleArgument(QLatin1StringView("sleep"), 3600.0));
    return 0;
}

// Ignores the Stop request and SIGTERM: only SIGKILL (the host's last resort) ends it.
int stubborn(const WorkerContext &context)
{
#ifndef Q_OS_WIN
    std::signal(SIGTERM, SIG_IGN);
#endif
    WorkerContext::setIgnoreStop(true);
    context.print(QStringLiteral("ignoring stop requests"));
    context.sleep(3600.0);
    return 0;
}

// Computes without pausing: nothing but the death signal or a kill stops it.
int busy(const WorkerContext &context)
{
    context.print(QStringLiteral("busy"));
    volatile quint64 x = 0;
    for (;;)
        x = x + 1;
    return 0;
}

int badFrame(const WorkerContext &context)
{
    context.sendRaw(QByteArray("\x00\x00\x00\x05garbage", 11));
    context.sleep(30.0); // the host must close the connection; the reader thread then exits
    return 0;
}

int oversizedFrame(const WorkerContext &context)
{
    QByteArray header(4, Qt::Uninitialized);
    qToBigEndian<quint32>(static_cast<quint32>(Protocol::maxFrameSize + 1), header.data());
    context.sendRaw(header);
    context.sleep(30.0);
    return 0;
}

} // namespace

QList<Behaviour> testBehaviours()
{
    return {
        {"test.crash", &crash},
        {"test.exit-code", &exitCode},
        {"test.split-utf8", &splitUtf8},
        {"test.flood", &flood},
        {"test.noop", &noop},
        {"test.no-newline", &noNewline},
        {"test.idle", &idle},
        {"test.stubborn", &stubborn},
        {"test.busy", &busy},
        {"test.bad-frame", &badFrame},
        {"test.oversized-frame", &oversizedFrame},
    };
}

} // namespace ProcessLab::Worker
