// SPDX-License-Identifier: MIT
// Walkthroughs played in the real window (offscreen): every shipped walkthrough autoplays to
// its end with each step's event in the run's record and no process left; a clicker's keys;
// a live language switch; a malformed file opened by a user; the handout.
#include "guitestsupport.h"
#include "code/codepanel.h"
#include "code/codeview.h"

#include "walkthrough/clickerkeys.h"
#include "walkthrough/handoutrecorder.h"
#include "walkthrough/walkthroughlibrary.h"
#include "walkthrough/walkthroughmatch.h"
#include "walkthrough/walkthroughpanel.h"
#include "walkthrough/walkthroughplayer.h"
#include "walkthrough/walkthroughsession.h"

#include <QAbstractButton>
#include <QDir>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTextBrowser>

using namespace ProcessLab;
using namespace ProcessLab::TestSupport;

namespace {
// Three steps: read, a question answered before a short run, read. Example process, 2 workers.
const char *const threeSteps = R"({
    "format": 1, "id": "test-three", "example": "process",
    "title": {"en": "Three steps", "zh_CN": "三个步骤"},
    "knobs": {"workers": 2, "sleep": 0.2},
    "steps": [
        {"narration": {"en": "First, read.", "zh_CN": "先读。"}},
        {"narration": {"en": "Then run.", "zh_CN": "然后运行。"},
         "action": {"kind": "run"},
         "prediction": {"kind": "choice",
                        "question": {"en": "Which one?", "zh_CN": "哪一个？"},
                        "choices": [{"en": "Alpha", "zh_CN": "甲"}, {"en": "Beta", "zh_CN": "乙"}],
                        "answer": 1,
                        "explanation": {"en": "Because.", "zh_CN": "因为。"}}},
        {"narration": {"en": "Last, read again.", "zh_CN": "最后再读。"}}
    ]
})";

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        return {};
    return path;
}

// Every step's action done as the file says, checked against the record when it is Done.
struct StepCheck
{
    QStringList problems;
    void check(const WalkthroughSession &session, const RunController &controller)
    {
        const int index = session.currentStep();
        const WalkthroughAction &action = session.walkthrough().steps.at(index).action;
        const RunRecord *record = controller.record();
        const auto has = [record](auto predicate) {
            return record && std::any_of(record->events().cbegin(), record->events().cend(), predicate);
        };
        bool observed = true;
        switch (action.kind) {
        case WalkthroughAction::Kind::RunUntil:
            observed = has([&](const RunEvent &e) { return walkthroughEventMatches(action.until, e, *record); });
            break;
        case WalkthroughAction::Kind::Run:
        case WalkthroughAction::Kind::Stop:
            observed = has([](const RunEvent &e) { return e.kind == EventKind::RunFinished; });
            break;
        case WalkthroughAction::Kind::Step:
        case WalkthroughAction::Kind::Pause:
            observed = has([](const RunEvent &e) { return e.kind == EventKind::Paused || e.kind == EventKind::RunFinished; });
            break;
        default:
            break;
        }
        if (!observed)
            problems.append(QStringLiteral("step %1: its event is not in the run's record").arg(index + 1));
    }
};
} // namespace

class TestWalkthroughPlayback : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void autoplaysToTheEnd_data();
    void autoplaysToTheEnd();
    void clickerKeys();
    void languageSwitchKeepsTheStep();
    void malformedFileShowsTheMessage();
    void nextSaysWhatItDoes();
    void closingThePanelStopsTheRun();
    void firstRunHintOffersTheTour();
    void autoplayLoops();
    void handout_data();
    void handout();

private:
    void closeAndCheckNoProcessLeft(MainWindow &window);
};

void TestWalkthroughPlayback::initTestCase()
{
    initGuiTestCase("walkthroughplayback");
}

void TestWalkthroughPlayback::init()
{
    resetGuiState();
}

void TestWalkthroughPlayback::closeAndCheckNoProcessLeft(MainWindow &window)
{
    window.walkthroughPlayer()->close();
    QVERIFY(QTest::qWaitFor([&] { return !window.controller()->isActive(); }, 60000));
    if (!canListChildren)
        QSKIP("listing child processes is not possible on this platform");
    QTRY_VERIFY_WITH_TIMEOUT(childPidsOf(QCoreApplication::applicationPid()).isEmpty(), 30000);
}

void TestWalkthroughPlayback::autoplaysToTheEnd_data()
{
    QTest::addColumn<QString>("id");
    const QStringList ids = shippedWalkthroughIds();
    for (const QString &id : ids)
        QTest::newRow(qPrintable(id)) << id;
    if (ids.isEmpty())
        QTest::newRow("none shipped") << QString();
}

void TestWalkthroughPlayback::autoplaysToTheEnd()
{
    QFETCH(QString, id);
    QVERIFY2(!id.isEmpty(), "no walkthrough is shipped in :/walkthroughs");
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    WalkthroughPlayer *player = window.walkthroughPlayer();
    player->setAutoplay(true, std::chrono::milliseconds(0), false);
    QString error;
    QVERIFY2(player->openShipped(id, &error), qPrintable(error));
    WalkthroughSession *session = player->session();
    QVERIFY(session);
    QVERIFY(player->panel()->isVisible());
    QSignalSpy finished(session, &WalkthroughSession::finished);
    QSignalSpy failed(session, &WalkthroughSession::stepFailed);
    StepCheck steps;
    QList<int> entered;
    connect(session, &WalkthroughSession::stepEntered, this, [&](int index) { entered.append(index); });
    connect(session, &WalkthroughSession::phaseChanged, this, [&](WalkthroughSession::Phase phase) {
        if (phase == WalkthroughSession::Phase::Done)
            steps.check(*session, *window.controller());
    });
    // Sanity limit only: the files keep their runs short, the machine may be busy.
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1 || !failed.isEmpty(), 240000);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.isEmpty() ? QString()
                                                           : QStringLiteral("step %1: %2")
                                                                 .arg(failed.constFirst().at(0).toInt() + 1)
                                                                 .arg(failed.constFirst().at(1).toString())));
    QVERIFY2(steps.problems.isEmpty(), qPrintable(steps.problems.join(u'\n')));
    // Every step was entered once, in order (step 0 before the spy's connection).
    QList<int> expected;
    for (int i = 1; i < session->stepCount(); ++i)
        expected.append(i);
    QCOMPARE(entered, expected);
    QCOMPARE(session->currentStep(), session->stepCount() - 1);
    closeAndCheckNoProcessLeft(window);
}

void TestWalkthroughPlayback::clickerKeys()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeFile(dir, QStringLiteral("three.json"), threeSteps);
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    QApplication::setActiveWindow(&window);
    WalkthroughPlayer *player = window.walkthroughPlayer();
    QString error;
    QVERIFY2(player->openFile(path, &error), qPrintable(error));
    WalkthroughSession *session = player->session();
    QCOMPARE(session->currentStep(), 0);
    QTextBrowser *narration = player->panel()->findChild<QTextBrowser *>(QStringLiteral("walkthroughNarration"));
    QVERIFY(narration);
    narration->setFocus();
    QTRY_VERIFY(narration->hasFocus());

    QTest::keyClick(narration, Qt::Key_PageDown);
    QCOMPARE(session->currentStep(), 1);
    QCOMPARE(player->panel()->stepText(), QStringLiteral("Step 2 of 3"));
    QTest::keyClick(narration, Qt::Key_Left);
    QCOMPARE(session->currentStep(), 0);
    QTest::keyClick(narration, Qt::Key_Right);
    QCOMPARE(session->currentStep(), 1);
    QTest::keyClick(narration, Qt::Key_PageUp);
    QCOMPARE(session->currentStep(), 0);

    // B blanks the screen and B brings it back; Next un-blanks too (and goes on).
    QTest::keyClick(narration, Qt::Key_B);
    QVERIFY(player->isBlanked());
    QWidget *blank = window.findChild<QWidget *>(QStringLiteral("walkthroughBlank"));
    QVERIFY(blank && blank->isVisible());
    QCOMPARE(blank->geometry(), window.rect());
    QTest::keyClick(narration, Qt::Key_B);
    QVERIFY(!player->isBlanked());
    QTest::keyClick(narration, Qt::Key_B);
    QVERIFY(player->isBlanked());
    QTest::keyClick(narration, Qt::Key_PageDown);
    QVERIFY(!player->isBlanked());
    QCOMPARE(session->currentStep(), 1);

    // A spin box with the focus keeps its keys: PageUp/Down change the knob, not the step.
    auto *workers = window.knobPanel()->findChild<QSpinBox *>(QStringLiteral("knob_workers"));
    QVERIFY(workers);
    workers->setFocus();
    QTRY_VERIFY(workers->hasFocus());
    const int before = workers->value();
    QTest::keyClick(workers, Qt::Key_PageUp);
    QCOMPARE(session->currentStep(), 1);
    QVERIFY2(workers->value() > before, qPrintable(QString::number(workers->value())));
    QTest::keyClick(workers, Qt::Key_Left);
    QTest::keyClick(workers, Qt::Key_B);
    QCOMPARE(session->currentStep(), 1);
    QVERIFY(!player->isBlanked());

    // Outside the panel Left/Right/B are the list's, the code's, the tab bar's: only
    // PageUp/PageDown are the clicker's. In presenter mode all of them are.
    CodeView *code = window.codePanel()->pythonView();
    code->setFocus();
    QTRY_VERIFY(code->hasFocus());
    QTest::keyClick(code, Qt::Key_Right);
    QTest::keyClick(code, Qt::Key_B);
    QCOMPARE(session->currentStep(), 1);
    QVERIFY(!player->isBlanked());
    QTest::keyClick(code, Qt::Key_PageUp);
    QCOMPARE(session->currentStep(), 0);
    QTest::keyClick(code, Qt::Key_PageDown);
    QCOMPARE(session->currentStep(), 1);
    window.setPresenterMode(true);
    code->setFocus();
    QTRY_VERIFY(code->hasFocus());
    QTest::keyClick(code, Qt::Key_Left);
    QCOMPARE(session->currentStep(), 0);
    QTest::keyClick(code, Qt::Key_B);
    QVERIFY(player->isBlanked());
    QTest::keyClick(code, Qt::Key_B);
    QVERIFY(!player->isBlanked());
    window.setPresenterMode(false);

    // Closed: the keys are the window's own again.
    player->close();
    QVERIFY(!player->keys()->isEnabled());
    narration->setFocus();
    QTest::keyClick(&window, Qt::Key_B);
    QVERIFY(!player->isBlanked());
}

void TestWalkthroughPlayback::languageSwitchKeepsTheStep()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeFile(dir, QStringLiteral("three.json"), threeSteps);
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    WalkthroughPlayer *player = window.walkthroughPlayer();
    QVERIFY(player->openFile(path));
    WalkthroughSession *session = player->session();
    session->next(); // step 2: the question
    QCOMPARE(session->currentStep(), 1);
    auto *beta = player->panel()->findChild<QAbstractButton *>(QStringLiteral("walkthroughChoice1"));
    QVERIFY(beta);
    QCOMPARE(beta->text(), QStringLiteral("Beta"));
    beta->click();
    QCOMPARE(session->choiceAnswer(), std::optional<int>(1));
    auto *narration = player->panel()->findChild<QTextBrowser *>(QStringLiteral("walkthroughNarration"));
    QCOMPARE(narration->toPlainText(), QStringLiteral("Then run."));

    Language::apply(QStringLiteral("zh_CN")); // LanguageChange is posted to the windows
    QTRY_COMPARE(narration->toPlainText(), QStringLiteral("然后运行。"));
    QCOMPARE(session->currentStep(), 1);
    QCOMPARE(session->phase(), WalkthroughSession::Phase::Reading);
    QCOMPARE(session->choiceAnswer(), std::optional<int>(1));
    QCOMPARE(beta->text(), QStringLiteral("乙"));
    QVERIFY(beta->isChecked());
    QVERIFY(player->panel()->windowTitle().contains(QStringLiteral("三个步骤")));

    Language::apply(QStringLiteral("en"));
    QTRY_COMPARE(narration->toPlainText(), QStringLiteral("Then run."));
    QCOMPARE(session->currentStep(), 1);
    QVERIFY(beta->isChecked());
}

void TestWalkthroughPlayback::malformedFileShowsTheMessage()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString good = writeFile(dir, QStringLiteral("three.json"), threeSteps);
    QByteArray broken = threeSteps;
    broken.replace(R"("zh_CN": "然后运行。")", R"("zh": "然后运行。")");
    const QString bad = writeFile(dir, QStringLiteral("lesson.json"), broken);
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    WalkthroughPlayer *player = window.walkthroughPlayer();
    QVERIFY(player->openFile(good));
    WalkthroughSession *session = player->session();
    session->next();
    QCOMPARE(session->currentStep(), 1);

    QString error;
    QVERIFY(!player->openFile(bad, &error));
    QVERIFY(player->openError());
    const QString shown = player->openError()->text();
    QCOMPARE(shown, error);
    // The file, the line (7: the narration object of step 2) and the field.
    QVERIFY2(shown.startsWith(bad + QStringLiteral(":7: steps[1].narration.zh")), qPrintable(shown));
    // Nothing else changed: the walkthrough that was open still is, at its step.
    QCOMPARE(player->session(), session);
    QCOMPARE(session->currentStep(), 1);
    QVERIFY(player->panel()->isVisible());
    player->openError()->close();
}

void TestWalkthroughPlayback::nextSaysWhatItDoes()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeFile(dir, QStringLiteral("three.json"), threeSteps);
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    WalkthroughPlayer *player = window.walkthroughPlayer();
    QVERIFY(player->openFile(path));
    WalkthroughSession *session = player->session();
    WalkthroughPanel *panel = player->panel();
    QCOMPARE(panel->stepText(), QStringLiteral("Step 1 of 3"));
    QCOMPARE(panel->nextText(), QStringLiteral("Next step"));
    QVERIFY(!panel->backButton()->isEnabled());
    panel->nextButton()->click();
    QCOMPARE(session->currentStep(), 1);
    QCOMPARE(panel->nextText(), QStringLiteral("Run the example"));
    panel->nextButton()->click(); // the run starts; its end is the step's event
    QCOMPARE(session->phase(), WalkthroughSession::Phase::Acting);
    QVERIFY(!panel->nextButton()->isEnabled());
    auto *alpha = panel->findChild<QAbstractButton *>(QStringLiteral("walkthroughChoice0"));
    QVERIFY(alpha && !alpha->isEnabled()); // locked once the action started
    QTRY_COMPARE_WITH_TIMEOUT(session->phase(), WalkthroughSession::Phase::Done, 60000);
    // Unanswered, the outcome says what the right answer was, then the explanation.
    QVERIFY2(panel->statusText().contains(QStringLiteral("Not answered — it was “Beta”")), qPrintable(panel->statusText()));
    QVERIFY2(panel->statusText().contains(QStringLiteral("Because.")), qPrintable(panel->statusText()));
    QCOMPARE(panel->nextText(), QStringLiteral("Next step"));
    panel->nextButton()->click();
    QCOMPARE(session->currentStep(), 2);
    QCOMPARE(panel->nextText(), QStringLiteral("Finish"));
    panel->nextButton()->click(); // Finish closes the walkthrough
    QVERIFY(!player->isOpen());
    QVERIFY(!panel->isVisible());
}

void TestWalkthroughPlayback::closingThePanelStopsTheRun()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QByteArray longRun = threeSteps;
    longRun.replace(R"("sleep": 0.2)", R"("sleep": 30)");
    const QString path = writeFile(dir, QStringLiteral("long.json"), longRun);
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    WalkthroughPlayer *player = window.walkthroughPlayer();
    QVERIFY(player->openFile(path));
    WalkthroughSession *session = player->session();
    session->next();
    session->next(); // runs: two workers sleeping 30 s
    QTRY_VERIFY_WITH_TIMEOUT(window.controller()->isActive() && window.controller()->summary().liveProcessCount() == 3,
                             60000);
    // The dock's own close button (it hides the dock) ends the walkthrough and its run.
    QElapsedTimer sinceClose;
    sinceClose.start();
    player->panel()->close();
    QTRY_VERIFY(!player->isOpen());
    QTRY_VERIFY_WITH_TIMEOUT(!window.controller()->isActive(), 60000);
    // Stopped as the Stop button stops (the main program exits 1), not after the 30 s sleep.
    QCOMPARE(window.controller()->summary().exitCode, 1);
    QVERIFY2(sinceClose.elapsed() < 25000, qPrintable(QString::number(sinceClose.elapsed())));
    if (!canListChildren)
        QSKIP("listing child processes is not possible on this platform");
    QTRY_VERIFY_WITH_TIMEOUT(childPidsOf(QCoreApplication::applicationPid()).isEmpty(), 30000);
}

void TestWalkthroughPlayback::firstRunHintOffersTheTour()
{
    if (!shippedWalkthroughIds().contains(QStringLiteral("tour")))
        QSKIP("no tour walkthrough is shipped (resources/walkthroughs/tour.json)");
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    auto *tour = window.findChild<QPushButton *>(QStringLiteral("firstRunTour"));
    QVERIFY(tour && tour->isVisible());
    tour->click();
    WalkthroughPlayer *player = window.walkthroughPlayer();
    QVERIFY(player->isOpen());
    QCOMPARE(player->session()->walkthrough().id, QStringLiteral("tour"));
    player->close();
}

// --loop: at the end the walkthrough starts again (a booth), until it is closed.
void TestWalkthroughPlayback::autoplayLoops()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeFile(dir, QStringLiteral("three.json"), threeSteps);
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    WalkthroughPlayer *player = window.walkthroughPlayer();
    player->setAutoplay(true, std::chrono::milliseconds(0), true);
    QSignalSpy finished(player, &WalkthroughPlayer::finished);
    QVERIFY(player->openFile(path));
    QSignalSpy entered(player->session(), &WalkthroughSession::stepEntered);
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 2, 120000);
    QVERIFY(player->isOpen());
    QVERIFY(entered.count() >= 2 * 3 - 1); // step 0 was entered before the spy
    closeAndCheckNoProcessLeft(window);
}

void TestWalkthroughPlayback::handout_data()
{
    QTest::addColumn<QString>("target");
    QTest::newRow("pdf") << QStringLiteral("lesson.pdf");
    QTest::newRow("png-folder") << QStringLiteral("lesson");
}

void TestWalkthroughPlayback::handout()
{
    QFETCH(QString, target);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeFile(dir, QStringLiteral("three.json"), threeSteps);
    MainWindow window;
    QVERIFY(showWindow(window, 1280, 800));
    WalkthroughPlayer *player = window.walkthroughPlayer();
    player->setAutoplay(true, std::chrono::milliseconds(0), false);
    HandoutRecorder *recorder = player->recordHandout(dir.filePath(target));
    QSignalSpy written(recorder, &HandoutRecorder::written);
    QVERIFY(player->openFile(path));
    QTRY_VERIFY_WITH_TIMEOUT(!written.isEmpty(), 120000);
    QVERIFY2(written.constFirst().at(0).toBool(), qPrintable(written.constFirst().at(1).toString()));
    QCOMPARE(recorder->pageCount(), 3);
    if (recorder->isPdf()) {
        QFile pdf(dir.filePath(target));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        const QByteArray bytes = pdf.readAll();
        QVERIFY(bytes.startsWith("%PDF"));
        // A title page, then one page per step ("/Type /Pages" is the page tree, not a page).
        const qsizetype pages = QString::fromLatin1(bytes).count(QRegularExpression(QStringLiteral("/Type\\s*/Page(?!s)")));
        QCOMPARE(pages, 1 + 3);
    } else {
        const QStringList files = QDir(dir.filePath(target)).entryList(QDir::Files);
        QCOMPARE(files, (QStringList{QStringLiteral("step-01.png"), QStringLiteral("step-02.png"),
                                     QStringLiteral("step-03.png")}));
    }
    closeAndCheckNoProcessLeft(window);
}

QTEST_MAIN(TestWalkthroughPlayback)
#include "tst_walkthroughplayback.moc"
