// SPDX-License-Identifier: MIT
#include "hostsegment.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <cstring>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <unistd.h>
#endif

namespace ProcessLab {

namespace {
#if QT_VERSION >= QT_VERSION_CHECK(6, 6, 0)
// Qt 6.6 gave keys a type. Prefer the type Qt used before (System V on Linux and unsandboxed
// macOS): Qt's PosixRealtime backend never unlinks a segment on Linux, System V's does.
QNativeIpcKey::Type chosenKeyType()
{
    const QNativeIpcKey::Type legacy = QNativeIpcKey::legacyDefaultTypeForOs();
    return QSharedMemory::isKeyTypeSupported(legacy) ? legacy : QNativeIpcKey::DefaultTypeForOs;
}

QString nativeKeyFor(const QString &name, QNativeIpcKey::Type type)
{
    switch (type) {
    case QNativeIpcKey::Type::Windows:
        return name;
    case QNativeIpcKey::Type::PosixRealtime:
        return u'/' + name; // shm_open: one leading slash, no other
    case QNativeIpcKey::Type::SystemV:
        break;
    }
    return QDir(QDir::tempPath()).filePath(name);
}

bool toShmKeyType(QNativeIpcKey::Type type, Shm::KeyType *result)
{
    switch (type) {
    case QNativeIpcKey::Type::SystemV:
        *result = Shm::KeyType::SystemV;
        return true;
    case QNativeIpcKey::Type::PosixRealtime:
        *result = Shm::KeyType::PosixRealtime;
        return true;
    case QNativeIpcKey::Type::Windows:
        *result = Shm::KeyType::Windows;
        return true;
    }
    return false; // System V with another ftok id: not one we make
}
#endif
} // namespace

QString HostSegment::segmentName(const QString &runPrefix, quint32 objectId)
{
    return runPrefix + u'-' + QString::number(objectId);
}

std::unique_ptr<HostSegment> HostSegment::create(const QString &runPrefix, quint32 objectId,
                                                 qsizetype size, QString *error)
{
    // The sweeper judges a segment by the pid in its name: it must be ours.
    static const QRegularExpression prefixPattern(QStringLiteral("^processlab-([0-9]+)-[0-9a-f]{16}$"));
    const QRegularExpressionMatch match = prefixPattern.match(runPrefix);
    if (!match.hasMatch() || match.captured(1).toLongLong() != QCoreApplication::applicationPid()) {
        if (error)
            *error = tr("invalid run name for a shared-memory segment: \"%1\"").arg(runPrefix);
        return nullptr;
    }
    const QString name = segmentName(runPrefix, objectId);
    if (size <= 0) {
        if (error)
            *error = tr("cannot create shared memory \"%1\": invalid size %2").arg(name).arg(size);
        return nullptr;
    }

    std::unique_ptr<HostSegment> segment(new HostSegment);
#if QT_VERSION >= QT_VERSION_CHECK(6, 6, 0)
    const QNativeIpcKey::Type type = chosenKeyType();
    segment->m_memory.setNativeKey(QNativeIpcKey(nativeKeyFor(name, type), type));
    if (!toShmKeyType(segment->m_memory.nativeIpcKey().type(), &segment->m_key.type)) {
        if (error)
            *error = tr("cannot create shared memory \"%1\": unsupported key type").arg(name);
        return nullptr;
    }
#else
#ifdef Q_OS_WIN
    segment->m_memory.setNativeKey(name);
    segment->m_key.type = Shm::KeyType::Windows;
#else
    segment->m_memory.setNativeKey(QDir(QDir::tempPath()).filePath(name));
    segment->m_key.type = Shm::KeyType::SystemV;
#endif
#endif
    const QString nativeKey = segment->m_memory.nativeKey();
#ifdef Q_OS_WIN
    segment->m_key.nativeKey = nativeKey.toStdString(); // UTF-8
#else
    segment->m_key.nativeKey = QFile::encodeName(nativeKey).toStdString();
#endif
    if (!segment->m_memory.create(size)) {
        if (error) {
            *error = tr("cannot create shared memory \"%1\": %2")
                         .arg(nativeKey, segment->m_memory.errorString());
        }
        return nullptr; // nothing was created (Qt removes a key file it made for this attempt)
    }
    segment->m_created = true;
    std::memset(segment->m_memory.data(), 0, static_cast<std::size_t>(segment->m_memory.size()));
#ifdef Q_OS_UNIX
    if (segment->m_key.type == Shm::KeyType::SystemV) {
        const key_t ipcKey = ::ftok(segment->m_key.nativeKey.c_str(), 'Q');
        segment->m_systemVId = ipcKey == -1 ? -1 : ::shmget(ipcKey, 0, 0);
    }
#endif
    return segment;
}

HostSegment::~HostSegment()
{
    // Qt removes the segment (and a System V key file) on the last detach only; a worker that
    // is still attached (it is being stopped) would keep it alive with no owner left.
    m_memory.detach();
    if (m_created)
        removeLeftover();
}

// After our detach: mark the segment for removal (the kernel frees it when the last worker
// detaches; nobody new can attach) and remove its name.
void HostSegment::removeLeftover()
{
#ifdef Q_OS_UNIX
    if (m_key.type == Shm::KeyType::SystemV) {
        shmid_ds info{};
        if (m_systemVId != -1 && ::shmctl(m_systemVId, IPC_STAT, &info) == 0
            && info.shm_cpid == ::getpid()) {
            ::shmctl(m_systemVId, IPC_RMID, nullptr);
        }
        ::unlink(m_key.nativeKey.c_str()); // ENOENT when Qt removed it with the segment
    } else if (m_key.type == Shm::KeyType::PosixRealtime) {
        ::shm_unlink(m_key.nativeKey.c_str()); // Qt never unlinks on Linux
    }
#endif
}

} // namespace ProcessLab
