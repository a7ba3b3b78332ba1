// SPDX-License-Identifier: MIT
#pragma once

#include "record/runevent.h"

#include <QColor>

class QPalette;

namespace ProcessLab {

// One colour per process, shared by the output panes, the console and the timeline.
// Main is a neutral slate; workers get distinct hues that read on light and dark
// backgrounds. Beyond the ten base hues the palette cycles with a shifted lightness.
QColor processColor(int processId, bool darkTheme);

// The colour of a lifecycle state: created grey, starting amber, ready light blue,
// running blue, finished green, failed red, killed orange.
QColor stateColor(ProcessState state, bool darkTheme);

// Text drawn for stderr lines (and stderr ticks on the timeline).
QColor stderrColor(bool darkTheme);

// Black or white, whichever reads better on background.
QColor contrastingTextColor(const QColor &background);

// a blended b: weight 0 gives a, 1 gives b.
QColor blendColors(const QColor &a, const QColor &b, double weight);

// True when the palette's window is dark (dark mode).
bool isDarkPalette(const QPalette &palette);

} // namespace ProcessLab
