// SPDX-License-Identifier: MIT
#include "pipemessagesmodel.h"

#include "ipcviewsupport.h"
#include "record/runsummary.h"

namespace ProcessLab {

void PipeMessagesModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

void PipeMessagesModel::rebuild(const RunSummary &summary, int objectId)
{
    beginResetModel();
    m_rows.clear();
    const IpcObjectState *object = summary.ipcStates.object(objectId);
    if (object && object->kind == IpcObjectKind::Pipe) {
        for (const PipeDirection &direction : object->pipe.directions) {
            const QString receiver = direction.receiver == runLevel
                                         ? tr("the other end")
                                         : IpcViewText::processName(summary, direction.receiver);
            const QString name = tr("%1 → %2").arg(IpcViewText::processName(summary, direction.sender), receiver);
            for (qsizetype i = 0; i < direction.inFlight.size() && i < shownPerDirection; ++i) {
                const PipeMessage &message = direction.inFlight.at(i);
                m_rows.append({direction.sender, name, message.text, IpcViewText::timeText(summary, message.sentNs)});
            }
        }
    }
    endResetModel();
}

int PipeMessagesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int PipeMessagesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PipeMessagesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    if (role == SenderRole)
        return row.sender;
    if (role == Qt::TextAlignmentRole && index.column() == SentAt)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Direction:
        return row.direction;
    case Message:
        return row.text;
    case SentAt:
        return row.sentAt;
    default:
        return {};
    }
}

QVariant PipeMessagesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Direction:
        return tr("Direction");
    case Message:
        return tr("Message in flight");
    case SentAt:
        return tr("Sent at");
    default:
        return {};
    }
}

} // namespace ProcessLab
