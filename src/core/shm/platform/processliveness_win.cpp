// SPDX-License-Identifier: MIT
#include "processliveness.h"

#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#include <windows.h>

namespace ProcessLab::Shm {

std::uint32_t currentProcessId()
{
    return static_cast<std::uint32_t>(GetCurrentProcessId());
}

bool processIsGone(std::uint32_t pid)
{
    if (pid == 0)
        return false;
    HANDLE process = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, static_cast<DWORD>(pid));
    if (!process)
        return GetLastError() == ERROR_INVALID_PARAMETER; // no such process (access denied: alive)
    DWORD exitCode = 0;
    const bool gone = GetExitCodeProcess(process, &exitCode) && exitCode != STILL_ACTIVE;
    CloseHandle(process);
    return gone;
}

} // namespace ProcessLab::Shm
