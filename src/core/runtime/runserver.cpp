// SPDX-License-Identifier: MIT
#include "runserver.h"

#include "protocolqt.h"
#include "runservername.h"

#include <QCoreApplication>
#include <QLocalServer>
#include <QLocalSocket>
#include <QRandomGenerator>
#include <QTimer>

namespace ProcessLab {

namespace {
QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return bytes;
}
} // namespace

RunServer::RunServer(QObject *parent)
    : QObject(parent)
    , m_server(new QLocalServer(this))
    , m_token(randomBytes(Protocol::tokenSize))
{
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    m_server->setMaxPendingConnections(maxPendingConnections);
    connect(m_server, &QLocalServer::newConnection, this, &RunServer::handleNewConnection);
}

RunServer::~RunServer() = default;

bool RunServer::listen(QString *error)
{
    sweepStaleRunSocketsOnce(); // files of runs whose host was killed
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
    m_server->close();
}

QString RunServer::fullServerName() const
{
    return m_server->fullServerName();
}

void RunServer::handleNewConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        if (m_pending >= maxPendingConnections) {
            reject(socket, tr("too many unauthenticated connections"));
            continue;
        }
        ++m_pending;
        auto reader = std::make_shared<Protocol::FrameReader>();
        auto *timeout = new QTimer(socket);
        timeout->setSingleShot(true);
        connect(timeout, &QTimer::timeout, this,
                [this, socket] { reject(socket, tr("no hello within %1 ms").arg(helloTimeoutMs)); });
        timeout->start(helloTimeoutMs);
        connect(socket, &QLocalSocket::readyRead, this,
                [this, socket, reader] { handlePendingData(socket, reader); });
        connect(socket, &QLocalSocket::disconnected, this, [this, socket] {
            if (socket->property("processlab.pending").toBool())
                reject(socket, tr("connection closed before the hello frame"));
        });
        socket->setProperty("processlab.pending", true);
        if (socket->bytesAvailable() > 0)
            handlePendingData(socket, reader);
    }
}

void RunServer::handlePendingData(QLocalSocket *socket, const std::shared_ptr<Protocol::FrameReader> &reader)
{
    if (!socket->property("processlab.pending").toBool())
        return;
    reader->append(Protocol::viewOf(socket->readAll()));
    Protocol::Message message;
    switch (reader->next(&message)) {
    case Protocol::FrameReader::Status::NeedMore:
        return;
    case Protocol::FrameReader::Status::Error:
        reject(socket, tr("bad first frame: %1").arg(Protocol::toQString(reader->errorString())));
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
    // Authenticated: detach our handlers and hand the socket over.
    socket->setProperty("processlab.pending", false);
    --m_pending;
    disconnect(socket, nullptr, this, nullptr);
    qDeleteAll(socket->findChildren<QTimer *>(Qt::FindDirectChildrenOnly));
    emit workerAuthenticated(*hello, socket, reader);
}

void RunServer::reject(QLocalSocket *socket, const QString &reason)
{
    if (socket->property("processlab.pending").toBool()) {
        socket->setProperty("processlab.pending", false);
        --m_pending;
    }
    disconnect(socket, nullptr, this, nullptr);
    socket->abort();
    socket->deleteLater();
    emit connectionRejected(reason);
}

} // namespace ProcessLab
