// SPDX-License-Identifier: MIT
#pragma once

#include <QTreeWidget>

namespace ProcessLab {

// The tutorial's examples grouped as in the tutorial (基本用法 · 进程间通信 · 进程池), each
// with its title and one-line description. Examples of later tutorial sections that are
// not available yet are listed, disabled, so the map of the tutorial stays complete.
class ExampleBrowser : public QTreeWidget
{
    Q_OBJECT
public:
    explicit ExampleBrowser(QWidget *parent = nullptr);

    void selectExample(const QString &id);
    // No example is current (a script is shown); choosing any example then shows it.
    void clearCurrent();
    QString currentExampleId() const;

signals:
    void exampleSelected(const QString &id);

protected:
    void changeEvent(QEvent *event) override;

private:
    void populate();
};

bool isChineseUi();

} // namespace ProcessLab
