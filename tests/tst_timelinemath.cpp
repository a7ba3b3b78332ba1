// SPDX-License-Identifier: MIT
#include "timeline/timelinemath.h"
#include "timeline/zoomstate.h"

#include <QSignalSpy>
#include <QTest>

using namespace ProcessLab;

namespace {
constexpr qint64 us = 1'000;
constexpr qint64 ms = 1'000'000;
constexpr qint64 s = 1'000'000'000;
} // namespace

class TestTimelineMath : public QObject
{
    Q_OBJECT
private slots:
    void mapping_data();
    void mapping();
    void roundTrip_data();
    void roundTrip();
    void niceStep_data();
    void niceStep();
    void tickStep_data();
    void tickStep();
    void ticks_data();
    void ticks();
    void formatTick_data();
    void formatTick();
    void formatExactMs_data();
    void formatExactMs();
    void formatDuration_data();
    void formatDuration();
    void zoomAroundKeepsAnchor_data();
    void zoomAroundKeepsAnchor();
    void zoomLimits();
    void panClampsToContent();
    void followLive();
};

void TestTimelineMath::mapping_data()
{
    QTest::addColumn<qint64>("start");
    QTest::addColumn<qint64>("end");
    QTest::addColumn<double>("width");
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<double>("x");

    QTest::newRow("origin") << qint64(0) << 1 * s << 1000.0 << qint64(0) << 0.0;
    QTest::newRow("middle") << qint64(0) << 1 * s << 1000.0 << 500 * ms << 500.0;
    QTest::newRow("end") << qint64(0) << 1 * s << 1000.0 << 1 * s << 1000.0;
    QTest::newRow("offset range") << 2 * s << 4 * s << 500.0 << 3 * s << 250.0;
    QTest::newRow("before range") << 2 * s << 4 * s << 500.0 << 1 * s << -250.0;
    QTest::newRow("after range") << 2 * s << 4 * s << 500.0 << 5 * s << 750.0;
    QTest::newRow("sub-pixel") << qint64(0) << 1 * ms << 100.0 << 15 * us << 1.5;
    QTest::newRow("empty range is one ns") << 5 * ms << 5 * ms << 10.0 << 5 * ms << 0.0;
}

void TestTimelineMath::mapping()
{
    QFETCH(qint64, start);
    QFETCH(qint64, end);
    QFETCH(double, width);
    QFETCH(qint64, ns);
    QFETCH(double, x);
    const TimelineMath math(start, end, width);
    QCOMPARE(math.xForNs(ns), x);
}

void TestTimelineMath::roundTrip_data()
{
    QTest::addColumn<qint64>("start");
    QTest::addColumn<qint64>("end");
    QTest::addColumn<double>("width");

    QTest::newRow("1 s over 1000 px") << qint64(0) << 1 * s << 1000.0;
    QTest::newRow("zoomed to 50 us") << 1234 * ms << 1234 * ms + 50 * us << 800.0;
    QTest::newRow("10 min over 333 px") << qint64(0) << 600 * s << 333.0;
}

void TestTimelineMath::roundTrip()
{
    QFETCH(qint64, start);
    QFETCH(qint64, end);
    QFETCH(double, width);
    const TimelineMath math(start, end, width);
    // Times are whole ns, so a pixel position comes back within half a ns.
    const double tolerance = 0.5 / math.nsPerPixel() + 1e-9;
    for (const double x : {0.0, 1.0, width / 3, width - 1, width}) {
        const qint64 ns = math.nsForX(x);
        QVERIFY2(std::abs(math.xForNs(ns) - x) <= tolerance, qPrintable(QString::number(x)));
    }
    QCOMPARE(math.nsForX(0), start);
    QCOMPARE(math.nsForX(width), end);
}

void TestTimelineMath::niceStep_data()
{
    QTest::addColumn<qint64>("minimum");
    QTest::addColumn<qint64>("step");

    QTest::newRow("zero") << qint64(0) << qint64(1);
    QTest::newRow("one") << qint64(1) << qint64(1);
    QTest::newRow("three -> five") << qint64(3) << qint64(5);
    QTest::newRow("six -> ten") << qint64(6) << qint64(10);
    QTest::newRow("eleven -> twenty") << qint64(11) << qint64(20);
    QTest::newRow("exact 2 ms") << 2 * ms << 2 * ms;
    QTest::newRow("1.2 ms -> 2 ms") << 1200 * us << 2 * ms;
    QTest::newRow("210 ms -> 500 ms") << 210 * ms << 500 * ms;
    QTest::newRow("501 ms -> 1 s") << 501 * ms << 1 * s;
    QTest::newRow("3 s -> 5 s") << 3 * s << 5 * s;
}

void TestTimelineMath::niceStep()
{
    QFETCH(qint64, minimum);
    QFETCH(qint64, step);
    QCOMPARE(TimelineMath::niceStep(minimum), step);
}

void TestTimelineMath::tickStep_data()
{
    QTest::addColumn<qint64>("span");
    QTest::addColumn<double>("width");
    QTest::addColumn<double>("spacing");
    QTest::addColumn<qint64>("step");

    QTest::newRow("2 s / 1000 px / 100 px") << 2 * s << 1000.0 << 100.0 << 200 * ms;
    QTest::newRow("2 s / 1000 px / 120 px") << 2 * s << 1000.0 << 120.0 << 500 * ms;
    QTest::newRow("1 s / 1000 px / 80 px") << 1 * s << 1000.0 << 80.0 << 100 * ms;
    QTest::newRow("10 ms / 500 px / 60 px") << 10 * ms << 500.0 << 60.0 << 2 * ms;
    QTest::newRow("100 us / 1000 px / 90 px") << 100 * us << 1000.0 << 90.0 << 10 * us;
    QTest::newRow("60 s / 300 px / 70 px") << 60 * s << 300.0 << 70.0 << 20 * s;
}

void TestTimelineMath::tickStep()
{
    QFETCH(qint64, span);
    QFETCH(double, width);
    QFETCH(double, spacing);
    QFETCH(qint64, step);
    const TimelineMath math(0, span, width);
    QCOMPARE(math.tickStep(spacing), step);
    QVERIFY(step / math.nsPerPixel() >= spacing);
}

void TestTimelineMath::ticks_data()
{
    QTest::addColumn<qint64>("start");
    QTest::addColumn<qint64>("end");
    QTest::addColumn<qint64>("step");
    QTest::addColumn<QList<qint64>>("expected");

    QTest::newRow("from zero") << qint64(0) << 1 * s << 250 * ms
                               << QList<qint64>{0, 250 * ms, 500 * ms, 750 * ms, 1 * s};
    QTest::newRow("unaligned start") << 150 * ms << 1 * s << 250 * ms
                                     << QList<qint64>{250 * ms, 500 * ms, 750 * ms, 1 * s};
    QTest::newRow("unaligned end") << qint64(0) << 999 * ms << 500 * ms
                                   << QList<qint64>{0, 500 * ms};
    QTest::newRow("negative start") << -150 * ms << 200 * ms << 100 * ms
                                    << QList<qint64>{-100 * ms, 0, 100 * ms, 200 * ms};
    QTest::newRow("narrow") << 1001 * ms << 1002 * ms << 5 * ms << QList<qint64>{};
}

void TestTimelineMath::ticks()
{
    QFETCH(qint64, start);
    QFETCH(qint64, end);
    QFETCH(qint64, step);
    QFETCH(QList<qint64>, expected);
    QCOMPARE(TimelineMath(start, end, 100).ticks(step), expected);
}

void TestTimelineMath::formatTick_data()
{
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<qint64>("step");
    QTest::addColumn<QString>("label");

    QTest::newRow("zero, ms step") << qint64(0) << 250 * ms << QStringLiteral("0 ms");
    QTest::newRow("250 ms") << 250 * ms << 50 * ms << QStringLiteral("250 ms");
    QTest::newRow("1.5 s") << 1500 * ms << 500 * ms << QStringLiteral("1.5 s");
    QTest::newRow("whole second, 500 ms step") << 2 * s << 500 * ms << QStringLiteral("2 s");
    QTest::newRow("1.2 s, 200 ms step") << 1200 * ms << 200 * ms << QStringLiteral("1.2 s");
    QTest::newRow("1.05 s, 50 ms step") << 1050 * ms << 50 * ms << QStringLiteral("1.05 s");
    QTest::newRow("1.005 s, 5 ms step") << 1005 * ms << 5 * ms << QStringLiteral("1.005 s");
    QTest::newRow("zero, s step") << qint64(0) << 1 * s << QStringLiteral("0 s");
    QTest::newRow("15 s") << 15 * s << 5 * s << QStringLiteral("15 s");
    QTest::newRow("0.5 ms") << 500 * us << 100 * us << QStringLiteral("0.5 ms");
    QTest::newRow("1.25 ms") << 1250 * us << 50 * us << QStringLiteral("1.25 ms");
    QTest::newRow("12.345 ms, 1 us step") << 12345 * us << 1 * us << QStringLiteral("12.345 ms");
    QTest::newRow("past 1 s, sub-ms step") << 1500 * ms + 100 * us << 100 * us
                                           << QStringLiteral("1500.1 ms");
    QTest::newRow("zero, sub-ms step") << qint64(0) << 100 * us << QStringLiteral("0 ms");
    QTest::newRow("negative") << -500 * ms << 500 * ms << QStringLiteral("-500 ms");
}

void TestTimelineMath::formatTick()
{
    QFETCH(qint64, ns);
    QFETCH(qint64, step);
    QFETCH(QString, label);
    QCOMPARE(TimelineMath::formatTick(ns, step), label);
}

void TestTimelineMath::formatExactMs_data()
{
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<QString>("text");

    QTest::newRow("zero") << qint64(0) << QStringLiteral("0.000 ms");
    QTest::newRow("sub-ms") << qint64(47'539'269) << QStringLiteral("47.539 ms");
    QTest::newRow("rounds") << qint64(1'234'567'890) << QStringLiteral("1234.568 ms");
    QTest::newRow("one ns") << qint64(1) << QStringLiteral("0.000 ms");
}

void TestTimelineMath::formatExactMs()
{
    QFETCH(qint64, ns);
    QFETCH(QString, text);
    QCOMPARE(TimelineMath::formatExactMs(ns), text);
}

void TestTimelineMath::formatDuration_data()
{
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<QString>("text");

    QTest::newRow("µs") << 850 * us << QStringLiteral("850 µs");
    QTest::newRow("few µs") << qint64(2500) << QStringLiteral("2.5 µs");
    QTest::newRow("ms") << 2500 * us << QStringLiteral("2.50 ms");
    QTest::newRow("tens of ms") << qint64(207'302'848) << QStringLiteral("207.3 ms");
    QTest::newRow("s") << 1420 * ms << QStringLiteral("1.42 s");
    QTest::newRow("tens of s") << 61 * s << QStringLiteral("61.0 s");
}

void TestTimelineMath::formatDuration()
{
    QFETCH(qint64, ns);
    QFETCH(QString, text);
    QCOMPARE(TimelineMath::formatDuration(ns), text);
}

void TestTimelineMath::zoomAroundKeepsAnchor_data()
{
    QTest::addColumn<qint64>("anchor");
    QTest::addColumn<double>("factor");

    QTest::newRow("in at the middle") << 500 * ms << 2.0;
    QTest::newRow("in near the start") << 100 * ms << 4.0;
    QTest::newRow("in near the end") << 900 * ms << 1.2;
    QTest::newRow("out at the middle") << 500 * ms << 0.8;
}

void TestTimelineMath::zoomAroundKeepsAnchor()
{
    QFETCH(qint64, anchor);
    QFETCH(double, factor);
    ZoomState zoom;
    zoom.setContentEndNs(1 * s);
    zoom.fitTo(1 * s);
    const TimelineMath before(zoom.startNs(), zoom.endNs(), 1000);
    const double xBefore = before.xForNs(anchor);

    QSignalSpy changed(&zoom, &ZoomState::zoomChanged);
    zoom.zoomAround(anchor, factor);
    QVERIFY(!zoom.followLive());
    const TimelineMath after(zoom.startNs(), zoom.endNs(), 1000);
    if (factor > 1) {
        QCOMPARE(changed.count(), 1);
        QCOMPARE(zoom.spanNs(), qint64(std::llround(1e9 / factor)));
        QVERIFY2(std::abs(after.xForNs(anchor) - xBefore) < 0.01,
                 qPrintable(QString::number(after.xForNs(anchor))));
    } else {
        // Zooming out past the content is clamped to it.
        QCOMPARE(zoom.spanNs(), 1 * s);
        QCOMPARE(zoom.startNs(), 0);
    }
}

void TestTimelineMath::zoomLimits()
{
    ZoomState zoom;
    zoom.setContentEndNs(1 * s);
    zoom.fitTo(1 * s);
    for (int i = 0; i < 100; ++i)
        zoom.zoomAround(250 * ms, 10.0);
    QCOMPARE(zoom.spanNs(), ZoomState::minimumSpanNs);
    QVERIFY(zoom.startNs() <= 250 * ms && zoom.endNs() >= 250 * ms);
}

void TestTimelineMath::panClampsToContent()
{
    ZoomState zoom;
    zoom.setContentEndNs(2 * s);
    zoom.setRange(500 * ms, 1500 * ms);
    zoom.pan(-10 * s);
    QCOMPARE(zoom.startNs(), 0);
    QCOMPARE(zoom.spanNs(), 1 * s);
    zoom.pan(100 * ms);
    QCOMPARE(zoom.startNs(), 100 * ms);
    zoom.pan(10 * s);
    // A twentieth of the span may be shown past the content's end.
    QCOMPARE(zoom.endNs(), 2 * s + 50 * ms);
}

void TestTimelineMath::followLive()
{
    ZoomState zoom;
    QVERIFY(zoom.followLive());
    QSignalSpy follow(&zoom, &ZoomState::followLiveChanged);
    zoom.fitTo(2 * s);
    QVERIFY(zoom.followLive()); // fitting is not a user action
    QCOMPARE(zoom.endNs(), 2 * s);
    zoom.setContentEndNs(2 * s);
    zoom.pan(100 * ms);
    QVERIFY(!zoom.followLive());
    QCOMPARE(follow.count(), 1);
    zoom.resetZoom();
    QVERIFY(zoom.followLive());
    QCOMPARE(follow.count(), 2);
    QCOMPARE(zoom.startNs(), 0);
    QCOMPARE(zoom.endNs(), 2 * s);
}

QTEST_GUILESS_MAIN(TestTimelineMath)
#include "tst_timelinemath.moc"
