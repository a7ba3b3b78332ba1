// SPDX-License-Identifier: MIT
#include "scriptargumentsdialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ProcessLab {

ScriptArgumentsDialog::ScriptArgumentsDialog(const QString &scriptPath, const PythonSession::ScriptLaunch &launch,
                                             QWidget *parent)
    : QDialog(parent)
    , m_scriptPath(scriptPath)
    , m_arguments(new QLineEdit(launch.argumentsText, this))
    , m_directory(new QLineEdit(QDir::toNativeSeparators(launch.workingDirectory.isEmpty()
                                                             ? QFileInfo(scriptPath).absolutePath()
                                                             : launch.workingDirectory),
                                this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Run %1 with Python").arg(QFileInfo(scriptPath).fileName()));
    m_arguments->setObjectName(QStringLiteral("scriptArguments"));
    m_directory->setObjectName(QStringLiteral("scriptDirectory"));
    m_arguments->setPlaceholderText(tr("e.g. --workers 4 \"a file.txt\""));
    m_problem->setObjectName(QStringLiteral("scriptProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c62828"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Run"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    auto *directoryRow = new QHBoxLayout;
    directoryRow->addWidget(m_directory, 1);
    directoryRow->addWidget(browse);
    auto *form = new QFormLayout;
    form->addRow(tr("Script:"), new QLabel(QDir::toNativeSeparators(scriptPath), this));
    form->addRow(tr("&Arguments:"), m_arguments);
    form->addRow(tr("&Working directory:"), directoryRow);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    resize(600, sizeHint().height());

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_arguments, &QLineEdit::textChanged, this, &ScriptArgumentsDialog::validate);
    connect(m_directory, &QLineEdit::textChanged, this, &ScriptArgumentsDialog::validate);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString directory = QFileDialog::getExistingDirectory(this, tr("Working Directory"), m_directory->text());
        if (!directory.isEmpty())
            m_directory->setText(QDir::toNativeSeparators(directory));
    });
    validate();
}

PythonSession::ScriptLaunch ScriptArgumentsDialog::launch() const
{
    return {m_arguments->text(), QDir::fromNativeSeparators(m_directory->text().trimmed())};
}

void ScriptArgumentsDialog::validate()
{
    QString problem;
    const PythonSession::ScriptLaunch chosen = launch();
    const bool splits = PythonSession::splitArguments(chosen.argumentsText, &problem).has_value(); // else problem says why
    if (splits && (chosen.workingDirectory.isEmpty() || !QFileInfo(chosen.workingDirectory).isDir()))
        problem = tr("The working directory does not exist.");
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

} // namespace ProcessLab
