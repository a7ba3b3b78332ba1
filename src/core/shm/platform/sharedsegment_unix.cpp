// SPDX-License-Identifier: MIT
// Unix: System V segments keyed by ftok(key file, 'Q') as Qt's QSharedMemory makes them, and
// POSIX shared memory objects (shm_open) as Qt >= 6.6 makes them for PosixRealtime keys.
#include "shm/sharedsegment.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ProcessLab::Shm {

namespace {
// The project id QSharedMemory passes to ftok (Qt 6.6+: QNativeIpcKey::Type::SystemV == 'Q').
constexpr int qtFtokProjectId = 'Q';

bool fail(std::string *error, const SegmentKey &key, const char *call, int errorNumber)
{
    if (error) {
        *error = std::string("cannot attach shared memory \"") + key.nativeKey + "\" ("
            + keyTypeName(key.type) + "): " + call + ": " + std::strerror(errorNumber);
    }
    return false;
}

bool attachSystemV(const SegmentKey &key, void **data, std::size_t *size, std::string *error)
{
    const key_t ipcKey = ::ftok(key.nativeKey.c_str(), qtFtokProjectId);
    if (ipcKey == -1)
        return fail(error, key, "ftok", errno);
    const int id = ::shmget(ipcKey, 0, 0600);
    if (id == -1)
        return fail(error, key, "shmget", errno);
    shmid_ds info{};
    if (::shmctl(id, IPC_STAT, &info) == -1)
        return fail(error, key, "shmctl(IPC_STAT)", errno);
    void *address = ::shmat(id, nullptr, 0);
    if (address == reinterpret_cast<void *>(-1))
        return fail(error, key, "shmat", errno);
    *data = address;
    *size = static_cast<std::size_t>(info.shm_segsz);
    return true;
}

bool attachPosix(const SegmentKey &key, void **data, std::size_t *size, std::string *error)
{
    int fd = -1;
    do {
        fd = ::shm_open(key.nativeKey.c_str(), O_RDWR | O_CLOEXEC, 0600);
    } while (fd == -1 && errno == EINTR);
    if (fd == -1)
        return fail(error, key, "shm_open", errno);
    struct stat info{};
    if (::fstat(fd, &info) == -1) {
        const int errorNumber = errno;
        ::close(fd);
        return fail(error, key, "fstat", errorNumber);
    }
    if (info.st_size <= 0) {
        ::close(fd);
        return fail(error, key, "fstat", EINVAL); // an object of size 0 maps nothing
    }
    const auto length = static_cast<std::size_t>(info.st_size);
    void *address = ::mmap(nullptr, length, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    const int errorNumber = errno;
    ::close(fd); // the mapping keeps the object
    if (address == MAP_FAILED)
        return fail(error, key, "mmap", errorNumber);
    *data = address;
    *size = length;
    return true;
}
} // namespace

std::unique_ptr<SharedSegment> SharedSegment::attach(const SegmentKey &key, std::string *error)
{
    std::unique_ptr<SharedSegment> segment(new SharedSegment);
    segment->m_type = key.type;
    bool attached = false;
    switch (key.type) {
    case KeyType::SystemV:
        attached = attachSystemV(key, &segment->m_data, &segment->m_size, error);
        break;
    case KeyType::PosixRealtime:
        attached = attachPosix(key, &segment->m_data, &segment->m_size, error);
        break;
    case KeyType::Windows:
        attached = fail(error, key, "attach", ENOTSUP); // a Windows key names no Unix object
        break;
    }
    if (!attached)
        return nullptr;
    return segment;
}

SharedSegment::~SharedSegment()
{
    if (!m_data)
        return;
    if (m_type == KeyType::SystemV)
        ::shmdt(m_data);
    else
        ::munmap(m_data, m_size);
}

} // namespace ProcessLab::Shm
