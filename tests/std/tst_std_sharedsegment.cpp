// SPDX-License-Identifier: MIT
// Shm::SharedSegment against segments made the way QSharedMemory makes them for a native key:
// System V keyed by ftok(key file, 'Q') and POSIX shm_open objects on Unix, a named file
// mapping (CreateFileMappingW) on Windows (this test runs under Wine in
// scripts/check-portability.sh). tests/tst_sharedsegment.cpp checks the real QSharedMemory.
#include "shm/sharedsegment.h"

#include <doctest/doctest.h>

#include <chrono>
#include <cstring>
#include <random>
#include <string>

#ifdef _WIN32
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <windows.h>
#else
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <unistd.h>
#endif

using namespace ProcessLab;

namespace {

std::string uniqueName()
{
    std::random_device random;
    return "processlab-std-test-" + std::to_string(random()) + "-"
        + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
}

#ifdef _WIN32
// What QSharedMemory::create does for a native key on Windows.
struct OwnedSegment
{
    explicit OwnedSegment(std::size_t size)
        : name(uniqueName())
    {
        const std::wstring wide(name.begin(), name.end());
        handle = CreateFileMappingW(INVALID_HANDLE_VALUE, nullptr, PAGE_READWRITE, 0,
                                    static_cast<DWORD>(size), wide.c_str());
        REQUIRE(handle != nullptr);
        data = MapViewOfFile(handle, FILE_MAP_ALL_ACCESS, 0, 0, 0);
        REQUIRE(data != nullptr);
    }
    ~OwnedSegment()
    {
        UnmapViewOfFile(data);
        CloseHandle(handle);
    }
    Shm::SegmentKey key() const { return {name, Shm::KeyType::Windows}; }

    std::string name;
    HANDLE handle = nullptr;
    void *data = nullptr;
};
#else
// What QSharedMemory::create does for a native key on Qt 6.4's Unix: a key file, then a
// System V segment keyed by ftok(file, 'Q'), removed with the file.
struct OwnedSegment
{
    explicit OwnedSegment(std::size_t size)
    {
        const char *tmp = std::getenv("TMPDIR");
        path = std::string(tmp && *tmp ? tmp : "/tmp") + "/" + uniqueName();
        const int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_RDWR, 0600);
        REQUIRE(fd != -1);
        ::close(fd);
        id = ::shmget(::ftok(path.c_str(), 'Q'), size, 0600 | IPC_CREAT | IPC_EXCL);
        REQUIRE(id != -1);
        data = ::shmat(id, nullptr, 0);
        REQUIRE(data != reinterpret_cast<void *>(-1));
    }
    ~OwnedSegment()
    {
        ::shmdt(data);
        ::shmctl(id, IPC_RMID, nullptr);
        ::unlink(path.c_str());
    }
    Shm::SegmentKey key() const { return {path, Shm::KeyType::SystemV}; }

    std::string path;
    int id = -1;
    void *data = nullptr;
};

// What Qt >= 6.6 does for a PosixRealtime key: shm_open("/name") + ftruncate.
struct OwnedPosixObject
{
    explicit OwnedPosixObject(std::size_t size)
        : name("/" + uniqueName())
    {
        const int fd = ::shm_open(name.c_str(), O_CREAT | O_EXCL | O_RDWR, 0600);
        REQUIRE(fd != -1);
        REQUIRE(::ftruncate(fd, static_cast<off_t>(size)) == 0);
        data = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        ::close(fd);
        REQUIRE(data != MAP_FAILED);
        length = size;
    }
    ~OwnedPosixObject()
    {
        ::munmap(data, length);
        ::shm_unlink(name.c_str());
    }
    Shm::SegmentKey key() const { return {name, Shm::KeyType::PosixRealtime}; }

    std::string name;
    void *data = nullptr;
    std::size_t length = 0;
};
#endif

template<typename Owned>
void checkSharesBytes(std::size_t size)
{
    Owned owned(size);
    std::string error;
    const auto segment = Shm::SharedSegment::attach(owned.key(), &error);
    REQUIRE_MESSAGE(segment, error);
    CHECK(segment->size() >= size);
    CHECK(segment->type() == owned.key().type);
    std::memcpy(segment->data(), "worker", 7);
    CHECK(std::string(static_cast<const char *>(owned.data)) == "worker");
    static_cast<char *>(owned.data)[size - 1] = 'h';
    CHECK(static_cast<const char *>(segment->data())[size - 1] == 'h');
}

} // namespace

TEST_CASE("attaches a segment made like QSharedMemory's and shares its bytes")
{
    checkSharesBytes<OwnedSegment>(10000);
}

#ifndef _WIN32
TEST_CASE("attaches a POSIX shared memory object (Qt >= 6.6 PosixRealtime keys)")
{
    checkSharesBytes<OwnedPosixObject>(4096);
}
#endif

TEST_CASE("a missing segment: the error names the key and the system's reason")
{
    std::string error;
#ifdef _WIN32
    const Shm::SegmentKey key{uniqueName(), Shm::KeyType::Windows};
    CHECK_FALSE(Shm::SharedSegment::attach(key, &error));
    CHECK(error.find(key.nativeKey) != std::string::npos);
    CHECK(error.find("OpenFileMappingW") != std::string::npos);
#else
    const Shm::SegmentKey key{"/nonexistent-directory/" + uniqueName(), Shm::KeyType::SystemV};
    CHECK_FALSE(Shm::SharedSegment::attach(key, &error));
    CHECK(error.find(key.nativeKey) != std::string::npos);
    CHECK(error.find(std::strerror(ENOENT)) != std::string::npos);
    const Shm::SegmentKey posix{"/" + uniqueName(), Shm::KeyType::PosixRealtime};
    CHECK_FALSE(Shm::SharedSegment::attach(posix, &error));
    CHECK(error.find("shm_open") != std::string::npos);
#endif
}

TEST_CASE("a key of another platform's type is refused with a message")
{
    std::string error;
#ifdef _WIN32
    const Shm::SegmentKey key{"C:/somewhere", Shm::KeyType::SystemV};
#else
    const Shm::SegmentKey key{"processlab-1-0000000000000000-1", Shm::KeyType::Windows};
#endif
    CHECK_FALSE(Shm::SharedSegment::attach(key, &error));
    CHECK(error.find(key.nativeKey) != std::string::npos);
}

TEST_CASE("key type names round-trip")
{
    for (const Shm::KeyType type : {Shm::KeyType::SystemV, Shm::KeyType::PosixRealtime, Shm::KeyType::Windows}) {
        Shm::KeyType parsed{};
        CHECK(Shm::keyTypeFromName(Shm::keyTypeName(type), &parsed));
        CHECK(parsed == type);
    }
    CHECK_FALSE(Shm::keyTypeFromName("SYSV", nullptr));
}
