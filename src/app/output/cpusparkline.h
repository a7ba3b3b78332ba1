// SPDX-License-Identifier: MIT
#pragma once

#include "record/resourceseries.h"
#include "record/runsummary.h"

#include <QWidget>

namespace ProcessLab {

// A pane header's CPU sparkline: the process's CPU use over the last seconds (0–100 % of one
// core, filled under the curve in its colour) and the latest value as text; its total CPU time
// once it ended; memory in the tool tip. Sampled data only (the RunSummary's ResourceSeries),
// copied for the window it shows. "—" where nothing was sampled, never 0: Main (the host
// itself), or a platform without a sampler.
class CpuSparkline : public QWidget
{
    Q_OBJECT
public:
    static constexpr qint64 windowNs = 10'000'000'000;       // at most the last 10 s
    static constexpr qint64 minimumWindowNs = 1'000'000'000; // at least 1 s (a new process)

    explicit CpuSparkline(int processId, QWidget *parent = nullptr);

    // Takes the samples of its process in the window ending at nowNs (its end once it ended):
    // its life so far, at most the last 10 s, at least 1 s.
    void setSamples(const ResourceSeries &series, const ProcessSummary &summary, qint64 nowNs);

    QString valueText() const { return m_valueText; } // as drawn: "CPU 97%", "CPU 0.60 s", "CPU —"
    qsizetype pointCount() const { return m_points.size(); }
    // The curve is dropped before the number where a pane header is narrow (setChartShown(false)).
    void setChartShown(bool shown);
    bool isChartShown() const { return m_chartShown; }
    int widthWithChart() const; // the curve and the text
    int textOnlyWidth() const;  // the text alone
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

signals:
    void widthChanged(); // the text it needs room for changed (the process ended: "CPU 0.30 s")

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateTexts();
    int chartWidth() const;
    int textWidth() const;

    int m_processId;
    QList<ResourcePoint> m_points; // those ending in the window, in time order
    ProcessSummary m_summary;
    qint64 m_windowBeginNs = 0;
    qint64 m_windowEndNs = 0;
    QString m_valueText;
    bool m_chartShown = true;
};

// "3.2 MiB": memory as the views show it (binary units, as the OS tools do).
QString formatMemory(qint64 bytes);
// "97%": CPU per-mille of one core as a percentage.
QString formatCpuPercent(qint64 permille);

} // namespace ProcessLab
