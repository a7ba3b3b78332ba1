// SPDX-License-Identifier: MIT
#include "queueview.h"

#include "ipcviewsupport.h"
#include "processcolors.h"
#include "queueitemsmodel.h"
#include "runcontroller.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace ProcessLab {

namespace {

QString chip(const QString &name, const QColor &colour, bool highlighted)
{
    const QString border = highlighted ? QStringLiteral("font-weight:bold; text-decoration:underline;") : QString();
    return QStringLiteral("<span style=\"background-color:%1; color:%2; %3\">&nbsp;%4&nbsp;</span>")
        .arg(colour.name(), contrastingTextColor(colour).name(), border, name.toHtmlEscaped());
}

} // namespace

QueueView::QueueView(RunController *controller, QWidget *parent)
    : IpcViewBase(controller, parent)
    , m_objects(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_participants(new QLabel(this))
    , m_path(new QLabel(this))
    , m_table(new QTableView(this))
    , m_model(new QueueItemsModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    auto *top = new QHBoxLayout;
    top->addWidget(m_objects);
    top->addWidget(m_status, 1);
    layout->addLayout(top);
    layout->addWidget(m_participants);
    layout->addWidget(m_path);
    layout->addWidget(m_table, 1);
    m_objects->setVisible(false);
    m_status->setWordWrap(true);
    m_participants->setTextFormat(Qt::RichText);
    m_participants->setWordWrap(true);
    m_path->setTextFormat(Qt::RichText);
    m_path->setWordWrap(true);
    m_table->setModel(m_model);
    m_table->setMouseTracking(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QueueItemsModel::Value, QHeaderView::Interactive);
    m_table->setColumnWidth(QueueItemsModel::Seq, fontMetrics().horizontalAdvance(u'0') * 7);
    m_table->setColumnWidth(QueueItemsModel::Value, fontMetrics().horizontalAdvance(u'0') * 24);
    m_table->setColumnWidth(QueueItemsModel::Path, fontMetrics().horizontalAdvance(u'0') * 30);
    connect(m_table, &QTableView::entered, this, [this](const QModelIndex &index) { showPathOf(index.row()); });
    connect(m_objects, &QComboBox::currentIndexChanged, this, [this] { refreshNow(); });
    reset();
}

int QueueView::currentObject() const
{
    return m_objects->currentData().toInt();
}

QString QueueView::statusText() const
{
    return m_status->text();
}

QString QueueView::pathText() const
{
    return m_path->text();
}

void QueueView::reset()
{
    m_model->clear();
    m_objects->clear();
    m_objects->setVisible(false);
    m_status->setText(tr("No queue in this run. Run the queue example to see its items move."));
    m_participants->clear();
    m_path->clear();
    m_hoveredRow = -1;
    m_pathProducer = m_pathConsumer = -2;
}

void QueueView::showPathOf(int row)
{
    m_hoveredRow = row;
    const QueueItem *item = m_model->item(row);
    const RunSummary &summary = controller()->summary();
    if (!item) {
        m_path->setText(tr("Hover an item to see its path from producer to consumer."));
        m_pathProducer = m_pathConsumer = -2;
    } else {
        const bool dark = isDarkPalette(palette());
        m_pathProducer = item->producer;
        m_pathConsumer = item->isGot() ? item->consumer : -2;
        const QString producer = chip(IpcViewText::processName(summary, item->producer),
                                      processColor(item->producer, dark), true);
        if (item->isGot()) {
            const QString consumer = chip(IpcViewText::processName(summary, item->consumer),
                                          processColor(item->consumer, dark), true);
            const QString waited = item->putNs > 0 && item->getNs >= item->putNs
                                       ? tr(" (%1 ms in the queue)")
                                             .arg(QLocale().toString(double(item->getNs - item->putNs) / 1e6, 'f', 2))
                                       : QString();
            m_path->setText(tr("Item #%1 %2: %3 → queue → %4%5")
                                .arg(item->seq)
                                .arg(item->text.toHtmlEscaped(), producer, consumer, waited));
        } else {
            m_path->setText(tr("Item #%1 %2: %3 → queue → (waits for a consumer)")
                                .arg(item->seq)
                                .arg(item->text.toHtmlEscaped(), producer));
        }
    }
    if (const IpcObjectState *queue = summary.ipcStates.object(currentObject()))
        m_participants->setText(participantsText(summary, *queue));
}

QString QueueView::participantsText(const RunSummary &summary, const IpcObjectState &queue) const
{
    const bool dark = isDarkPalette(palette());
    const auto who = [&](const QList<int> &processes, int highlighted) {
        QStringList parts;
        for (const int process : processes) {
            QString text = chip(IpcViewText::processName(summary, process), processColor(process, dark),
                                process == highlighted);
            if (const IpcWait *wait = summary.waits.openWait(process, queue.id)) {
                text += QLatin1Char(' ')
                        + (wait->what == QLatin1StringView("put") ? tr("<i>waits: queue full</i>")
                                                                  : tr("<i>waits in %1()</i>").arg(wait->what.toHtmlEscaped()));
            }
            parts.append(text);
        }
        return parts.isEmpty() ? tr("none yet") : parts.join(QLatin1Char(' '));
    };
    // Processes that wait before their first put or get are participants too.
    QList<int> producers = queue.queue.producers, consumers = queue.queue.consumers;
    for (const IpcWait &wait : summary.waits.waits()) {
        if (wait.object != queue.id || !wait.isOpen())
            continue;
        QList<int> &list = wait.what == QLatin1StringView("put") ? producers : consumers;
        if (!list.contains(wait.process))
            list.append(wait.process);
    }
    return tr("Put by: %1 &nbsp;&nbsp;→ queue →&nbsp;&nbsp; Got by: %2")
        .arg(who(producers, m_pathProducer), who(consumers, m_pathConsumer));
}

void QueueView::rebuild(const RunSummary &summary)
{
    // The queues of the run, in the order the program created them.
    QList<const IpcObjectState *> queues;
    for (const IpcObjectState &object : summary.ipcStates.objects()) {
        if (object.kind == IpcObjectKind::Queue)
            queues.append(&object);
    }
    if (queues.isEmpty()) {
        reset();
        return;
    }
    if (m_objects->count() != queues.size()) {
        const QSignalBlocker blocker(m_objects);
        const int keep = m_objects->currentIndex();
        m_objects->clear();
        for (const IpcObjectState *queue : queues)
            m_objects->addItem(queue->name, queue->id);
        m_objects->setCurrentIndex(std::max(0, keep));
        m_objects->setVisible(queues.size() > 1);
    }
    const IpcObjectState *queue = summary.ipcStates.object(currentObject());
    if (!queue)
        return;
    const QLocale locale;
    QString status = queue->queue.maxsize > 0
                         ? tr("%1 = Queue(maxsize=%2)").arg(queue->name).arg(queue->queue.maxsize)
                         : tr("%1 = Queue()").arg(queue->name);
    if (queue->sampled) {
        status += QStringLiteral(" · ")
                  + tr("%1 items in the queue (sampled), %2 operations")
                        .arg(locale.toString(queue->queue.currentDepth()), locale.toString(queue->operations));
        status += QLatin1Char('\n') + IpcViewText::sampledNote(queue->budget);
    } else {
        status += QStringLiteral(" · ")
                  + tr("items in the queue: %1").arg(locale.toString(queue->queue.currentDepth()))
                  + QStringLiteral(" · ")
                  + tr("%1 put, %2 got").arg(locale.toString(queue->queue.puts), locale.toString(queue->queue.gets));
    }
    m_status->setText(status);
    if (queue->sampled) {
        m_model->clear(); // stale items would mislead: the note says why they are gone
    } else {
        m_model->rebuild(summary, queue->id);
        if (m_model->hiddenInQueue() > 0)
            m_status->setText(status + QLatin1Char('\n')
                              + tr("The first %1 items in the queue are listed; %2 more are in it.")
                                    .arg(locale.toString(m_model->inQueueCount()),
                                         locale.toString(m_model->hiddenInQueue())));
    }
    m_participants->setText(participantsText(summary, *queue));
    showPathOf(m_hoveredRow);
}

} // namespace ProcessLab
