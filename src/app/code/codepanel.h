// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QTabWidget;

namespace ProcessLab {

class CodeView;
class RunRecord;
struct ExampleDefinition;

// The example's Python source and the C++ the worker runs, in tabs. During a run the
// Python tab follows the record: the main program's step line is highlighted and each
// worker's last trace line carries its marker.
class CodePanel : public QWidget
{
    Q_OBJECT
public:
    explicit CodePanel(QWidget *parent = nullptr);

    void setExample(const ExampleDefinition &example);
    void resetMarkers();
    void consume(const RunRecord &record, qsizetype from, qsizetype to);
    void runEnded();
    CodeView *pythonView() const { return m_python; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void applyMarkers();

    QTabWidget *m_tabs = nullptr;
    CodeView *m_python = nullptr;
    CodeView *m_cpp = nullptr;
    QHash<int, int> m_workerLines; // process -> Python line
    bool m_dirty = false;
};

} // namespace ProcessLab
