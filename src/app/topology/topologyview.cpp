// SPDX-License-Identifier: MIT
#include "topologyview.h"

#include "output/processstatustext.h"
#include "processcolors.h"
#include "record/runrecord.h"
#include "runcontroller.h"

#include <QEvent>
#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTimer>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace ProcessLab {

namespace {
constexpr int repaintIntervalMs = 33; // traffic lights at ~30 frames per second, never more

// Node columns: how many rows of nodes of this height fit, and how many columns count nodes need.
int rowsFitting(double height, double nodeHeight, double gap)
{
    return std::max(1, int((height + gap) / (nodeHeight + gap)));
}
} // namespace

TopologyView::TopologyView(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(false);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::ClickFocus);
    m_lastPaint.start();
}

const RunSummary &TopologyView::summary() const
{
    static const RunSummary none;
    return m_controller ? m_controller->summary() : none;
}

void TopologyView::setController(RunController *controller)
{
    m_controller = controller;
    connect(controller, &RunController::aboutToReplaceRun, this, &TopologyView::reset);
    connect(controller, &RunController::runStarted, this, &TopologyView::reset);
    connect(controller, &RunController::eventsAvailable, this, &TopologyView::consume);
    connect(controller, &RunController::tick, this, &TopologyView::setNowNs);
    connect(controller, &RunController::runFinished, this, [this] { setNowNs(0); });
}

void TopologyView::reset()
{
    m_nowNs = 0;
    m_layoutDirty = true;
    update();
}

void TopologyView::consume(const RunRecord &record, qsizetype from, qsizetype to)
{
    bool changed = false;
    for (qsizetype i = from; i < to; ++i) {
        const RunEvent &event = record.events().at(i);
        switch (event.kind) {
        case EventKind::ProcessCreated:
        case EventKind::IpcObjectCreated:
        case EventKind::PoolWorker:
            m_layoutDirty = true;
            changed = true;
            break;
        case EventKind::StateChanged:
        case EventKind::ScriptStep: // a join() begins or ends: Main's wait (JoinWaits)
        case EventKind::ScriptStepEnded:
        case EventKind::IpcOperation:
        case EventKind::IpcCounters:
        case EventKind::PoolTask:
        case EventKind::RunFinished:
            changed = true;
            break;
        default:
            break;
        }
    }
    if (changed)
        scheduleUpdate();
}

void TopologyView::setNowNs(qint64 nowNs)
{
    const bool wasLit = anyLit();
    m_nowNs = nowNs;
    if (wasLit || anyLit())
        scheduleUpdate();
}

bool TopologyView::anyLit() const
{
    if (m_nowNs == 0)
        return false;
    return std::any_of(topology().edges().cbegin(), topology().edges().cend(), [this](const TopologyEdge &e) {
        return e.lastTrafficNs != 0 && m_nowNs - e.lastTrafficNs < trafficFadeNs;
    });
}

void TopologyView::scheduleUpdate()
{
    if (m_updatePending || !isVisible())
        return;
    m_updatePending = true;
    const qint64 since = m_lastPaint.elapsed();
    QTimer::singleShot(int(std::max<qint64>(0, repaintIntervalMs - since)), this, [this] {
        m_updatePending = false;
        update();
    });
}

QString TopologyView::processName(int process) const
{
    const ProcessSummary *p = summary().process(process);
    return p ? ProcessStatusText::roleName(*p) : ProcessStatusText::roleName(process, QString::number(process));
}

QString TopologyView::objectLabel(const TopologyObject &object) const
{
    switch (object.kind) {
    case TopologyObject::Kind::Queue: return tr("Queue %1").arg(object.name);
    case TopologyObject::Kind::Pipe: return tr("Pipe %1").arg(object.name);
    case TopologyObject::Kind::Value: return tr("Value %1").arg(object.name);
    case TopologyObject::Kind::Array: return tr("Array %1").arg(object.name);
    case TopologyObject::Kind::Lock: return tr("Lock %1").arg(object.name);
    case TopologyObject::Kind::Pool: return tr("Pool");
    }
    return {};
}

QString TopologyView::waitText(const TopologyWait &wait) const
{
    const TopologyObject *object = topology().object(wait.object);
    const QString on = object ? objectLabel(*object) : QString::number(wait.object);
    if (wait.counterparts.isEmpty())
        return tr("%1 waits in %2() on %3").arg(processName(wait.process), wait.what, on);
    QStringList names;
    for (const int p : wait.counterparts)
        names.append(processName(p));
    return tr("%1 waits in %2() on %3 for %4").arg(processName(wait.process), wait.what, on, names.join(tr(", ")));
}

QString TopologyView::joinWaitText(const JoinWait &wait) const
{
    //: %1 is the main program (主进程), %2 the process it joins ("Consumer"), %3 the line of the listing.
    return tr("%1 waits in join() for %2 (line %3)").arg(processName(wait.process), processName(wait.target)).arg(wait.sourceLine);
}

QStringList TopologyView::waitTexts() const
{
    QStringList texts;
    if (const JoinWait *join = summary().joins.openWait())
        texts.append(joinWaitText(*join));
    for (const TopologyWait &wait : topology().waitsNow(summary().waits, summary().ipcStates))
        texts.append(waitText(wait));
    return texts;
}

bool TopologyView::isWaiting(int process) const
{
    const JoinWait *join = summary().joins.openWait();
    return (join && join->process == process) || !summary().waits.openWaitsOf(process).isEmpty();
}

QPainterPath TopologyView::joinWaitPath() const
{
    const JoinWait *join = summary().joins.openWait();
    if (!join)
        return {};
    ensureLayout();
    const QRectF from = m_processRects.value(join->process);
    const QRectF to = m_processRects.value(join->target);
    if (from.isEmpty() || to.isEmpty())
        return {};
    // Main (left) to the worker (right), bowed below the object column (its middle passes
    // under the lowest object, inside the view) so it does not run across an object.
    const QPointF a(from.right(), from.center().y());
    const QPointF b(to.left(), to.center().y());
    double lowestObject = std::max(a.y(), b.y());
    for (const QRectF &object : std::as_const(m_objectRects))
        lowestObject = std::max(lowestObject, object.bottom());
    const double gap = QFontMetricsF(font()).height() / 2;
    const double middleY = std::min(lowestObject + gap, height() - gap);
    // A cubic's middle lies 3/4 of the control points' offset below the ends' mean.
    const double sag = std::max(std::max(from.height(), to.height()) / 2, (middleY - (a.y() + b.y()) / 2) * 4 / 3);
    const double dx = (b.x() - a.x()) / 3;
    QPainterPath path(a);
    path.cubicTo(a.x() + dx, a.y() + sag, b.x() - dx, b.y() + sag, b.x(), b.y());
    return path;
}

void TopologyView::ensureLayout() const
{
    const int processes = int(summary().processes.size());
    const int objects = int(topology().objects().size());
    if (!m_layoutDirty && processes == m_layoutProcesses && objects == m_layoutObjects)
        return;
    m_layoutDirty = false;
    m_layoutProcesses = processes;
    m_layoutObjects = objects;
    m_processRects.clear();
    m_objectRects.clear();

    const QFontMetricsF fm(font());
    const double margin = fm.height() * 0.75;
    const double gap = std::max(3.0, fm.height() / 3);
    const double twoLines = fm.height() * 2 + 8;
    const double oneLine = fm.height() + 6;
    const QRectF area = QRectF(rect()).adjusted(margin, margin, -margin, -margin);
    // Columns: Main | objects | workers; the gaps between them carry the edges.
    const double mainWidth = std::clamp(area.width() * 0.16, fm.horizontalAdvance(QStringLiteral("Main  PID 00000")), area.width() * 0.25);
    const double objectWidth = std::clamp(area.width() * 0.24, fm.horizontalAdvance(QStringLiteral("Queue queue_name")), area.width() * 0.3);
    const double edgeRoom = std::max(fm.height() * 3, (area.width() - mainWidth - objectWidth) * 0.22);
    const double mainLeft = area.left();
    const double objectLeft = mainLeft + mainWidth + edgeRoom;
    const double workerLeft = objectLeft + objectWidth + edgeRoom;
    const double workerArea = std::max(fm.height() * 4, area.right() - workerLeft);

    // A column of count nodes: two-line nodes if they fit, else one-line nodes in sub-columns.
    const auto column = [&](int count, double left, double width, const auto &place) {
        if (count <= 0)
            return;
        double height = twoLines;
        int rows = rowsFitting(area.height(), height, gap);
        if (rows < count) {
            height = oneLine;
            rows = rowsFitting(area.height(), height, gap);
        }
        const int columns = (count + rows - 1) / rows;
        const int perColumn = (count + columns - 1) / columns;
        // Nodes no wider than a name needs: wide columns would only stretch empty boxes.
        const double columnWidth = std::min((width - gap * (columns - 1)) / columns, fm.averageCharWidth() * 30);
        for (int i = 0; i < count; ++i) {
            const int c = i / perColumn;
            const int r = i % perColumn;
            const int inThisColumn = std::min(perColumn, count - c * perColumn);
            const double top = area.top() + (area.height() - (inThisColumn * (height + gap) - gap)) / 2;
            place(i, QRectF(left + c * (columnWidth + gap), top + r * (height + gap), columnWidth, height));
        }
    };
    QList<int> workers;
    for (const ProcessSummary &p : summary().processes) {
        if (p.id > mainProcessId && !p.role.isEmpty())
            workers.append(p.id);
    }
    if (!summary().processes.isEmpty())
        column(1, mainLeft, mainWidth, [&](int, const QRectF &r) { m_processRects.insert(mainProcessId, r); });
    column(objects, objectLeft, objectWidth, [&](int i, const QRectF &r) { m_objectRects.insert(topology().objects().at(i).id, r); });
    column(int(workers.size()), workerLeft, workerArea, [&](int i, const QRectF &r) { m_processRects.insert(workers.at(i), r); });
}

QRectF TopologyView::processRect(int process) const
{
    ensureLayout();
    return m_processRects.value(process);
}

QRectF TopologyView::objectRect(int object) const
{
    ensureLayout();
    return m_objectRects.value(object);
}

int TopologyView::processAt(const QPointF &pos) const
{
    ensureLayout();
    for (auto it = m_processRects.cbegin(); it != m_processRects.cend(); ++it) {
        if (it.value().contains(pos))
            return it.key();
    }
    return -1;
}

int TopologyView::objectAt(const QPointF &pos) const
{
    ensureLayout();
    for (auto it = m_objectRects.cbegin(); it != m_objectRects.cend(); ++it) {
        if (it.value().contains(pos))
            return it.key();
    }
    return 0;
}

QString TopologyView::toolTipAt(const QPointF &pos) const
{
    const QList<TopologyWait> waits = topology().waitsNow(summary().waits, summary().ipcStates);
    const JoinWait *join = summary().joins.openWait();
    if (const int process = processAt(pos); process >= 0) {
        const ProcessSummary *p = summary().process(process);
        QStringList lines{p && p->pid ? tr("%1 (PID %2): %3").arg(processName(process)).arg(p->pid).arg(ProcessStatusText::state(p->state))
                                      : processName(process)};
        if (join && (join->process == process || join->target == process))
            lines.append(joinWaitText(*join));
        for (const TopologyWait &wait : waits) {
            if (wait.process == process || wait.counterparts.contains(process))
                lines.append(waitText(wait));
        }
        lines.append(tr("Click to show its output pane."));
        return lines.join(u'\n');
    }
    if (const int id = objectAt(pos); id > 0) {
        const TopologyObject *object = topology().object(id);
        QStringList lines{objectLabel(*object), tr("%1 operations").arg(QLocale().toString(summary().objectOperations(id)))};
        QStringList users;
        for (const TopologyEdge *e : topology().edgesOf(id))
            users.append(processName(e->process));
        if (!users.isEmpty())
            lines.append(tr("Used by %1").arg(users.join(tr(", "))));
        if (const IpcObjectState *state = summary().ipcStates.object(id)) {
            if (const int holder = state->reportedLockHolder(); holder >= 0)
                lines.append(tr("Held by %1").arg(processName(holder)));
            else if (state->sampled && state->cells.acquisitions > 0)
                lines.append(tr("Lock holder no longer reported (sampled)"));
        }
        for (const TopologyWait &wait : waits) {
            if (wait.object == id)
                lines.append(waitText(wait));
        }
        return lines.join(u'\n');
    }
    if (join) {
        QPainterPathStroker stroker;
        stroker.setWidth(std::max(8.0, QFontMetricsF(font()).height() * 0.6)); // easy to point at
        if (const QPainterPath path = joinWaitPath(); !path.isEmpty() && stroker.createStroke(path).contains(pos))
            return joinWaitText(*join);
    }
    return {};
}

void TopologyView::paintEvent(QPaintEvent *)
{
    m_lastPaint.restart();
    ensureLayout();
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const bool dark = isDarkPalette(palette());
    const QColor base = palette().color(QPalette::Base);
    const QColor text = palette().color(QPalette::Text);
    const QColor muted = blendColors(text, base, 0.45);
    const QColor red = stateColor(ProcessState::Failed, dark);
    painter.fillRect(rect(), base);
    const QFontMetricsF fm(font());

    if (m_processRects.isEmpty()) {
        painter.setPen(muted);
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                         tr("Run an example: its processes and the queues, pipes, shared memory and pools between "
                            "them appear here."));
        return;
    }

    // Who waits for whom: the waiting edges red, the edges of those they wait for red dashed.
    const QList<TopologyWait> waits = topology().waitsNow(summary().waits, summary().ipcStates);
    QSet<quint64> waitingEdges, awaitedEdges;
    const auto key = [](int process, int object) { return (quint64(quint32(process)) << 32) | quint32(object); };
    for (const TopologyWait &wait : waits) {
        waitingEdges.insert(key(wait.process, wait.object));
        for (const int p : wait.counterparts)
            awaitedEdges.insert(key(p, wait.object));
    }

    const double arrow = std::max(4.0, fm.height() / 3);
    for (const TopologyEdge &e : topology().edges()) {
        const QRectF from = m_processRects.value(e.process);
        const QRectF to = m_objectRects.value(e.object);
        if (from.isEmpty() || to.isEmpty())
            continue;
        const bool left = e.process == mainProcessId; // Main sits left of the objects, workers right
        const QPointF a = left ? QPointF(from.right(), from.center().y()) : QPointF(from.left(), from.center().y());
        const QPointF b = left ? QPointF(to.left(), to.center().y()) : QPointF(to.right(), to.center().y());
        QPainterPath path(a);
        const double dx = (b.x() - a.x()) / 2;
        path.cubicTo(a.x() + dx, a.y(), b.x() - dx, b.y(), b.x(), b.y());
        QColor color = blendColors(text, base, 0.6);
        double width = 1.2;
        Qt::PenStyle style = Qt::SolidLine;
        const qint64 age = m_nowNs != 0 && e.lastTrafficNs != 0 ? m_nowNs - e.lastTrafficNs : trafficFadeNs;
        if (age >= 0 && age < trafficFadeNs) {
            const double glow = 1.0 - double(age) / double(trafficFadeNs);
            color = blendColors(color, processColor(e.process, dark), glow);
            width += 2.5 * glow;
        }
        if (waitingEdges.contains(key(e.process, e.object))) {
            color = red;
            width = 3;
        } else if (awaitedEdges.contains(key(e.process, e.object))) {
            color = red;
            width = 2;
            style = Qt::DashLine;
        }
        painter.setPen(QPen(color, width, style, Qt::RoundCap));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(path);
        // Arrow heads: into the object (put, send, write, submit), out of it (get, recv, work).
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        const auto head = [&](const QPointF &tip, double direction) {
            painter.drawPolygon(QPolygonF{tip, tip + QPointF(-direction * arrow * 1.6, -arrow * 0.8),
                                          tip + QPointF(-direction * arrow * 1.6, arrow * 0.8)});
        };
        const double towardsObject = left ? 1 : -1;
        if (e.writes())
            head(b, towardsObject);
        if (e.reads())
            head(a, -towardsObject);
    }

    const auto drawNode = [&](const QRectF &r, const QColor &fill, const QColor &border, double borderWidth,
                              const QString &title, const QString &detail) {
        painter.setPen(QPen(border, borderWidth));
        painter.setBrush(fill);
        const double radius = std::min(6.0, r.height() / 4);
        painter.drawRoundedRect(r.adjusted(borderWidth / 2, borderWidth / 2, -borderWidth / 2, -borderWidth / 2), radius, radius);
        const QRectF inner = r.adjusted(6, 2, -6, -2);
        painter.setPen(text);
        const bool twoLines = inner.height() >= fm.height() * 2;
        if (twoLines) {
            const QRectF top(inner.left(), inner.center().y() - fm.height(), inner.width(), fm.height());
            const QRectF bottom(inner.left(), inner.center().y(), inner.width(), fm.height());
            painter.drawText(top, Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(title, Qt::ElideRight, inner.width()));
            painter.setPen(muted);
            painter.drawText(bottom, Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(detail, Qt::ElideRight, inner.width()));
        } else {
            painter.drawText(inner, Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(title, Qt::ElideRight, inner.width()));
        }
    };

    const QLocale locale;
    for (const TopologyObject &object : topology().objects()) {
        const QRectF r = m_objectRects.value(object.id);
        if (r.isEmpty())
            continue;
        const bool awaited = std::any_of(waits.cbegin(), waits.cend(), [&](const TopologyWait &w) { return w.object == object.id; });
        const qint64 age = m_nowNs != 0 && object.lastTrafficNs != 0 ? m_nowNs - object.lastTrafficNs : trafficFadeNs;
        QColor border = awaited ? red : muted;
        if (!awaited && age >= 0 && age < trafficFadeNs)
            border = blendColors(muted, palette().color(QPalette::Highlight), 1.0 - double(age) / double(trafficFadeNs));
        drawNode(r, palette().color(QPalette::AlternateBase), border, awaited ? 2.5 : 1.5, objectLabel(object),
                 tr("%1 operations").arg(locale.toString(summary().objectOperations(object.id))));
    }
    // Main waits in join() for a process: a red dashed edge to it, an arrow head at the process.
    if (const QPainterPath path = joinWaitPath(); !path.isEmpty()) {
        painter.setPen(QPen(red, 2, Qt::DashLine, Qt::RoundCap));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(path);
        const QPointF tip = path.currentPosition();
        painter.setPen(Qt::NoPen);
        painter.setBrush(red);
        painter.drawPolygon(QPolygonF{tip, tip + QPointF(-arrow * 1.6, -arrow * 0.8), tip + QPointF(-arrow * 1.6, arrow * 0.8)});
    }

    for (auto it = m_processRects.cbegin(); it != m_processRects.cend(); ++it) {
        const int process = it.key();
        const ProcessSummary *p = summary().process(process);
        const QColor color = processColor(process, dark);
        const bool waiting = isWaiting(process);
        const bool ended = p && p->hasEnded();
        const QColor fill = blendColors(base, color, ended ? 0.08 : 0.25);
        QString detail = p ? ProcessStatusText::state(p->state) : QString();
        if (p && p->pid)
            detail = tr("PID %1 · %2").arg(p->pid).arg(detail);
        if (waiting)
            detail = tr("waiting");
        drawNode(it.value(), fill, waiting ? red : color, waiting ? 3 : 2, processName(process), detail);
    }
}

void TopologyView::resizeEvent(QResizeEvent *event)
{
    m_layoutDirty = true;
    QWidget::resizeEvent(event);
}

void TopologyView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        if (const int process = processAt(event->position()); process >= 0) {
            emit processActivated(process);
            event->accept();
            return;
        }
    }
    QWidget::mousePressEvent(event);
}

bool TopologyView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString tip = toolTipAt(help->pos());
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, this);
        return true;
    }
    return QWidget::event(event);
}

void TopologyView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        m_layoutDirty = true;
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        update();
    QWidget::changeEvent(event);
}

QSize TopologyView::sizeHint() const
{
    return {640, 280};
}

QSize TopologyView::minimumSizeHint() const
{
    const QFontMetrics fm(font());
    return {fm.height() * 20, fm.height() * 6};
}

} // namespace ProcessLab
