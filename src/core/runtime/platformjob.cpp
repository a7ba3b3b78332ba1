// SPDX-License-Identifier: MIT
#include "platformjob.h"

#ifdef Q_OS_WIN
#include <qt_windows.h>
#endif

namespace ProcessLab {

namespace {

struct JobSetup
{
    bool ok = true;
    QString error;
};

#ifdef Q_OS_WIN
JobSetup failed(const char *call)
{
    // Read the error before anything else can overwrite it.
    const DWORD code = GetLastError();
    return {false, QStringLiteral("%1 failed: %2").arg(QLatin1StringView(call), qt_error_string(int(code)))};
}

JobSetup setUpJob()
{
    HANDLE job = CreateJobObjectW(nullptr, nullptr);
    if (!job)
        return failed("CreateJobObject");

    // Only KILL_ON_JOB_CLOSE: without JOB_OBJECT_LIMIT_BREAKAWAY_OK or SILENT_BREAKAWAY_OK no
    // child can be created outside the job, even with CREATE_BREAKAWAY_FROM_JOB.
    JOBOBJECT_EXTENDED_LIMIT_INFORMATION limits = {};
    limits.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
    if (!SetInformationJobObject(job, JobObjectExtendedLimitInformation, &limits, DWORD(sizeof limits))) {
        const JobSetup result = failed("SetInformationJobObject");
        CloseHandle(job);
        return result;
    }

    // The host joins the job itself, so every child it starts later is in it from its first
    // instruction (assigning each child after CreateProcess would leave a window in which a
    // dying host orphans it). Windows 8+ allows this even if we already run inside a job.
    if (!AssignProcessToJobObject(job, GetCurrentProcess())) {
        const JobSetup result = failed("AssignProcessToJobObject");
        CloseHandle(job);
        return result;
    }

    // The handle is leaked on purpose: closing it would kill this process and its children.
    // The system closes it when the host exits, which is exactly when the children must go.
    return {};
}
#else
JobSetup setUpJob()
{
    return {};
}
#endif

} // namespace

bool ensureChildrenDieWithHost(QString *error)
{
    static const JobSetup setup = setUpJob(); // once, thread-safe
    if (!setup.ok && error)
        *error = setup.error;
    return setup.ok;
}

} // namespace ProcessLab
