// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

namespace ProcessLab {

// One line under the timeline that explains its colours and glyphs, and how to zoom.
class TimelineLegend : public QWidget
{
    Q_OBJECT
public:
    explicit TimelineLegend(QWidget *parent = nullptr);

    // The words it draws, in the current language (tests check the translation).
    QStringList texts() const;
    static QString hintText();

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace ProcessLab
