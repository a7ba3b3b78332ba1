// SPDX-License-Identifier: MIT
// GUI flood benchmark: 16 workers each print 50,000 lines as fast as they can into the
// real main window. Measures how long the UI thread is unavailable (lateness of a 5 ms
// precise timer), checks that every line is counted (shown + dropped = printed) and
// reports peak memory. Run offscreen: QT_QPA_PLATFORM=offscreen build/bin/gui_flood_bench
#include "examples/exampleregistry.h"
#include "knobpanel.h"
#include "mainwindow.h"
#include "output/consoleview.h"
#include "output/outputarea.h"
#include "output/outputpane.h"
#include "output/outputview.h"
#include "runcontroller.h"
#include "runtime/run.h"
#include "views/queueview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTabWidget>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace ProcessLab;

namespace {

qint64 statusKiB(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(std::min<qsizetype>(values.size() - 1, static_cast<qsizetype>(p * values.size())));
}

// Times every event delivery, so a stall can be traced to the object that caused it.
class ProfilingApplication : public QApplication
{
public:
    using QApplication::QApplication;
    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!m_profile || m_depth > 0)
            return QApplication::notify(receiver, event);
        ++m_depth;
        const char *className = receiver->metaObject()->className(); // the receiver may be gone afterwards
        const int type = event->type();
        QElapsedTimer timer;
        timer.start();
        const bool result = QApplication::notify(receiver, event);
        const double ms = timer.nsecsElapsed() / 1e6;
        --m_depth;
        if (ms > 15) {
            const QString key = QString::fromLatin1(className) + QLatin1Char('/') + QString::number(type);
            m_slow[key] += 1;
            m_worst[key] = std::max(m_worst[key], ms);
        }
        return result;
    }
    void setProfile(bool on) { m_profile = on; }
    void report() const
    {
        for (auto it = m_slow.cbegin(); it != m_slow.cend(); ++it)
            std::printf("  slow deliveries (>15 ms) to %s: %d, worst %.1f ms\n", qPrintable(it.key()), it.value(),
                        m_worst.value(it.key()));
    }

private:
    bool m_profile = false;
    int m_depth = 0;
    QHash<QString, int> m_slow;
    QHash<QString, double> m_worst;
};

} // namespace

int main(int argc, char *argv[])
{
    ProfilingApplication app(argc, argv);
    app.setProfile(qEnvironmentVariableIsSet("PROCESSLAB_PROFILE_EVENTS"));
    QCoreApplication::setOrganizationName(QStringLiteral("ProcessLabBench"));
    const QStringList args = app.arguments();
    // `queue [ITEMS]`: the queue example 1 → 1 at full speed with the Queue tab in front.
    const bool queueCase = args.size() > 1 && args.at(1) == QLatin1StringView("queue");
    const int queueItems = queueCase && args.size() > 2 ? args.at(2).toInt() : 200000;
    const int workers = !queueCase && args.size() > 1 ? args.at(1).toInt() : 16;
    const int lines = !queueCase && args.size() > 2 ? args.at(2).toInt() : 50000;

    MainWindow window;
    window.resize(1280, 800);
    window.show();
    // test.flood exists only in the test worker, not in the shipped one.
    window.controller()->setWorkerProgram(QStringLiteral(PROCESSLAB_TEST_WORKER_PATH));

    QCborMap floodArgs;
    floodArgs.insert(QLatin1StringView("lines"), lines);
    const HostScript script = startAllThenJoinAll(workers, QStringLiteral("test.flood"), floodArgs);

    // The probe: a 5 ms precise timer; any delay beyond its period is UI-thread stall.
    constexpr double periodMs = 5.0;
    QList<double> stalls;
    QElapsedTimer clock;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(static_cast<int>(periodMs));
    double last = 0;
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const double now = clock.nsecsElapsed() / 1e6;
        stalls.append(std::max(0.0, now - last - periodMs));
        last = now;
    });

    QElapsedTimer wall;
    QObject::connect(window.controller(), &RunController::runFinished, &app, [&] {
        // Let the panes drain what is still queued, then stop measuring.
        QTimer::singleShot(1500, &app, &QCoreApplication::quit);
    });
    QTimer::singleShot(200, [&] {
        clock.start();
        last = 0;
        probe.start();
        wall.start();
        if (queueCase) {
            window.selectExample(QStringLiteral("queue"));
            QString error;
            window.knobPanel()->setValueFromText(QStringLiteral("items"), QString::number(queueItems), &error);
            window.bottomTabs()->setCurrentWidget(window.queueView());
            window.controller()->startExample(*ExampleRegistry::find(QStringLiteral("queue")),
                                              window.knobPanel()->values(), false);
        } else {
            window.controller()->startScript(QStringLiteral("flood"), {}, script, {}, false);
        }
    });
    app.exec();
    probe.stop();
    const double runMs = wall.elapsed();

    if (queueCase) {
        const RunSummary &summary = window.controller()->summary();
        const IpcObjectState *queue = summary.ipcStates.objects().isEmpty() ? nullptr : &summary.ipcStates.objects().constFirst();
        const qint64 operations = queue ? queue->operations : 0;
        const qint64 expected = 2 * (qint64(queueItems) + 1); // every put and get, None included
        std::printf("GUI queue: 1 producer -> 1 consumer, %d items at full speed, Queue tab shown, run + drain %.0f ms\n",
                    queueItems, runMs);
        std::printf("  UI-thread stall (5 ms probe, %lld samples): p50 %.1f ms  p99 %.1f ms  max %.1f ms  -> %s (goal p99 < 30 ms)\n",
                    static_cast<long long>(stalls.size()), percentile(stalls, 0.50), percentile(stalls, 0.99),
                    percentile(stalls, 1.0), percentile(stalls, 0.99) < 30 ? "PASS" : "MISS");
        std::printf("  queue view: %d refreshes (%.1f per second); operations counted %lld of %lld -> %s\n",
                    window.queueView()->refreshCount(), window.queueView()->refreshCount() / (runMs / 1000.0),
                    static_cast<long long>(operations), static_cast<long long>(expected),
                    operations == expected ? "PASS" : "FAIL");
        std::printf("  memory: peak RSS %.1f MiB, RSS now %.1f MiB\n", statusKiB("VmHWM:") / 1024.0,
                    statusKiB("VmRSS:") / 1024.0);
        app.report();
        return operations == expected ? 0 : 1;
    }

    qint64 printed = qint64(workers) * lines;
    qint64 counted = 0, shown = 0;
    for (int i = 1; i <= workers; ++i) {
        OutputView *view = window.outputArea()->pane(i)->view();
        view->flushPending();
        counted += view->shownLines() + view->droppedLines();
        shown += view->shownLines();
    }
    OutputView *console = window.console()->view();
    console->flushPending();

    std::printf("GUI flood: %d workers x %d lines = %lld lines, run + drain %.0f ms\n", workers, lines,
                static_cast<long long>(printed), runMs);
    std::printf("  UI-thread stall (5 ms probe, %lld samples): p50 %.1f ms  p99 %.1f ms  max %.1f ms  -> %s (goal p99 < 30 ms)\n",
                static_cast<long long>(stalls.size()), percentile(stalls, 0.50), percentile(stalls, 0.99),
                percentile(stalls, 1.0), percentile(stalls, 0.99) < 30 ? "PASS" : "MISS");
    std::printf("  panes: counted %lld of %lld (shown %lld, dropped %lld) -> %s\n", static_cast<long long>(counted),
                static_cast<long long>(printed), static_cast<long long>(shown),
                static_cast<long long>(counted - shown), counted == printed ? "PASS" : "FAIL");
    std::printf("  console: shown %lld + dropped %lld = %lld -> %s\n", static_cast<long long>(console->shownLines()),
                static_cast<long long>(console->droppedLines()),
                static_cast<long long>(console->shownLines() + console->droppedLines()),
                console->shownLines() + console->droppedLines() == printed ? "PASS" : "FAIL");
    std::printf("  memory: peak RSS %.1f MiB, RSS now %.1f MiB\n", statusKiB("VmHWM:") / 1024.0,
                statusKiB("VmRSS:") / 1024.0);
    app.report();
    return counted == printed ? 0 : 1;
}
