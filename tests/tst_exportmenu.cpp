// SPDX-License-Identifier: MIT
// File > Export after a real run: the submenu's actions, the trace and CSV files, the timeline
// as SVG (loads, has the rows' texts) and PNG (the view's width, every row), errors naming the file.
#include "guitestsupport.h"

#include "export/exportmenu.h"
#include "mainwindow.h"
#include "runcontroller.h"
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

QTEST_MAIN(TestExportMenu)
#include "tst_exportmenu.moc"
