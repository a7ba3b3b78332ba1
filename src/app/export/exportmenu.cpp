// SPDX-License-Identifier: MIT
#include "exportmenu.h"

#include "record/csvexport.h"
#include "record/exportfile.h"
#include "record/runrecord.h"
#include "record/runsummary.h"
#include "record/traceexport.h"
#include "timeline/timelineimage.h"
#include "timeline/timelinewidget.h"

#include <QEvent>
#include <QFileDialog>
#include <QMessageBox>

namespace ProcessLab {

namespace {

bool writeFile(const QString &path, const ExportFile::Writer &writer, QString *error)
{
    ExportFile file(path);
    return file.open(error) && file.write(writer, error);
}

} // namespace

ExportMenu::ExportMenu(QAction *recordJsonAction, TimelineWidget *timeline, RecordSource record,
                       NameSource baseName, QWidget *parent)
    : QMenu(parent)
    , m_recordJson(recordJsonAction)
    , m_trace(new QAction(this))
    , m_csv(new QAction(this))
    , m_svg(new QAction(this))
    , m_png(new QAction(this))
    , m_timeline(timeline)
    , m_record(std::move(record))
    , m_baseName(std::move(baseName))
{
    setObjectName(QStringLiteral("exportMenu"));
    m_trace->setObjectName(QStringLiteral("actionExportTrace"));
    m_csv->setObjectName(QStringLiteral("actionExportCsv"));
    m_svg->setObjectName(QStringLiteral("actionExportTimelineSvg"));
    m_png->setObjectName(QStringLiteral("actionExportTimelinePng"));
    if (m_recordJson)
        addAction(m_recordJson);
    addAction(m_trace);
    addAction(m_csv);
    addSeparator();
    addAction(m_svg);
    addAction(m_png);
    connect(m_trace, &QAction::triggered, this, [this] { exportWithDialog(Format::Trace); });
    connect(m_csv, &QAction::triggered, this, [this] { exportWithDialog(Format::Csv); });
    connect(m_svg, &QAction::triggered, this, [this] { exportWithDialog(Format::TimelineSvg); });
    connect(m_png, &QAction::triggered, this, [this] { exportWithDialog(Format::TimelinePng); });
    retranslate();
    setExportEnabled(false);
}

void ExportMenu::retranslate()
{
    setTitle(tr("E&xport"));
    m_trace->setText(tr("&Perfetto Trace…"));
    m_trace->setToolTip(tr("Save the run as a trace for ui.perfetto.dev or chrome://tracing"));
    m_csv->setText(tr("&CSV Tables…"));
    m_csv->setToolTip(tr("Save the per-process table as CSV (a pool's tasks go to NAME-tasks.csv)"));
    m_svg->setText(tr("Timeline as &SVG…"));
    m_svg->setToolTip(tr("Save the timeline as shown (zoom and scroll), every row, as a vector image"));
    m_png->setText(tr("Timeline as P&NG…"));
    m_png->setToolTip(tr("Save the timeline as shown (zoom and scroll), every row, as a picture"));
}

void ExportMenu::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMenu::changeEvent(event);
}

void ExportMenu::setExportEnabled(bool enabled)
{
    for (QAction *action : {m_trace, m_csv, m_svg, m_png})
        action->setEnabled(enabled);
}

QAction *ExportMenu::action(Format format) const
{
    switch (format) {
    case Format::Trace: return m_trace;
    case Format::Csv: return m_csv;
    case Format::TimelineSvg: return m_svg;
    case Format::TimelinePng: return m_png;
    }
    return nullptr;
}

bool ExportMenu::exportTo(Format format, const QString &path, QString *error) const
{
    const RunRecord *record = m_record ? m_record() : nullptr;
    switch (format) {
    case Format::Trace:
        if (!record)
            break;
        return writeFile(path, traceJsonWriter(*record), error);
    case Format::Csv: {
        if (!record)
            break;
        const RunSummary summary = summarize(*record);
        if (!writeFile(path, processCsvWriter(summary), error))
            return false;
        return !hasPoolTasks(summary) || writeFile(poolTasksCsvPath(path), poolTasksCsvWriter(summary), error);
    }
    case Format::TimelineSvg:
        return writeFile(
            path, [this](QIODevice *device, QString *why) { return writeTimelineSvg(*m_timeline, device, why); },
            error);
    case Format::TimelinePng:
        return writeFile(
            path, [this](QIODevice *device, QString *why) { return writeTimelinePng(*m_timeline, device, why); },
            error);
    }
    if (error)
        *error = tr("There is no run to export.");
    return false;
}

void ExportMenu::exportWithDialog(Format format)
{
    QString title;
    QString filter;
    QString suffix;
    switch (format) {
    case Format::Trace:
        title = tr("Export Perfetto Trace");
        filter = tr("Trace files (*.json)");
        suffix = QStringLiteral("-trace.json");
        break;
    case Format::Csv:
        title = tr("Export CSV Tables");
        filter = tr("CSV files (*.csv)");
        suffix = QStringLiteral(".csv");
        break;
    case Format::TimelineSvg:
        title = tr("Export Timeline");
        filter = tr("SVG images (*.svg)");
        suffix = QStringLiteral("-timeline.svg");
        break;
    case Format::TimelinePng:
        title = tr("Export Timeline");
        filter = tr("PNG images (*.png)");
        suffix = QStringLiteral("-timeline.png");
        break;
    }
    const QString path = QFileDialog::getSaveFileName(parentWidget(), title, m_baseName() + suffix, filter);
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTo(format, path, &error))
        QMessageBox::warning(parentWidget(), tr("Export failed"), error);
}

} // namespace ProcessLab
