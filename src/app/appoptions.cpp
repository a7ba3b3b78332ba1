// SPDX-License-Identifier: MIT
#include "appoptions.h"

#include "examples/exampleregistry.h"
#include "knobpanel.h"
#include "language.h"
#include "mainwindow.h"
#include "python/pythonsession.h"
#include "replay/replaysource.h"
#include "runcontroller.h"
#include "theme.h"
#include "walkthrough/handoutrecorder.h"
#include "walkthrough/walkthroughlibrary.h"
#include "walkthrough/walkthroughplayer.h"
#include "walkthrough/walkthroughsession.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QSize>
#include <QTimer>

#include <cstdio>

namespace ProcessLab {

namespace {
constexpr int settleMs = 400; // let the last batches render before the screenshot

// A Python run asked for on the command line but no usable interpreter: say why on stderr
// and exit 1 (nothing would ever run, and a screenshot would wait for ever).
void failWithoutPython(MainWindow *window)
{
    PythonSession *session = window->pythonSession();
    const auto check = [session] {
        if (session->availability() != PythonSession::Availability::Unavailable)
            return false;
        std::fprintf(stderr, "processlab: %s\n", qUtf8Printable(session->unavailableReason()));
        QCoreApplication::exit(1);
        return true;
    };
    if (!check())
        QObject::connect(session, &PythonSession::availabilityChanged, window, check, Qt::SingleShotConnection);
}

void saveScreenshot(MainWindow *window, const QString &path)
{
    const bool ok = window->grab().save(path, "PNG");
    if (!ok)
        std::fprintf(stderr, "processlab: cannot write screenshot %s\n", qUtf8Printable(path));
    QCoreApplication::exit(ok ? 0 : 1);
}
} // namespace

QStringList appViewNames()
{
    return {QStringLiteral("timeline"), QStringLiteral("console"), QStringLiteral("history"), QStringLiteral("queue"),
            QStringLiteral("pipe"),     QStringLiteral("shared"),  QStringLiteral("pool"),    QStringLiteral("topology")};
}

bool isWalkthroughFile(const QString &argument)
{
    return argument.endsWith(QLatin1StringView(".json"), Qt::CaseInsensitive) || argument.contains(QLatin1Char('/'))
           || argument.contains(QLatin1Char('\\'));
}

AppOptions parseAppOptions(const QStringList &arguments, QString *error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ProcessLab::AppOptions", "ProcessLab desktop app"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption example(QStringLiteral("example"), QStringLiteral("Example to open."), QStringLiteral("id"));
    const QCommandLineOption set(QStringLiteral("set"), QStringLiteral("Set a knob, e.g. workers=4 (repeatable)."),
                                 QStringLiteral("knob=value"));
    const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("Interface language: zh_CN or en."),
                                  QStringLiteral("language"));
    const QCommandLineOption theme(QStringLiteral("theme"), QStringLiteral("Colours: system, light or dark."),
                                   QStringLiteral("theme"));
    const QCommandLineOption autorun(QStringLiteral("autorun"), QStringLiteral("Run the example at start."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("After the run ends, save a PNG of the window and exit."),
                                        QStringLiteral("file"));
    const QCommandLineOption delay(QStringLiteral("screenshot-delay"),
                                   QStringLiteral("With --autorun: take the screenshot this many ms after the start "
                                                  "(mid-run), then stop the run."),
                                   QStringLiteral("ms"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size, e.g. 1280x800."),
                                  QStringLiteral("WxH"));
    const QCommandLineOption presenter(QStringLiteral("presenter"),
                                       QStringLiteral("Start in presenter mode (large fonts, projector layout)."));
    const QCommandLineOption view(QStringLiteral("view"),
                                  QStringLiteral("Show this tab below the panes: %1.")
                                      .arg(appViewNames().join(QLatin1StringView(", "))),
                                  QStringLiteral("name"));
    const QCommandLineOption replay(QStringLiteral("replay"),
                                    QStringLiteral("Replay a saved run record (as File > Open Run...); with "
                                                   "--screenshot-delay the picture is taken that long into the replay."),
                                    QStringLiteral("record.json"));
    const QCommandLineOption walkthrough(QStringLiteral("walkthrough"),
                                         QStringLiteral("Open a walkthrough: a shipped one's id (%1) or a file.")
                                             .arg(shippedWalkthroughIds().join(QLatin1StringView(", "))),
                                         QStringLiteral("id|file.json"));
    const QCommandLineOption autoplay(QStringLiteral("autoplay"),
                                      QStringLiteral("Play the walkthrough by itself (full screen, presenter fonts), "
                                                     "for an unattended demo; without --loop the exit code is 1 when a "
                                                     "step failed."));
    const QCommandLineOption pace(QStringLiteral("pace"),
                                  QStringLiteral("With --autoplay: seconds to wait before each action and after each "
                                                 "outcome (default 4)."),
                                  QStringLiteral("seconds"));
    const QCommandLineOption loop(QStringLiteral("loop"), QStringLiteral("With --autoplay: start again at the end."));
    const QCommandLineOption handout(QStringLiteral("handout"),
                                     QStringLiteral("Play the walkthrough by itself, then write a handout (a .pdf file, "
                                                    "or else a folder of PNGs) and quit; the exit code is 1 when a "
                                                    "step failed."),
                                     QStringLiteral("file.pdf|dir"));
    const QCommandLineOption python(QStringLiteral("python"),
                                    QStringLiteral("With --autorun: run the example's Python listing with real Python "
                                                   "(Run with Python) instead of ProcessLab's workers."));
    const QCommandLineOption pythonScript(QStringLiteral("python-script"),
                                          QStringLiteral("Show this Python script and run it with Python; its own "
                                                         "arguments follow \"--\"."),
                                          QStringLiteral("file.py"));
    parser.addOptions({example, set, lang, theme, autorun, screenshot, delay, size, presenter, view, replay, walkthrough,
                       autoplay, pace, loop, handout, python, pythonScript});
    parser.addPositionalArgument(QStringLiteral("arguments"), QStringLiteral("With --python-script: the script's own "
                                                                             "arguments, after \"--\"."),
                                 QStringLiteral("[-- arguments...]"));
    parser.process(arguments); // --help/--version exit here; unknown options exit with an error

    AppOptions options;
    options.example = parser.value(example);
    if (!options.example.isEmpty() && !ExampleRegistry::find(options.example)) {
        QStringList ids;
        for (const ExampleDefinition &e : ExampleRegistry::all())
            ids.append(e.id);
        *error = QStringLiteral("--example: unknown example '%1'; choose one of: %2")
                     .arg(options.example, ids.join(QLatin1StringView(", ")));
        return options;
    }
    options.settings = parser.values(set);
    if (parser.isSet(lang)) {
        options.language = Language::normalized(parser.value(lang));
        if (options.language.isEmpty()) {
            *error = QStringLiteral("--lang: expected zh_CN or en, got '%1'").arg(parser.value(lang));
            return options;
        }
    }
    if (parser.isSet(theme)) {
        options.theme = Theme::normalized(parser.value(theme));
        if (options.theme.isEmpty()) {
            *error = QStringLiteral("--theme: expected system, light or dark, got '%1'").arg(parser.value(theme));
            return options;
        }
    }
    options.autorun = parser.isSet(autorun);
    options.presenter = parser.isSet(presenter);
    options.view = parser.value(view);
    options.replay = parser.value(replay);
    if (!options.replay.isEmpty() && options.autorun) {
        *error = QStringLiteral("--replay and --autorun: choose one (a replay is not a run)");
        return options;
    }
    options.walkthrough = parser.value(walkthrough);
    options.handout = parser.value(handout);
    options.autoplay = parser.isSet(autoplay) || parser.isSet(handout);
    options.loop = parser.isSet(loop);
    if (options.walkthrough.isEmpty()) {
        for (const QCommandLineOption *needs : {&autoplay, &pace, &loop, &handout}) {
            if (parser.isSet(*needs)) {
                *error = QStringLiteral("--%1: needs --walkthrough ID|FILE.json").arg(needs->names().constFirst());
                return options;
            }
        }
    } else if (!isWalkthroughFile(options.walkthrough) && !shippedWalkthroughIds().contains(options.walkthrough)) {
        *error = QStringLiteral("--walkthrough: unknown walkthrough '%1'; choose one of: %2, or give a .json file")
                     .arg(options.walkthrough, shippedWalkthroughIds().join(QLatin1StringView(", ")));
        return options;
    }
    if (!options.walkthrough.isEmpty() && (options.autorun || !options.replay.isEmpty())) {
        *error = QStringLiteral("--walkthrough: plays its own runs; leave out --autorun and --replay");
        return options;
    }
    if (parser.isSet(pace)) {
        bool ok = false;
        options.paceSeconds = parser.value(pace).toDouble(&ok);
        if (!ok || options.paceSeconds < 0 || options.paceSeconds > 3600 || !options.autoplay) {
            *error = QStringLiteral("--pace: expected 0-3600 seconds together with --autoplay, got '%1'")
                         .arg(parser.value(pace));
            return options;
        }
    }
    if (options.loop && (!parser.isSet(autoplay) || !options.handout.isEmpty())) {
        *error = QStringLiteral("--loop: needs --autoplay, and a handout is written once (leave out --loop)");
        return options;
    }
    options.python = parser.isSet(python);
    options.pythonScript = parser.value(pythonScript);
    options.scriptArguments = parser.positionalArguments();
    if (!options.scriptArguments.isEmpty() && options.pythonScript.isEmpty()) {
        *error = QStringLiteral("unexpected arguments '%1': only a --python-script takes arguments (after --)")
                     .arg(options.scriptArguments.join(QLatin1Char(' ')));
        return options;
    }
    if (options.python && !options.pythonScript.isEmpty()) {
        *error = QStringLiteral("--python and --python-script: choose one (a script always runs with Python)");
        return options;
    }
    if (!options.pythonScript.isEmpty()
        && (!options.example.isEmpty() || !options.replay.isEmpty() || !options.walkthrough.isEmpty())) {
        *error = QStringLiteral("--python-script: runs the script; leave out --example, --replay and --walkthrough");
        return options;
    }
    if (options.python && !options.autorun) {
        *error = QStringLiteral("--python: needs --autorun (the run it changes)");
        return options;
    }
    options.screenshot = parser.value(screenshot);
    if (parser.isSet(delay)) {
        bool ok = false;
        options.screenshotDelayMs = parser.value(delay).toInt(&ok);
        if (!ok || options.screenshotDelayMs < 0 || options.screenshotDelayMs > 600000 || options.screenshot.isEmpty()
            || !(parser.isSet(autorun) || parser.isSet(replay) || !options.pythonScript.isEmpty())) {
            *error = QStringLiteral("--screenshot-delay: expected 0-600000 ms together with --autorun, --python-script "
                                    "or --replay, and --screenshot");
            return options;
        }
    }
    if (parser.isSet(size)) {
        const QStringList parts = parser.value(size).split(QLatin1Char('x'));
        bool w = false, h = false;
        if (parts.size() == 2)
            options.size = QSize(parts.at(0).toInt(&w), parts.at(1).toInt(&h));
        if (!w || !h || options.size.width() < 400 || options.size.height() < 300) {
            *error = QStringLiteral("--size: expected WxH of at least 400x300, got '%1'").arg(parser.value(size));
            return options;
        }
    } else if (!options.screenshot.isEmpty()) {
        options.size = QSize(1280, 800); // documentation screenshots share one size
    }
    return options;
}

namespace {
bool applyWalkthroughOptions(const AppOptions &options, MainWindow *window, QString *error)
{
    // Loaded here, not through the player: a bad file is a message on stderr, not a box.
    WalkthroughLoadResult loaded = isWalkthroughFile(options.walkthrough) ? loadWalkthrough(options.walkthrough)
                                                                          : loadShippedWalkthrough(options.walkthrough);
    if (!loaded.walkthrough) {
        *error = QStringLiteral("--walkthrough: %1").arg(loaded.error);
        return false;
    }
    WalkthroughPlayer *player = window->walkthroughPlayer();
    if (options.autoplay) {
        player->setAutoplay(true, std::chrono::milliseconds(qRound64(options.paceSeconds * 1000)), options.loop);
        // An unattended demo fills the screen in presenter fonts; a picture or a handout keeps
        // the window's size (and there is no screen offscreen).
        const bool onScreen = QGuiApplication::platformName() != QLatin1StringView("offscreen");
        if (onScreen && options.screenshot.isEmpty() && options.handout.isEmpty()) {
            window->setPresenterMode(true);
            if (QAction *fullScreen = window->findChild<QAction *>(QStringLiteral("actionFullScreen")))
                fullScreen->setChecked(true);
        }
    }
    if (!options.handout.isEmpty()) {
        const QFileInfo target(options.handout);
        if (!target.absoluteDir().exists()) {
            *error = QStringLiteral("--handout: the folder %1 does not exist").arg(target.absolutePath());
            return false;
        }
        // Played to its end: the handout is written, then the app quits (1 when it could not be).
        HandoutRecorder *recorder = player->recordHandout(options.handout);
        QObject::connect(recorder, &HandoutRecorder::written, window, [window](bool ok, const QString &message) {
            if (!ok)
                std::fprintf(stderr, "processlab: --handout: %s\n", qUtf8Printable(message));
            // No process left behind: quit once the walkthrough's run (if any) has ended.
            window->walkthroughPlayer()->close();
            if (!window->controller()->isActive()) {
                QCoreApplication::exit(ok ? 0 : 1);
                return;
            }
            QObject::connect(window->controller(), &RunController::runFinished, window,
                             [ok] { QCoreApplication::exit(ok ? 0 : 1); });
        });
    }
    // An unattended demo's log says which step failed and why (the panel shows it in red).
    QObject::connect(player, &WalkthroughPlayer::opened, player, [player] {
        QObject::connect(player->session(), &WalkthroughSession::stepFailed, player, [](int index, const QString &message) {
            std::fprintf(stderr, "processlab: walkthrough step %d: %s\n", index + 1, qUtf8Printable(message));
        });
    });
    // Once the window is shown: the panel docks into its real size.
    QTimer::singleShot(0, player, [player, walkthrough = std::move(*loaded.walkthrough)]() mutable {
        player->open(std::move(walkthrough));
    });
    return true;
}
} // namespace

int appExitCode(const AppOptions &options, const MainWindow &window, int eventLoopCode)
{
    const bool unattended = !options.walkthrough.isEmpty() && options.autoplay && !options.loop;
    if (eventLoopCode == 0 && unattended && window.walkthroughPlayer()->anyStepFailed())
        return 1;
    return eventLoopCode;
}

bool applyAppOptions(const AppOptions &options, MainWindow *window, QString *error)
{
    if (!options.example.isEmpty())
        window->selectExample(options.example);
    for (const QString &setting : options.settings) {
        const qsizetype eq = setting.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            *error = QStringLiteral("--set: expected knob=value, got '%1'").arg(setting);
            return false;
        }
        // Named as typed: the user wrote "--set workers=65", not "--workers".
        if (!window->knobPanel()->setValueFromText(setting.left(eq), setting.mid(eq + 1), error,
                                                   QStringLiteral("--set ") + setting))
            return false;
    }
    if (options.size.isValid())
        window->resize(options.size);
    if (options.presenter)
        window->setPresenterMode(true);
    if (!options.view.isEmpty() && !window->showView(options.view)) {
        *error = QStringLiteral("--view: unknown view '%1'; choose one of: %2")
                     .arg(options.view, window->viewNames().join(QLatin1StringView(", ")));
        return false;
    }
    if (!options.replay.isEmpty() && !window->openReplay(options.replay)) {
        *error = QStringLiteral("--replay: %1").arg(window->replayError() ? window->replayError()->text() : QString());
        return false;
    }
    if (!options.walkthrough.isEmpty() && !applyWalkthroughOptions(options, window, error))
        return false;
    // A Python run from the command line: the script shown now (a bad file is an error here).
    const bool pythonRun = options.python || !options.pythonScript.isEmpty();
    const bool runs = options.autorun || !options.pythonScript.isEmpty();
    if (!options.pythonScript.isEmpty() && !window->runPythonScript(options.pythonScript, options.scriptArguments, {}, error)) {
        *error = QStringLiteral("--python-script: %1").arg(*error);
        return false;
    }
    if (pythonRun)
        failWithoutPython(window);
    if (!options.screenshot.isEmpty()) {
        const QString path = options.screenshot;
        if (!options.replay.isEmpty() && options.screenshotDelayMs >= 0) {
            QTimer::singleShot(options.screenshotDelayMs, window, [window, path] {
                if (ReplaySource *replay = window->controller()->replay())
                    replay->pause(); // the picture shows this position, laid out
                QTimer::singleShot(settleMs, window, [window, path] { saveScreenshot(window, path); });
            });
        } else if (runs && options.screenshotDelayMs >= 0) {
            // Mid-run picture: shoot, then stop the run and quit once every worker is gone.
            QTimer::singleShot(options.screenshotDelayMs, window, [window, path] {
                const bool ok = window->grab().save(path, "PNG");
                if (!ok)
                    std::fprintf(stderr, "processlab: cannot write screenshot %s\n", qUtf8Printable(path));
                QObject::connect(window->controller(), &RunController::runFinished, window,
                                 [ok] { QCoreApplication::exit(ok ? 0 : 1); });
                if (window->controller()->isActive())
                    window->stopRun();
                else
                    QCoreApplication::exit(ok ? 0 : 1);
            });
        } else if (runs || !options.replay.isEmpty()) {
            QObject::connect(window->controller(), &RunController::runFinished, window, [window, path] {
                QTimer::singleShot(settleMs, window, [window, path] { saveScreenshot(window, path); });
            });
        } else {
            QTimer::singleShot(settleMs, window, [window, path] { saveScreenshot(window, path); });
        }
    }
    if (options.autorun && options.python)
        QTimer::singleShot(0, window, &MainWindow::runWithPython);
    else if (options.autorun)
        QTimer::singleShot(0, window, &MainWindow::startRun);
    return true;
}

} // namespace ProcessLab
