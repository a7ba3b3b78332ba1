// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/protocol.h"

#include <QObject>

#include <memory>

class QLocalServer;
class QLocalSocket;

namespace ProcessLab {

// The local server of one run: a fresh random name, reachable only by the current user
// (QLocalServer::UserAccessOption), and a random 128-bit token that a worker must present
// in its first frame. Connections that send anything else, too much, or nothing within
// helloTimeout are closed and reported through connectionRejected().
class RunServer : public QObject
{
    Q_OBJECT
public:
    static constexpr int helloTimeoutMs = 10'000;
    static constexpr int maxPendingConnections = 256;

    explicit RunServer(QObject *parent = nullptr);
    ~RunServer() override;

    bool listen(QString *error);
    void close();

    QString fullServerName() const;
    QByteArray token() const { return m_token; }

signals:
    // The socket is handed over (re-parent it); reader holds bytes received after the hello.
    void workerAuthenticated(const ProcessLab::Protocol::Hello &hello, QLocalSocket *socket,
                             std::shared_ptr<ProcessLab::Protocol::FrameReader> reader);
    void connectionRejected(const QString &reason);

private:
    void handleNewConnection();
    void handlePendingData(QLocalSocket *socket, const std::shared_ptr<Protocol::FrameReader> &reader);
    void reject(QLocalSocket *socket, const QString &reason);

    QLocalServer *m_server = nullptr;
    QByteArray m_token;
    int m_pending = 0;
};

} // namespace ProcessLab
