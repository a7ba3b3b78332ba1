// SPDX-License-Identifier: MIT
#include "basicprograms.h"

namespace ProcessLab {

namespace {

// The worker's body, the same three statements in both examples; `self` is "self." for 示例2.
void addWorkerBody(PythonProgramWriter &writer, const QString &indent, const QString &self, double seconds,
                   WorkerWork work)
{
    writer.addTrace(QStringLiteral("started"), indent + QStringLiteral("print(f\"Worker {%1num} started\")").arg(self));
    if (work == WorkerWork::Compute)
        writer.addTrace(QStringLiteral("busy"), indent + QStringLiteral("busy(%1)").arg(pythonNumber(seconds)));
    else
        writer.addTrace(QStringLiteral("sleep"), indent + QStringLiteral("time.sleep(%1)").arg(pythonNumber(seconds)));
    writer.addTrace(QStringLiteral("finished"), indent + QStringLiteral("print(f\"Worker {%1num} finished\")").arg(self));
}

// work=compute: the function that keeps a core busy for the seconds time.sleep would wait.
// process_time() counts only the CPU time the process gets, as the C++ worker's busy()
// does: 4 busy workers on 2 cores take twice as long as 2, which is the point to see.
void addBusyFunction(PythonProgramWriter &writer, WorkerWork work)
{
    if (work != WorkerWork::Compute)
        return;
    writer.add(QStringLiteral("def busy(seconds):"));
    writer.add(QStringLiteral("    \"\"\"在 CPU 上计算 seconds 秒(占用 CPU 时间,代替 time.sleep)\"\"\""));
    writer.add(QStringLiteral("    end = time.process_time() + seconds"));
    writer.add(QStringLiteral("    while time.process_time() < end:"));
    writer.add(QStringLiteral("        pass"));
    writer.blank();
}

// process1 = <make 1>, process2 = <make 2>, ...: one line per worker.
void addNamedCreates(PythonProgramWriter &writer, const QString &makeProcess)
{
    for (qsizetype i = 0; i < writer.program().workers.size(); ++i) {
        const QString number = QString::number(i + 1);
        writer.program().workers[i].create = {
            writer.add(QStringLiteral("    process%1 = ").arg(number) + makeProcess.arg(number)), {}};
    }
}

// processes = [] / for i in range(1, N + 1): / process = <make i> / processes.append(process)
void addListCreates(PythonProgramWriter &writer, const QString &makeProcess)
{
    const qsizetype workers = writer.program().workers.size();
    writer.add(QStringLiteral("    processes = []"));
    writer.add(QStringLiteral("    for i in range(1, %1):").arg(workers + 1));
    const int line = writer.add(QStringLiteral("        process = %1").arg(makeProcess.arg(QLatin1Char('i'))));
    writer.add(QStringLiteral("        processes.append(process)"));
    for (qsizetype i = 0; i < workers; ++i)
        writer.program().workers[i].create = {line, QStringLiteral("i = %1").arg(i + 1)};
}

enum class Call { Start, Join };

ProgramStatement &statement(PythonProgram::WorkerStatements &worker, Call call)
{
    return call == Call::Start ? worker.start : worker.join;
}

// process1.start() / process2.start() ..., or `for process in processes:` around one call.
void addCalls(PythonProgramWriter &writer, Call call)
{
    const QString method = call == Call::Start ? QStringLiteral("start") : QStringLiteral("join");
    QList<PythonProgram::WorkerStatements> &workers = writer.program().workers;
    if (workers.size() <= maxUnrolledWorkers) {
        for (qsizetype i = 0; i < workers.size(); ++i)
            statement(workers[i], call) = {writer.add(QStringLiteral("    process%1.%2()").arg(i + 1).arg(method)), {}};
        return;
    }
    writer.add(QStringLiteral("    for process in processes:"));
    const int line = writer.add(QStringLiteral("        process.%1()").arg(method));
    for (qsizetype i = 0; i < workers.size(); ++i)
        statement(workers[i], call) = {line, QStringLiteral("process = processes[%1]").arg(i)};
}

// joins=after-each-start: process1.start() / process1.join() / process2.start() ..., or both
// calls in the body of one `for process in processes:`.
void addStartJoinPairs(PythonProgramWriter &writer)
{
    writer.add(QStringLiteral("    # 启动进程,并立即等待它结束(一次只运行一个进程)"));
    QList<PythonProgram::WorkerStatements> &workers = writer.program().workers;
    if (workers.size() <= maxUnrolledWorkers) {
        for (qsizetype i = 0; i < workers.size(); ++i) {
            workers[i].start = {writer.add(QStringLiteral("    process%1.start()").arg(i + 1)), {}};
            workers[i].join = {writer.add(QStringLiteral("    process%1.join()").arg(i + 1)), {}};
        }
        return;
    }
    writer.add(QStringLiteral("    for process in processes:"));
    const int start = writer.add(QStringLiteral("        process.start()"));
    const int join = writer.add(QStringLiteral("        process.join()"));
    for (qsizetype i = 0; i < workers.size(); ++i) {
        const QString context = QStringLiteral("process = processes[%1]").arg(i);
        workers[i].start = {start, context};
        workers[i].join = {join, context};
    }
}

void addCreates(PythonProgramWriter &writer, const QString &makeProcess)
{
    if (writer.program().workers.size() <= maxUnrolledWorkers)
        addNamedCreates(writer, makeProcess);
    else
        addListCreates(writer, makeProcess);
}

void addFinalPrint(PythonProgramWriter &writer)
{
    writer.program().finalPrint = {writer.add(QStringLiteral("    print(\"All processes finished\")")), {}};
}

} // namespace

PythonProgram processProgram(int workers, double seconds, WorkerWork work, JoinOrder joins)
{
    PythonProgramWriter writer(workers);
    writer.add(QStringLiteral("import multiprocessing"));
    writer.add(QStringLiteral("import time"));
    writer.blank();
    addBusyFunction(writer, work);
    writer.add(QStringLiteral("def worker(num):"));
    writer.add(QStringLiteral("    \"\"\"进程的工作函数\"\"\""));
    addWorkerBody(writer, QStringLiteral("    "), QString(), seconds, work);
    writer.blank();
    writer.add(QStringLiteral("if __name__ == \"__main__\":"));
    writer.add(QStringLiteral("    # 创建进程对象"));
    addCreates(writer, QStringLiteral("multiprocessing.Process(target=worker, args=(%1,))"));
    writer.blank();
    if (joins == JoinOrder::AfterEachStart) {
        addStartJoinPairs(writer);
    } else {
        writer.add(QStringLiteral("    # 启动进程"));
        addCalls(writer, Call::Start);
        writer.blank();
        writer.add(QStringLiteral("    # 等待进程结束"));
        addCalls(writer, Call::Join);
    }
    writer.blank();
    addFinalPrint(writer);
    return writer.finish();
}

PythonProgram subclassProgram(int workers, double seconds, WorkerWork work, JoinOrder joins)
{
    PythonProgramWriter writer(workers);
    writer.add(QStringLiteral("import multiprocessing"));
    writer.add(QStringLiteral("import time"));
    writer.blank();
    addBusyFunction(writer, work);
    writer.add(QStringLiteral("class MyProcess(multiprocessing.Process):"));
    writer.add(QStringLiteral("    def __init__(self, num):"));
    writer.add(QStringLiteral("        super().__init__()"));
    writer.add(QStringLiteral("        self.num = num"));
    writer.blank();
    writer.add(QStringLiteral("    def run(self):"));
    writer.add(QStringLiteral("        \"\"\"重写 run 方法,在进程启动时执行\"\"\""));
    addWorkerBody(writer, QStringLiteral("        "), QStringLiteral("self."), seconds, work);
    writer.blank();
    writer.add(QStringLiteral("if __name__ == \"__main__\":"));
    writer.add(QStringLiteral("    # 创建 MyProcess 实例并启动进程"));
    addCreates(writer, QStringLiteral("MyProcess(%1)"));
    if (joins == JoinOrder::AfterEachStart) {
        addStartJoinPairs(writer);
    } else {
        addCalls(writer, Call::Start);
        writer.blank();
        writer.add(QStringLiteral("    # 等待进程结束"));
        addCalls(writer, Call::Join);
    }
    addFinalPrint(writer);
    return writer.finish();
}

} // namespace ProcessLab
