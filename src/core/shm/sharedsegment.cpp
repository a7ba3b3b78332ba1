// SPDX-License-Identifier: MIT
#include "shm/sharedsegment.h"

namespace ProcessLab::Shm {

const char *keyTypeName(KeyType type)
{
    switch (type) {
    case KeyType::SystemV:
        return "sysv";
    case KeyType::PosixRealtime:
        return "posix";
    case KeyType::Windows:
        return "windows";
    }
    return "unknown";
}

bool keyTypeFromName(std::string_view name, KeyType *type)
{
    for (const KeyType candidate : {KeyType::SystemV, KeyType::PosixRealtime, KeyType::Windows}) {
        if (name == keyTypeName(candidate)) {
            if (type)
                *type = candidate;
            return true;
        }
    }
    return false;
}

} // namespace ProcessLab::Shm
