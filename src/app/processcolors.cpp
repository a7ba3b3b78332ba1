// SPDX-License-Identifier: MIT
#include "processcolors.h"

#include <QPalette>

#include <algorithm>
#include <array>

namespace ProcessLab {

namespace {

struct Hue
{
    int hue;        // 0..359
    int saturation; // 0..255
};

// Ten hues spaced around the wheel, avoiding pure red and pure green (those mean
// "failed" and "finished") and grey (Main).
constexpr std::array<Hue, 10> workerHues{{
    {212, 150}, // blue
    {28, 200},  // orange
    {176, 140}, // teal
    {275, 120}, // purple
    {45, 190},  // gold
    {330, 150}, // pink
    {195, 170}, // sky
    {68, 140},  // olive
    {22, 90},   // brown
    {245, 130}, // indigo
}};

} // namespace

QColor processColor(int processId, bool darkTheme)
{
    if (processId <= mainProcessId)
        return darkTheme ? QColor(0x94, 0xa3, 0xb8) : QColor(0x64, 0x74, 0x8b);

    const auto count = static_cast<int>(workerHues.size());
    const int index = (processId - 1) % count;
    const int cycle = (processId - 1) / count;
    const Hue &h = workerHues.at(static_cast<std::size_t>(index));
    // Light theme: mid-dark tones that stand out on white; dark theme: lighter ones.
    int lightness = darkTheme ? 165 : 118;
    // Later cycles alternate darker/lighter so worker 11 is not worker 1 again.
    static constexpr std::array<int, 4> shift{0, -22, 22, -38};
    lightness += shift.at(static_cast<std::size_t>(cycle % static_cast<int>(shift.size())));
    return QColor::fromHsl(h.hue, h.saturation, std::clamp(lightness, 60, 200));
}

QColor stateColor(ProcessState state, bool darkTheme)
{
    switch (state) {
    case ProcessState::Created:
        return darkTheme ? QColor(0x6b, 0x72, 0x80) : QColor(0x9c, 0xa3, 0xaf);
    case ProcessState::Starting:
        return darkTheme ? QColor(0xfb, 0xbf, 0x24) : QColor(0xd9, 0x8e, 0x04);
    case ProcessState::Ready:
        return darkTheme ? QColor(0x7d, 0xd3, 0xfc) : QColor(0x38, 0xbd, 0xf8);
    case ProcessState::Running:
        return darkTheme ? QColor(0x60, 0xa5, 0xfa) : QColor(0x25, 0x63, 0xeb);
    case ProcessState::Finished:
        return darkTheme ? QColor(0x4a, 0xde, 0x80) : QColor(0x16, 0xa3, 0x4a);
    case ProcessState::Failed:
        return darkTheme ? QColor(0xf8, 0x71, 0x71) : QColor(0xdc, 0x26, 0x26);
    case ProcessState::Killed:
        return darkTheme ? QColor(0xfb, 0x92, 0x3c) : QColor(0xea, 0x58, 0x0c);
    }
    return {};
}

QColor stderrColor(bool darkTheme)
{
    return darkTheme ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc8, 0x1e, 0x1e);
}

QColor contrastingTextColor(const QColor &background)
{
    // Relative luminance (sRGB approximation); 0.5 splits better than lightness.
    const double luminance = 0.2126 * background.redF() + 0.7152 * background.greenF()
                             + 0.0722 * background.blueF();
    return luminance > 0.55 ? QColor(Qt::black) : QColor(Qt::white);
}

QColor blendColors(const QColor &a, const QColor &b, double weight)
{
    const double w = std::clamp(weight, 0.0, 1.0);
    const auto mix = [w](double x, double y) { return x + (y - x) * w; };
    return QColor::fromRgbF(static_cast<float>(mix(a.redF(), b.redF())),
                            static_cast<float>(mix(a.greenF(), b.greenF())),
                            static_cast<float>(mix(a.blueF(), b.blueF())),
                            static_cast<float>(mix(a.alphaF(), b.alphaF())));
}

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

} // namespace ProcessLab
