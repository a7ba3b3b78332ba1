// SPDX-License-Identifier: MIT
#pragma once

#include <QMenu>

#include <functional>

namespace ProcessLab {

class RunRecord;
class TimelineWidget;

// File > Export: the run record (JSON, the existing action), a Perfetto / Chrome trace, the
// CSV tables, and the timeline as SVG or PNG at its current zoom and scroll. Each asks for a
// file name, writes it atomically (ExportFile), and names the file and the reason in a
// message box when it cannot.
class ExportMenu : public QMenu
{
    Q_OBJECT
public:
    enum class Format { Trace, Csv, TimelineSvg, TimelinePng };

    // The record the exports read (nullptr: none), and the file name to suggest ("queue-run3").
    using RecordSource = std::function<const RunRecord *()>;
    using NameSource = std::function<QString()>;

    ExportMenu(QAction *recordJsonAction, TimelineWidget *timeline, RecordSource record, NameSource baseName,
               QWidget *parent = nullptr);

    void setExportEnabled(bool enabled);
    QAction *action(Format format) const;

    // Writes the export to path without asking (what the actions do after their dialog).
    // Csv also writes a pool's tasks to poolTasksCsvPath(path).
    bool exportTo(Format format, const QString &path, QString *error) const;

private:
    void exportWithDialog(Format format);
    void retranslate();

protected:
    void changeEvent(QEvent *event) override;

private:
    QAction *m_recordJson;
    QAction *m_trace;
    QAction *m_csv;
    QAction *m_svg;
    QAction *m_png;
    TimelineWidget *m_timeline;
    RecordSource m_record;
    NameSource m_baseName;
};

} // namespace ProcessLab
