// SPDX-License-Identifier: MIT
// Each shipped walkthrough (resources/walkthroughs/*.json) autoplays to its end on real runs of
// its example, with no GUI: a stage over Run drives them as the app's RunController does. No
// step fails, so every action is done and every run-until event really occurs at the knobs in
// effect; no worker process is left. CTest runs one entry per walkthrough (tests/CMakeLists.txt).
#include "testsupport.h"
#include "walkthrough/walkthrough.h"
#include "walkthrough/walkthroughsession.h"

#include <QDir>
#include <QFileInfo>
#include <QTest>

#include <memory>
#include <optional>
#include <vector>

using namespace ProcessLab;

namespace {

QDir shippedDir()
{
    return QDir(QStringLiteral(PROCESSLAB_WALKTHROUGHS_DIR));
}

// A WalkthroughStage over real runs of the registered examples, as the app's RunController
// drives them (restart = stop, then start once the old run has ended), forwarding each run's
// events to the session.
class RunStage : public QObject, public WalkthroughStage
{
public:
    void attach(WalkthroughSession *session) { m_session = session; }

    void selectExample(const QString &exampleId) override
    {
        m_example = ExampleRegistry::find(exampleId);
        QVERIFY(m_example);
        QString error;
        m_knobs = resolveKnobs(m_example->knobs, {}, &error).value_or(QVariantMap());
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    void setKnobs(const QVariantMap &resolvedKnobs) override { m_knobs = resolvedKnobs; }
    void startRun(bool stepMode) override
    {
        if (isRunActive()) { // restart: the new run begins when the old one has ended
            m_startAfterStop = stepMode;
            m_current->stop();
            return;
        }
        begin(stepMode);
    }
    void stepMain() override
    {
        if (isRunActive())
            m_current->step();
    }
    void continueRun() override
    {
        if (isRunActive())
            m_current->setStepMode(false);
    }
    void pauseMain() override
    {
        if (isRunActive())
            m_current->setStepMode(true);
    }
    void stopRun() override
    {
        m_startAfterStop.reset();
        if (isRunActive())
            m_current->stop();
    }
    bool isRunActive() const override { return m_current && m_active; }
    bool isStepping() const override { return isRunActive() && m_current->stepMode(); }

    int runCount() const { return static_cast<int>(m_runs.size()); }
    // Every worker pid of every run this stage started.
    QList<qint64> workerPids() const
    {
        QList<qint64> pids;
        for (const auto &run : m_runs)
            pids << TestSupport::workerPids(run->record());
        return pids;
    }

private:
    void begin(bool stepMode)
    {
        m_runs.push_back(Run::create(*m_example, m_knobs));
        m_current = m_runs.back().get();
        m_current->setWorkerProgram(TestSupport::shippedWorkerPath());
        m_current->setStepMode(stepMode);
        m_active = true;
        m_delivered = 0;
        Run *run = m_current;
        connect(run, &Run::eventRecorded, this, [this, run] {
            if (run != m_current)
                return;
            const qsizetype to = run->record().events().size();
            if (to > m_delivered)
                m_session->eventsAvailable(run->record(), std::exchange(m_delivered, to), to);
        });
        connect(run, &Run::finished, this, [this, run](int exitCode) {
            if (run != m_current)
                return;
            m_active = false;
            m_session->runFinished(run->record(), exitCode);
            if (const std::optional<bool> stepMode = std::exchange(m_startAfterStop, std::nullopt))
                begin(*stepMode);
        });
        m_session->runStarted();
        run->start();
    }

    WalkthroughSession *m_session = nullptr;
    const ExampleDefinition *m_example = nullptr;
    QVariantMap m_knobs;
    std::vector<std::unique_ptr<Run>> m_runs; // all kept: the session holds on to records
    Run *m_current = nullptr;
    bool m_active = false;
    qsizetype m_delivered = 0;
    std::optional<bool> m_startAfterStop; // a restart waiting for the old run's end
};

} // namespace

class TstShippedWalkthroughsPlay : public QObject
{
    Q_OBJECT

private slots:
    void plays_data()
    {
        QTest::addColumn<QString>("id");
        const QFileInfoList files = shippedDir().entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        for (const QFileInfo &file : files)
            QTest::newRow(qPrintable(file.completeBaseName())) << file.completeBaseName();
    }

    // Autoplay (pace 0) on real runs: every step's action is done and no step fails, so every
    // run-until event was observed in the run's record; no process is left afterwards.
    void plays()
    {
        QFETCH(QString, id);
        const WalkthroughLoadResult loaded = loadWalkthrough(shippedDir().filePath(id + QStringLiteral(".json")));
        QVERIFY2(loaded.walkthrough, qPrintable(loaded.error));
        RunStage stage;
        WalkthroughSession session(*loaded.walkthrough, &stage);
        stage.attach(&session);
        QStringList failures;
        connect(&session, &WalkthroughSession::stepFailed, this, [&](int index, const QString &message) {
            failures << QStringLiteral("step %1: %2").arg(index).arg(message);
        });
        QList<int> done;
        QStringList unmeasured; // a prediction measured against the run that the run did not answer
        connect(&session, &WalkthroughSession::phaseChanged, this, [&](WalkthroughSession::Phase phase) {
            if (phase != WalkthroughSession::Phase::Done)
                return;
            const int index = session.currentStep();
            done << index;
            const std::optional<WalkthroughPrediction> &prediction = loaded.walkthrough->steps.at(index).prediction;
            const std::optional<PredictionOutcome> outcome = session.outcome();
            if (!prediction || prediction->measure == WalkthroughPrediction::Measure::Fixed)
                return;
            if (!outcome || !outcome->measured)
                unmeasured << QString::number(index);
            else // what a learner would have been compared with, for the log
                qInfo("step %d: measured %s", index, qPrintable(outcome->actualText));
        });
        QSignalSpy finished(&session, &WalkthroughSession::finished);
        session.setStepTimeout(std::chrono::seconds(90));
        session.setAutoplay(true, std::chrono::milliseconds(0), false);
        session.start();

        // Generous: the longest walkthrough runs about 12 s of examples on an idle machine.
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failures.isEmpty(), 240000);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
        QCOMPARE(session.currentStep(), session.stepCount() - 1);
        QVERIFY2(unmeasured.isEmpty(), qPrintable(QStringLiteral("predictions not measured in steps ") + unmeasured.join(QStringLiteral(", "))));
        for (int i = 0; i < session.stepCount(); ++i) {
            if (loaded.walkthrough->steps.at(i).action.kind == WalkthroughAction::Kind::RunUntil)
                QVERIFY2(done.contains(i), qPrintable(QStringLiteral("step %1 never done").arg(i)));
        }
        QVERIFY(stage.runCount() > 0);

        // Nothing left: the last run ends (a walkthrough may finish on a run it leaves going),
        // and every worker process of every run is gone.
        stage.stopRun();
        QTRY_VERIFY_WITH_TIMEOUT(!stage.isRunActive(), 30000);
        QVERIFY(TestSupport::allGone(stage.workerPids()));
    }
};

QTEST_GUILESS_MAIN(TstShippedWalkthroughsPlay)
#include "tst_shipped_walkthroughs_play.moc"
