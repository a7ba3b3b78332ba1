// SPDX-License-Identifier: MIT
#include "runcontroller.h"

#include "examples/exampleregistry.h"
#include "history/runhistorymodel.h"
#include "protocol/monotonicclock.h"
#include "replay/replaysource.h"
#include "runtime/run.h"

#include <QElapsedTimer>
#include <QFileInfo>

namespace ProcessLab {

RunController::RunController(QObject *parent)
    : QObject(parent)
    , m_history(new RunHistoryModel(this))
{
    m_batchTimer.setInterval(batchInterval);
    connect(&m_batchTimer, &QTimer::timeout, this, &RunController::deliver);
}

RunController::~RunController() = default;

bool RunController::isActive() const
{
    if (m_pythonRun)
        return m_pythonRun->status() == PythonRun::Status::Running
               || m_pythonRun->status() == PythonRun::Status::Stopping || m_finishPending;
    return m_run
           && (m_run->status() == Run::Status::Running || m_run->status() == Run::Status::Stopping || m_finishPending);
}

bool RunController::isStopping() const
{
    if (m_pythonRun)
        return m_pythonRun->status() == PythonRun::Status::Stopping;
    return m_run && m_run->status() == Run::Status::Stopping;
}

bool RunController::isStepping() const
{
    return m_run && isActive() && !m_finishPending && m_run->stepMode();
}

bool RunController::startExample(const ExampleDefinition &example, const QVariantMap &knobs, bool stepMode)
{
    if (isActive())
        return false;
    beginRun(Run::create(example, knobs), stepMode);
    return true;
}

void RunController::startScript(const QString &id, const QVariantMap &knobs, HostScript script,
                                const QHash<QString, int> &traceLines, bool stepMode)
{
    if (isActive())
        return;
    beginRun(std::make_unique<Run>(id, knobs, std::move(script), traceLines), stepMode);
}

void RunController::prepareRun()
{
    // The previous run is finished; its record goes with it (its summary stays in the history).
    emit aboutToReplaceRun();
    const bool wasReplaying = m_replay != nullptr;
    m_replay.reset();
    if (wasReplaying)
        emit replayChanged();
    m_run.reset();
    m_pythonRun.reset();
    m_summary = RunSummaryBuilder();
    m_delivered = 0;
    ++m_runNumber;
}

void RunController::launch()
{
    m_batchTimer.start();
    deliver();
    emit controlsChanged();
}

void RunController::beginRun(std::unique_ptr<Run> run, bool stepMode)
{
    prepareRun();
    m_run = std::move(run);
    if (!m_workerProgram.isEmpty())
        m_run->setWorkerProgram(m_workerProgram);
    if (m_outputLineCap > 0)
        m_run->setOutputLineCap(m_outputLineCap);
    m_run->setStepMode(stepMode);
    connect(m_run.get(), &Run::finished, this, &RunController::handleFinished);
    emit runStarted();
    m_run->start();
    launch();
}

bool RunController::startPython(PythonRun::Options options)
{
    if (isActive())
        return false;
    prepareRun();
    m_pythonRun = std::make_unique<PythonRun>(std::move(options));
    if (m_outputLineCap > 0)
        m_pythonRun->setOutputLineCap(m_outputLineCap);
    connect(m_pythonRun.get(), &PythonRun::finished, this, &RunController::handleFinished);
    emit runStarted();
    m_pythonRun->start();
    launch();
    return true;
}

const RunRecord *RunController::record() const
{
    if (m_replay)
        return &m_replay->played();
    if (m_pythonRun)
        return &m_pythonRun->record();
    return m_run ? &m_run->record() : nullptr;
}

bool RunController::startReplay(std::unique_ptr<ReplaySource> replay)
{
    if (isActive() || !replay)
        return false;
    emit aboutToReplaceRun();
    m_batchTimer.stop();
    m_run.reset();
    m_pythonRun.reset();
    m_replay = std::move(replay);
    connect(m_replay.get(), &ReplaySource::positionChanged, this, &RunController::followReplay);
    restartViews();
    emit replayChanged();
    emit controlsChanged();
    deliver();
    return true;
}

void RunController::leaveReplay()
{
    if (!m_replay)
        return;
    emit aboutToReplaceRun();
    m_replay.reset();
    m_summary = RunSummaryBuilder();
    m_delivered = 0;
    emit replayChanged();
    emit controlsChanged();
}

// The views start over from an empty record (a new replay, or a replay that went back).
void RunController::restartViews()
{
    m_replay->resetPlayed();
    m_summary = RunSummaryBuilder();
    m_delivered = 0;
    m_replayFinished = false;
    emit runStarted();
}

void RunController::followReplay()
{
    if (m_replay->target() < m_delivered) {
        // Back in time: views are incremental projections, so they start over and get 0..target again.
        emit aboutToReplaceRun();
        restartViews();
    }
    deliver();
}

void RunController::stopLiveRun()
{
    if (m_pythonRun)
        m_pythonRun->stop();
    else if (m_run)
        m_run->stop();
}

void RunController::stop()
{
    if (isActive())
        stopLiveRun();
    emit controlsChanged();
}

void RunController::step()
{
    if (isStepping())
        m_run->step();
}

void RunController::continueRun()
{
    if (isStepping()) {
        m_run->setStepMode(false);
        emit controlsChanged();
    }
}

void RunController::pause()
{
    if (m_run && isActive() && !m_finishPending && !m_run->stepMode()) {
        m_run->setStepMode(true);
        emit controlsChanged();
    }
}

bool RunController::killPoolWorker(int process, QString *error)
{
    if (m_pythonRun) {
        *error = tr("a Python run's pool workers are ended by Stop, not one by one");
        return false;
    }
    if (!m_run || m_finishPending) {
        *error = tr("the run has ended");
        return false;
    }
    return m_run->killPoolWorker(process, error);
}

void RunController::restart(const ExampleDefinition &example, const QVariantMap &knobs)
{
    if (!isActive()) {
        startExample(example, knobs, false);
        return;
    }
    const QString id = example.id;
    m_afterStop = [this, id, knobs] {
        if (const ExampleDefinition *e = ExampleRegistry::find(id))
            startExample(*e, knobs, false);
    };
    stopLiveRun();
}

void RunController::restartPython(const PythonRun::Options &options)
{
    if (!isActive()) {
        startPython(options);
        return;
    }
    m_afterStop = [this, options] { startPython(options); };
    stopLiveRun();
}

void RunController::deliver()
{
    m_catchUpScheduled = false;
    if (!hasRun() && !m_replay)
        return;
    const RunRecord &record = *this->record();
    QElapsedTimer budget;
    budget.start();
    for (;;) {
        if (m_replay) // copied into the played record in chunks too: going back never stalls the UI
            m_replay->fill(m_delivered + deliverChunk);
        if (m_delivered >= record.size())
            break;
        const qsizetype to = std::min(record.size(), m_delivered + deliverChunk);
        for (qsizetype i = m_delivered; i < to; ++i) {
            m_summary.consume(record.events().at(i));
        }
        const qsizetype from = std::exchange(m_delivered, to);
        emit eventsAvailable(record, from, to);
        if (budget.elapsed() >= deliverBudget.count())
            break;
    }
    if (m_replay) {
        deliverReplayTick();
        return;
    }
    emit tick(monotonicNowNs());
    if (m_delivered < record.size()) {
        if (!m_catchUpScheduled) {
            m_catchUpScheduled = true;
            QTimer::singleShot(0, this, &RunController::deliver);
        }
    } else if (m_finishPending) {
        completeFinish();
    }
}

void RunController::deliverReplayTick()
{
    const bool caughtUp = m_delivered >= m_replay->target();
    // While catching up, the views' clock is the last delivered event's, not the replay's.
    emit tick(caughtUp || m_delivered == 0 ? m_replay->clockNs() : m_replay->played().events().constLast().timeNs);
    if (!caughtUp) {
        if (!m_catchUpScheduled) {
            m_catchUpScheduled = true;
            QTimer::singleShot(0, this, &RunController::deliver);
        }
    } else if (m_replay->atEnd() && !m_replayFinished) {
        m_replayFinished = true;
        emit runFinished(summary().exitCode);
        emit controlsChanged();
    }
}

void RunController::handleFinished(int exitCode)
{
    // The run is over, but the views may still be behind its record: finish when they catch up.
    m_exitCode = exitCode;
    m_finishPending = true;
    deliver();
}

void RunController::completeFinish()
{
    m_finishPending = false;
    m_batchTimer.stop();
    if (m_pythonRun) {
        // Paired with the native runs of the same example (compare); a user's script by its file name.
        const PythonRun::Options &options = m_pythonRun->options();
        m_history->addRun(m_runNumber, options.exampleId.isEmpty() ? QFileInfo(options.script).fileName() : options.exampleId,
                          m_pythonRun->record().knobs(), summary(), RunnerKind::Python);
    } else {
        m_history->addRun(m_runNumber, m_run->record().exampleId(), m_run->record().knobs(), summary());
    }
    emit runFinished(m_exitCode);
    emit controlsChanged();
    if (auto next = std::exchange(m_afterStop, nullptr))
        QMetaObject::invokeMethod(this, next, Qt::QueuedConnection);
}

} // namespace ProcessLab
