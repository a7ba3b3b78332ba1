// SPDX-License-Identifier: MIT
#pragma once

#include "pythonsession.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace ProcessLab {

// File → Open Python Script…, after the file: the script's arguments (split like a shell)
// and its working directory (default: the script's folder), filled with what was used last
// time for this script. OK only with arguments that split and a folder that exists.
class ScriptArgumentsDialog : public QDialog
{
    Q_OBJECT
public:
    ScriptArgumentsDialog(const QString &scriptPath, const PythonSession::ScriptLaunch &launch, QWidget *parent = nullptr);

    PythonSession::ScriptLaunch launch() const;
    QLineEdit *argumentsEdit() const { return m_arguments; }
    QLineEdit *directoryEdit() const { return m_directory; }
    QLabel *problemLabel() const { return m_problem; }

private:
    void validate();

    QString m_scriptPath;
    QLineEdit *m_arguments;
    QLineEdit *m_directory;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace ProcessLab
