// SPDX-License-Identifier: MIT
#include "timelineimage.h"

#include "timelinewidget.h"

#include <QCoreApplication>
#include <QFileDevice>
#include <QIODevice>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>

namespace ProcessLab {

bool writeTimelineSvg(const TimelineWidget &timeline, QIODevice *device, QString *error)
{
    const QSize size = timeline.imageSize();
    QSvgGenerator svg;
    svg.setOutputDevice(device);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    // The generator gives the size in mm: at CSS's 96 px per inch a browser shows it 1:1.
    svg.setResolution(96);
    svg.setTitle(QCoreApplication::translate("ProcessLab::TimelineImage", "ProcessLab timeline"));
    {
        QPainter painter;
        if (!painter.begin(&svg)) {
            if (error)
                *error = device->errorString();
            return false;
        }
        timeline.renderImage(painter);
    } // the generator writes the closing tags when the painter ends
    // The generator does not report write failures itself; a file device remembers them.
    if (const auto *file = qobject_cast<const QFileDevice *>(device); file && file->error() != QFileDevice::NoError) {
        if (error)
            *error = file->errorString();
        return false;
    }
    return true;
}

bool writeTimelinePng(const TimelineWidget &timeline, QIODevice *device, QString *error)
{
    // Sharp on a high-DPI screen: the pixels of the screen the view is on.
    const qreal ratio = timeline.devicePixelRatioF();
    QImage image(timeline.imageSize() * ratio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        timeline.renderImage(painter);
    }
    if (!image.save(device, "PNG")) {
        if (error)
            *error = device->errorString().isEmpty()
                ? QCoreApplication::translate("ProcessLab::TimelineImage", "the PNG could not be encoded")
                : device->errorString();
        return false;
    }
    return true;
}

} // namespace ProcessLab
