// SPDX-License-Identifier: MIT
// The common header every object segment starts with (objectheader.h).
#include "objectheader.h"

#include <cstring>

namespace ProcessLab::Shm {

namespace {
const char *kindName(std::uint32_t kind)
{
    switch (static_cast<ObjectKind>(kind)) {
    case ObjectKind::Queue: return "a queue";
    case ObjectKind::Pipe: return "a pipe";
    case ObjectKind::Value: return "a value";
    case ObjectKind::Array: return "an array";
    case ObjectKind::Lock: return "a lock";
    }
    return "an unknown object";
}
} // namespace

ObjectHeader *checkHeader(void *memory, std::size_t size, ObjectKind kind, std::string *error)
{
    auto fail = [&](std::string message) -> ObjectHeader * {
        if (error)
            *error = std::move(message);
        return nullptr;
    };
    if (!memory || size < sizeof(ObjectHeader))
        return fail("shared-memory segment too small for an object header (" + std::to_string(size) + " bytes)");
    auto *header = static_cast<ObjectHeader *>(memory);
    if (header->magic.load(std::memory_order_acquire) != objectMagic)
        return fail("shared-memory segment holds no ProcessLab object (bad magic)");
    if (header->version != layoutVersion)
        return fail("shared-memory object has layout version " + std::to_string(header->version) + ", expected "
                    + std::to_string(layoutVersion));
    if (header->kind != static_cast<std::uint32_t>(kind))
        return fail(std::string("shared-memory object is ") + kindName(header->kind) + ", expected " + kindName(
                        static_cast<std::uint32_t>(kind)));
    if (header->segmentSize > size)
        return fail("shared-memory object needs " + std::to_string(header->segmentSize) + " bytes, the segment has "
                    + std::to_string(size));
    return header;
}

std::optional<ObjectKind> objectKindOf(const void *memory, std::size_t size)
{
    if (!memory || size < sizeof(ObjectHeader))
        return std::nullopt;
    const auto *header = static_cast<const ObjectHeader *>(memory);
    if (header->magic.load(std::memory_order_acquire) != objectMagic || header->version != layoutVersion
        || header->segmentSize > size)
        return std::nullopt;
    if (header->kind < static_cast<std::uint32_t>(ObjectKind::Queue)
        || header->kind > static_cast<std::uint32_t>(ObjectKind::Lock))
        return std::nullopt;
    return static_cast<ObjectKind>(header->kind);
}

} // namespace ProcessLab::Shm
