// SPDX-License-Identifier: MIT
// The main program's script model: values into variables, pending steps, errors with their
// line, Stop and step mode over a pending step, loops as jumps, print() of expressions.
#include "testscriptobject.h"
#include "testsupport.h"

#include "runtime/printformat.h"

#include <QCborArray>
#include <QCborMap>

#include <cmath>
#include <limits>

using namespace ProcessLab;
using namespace ProcessLab::TestSupport;

namespace {

using E = ScriptExpression;

ScriptStep line(ScriptStep step, int sourceLine, const QString &source)
{
    return atLine(std::move(step), sourceLine, source);
}

HostScript objectScript(std::shared_ptr<TestScriptObject::Counters> counters, QList<ScriptStep> steps,
                        QList<E> items = {})
{
    HostScript script;
    script.objectFactory = testObjectFactory(std::move(counters));
    script.steps.append(line(createObjectStep(QStringLiteral("box"), QStringLiteral("TestObject"), items), 1,
                             QStringLiteral("box = TestObject()")));
    script.steps.append(steps);
    return script;
}

QList<const RunEvent *> eventsOf(const RunRecord &record, EventKind kind, int sourceLine = -1)
{
    QList<const RunEvent *> found;
    for (const RunEvent &event : record.events()) {
        if (event.kind == kind && (sourceLine < 0 || event.sourceLine == sourceLine))
            found.append(&event);
    }
    return found;
}

const RunEvent *mainEnd(const RunRecord &record)
{
    const RunEvent *last = nullptr;
    for (const RunEvent &event : record.events()) {
        if (event.kind == EventKind::StateChanged && event.process == mainProcessId)
            last = &event;
    }
    return last;
}

} // namespace

class TestHostScript : public QObject
{
    Q_OBJECT
private slots:
    void formatForPrint_data();
    void formatForPrint();
    void valueIntoVariable();
    void printExpressions();
    void pendingCallResumes();
    void errorEndsMainWithLine_data();
    void errorEndsMainWithLine();
    void workersRunOnAfterMainFailed();
    void stopWhilePending();
    void stepModeOverPendingStep();
    void loopUntilNone();
    void objectPassedToWorker();
};

void TestHostScript::formatForPrint_data()
{
    QTest::addColumn<QCborValue>("value");
    QTest::addColumn<QString>("printed");
    QCborArray negatives{0, -1, -2};
    QCborArray mixed{QStringLiteral("text"), QCborValue(), true, 1.5, QStringLiteral("it's")};
    QCborMap map;
    map.insert(QStringLiteral("a"), 1);
    QTest::newRow("None") << QCborValue() << QStringLiteral("None");
    QTest::newRow("True") << QCborValue(true) << QStringLiteral("True");
    QTest::newRow("False") << QCborValue(false) << QStringLiteral("False");
    QTest::newRow("int") << QCborValue(-42) << QStringLiteral("-42");
    QTest::newRow("float") << QCborValue(3.1415927) << QStringLiteral("3.1415927");
    QTest::newRow("float integral") << QCborValue(2.0) << QStringLiteral("2.0");
    QTest::newRow("float tenth") << QCborValue(0.1) << QStringLiteral("0.1");
    QTest::newRow("float small") << QCborValue(0.0001) << QStringLiteral("0.0001");
    QTest::newRow("float tiny") << QCborValue(0.00001) << QStringLiteral("1e-05");
    QTest::newRow("float big") << QCborValue(1e16) << QStringLiteral("1e+16");
    QTest::newRow("float below big") << QCborValue(1234567890123456.0) << QStringLiteral("1234567890123456.0");
    QTest::newRow("float huge") << QCborValue(1.5e300) << QStringLiteral("1.5e+300");
    QTest::newRow("inf") << QCborValue(std::numeric_limits<double>::infinity()) << QStringLiteral("inf");
    QTest::newRow("nan") << QCborValue(std::nan("")) << QStringLiteral("nan");
    QTest::newRow("str") << QCborValue(QStringLiteral("进程 text")) << QStringLiteral("进程 text");
    QTest::newRow("list") << QCborValue(negatives) << QStringLiteral("[0, -1, -2]");
    QTest::newRow("list repr") << QCborValue(mixed) << QStringLiteral("['text', None, True, 1.5, \"it's\"]");
    QTest::newRow("dict") << QCborValue(map) << QStringLiteral("{'a': 1}");
    QTest::newRow("bytes") << QCborValue(QByteArray("a\n\xff")) << QStringLiteral("b'a\\n\\xff'");
}

void TestHostScript::formatForPrint()
{
    QFETCH(QCborValue, value);
    QFETCH(QString, printed);
    QCOMPARE(ProcessLab::formatForPrint(value), printed);
}

void TestHostScript::valueIntoVariable()
{
    auto counters = std::make_shared<TestScriptObject::Counters>();
    Run run(QStringLiteral("test"), {},
            objectScript(counters, {line(callStep(QStringLiteral("box"), QStringLiteral("now"), {E::value(42)},
                                                  QStringLiteral("x")),
                                         2, QStringLiteral("x = box.now(42)")),
                                    line(printStep({E::value(QStringLiteral("x is")), E::variable(QStringLiteral("x"))}),
                                         3, QStringLiteral("print(\"x is\", x)"))}));
    QVERIFY(runToEnd(run));
    QCOMPARE(run.exitCode(), 0);
    QCOMPARE(run.variables().value(QStringLiteral("x")), QCborValue(42));
    QCOMPARE(outputLines(run.record(), mainProcessId), QStringList{QStringLiteral("x is 42")});
    QCOMPARE(mainEnd(run.record())->state, ProcessState::Finished);
    // Every statement began and ended, in order.
    QCOMPARE(eventsOf(run.record(), EventKind::ScriptStep).size(), 3);
    QCOMPARE(eventsOf(run.record(), EventKind::ScriptStepEnded).size(), 3);
}

void TestHostScript::printExpressions()
{
    auto counters = std::make_shared<TestScriptObject::Counters>();
    counters->notifies = 37; // what box.value reads
    const E computed = E::binary(E::Kind::Subtract, E::binary(E::Kind::Multiply, E::value(2), E::value(10000)),
                                 E::read(QStringLiteral("box"), QStringLiteral("value")));
    Run run(QStringLiteral("test"), {},
            objectScript(counters,
                         {line(printStep({E::value(QStringLiteral("lost:")), computed, E::value(QCborValue()),
                                          E::value(2.5), E::read(QStringLiteral("box"), QStringLiteral("[:]"))}),
                               2, QStringLiteral("print(...)"))},
                         {E::value(0), E::value(-1), E::value(QStringLiteral("t"))}));
    QVERIFY(runToEnd(run));
    QCOMPARE(outputLines(run.record(), mainProcessId),
             QStringList{QStringLiteral("lost: 19963 None 2.5 [0, -1, 't']")});
}

void TestHostScript::pendingCallResumes()
{
    constexpr int delayMs = 300;
    auto counters = std::make_shared<TestScriptObject::Counters>();
    Run run(QStringLiteral("test"), {},
            objectScript(counters, {line(callStep(QStringLiteral("box"), QStringLiteral("after"),
                                                  {E::value(delayMs), E::value(QStringLiteral("late"))},
                                                  QStringLiteral("v")),
                                         2, QStringLiteral("v = box.after()")),
                                    line(printStep({E::variable(QStringLiteral("v"))}), 3, QStringLiteral("print(v)"))}));
    QSignalSpy finished(&run, &Run::finished);
    run.start();
    QVERIFY(run.isWaitingInStep()); // the call waits; start() returned to the event loop
    QCOMPARE(run.currentStep(), 1);
    QCOMPARE(eventsOf(run.record(), EventKind::ScriptStep, 2).size(), 1);
    QVERIFY(eventsOf(run.record(), EventKind::ScriptStepEnded, 2).isEmpty());
    QVERIFY(finished.wait(30000));
    QCOMPARE(run.exitCode(), 0);
    QCOMPARE(outputLines(run.record(), mainProcessId), QStringList{QStringLiteral("late")});
    const qint64 waitedNs = eventsOf(run.record(), EventKind::ScriptStepEnded, 2).constFirst()->timeNs
                            - eventsOf(run.record(), EventKind::ScriptStep, 2).constFirst()->timeNs;
    QVERIFY2(waitedNs >= (delayMs - 30) * 1'000'000LL, qPrintable(QString::number(waitedNs)));
}

void TestHostScript::errorEndsMainWithLine_data()
{
    QTest::addColumn<QString>("method");
    QTest::newRow("at once") << QStringLiteral("fail");
    QTest::newRow("later") << QStringLiteral("failAfter");
}

void TestHostScript::errorEndsMainWithLine()
{
    QFETCH(QString, method);
    auto counters = std::make_shared<TestScriptObject::Counters>();
    QList<E> arguments{E::value(QStringLiteral("queue.Empty"))};
    if (method == QLatin1StringView("failAfter"))
        arguments.prepend(E::value(50));
    Run run(QStringLiteral("test"), {},
            objectScript(counters, {line(callStep(QStringLiteral("box"), method, arguments, QStringLiteral("item")),
                                         12, QStringLiteral("item = queue.get_nowait()")),
                                    line(printStep({E::value(QStringLiteral("never"))}), 13, QStringLiteral("print(\"never\")"))}));
    QVERIFY(runToEnd(run));
    const QString reason = QStringLiteral("queue.Empty raised at line 12");
    QCOMPARE(run.exitCode(), 1);
    QCOMPARE(mainEnd(run.record())->state, ProcessState::Failed);
    QCOMPARE(mainEnd(run.record())->text, reason);
    QCOMPARE(run.record().events().constLast().kind, EventKind::RunFinished);
    QCOMPARE(run.record().events().constLast().text, reason);
    const auto errors = eventsOf(run.record(), EventKind::Error, 12);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.constFirst()->text, reason);
    QVERIFY(outputLines(run.record()).isEmpty());
    QVERIFY(!run.variables().contains(QStringLiteral("item")));
    QVERIFY(eventsOf(run.record(), EventKind::ScriptStepEnded, 12).isEmpty());
}

void TestHostScript::workersRunOnAfterMainFailed()
{
    // As in Python: the main program's exception does not end its children; the run ends
    // when they have, and says why Main failed.
    auto counters = std::make_shared<TestScriptObject::Counters>();
    QCborMap arguments;
    arguments.insert(QLatin1StringView("num"), 1);
    arguments.insert(QLatin1StringView("sleep"), 0.3);
    HostScript script = objectScript(counters, {});
    script.workers.append({1, QStringLiteral("Worker 1"), QStringLiteral("process.worker"), arguments});
    script.steps.append({ScriptStep::Kind::Create, 1, {}, 2, QStringLiteral("p = Process()"), {}});
    script.steps.append({ScriptStep::Kind::Start, 1, {}, 3, QStringLiteral("p.start()"), {}});
    script.steps.append(line(callStep(QStringLiteral("box"), QStringLiteral("fail"), {E::value(QStringLiteral("EOFError"))}),
                             4, QStringLiteral("conn.recv()")));
    script.steps.append({ScriptStep::Kind::Join, 1, {}, 5, QStringLiteral("p.join()"), {}});
    Run run(QStringLiteral("test"), {}, script);
    QVERIFY(runToEnd(run));
    QCOMPARE(run.exitCode(), 1);
    QCOMPARE(mainEnd(run.record())->text, QStringLiteral("EOFError raised at line 4"));
    QCOMPARE(outputLines(run.record(), 1),
             (QStringList{QStringLiteral("Worker 1 started"), QStringLiteral("Worker 1 finished")}));
    const RunSummary summary = summarize(run.record());
    QCOMPARE(summary.processes.at(1).state, ProcessState::Finished);
    QVERIFY(eventsOf(run.record(), EventKind::ScriptStep, 5).isEmpty()); // the join never ran
    QVERIFY(allGone(workerPids(run.record())));
}

void TestHostScript::stopWhilePending()
{
    auto counters = std::make_shared<TestScriptObject::Counters>();
    Run run(QStringLiteral("test"), {},
            objectScript(counters, {line(callStep(QStringLiteral("box"), QStringLiteral("wait")), 2,
                                         QStringLiteral("queue.get()")),
                                    line(printStep({E::value(QStringLiteral("never"))}), 3, QStringLiteral("print()"))}));
    QSignalSpy finished(&run, &Run::finished);
    run.start();
    QTRY_VERIFY_WITH_TIMEOUT(run.isWaitingInStep(), 30000);
    run.stop();
    QVERIFY(run.status() == Run::Status::Finished || finished.wait(30000));
    QCOMPARE(counters->cancels, 1);
    QCOMPARE(run.exitCode(), 1);
    QCOMPARE(mainEnd(run.record())->state, ProcessState::Killed);
    QCOMPARE(mainEnd(run.record())->text, QStringLiteral("stopped by the user"));
    QCOMPARE(eventsOf(run.record(), EventKind::ScriptStep, 2).size(), 1);
    QVERIFY(eventsOf(run.record(), EventKind::ScriptStepEnded, 2).isEmpty()); // still pending when stopped
    QVERIFY(outputLines(run.record()).isEmpty());
}

void TestHostScript::stepModeOverPendingStep()
{
    auto counters = std::make_shared<TestScriptObject::Counters>();
    Run run(QStringLiteral("test"), {},
            objectScript(counters, {line(callStep(QStringLiteral("box"), QStringLiteral("after"),
                                                  {E::value(200), E::value(7)}, QStringLiteral("v")),
                                         2, QStringLiteral("v = box.after()")),
                                    line(printStep({E::variable(QStringLiteral("v"))}), 3, QStringLiteral("print(v)"))}));
    run.setStepMode(true);
    QSignalSpy finished(&run, &Run::finished);
    run.start();
    QVERIFY(run.isWaitingForStep());
    run.step(); // create
    QTRY_COMPARE_WITH_TIMEOUT(run.currentStep(), 1, 30000);
    QVERIFY(run.isWaitingForStep());
    run.step(); // the call: pending, then done; step mode then waits before the print
    QVERIFY(run.isWaitingInStep());
    QVERIFY(!run.isWaitingForStep());
    QTRY_COMPARE_WITH_TIMEOUT(run.currentStep(), 2, 30000);
    QVERIFY(run.isWaitingForStep());
    QCOMPARE(eventsOf(run.record(), EventKind::Paused, 3).size(), 1);
    QVERIFY(outputLines(run.record()).isEmpty());
    run.step();
    QVERIFY(run.status() == Run::Status::Finished || finished.wait(30000));
    QCOMPARE(outputLines(run.record(), mainProcessId), QStringList{QStringLiteral("7")});
    QCOMPARE(run.exitCode(), 0);
}

void TestHostScript::loopUntilNone()
{
    // while True: msg = box.next(); if msg is None: break; print(msg)   then print("done")
    auto counters = std::make_shared<TestScriptObject::Counters>();
    HostScript script = objectScript(counters, {}, {E::value(1), E::value(QStringLiteral("two")), E::value(3.5)});
    const int loop = int(script.steps.size());
    script.steps.append(line(callStep(QStringLiteral("box"), QStringLiteral("next"), {}, QStringLiteral("msg")), 3,
                             QStringLiteral("msg = conn.recv()")));
    script.steps.append(line(jumpIfNoneStep(QStringLiteral("msg"), loop + 4), 4, QStringLiteral("if msg is None:")));
    script.steps.append(line(printStep({E::variable(QStringLiteral("msg"))}), 6, QStringLiteral("print(msg)")));
    script.steps.append(line(jumpStep(loop), 2, QStringLiteral("while True:")));
    script.steps.append(line(printStep({E::value(QStringLiteral("done"))}), 7, QStringLiteral("print(\"done\")")));
    Run run(QStringLiteral("test"), {}, script);
    QVERIFY(runToEnd(run));
    QCOMPARE(run.exitCode(), 0);
    QCOMPARE(outputLines(run.record(), mainProcessId),
             (QStringList{QStringLiteral("1"), QStringLiteral("two"), QStringLiteral("3.5"), QStringLiteral("done")}));
    QCOMPARE(eventsOf(run.record(), EventKind::ScriptStep, 3).size(), 4); // three items and the None
    QCOMPARE(eventsOf(run.record(), EventKind::ScriptStepEnded, 3).size(), 4);
    QCOMPARE(eventsOf(run.record(), EventKind::ScriptStep, 6).size(), 3);
    QVERIFY(run.variables().contains(QStringLiteral("msg")));
    QVERIFY(run.variables().value(QStringLiteral("msg")).isNull());
}

void TestHostScript::objectPassedToWorker()
{
    // Process(target=f, args=(box,)): the worker gets the object's attachment under the
    // parameter's name, asks the object (request/reply) and prints the answer.
    auto counters = std::make_shared<TestScriptObject::Counters>();
    HostScript script = objectScript(counters, {});
    QCborMap arguments;
    arguments.insert(QLatin1StringView("value"), QStringLiteral("你好"));
    WorkerSpec spec{1, QStringLiteral("Worker 1"), QStringLiteral("test.request-echo"), arguments};
    spec.objects.insert(QStringLiteral("target"), QStringLiteral("box"));
    script.workers.append(spec);
    script.steps.append({ScriptStep::Kind::Create, 1, {}, 2, QStringLiteral("p = Process(args=(box,))"), {}});
    script.steps.append({ScriptStep::Kind::Start, 1, {}, 3, QStringLiteral("p.start()"), {}});
    script.steps.append({ScriptStep::Kind::Join, 1, {}, 4, QStringLiteral("p.join()"), {}});
    Run run(QStringLiteral("test"), {}, script);
    QVERIFY(runToEnd(run));
    QCOMPARE(run.exitCode(), 0);
    QCOMPARE(outputLines(run.record(), 1),
             (QStringList{QStringLiteral("attached to box as worker 1"), QStringLiteral("reply: 你好")}));
    QCOMPARE(counters->requests, 1);
}

QTEST_GUILESS_MAIN(TestHostScript)
#include "tst_hostscript.moc"
