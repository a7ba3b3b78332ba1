// SPDX-License-Identifier: MIT
#pragma once

#include "record/ipcobjectstates.h"

#include <QAbstractTableModel>

namespace ProcessLab {

struct RunSummary;

// Every cell of the run's Values and Arrays: its value now and the process that wrote it last,
// coloured with that process's colour (the panes' and the timeline's). A projection of
// IpcObjectStates.
class SharedCellsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Cell, Value, Writer, WrittenAt, ColumnCount };
    enum Role { WriterRole = Qt::UserRole + 1 };
    static constexpr qsizetype cellsShown = 10'000;

    using QAbstractTableModel::QAbstractTableModel;

    void rebuild(const RunSummary &summary, bool darkTheme);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString cell;
        QString value;
        int writer = runLevel;
        QString writerName;
        QString writtenAt;
    };
    QList<Row> m_rows;
    bool m_dark = false;
};

} // namespace ProcessLab
