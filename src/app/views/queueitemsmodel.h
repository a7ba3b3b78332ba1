// SPDX-License-Identifier: MIT
#pragma once

#include "record/ipcobjectstates.h"

#include <QAbstractTableModel>

namespace ProcessLab {

struct RunSummary;

// The items of one queue as a table: first the items in the queue now (oldest first, the one
// the next get() returns on top), then the latest items got, each with its path producer →
// consumer. A projection of IpcObjectStates; rebuilt from it (throttled by the view).
class QueueItemsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Seq, Value, Path, PutAt, GotAt, ColumnCount };
    enum Role { ProducerRole = Qt::UserRole + 1, ConsumerRole, SentinelRole, InQueueRole };
    static constexpr qsizetype inQueueShown = 2'000; // the rest is counted in hiddenInQueue()
    static constexpr qsizetype gotShown = 200;

    using QAbstractTableModel::QAbstractTableModel;

    // The state of queue objectId in summary (nothing when it has none).
    void rebuild(const RunSummary &summary, int objectId);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const QueueItem *item(int row) const;
    qsizetype inQueueCount() const { return m_inQueue; }
    qsizetype hiddenInQueue() const { return m_hiddenInQueue; }

private:
    struct Row
    {
        QueueItem item;
        QString producer;
        QString consumer;
        QString putAt;
        QString gotAt;
    };
    QList<Row> m_rows;
    qsizetype m_inQueue = 0;
    qsizetype m_hiddenInQueue = 0;
};

} // namespace ProcessLab
