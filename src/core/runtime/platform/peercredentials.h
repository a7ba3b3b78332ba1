// SPDX-License-Identifier: MIT
#pragma once

// Who is at the other end of a local connection, as the operating system tells it (never
// from anything the peer sent). The run's server uses it to recognise its own workers
// among strangers before their hello arrives. One implementation file per platform,
// chosen in src/core/CMakeLists.txt: _linux (SO_PEERCRED), _mac (LOCAL_PEERPID), _win
// (GetNamedPipeClientProcessId), _other (cannot tell).

#include <QtGlobal>

#include <optional>

class QLocalSocket;

namespace ProcessLab::Platform {

// The process id of the connected peer of socket; nullopt when the platform cannot tell
// or the socket is not connected.
std::optional<qint64> peerProcessId(const QLocalSocket &socket);

} // namespace ProcessLab::Platform
