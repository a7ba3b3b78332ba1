// SPDX-License-Identifier: MIT
#include "runcomparedialog.h"

#include "output/processstatustext.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace ProcessLab {

namespace {

qint64 outputLines(const RunSummary &summary)
{
    qint64 lines = 0;
    for (const ProcessSummary &p : summary.processes)
        lines += p.stdoutLines + p.stderrLines;
    return lines;
}

qint64 ipcOperations(const RunSummary &summary)
{
    qint64 operations = 0;
    for (const ObjectSummary &object : summary.objects)
        operations += summary.objectOperations(object.id);
    for (const PoolProgress &pool : summary.pools.pools())
        operations += summary.objectOperations(pool.pool);
    return operations;
}

QString signedNumber(qint64 value)
{
    return value >= 0 ? QString::number(value) : QString(QChar(0x2212)) + QString::number(-value);
}

// What a process's exit says: Python's exit code, or the status of Main played by ProcessLab.
QString exitText(const RunHistoryModel::Entry &entry, const ProcessSummary &p)
{
    if (p.id == mainProcessId && entry.runner == RunnerKind::Native) {
        const QString status = ProcessStatusText::mainProgramStatus(p);
        return status.isEmpty() ? QStringLiteral("–") : status;
    }
    if (p.id == mainProcessId) // the interpreter's own exit code
        return p.hasEnded() ? ProcessStatusText::tr("exit %1")
                                  .arg(signedNumber(p.exitCode))
                            : QStringLiteral("–");
    const QString status = ProcessStatusText::exitStatus(p);
    return status.isEmpty() ? QStringLiteral("–") : status;
}

// The processes' exit codes in process order ("0, 0, 1"); "–" for one without.
QString exitCodes(const RunSummary &summary)
{
    QStringList codes;
    for (const ProcessSummary &p : summary.processes) {
        if (p.id == mainProcessId)
            continue;
        const std::optional<int> code = p.pythonExitCode();
        codes.append(code ? signedNumber(*code) : QStringLiteral("–"));
    }
    return codes.join(QStringLiteral(", "));
}

QTableWidget *table(const QStringList &headers, const QList<QStringList> &rows, QWidget *parent)
{
    auto *table = new QTableWidget(static_cast<int>(rows.size()), static_cast<int>(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (int row = 0; row < rows.size(); ++row) {
        for (int column = 0; column < rows.at(row).size(); ++column) {
            auto *item = new QTableWidgetItem(rows.at(row).at(column));
            if (column > 0)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            table->setItem(row, column, item);
        }
    }
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QWidget *runColumn(const RunHistoryModel::Entry &entry, QWidget *parent)
{
    auto *box = new QGroupBox(RunCompareDialog::tr("Run #%1 · %2 · %3")
                                  .arg(entry.number)
                                  .arg(RunHistoryModel::exampleText(entry), RunHistoryModel::runnerText(entry.runner)),
                              parent);
    auto *layout = new QVBoxLayout(box);
    const QString settings = RunHistoryModel::settingsText(entry);
    auto *facts = new QLabel(RunCompareDialog::tr("Settings: %1\nWall time: %2 · Result: %3 · Exit code: %4")
                                 .arg(settings.isEmpty() ? QStringLiteral("–") : settings,
                                      RunHistoryModel::msText(entry.summary.wallMs()),
                                      RunHistoryModel::resultText(entry.summary),
                                      signedNumber(entry.summary.exitCode)),
                             box);
    facts->setObjectName(QStringLiteral("runFacts"));
    facts->setWordWrap(true);
    facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(facts);

    QList<QStringList> processRows;
    for (const ProcessSummary &p : entry.summary.processes) {
        processRows.append({ProcessStatusText::roleName(p), p.pid ? QString::number(p.pid) : QStringLiteral("–"),
                            RunHistoryModel::msText(p.spawnToReadyMs()), RunHistoryModel::msText(p.runMs()),
                            QString::number(p.stdoutLines + p.stderrLines), exitText(entry, p)});
    }
    auto *processes = table({RunCompareDialog::tr("Process"), RunCompareDialog::tr("PID"),
                             RunCompareDialog::tr("Spawn → ready"), RunCompareDialog::tr("Run time"),
                             RunCompareDialog::tr("Lines"), RunCompareDialog::tr("Exit")},
                            processRows, box);
    processes->setObjectName(QStringLiteral("processTable"));
    layout->addWidget(processes, 3);

    QList<QStringList> ipcRows;
    for (const ObjectSummary &object : entry.summary.objects) {
        //: A shared object in the compare dialog: its name in the program and its kind ("queue (queue)").
        ipcRows.append({RunCompareDialog::tr("%1 (%2)").arg(object.name, ipcObjectKindName(object.kind)),
                        QString::number(entry.summary.objectOperations(object.id))});
    }
    for (const PoolProgress &pool : entry.summary.pools.pools()) {
        ipcRows.append({RunCompareDialog::tr("Pool %1 (tasks queued + done)").arg(pool.pool),
                        QString::number(entry.summary.objectOperations(pool.pool))});
    }
    if (!ipcRows.isEmpty()) {
        auto *ipc = table({RunCompareDialog::tr("Shared object"), RunCompareDialog::tr("Operations")}, ipcRows, box);
        ipc->setObjectName(QStringLiteral("ipcTable"));
        layout->addWidget(ipc, 1);
    }
    return box;
}

} // namespace

RunCompareDialog::RunCompareDialog(const RunHistoryModel::Entry &left, const RunHistoryModel::Entry &right,
                                   QWidget *parent)
    : QDialog(parent)
    , m_left(left)
    , m_right(right)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    rebuild();
    resize(1100, 560);
}

double RunCompareDialog::meanStartUpMs(const RunSummary &summary)
{
    double total = 0;
    int count = 0;
    for (const ProcessSummary &p : summary.processes) {
        if (p.id == mainProcessId || p.spawnToReadyMs() < 0)
            continue;
        total += p.spawnToReadyMs();
        ++count;
    }
    return count ? total / count : -1.0;
}

QStringList RunCompareDialog::differences(const RunHistoryModel::Entry &left, const RunHistoryModel::Entry &right)
{
    QStringList lines;
    const double a = left.summary.wallMs();
    const double b = right.summary.wallMs();
    if (a > 0 && b > 0) {
        lines.append(tr("Run #%1 took %2× the wall time of run #%3.")
                         .arg(right.number)
                         .arg(QLocale().toString(b / a, 'f', 2))
                         .arg(left.number));
    }
    // A native and a Python run: what starting a Python process costs over a native worker.
    if (left.runner != right.runner) {
        const RunHistoryModel::Entry &native = left.runner == RunnerKind::Native ? left : right;
        const RunHistoryModel::Entry &python = left.runner == RunnerKind::Native ? right : left;
        const double nativeMs = meanStartUpMs(native.summary);
        const double pythonMs = meanStartUpMs(python.summary);
        if (nativeMs >= 0 && pythonMs >= 0) {
            const double delta = pythonMs - nativeMs;
            const QString signedDelta = (delta >= 0 ? QStringLiteral("+") : QString(QChar(0x2212)))
                                        + RunHistoryModel::msText(std::abs(delta));
            lines.append(tr("Python's start-up: %1 per process (spawn → ready %2 with Python, %3 with ProcessLab's "
                            "workers).")
                             .arg(signedDelta, RunHistoryModel::msText(pythonMs), RunHistoryModel::msText(nativeMs)));
        }
    }
    const qsizetype leftProcesses = left.summary.processes.size();
    const qsizetype rightProcesses = right.summary.processes.size();
    if (leftProcesses != rightProcesses) {
        lines.append(tr("Processes: %1 in run #%2, %3 in run #%4.")
                         .arg(leftProcesses)
                         .arg(left.number)
                         .arg(rightProcesses)
                         .arg(right.number));
    }
    const qint64 leftLines = outputLines(left.summary);
    const qint64 rightLines = outputLines(right.summary);
    lines.append(leftLines == rightLines ? tr("Same output: %1 lines in each run.").arg(leftLines)
                                         : tr("Output: %1 lines in run #%2, %3 in run #%4.")
                                               .arg(leftLines)
                                               .arg(left.number)
                                               .arg(rightLines)
                                               .arg(right.number));
    const QString leftCodes = exitCodes(left.summary);
    const QString rightCodes = exitCodes(right.summary);
    if (leftCodes == rightCodes && left.summary.exitCode == right.summary.exitCode) {
        lines.append(leftCodes.isEmpty() ? tr("Same exit code: %1.").arg(signedNumber(left.summary.exitCode))
                                         : tr("Same exit codes: %1 (processes: %2).")
                                               .arg(signedNumber(left.summary.exitCode), leftCodes));
    } else {
        lines.append(tr("Exit codes differ: %1 (processes: %2) in run #%3, %4 (processes: %5) in run #%6.")
                         .arg(signedNumber(left.summary.exitCode), leftCodes.isEmpty() ? QStringLiteral("–") : leftCodes)
                         .arg(left.number)
                         .arg(signedNumber(right.summary.exitCode), rightCodes.isEmpty() ? QStringLiteral("–") : rightCodes)
                         .arg(right.number));
    }
    const qint64 leftOps = ipcOperations(left.summary);
    const qint64 rightOps = ipcOperations(right.summary);
    if (leftOps > 0 || rightOps > 0) {
        lines.append(leftOps == rightOps ? tr("Same operations on shared objects: %1 in each run.").arg(leftOps)
                                         : tr("Operations on shared objects: %1 in run #%2, %3 in run #%4.")
                                               .arg(leftOps)
                                               .arg(left.number)
                                               .arg(rightOps)
                                               .arg(right.number));
    }
    return lines;
}

void RunCompareDialog::rebuild()
{
    if (m_content) {
        // Not deleted here: the LanguageChange that got us here is still being sent to the old children.
        layout()->removeWidget(m_content);
        m_content->hide();
        m_content->deleteLater();
    }
    m_content = new QWidget(this);
    layout()->addWidget(m_content);
    setWindowTitle(tr("Compare runs #%1 and #%2").arg(m_left.number).arg(m_right.number));
    auto *layout = new QVBoxLayout(m_content);
    auto *columns = new QHBoxLayout;
    columns->addWidget(runColumn(m_left, m_content));
    columns->addWidget(runColumn(m_right, m_content));
    layout->addLayout(columns, 1);

    const QStringList lines = differences(m_left, m_right);
    if (!lines.isEmpty()) {
        auto *verdict = new QLabel(lines.join(u'\n'), m_content);
        verdict->setObjectName(QStringLiteral("compareDifferences"));
        verdict->setWordWrap(true);
        verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
        QFont f = verdict->font();
        f.setBold(true);
        verdict->setFont(f);
        layout->addWidget(verdict);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, m_content);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void RunCompareDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        rebuild();
}

} // namespace ProcessLab
