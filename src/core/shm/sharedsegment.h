// SPDX-License-Identifier: MIT
#pragma once

// A worker's view of a shared-memory segment the host created with QSharedMemory
// (src/core/ipc/hostsegment.h). Std-only: the worker links no Qt, so it attaches with the
// same platform call QSharedMemory uses for a native key:
//   SystemV        ftok(key, 'Q') + shmget + shmat     (Qt 6.4 on Linux and macOS; the key
//                                                      is the path of a file Qt created)
//   PosixRealtime  shm_open(key) + fstat + mmap         (Qt >= 6.6 may choose it; key "/name")
//   Windows        OpenFileMappingW(key) + MapViewOfFile
// One implementation per platform: platform/sharedsegment_<os>.cpp. The worker only attaches
// and detaches; the host alone creates and removes segments (docs/ipc.md, "Segments").

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace ProcessLab::Shm {

enum class KeyType { SystemV, PosixRealtime, Windows };

struct SegmentKey
{
    std::string nativeKey; // UTF-8 (on Unix: the bytes the file system sees)
    KeyType type = KeyType::SystemV;
};

// Text forms used in the worker's Start arguments: "sysv", "posix", "windows".
const char *keyTypeName(KeyType type);
bool keyTypeFromName(std::string_view name, KeyType *type);

class SharedSegment
{
public:
    // Attaches read-write; nullptr and *error (naming the key and the OS error) on failure.
    static std::unique_ptr<SharedSegment> attach(const SegmentKey &key, std::string *error);
    ~SharedSegment(); // detaches (never removes: the host owns the segment)
    SharedSegment(const SharedSegment &) = delete;
    SharedSegment &operator=(const SharedSegment &) = delete;

    void *data() const { return m_data; }
    std::size_t size() const { return m_size; }
    KeyType type() const { return m_type; }

private:
    SharedSegment() = default;
    void *m_data = nullptr;
    std::size_t m_size = 0;
    KeyType m_type = KeyType::SystemV;
#ifdef _WIN32
    void *m_handle = nullptr; // the mapping handle
#endif
};

} // namespace ProcessLab::Shm
