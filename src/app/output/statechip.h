// SPDX-License-Identifier: MIT
#pragma once

#include "record/runevent.h"

#include <QWidget>

namespace ProcessLab {

// A small rounded chip: a dot in the state's colour and the state's name.
class StateChip : public QWidget
{
    Q_OBJECT
public:
    explicit StateChip(QWidget *parent = nullptr);

    void setState(ProcessState state);
    ProcessState state() const { return m_state; }
    QString text() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }
    // The width of the chip for the state with the longest name (layouts reserve it).
    int widestWidth() const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    int widthFor(const QString &text) const;

    ProcessState m_state = ProcessState::Created;
};

} // namespace ProcessLab
