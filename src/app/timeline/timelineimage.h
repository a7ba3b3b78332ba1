// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

class QIODevice;

namespace ProcessLab {

class TimelineWidget;

// The timeline as the user sees it (zoom, horizontal scroll, theme), every row, as a vector
// SVG or a PNG: TimelineWidget::renderImage() paints it with the view's own painter code.
bool writeTimelineSvg(const TimelineWidget &timeline, QIODevice *device, QString *error);
bool writeTimelinePng(const TimelineWidget &timeline, QIODevice *device, QString *error);

} // namespace ProcessLab
