// SPDX-License-Identifier: MIT
// Shared-memory segments end to end: the host creates them (HostSegment, QSharedMemory), the
// std-only side attaches them (Shm::SharedSegment) in this process and in child processes,
// destroying removes them, and SegmentSweeper removes a killed host's leftovers but never a
// live host's. Every process, this one included, uses a private TMPDIR for its key files.
#include "ipc/hostsegment.h"
#include "ipc/segmentsweeper.h"
#include "runtime/runservername.h"
#include "shm/sharedsegment.h"
#include "testsupport.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <unistd.h>
#endif

using namespace ProcessLab;

namespace {
QString randomHex()
{
    return QString::number(QRandomGenerator::global()->generate64() | (quint64(1) << 63), 16);
}

QString ownRunName()
{
    return makeRunServerName(QCoreApplication::applicationPid(), randomHex());
}

#ifdef Q_OS_UNIX
// The System V key a worker computes for a native key, taken while the key file exists.
key_t systemVKey(const Shm::SegmentKey &key)
{
    return ::ftok(key.nativeKey.c_str(), 'Q');
}

// shmget on the key: the segment's id, or -1 with errno (ENOENT once it is removed).
int segmentId(key_t key)
{
    return ::shmget(key, 0, 0);
}
#endif
} // namespace

class tst_SharedSegment : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void createdSegmentIsZeroedAndSharedInProcess();
    void childProcessWritesThroughTheKey();
    void destroyRemovesSegmentAndKeyFile();
    void destroyWhileWorkerAttachedStillRemovesIt();
    void badRunNameAndSizeAreRefused();
    void attachUnknownKeyNamesKeyAndReason();
    void keyTypeNamesRoundTrip();
    void sweepRemovesKilledHostsSegment();
    void sweepKeepsLiveHostsSegment();
    void sweepLeavesWhatIsNotOurs();

private:
    QProcessEnvironment childEnvironment() const;
    bool startOwner(QProcess &owner, Shm::SegmentKey *key);

    QTemporaryDir m_tempDir;
};

void tst_SharedSegment::initTestCase()
{
    QVERIFY(m_tempDir.isValid());
    // Key files of this process's segments land in the private directory, not in /tmp.
    qputenv("TMPDIR", QFile::encodeName(m_tempDir.path()));
    QCOMPARE(QDir::tempPath(), QDir(m_tempDir.path()).canonicalPath());
}

void tst_SharedSegment::cleanup()
{
    QCOMPARE(TestSupport::leftoverSegments(m_tempDir.path()), QStringList());
}

QProcessEnvironment tst_SharedSegment::childEnvironment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("TMPDIR"), m_tempDir.path());
    return environment;
}

// Starts the segment owner helper and reads the key of the segment it created.
bool tst_SharedSegment::startOwner(QProcess &owner, Shm::SegmentKey *key)
{
    owner.setProcessEnvironment(childEnvironment());
    owner.start(QStringLiteral(SEGMENT_OWNER_PATH), {randomHex(), QStringLiteral("7"), QStringLiteral("4096")});
    if (!QTest::qWaitFor([&] { return owner.canReadLine() || owner.state() == QProcess::NotRunning; }, 30000)
        || !owner.canReadLine()) {
        qWarning() << "segment owner:" << owner.readAllStandardError();
        return false;
    }
    const QString line = QString::fromUtf8(owner.readLine()).trimmed();
    const qsizetype space = line.indexOf(u' ');
    if (space < 0 || !Shm::keyTypeFromName(line.left(space).toStdString(), &key->type))
        return false;
    key->nativeKey = QFile::encodeName(line.mid(space + 1)).toStdString();
    return true;
}

void tst_SharedSegment::createdSegmentIsZeroedAndSharedInProcess()
{
    QString error;
    const QString runName = ownRunName();
    std::unique_ptr<HostSegment> host = HostSegment::create(runName, 3, 10000, &error);
    QVERIFY2(host, qPrintable(error));
    QVERIFY(host->size() >= 10000);
    const auto *hostBytes = static_cast<const unsigned char *>(host->data());
    QVERIFY(std::all_of(hostBytes, hostBytes + host->size(), [](unsigned char b) { return b == 0; }));

    const Shm::SegmentKey key = host->segmentKey();
#ifdef Q_OS_WIN
    QCOMPARE(key.type, Shm::KeyType::Windows);
    QCOMPARE(QString::fromStdString(key.nativeKey), runName + QStringLiteral("-3"));
#else
    QCOMPARE(key.type, Shm::KeyType::SystemV);
    QCOMPARE(QString::fromStdString(key.nativeKey), QDir(QDir::tempPath()).filePath(runName + QStringLiteral("-3")));
    QVERIFY(QFileInfo(QString::fromStdString(key.nativeKey)).isFile()); // Qt made the key file
#endif

    std::string attachError;
    const std::unique_ptr<Shm::SharedSegment> worker = Shm::SharedSegment::attach(key, &attachError);
    QVERIFY2(worker, attachError.c_str());
    QCOMPARE(qsizetype(worker->size()), host->size());
    QVERIFY(worker->data() != host->data()); // a second mapping of the same memory

    std::memcpy(worker->data(), "from the worker", 16);
    QCOMPARE(QByteArray(static_cast<const char *>(host->data())), QByteArray("from the worker"));
    std::memcpy(static_cast<char *>(host->data()) + 9999, "!", 1);
    QCOMPARE(static_cast<const char *>(worker->data())[9999], '!');
}

void tst_SharedSegment::childProcessWritesThroughTheKey()
{
    QString error;
    std::unique_ptr<HostSegment> host = HostSegment::create(ownRunName(), 1, 4096, &error);
    QVERIFY2(host, qPrintable(error));
    const Shm::SegmentKey key = host->segmentKey();

    QProcess child;
    child.setProcessEnvironment(childEnvironment());
    QSignalSpy finished(&child, &QProcess::finished);
    child.start(QStringLiteral(SEGMENT_ATTACHER_PATH),
                {QString::fromLatin1(Shm::keyTypeName(key.type)), QString::fromStdString(key.nativeKey),
                 QStringLiteral("write"), QStringLiteral("0xa7"), QStringLiteral("4000")});
    QVERIFY(finished.wait(30000));
    QCOMPARE(child.readAllStandardError(), QByteArray());
    QCOMPARE(child.exitStatus(), QProcess::NormalExit);
    QCOMPARE(child.exitCode(), 0);
    const auto *bytes = static_cast<const unsigned char *>(host->data());
    QCOMPARE(std::count(bytes, bytes + 4000, 0xa7), 4000);
    QCOMPARE(bytes[4000], 0); // only what it was told to write
}

void tst_SharedSegment::destroyRemovesSegmentAndKeyFile()
{
#ifndef Q_OS_UNIX
    QSKIP("System V segments and key files exist on Unix only");
#else
    QString error;
    std::unique_ptr<HostSegment> host = HostSegment::create(ownRunName(), 2, 4096, &error);
    QVERIFY2(host, qPrintable(error));
    const Shm::SegmentKey key = host->segmentKey();
    const key_t ipcKey = systemVKey(key);
    QVERIFY(ipcKey != -1);
    const int id = segmentId(ipcKey);
    QVERIFY(id != -1);
    shmid_ds info{};
    QCOMPARE(::shmctl(id, IPC_STAT, &info), 0);
    QCOMPARE(qint64(info.shm_nattch), 1);
    QCOMPARE(qint64(info.shm_cpid), qint64(::getpid()));
    QCOMPARE(info.shm_perm.mode & 0777, 0600u);
    // Qt 6.4 makes no semaphore set for a native key (6.6 does: see the sweeper).
    const bool semaphoreExists = ::semget(ipcKey, 0, 0) != -1;
    qInfo("Qt %s: a semaphore set for the native key %s", qVersion(), semaphoreExists ? "exists" : "does not exist");

    host.reset();
    errno = 0;
    QCOMPARE(segmentId(ipcKey), -1);
    QCOMPARE(errno, ENOENT);
    QCOMPARE(::semget(ipcKey, 0, 0), -1);
    QVERIFY(!QFile::exists(QString::fromStdString(key.nativeKey)));
#endif
}

// Qt removes a segment on its LAST detach only; a worker still attached when its host drops
// the segment (it is being stopped) must not keep it alive with no owner.
void tst_SharedSegment::destroyWhileWorkerAttachedStillRemovesIt()
{
#ifndef Q_OS_UNIX
    QSKIP("System V segments and key files exist on Unix only");
#else
    QString error;
    std::unique_ptr<HostSegment> host = HostSegment::create(ownRunName(), 4, 4096, &error);
    QVERIFY2(host, qPrintable(error));
    const Shm::SegmentKey key = host->segmentKey();
    const key_t ipcKey = systemVKey(key);

    QProcess child;
    child.setProcessEnvironment(childEnvironment());
    QSignalSpy finished(&child, &QProcess::finished);
    child.start(QStringLiteral(SEGMENT_ATTACHER_PATH),
                {QString::fromLatin1(Shm::keyTypeName(key.type)), QString::fromStdString(key.nativeKey),
                 QStringLiteral("hold"), QStringLiteral("0x3c"), QStringLiteral("4096")});
    QVERIFY(QTest::qWaitFor([&] { return child.canReadLine() || child.state() == QProcess::NotRunning; }, 30000));
    QCOMPARE(child.readLine().left(9), QByteArray("attached "));

    host.reset();
    errno = 0;
    QCOMPARE(segmentId(ipcKey), -1);
    QCOMPARE(errno, ENOENT);
    QVERIFY(!QFile::exists(QString::fromStdString(key.nativeKey)));

    child.write("go\n");
    QVERIFY(finished.wait(30000));
    QCOMPARE(child.readAllStandardError(), QByteArray());
    QCOMPARE(child.readAllStandardOutput(), QByteArray("still mapped\n"));
    QCOMPARE(child.exitCode(), 0);
#endif
}

void tst_SharedSegment::badRunNameAndSizeAreRefused()
{
    QString error;
    const QString otherPid = makeRunServerName(QCoreApplication::applicationPid() + 1, randomHex());
    QVERIFY(!HostSegment::create(otherPid, 1, 4096, &error));
    QVERIFY2(error.contains(otherPid), qPrintable(error));
    QVERIFY(!HostSegment::create(QStringLiteral("../processlab-1-x"), 1, 4096, &error));
    QVERIFY2(error.contains(QStringLiteral("../processlab-1-x")), qPrintable(error));

    const QString runName = ownRunName();
    QVERIFY(!HostSegment::create(runName, 9, 0, &error));
    QVERIFY2(error.contains(runName + QStringLiteral("-9")) && error.contains(QStringLiteral("size")),
             qPrintable(error));
    // The same name twice: the second is refused and the first still works.
    std::unique_ptr<HostSegment> first = HostSegment::create(runName, 5, 4096, &error);
    QVERIFY2(first, qPrintable(error));
    QVERIFY(!HostSegment::create(runName, 5, 4096, &error));
    QVERIFY2(error.contains(runName + QStringLiteral("-5")), qPrintable(error));
    std::string attachError;
    QVERIFY2(Shm::SharedSegment::attach(first->segmentKey(), &attachError), attachError.c_str());
}

void tst_SharedSegment::attachUnknownKeyNamesKeyAndReason()
{
#ifdef Q_OS_WIN
    const Shm::SegmentKey key{"processlab-1-0000000000000000-1", Shm::KeyType::Windows};
#else
    const Shm::SegmentKey key{QFile::encodeName(m_tempDir.filePath(QStringLiteral("no-such-key"))).toStdString(),
                              Shm::KeyType::SystemV};
#endif
    std::string error;
    QVERIFY(!Shm::SharedSegment::attach(key, &error));
    const QString message = QString::fromStdString(error);
    QVERIFY2(message.contains(QString::fromStdString(key.nativeKey)), qPrintable(message));
#ifdef Q_OS_UNIX
    QVERIFY2(message.contains(QString::fromLocal8Bit(std::strerror(ENOENT))), qPrintable(message));
#endif
}

void tst_SharedSegment::keyTypeNamesRoundTrip()
{
    for (const Shm::KeyType type : {Shm::KeyType::SystemV, Shm::KeyType::PosixRealtime, Shm::KeyType::Windows}) {
        Shm::KeyType parsed{};
        QVERIFY(Shm::keyTypeFromName(Shm::keyTypeName(type), &parsed));
        QCOMPARE(parsed, type);
    }
    Shm::KeyType parsed{};
    QVERIFY(!Shm::keyTypeFromName("SysV", &parsed));
    QVERIFY(!Shm::keyTypeFromName("", &parsed));
}

void tst_SharedSegment::sweepRemovesKilledHostsSegment()
{
#ifndef Q_OS_UNIX
    QSKIP("a killed host leaves segments behind on Unix only (Windows removes a mapping with its last handle)");
#else
    QProcess owner;
    Shm::SegmentKey key;
    QVERIFY(startOwner(owner, &key));
    QCOMPARE(key.type, Shm::KeyType::SystemV);
    const key_t ipcKey = systemVKey(key);
    QVERIFY(ipcKey != -1);

    QSignalSpy finished(&owner, &QProcess::finished);
    QVERIFY(TestSupport::killProcess(owner.processId()));
    QVERIFY(finished.wait(30000));
    QCOMPARE(owner.exitStatus(), QProcess::CrashExit);

    // SIGKILL leaves the segment (attached by nobody, data intact) and its key file.
    const int id = segmentId(ipcKey);
    QVERIFY(id != -1);
    shmid_ds info{};
    QCOMPARE(::shmctl(id, IPC_STAT, &info), 0);
    QCOMPARE(qint64(info.shm_nattch), 0);
    QVERIFY(QFile::exists(QString::fromStdString(key.nativeKey)));
    QCOMPARE(TestSupport::leftoverSegments(m_tempDir.path()).size(), 1);
    std::string error;
    {
        const std::unique_ptr<Shm::SharedSegment> view = Shm::SharedSegment::attach(key, &error);
        QVERIFY2(view, error.c_str());
        QCOMPARE(static_cast<const unsigned char *>(view->data())[4095], 0x5a);
    }

    const SegmentSweeper::Result result = SegmentSweeper::sweep(m_tempDir.path());
    QCOMPARE(result.segments, 1);
    QCOMPARE(result.keyFiles, 1);
    errno = 0;
    QCOMPARE(segmentId(ipcKey), -1);
    QCOMPARE(errno, ENOENT);
    QVERIFY(!QFile::exists(QString::fromStdString(key.nativeKey)));
    QVERIFY(!Shm::SharedSegment::attach(key, &error));
#endif
}

void tst_SharedSegment::sweepKeepsLiveHostsSegment()
{
    QProcess owner;
    Shm::SegmentKey key;
    QVERIFY(startOwner(owner, &key));

    const SegmentSweeper::Result result = SegmentSweeper::sweep(m_tempDir.path());
    QCOMPARE(result.segments, 0);
    QCOMPARE(result.keyFiles, 0);
    std::string error;
    {
        const std::unique_ptr<Shm::SharedSegment> view = Shm::SharedSegment::attach(key, &error);
        QVERIFY2(view, error.c_str());
        QCOMPARE(static_cast<const unsigned char *>(view->data())[0], 0x5a);
    }

    // The owner ends normally and takes its segment with it.
    QSignalSpy finished(&owner, &QProcess::finished);
    owner.closeWriteChannel();
    QVERIFY(finished.wait(30000));
    QCOMPARE(owner.exitStatus(), QProcess::NormalExit);
    QCOMPARE(owner.exitCode(), 0);
    QVERIFY(!Shm::SharedSegment::attach(key, &error));
#ifdef Q_OS_UNIX
    QVERIFY(!QFile::exists(QString::fromStdString(key.nativeKey)));
#endif
}

void tst_SharedSegment::sweepLeavesWhatIsNotOurs()
{
#ifndef Q_OS_UNIX
    QSKIP("the sweeper has nothing to do on Windows");
#else
    // A pid that surely is dead: a child that has exited and been reaped.
    QProcess child;
    qint64 deadPid = 0;
    connect(&child, &QProcess::started, this, [&] { deadPid = child.processId(); });
    QSignalSpy finished(&child, &QProcess::finished);
    child.start(QStringLiteral(SEGMENT_ATTACHER_PATH), {}); // usage error: exits at once
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000);
    QVERIFY(deadPid > 0);
    QVERIFY(!TestSupport::processAlive(deadPid));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString name = makeRunServerName(deadPid, QStringLiteral("0123456789abcdef")) + QStringLiteral("-1");
    QFile target(dir.filePath(QStringLiteral("target")));
    QVERIFY(target.open(QIODevice::WriteOnly));
    target.write("keep me");
    target.close();
    QVERIFY(QFile::link(target.fileName(), dir.filePath(name)));              // a symlink: never followed
    QVERIFY(QDir(dir.path()).mkdir(name + QStringLiteral("0")));              // a directory
    QFile near(dir.filePath(name + QStringLiteral(".bak")));                  // not exactly our pattern
    QVERIFY(near.open(QIODevice::WriteOnly));
    near.close();
    const QString live = makeRunServerName(QCoreApplication::applicationPid(), QStringLiteral("0123456789abcdef"))
        + QStringLiteral("-1");
    QFile liveFile(dir.filePath(live));                                       // a live pid's file
    QVERIFY(liveFile.open(QIODevice::WriteOnly));
    liveFile.close();

    const SegmentSweeper::Result result = SegmentSweeper::sweep(dir.path());
    QCOMPARE(result.keyFiles, 0);
    QCOMPARE(result.segments, 0);
    QVERIFY(QFileInfo(dir.filePath(name)).isSymLink());
    QVERIFY(target.open(QIODevice::ReadOnly));
    QCOMPARE(target.readAll(), QByteArray("keep me"));
    QVERIFY(QFileInfo(dir.filePath(name + QStringLiteral("0"))).isDir());
    QVERIFY(near.exists());
    QVERIFY(liveFile.exists());

    // The control: a plain key file of the dead pid goes.
    QVERIFY(QFile::remove(dir.filePath(name)));
    QFile dead(dir.filePath(name));
    QVERIFY(dead.open(QIODevice::WriteOnly));
    dead.close();
    QCOMPARE(SegmentSweeper::sweep(dir.path()).keyFiles, 1);
    QVERIFY(!dead.exists());
#endif
}

QTEST_GUILESS_MAIN(tst_SharedSegment)
#include "tst_sharedsegment.moc"
