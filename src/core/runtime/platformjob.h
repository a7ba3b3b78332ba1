// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace ProcessLab {

// Makes every process this host starts from now on die with the host, however the host ends
// (normal exit, crash, killed from the task manager). Call once, early in main(), before the
// first worker is started; later calls do nothing and return the first call's result.
//
// Windows: puts the host itself into a new Job Object whose limit is
// JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE. Children inherit the job and cannot leave it (no
// breakaway is allowed), and the only handle to the job is deliberately kept open until the
// host dies, when the system closes it and terminates everything still in the job. Note that
// this covers every child, including anything the app might launch for the user later.
// Linux: nothing to do here (each worker gets PR_SET_PDEATHSIG when it is started).
// macOS: nothing to do here (workers exit when their control connection closes).
//
// Returns false and sets *error (when error is non-null) if the job could not be set up; the
// host can carry on with a warning, as workers still exit when their connection closes.
bool ensureChildrenDieWithHost(QString *error = nullptr);

} // namespace ProcessLab
