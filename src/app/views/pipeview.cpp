// SPDX-License-Identifier: MIT
#include "pipeview.h"

#include "ipcviewsupport.h"
#include "pipemessagesmodel.h"
#include "runcontroller.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace ProcessLab {

PipeView::PipeView(RunController *controller, QWidget *parent)
    : IpcViewBase(controller, parent)
    , m_objects(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_table(new QTableView(this))
    , m_model(new PipeMessagesModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    auto *top = new QHBoxLayout;
    top->addWidget(m_objects, 0, Qt::AlignTop);
    top->addWidget(m_status, 1);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    m_status->setWordWrap(true);
    m_table->setModel(m_model);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(PipeMessagesModel::Direction, fontMetrics().horizontalAdvance(u'0') * 24);
    m_table->setColumnWidth(PipeMessagesModel::Message, fontMetrics().horizontalAdvance(u'0') * 36);
    connect(m_objects, &QComboBox::currentIndexChanged, this, [this] { refreshNow(); });
    reset();
}

QString PipeView::statusText() const
{
    return m_status->text();
}

void PipeView::reset()
{
    m_model->clear();
    m_objects->clear();
    m_objects->setVisible(false);
    m_status->setText(tr("No pipe in this run. Run the pipe example to see its messages in flight."));
}

void PipeView::rebuild(const RunSummary &summary)
{
    QList<const IpcObjectState *> pipes;
    for (const IpcObjectState &object : summary.ipcStates.objects()) {
        if (object.kind == IpcObjectKind::Pipe)
            pipes.append(&object);
    }
    if (pipes.isEmpty()) {
        reset();
        return;
    }
    if (m_objects->count() != pipes.size()) {
        const QSignalBlocker blocker(m_objects);
        const int keep = m_objects->currentIndex();
        m_objects->clear();
        for (const IpcObjectState *pipe : pipes)
            m_objects->addItem(pipe->name, pipe->id);
        m_objects->setCurrentIndex(std::max(0, keep));
        m_objects->setVisible(pipes.size() > 1);
    }
    const IpcObjectState *pipe = summary.ipcStates.object(m_objects->currentData().toInt());
    if (!pipe)
        return;
    const QLocale locale;
    QStringList lines;
    lines.append(pipe->pipe.duplex ? tr("%1 = Pipe()").arg(pipe->name) : tr("%1 = Pipe(duplex=False)").arg(pipe->name));
    if (pipe->pipe.directions.isEmpty())
        lines.append(tr("Nothing sent yet."));
    for (const PipeDirection &direction : pipe->pipe.directions) {
        const QString sender = IpcViewText::processName(summary, direction.sender);
        const QString receiver = direction.receiver == runLevel ? tr("the other end")
                                                                : IpcViewText::processName(summary, direction.receiver);
        QString line = tr("%1 → %2: messages in flight: %3")
                           .arg(sender, receiver, locale.toString(direction.inFlightCount()))
                       + QStringLiteral(" · ")
                       + tr("%1 sent, %2 received").arg(locale.toString(direction.sent), locale.toString(direction.received));
        if (direction.senderClosed)
            line += QStringLiteral(" · ") + tr("%1 closed its end at %2").arg(sender, IpcViewText::timeText(summary, direction.closedNs));
        if (direction.eofSeen)
            line += QStringLiteral(" · ") + tr("%1 got EOFError").arg(receiver);
        lines.append(line);
    }
    // recv() waits, from the one fold of waits every view reads.
    for (const IpcWait &wait : summary.waits.waits()) {
        if (wait.object == pipe->id && wait.isOpen())
            lines.append(tr("%1 waits in %2() since %3")
                             .arg(IpcViewText::processName(summary, wait.process), wait.what,
                                  IpcViewText::timeText(summary, wait.startNs)));
    }
    if (pipe->sampled)
        lines.append(IpcViewText::sampledNote(pipe->budget));
    m_status->setText(lines.join(QLatin1Char('\n')));
    if (pipe->sampled)
        m_model->clear();
    else
        m_model->rebuild(summary, pipe->id);
}

} // namespace ProcessLab
