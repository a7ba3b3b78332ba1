// SPDX-License-Identifier: MIT
#pragma once

// One shared-memory segment the host creates and owns for an IPC object of a run
// (docs/ipc.md, "Segments"). QSharedMemory with a native key unique to the run:
//   Unix     <QDir::tempPath()>/processlab-<hostpid>-<runhex>-<objectid>, a key file for
//            ftok (System V; Qt creates the file)
//   Windows  processlab-<hostpid>-<runhex>-<objectid>, the name of a file mapping
// Workers attach with Shm::SharedSegment::attach(segmentKey()). Destroying a HostSegment
// removes the segment and its key file even while a worker is still attached (the worker
// keeps its mapping until it detaches); a host killed by SIGKILL leaves them to
// SegmentSweeper at the next start.

#include "shm/sharedsegment.h"

#include <QCoreApplication>
#include <QSharedMemory>
#include <QString>

#include <memory>

namespace ProcessLab {

class HostSegment
{
    Q_DECLARE_TR_FUNCTIONS(ProcessLab::HostSegment)

public:
    // runPrefix is the run's name, processlab-<this process's pid>-<16 hex digits>
    // (RunServer::runName()).
    // The memory is zeroed. nullptr and *error (naming the key and Qt's reason) on failure.
    static std::unique_ptr<HostSegment> create(const QString &runPrefix, quint32 objectId,
                                               qsizetype size, QString *error);
    ~HostSegment();
    HostSegment(const HostSegment &) = delete;
    HostSegment &operator=(const HostSegment &) = delete;

    void *data() { return m_memory.data(); }
    const void *data() const { return m_memory.constData(); }
    qsizetype size() const { return m_memory.size(); } // may exceed the requested size
    QString nativeKey() const { return m_memory.nativeKey(); }
    // What a worker needs to attach: the native key and how the platform names it.
    Shm::SegmentKey segmentKey() const { return m_key; }

    // The segment's name without a directory: <runPrefix>-<objectId>.
    static QString segmentName(const QString &runPrefix, quint32 objectId);

private:
    HostSegment() = default;
    void removeLeftover();

    QSharedMemory m_memory;
    Shm::SegmentKey m_key;
    bool m_created = false;
    int m_systemVId = -1; // Unix, System V: the segment's id, to remove exactly this one

};

} // namespace ProcessLab
