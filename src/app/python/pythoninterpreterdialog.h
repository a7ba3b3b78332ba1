// SPDX-License-Identifier: MIT
#pragma once

#include "runtime/pythoninterpreterprobe.h"

#include <QDialog>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace ProcessLab {

class PythonSession;

// Settings → Python Interpreter…: python3 from PATH or a chosen executable (a venv's or conda's
// python). Each choice is checked without blocking (PythonInterpreterProbe); OK takes only a
// Python that answered with version 3.9 or newer, otherwise the dialog says why and stays.
class PythonInterpreterDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PythonInterpreterDialog(PythonSession *session, QWidget *parent = nullptr);

    QString choice() const; // empty: python3 from PATH
    QLineEdit *pathEdit() const { return m_path; }
    QRadioButton *fromPathButton() const { return m_fromPath; }
    QRadioButton *chosenButton() const { return m_chosen; }
    QLabel *statusLabel() const { return m_status; }

    void accept() override;

private:
    void check();
    void showResult(const PythonInterpreterProbe::Result &result);
    void browse();

    PythonSession *m_session;
    PythonInterpreterProbe *m_probe;
    QRadioButton *m_fromPath;
    QRadioButton *m_chosen;
    QLineEdit *m_path;
    QPushButton *m_browse;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    std::optional<PythonInterpreterProbe::Result> m_result; // for choice(), once it answered
    QString m_checking; // the choice being checked
};

} // namespace ProcessLab
