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
    // A run with waits on a queue, pipe or lock: the hatched waiting span.
    void setWaitsShown(bool shown);
    bool waitsShown() const { return m_waitsShown; }
    // A run with CPU samples: the CPU use drawn over the bars.
    void setCpuShown(bool shown);
    bool cpuShown() const { return m_cpuShown; }
    static QString waitText();
    static QString cpuText();

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
    void setShown(bool *flag, bool shown);

    bool m_poolTasksShown = false;
    bool m_waitsShown = false;
    bool m_cpuShown = false;
};

} // namespace ProcessLab
