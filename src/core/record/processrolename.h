// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace ProcessLab {

// A process's name as the UI shows it, in the UI's language: "Main" → 主进程, "Worker 2" →
// 进程 2, "Producer" → 生产者… (the tutorial's words); any other recorded role as it is.
// One function for panes, views and walkthrough texts, so they all name a process alike.
QString displayRoleName(int processId, const QString &recordedRole);
// The same for a role named in a file (a walkthrough's "Main", "Worker 2"): no process id yet.
QString displayRoleName(const QString &recordedRole);

} // namespace ProcessLab
