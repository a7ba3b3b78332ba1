// SPDX-License-Identifier: MIT
// IpcWaits: the projection of `blocked` ipc events into waits that the queue, pipe, shared
// memory and topology views read. A wait ends at the same process's next event on that
// object, the process's end, or the run's end; nothing else ends it.
#include "protocol/protocol.h"
#include "record/ipcwaits.h"

#include <QTest>

using namespace ProcessLab;

namespace {

RunEvent ipc(qint64 t, int process, int object, Protocol::IpcOp op, const QString &text = {})
{
    return {.timeNs = t, .kind = EventKind::IpcOperation, .process = process, .object = object,
            .op = quint8(op), .text = text};
}

RunEvent ended(qint64 t, int process)
{
    return {.timeNs = t, .kind = EventKind::StateChanged, .process = process, .state = ProcessState::Finished,
            .hasExitStatus = true, .text = {}};
}

RunEvent runFinished(qint64 t)
{
    return {.timeNs = t, .kind = EventKind::RunFinished, .text = {}};
}

} // namespace

class TestIpcWaits : public QObject
{
    Q_OBJECT
private slots:
    void waitEnds_data();
    void waitEnds();
    void otherProcessOrObjectDoesNotEndIt();
    void repeatedBlockedIsOneWait();
    void endBeforeStartIsClamped();
    void capCountsWhatItDrops();
};

void TestIpcWaits::waitEnds_data()
{
    QTest::addColumn<RunEvent>("ender");
    QTest::addColumn<qint64>("expectedEnd");
    QTest::newRow("get-returns") << ipc(500, 2, 1, Protocol::IpcOp::Get, QStringLiteral("1")) << qint64(500);
    QTest::newRow("failed-empty") << ipc(600, 2, 1, Protocol::IpcOp::Failed, QStringLiteral("queue.Empty")) << qint64(600);
    QTest::newRow("process-ends") << ended(700, 2) << qint64(700);
    QTest::newRow("run-ends") << runFinished(800) << qint64(800);
}

void TestIpcWaits::waitEnds()
{
    QFETCH(RunEvent, ender);
    QFETCH(qint64, expectedEnd);
    IpcWaits waits;
    waits.consume(ipc(100, 2, 1, Protocol::IpcOp::Blocked, QStringLiteral("get")));
    QVERIFY(waits.openWait(2, 1));
    QCOMPARE(waits.openWait(2, 1)->what, QStringLiteral("get"));
    QCOMPARE(waits.openWaitsOf(2).size(), 1);
    waits.consume(ender);
    QCOMPARE(waits.openWait(2, 1), nullptr);
    QCOMPARE(waits.openCount(), 0);
    QCOMPARE(waits.waits().size(), 1);
    QCOMPARE(waits.waits().constFirst().startNs, qint64(100));
    QCOMPARE(waits.waits().constFirst().endNs, expectedEnd);
}

void TestIpcWaits::otherProcessOrObjectDoesNotEndIt()
{
    IpcWaits waits;
    waits.consume(ipc(100, 2, 1, Protocol::IpcOp::Blocked, QStringLiteral("get")));
    waits.consume(ipc(200, 3, 1, Protocol::IpcOp::Put, QStringLiteral("1"))); // the producer
    waits.consume(ipc(300, 2, 5, Protocol::IpcOp::Put, QStringLiteral("2"))); // another object
    waits.consume(ended(400, 3));
    QVERIFY(waits.openWait(2, 1));
    QVERIFY(waits.waits().constFirst().isOpen());
}

void TestIpcWaits::repeatedBlockedIsOneWait()
{
    IpcWaits waits;
    waits.consume(ipc(100, 2, 1, Protocol::IpcOp::Blocked, QStringLiteral("put")));
    waits.consume(ipc(150, 2, 1, Protocol::IpcOp::Blocked, QStringLiteral("put")));
    QCOMPARE(waits.waits().size(), 1);
    waits.consume(ipc(200, 2, 1, Protocol::IpcOp::Put, QStringLiteral("9")));
    waits.consume(ipc(300, 2, 1, Protocol::IpcOp::Blocked, QStringLiteral("put")));
    QCOMPARE(waits.waits().size(), 2);
    QCOMPARE(waits.waits().at(0).endNs, qint64(200));
    QVERIFY(waits.waits().at(1).isOpen());
}

void TestIpcWaits::endBeforeStartIsClamped()
{
    IpcWaits waits; // a worker's own timestamp can be earlier than the host-stamped wait
    waits.consume(ipc(1000, 0, 1, Protocol::IpcOp::Blocked, QStringLiteral("recv")));
    waits.consume(ipc(900, 0, 1, Protocol::IpcOp::Recv, QStringLiteral("'hi'")));
    QCOMPARE(waits.waits().constFirst().endNs, qint64(1000));
}

void TestIpcWaits::capCountsWhatItDrops()
{
    IpcWaits waits;
    for (qsizetype i = 0; i < IpcWaits::waitCap + 3; ++i) {
        waits.consume(ipc(2 * i + 1, 1, 1, Protocol::IpcOp::Blocked, QStringLiteral("get")));
        waits.consume(ipc(2 * i + 2, 1, 1, Protocol::IpcOp::Get, QStringLiteral("0")));
    }
    QCOMPARE(waits.waits().size(), IpcWaits::waitCap);
    QCOMPARE(waits.droppedWaits(), qint64(3));
    QCOMPARE(waits.openCount(), 0);
}

QTEST_GUILESS_MAIN(TestIpcWaits)
#include "tst_ipcwaits.moc"
