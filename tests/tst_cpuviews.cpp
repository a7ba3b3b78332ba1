// SPDX-License-Identifier: MIT
// The views of sampled CPU and memory: a pane header's sparkline, the process list's CPU
// column and the timeline's CPU lane, fed from the RunSummary's fold of resource-sample
// events; and the same in the app with real workers.
#include "guitestsupport.h"

#include "output/cpusparkline.h"
#include "output/outputarea.h"
#include "output/outputpane.h"
#include "output/processlistmodel.h"
#include "processcolors.h"
#include "runtime/platform/processsampler.h"
#include "timeline/cpulane.h"
#include "timeline/timelinemath.h"
#include "timeline/timelinepainter.h"
#include "timeline/timelinewidget.h"

#include <QAbstractItemModelTester>
#include <QImage>
#include <QPainter>
#include <QTableView>

using namespace ProcessLab;
using namespace ProcessLab::TestSupport;

namespace {

constexpr qint64 second = 1'000'000'000;

// A worker started at 1 s that used a whole core until 3 s, then nothing until 5 s.
RunSummaryBuilder busyThenIdle(bool ended)
{
    RunSummaryBuilder builder;
    builder.consume({.timeNs = 0, .kind = EventKind::RunStarted, .text = QStringLiteral("test")});
    builder.consume({.timeNs = 0, .kind = EventKind::ProcessCreated, .process = 0, .text = QStringLiteral("Main")});
    builder.consume({.timeNs = 0, .kind = EventKind::StateChanged, .process = 0, .state = ProcessState::Running,
                     .pid = 10, .text = {}});
    builder.consume({.timeNs = second, .kind = EventKind::ProcessCreated, .process = 1, .text = QStringLiteral("Worker 1")});
    builder.consume({.timeNs = second, .kind = EventKind::StateChanged, .process = 1, .state = ProcessState::Starting,
                     .pid = 11, .text = {}});
    for (qint64 t = second + second / 10; t <= 5 * second; t += second / 10) {
        builder.consume({.timeNs = t, .kind = EventKind::ResourceSample, .process = 1, .pid = 11,
                         .count = t <= 3 * second ? 1000 : 0, .sequence = 3 * 1024 * 1024, .text = {}});
    }
    if (ended) {
        builder.consume({.timeNs = 5 * second, .kind = EventKind::StateChanged, .process = 1,
                         .state = ProcessState::Finished, .hasExitStatus = true, .pid = 11, .text = {}});
    }
    return builder;
}

bool isBackground(QRgb pixel, const QColor &background)
{
    const QColor c = QColor::fromRgb(pixel);
    return std::abs(c.red() - background.red()) + std::abs(c.green() - background.green())
               + std::abs(c.blue() - background.blue()) < 30;
}

} // namespace

class TestCpuViews : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { initGuiTestCase("tst_cpuviews"); }
    void init() { resetGuiState(); }
    void sparklineShowsTheSamples();
    void sparklineSaysWhatIsNotMeasured();
    void narrowEndedPaneKeepsTheCpuTime();
    void laneFillsUnderTheCurve();
    void laneToolTip();
    void listColumn();
    void appGetsSamplesFromARun();
    void processListShowsCpuWhereItFits();
};

void TestCpuViews::sparklineShowsTheSamples()
{
    const RunSummaryBuilder builder = busyThenIdle(false);
    const RunSummary &summary = builder.summary();
    CpuSparkline sparkline(1);
    sparkline.resize(sparkline.sizeHint());
    // At 5 s: the 10 s window holds all 40 samples, the last idle.
    sparkline.setSamples(summary.resources, *summary.process(1), 5 * second);
    QCOMPARE(sparkline.pointCount(), summary.resources.points(1).size());
    QCOMPARE(sparkline.valueText(), QStringLiteral("CPU 0%")); // the last sample: idle
    QVERIFY(sparkline.toolTip().contains(QStringLiteral("3.0 MiB")));
    QVERIFY(sparkline.toolTip().contains(QStringLiteral("2.00 s"))); // CPU time so far
    // Drawn over its life (1 s to 5 s: shorter than 10 s): under the busy half (1..3 s) the
    // chart is filled at its top; under the idle half it is not.
    const QImage image = sparkline.grab().toImage();
    const QColor background = sparkline.palette().color(QPalette::Window);
    const int chart = sparkline.fontMetrics().horizontalAdvance(u'0') * 7;
    const int top = 3;
    QVERIFY(!isBackground(image.pixel(int(chart * 0.25), top), background)); // 2 s: busy
    QVERIFY(!isBackground(image.pixel(int(chart * 0.45), top), background)); // 2.8 s: busy
    QVERIFY(isBackground(image.pixel(int(chart * 0.9), top), background));   // 4.6 s: idle
    // At 12 s the window is the last 10 s (2 s to 12 s): the busy part has moved to the left
    // edge, and after the last sample (5 s) nothing is drawn.
    sparkline.setSamples(summary.resources, *summary.process(1), 12 * second);
    const QImage later = sparkline.grab().toImage();
    QVERIFY(!isBackground(later.pixel(int(chart * 0.05), top), background));             // 2.5 s: busy
    QVERIFY(isBackground(later.pixel(int(chart * 0.6), image.height() - 4), background)); // 8 s: no sample

    // Ended: its whole CPU time.
    const RunSummaryBuilder endedBuilder = busyThenIdle(true);
    sparkline.setSamples(endedBuilder.summary().resources, *endedBuilder.summary().process(1), 9 * second);
    QCOMPARE(sparkline.valueText(), QStringLiteral("CPU 2.00 s"));
    QVERIFY(sparkline.toolTip().contains(QStringLiteral("CPU time in total: 2.00 s")));
}

void TestCpuViews::sparklineSaysWhatIsNotMeasured()
{
    const RunSummaryBuilder builder = busyThenIdle(false);
    CpuSparkline main(mainProcessId);
    main.setSamples(builder.summary().resources, *builder.summary().process(0), 5 * second);
    QCOMPARE(main.pointCount(), 0);
    QCOMPARE(main.valueText(), QStringLiteral("CPU —")); // never "0%": nothing was measured
    QVERIFY(main.toolTip().contains(QStringLiteral("ProcessLab itself")));
}

// Four workers at 1280×800 give narrow pane headers: after "exit 0" the total ("CPU 2.00 s")
// must stay where it fits, the curve going first; the header is sized for the text it shows,
// not for "CPU 999.99 s" and the curve.
void TestCpuViews::narrowEndedPaneKeepsTheCpuTime()
{
    const RunSummaryBuilder ended = busyThenIdle(true);
    const ProcessSummary &worker = *ended.summary().process(1);
    OutputPane pane(1, QStringLiteral("Worker 1"));
    pane.resize(900, 200);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.updateProcess(worker, 9 * second);
    CpuSparkline *cpu = pane.cpuSparkline();
    cpu->setSamples(ended.summary().resources, worker, 9 * second);
    QCOMPARE(cpu->valueText(), QStringLiteral("CPU 2.00 s"));
    int textOnlyFrom = -1; // the narrowest width that shows the number (without the curve)
    int chartFrom = -1;    // ... and the curve too
    for (int width = 120; width <= 900 && chartFrom < 0; width += 2) {
        pane.resize(width, 200);
        if (cpu->isVisibleTo(&pane) && textOnlyFrom < 0)
            textOnlyFrom = width;
        if (cpu->isVisibleTo(&pane) && cpu->isChartShown())
            chartFrom = width;
        if (cpu->isVisibleTo(&pane)) // whatever it shows fits its text
            QVERIFY2(cpu->sizeHint().width() >= cpu->fontMetrics().horizontalAdvance(cpu->valueText()), qPrintable(QString::number(width)));
    }
    QVERIFY(textOnlyFrom > 0);
    QVERIFY(chartFrom > 0);
    qInfo("the CPU time shows from %d px, with its curve from %d px", textOnlyFrom, chartFrom);
    // Between the two the number stands alone: the curve went first.
    QVERIFY2(chartFrom - textOnlyFrom >= cpu->widthWithChart() - cpu->textOnlyWidth() - 2,
             qPrintable(QStringLiteral("%1 %2").arg(textOnlyFrom).arg(chartFrom)));
    // Sized for "CPU 2.00 s", not for the widest total it could ever show.
    QCOMPARE(cpu->textOnlyWidth(), cpu->fontMetrics().horizontalAdvance(QStringLiteral("CPU 2.00 s")) + 1);
}

void TestCpuViews::laneFillsUnderTheCurve()
{
    const RunSummaryBuilder builder = busyThenIdle(false);
    QImage image(500, 40, QImage::Format_ARGB32);
    const QColor base(Qt::white);
    image.fill(base);
    QPainter painter(&image);
    const TimelineMath math(0, 5 * second, 500); // 100 px per second, run start at 0
    TimelineColors colors = TimelineColors::fromPalette(QPalette(Qt::white));
    const QRectF bar(0, 10, 500, 20);
    CpuLane::paint(painter, bar, builder.summary().resources, 1, math, 0, processColor(1, false), colors);
    painter.end();
    QVERIFY(!isBackground(image.pixel(200, 12), base)); // 2 s: a whole core, filled to the top
    QVERIFY(!isBackground(image.pixel(200, 28), base));
    QVERIFY(isBackground(image.pixel(400, 12), base));  // 4 s: idle, nothing above the bottom line
    QVERIFY(isBackground(image.pixel(50, 20), base));   // 0.5 s: before it started
    QVERIFY(isBackground(image.pixel(200, 5), base));   // never outside its bar

    // Zoomed far out (the whole run in 3 px) it still draws, one point per pixel.
    QImage small(3, 40, QImage::Format_ARGB32);
    small.fill(base);
    QPainter smallPainter(&small);
    CpuLane::paint(smallPainter, bar, builder.summary().resources, 1, TimelineMath(0, 5 * second, 3), 0,
                   processColor(1, false), colors);
    smallPainter.end();
    QVERIFY(!isBackground(small.pixel(1, 27), base));
}

void TestCpuViews::laneToolTip()
{
    const RunSummaryBuilder builder = busyThenIdle(false);
    const ResourceSeries &series = builder.summary().resources;
    QCOMPARE(CpuLane::toolTipLine(series, 1, 2 * second, 0), QStringLiteral("CPU 100% of one core · memory 3.0 MiB"));
    QCOMPARE(CpuLane::toolTipLine(series, 1, 4 * second, 0), QStringLiteral("CPU 0% of one core · memory 3.0 MiB"));
    QVERIFY(CpuLane::toolTipLine(series, 1, second / 2, 0).isEmpty()); // before it started
    QVERIFY(CpuLane::toolTipLine(series, 0, 2 * second, 0).isEmpty()); // Main: not sampled
    // Relative times: the same sample with the run starting at 7 s.
    QCOMPARE(CpuLane::sampleAt(series, 1, 2 * second)->permille, qint64(1000));
}

void TestCpuViews::listColumn()
{
    ProcessListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const RunSummaryBuilder live = busyThenIdle(false);
    model.setSummary(live.summary(), 5 * second);
    QCOMPARE(model.headerData(ProcessListModel::Cpu, Qt::Horizontal).toString(), QStringLiteral("CPU"));
    QCOMPARE(model.index(model.rowOf(0), ProcessListModel::Cpu).data().toString(), QStringLiteral("—"));
    QCOMPARE(model.index(model.rowOf(1), ProcessListModel::Cpu).data().toString(), QStringLiteral("0%"));
    QVERIFY(model.index(model.rowOf(1), ProcessListModel::Cpu).data(Qt::ToolTipRole).toString().contains(QStringLiteral("3.0 MiB")));
    const RunSummaryBuilder ended = busyThenIdle(true);
    model.setSummary(ended.summary(), 6 * second);
    // Ended: 2 s of CPU over its 4 s of life (from its start at 1 s to its end at 5 s).
    QCOMPARE(model.index(model.rowOf(1), ProcessListModel::Cpu).data().toString(), QStringLiteral("50%"));
    QVERIFY(model.index(model.rowOf(1), ProcessListModel::Cpu).data(Qt::ToolTipRole).toString().contains(QStringLiteral("2.00 s")));
}

void TestCpuViews::appGetsSamplesFromARun()
{
    if (!ProcessSampler::isAvailable())
        QSKIP("no process sampler on this platform");
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    QVERIFY(setKnobs(window, QStringLiteral("process"), 2, QStringLiteral("0.6")));
    window.startRun();
    QVERIFY(waitForRunEnd(window));
    const RunSummary &summary = window.controller()->summary();
    for (int id : {1, 2}) {
        OutputPane *pane = window.outputArea()->pane(id);
        QVERIFY(pane);
        const qsizetype samples = summary.resources.points(id).size();
        QVERIFY2(samples >= 2, qPrintable(QString::number(samples)));
        QTRY_COMPARE(pane->cpuSparkline()->pointCount(), samples); // a 0.6 s run: all in the window
        QCOMPARE(pane->cpuSparkline()->valueText(),
                 QStringLiteral("CPU %1 s").arg(double(summary.process(id)->cpuNs) / 1e9, 0, 'f', 2));
        // The timeline's own fold has the same samples.
        QCOMPARE(window.timeline()->data().summary().resources.points(id), summary.resources.points(id));
    }
    QCOMPARE(window.outputArea()->pane(mainProcessId)->cpuSparkline()->valueText(), QStringLiteral("CPU —"));
}

void TestCpuViews::processListShowsCpuWhereItFits()
{
    if (!ProcessSampler::isAvailable())
        QSKIP("no process sampler on this platform");
    MainWindow window;
    QVERIFY(showWindow(window, 1600, 900));
    QVERIFY(setKnobs(window, QStringLiteral("process"), 12, QStringLiteral("0.3")));
    window.startRun();
    QVERIFY(waitForRunEnd(window, 120000));
    OutputArea *area = window.outputArea();
    QTRY_VERIFY(area->processList()->isVisible());
    ProcessListModel *model = area->processListModel();
    QTRY_COMPARE(model->rowCount(), 13);
    QVERIFY(!area->processList()->isColumnHidden(ProcessListModel::Cpu));
    const RunSummary &summary = window.controller()->summary();
    QCOMPARE(model->index(model->rowOf(mainProcessId), ProcessListModel::Cpu).data().toString(), QStringLiteral("—"));
    for (int id = 1; id <= 12; ++id) {
        const ProcessSummary &p = *summary.process(id);
        QVERIFY(p.cpuNs >= 0);
        QCOMPARE(model->index(model->rowOf(id), ProcessListModel::Cpu).data().toString(),
                 formatCpuPercent(p.averageCpuPermille(summary.endNs)));
    }
}

QTEST_MAIN(TestCpuViews)
#include "tst_cpuviews.moc"
