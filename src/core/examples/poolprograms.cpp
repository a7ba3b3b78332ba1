// SPDX-License-Identifier: MIT
#include "poolprograms.h"

#include "basicprograms.h" // maxUnrolledWorkers

namespace ProcessLab {

namespace {

const QString indent = QStringLiteral("    ");

// pool = multiprocessing.Pool(processes=2[, maxtasksperchild=N])
void addPoolCreate(PythonProgramWriter &writer, int processes, int maxtasksperchild)
{
    writer.add(indent + QStringLiteral("# 创建进程池"));
    QString arguments = QStringLiteral("processes=%1").arg(processes);
    if (maxtasksperchild > 0)
        arguments += QStringLiteral(", maxtasksperchild=%1").arg(maxtasksperchild);
    writer.addStatement(QStringLiteral("pool.create"),
                        indent + QStringLiteral("pool = multiprocessing.Pool(%1)").arg(arguments));
}

void addCloseAndJoin(PythonProgramWriter &writer)
{
    writer.add(indent + QStringLiteral("# 关闭进程池,不再接受新任务"));
    writer.addStatement(QStringLiteral("close"), indent + QStringLiteral("pool.close()"));
    writer.blank();
    writer.add(indent + QStringLiteral("# 等待所有任务完成"));
    writer.addStatement(QStringLiteral("join"), indent + QStringLiteral("pool.join()"));
}

} // namespace

PythonProgram poolProgram(const PoolProgramOptions &options)
{
    PythonProgramWriter writer(0);
    writer.add(QStringLiteral("import multiprocessing"));
    writer.add(QStringLiteral("import time"));
    writer.blank();
    writer.add(QStringLiteral("def worker(num):"));
    writer.add(indent + QStringLiteral("\"\"\"进程的工作函数\"\"\""));
    writer.addTrace(QStringLiteral("started"), indent + QStringLiteral("print(f\"Worker {num} started\")"));
    writer.addTrace(QStringLiteral("sleep"), indent + QStringLiteral("time.sleep(%1)").arg(pythonNumber(options.sleep)));
    writer.addTrace(QStringLiteral("finished"), indent + QStringLiteral("print(f\"Worker {num} finished\")"));
    writer.blank();

    writer.add(QStringLiteral("if __name__ == \"__main__\":"));
    addPoolCreate(writer, options.processes, options.maxtasksperchild);
    writer.blank();
    writer.add(indent + QStringLiteral("# 提交任务给进程池"));
    if (options.tasks <= maxUnrolledWorkers) {
        for (int n = 1; n <= options.tasks; ++n)
            writer.addStatement(QStringLiteral("apply.%1").arg(n),
                                indent + QStringLiteral("pool.apply_async(worker, (%1,))").arg(n));
    } else {
        writer.add(indent + QStringLiteral("for i in range(1, %1):").arg(options.tasks + 1));
        const int line = writer.add(indent + indent + QStringLiteral("pool.apply_async(worker, (i,))"));
        for (int n = 1; n <= options.tasks; ++n)
            writer.program().statements.insert(QStringLiteral("apply.%1").arg(n), {line, QStringLiteral("i = %1").arg(n)});
    }
    writer.blank();
    addCloseAndJoin(writer);
    writer.blank();
    writer.addStatement(QStringLiteral("print.final"), indent + QStringLiteral("print(\"All processes finished\")"));
    return writer.finish();
}

PythonProgram poolMapProgram(int processes, int items, int chunksize)
{
    PythonProgramWriter writer(0);
    writer.add(QStringLiteral("import multiprocessing"));
    writer.blank();
    writer.add(QStringLiteral("def square(x):"));
    writer.add(indent + QStringLiteral("\"\"\"进程池中的进程对每个元素执行的函数\"\"\""));
    writer.addTrace(QStringLiteral("square"), indent + QStringLiteral("return x * x"));
    writer.blank();

    writer.add(QStringLiteral("if __name__ == \"__main__\":"));
    addPoolCreate(writer, processes, 0);
    writer.blank();
    writer.add(indent + (chunksize > 0
                             ? QStringLiteral("# 把元素每 %1 个分成一块交给进程池中的进程计算,结果按原顺序返回").arg(chunksize)
                             : QStringLiteral("# 把元素分块交给进程池中的进程计算,结果按原顺序返回")));
    const QString chunks = chunksize > 0 ? QStringLiteral(", chunksize=%1").arg(chunksize) : QString();
    writer.addStatement(QStringLiteral("map"),
                        indent + QStringLiteral("results = pool.map(square, range(%1)%2)").arg(items).arg(chunks));
    writer.addStatement(QStringLiteral("print.results"), indent + QStringLiteral("print(results)"));
    writer.blank();
    addCloseAndJoin(writer);
    return writer.finish();
}

} // namespace ProcessLab
