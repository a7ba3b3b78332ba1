// SPDX-License-Identifier: MIT
#pragma once

// Is the process that owns a lock word still there? One implementation per platform:
// processliveness_posix.cpp (kill(pid, 0) == -1 && errno == ESRCH), processliveness_win.cpp
// (OpenProcess + GetExitCodeProcess).

#include <cstdint>

namespace ProcessLab::Shm {

// The id this process writes into lock words (getpid(), GetCurrentProcessId()).
std::uint32_t currentProcessId();

// True only when the process certainly no longer exists. An unreaped zombie still exists
// on POSIX (its parent, the host, reaps it); a process we may not signal (EPERM) exists.
bool processIsGone(std::uint32_t pid);

} // namespace ProcessLab::Shm
