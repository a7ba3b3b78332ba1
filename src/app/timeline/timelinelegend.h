// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QPainter;

namespace ProcessLab {

// A line under the timeline that explains its colours and glyphs, and how to zoom. What does
// not fit the width goes on to a second line (heightForWidth() grows); the hint is elided on a
// narrow one, its full text in the tooltip.
class TimelineLegend : public QWidget
{
    Q_OBJECT
public:
    explicit TimelineLegend(QWidget *parent = nullptr);

    // The words it draws, in the current language (tests check the translation).
    QStringList texts() const;
    static QString hintText();
    // A run with a pool: also the colours of its tasks' spans (finished, failed, lost).
    void setPoolTasksShown(bool shown);
    bool poolTasksShown() const { return m_poolTasksShown; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    // Paints the legend laid out for width at (0, 0): the widget and the timeline's image
    // exports share it. Returns the full texts of what had to be elided (the tooltip).
    QString paint(QPainter &painter, int width) const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    struct Item;
    // The items with their positions for a width: x and line index. Returns the line count.
    int layoutItems(int width, QList<Item> *items) const;
    int lineHeight() const;
    bool m_poolTasksShown = false;
};

} // namespace ProcessLab
