// SPDX-License-Identifier: MIT
#pragma once

#include "record/ipcobjectstates.h"

#include <QAbstractTableModel>

namespace ProcessLab {

struct RunSummary;

// The messages in flight in one pipe, per direction (sender → receiver), oldest first: the
// ones the receiver's next recv() returns. A projection of IpcObjectStates.
class PipeMessagesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Direction, Message, SentAt, ColumnCount };
    enum Role { SenderRole = Qt::UserRole + 1 };
    static constexpr qsizetype shownPerDirection = 1'000;

    using QAbstractTableModel::QAbstractTableModel;

    void rebuild(const RunSummary &summary, int objectId);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        int sender = 0;
        QString direction;
        QString text;
        QString sentAt;
    };
    QList<Row> m_rows;
};

} // namespace ProcessLab
