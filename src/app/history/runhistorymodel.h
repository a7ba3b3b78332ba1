// SPDX-License-Identifier: MIT
#pragma once

#include "record/runsummary.h"

#include <QAbstractTableModel>
#include <QVariantMap>

namespace ProcessLab {

// Who ran it: ProcessLab's native workers or real Python (docs/python-runner.md).
enum class RunnerKind { Native, Python };

// Finished runs of this session: knobs, wall time, result and the per-process summary,
// newest first, bounded (oldest dropped beyond maxRuns). Native and Python runs side by
// side: the Runner column says which; a Python run of a user's script names its file.
class RunHistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NumberColumn, ExampleColumn, RunnerColumn, KnobsColumn, WallTimeColumn, ResultColumn, ProcessesColumn, ColumnCount };
    static constexpr int maxRuns = 50;

    struct Entry
    {
        int number = 0;
        QString exampleId;
        QVariantMap knobs;
        RunSummary summary;
        RunnerKind runner = RunnerKind::Native;
    };

    explicit RunHistoryModel(QObject *parent = nullptr);

    // A Python run of a user's script: exampleId is not an example's, knobs["script"] its path.
    void addRun(int number, const QString &exampleId, const QVariantMap &knobs, const RunSummary &summary,
                RunnerKind runner = RunnerKind::Native);
    void clear();
    const Entry &entry(int row) const { return m_entries.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Re-reads every text in the current language (a QObject gets no LanguageChange itself).
    void retranslate();

    // "Workers 4, Seconds 0.5": the example's knob labels, in its knob order.
    static QString knobsText(const QString &exampleId, const QVariantMap &knobs);
    static QString exampleTitle(const QString &exampleId); // in the UI language; the id if unknown
    // The example's title, or a Python run's script file name.
    static QString exampleText(const Entry &entry);
    // knobsText(), or a Python script's arguments.
    static QString settingsText(const Entry &entry);
    static QString runnerText(RunnerKind runner); // "ProcessLab", "Python"
    static QString resultText(const RunSummary &summary);
    static QString msText(double ms);

private:
    QList<Entry> m_entries; // newest first
};

} // namespace ProcessLab
