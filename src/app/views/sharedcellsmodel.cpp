// SPDX-License-Identifier: MIT
#include "sharedcellsmodel.h"

#include "ipcviewsupport.h"
#include "processcolors.h"
#include "record/runsummary.h"

#include <QLocale>

namespace ProcessLab {

void SharedCellsModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

void SharedCellsModel::rebuild(const RunSummary &summary, bool darkTheme)
{
    beginResetModel();
    m_rows.clear();
    m_dark = darkTheme;
    for (const IpcObjectState &object : summary.ipcStates.objects()) {
        if (object.kind != IpcObjectKind::Value && object.kind != IpcObjectKind::Array)
            continue;
        const QList<CellState> &cells = object.cells.cells;
        for (qsizetype i = 0; i < cells.size() && m_rows.size() < cellsShown; ++i) {
            const CellState &cell = cells.at(i);
            Row row;
            row.cell = object.kind == IpcObjectKind::Value ? tr("%1.value").arg(object.name)
                                                           : QStringLiteral("%1[%2]").arg(object.name).arg(i);
            row.value = cell.value;
            row.writer = cell.writer;
            if (cell.writer != runLevel) {
                row.writerName = IpcViewText::processName(summary, cell.writer);
                row.writtenAt = IpcViewText::timeText(summary, cell.writtenNs);
            } else if (object.kind == IpcObjectKind::Value && object.cells.haveCounters) {
                // A Value's writes are counted, not reported one by one (docs/ipc.md).
                row.writerName = tr("%1 writes, counted (not reported one by one)").arg(QLocale().toString(object.cells.writes));
            }
            m_rows.append(row);
        }
    }
    endResetModel();
}

int SharedCellsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int SharedCellsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SharedCellsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Cell:
            return row.cell;
        case Value:
            return row.value;
        case Writer:
            return row.writerName;
        case WrittenAt:
            return row.writtenAt;
        default:
            return {};
        }
    case Qt::BackgroundRole:
        if (row.writer != runLevel && (index.column() == Value || index.column() == Writer))
            return processColor(row.writer, m_dark);
        return {};
    case Qt::ForegroundRole:
        if (row.writer != runLevel && (index.column() == Value || index.column() == Writer))
            return contrastingTextColor(processColor(row.writer, m_dark));
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == Value || index.column() == WrittenAt ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                                      : QVariant();
    case WriterRole:
        return row.writer;
    default:
        return {};
    }
}

QVariant SharedCellsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Cell:
        return tr("Cell");
    case Value:
        return tr("Value");
    case Writer:
        return tr("Last writer");
    case WrittenAt:
        return tr("Written at");
    default:
        return {};
    }
}

} // namespace ProcessLab
