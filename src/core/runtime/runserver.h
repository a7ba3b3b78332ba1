// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/protocol.h"

#include <QObject>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QLocalServer;
class QLocalSocket;
class QTimer;

namespace ProcessLab {

// The local server of one run: a fresh random name, reachable only by the current user
// (QLocalServer::UserAccessOption), and a random 128-bit token that a worker must present
// in its first frame. Until then a connection is a stranger that may send one frame of at
// most Protocol::helloFrameLimit bytes, and only a hello; anything else, or nothing within
// the hello timeout, closes it. Every refusal is reported through connectionRejected().
class RunServer : public QObject
{
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds defaultHelloTimeout{10'000};
    // Connections waiting for their hello that are not from the run's own workers. When
    // one more arrives, the oldest is closed: a process that opens connections and keeps
    // them silent can neither exhaust the host's file descriptors nor lock workers out.
    static constexpr int maxPendingStrangers = 64;
    // QLocalServer's queue of accepted connections not yet taken; handleNewConnection()
    // takes them all at once. (The kernel's listen() backlog is Qt's own 50.)
    static constexpr int listenBacklog = 256;

    explicit RunServer(QObject *parent = nullptr);
    ~RunServer() override;

    bool listen(QString *error);
    // Stops listening and closes every connection still waiting for its hello, each
    // reported through connectionRejected() before close() returns; nothing is emitted
    // after it.
    void close();

    // For connections accepted from now on; tests shorten it.
    void setHelloTimeout(std::chrono::milliseconds timeout) { m_helloTimeout = timeout; }
    // Names the run's own worker processes by pid. Their connections never count as
    // strangers, so they get in however many strangers wait. Where the platform cannot
    // name a peer's process (platform/peercredentials.h), every connection is a stranger
    // until its hello, and evicting the oldest still lets a new worker in.
    void setOwnProcessCheck(std::function<bool(qint64 pid)> isOwnProcess);

    QString fullServerName() const;
    // The run's name, processlab-<host pid>-<16 hex digits>: the prefix of its segment names
    // (HostSegment). Empty before listen().
    QString runName() const;
    QByteArray token() const { return m_token; }

    // Connections waiting for their hello, and the bytes the host holds for them.
    int pendingConnectionCount() const { return static_cast<int>(m_pending.size()); }
    qint64 pendingBytes() const;

signals:
    // The socket is handed over (re-parent it); reader holds bytes received after the hello.
    void workerAuthenticated(const ProcessLab::Protocol::Hello &hello, QLocalSocket *socket,
                             std::shared_ptr<ProcessLab::Protocol::FrameReader> reader);
    void connectionRejected(const QString &reason);

private:
    struct PendingConnection
    {
        QLocalSocket *socket = nullptr;
        std::shared_ptr<Protocol::FrameReader> reader;
        QTimer *helloTimer = nullptr;
        std::optional<qint64> peerPid; // from the operating system, where it can tell
    };

    void handleNewConnection();
    void handlePendingData(QLocalSocket *socket);
    void handleDisconnected(QLocalSocket *socket);
    void makeRoomForStranger();
    bool isOwnProcess(const PendingConnection &connection) const;
    std::vector<PendingConnection>::iterator findPending(QLocalSocket *socket);
    PendingConnection takePending(std::vector<PendingConnection>::iterator it);
    void reject(QLocalSocket *socket, const QString &reason);

    QLocalServer *m_server = nullptr;
    QByteArray m_token;
    std::chrono::milliseconds m_helloTimeout = defaultHelloTimeout;
    std::function<bool(qint64)> m_isOwnProcess;
    std::vector<PendingConnection> m_pending; // in order of arrival
};

} // namespace ProcessLab
