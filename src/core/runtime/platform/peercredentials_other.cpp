// SPDX-License-Identifier: MIT
// Platforms without a way to ask for a local peer's process id: every connection counts as
// a stranger until its hello, which RunServer's eviction of the oldest stranger tolerates.
#include "peercredentials.h"

namespace ProcessLab::Platform {

std::optional<qint64> peerProcessId(const QLocalSocket &)
{
    return std::nullopt;
}

} // namespace ProcessLab::Platform
