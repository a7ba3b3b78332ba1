// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace ProcessLab {

// Light, dark, or whatever the desktop uses. A dark room (projector) often wants dark even
// when the teacher's desktop is light. Views draw from the palette, so they follow.
namespace Theme {
QString normalized(const QString &name); // "system", "light", "dark"; empty if unknown
void apply(const QString &name);         // call after QApplication exists
QString current();
} // namespace Theme

} // namespace ProcessLab
