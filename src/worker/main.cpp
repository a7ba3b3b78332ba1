// SPDX-License-Identifier: MIT
// processlab-worker: the child process of a ProcessLab run. It connects back to the host,
// proves it belongs to the run, is told which behaviour to run, runs it, and exits.
// It ends at once when the host asks it to stop or when the control connection closes.
#include "behaviours.h"
#include "hostconnection.h"
#include "protocol/monotonicclock.h"
#include "protocol/protocol.h"
#include "workercontext.h"


#include <cstdlib>
#include <thread>

#ifdef Q_OS_WIN
#include <process.h>
#define getpid _getpid
#else
#include <unistd.h>
#endif

using namespace ProcessLab;
using namespace ProcessLab::Worker;

namespace {

[[noreturn]] void exitWithMessage(int code, const QString &message)
{
    writeAll(2, QString(QStringLiteral("processlab-worker: ") + message + QLatin1Char('\n')).toUtf8());
    std::_Exit(code);
}

// Reads frames until one arrives; exits the process on end of stream or a bad frame.
Protocol::Message readMessage(HostConnection &host, Protocol::FrameReader &reader)
{
    Protocol::Message message;
    for (;;) {
        switch (reader.next(&message)) {
        case Protocol::FrameReader::Status::Frame:
            return message;
        case Protocol::FrameReader::Status::Error:
            exitWithMessage(Protocol::ExitProtocolError, reader.errorString());
        case Protocol::FrameReader::Status::NeedMore:
            break;
        }
        QByteArray bytes;
        if (!host.receive(&bytes))
            std::_Exit(Protocol::ExitHostGone);
        reader.append(bytes);
    }
}

// After the behaviour started, the only thing the host sends is Stop; the end of the
// stream means the host is gone. Either way the worker must not outlive the request.
void watchHost(HostConnection &host, Protocol::FrameReader &reader)
{
    for (;;) {
        const Protocol::Message message = readMessage(host, reader);
        if (message.type == Protocol::MessageType::Stop && !WorkerContext::ignoresStop())
            std::_Exit(Protocol::ExitStopped);
    }
}

} // namespace

int main(int argc, char *argv[])
{
    Q_UNUSED(argc);
    Q_UNUSED(argv);
    const QString server = qEnvironmentVariable(Protocol::serverEnvVar);
    const QByteArray token = QByteArray::fromHex(qgetenv(Protocol::tokenEnvVar));
    bool idOk = false;
    const int workerId = qEnvironmentVariableIntValue(Protocol::workerIdEnvVar, &idOk);
    if (server.isEmpty() || token.size() != Protocol::tokenSize || !idOk) {
        exitWithMessage(Protocol::ExitUsage,
                        QStringLiteral("this program is started by ProcessLab; run processlab or "
                                       "processlab-cli instead"));
    }

    HostConnection host;
    QString error;
    if (!host.connectTo(server, &error))
        exitWithMessage(Protocol::ExitConnectFailed, error);
    host.send(Protocol::encodeFrame(Protocol::makeHello({token, workerId, getpid(), monotonicNowNs()})));

    Protocol::FrameReader reader;
    const Protocol::Message first = readMessage(host, reader);
    if (first.type == Protocol::MessageType::Stop)
        std::_Exit(Protocol::ExitStopped);
    const std::optional<Protocol::Start> start = Protocol::parseStart(first, &error);
    if (!start)
        exitWithMessage(Protocol::ExitProtocolError, error);
    const BehaviourFunction behaviour = findBehaviour(start->behaviour);
    if (!behaviour)
        exitWithMessage(Protocol::ExitUnknownBehaviour, QStringLiteral("unknown behaviour '%1'").arg(start->behaviour));

    std::thread(watchHost, std::ref(host), std::ref(reader)).detach();
    const WorkerContext context(workerId, start->arguments, &host);
    std::_Exit(behaviour(context)); // output is unbuffered; no static destructors racing the watcher
}
