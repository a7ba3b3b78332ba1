// SPDX-License-Identifier: MIT
#pragma once

#include "ipcviewbase.h"

class QLabel;
class QTableView;

namespace ProcessLab {

class SharedCellsModel;

// The Shared memory tab: every Value and Array cell live, coloured by the process that wrote
// it last (with a legend of the process colours), who holds each lock and who waits for it
// (IpcWaits), and for a Value the lost updates (writes − value) ticking up in a lock-off run.
class SharedView : public IpcViewBase
{
    Q_OBJECT
public:
    explicit SharedView(RunController *controller, QWidget *parent = nullptr);

    SharedCellsModel *model() const { return m_model; }
    QString statusText() const;
    QString lostText() const;

protected:
    void rebuild(const RunSummary &summary) override;
    void reset() override;

private:
    QLabel *m_status;
    QLabel *m_lost;
    QLabel *m_legend;
    QTableView *m_table;
    SharedCellsModel *m_model;
};

} // namespace ProcessLab
