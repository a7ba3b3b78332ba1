// SPDX-License-Identifier: MIT
#pragma once

#include "ipcviewbase.h"

class QComboBox;
class QLabel;
class QTableView;

namespace ProcessLab {

class QueueItemsModel;
struct IpcObjectState;

// The Queue tab: per queue its depth and counts, who puts and who gets (and who waits: a
// producer blocked on a full queue, a consumer in get() on an empty one, from IpcWaits), the
// items in the queue now and the latest got, each with its path. Hovering an item shows its
// path producer → consumer. The depth over time is a lane on the timeline.
class QueueView : public IpcViewBase
{
    Q_OBJECT
public:
    explicit QueueView(RunController *controller, QWidget *parent = nullptr);

    QueueItemsModel *model() const { return m_model; }
    QString statusText() const;
    QString pathText() const;
    // Shows the path of the item in row (what hovering it does); -1 clears it.
    void showPathOf(int row);

protected:
    void rebuild(const RunSummary &summary) override;
    void reset() override;

private:
    int currentObject() const;
    QString participantsText(const RunSummary &summary, const IpcObjectState &queue) const;

    QComboBox *m_objects;
    QLabel *m_status;
    QLabel *m_participants;
    QLabel *m_path;
    QTableView *m_table;
    QueueItemsModel *m_model;
    int m_hoveredRow = -1;
    int m_pathProducer = -2; // highlighted in the participants line
    int m_pathConsumer = -2;
};

} // namespace ProcessLab
