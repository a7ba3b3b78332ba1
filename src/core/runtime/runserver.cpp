// SPDX-License-Identifier: MIT
#include "runserver.h"

#include "platform/peercredentials.h"
#include "protocolqt.h"
#include "runservername.h"
#include "ipc/segmentsweeper.h"

#include <QCoreApplication>
#include <QLocalServer>
#include <QLocalSocket>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>

namespace ProcessLab {

namespace {
QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return bytes;
}

// A stranger's first frame, header included: all the host reads from it before the hello.
constexpr qint64 strangerReadLimit = qint64(Protocol::headerSize + Protocol::helloFrameLimit);
} // namespace

RunServer::RunServer(QObject *parent)
    : QObject(parent)
    , m_server(new QLocalServer(this))
    , m_token(randomBytes(Protocol::tokenSize))
{
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    m_server->setMaxPendingConnections(listenBacklog);
    connect(m_server, &QLocalServer::newConnection, this, &RunServer::handleNewConnection);
}

RunServer::~RunServer()
{
    // The sockets die with m_server; their last signals must not reach a half-destroyed this.
    for (const PendingConnection &connection : m_pending)
        disconnect(connection.socket, nullptr, this, nullptr);
}

bool RunServer::listen(QString *error)
{
    sweepStaleRunSocketsOnce(); // files of runs whose host was killed
    SegmentSweeper::sweepOnce(); // and their shared memory
    // A few attempts in the astronomically unlikely case that the random name is taken.
    for (int attempt = 0; attempt < 3; ++attempt) {
        const QString name = makeRunServerName(QCoreApplication::applicationPid(),
                                               QString::fromLatin1(randomBytes(8).toHex()));
        if (m_server->listen(name))
            return true;
    }
    if (error)
        *error = tr("cannot listen on a local socket: %1").arg(m_server->errorString());
    return false;
}

void RunServer::close()
{
    m_server->close(); // also drops connections QLocalServer queued but we did not take
    while (!m_pending.empty())
        reject(m_pending.front().socket, tr("the run ended before the connection sent its hello"));
}

void RunServer::setOwnProcessCheck(std::function<bool(qint64)> isOwnProcess)
{
    m_isOwnProcess = std::move(isOwnProcess);
}

QString RunServer::fullServerName() const
{
    return m_server->fullServerName();
}

QString RunServer::runName() const
{
    return m_server->serverName();
}

qint64 RunServer::pendingBytes() const
{
    qint64 bytes = 0;
    for (const PendingConnection &connection : m_pending)
        bytes += qint64(connection.reader->bufferedBytes()) + connection.socket->bytesAvailable();
    return bytes;
}

void RunServer::handleNewConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        PendingConnection connection;
        connection.socket = socket;
        connection.reader = std::make_shared<Protocol::FrameReader>(Protocol::helloFrameLimit);
        connection.peerPid = Platform::peerProcessId(*socket);
        // Qt stops reading from the kernel beyond this; a flood waits in the sender's buffers.
        socket->setReadBufferSize(strangerReadLimit);
        if (!isOwnProcess(connection))
            makeRoomForStranger();

        connection.helloTimer = new QTimer(this);
        connection.helloTimer->setSingleShot(true);
        connect(connection.helloTimer, &QTimer::timeout, this, [this, socket] {
            reject(socket, tr("no hello within %1 ms").arg(m_helloTimeout.count()));
        });
        connection.helloTimer->start(m_helloTimeout);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { handlePendingData(socket); });
        connect(socket, &QLocalSocket::disconnected, this, [this, socket] { handleDisconnected(socket); });
        m_pending.push_back(std::move(connection));
        if (socket->bytesAvailable() > 0)
            handlePendingData(socket);
    }
}

bool RunServer::isOwnProcess(const PendingConnection &connection) const
{
    return connection.peerPid && m_isOwnProcess && m_isOwnProcess(*connection.peerPid);
}

void RunServer::makeRoomForStranger()
{
    // Asked at eviction time, not at accept: a worker whose start the run has registered
    // since it connected is recognised now.
    const auto isStranger = [this](const PendingConnection &c) { return !isOwnProcess(c); };
    while (std::count_if(m_pending.cbegin(), m_pending.cend(), isStranger) >= maxPendingStrangers) {
        const auto oldest = std::find_if(m_pending.cbegin(), m_pending.cend(), isStranger);
        reject(oldest->socket, tr("too many connections without a hello: closed the oldest"));
    }
}

std::vector<RunServer::PendingConnection>::iterator RunServer::findPending(QLocalSocket *socket)
{
    return std::find_if(m_pending.begin(), m_pending.end(),
                        [socket](const PendingConnection &c) { return c.socket == socket; });
}

RunServer::PendingConnection RunServer::takePending(std::vector<PendingConnection>::iterator it)
{
    PendingConnection connection = std::move(*it);
    m_pending.erase(it);
    delete connection.helloTimer;
    connection.helloTimer = nullptr;
    disconnect(connection.socket, nullptr, this, nullptr);
    return connection;
}

void RunServer::handlePendingData(QLocalSocket *socket)
{
    const auto it = findPending(socket);
    if (it == m_pending.end())
        return;
    Protocol::FrameReader &reader = *it->reader;
    // Read no more than the first frame may hold: the rest stays in the socket for the
    // worker's connection, or is never read at all from a stranger.
    const qint64 room = strangerReadLimit - qint64(reader.bufferedBytes());
    if (room > 0)
        reader.append(Protocol::viewOf(socket->read(room)));
    Protocol::Message message;
    switch (reader.next(&message)) {
    case Protocol::FrameReader::Status::NeedMore:
        return;
    case Protocol::FrameReader::Status::Error:
        reject(socket, tr("bad first frame: %1").arg(Protocol::toQString(reader.errorString())));
        return;
    case Protocol::FrameReader::Status::Frame:
        break;
    }
    std::string error;
    const std::optional<Protocol::Hello> hello = Protocol::parseHello(message, &error);
    if (!hello) {
        reject(socket, tr("bad hello: %1").arg(Protocol::toQString(error)));
        return;
    }
    if (!Protocol::tokensEqual(hello->token, Protocol::viewOf(m_token))) {
        reject(socket, tr("wrong run token (worker %1, pid %2)").arg(hello->workerId).arg(hello->pid));
        return;
    }
    if (it->peerPid && *it->peerPid != hello->pid) {
        reject(socket, tr("the hello names pid %1, but the connection comes from pid %2")
                           .arg(hello->pid)
                           .arg(*it->peerPid));
        return;
    }
    // Authenticated: from here on the worker's connection may carry full-size frames.
    PendingConnection connection = takePending(it);
    socket->setReadBufferSize(0); // unlimited, Qt's default
    connection.reader->setFrameLimit(Protocol::maxFrameSize);
    emit workerAuthenticated(*hello, socket, std::move(connection.reader));
}

void RunServer::handleDisconnected(QLocalSocket *socket)
{
    // Even a hello that arrived just before: a worker that has hung up cannot be started.
    if (findPending(socket) != m_pending.end())
        reject(socket, tr("connection closed before the hello frame"));
}

void RunServer::reject(QLocalSocket *socket, const QString &reason)
{
    const auto it = findPending(socket);
    if (it != m_pending.end())
        takePending(it);
    disconnect(socket, nullptr, this, nullptr);
    socket->abort();
    socket->deleteLater();
    emit connectionRejected(reason);
}

} // namespace ProcessLab
