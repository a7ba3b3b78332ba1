// SPDX-License-Identifier: MIT
// The walkthrough file format (docs/walkthroughs.md): a valid file loads with every target
// resolved, and each malformed file is refused with a message naming its line and field.
#include "walkthrough/walkthrough.h"
#include "walkthrough/walkthroughlibrary.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ProcessLab;

namespace {

// A valid one-step walkthrough of the process example with `step` as its only step, laid out
// so the step starts on line 7 (every malformed case below counts lines from here).
QByteArray withStep(const QByteArray &step, const QByteArray &header = {})
{
    return "{\n"                                                          // 1
           "  \"format\": 1,\n"                                           // 2
           "  \"id\": \"t\",\n"                                           // 3
           "  \"title\": {\"en\": \"T\", \"zh_CN\": \"T\"},\n"            // 4
           "  \"example\": \"process\",\n" + header +                     // 5
           "  \"steps\": [\n"                                             // 6
           + step +                                                       // 7...
           "\n  ]\n}\n";
}

const QByteArray narration = "{\"en\": \"Hello\", \"zh_CN\": \"你好\"}";

} // namespace

class TstWalkthrough : public QObject
{
    Q_OBJECT

private slots:
    void sampleLoads()
    {
        const QString path = QFINDTESTDATA("data/walkthrough-process.json");
        QVERIFY(!path.isEmpty());
        const WalkthroughLoadResult loaded = loadWalkthrough(path);
        QVERIFY2(loaded.walkthrough, qPrintable(loaded.error));
        const Walkthrough &w = *loaded.walkthrough;
        QCOMPARE(w.id, QStringLiteral("process-basics"));
        QCOMPARE(w.example, QStringLiteral("process"));
        QCOMPARE(w.title.zhCN, QStringLiteral("两个进程：先启动，再等待"));
        QCOMPARE(w.knobs.value(QStringLiteral("workers")).toInt(), 2);
        QVERIFY(w.knobs.contains(QStringLiteral("work"))); // resolved: defaults filled in
        QCOMPARE(w.steps.size(), 4);

        const WalkthroughStep &first = w.steps.at(0);
        QCOMPARE(first.action.kind, WalkthroughAction::Kind::SelectExample);
        QCOMPARE(first.show.firstCodeLine, 12);
        QCOMPARE(first.show.lastCodeLine, 13);
        QCOMPARE(first.show.tab, QStringLiteral("python"));
        QCOMPARE(first.sourceLine, 8); // its "{"

        const WalkthroughStep &second = w.steps.at(1);
        QCOMPARE(second.action.kind, WalkthroughAction::Kind::RunUntil);
        QCOMPARE(second.action.until.kind, WalkthroughEvent::Kind::Output);
        QCOMPARE(second.action.until.process, QStringLiteral("Worker 2"));
        QCOMPARE(second.action.until.text, QStringLiteral("Worker 2 started"));
        QCOMPARE(second.show.panes, (QStringList{QStringLiteral("Worker 1"), QStringLiteral("Worker 2")}));
        QVERIFY(second.prediction);
        QCOMPARE(second.prediction->kind, WalkthroughPrediction::Kind::Choice);
        QCOMPARE(second.prediction->measure, WalkthroughPrediction::Measure::FirstOutput);
        QCOMPARE(second.prediction->choices.size(), 2);
        QCOMPARE(second.prediction->choiceMatches.at(1), QStringLiteral("Worker 2 started"));

        // set-knobs carries over to later steps: Worker 4 exists from step 3 on.
        const WalkthroughStep &third = w.steps.at(2);
        QCOMPARE(third.action.kind, WalkthroughAction::Kind::SetKnobs);
        QCOMPARE(third.knobs.value(QStringLiteral("workers")).toInt(), 4);
        QCOMPARE(third.knobs.value(QStringLiteral("sleep")).toDouble(), 2.0);
        const WalkthroughStep &fourth = w.steps.at(3);
        QCOMPARE(fourth.knobs.value(QStringLiteral("workers")).toInt(), 4);
        QCOMPARE(fourth.action.until.kind, WalkthroughEvent::Kind::RunFinished);
        QVERIFY(fourth.prediction);
        QCOMPARE(fourth.prediction->kind, WalkthroughPrediction::Kind::Number);
        QCOMPARE(fourth.prediction->measure, WalkthroughPrediction::Measure::RunSeconds);
        QCOMPARE(fourth.prediction->answerNumber, 2.0);
        QCOMPARE(fourth.prediction->tolerance, 0.5);
    }

    void ipcEventLoads()
    {
        const QByteArray json = "{\"format\": 1, \"id\": \"q\", \"title\": {\"en\": \"Q\", \"zh_CN\": \"队列\"},"
                                " \"example\": \"queue\", \"steps\": [{\"narration\": " + narration + ","
                                " \"action\": {\"kind\": \"run-until\", \"event\": {\"kind\": \"ipc\","
                                " \"object\": \"queue\", \"op\": \"get\", \"depth\": 0}}}]}";
        const WalkthroughLoadResult loaded = parseWalkthrough(json, QStringLiteral("q.json"));
        QVERIFY2(loaded.walkthrough, qPrintable(loaded.error));
        const WalkthroughEvent &event = loaded.walkthrough->steps.at(0).action.until;
        QCOMPARE(event.kind, WalkthroughEvent::Kind::Ipc);
        QCOMPARE(event.object, QStringLiteral("queue"));
        QCOMPARE(event.op, QStringLiteral("get"));
        QCOMPARE(event.depth, std::optional<int>(0));
    }

    void formatAdditionsLoad()
    {
        const QByteArray json =
            "{\"format\": 1, \"id\": \"s\", \"title\": {\"en\": \"S\", \"zh_CN\": \"共享\"}, \"example\": \"shared\",\n"
            " \"steps\": [\n"
            "  {\"narration\": " + narration + ", \"action\": {\"kind\": \"run-until\", \"event\": {\"kind\": \"ipc\","
            " \"object\": \"counter\", \"op\": \"blocked\", \"process\": \"Worker 1\"}}},\n"
            "  {\"narration\": " + narration + ", \"action\": {\"kind\": \"stop\"}},\n"
            "  {\"narration\": " + narration + ", \"action\": {\"kind\": \"run-until\", \"event\": {\"kind\": \"statement\","
            " \"line\": 29}},\n"
            "   \"prediction\": {\"kind\": \"number\", \"measure\": \"output-number\", \"process\": \"Main\","
            " \"prefix\": \"Final value: \", \"answer\": 2000000, \"question\": " + narration + ", \"explanation\": "
            + narration + "}},\n"
            "  {\"narration\": " + narration + ", \"action\": {\"kind\": \"select-example\", \"example\": \"pool\"}},\n"
            "  {\"narration\": " + narration + ", \"action\": {\"kind\": \"run-until\", \"event\": {\"kind\": \"pool-task\","
            " \"phase\": \"finished\", \"task\": 2}}}\n"
            "]}";
        const WalkthroughLoadResult loaded = parseWalkthrough(json, QStringLiteral("s.json"));
        QVERIFY2(loaded.walkthrough, qPrintable(loaded.error));
        const QList<WalkthroughStep> &steps = loaded.walkthrough->steps;
        QCOMPARE(steps.at(0).action.until.op, QStringLiteral("blocked"));
        QCOMPARE(steps.at(1).action.kind, WalkthroughAction::Kind::Stop);
        QCOMPARE(steps.at(2).action.until.kind, WalkthroughEvent::Kind::Statement);
        QCOMPARE(steps.at(2).action.until.line, 29);
        QCOMPARE(steps.at(2).prediction->measure, WalkthroughPrediction::Measure::OutputNumber);
        QCOMPARE(steps.at(2).prediction->process, QStringLiteral("Main"));
        QCOMPARE(steps.at(2).prediction->prefix, QStringLiteral("Final value: "));
        QCOMPARE(steps.at(4).action.until.kind, WalkthroughEvent::Kind::PoolTask);
        QCOMPARE(steps.at(4).action.until.op, QStringLiteral("finished"));
        QCOMPARE(steps.at(4).action.until.task, std::optional<qint64>(2));
        QVERIFY(!steps.at(0).action.until.task);
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected"); // the message after "bad.json:"

        QTest::newRow("syntax") << QByteArray("{\n  \"format\": 1,\n  \"id\": \"x\"\n  \"title\": 3\n}")
                                << QStringLiteral("4: JSON syntax:");
        QTest::newRow("not-an-object") << QByteArray("[]") << QStringLiteral("1: (file): expected a JSON object");
        QTest::newRow("format") << QByteArray("{\n\"format\": 2}")
                                << QStringLiteral("2: format: this ProcessLab reads format 1, not 2");
        QTest::newRow("unknown-top-field")
            << withStep("{\"narration\": " + narration + "}", "  \"knbos\": {},\n")
            << QStringLiteral("6: knbos: unknown field");
        QTest::newRow("no-example")
            << QByteArray(withStep("{\"narration\": " + narration + "}").replace("\"process\"", "\"proces\""))
            << QStringLiteral("5: example: no example \"proces\" (examples: process, ");
        QTest::newRow("bad-knob-value")
            << withStep("{\"narration\": " + narration + "}", "  \"knobs\": {\n    \"workers\": 65\n  },\n")
            << QStringLiteral("7: knobs.workers: ");
        // A huge number is named once, as the file spells it (not 1.0000000000000001e+300).
        QTest::newRow("knob-value-huge")
            << withStep("{\"narration\": " + narration + "}", "  \"knobs\": {\"workers\": 1e300},\n")
            << QStringLiteral("6: knobs.workers: expected a whole number from 1 to 64, got '1e300'");
        QTest::newRow("unknown-knob")
            << withStep("{\"narration\": " + narration + "}", "  \"knobs\": {\"queue\": 1},\n")
            << QStringLiteral("6: knobs.queue: example \"process\" has no such knob");
        QTest::newRow("no-steps") << withStep("").replace("\"steps\": [\n\n  ]", "\"steps\": []")
                                  << QStringLiteral("6: steps: a walkthrough needs at least one step");
        QTest::newRow("missing-narration")
            << withStep("    {\"show\": {\"tab\": \"python\"}}")
            << QStringLiteral("7: steps[0].narration: missing");
        QTest::newRow("missing-chinese")
            << withStep("    {\n      \"narration\": {\"en\": \"Hello\"}\n    }")
            << QStringLiteral("8: steps[0].narration.zh_CN: missing");
        QTest::newRow("empty-english")
            << withStep("    {\n      \"narration\": {\"en\": \" \", \"zh_CN\": \"你好\"}\n    }")
            << QStringLiteral("8: steps[0].narration.en: expected a non-empty string");
        QTest::newRow("third-language")
            << withStep("    {\"narration\": {\"en\": \"a\", \"zh_CN\": \"b\", \"de\": \"c\"}}")
            << QStringLiteral("7: steps[0].narration.de: unknown language");
        QTest::newRow("rich-text-tag")
            << withStep("    {\"narration\": {\"en\": \"<a href='x'>a</a>\", \"zh_CN\": \"b\"}}")
            << QStringLiteral("7: steps[0].narration.en: tag <a href='x'> is not allowed");
        QTest::newRow("code-past-listing")
            << withStep("    {\"narration\": " + narration + ",\n      \"show\": {\n        \"code\": [20, 24]}}")
            << QStringLiteral("9: steps[0].show.code: lines 20-24 are not in the listing (lines 1-23 for these knobs)");
        QTest::newRow("code-reversed")
            << withStep("    {\"narration\": " + narration + ", \"show\": {\"code\": [5, 4]}}")
            << QStringLiteral("7: steps[0].show.code: lines 5-4 are not in the listing");
        QTest::newRow("code-not-a-range")
            << withStep("    {\"narration\": " + narration + ", \"show\": {\"code\": 5}}")
            << QStringLiteral("7: steps[0].show.code: expected an array");
        QTest::newRow("code-not-whole-lines")
            << withStep("    {\"narration\": " + narration + ", \"show\": {\"code\": [1.7, 2e9]}}")
            << QStringLiteral("7: steps[0].show.code: expected whole line numbers [first, last], got [1.7, 2e9]");
        QTest::newRow("unknown-pane")
            << withStep("    {\"narration\": " + narration + ",\n \"show\": {\"panes\": [\"Main\",\n \"Worker 3\"]}}")
            << QStringLiteral("9: steps[0].show.panes[1]: no process \"Worker 3\" in this run (processes: Main, "
                              "Worker 1, Worker 2)");
        QTest::newRow("unknown-timeline-row")
            << withStep("    {\"narration\": " + narration + ", \"show\": {\"timeline\": [\"worker 1\"]}}")
            << QStringLiteral("7: steps[0].show.timeline[0]: no process \"worker 1\"");
        QTest::newRow("unknown-show-knob")
            << withStep("    {\"narration\": " + narration + ", \"show\": {\"knobs\": [\"sleep\", \"speed\"]}}")
            << QStringLiteral("7: steps[0].show.knobs[1]: example \"process\" has no knob \"speed\"");
        QTest::newRow("show-knob-not-a-name")
            << withStep("    {\"narration\": " + narration + ", \"show\": {\"knobs\": [5]}}")
            << QStringLiteral("7: steps[0].show.knobs[0]: expected a knob name");
        QTest::newRow("unknown-tab")
            << withStep("    {\"narration\": " + narration + ", \"show\": {\"tab\": \"queues\"}}")
            << QStringLiteral("7: steps[0].show.tab: unknown tab \"queues\"");
        QTest::newRow("timeline-rows-behind-another-tab")
            << withStep("    {\"narration\": " + narration + ",\n      \"show\": {\"tab\": \"topology\", "
                        "\"timeline\": [\"Main\"]}}")
            << QStringLiteral("8: steps[0].show.timeline: timeline rows are shown on the \"timeline\" tab, but this "
                              "step brings \"topology\" to the front");
        QTest::newRow("unknown-action")
            << withStep("    {\"narration\": " + narration + ",\n      \"action\": {\"kind\": \"jump\"}}")
            << QStringLiteral("8: steps[0].action.kind: unknown action \"jump\"");
        QTest::newRow("set-knobs-out-of-range")
            << withStep("    {\"narration\": " + narration + ",\n      \"action\": {\"kind\": \"set-knobs\",\n"
                        "        \"knobs\": {\"sleep\": -1}}}")
            << QStringLiteral("9: steps[0].action.knobs.sleep: ");
        QTest::newRow("select-unknown-example")
            << withStep("    {\"narration\": " + narration + ", \"action\": {\"kind\": \"select-example\", "
                        "\"example\": \"nope\"}}")
            << QStringLiteral("7: steps[0].action.example: no example \"nope\"");
        QTest::newRow("event-unknown-process")
            << withStep("    {\"narration\": " + narration + ", \"action\": {\"kind\": \"run-until\",\n"
                        "      \"event\": {\"kind\": \"output\",\n        \"process\": \"Worker 9\", \"text\": \"x\"}}}")
            << QStringLiteral("9: steps[0].action.event.process: no process \"Worker 9\"");
        QTest::newRow("event-missing-text")
            << withStep("    {\"narration\": " + narration + ", \"action\": {\"kind\": \"run-until\",\n"
                        "      \"event\": {\"kind\": \"output\", \"process\": \"Main\"}}}")
            << QStringLiteral("8: steps[0].action.event.text: missing");
        QTest::newRow("event-unknown-object")
            << withStep("    {\"narration\": " + narration + ", \"action\": {\"kind\": \"run-until\",\n"
                        "      \"event\": {\"kind\": \"ipc\", \"object\": \"queue\", \"op\": \"get\"}}}")
            << QStringLiteral("8: steps[0].action.event.object: the program creates no object \"queue\" "
                              "(objects: none)");
        QTest::newRow("event-unknown-kind")
            << withStep("    {\"narration\": " + narration + ", \"action\": {\"kind\": \"run-until\",\n"
                        "      \"event\": {\"kind\": \"printed\"}}}")
            << QStringLiteral("8: steps[0].action.event.kind: unknown event \"printed\"");
        QTest::newRow("prediction-without-action")
            << withStep("    {\"narration\": " + narration + ", \"prediction\": {\"kind\": \"number\", "
                        "\"question\": " + narration + ", \"answer\": 2, \"explanation\": " + narration + "}}")
            << QStringLiteral("7: steps[0].prediction: a prediction is compared with the step's action");
        QTest::newRow("prediction-answer-out-of-range")
            << withStep("    {\"narration\": " + narration + ", \"action\": {\"kind\": \"run\"},\n"
                        "     \"prediction\": {\"kind\": \"choice\", \"question\": " + narration + ",\n"
                        "       \"choices\": [" + narration + ", " + narration + "],\n"
                        "       \"answer\": 2, \"explanation\": " + narration + "}}")
            << QStringLiteral("10: steps[0].prediction.answer: expected the 0-based index of a choice (0-1)");
        QTest::newRow("prediction-choice-missing-zh")
            << withStep("    {\"narration\": " + narration + ", \"action\": {\"kind\": \"run\"},\n"
                        "     \"prediction\": {\"kind\": \"choice\", \"question\": " + narration + ",\n"
                        "       \"choices\": [" + narration + ",\n {\"en\": \"b\"}],\n"
                        "       \"answer\": 0, \"explanation\": " + narration + "}}")
            << QStringLiteral("10: steps[0].prediction.choices[1].zh_CN: missing");
        QTest::newRow("prediction-missing-explanation")
            << withStep("    {\"narration\": " + narration + ", \"action\": {\"kind\": \"run\"},\n"
                        "     \"prediction\": {\"kind\": \"number\", \"question\": " + narration + ", \"answer\": 2}}")
            << QStringLiteral("8: steps[0].prediction.explanation: missing");
        QTest::newRow("prediction-bad-measure")
            << withStep("    {\"narration\": " + narration + ", \"action\": {\"kind\": \"run\"},\n"
                        "     \"prediction\": {\"kind\": \"number\", \"question\": " + narration + ", \"answer\": 2,\n"
                        "     \"measure\": \"first-output\", \"explanation\": " + narration + "}}")
            << QStringLiteral("9: steps[0].prediction.measure: a number is compared by");
        // Format additions (issue 12): stop, statement, pool-task, ipc ops, output-number.
        QTest::newRow("stop-with-field")
            << withStep("    {\"narration\": " + narration + ",\n      \"action\": {\"kind\": \"stop\", \"event\": {}}}")
            << QStringLiteral("8: steps[0].action.event: unknown field");
        QTest::newRow("ipc-read-is-not-recorded")
            << QByteArray(withStep("    {\"narration\": " + narration + ", \"action\": {\"kind\": \"run-until\",\n"
                                   "      \"event\": {\"kind\": \"ipc\", \"object\": \"queue\", \"op\": \"read\"}}}")
                              .replace("\"process\"", "\"queue\""))
            << QStringLiteral("8: steps[0].action.event.op: unknown operation \"read\" (operations: put, get, send, recv, "
                              "write, acquire, release, blocked, close, failed)");
        QTest::newRow("statement-not-a-statement")
            << withStep("    {\"narration\": " + narration + ", \"action\": {\"kind\": \"run-until\",\n"
                        "      \"event\": {\"kind\": \"statement\",\n        \"line\": 15}}}")
            << QStringLiteral("9: steps[0].action.event.line: the main program runs no statement on line 15 "
                              "(statements on lines: 12, 13, 16, 17, 20, 21, 23)");
        QTest::newRow("statement-past-listing")
            << withStep("    {\"narration\": " + narration + ", \"action\": {\"kind\": \"run-until\",\n"
                        "      \"event\": {\"kind\": \"statement\", \"line\": 30}}}")
            << QStringLiteral("8: steps[0].action.event.line: line 30 is not in the listing (lines 1-23 for these knobs)");
        QTest::newRow("statement-missing-line")
            << withStep("    {\"narration\": " + narration + ", \"action\": {\"kind\": \"run-until\",\n"
                        "      \"event\": {\"kind\": \"statement\"}}}")
            << QStringLiteral("8: steps[0].action.event.line: missing");
        QTest::newRow("statement-line-zero")
            << withStep("    {\"narration\": " + narration + ", \"action\": {\"kind\": \"run-until\",\n"
                        "      \"event\": {\"kind\": \"statement\", \"line\": 0}}}")
            << QStringLiteral("8: steps[0].action.event.line: expected a listing line");
        QTest::newRow("pool-task-without-pool")
            << withStep("    {\"narration\": " + narration + ", \"action\": {\"kind\": \"run-until\",\n"
                        "      \"event\": {\"kind\": \"pool-task\", \"phase\": \"started\"}}}")
            << QStringLiteral("8: steps[0].action.event.kind: the program creates no Pool");
        QTest::newRow("pool-task-bad-phase")
            << QByteArray(withStep("    {\"narration\": " + narration + ", \"action\": {\"kind\": \"run-until\",\n"
                                   "      \"event\": {\"kind\": \"pool-task\", \"phase\": \"queued\"}}}")
                              .replace("\"process\"", "\"pool\""))
            << QStringLiteral("8: steps[0].action.event.phase: unknown phase \"queued\" (phases: started, finished, "
                              "failed, lost)");
        QTest::newRow("pool-task-bad-task")
            << QByteArray(withStep("    {\"narration\": " + narration + ", \"action\": {\"kind\": \"run-until\",\n"
                                   "      \"event\": {\"kind\": \"pool-task\", \"phase\": \"lost\", \"task\": 0}}}")
                              .replace("\"process\"", "\"pool\""))
            << QStringLiteral("8: steps[0].action.event.task: expected a task number");
        QTest::newRow("output-number-missing-prefix")
            << withStep("    {\"narration\": " + narration + ", \"action\": {\"kind\": \"run\"},\n"
                        "     \"prediction\": {\"kind\": \"number\", \"question\": " + narration + ", \"answer\": 2,\n"
                        "     \"measure\": \"output-number\", \"process\": \"Main\", \"explanation\": " + narration + "}}")
            << QStringLiteral("8: steps[0].prediction.prefix: missing");
        QTest::newRow("output-number-unknown-process")
            << withStep("    {\"narration\": " + narration + ", \"action\": {\"kind\": \"run\"},\n"
                        "     \"prediction\": {\"kind\": \"number\", \"question\": " + narration + ", \"answer\": 2,\n"
                        "     \"measure\": \"output-number\",\n \"process\": \"Worker 7\", \"prefix\": \"x\",\n"
                        "     \"explanation\": " + narration + "}}")
            << QStringLiteral("10: steps[0].prediction.process: no process \"Worker 7\" in this run");
        QTest::newRow("prefix-without-output-number")
            << withStep("    {\"narration\": " + narration + ", \"action\": {\"kind\": \"run\"},\n"
                        "     \"prediction\": {\"kind\": \"number\", \"question\": " + narration + ", \"answer\": 2,\n"
                        "     \"prefix\": \"x\", \"explanation\": " + narration + "}}")
            << QStringLiteral("9: steps[0].prediction.prefix: only a prediction measured by \"output-number\" has \"prefix\"");
        QTest::newRow("output-number-choice-bad-match")
            << withStep("    {\"narration\": " + narration + ", \"action\": {\"kind\": \"run\"},\n"
                        "     \"prediction\": {\"kind\": \"choice\", \"measure\": \"output-number\", \"process\": \"Main\",\n"
                        "     \"prefix\": \"x\", \"answer\": 2, \"question\": " + narration + ", \"choices\": [\n"
                        "       {\"en\": \"a\", \"zh_CN\": \"a\", \"match\": \"below\"},\n"
                        "       {\"en\": \"b\", \"zh_CN\": \"b\", \"match\": \"less\"}], \"explanation\": " + narration + "}}")
            << QStringLiteral("11: steps[0].prediction.choices[1].match: with \"output-number\" a choice matches "
                              "\"below\", \"equal\" or \"above\" the answer, not \"less\"");
        QTest::newRow("output-number-choice-missing-answer")
            << withStep("    {\"narration\": " + narration + ", \"action\": {\"kind\": \"run\"},\n"
                        "     \"prediction\": {\"kind\": \"choice\", \"measure\": \"output-number\", \"process\": \"Main\",\n"
                        "     \"prefix\": \"x\", \"question\": " + narration + ", \"choices\": [\n"
                        "       {\"en\": \"a\", \"zh_CN\": \"a\", \"match\": \"below\"},\n"
                        "       {\"en\": \"b\", \"zh_CN\": \"b\", \"match\": \"above\"}], \"explanation\": " + narration + "}}")
            << QStringLiteral("8: steps[0].prediction.answer: missing");
        // Knobs in effect decide what exists: Worker 3 only after set-knobs workers=3.
        QTest::newRow("pane-before-set-knobs")
            << withStep("    {\"narration\": " + narration + ", \"show\": {\"panes\": [\"Worker 3\"]}},\n"
                        "    {\"narration\": " + narration + ", \"action\": {\"kind\": \"set-knobs\", "
                        "\"knobs\": {\"workers\": 3}}, \"show\": {\"panes\": [\"Worker 3\"]}}")
            << QStringLiteral("7: steps[0].show.panes[0]: no process \"Worker 3\"");
    }

    void malformed()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const WalkthroughLoadResult loaded = parseWalkthrough(json, QStringLiteral("bad.json"));
        QVERIFY(!loaded.walkthrough);
        const QString prefix = QStringLiteral("bad.json:") + expected;
        QVERIFY2(loaded.error.startsWith(prefix),
                 qPrintable(QStringLiteral("got: %1\nexpected it to start with: %2").arg(loaded.error, prefix)));
    }

    void knobsInEffectAfterSetKnobs()
    {
        // The counterpart of pane-before-set-knobs: after the action, Worker 3 is there.
        const QByteArray json = withStep("    {\"narration\": " + narration + ", \"action\": {\"kind\": \"set-knobs\", "
                                         "\"knobs\": {\"workers\": 3}}, \"show\": {\"panes\": [\"Worker 3\"]}}");
        const WalkthroughLoadResult loaded = parseWalkthrough(json, QStringLiteral("ok.json"));
        QVERIFY2(loaded.walkthrough, qPrintable(loaded.error));
    }

    // The shipped walkthroughs are compiled in, listed by id, and each one loads.
    void shippedLibrary()
    {
        const QStringList ids = shippedWalkthroughIds();
        QVERIFY2(ids.contains(QStringLiteral("process")), qPrintable(ids.join(u", ")));
        QStringList sorted = ids;
        sorted.sort();
        QCOMPARE(ids, sorted);
        for (const QString &id : ids) {
            const WalkthroughLoadResult loaded = loadShippedWalkthrough(id);
            QVERIFY2(loaded.walkthrough, qPrintable(loaded.error));
            QCOMPARE(loaded.walkthrough->id, id); // the file name is the id
        }
        const WalkthroughLoadResult unknown = loadShippedWalkthrough(QStringLiteral("nope"));
        QVERIFY(!unknown.walkthrough);
        QVERIFY2(unknown.error.startsWith(QStringLiteral("no walkthrough \"nope\" (walkthroughs: ")),
                 qPrintable(unknown.error));
        QVERIFY(unknown.error.contains(QStringLiteral("process")));
    }

    void unreadableFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("missing.json"));
        const WalkthroughLoadResult loaded = loadWalkthrough(path);
        QVERIFY(!loaded.walkthrough);
        QVERIFY2(loaded.error.startsWith(path + QStringLiteral(": cannot open")), qPrintable(loaded.error));
    }

    void oversizedFileRefused()
    {
        const QByteArray huge = "{\"id\": \"" + QByteArray(2 * 1024 * 1024, 'x') + "\"}";
        const WalkthroughLoadResult loaded = parseWalkthrough(huge, QStringLiteral("big.json"));
        QVERIFY(!loaded.walkthrough);
        QVERIFY2(loaded.error.startsWith(QStringLiteral("big.json: the file is larger than")), qPrintable(loaded.error));
    }
};

QTEST_GUILESS_MAIN(TstWalkthrough)
#include "tst_walkthrough.moc"
