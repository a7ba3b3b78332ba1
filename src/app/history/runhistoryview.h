// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace ProcessLab {

class RunHistoryModel;

// The run history table; select two runs and compare them side by side.
class RunHistoryView : public QWidget
{
    Q_OBJECT
public:
    explicit RunHistoryView(RunHistoryModel *model, QWidget *parent = nullptr);
    void compareRows(int first, int second); // opens the side-by-side dialog

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateButton();

    RunHistoryModel *m_model;
    QTableView *m_table = nullptr;
    QPushButton *m_compare = nullptr;
    QLabel *m_hint = nullptr;
};

} // namespace ProcessLab
