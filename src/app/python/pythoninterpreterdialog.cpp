// SPDX-License-Identifier: MIT
#include "pythoninterpreterdialog.h"

#include "pythonsession.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTimer>
#include <QVBoxLayout>

namespace ProcessLab {

PythonInterpreterDialog::PythonInterpreterDialog(PythonSession *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_probe(new PythonInterpreterProbe(this))
    , m_fromPath(new QRadioButton(tr("&python3 from PATH"), this))
    , m_chosen(new QRadioButton(tr("&This interpreter (a venv's or conda's python):"), this))
    , m_path(new QLineEdit(this))
    , m_browse(new QPushButton(tr("&Browse…"), this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Python Interpreter"));
    m_path->setObjectName(QStringLiteral("interpreterPath"));
    m_status->setObjectName(QStringLiteral("interpreterStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_path->setPlaceholderText(tr("/path/to/venv/bin/python"));
    auto *explanation = new QLabel(tr("Run with Python and File → Open Python Script… use this interpreter "
                                      "(Python 3.9 or newer). The examples' native runs need no Python."),
                                   this);
    explanation->setWordWrap(true);
    auto *pathRow = new QGridLayout;
    pathRow->setContentsMargins(20, 0, 0, 0);
    pathRow->addWidget(m_path, 0, 0);
    pathRow->addWidget(m_browse, 0, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addWidget(m_fromPath);
    layout->addWidget(m_chosen);
    layout->addLayout(pathRow);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    resize(560, sizeHint().height());

    const QString current = session->interpreterSetting();
    (current.isEmpty() ? m_fromPath : m_chosen)->setChecked(true);
    m_path->setText(QDir::toNativeSeparators(current));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PythonInterpreterDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_browse, &QPushButton::clicked, this, &PythonInterpreterDialog::browse);
    connect(m_fromPath, &QRadioButton::toggled, this, &PythonInterpreterDialog::check);
    connect(m_path, &QLineEdit::editingFinished, this, &PythonInterpreterDialog::check);
    connect(m_path, &QLineEdit::textEdited, this, [this] {
        m_chosen->setChecked(true);
        m_result.reset();
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
        m_status->setText(tr("Press Enter to check this interpreter."));
    });
    connect(m_probe, &PythonInterpreterProbe::finished, this, &PythonInterpreterDialog::showResult);
    check();
}

QString PythonInterpreterDialog::choice() const
{
    return m_fromPath->isChecked() ? QString() : QDir::fromNativeSeparators(m_path->text().trimmed());
}

void PythonInterpreterDialog::check()
{
    m_path->setEnabled(m_chosen->isChecked());
    m_browse->setEnabled(m_chosen->isChecked());
    m_result.reset();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    m_checking = choice();
    if (m_chosen->isChecked() && m_checking.isEmpty()) {
        m_probe->cancel();
        m_status->setText(tr("Choose the interpreter's executable."));
        return;
    }
    m_status->setText(tr("Checking…"));
    m_probe->probe(m_checking);
}

void PythonInterpreterDialog::showResult(const PythonInterpreterProbe::Result &result)
{
    m_result = result;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(result.ok);
    m_status->setStyleSheet(result.ok ? QString() : QStringLiteral("color: #c62828"));
    m_status->setText(result.ok ? tr("Found: %1").arg(PythonSession::describe(result)) : result.error);
}

void PythonInterpreterDialog::browse()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a Python Interpreter"), m_path->text());
    if (path.isEmpty())
        return;
    m_path->setText(QDir::toNativeSeparators(path));
    m_chosen->setChecked(true);
    check();
}

void PythonInterpreterDialog::accept()
{
    // Refused with the reason in the dialog: an interpreter that cannot run the bootstrap.
    if (!m_result || !m_result->ok)
        return;
    m_session->setInterpreterSetting(choice(), m_result);
    QDialog::accept();
}

} // namespace ProcessLab
