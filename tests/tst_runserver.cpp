// SPDX-License-Identifier: MIT
// The run's local server under attack by same-user strangers: oversized first frames, silent
// connections, many of them, connections left open when the run ends. The client sockets
// live in this test process; runs use the real processlab-worker.
#include "testsupport.h"

#include "examples/exampleregistry.h"
#include "protocol/protocol.h"
#include "runtime/platform/peercredentials.h"
#include "runtime/protocolqt.h"
#include "runtime/runserver.h"

#include <QCoreApplication>
#include <QLocalSocket>
#include <QtEndian>

#include <chrono>
#include <memory>
#include <vector>

using namespace ProcessLab;
using namespace ProcessLab::TestSupport;
using namespace std::chrono_literals;

namespace {

// Longer than any test waits: a refusal the test sees is never the hello timeout.
constexpr auto patientHelloTimeout = 120s;

QByteArray frameHeader(quint32 declaredLength)
{
    QByteArray header(static_cast<qsizetype>(Protocol::headerSize), Qt::Uninitialized);
    qToBigEndian(declaredLength, header.data());
    return header;
}

QByteArray helloFrame(const QByteArray &token, qint64 pid)
{
    return Protocol::toQByteArray(
        Protocol::encodeFrame(Protocol::makeHello({Protocol::fromQByteArray(token), 1, pid, 0})));
}

std::unique_ptr<Run> processRun(int workers, double sleepSeconds)
{
    const ExampleDefinition *example = ExampleRegistry::find(QStringLiteral("process"));
    QString error;
    const auto knobs = resolveKnobs(example->knobs,
                                    {{QStringLiteral("workers"), workers}, {QStringLiteral("sleep"), sleepSeconds}},
                                    &error);
    auto run = Run::create(*example, *knobs);
    run->setWorkerProgram(workerPath());
    return run;
}

int countEvents(const RunRecord &record, EventKind kind, const QString &textPart)
{
    return int(std::count_if(record.events().cbegin(), record.events().cend(),
                             [&](const RunEvent &e) { return e.kind == kind && e.text.contains(textPart); }));
}

// A RunServer with spies on what it refuses and hands over. Configure it, then startListening().
class SpiedServer : public RunServer
{
public:
    explicit SpiedServer(std::chrono::milliseconds helloTimeout = patientHelloTimeout)
    {
        setHelloTimeout(helloTimeout);
    }
    bool startListening() { return listen(&listenError); }

    QSignalSpy rejected{this, &RunServer::connectionRejected};
    QSignalSpy authenticated{this, &RunServer::workerAuthenticated};
    QString listenError;
};

// Connects the client and waits until the server has taken the connection (pending or
// rejected), so the server's order of arrival is the order of the calls.
bool connectAndWaitUntilTaken(SpiedServer &server, QLocalSocket &client)
{
    const auto taken = [&] { return server.pendingConnectionCount() + int(server.rejected.count()); };
    const int takenBefore = taken();
    client.connectToServer(server.fullServerName());
    if (!client.waitForConnected(10000))
        return false;
    if (QTest::qWaitFor([&] { return taken() == takenBefore + 1; }, 20000))
        return true;
    qWarning("the server took %d connections, expected %d", taken(), takenBefore + 1);
    return false;
}

// Connects `count` clients one at a time (Qt's listen() backlog of 50 never fills).
bool connectOneByOne(SpiedServer &server, int count, std::vector<std::unique_ptr<QLocalSocket>> *clients)
{
    for (int i = 0; i < count; ++i) {
        clients->push_back(std::make_unique<QLocalSocket>());
        if (!connectAndWaitUntilTaken(server, *clients->back()))
            return false;
    }
    return true;
}

QStringList texts(const QList<QVariantList> &spy)
{
    QStringList result;
    for (const QVariantList &arguments : spy)
        result.append(arguments.at(0).toString());
    return result;
}

} // namespace

class TestRunServer : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void oversizedFirstFrameDroppedAtOnce();
    void strangersCannotMakeTheHostBuffer();
    void silentConnectionTimesOut();
    void oldestStrangerMakesRoom();
    void ownProcessesAreNeverEvicted();
    void helloMustComeFromItsPid();
    void workerMayUseFullFramesAfterHello();
    void closeEndsPendingConnections();
    void strangersCannotLockOutWorkers();
    void pendingConnectionsEndWithTheRun();
};

void TestRunServer::initTestCase()
{
    qRegisterMetaType<QLocalSocket *>(); // for QSignalSpy on workerAuthenticated
}

void TestRunServer::oversizedFirstFrameDroppedAtOnce()
{
    SpiedServer server;
    QVERIFY2(server.startListening(), qPrintable(server.listenError));

    // Only the 4-byte header of a 16 MiB frame: refused on the header, not after waiting
    // for (and buffering) 16 MiB.
    QLocalSocket stranger;
    stranger.connectToServer(server.fullServerName());
    QVERIFY(stranger.waitForConnected(10000));
    stranger.write(frameHeader(quint32(Protocol::maxFrameSize)));
    stranger.flush();
    QTRY_COMPARE_WITH_TIMEOUT(server.rejected.count(), 1, 20000);
    const QString reason = server.rejected.at(0).at(0).toString();
    QVERIFY2(reason.contains(QStringLiteral("exceeds the limit of %1 bytes").arg(Protocol::helloFrameLimit)),
             qPrintable(reason));
    QCOMPARE(server.pendingConnectionCount(), 0);
    QCOMPARE(server.pendingBytes(), qint64(0));
    QTRY_COMPARE_WITH_TIMEOUT(stranger.state(), QLocalSocket::UnconnectedState, 20000);
    QCOMPARE(server.authenticated.count(), 0);
}

void TestRunServer::strangersCannotMakeTheHostBuffer()
{
    SpiedServer server;
    QVERIFY2(server.startListening(), qPrintable(server.listenError));

    // 16 strangers each announce a 16 MiB frame and send 256 KiB of it at once.
    constexpr int strangers = 16;
    constexpr qsizetype sent = 256 * 1024;
    std::vector<std::unique_ptr<QLocalSocket>> sockets;
    for (int i = 0; i < strangers; ++i) {
        auto socket = std::make_unique<QLocalSocket>();
        socket->connectToServer(server.fullServerName());
        QVERIFY(socket->waitForConnected(10000));
        socket->write(frameHeader(quint32(Protocol::maxFrameSize)) + QByteArray(sent, 'x'));
        sockets.push_back(std::move(socket));
    }
    // Sampled on every turn of the event loop while the server works through them.
    // Per stranger at most its first frame in the reader and as much in the socket's buffer.
    const qint64 bound = strangers * 2 * qint64(Protocol::headerSize + Protocol::helloFrameLimit);
    qint64 mostHeld = 0;
    QVERIFY(QTest::qWaitFor([&] {
        mostHeld = std::max(mostHeld, server.pendingBytes());
        return server.rejected.count() == strangers || mostHeld > bound;
    }, 30000));
    QVERIFY2(mostHeld <= bound, qPrintable(QStringLiteral("%1 bytes held, bound %2").arg(mostHeld).arg(bound)));
    QCOMPARE(server.rejected.count(), strangers);
    for (const QString &reason : texts(server.rejected))
        QVERIFY2(reason.contains(QStringLiteral("exceeds the limit")), qPrintable(reason));
    QCOMPARE(server.pendingConnectionCount(), 0);
}

void TestRunServer::silentConnectionTimesOut()
{
    SpiedServer server(300ms);
    QVERIFY2(server.startListening(), qPrintable(server.listenError));

    QLocalSocket silent;
    silent.connectToServer(server.fullServerName());
    QVERIFY(silent.waitForConnected(10000));
    QTRY_COMPARE_WITH_TIMEOUT(server.rejected.count(), 1, 20000);
    QCOMPARE(server.rejected.at(0).at(0).toString(), QStringLiteral("no hello within 300 ms"));
    QTRY_COMPARE_WITH_TIMEOUT(silent.state(), QLocalSocket::UnconnectedState, 20000);
    QCOMPARE(server.pendingConnectionCount(), 0);
}

void TestRunServer::oldestStrangerMakesRoom()
{
    SpiedServer server;
    QVERIFY2(server.startListening(), qPrintable(server.listenError));

    constexpr int extra = 5;
    std::vector<std::unique_ptr<QLocalSocket>> sockets;
    QVERIFY(connectOneByOne(server, RunServer::maxPendingStrangers + extra, &sockets));
    QCOMPARE(server.pendingConnectionCount(), RunServer::maxPendingStrangers);
    QCOMPARE(server.rejected.count(), extra);
    for (const QString &reason : texts(server.rejected))
        QVERIFY2(reason.contains(QStringLiteral("closed the oldest")), qPrintable(reason));
    for (int i = 0; i < int(sockets.size()); ++i) {
        const bool evicted = i < extra;
        if (evicted)
            QTRY_COMPARE_WITH_TIMEOUT(sockets[i]->state(), QLocalSocket::UnconnectedState, 20000);
        else
            QCOMPARE(sockets[i]->state(), QLocalSocket::ConnectedState);
    }
}

void TestRunServer::ownProcessesAreNeverEvicted()
{
    SpiedServer server;
    const qint64 self = QCoreApplication::applicationPid();
    server.setOwnProcessCheck([self](qint64 pid) { return pid == self; });
    QVERIFY2(server.startListening(), qPrintable(server.listenError));

    QLocalSocket probe;
    QVERIFY(connectAndWaitUntilTaken(server, probe));
    QCOMPARE(server.pendingConnectionCount(), 1);
    // This process's connections are "own workers" only where the OS names a peer's pid.
    QLocalSocket *accepted = server.findChild<QLocalSocket *>();
    QVERIFY(accepted);
    if (!Platform::peerProcessId(*accepted))
        QSKIP("peer process ids are not available on this platform");
    QCOMPARE(*Platform::peerProcessId(*accepted), self);

    std::vector<std::unique_ptr<QLocalSocket>> sockets;
    const int total = RunServer::maxPendingStrangers + 10;
    QVERIFY(connectOneByOne(server, total - 1, &sockets)); // the probe is the first
    QCOMPARE(server.pendingConnectionCount(), total);
    QCOMPARE(server.rejected.count(), 0);
}

void TestRunServer::helloMustComeFromItsPid()
{
    SpiedServer server;
    QVERIFY2(server.startListening(), qPrintable(server.listenError));

    // The right token, but the hello claims another process's pid.
    const qint64 self = QCoreApplication::applicationPid();
    QLocalSocket impostor;
    QVERIFY(connectAndWaitUntilTaken(server, impostor));
    QCOMPARE(server.pendingConnectionCount(), 1);
    if (!Platform::peerProcessId(*server.findChild<QLocalSocket *>()))
        QSKIP("peer process ids are not available on this platform");
    impostor.write(helloFrame(server.token(), self + 1));
    impostor.flush();
    QTRY_COMPARE_WITH_TIMEOUT(server.rejected.count(), 1, 20000);
    QCOMPARE(server.rejected.at(0).at(0).toString(),
             QStringLiteral("the hello names pid %1, but the connection comes from pid %2").arg(self + 1).arg(self));
    QCOMPARE(server.authenticated.count(), 0);
}

void TestRunServer::workerMayUseFullFramesAfterHello()
{
    SpiedServer server;
    QVERIFY2(server.startListening(), qPrintable(server.listenError));

    QLocalSocket *handedOver = nullptr;
    std::shared_ptr<Protocol::FrameReader> reader;
    connect(&server, &RunServer::workerAuthenticated, this,
            [&](const Protocol::Hello &, QLocalSocket *socket, std::shared_ptr<Protocol::FrameReader> r) {
                handedOver = socket;
                reader = std::move(r);
            });

    // The hello and, in the same write, a trace frame far over the hello limit.
    const std::string label(1024 * 1024, 'L'); // more than the kernel buffers at once
    QLocalSocket worker;
    worker.connectToServer(server.fullServerName());
    QVERIFY(worker.waitForConnected(10000));
    worker.write(helloFrame(server.token(), QCoreApplication::applicationPid())
                 + Protocol::toQByteArray(Protocol::encodeFrame(Protocol::makeTrace({label, 7}))));
    worker.flush();
    QTRY_VERIFY_WITH_TIMEOUT(handedOver, 20000);
    QCOMPARE(server.rejected.count(), 0);
    QCOMPARE(reader->frameLimit(), Protocol::maxFrameSize);
    QCOMPARE(handedOver->readBufferSize(), qint64(0));

    // Read as WorkerProcess does: what is buffered now, then on readyRead only. The socket
    // must resume reading from the kernel once its stranger's read limit is lifted.
    Protocol::Message message;
    Protocol::FrameReader::Status status = Protocol::FrameReader::Status::NeedMore;
    const auto drain = [&] {
        reader->append(Protocol::viewOf(handedOver->readAll()));
        if (status == Protocol::FrameReader::Status::NeedMore)
            status = reader->next(&message);
    };
    connect(handedOver, &QLocalSocket::readyRead, this, drain);
    drain();
    QTRY_VERIFY_WITH_TIMEOUT(status != Protocol::FrameReader::Status::NeedMore, 20000);
    QVERIFY2(!reader->hasError(), reader->errorString().c_str());
    const std::optional<Protocol::Trace> trace = Protocol::parseTrace(message, nullptr);
    QVERIFY(trace);
    QCOMPARE(trace->label.size(), label.size());
    QCOMPARE(trace->timeNs, std::int64_t(7));
    delete handedOver;
}

void TestRunServer::closeEndsPendingConnections()
{
    SpiedServer server;
    QVERIFY2(server.startListening(), qPrintable(server.listenError));
    const QString socketPath = server.fullServerName();

    QLocalSocket silent;
    QVERIFY(connectAndWaitUntilTaken(server, silent));
    QCOMPARE(server.pendingConnectionCount(), 1);

    server.close();
    // Reported during close(), so a run records it before its run-finished event.
    QCOMPARE(server.rejected.count(), 1);
    QCOMPARE(server.rejected.at(0).at(0).toString(), QStringLiteral("the run ended before the connection sent its hello"));
    QCOMPARE(server.pendingConnectionCount(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(silent.state(), QLocalSocket::UnconnectedState, 20000);
#ifdef Q_OS_UNIX
    QVERIFY(!QFile::exists(socketPath));
#endif
    QCOMPARE(server.rejected.count(), 1); // and nothing after
}

void TestRunServer::strangersCannotLockOutWorkers()
{
    constexpr int workers = 4;
    auto run = processRun(workers, 0.2);
    run->setStepMode(true); // hold the workers back until the strangers are in
    QSignalSpy finished(run.get(), &Run::finished);
    run->start();
    QCOMPARE(run->status(), Run::Status::Running);

    // More strangers than QLocalServer queues (256), none of which ever speaks.
    constexpr int strangers = 300;
    std::vector<std::unique_ptr<QLocalSocket>> sockets;
    for (int i = 0; i < strangers; ++i) {
        auto socket = std::make_unique<QLocalSocket>();
        socket->connectToServer(run->serverName()); // asynchronous: the server accepts meanwhile
        sockets.push_back(std::move(socket));
    }
    const QString evicted = QStringLiteral("closed the oldest");
    const int evictions = strangers - RunServer::maxPendingStrangers;
    QTRY_COMPARE_WITH_TIMEOUT(countEvents(run->record(), EventKind::ConnectionRejected, evicted), evictions, 60000);

    run->setStepMode(false);
    QTRY_VERIFY_WITH_TIMEOUT(run->status() == Run::Status::Finished, 60000);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(run->exitCode(), 0);
    const RunSummary summary = summarize(run->record());
    for (int id = 1; id <= workers; ++id)
        QCOMPARE(summary.processes.at(id).state, ProcessState::Finished);
#ifdef Q_OS_LINUX
    // The workers were recognised by their pid: not one stranger was evicted for them.
    QCOMPARE(countEvents(run->record(), EventKind::ConnectionRejected, evicted), evictions);
#endif
    // The strangers still waiting were closed when the run ended, before run-finished.
    QCOMPARE(countEvents(run->record(), EventKind::ConnectionRejected, QStringLiteral("run ended")),
             RunServer::maxPendingStrangers);
    QCOMPARE(run->record().events().constLast().kind, EventKind::RunFinished);
    QVERIFY(allGone(workerPids(run->record())));
}

void TestRunServer::pendingConnectionsEndWithTheRun()
{
    auto run = processRun(1, 0.5);
    QSignalSpy finished(run.get(), &Run::finished);
    run->start();
    const QString socketPath = run->serverName();

    QLocalSocket silent;
    silent.connectToServer(socketPath);
    QVERIFY(silent.waitForConnected(10000));
    QTRY_VERIFY_WITH_TIMEOUT(run->status() == Run::Status::Finished, 60000);
    QCOMPARE(run->exitCode(), 0);

    // Closed by the end of the run, not by its hello timeout seconds later.
    QVERIFY(silent.state() == QLocalSocket::UnconnectedState || silent.waitForDisconnected(5000));
    const QList<RunEvent> &events = run->record().events();
    QCOMPARE(events.constLast().kind, EventKind::RunFinished);
    QCOMPARE(countEvents(run->record(), EventKind::ConnectionRejected, QStringLiteral("run ended")), 1);
#ifdef Q_OS_UNIX
    QVERIFY(!QFile::exists(socketPath));
#endif
    // Whatever the event loop still delivers, the record stays as it is.
    const qsizetype size = run->record().size();
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCOMPARE(run->record().size(), size);
    QCOMPARE(finished.count(), 1);
}

QTEST_GUILESS_MAIN(TestRunServer)
#include "tst_runserver.moc"
