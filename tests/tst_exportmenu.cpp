// SPDX-License-Identifier: MIT
// File > Export after a real run: the submenu's actions, the trace and CSV files, the timeline
// as SVG (loads, has the rows' texts) and PNG (the view's width, every row), errors naming the file;
// the image has what the view draws (CPU lane, queue depth lanes, waiting spans), pixel for pixel.
#include "guitestsupport.h"

#include "export/exportmenu.h"
#include "mainwindow.h"
#include "runcontroller.h"
#include "runtime/platform/processsampler.h"
#include "timeline/queuedepthlane.h"
#include "timeline/timelineaxis.h"
#include "timeline/timelinelegend.h"
#include "timeline/timelinepainter.h"
#include "timeline/timelinewidget.h"
#include "timeline/zoomstate.h"

#include <QAction>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QMenuBar>
#include <QScrollBar>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QtTest>

using namespace ProcessLab;
using namespace ProcessLab::TestSupport;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestExportMenu : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { initGuiTestCase("tst_exportmenu"); }
    void init() { resetGuiState(); }
    void menuHasEveryExport();
    void exportsAfterARun();
    void imageHasWhatTheViewShows_data();
    void imageHasWhatTheViewShows();
};

void TestExportMenu::menuHasEveryExport()
{
    MainWindow window;
    ExportMenu *menu = window.exportMenu();
    QVERIFY(menu);
    // In the File menu, with the record's JSON first; nothing to export before a run.
    QMenu *file = window.menuBar()->findChild<QMenu *>(QStringLiteral("menuFile"));
    QVERIFY(file);
    QVERIFY(file->actions().contains(menu->menuAction()));
    QStringList names;
    for (const QAction *action : menu->actions()) {
        if (!action->isSeparator())
            names.append(action->objectName());
    }
    QCOMPARE(names, (QStringList{QStringLiteral("actionExportJson"), QStringLiteral("actionExportTrace"),
                                 QStringLiteral("actionExportCsv"), QStringLiteral("actionExportTimelineSvg"),
                                 QStringLiteral("actionExportTimelinePng")}));
    for (const auto format : {ExportMenu::Format::Trace, ExportMenu::Format::Csv, ExportMenu::Format::TimelineSvg,
                              ExportMenu::Format::TimelinePng})
        QVERIFY(!menu->action(format)->isEnabled());
    QTemporaryDir dir;
    QString error;
    QVERIFY(!menu->exportTo(ExportMenu::Format::Trace, dir.filePath(QStringLiteral("t.json")), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("t.json"))));
}

void TestExportMenu::exportsAfterARun()
{
    MainWindow window;
    QVERIFY(showWindow(window, 1100, 700));
    QVERIFY(setKnobs(window, QStringLiteral("process"), 3, QStringLiteral("0.1")));
    window.startRun();
    QVERIFY(waitForRunEnd(window));
    QCoreApplication::processEvents();
    ExportMenu *menu = window.exportMenu();
    QVERIFY(menu->action(ExportMenu::Format::Trace)->isEnabled());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;

    // Trace and CSV: the record's, through the same writers as the CLI.
    const QString trace = dir.filePath(QStringLiteral("run-trace.json"));
    QVERIFY2(menu->exportTo(ExportMenu::Format::Trace, trace, &error), qPrintable(error));
    QJsonParseError parseError;
    const QJsonObject traceRoot = QJsonDocument::fromJson(readFile(trace), &parseError).object();
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    QVERIFY(traceRoot.value(QLatin1StringView("traceEvents")).toArray().size() > 10);
    const QString csv = dir.filePath(QStringLiteral("run.csv"));
    QVERIFY2(menu->exportTo(ExportMenu::Format::Csv, csv, &error), qPrintable(error));
    QCOMPARE(readFile(csv).count("\r\n"), 1 + 4); // header, Main and three workers
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("run-tasks.csv")))); // no pool

    // The timeline, shorter than its rows so the view scrolls: the image still has every row.
    TimelineWidget *timeline = window.timeline();
    timeline->setFixedHeight(timeline->minimumSizeHint().height());
    QCoreApplication::processEvents();
    const QSize size = timeline->imageSize();
    QCOMPARE(size.width(), timeline->viewport()->width());
    QVERIFY2(size.height() > timeline->height(), qPrintable(QStringLiteral("%1 <= %2").arg(size.height()).arg(timeline->height())));

    const QString svg = dir.filePath(QStringLiteral("timeline.svg"));
    QVERIFY2(menu->exportTo(ExportMenu::Format::TimelineSvg, svg, &error), qPrintable(error));
    QSvgRenderer renderer(svg);
    QVERIFY(renderer.isValid());
    QCOMPARE(renderer.viewBox(), QRect(QPoint(0, 0), size));
    const QString svgText = QString::fromUtf8(readFile(svg));
    for (const TimelineRow &row : timeline->data().rows()) {
        const QString role = TimelinePainter::roleText(row.processId, timeline->data().processSummary(row.processId));
        QVERIFY2(svgText.contains(u'>' + role), qPrintable(role)); // drawn as text, not pixels
    }

    const QString png = dir.filePath(QStringLiteral("timeline.png"));
    QVERIFY2(menu->exportTo(ExportMenu::Format::TimelinePng, png, &error), qPrintable(error));
    QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), size * timeline->devicePixelRatioF());

    // At the current zoom: zoomed in, the image shows another time range.
    const QByteArray before = readFile(svg);
    timeline->zoom()->setRange(0, timeline->zoom()->spanNs() / 4);
    QVERIFY2(menu->exportTo(ExportMenu::Format::TimelineSvg, svg, &error), qPrintable(error));
    QVERIFY(readFile(svg) != before);

    // A path that cannot be written: the message names the file and why; nothing is left.
    QVERIFY(!menu->exportTo(ExportMenu::Format::TimelinePng, dir.path(), &error));
    QVERIFY2(error.contains(dir.path()) && error.contains(QStringLiteral("directory")), qPrintable(error));
    const QString missing = dir.filePath(QStringLiteral("missing/trace.json"));
    QVERIFY(!menu->exportTo(ExportMenu::Format::Trace, missing, &error));
    QVERIFY2(error.contains(missing), qPrintable(error));
}

void TestExportMenu::imageHasWhatTheViewShows_data()
{
    QTest::addColumn<QString>("example");
    QTest::addColumn<QStringList>("knobs"); // name, value, ...
    // Two computing workers: the CPU lane fills their bars.
    QTest::newRow("compute") << QStringLiteral("process")
                             << QStringList{QStringLiteral("workers"), QStringLiteral("2"), QStringLiteral("sleep"),
                                            QStringLiteral("0.6"), QStringLiteral("work"), QStringLiteral("compute")};
    // A queue of one item: a depth lane under the rows, producers waiting in put(), the consumer in get().
    QTest::newRow("queue") << QStringLiteral("queue")
                           << QStringList{QStringLiteral("producers"), QStringLiteral("2"), QStringLiteral("items"),
                                          QStringLiteral("6"), QStringLiteral("maxsize"), QStringLiteral("1")};
}

// The exported picture is the view: with every row in view, the PNG's rows are the widget's
// pixels (CPU lane, depth lanes and waiting spans included), and the SVG has the lanes' labels.
void TestExportMenu::imageHasWhatTheViewShows()
{
    QFETCH(QString, example);
    QFETCH(QStringList, knobs);
    MainWindow window;
    QVERIFY(showWindow(window, 1100, 900));
    window.selectExample(example);
    for (qsizetype i = 0; i + 1 < knobs.size(); i += 2)
        QVERIFY(setKnob(window, knobs.at(i), knobs.at(i + 1)));
    window.startRun();
    QVERIFY(waitForRunEnd(window));
    QCoreApplication::processEvents();
    TimelineWidget *timeline = window.timeline();
    const RunSummary &summary = timeline->data().summary();
    const QList<const IpcObjectState *> queues = QueueDepthLane::queues(summary.ipcStates);
    if (example == QLatin1StringView("queue")) {
        QCOMPARE(queues.size(), 1);
        QVERIFY(!summary.waits.waits().isEmpty()); // waiting spans to draw
    } else if (!ProcessSampler::isAvailable()) {
        QSKIP("no process sampler on this platform: no CPU lane to compare");
    } else {
        QVERIFY(summary.resources.points(1).size() >= 2); // a CPU lane to draw
    }

    // Tall enough that nothing scrolls: the view shows every row and lane.
    const TimelineAxis *axis = timeline->findChild<TimelineAxis *>();
    const TimelineLegend *legend = timeline->findChild<TimelineLegend *>();
    QVERIFY(axis && legend);
    const int axisHeight = axis->height();
    const int legendHeight = timeline->isLegendVisible() ? legend->height() : 0;
    const QSize size = timeline->imageSize();
    const int rowsHeight = size.height() - axisHeight - legendHeight;
    QCOMPARE(rowsHeight, int(timeline->data().rowCount() + queues.size()) * TimelineMetrics::fromFont(timeline->font()).rowHeight);
    timeline->setFixedHeight(timeline->height() - timeline->viewport()->height() + rowsHeight + 20);
    QTRY_VERIFY(timeline->viewport()->height() >= rowsHeight);
    QCOMPARE(timeline->verticalScrollBar()->maximum(), 0);

    ExportMenu *menu = window.exportMenu();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    const QString png = dir.filePath(QStringLiteral("timeline.png"));
    QVERIFY2(menu->exportTo(ExportMenu::Format::TimelinePng, png, &error), qPrintable(error));
    const QImage image = QImage(png).convertToFormat(QImage::Format_RGB32);
    QCOMPARE(image.size(), timeline->imageSize() * timeline->devicePixelRatioF());
    const QImage view = timeline->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
    const qreal ratio = timeline->devicePixelRatioF();
    const QRect rows(0, 0, qRound(size.width() * ratio), qRound(rowsHeight * ratio));
    const QImage imageRows = image.copy(rows.translated(0, qRound(axisHeight * ratio)));
    const QImage viewRows = view.copy(rows);
    if (imageRows != viewRows) {
        imageRows.save(QDir::temp().filePath(QStringLiteral("tst_exportmenu-image-%1.png").arg(example)));
        viewRows.save(QDir::temp().filePath(QStringLiteral("tst_exportmenu-view-%1.png").arg(example)));
        QFAIL("the image's rows differ from the view's (both saved in the temp directory)");
    }

    const QString svg = dir.filePath(QStringLiteral("timeline.svg"));
    QVERIFY2(menu->exportTo(ExportMenu::Format::TimelineSvg, svg, &error), qPrintable(error));
    const QString svgText = QString::fromUtf8(readFile(svg));
    for (const IpcObjectState *queue : queues)
        QVERIFY2(svgText.contains(u'>' + QueueDepthLane::labelText(*queue)), qPrintable(QueueDepthLane::labelText(*queue)));
}

QTEST_MAIN(TestExportMenu)
#include "tst_exportmenu.moc"
