// SPDX-License-Identifier: MIT
#pragma once

#include "ipcviewbase.h"

class QComboBox;
class QLabel;
class QTableView;

namespace ProcessLab {

class PipeMessagesModel;

// The Pipe tab: per direction (sender → receiver) the messages in flight, who waits in
// recv() (IpcWaits), the ends closed and the EOFError a receiver got.
class PipeView : public IpcViewBase
{
    Q_OBJECT
public:
    explicit PipeView(RunController *controller, QWidget *parent = nullptr);

    PipeMessagesModel *model() const { return m_model; }
    QString statusText() const;

protected:
    void rebuild(const RunSummary &summary) override;
    void reset() override;

private:
    QComboBox *m_objects;
    QLabel *m_status;
    QTableView *m_table;
    PipeMessagesModel *m_model;
};

} // namespace ProcessLab
