// SPDX-License-Identifier: MIT
#include "processliveness.h"

#include <cerrno>
#include <signal.h>
#include <unistd.h>

namespace ProcessLab::Shm {

std::uint32_t currentProcessId()
{
    return static_cast<std::uint32_t>(getpid());
}

bool processIsGone(std::uint32_t pid)
{
    if (pid == 0 || pid > 0x7FFFFFFFu)
        return false; // not a process id we could have written
    return kill(static_cast<pid_t>(pid), 0) == -1 && errno == ESRCH;
}

} // namespace ProcessLab::Shm
