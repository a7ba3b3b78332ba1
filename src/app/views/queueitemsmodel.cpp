// SPDX-License-Identifier: MIT
#include "queueitemsmodel.h"

#include "ipcviewsupport.h"
#include "record/runsummary.h"

#include <QFont>

namespace ProcessLab {

void QueueItemsModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_inQueue = 0;
    m_hiddenInQueue = 0;
    endResetModel();
}

void QueueItemsModel::rebuild(const RunSummary &summary, int objectId)
{
    beginResetModel();
    m_rows.clear();
    m_inQueue = 0;
    m_hiddenInQueue = 0;
    const IpcObjectState *object = summary.ipcStates.object(objectId);
    if (object && object->kind == IpcObjectKind::Queue) {
        const auto rowOf = [&](const QueueItem &item) {
            return Row{item, IpcViewText::processName(summary, item.producer),
                       item.isGot() ? IpcViewText::processName(summary, item.consumer) : QString(),
                       IpcViewText::timeText(summary, item.putNs), IpcViewText::timeText(summary, item.getNs)};
        };
        const QueueState &queue = object->queue;
        for (const QueueItem &item : queue.inQueue) {
            if (m_rows.size() >= inQueueShown)
                break;
            m_rows.append(rowOf(item));
        }
        m_inQueue = m_rows.size();
        m_hiddenInQueue = queue.inQueue.size() - m_inQueue;
        for (qsizetype i = queue.got.size() - 1; i >= 0 && i >= queue.got.size() - gotShown; --i)
            m_rows.append(rowOf(queue.got.at(i)));
    }
    endResetModel();
}

int QueueItemsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int QueueItemsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const QueueItem *QueueItemsModel::item(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row).item : nullptr;
}

QVariant QueueItemsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const bool inQueue = index.row() < m_inQueue;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Seq:
            return row.item.seq;
        case Value:
            return row.item.sentinel ? tr("%1 (end mark)").arg(row.item.text) : row.item.text;
        case Path:
            return inQueue ? tr("%1 → in the queue").arg(row.producer) : tr("%1 → %2").arg(row.producer, row.consumer);
        case PutAt:
            return row.putAt;
        case GotAt:
            return row.gotAt;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (row.item.sentinel)
            return tr("None tells a consumer that no more items come: it stops when it gets it.");
        return {};
    case Qt::FontRole:
        if (inQueue || row.item.sentinel) {
            QFont font;
            font.setBold(inQueue);
            font.setItalic(row.item.sentinel);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == Seq || index.column() == PutAt || index.column() == GotAt
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    case ProducerRole:
        return row.item.producer;
    case ConsumerRole:
        return row.item.consumer;
    case SentinelRole:
        return row.item.sentinel;
    case InQueueRole:
        return inQueue;
    default:
        return {};
    }
}

QVariant QueueItemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Seq:
        return tr("#");
    case Value:
        return tr("Item");
    case Path:
        return tr("Path");
    case PutAt:
        return tr("Put at");
    case GotAt:
        return tr("Got at");
    default:
        return {};
    }
}

} // namespace ProcessLab
