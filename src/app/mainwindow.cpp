// SPDX-License-Identifier: MIT
#include "mainwindow.h"
#include "ui_mainwindow.h"

#include "code/codepanel.h"
#include "code/codeview.h"
#include "examplebrowser.h"
#include "export/exportmenu.h"
#include "examples/exampleregistry.h"
#include "examples/knob.h"
#include "help/firstrunhint.h"
#include "help/shortcutsdialog.h"
#include "help/tutorialviewer.h"
#include "history/runhistorymodel.h"
#include "history/runhistoryview.h"
#include "knobpanel.h"
#include "knobtoolbar.h"
#include "language.h"
#include "output/consoleview.h"
#include "output/outputarea.h"
#include "output/outputpane.h"
#include "output/outputview.h"
#include "output/processstatustext.h"
#include "output/runclock.h"
#include "python/pythoninterpreterdialog.h"
#include "python/pythonsession.h"
#include "python/scriptargumentsdialog.h"
#include "record/jsonexport.h"
#include "record/runrecordreader.h"
#include "replay/replaybar.h"
#include "replay/replaysource.h"
#include "runcontroller.h"
#include "runtime/pythonscriptfile.h"
#include "runtime/run.h"
#include "theme.h"
#include "timeline/timelinewidget.h"
#include "pool/killworkerdialog.h"
#include "pool/poolview.h"
#include "topology/topologyview.h"
#include "views/pipeview.h"
#include "views/queueview.h"
#include "views/sharedview.h"
#include "walkthrough/walkthroughmenu.h"
#include "walkthrough/walkthroughplayer.h"
#include "windowlayout.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace ProcessLab {

namespace {
constexpr double presenterScale = 1.6;
constexpr double presenterCodeMinimumScale = 1.3; // of the default size, for the code (see WindowLayout)

QString secondsText(qint64 ns)
{
    return QStringLiteral("%1 s").arg(static_cast<double>(ns) / 1e9, 0, 'f', 2);
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_controller(new RunController(this))
    , m_python(new PythonSession(this))
{
    m_ui->setupUi(this);
    setWindowIcon(QIcon(QStringLiteral(":/icons/processlab.svg")));
    m_baseFontSize = QApplication::font().pointSizeF();
    buildLayout();
    connectActions();
    restoreSettings();
    retranslate();
    updateControls();
    updateStatus(0);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildLayout()
{
    m_examples = new ExampleBrowser(this);
    m_knobs = new KnobPanel(this);
    m_code = new CodePanel(this);
    m_outputArea = new OutputArea(this);
    m_console = new ConsoleView(this);
    m_timeline = new TimelineWidget(this);
    m_history = new RunHistoryView(m_controller->history(), this);
    m_bottomTabs = new QTabWidget(this);
    m_bottomTabs->setDocumentMode(true);
    m_bottomTabs->addTab(m_timeline, QString());
    m_bottomTabs->addTab(m_console, QString());
    m_bottomTabs->addTab(m_history, QString());
    // Stable names for --view and tests; new views set theirs the same way.
    m_timeline->setObjectName(QStringLiteral("timeline"));
    m_console->setObjectName(QStringLiteral("console"));
    m_history->setObjectName(QStringLiteral("history"));
    // The communication views (issue 14): projections of the controller's record and summary.
    m_queueView = new QueueView(m_controller, this);
    m_queueView->setObjectName(QStringLiteral("queue"));
    m_pipeView = new PipeView(m_controller, this);
    m_pipeView->setObjectName(QStringLiteral("pipe"));
    m_sharedView = new SharedView(m_controller, this);
    m_sharedView->setObjectName(QStringLiteral("shared"));
    m_poolView = new PoolView(this);
    m_poolView->setObjectName(QStringLiteral("pool"));
    m_poolView->setController(m_controller);
    m_topology = new TopologyView(this);
    m_topology->setObjectName(QStringLiteral("topology"));
    m_topology->setController(m_controller);
    for (QWidget *view : {static_cast<QWidget *>(m_queueView), static_cast<QWidget *>(m_pipeView),
                          static_cast<QWidget *>(m_sharedView), static_cast<QWidget *>(m_poolView),
                          static_cast<QWidget *>(m_topology)})
        m_bottomTabs->addTab(view, QString());

    // The knobs in a bar of their own, so that they never hide in the run bar's overflow.
    m_knobBar = new KnobToolBar(this, m_ui->runToolBar);
    m_knobBar->setPanel(m_knobs);
    m_ui->actionResetKnobs->setIcon(style()->standardIcon(QStyle::SP_DialogResetButton));
    m_knobBar->addAction(m_ui->actionResetKnobs);
    if (auto *button = qobject_cast<QToolButton *>(m_knobBar->widgetForAction(m_ui->actionResetKnobs)))
        button->setToolButtonStyle(Qt::ToolButtonIconOnly); // the tool tip says it; the bar stays short
    m_ui->actionRun->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_ui->actionStop->setIcon(style()->standardIcon(QStyle::SP_MediaStop));
    m_ui->actionStep->setIcon(style()->standardIcon(QStyle::SP_ArrowForward));
    m_ui->actionRerun->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));

    m_topSplitter = new QSplitter(Qt::Horizontal, this);
    m_topSplitter->addWidget(m_code);
    m_topSplitter->addWidget(m_outputArea);
    m_topSplitter->setStretchFactor(0, 4);
    m_topSplitter->setStretchFactor(1, 5);
    m_centreSplitter = new QSplitter(Qt::Vertical, this);
    m_centreSplitter->addWidget(m_topSplitter);
    m_centreSplitter->addWidget(m_bottomTabs);
    m_centreSplitter->setStretchFactor(0, 3);
    m_centreSplitter->setStretchFactor(1, 2);
    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->addWidget(m_examples);
    m_mainSplitter->addWidget(m_centreSplitter);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setSizes({250, 1030});
    m_topSplitter->setSizes({500, 530});
    m_centreSplitter->setSizes({440, 300});
    m_windowLayout = new WindowLayout({.main = m_mainSplitter, .centre = m_centreSplitter, .top = m_topSplitter,
                                       .examples = m_examples, .code = m_code, .output = m_outputArea},
                                      this);

    m_firstRunHint = new FirstRunHint(this);
    auto *layout = new QVBoxLayout(m_ui->centralWidget);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_firstRunHint);
    layout->addWidget(m_mainSplitter, 1);

    m_statusState = new QLabel(this);
    m_statusElapsed = new QLabel(this);
    m_statusProcesses = new QLabel(this);
    m_statusHint = new QLabel(this);
    statusBar()->addWidget(m_statusState);
    statusBar()->addWidget(m_statusElapsed);
    statusBar()->addWidget(m_statusProcesses);
    statusBar()->addWidget(m_statusHint, 1);
}

QStringList MainWindow::viewNames() const
{
    QStringList names;
    for (int i = 0; i < m_bottomTabs->count(); ++i)
        names.append(m_bottomTabs->widget(i)->objectName());
    return names;
}

bool MainWindow::showView(const QString &name)
{
    for (int i = 0; i < m_bottomTabs->count(); ++i) {
        if (m_bottomTabs->widget(i)->objectName() == name) {
            m_bottomTabs->setCurrentIndex(i);
            m_windowLayout->showBottomArea();
            return true;
        }
    }
    return false;
}

void MainWindow::connectActions()
{
    connect(m_examples, &ExampleBrowser::exampleSelected, this, [this](const QString &id) {
        if (const ExampleDefinition *example = ExampleRegistry::find(id))
            showExample(*example);
    });
    connect(m_knobs, &KnobPanel::valuesChanged, this, [this] {
        m_ui->actionResetKnobs->setEnabled(!m_knobs->hasDefaultValues());
        // The code view shows the program for the knobs, except while a run or a replay shows
        // the one it runs (or ran).
        if (!m_controller->isActive() && !m_controller->isReplaying())
            m_code->setKnobs(m_knobs->values());
    });
    connect(m_ui->actionRun, &QAction::triggered, this, &MainWindow::startRun);
    connect(m_ui->actionStop, &QAction::triggered, this, &MainWindow::stopRun);
    connect(m_ui->actionStep, &QAction::triggered, this, &MainWindow::stepRun);
    connect(m_ui->actionRerun, &QAction::triggered, this, [this] {
        if (m_controller->isPythonRun()) {
            // Again with Python, the program as shown now.
            if (m_controller->isActive())
                m_controller->restartPython(m_controller->pythonRun()->options());
            else
                runWithPython();
        } else if (const ExampleDefinition *example = ExampleRegistry::find(m_exampleId)) {
            m_controller->restart(*example, m_knobs->values());
        }
    });
    connect(m_ui->actionExportJson, &QAction::triggered, this, &MainWindow::exportRecord);
    // Replay: File → Open Run…, and a bar of controls that shows only while replaying.
    m_openRun = new QAction(this);
    m_openRun->setObjectName(QStringLiteral("actionOpenRun"));
    m_openRun->setShortcut(QKeySequence::Open);
    m_ui->menuFile->insertAction(m_ui->actionExportJson, m_openRun);
    connect(m_openRun, &QAction::triggered, this, &MainWindow::openReplayDialog);
    // Real Python: Run with Python beside Run, File → Open Python Script…, Settings → interpreter.
    m_runPython = new QAction(this);
    m_runPython->setObjectName(QStringLiteral("actionRunPython"));
    m_runPython->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F5));
    m_runPython->setIcon(style()->standardIcon(QStyle::SP_MediaSeekForward));
    m_ui->menuRun->insertAction(m_ui->actionStop, m_runPython);
    m_ui->runToolBar->insertAction(m_ui->actionStop, m_runPython);
    connect(m_runPython, &QAction::triggered, this, &MainWindow::runWithPython);
    m_openScript = new QAction(this);
    m_openScript->setObjectName(QStringLiteral("actionOpenPythonScript"));
    m_openScript->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_ui->menuFile->insertAction(m_ui->actionExportJson, m_openScript);
    connect(m_openScript, &QAction::triggered, this, &MainWindow::openPythonScriptDialog);
    m_settingsMenu = new QMenu(this);
    m_settingsMenu->setObjectName(QStringLiteral("menuSettings"));
    menuBar()->insertMenu(m_ui->menuHelp->menuAction(), m_settingsMenu);
    m_pythonInterpreter = m_settingsMenu->addAction(QString());
    m_pythonInterpreter->setObjectName(QStringLiteral("actionPythonInterpreter"));
    connect(m_pythonInterpreter, &QAction::triggered, this, &MainWindow::showPythonInterpreterDialog);
    connect(m_python, &PythonSession::availabilityChanged, this, [this] {
        updateControls();
        if (m_python->availability() != PythonSession::Availability::Checking
            && std::exchange(m_runPythonWhenChecked, false))
            runWithPython();
    });
    connect(m_code, &CodePanel::programEditedChanged, this, &MainWindow::updateControls);
    m_replayBar = new ReplayBar(this);
    addToolBarBreak(Qt::TopToolBarArea);
    addToolBar(Qt::TopToolBarArea, m_replayBar);
    connect(m_replayBar, &ReplayBar::leaveRequested, m_controller, &RunController::leaveReplay);
    connect(m_controller, &RunController::replayChanged, this, &MainWindow::handleReplayChanged);
    // File > Export: the record's JSON (the action above) and the other formats.
    m_exportMenu = new ExportMenu(
        m_ui->actionExportJson, m_timeline,
        [this] { return exportedRecord(); }, [this] { return exportBaseName(); }, this);
    m_ui->menuFile->insertMenu(m_ui->actionExportJson, m_exportMenu);
    m_ui->menuFile->removeAction(m_ui->actionExportJson);
    // Walkthroughs (issue 12): a menu of the shipped ones, File > Open Walkthrough…, the tour.
    m_walkthroughs = new WalkthroughPlayer(this);
    m_walkthroughMenu = new WalkthroughMenu(m_walkthroughs, this);
    menuBar()->insertMenu(m_ui->menuHelp->menuAction(), m_walkthroughMenu);
    m_ui->menuFile->insertAction(m_exportMenu->menuAction(), m_walkthroughMenu->openFileAction());
    m_firstRunHint->setTourAvailable(m_walkthroughMenu->actionFor(QStringLiteral("tour")) != nullptr);
    connect(m_firstRunHint, &FirstRunHint::tourRequested, m_walkthroughs,
            [this] { m_walkthroughs->openShipped(QStringLiteral("tour")); });
    connect(m_walkthroughs, &WalkthroughPlayer::opened, m_firstRunHint, &FirstRunHint::dismiss); // it guides now
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionResetKnobs, &QAction::triggered, m_knobs, &KnobPanel::resetToDefaults);
    connect(m_ui->actionShortcuts, &QAction::triggered, this, &MainWindow::showShortcuts);
    connect(m_ui->actionTutorial, &QAction::triggered, this, &MainWindow::showTutorial);
    connect(m_ui->actionFullScreen, &QAction::toggled, this, [this](bool on) {
        setWindowState(on ? windowState() | Qt::WindowFullScreen : windowState() & ~Qt::WindowFullScreen);
    });
    connect(m_controller, &RunController::runStarted, m_firstRunHint, &FirstRunHint::dismiss);
    connect(m_ui->actionAbout, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About ProcessLab"),
                           tr("<h3>ProcessLab %1</h3><p>Watch multi-process programs run: the examples of the "
                              "Python <i>multiprocessing</i> tutorial as real operating-system processes, "
                              "with every process's output and timing live.</p><p>Built with Qt %2.</p>")
                               .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion())));
    });

    auto *paneModes = new QActionGroup(this);
    paneModes->addAction(m_ui->actionPanesGrid);
    paneModes->addAction(m_ui->actionPanesTabs);
    m_ui->actionPanesGrid->setChecked(true);
    connect(m_ui->actionPanesGrid, &QAction::toggled, this, [this](bool grid) {
        m_outputArea->setLayoutMode(grid ? OutputArea::LayoutMode::Grid : OutputArea::LayoutMode::Tabs);
    });

    auto *languages = new QActionGroup(this);
    languages->addAction(m_ui->actionLangZh);
    languages->addAction(m_ui->actionLangEn);
    connect(m_ui->actionLangZh, &QAction::triggered, this, [this] { setLanguage(QStringLiteral("zh_CN")); });
    connect(m_ui->actionLangEn, &QAction::triggered, this, [this] { setLanguage(QStringLiteral("en")); });

    m_themeMenu = new QMenu(this);
    m_ui->menuView->insertMenu(m_ui->actionPresenter, m_themeMenu);
    auto *themes = new QActionGroup(this);
    for (const auto &[action, name] : {std::pair{&m_themeSystem, "system"}, std::pair{&m_themeLight, "light"},
                                       std::pair{&m_themeDark, "dark"}}) {
        *action = m_themeMenu->addAction(QString());
        (*action)->setCheckable(true);
        (*action)->setChecked(Theme::current() == QLatin1StringView(name));
        themes->addAction(*action);
        connect(*action, &QAction::triggered, this, [theme = QString::fromLatin1(name)] {
            Theme::apply(theme);
            QSettings().setValue(QStringLiteral("ui/theme"), theme);
        });
    }

    connect(m_ui->actionPresenter, &QAction::toggled, this, [this](bool on) {
        applyFontScale();
        // Fit once the larger font has reached every widget and their layouts.
        QTimer::singleShot(0, this, [this, on] { m_windowLayout->setPresenter(on); });
    });
    connect(m_ui->actionZoomIn, &QAction::triggered, this, [this] {
        m_fontSteps = qMin(m_fontSteps + 1, 12);
        applyFontScale();
    });
    connect(m_ui->actionZoomOut, &QAction::triggered, this, [this] {
        m_fontSteps = qMax(m_fontSteps - 1, -4);
        applyFontScale();
    });
    connect(m_ui->actionZoomReset, &QAction::triggered, this, [this] {
        m_fontSteps = 0;
        m_ui->actionPresenter->setChecked(false);
        applyFontScale();
    });

    connect(m_controller, &RunController::aboutToReplaceRun, this, [this] { m_timeline->setRecord(nullptr); });
    connect(m_controller, &RunController::runStarted, this, &MainWindow::handleRunStarted);
    connect(m_controller, &RunController::eventsAvailable, this, &MainWindow::handleEvents);
    connect(m_controller, &RunController::tick, this, &MainWindow::handleTick);
    connect(m_controller, &RunController::controlsChanged, this, &MainWindow::updateControls);
    connect(m_controller, &RunController::runFinished, this, [this] {
        m_code->runEnded();
        // The knobs may have changed during a run; a replay keeps showing the recorded program.
        if (!m_controller->isReplaying())
            m_code->setKnobs(m_knobs->values());
        handleTick(0);
    });
    connect(m_timeline, &TimelineWidget::axisTimePressed, this, [this](qint64 sinceStartNs) {
        if (ReplaySource *replay = m_controller->replay())
            replay->seekToTime(sinceStartNs);
    });
    connect(m_timeline, &TimelineWidget::eventActivated, this, [this](int process, qsizetype eventIndex) {
        m_outputArea->revealEvent(process, eventIndex);
    });
    connect(m_poolView, &PoolView::taskSelected, this, [this](int process, qsizetype taskIndex) {
        m_outputArea->focusPane(process);
        m_timeline->setHighlightedPoolTask(taskIndex);
    });
    connect(m_topology, &TopologyView::processActivated, m_outputArea, &OutputArea::focusPane);
    connect(m_outputArea, &OutputArea::killWorkerRequested, this, &MainWindow::confirmKillWorker);
    // A tab clicked is a tab the user wants to see, even when presenter mode shrank them.
    connect(m_bottomTabs, &QTabWidget::tabBarClicked, m_windowLayout, &WindowLayout::showBottomArea);
}

bool MainWindow::selectExample(const QString &id)
{
    const ExampleDefinition *example = ExampleRegistry::find(id);
    if (!example)
        return false;
    m_examples->selectExample(id);
    if (m_exampleId != id)
        showExample(*example);
    return true;
}

void MainWindow::showExample(const ExampleDefinition &example)
{
    m_scriptPath.clear(); // the code panel returns to the example's listing
    m_exampleId = example.id;
    m_knobs->setExample(example);
    m_ui->actionResetKnobs->setEnabled(!m_knobs->hasDefaultValues());
    updateResetKnobsText();
    m_code->setExample(example, m_knobs->values());
    setWindowTitle(QStringLiteral("ProcessLab — %1").arg(isChineseUi() ? example.titleZh : example.titleEn));
    QSettings().setValue(QStringLiteral("ui/example"), example.id);
    updateControls();
}

// Pipe and shared have no listing in the tutorial: their knobs go back to ProcessLab's defaults.
void MainWindow::updateResetKnobsText()
{
    const ExampleDefinition *example = ExampleRegistry::find(m_exampleId);
    if (!example || example->listingFromTutorial) {
        m_ui->actionResetKnobs->setText(QCoreApplication::translate("MainWindow", "Reset &Knobs to the Tutorial's Values"));
        m_ui->actionResetKnobs->setToolTip(
            QCoreApplication::translate("MainWindow", "Set this example's knobs back to the values of the tutorial's listing"));
    } else {
        m_ui->actionResetKnobs->setText(tr("Reset &Knobs to the Defaults"));
        m_ui->actionResetKnobs->setToolTip(tr("Set this example's knobs back to their default values"));
    }
}

void MainWindow::startRun()
{
    if (m_controller->isStepping()) {
        m_controller->continueRun();
        return;
    }
    if (!m_ui->actionRun->isEnabled())
        return; // edited code or a script on screen: the native run would run something else
    // Run during a replay: the replay ends first, so the run gets the user's own knobs (the
    // panel showed the recorded ones).
    m_controller->leaveReplay();
    if (const ExampleDefinition *example = ExampleRegistry::find(m_exampleId))
        m_controller->startExample(*example, m_knobs->values(), false);
}

void MainWindow::stepRun()
{
    if (m_controller->isStepping()) {
        m_controller->step();
    } else if (!m_controller->isActive() && m_ui->actionStep->isEnabled()) {
        m_controller->leaveReplay(); // as startRun(): the user's own knobs
        if (const ExampleDefinition *example = ExampleRegistry::find(m_exampleId))
            m_controller->startExample(*example, m_knobs->values(), true);
    }
    updateStepHighlight();
}

void MainWindow::stopRun()
{
    m_controller->stop();
}

void MainWindow::handleRunStarted()
{
    m_outputArea->clear();
    m_console->clear();
    m_code->resetMarkers();
    m_timeline->setRecord(m_controller->record());
    const RunRecord &record = *m_controller->record();
    m_code->setRunner(m_controller->isPythonRun());
    if (m_controller->isPythonRun())
        return; // the code panel shows the program that runs already (listing, edited or script)
    if (const Run *run = m_controller->run()) {
        m_outputArea->setExpectedProcessCount(static_cast<int>(run->script().workers.size()) + 1);
        // Main's pane follows the main program step by step (not the events' batches).
        connect(run, &Run::stepChanged, this, &MainWindow::updateMainProgramPosition);
    } else if (const ReplaySource *replay = m_controller->replay()) {
        const auto &events = replay->source().events();
        m_outputArea->setExpectedProcessCount(int(std::count_if(events.cbegin(), events.cend(), [](const RunEvent &e) {
            return e.kind == EventKind::ProcessCreated;
        })));
    }
    // Show the program this run runs, so its steps and traces name lines of the listing
    // (a replay's: if this version still has its example and knobs).
    const ExampleDefinition *example = ExampleRegistry::find(record.exampleId());
    const std::optional<QVariantMap> knobs
        = example ? resolveKnobs(example->knobs, record.knobs(), nullptr) : std::optional<QVariantMap>();
    if (example && knobs)
        m_code->setExample(*example, *knobs);
    else if (const ExampleDefinition *selected = ExampleRegistry::find(m_exampleId))
        m_code->setExample(*selected, m_knobs->values());
}

void MainWindow::handleEvents(const RunRecord &record, qsizetype from, qsizetype to)
{
    QHash<int, QList<OutputLine>> perProcess;
    QList<OutputLine> all;
    all.reserve(to - from);
    for (qsizetype i = from; i < to; ++i) {
        const RunEvent &event = record.events().at(i);
        switch (event.kind) {
        case EventKind::ProcessCreated:
            m_outputArea->paneFor(event.process, event.text);
            if (event.count == 1) // a helper of Python's multiprocessing (Manager...): behind a filter
                m_outputArea->setHelperProcess(event.process);
            m_console->setProcessRole(event.process, event.text);
            if (event.process == mainProcessId)
                updateMainProgramPosition();
            break;
        case EventKind::Output: {
            const OutputLine line{RunClock::sinceStartNs(record, event.timeNs), event.process, event.stream,
                                  event.text, i};
            perProcess[event.process].append(line);
            all.append(line);
            break;
        }
        case EventKind::PoolWorker:
            // ProcessLab kills a pool worker on purpose (fault injection): the console says so
            // where it happens, before the loss it causes.
            if (event.op == quint8(PoolWorkerChange::FaultInjected)) {
                const ProcessSummary *worker = m_controller->summary().process(event.process);
                const PoolFaultInjection fault{.process = event.process, .pid = event.pid, .task = event.count,
                                               .timeNs = event.timeNs, .text = event.text,
                                               .byUser = event.sequence == faultInjectedByUser};
                all.append(OutputLine{RunClock::sinceStartNs(record, event.timeNs), event.process, OutputStream::StdErr,
                                      ProcessStatusText::faultInjection(
                                          fault, worker ? ProcessStatusText::roleName(*worker) : QString::number(event.process)),
                                      i});
            } else if (event.op == quint8(PoolWorkerChange::FaultNotFired)) {
                // The kill the knob asked for never came: said, so the run is not read as survived.
                all.append(OutputLine{RunClock::sinceStartNs(record, event.timeNs), mainProcessId, OutputStream::StdErr,
                                      ProcessStatusText::faultNotFired(event.count), i});
            }
            break;
        case EventKind::OutputDropped:
            if (OutputPane *pane = m_outputArea->pane(event.process))
                pane->view()->addExternallyDropped(event.count);
            m_console->view()->addExternallyDropped(event.count);
            break;
        default:
            break;
        }
    }
    for (auto it = perProcess.cbegin(); it != perProcess.cend(); ++it) {
        if (OutputPane *pane = m_outputArea->pane(it.key()))
            pane->view()->appendLines(it.value());
    }
    if (!all.isEmpty())
        m_console->view()->appendLines(all);
    m_code->consume(record, from, to);
    updateStepHighlight();
}

void MainWindow::handleTick(qint64 nowNs)
{
    const RunSummary &summary = m_controller->summary();
    const ReplaySource *replay = m_controller->replay();
    // A replay's clock is its position; "live" until it has played the whole record.
    const bool live = m_controller->isActive() || (replay && !replay->atEnd());
    const qint64 now = live ? nowNs : summary.endNs;
    updateMainProgramPosition(); // a join that began waiting sends no stepChanged
    m_outputArea->updateSummary(summary, m_controller->poolTasks(), now, m_controller->isActive());
    if (m_controller->record())
        m_timeline->refresh(now, live);
    updateStatus(now);
}

void MainWindow::confirmKillWorker(int process)
{
    const ProcessSummary *worker = m_controller->summary().process(process);
    if (!worker)
        return;
    KillWorkerDialog::ask(this, *worker, m_controller->poolTasks(), [this, process] {
        QString error;
        if (!m_controller->killPoolWorker(process, &error))
            QMessageBox::information(this, tr("Kill this worker"), tr("The worker was not killed: %1").arg(error));
    });
}

void MainWindow::updateMainProgramPosition()
{
    OutputPane *pane = m_outputArea->pane(mainProcessId);
    const Run *run = m_controller->run();
    if (!pane || !run)
        return;
    MainProgramPosition position;
    const QList<ScriptStep> &steps = run->script().steps;
    const int index = run->currentStep();
    if (run->status() == Run::Status::Running && index >= 0 && index < steps.size()) {
        const ScriptStep &step = steps.at(index);
        position.line = step.sourceLine;
        position.source = step.source;
        position.activity = run->isWaitingForStep()             ? MainProgramPosition::Activity::Paused
                            : run->isWaitingInStep() || step.kind == ScriptStep::Kind::Join
                                ? MainProgramPosition::Activity::Waiting
                                : MainProgramPosition::Activity::Executing;
    }
    pane->setMainProgramPosition(position);
}

void MainWindow::updateStepHighlight()
{
    Run *run = m_controller->run();
    if (!run || !m_controller->isStepping() || !run->isWaitingForStep()) {
        m_statusHint->clear();
        return;
    }
    const ScriptStep &next = run->script().steps.at(run->currentStep());
    m_code->pythonView()->setExecutingLine(next.sourceLine);
    m_statusHint->setText(next.context.isEmpty()
                              ? tr("Paused before line %1: %2 — press F10 to run it, F5 to continue")
                                    .arg(next.sourceLine)
                                    .arg(next.source)
                              //: %3 is the loop variable's value at this step, e.g. "i = 3".
                              : tr("Paused before line %1: %2 (%3) — press F10 to run it, F5 to continue")
                                    .arg(next.sourceLine)
                                    .arg(next.source, next.context));
}

void MainWindow::updateControls()
{
    const bool active = m_controller->isActive();
    const bool stepping = m_controller->isStepping();
    // What is on screen must be the code that runs: the native run follows the knobs.
    const bool codeIsNotTheListing = m_code->isEdited() || !m_scriptPath.isEmpty();
    const QString notTheListing
        = m_scriptPath.isEmpty()
              ? tr("The native run follows the knobs, not edited code: Run with Python (Ctrl+F5) runs the code as shown")
              : tr("The native run runs the examples, not a script: Run with Python (Ctrl+F5) runs the script shown");
    m_ui->actionRun->setEnabled(stepping || (!active && !codeIsNotTheListing));
    m_ui->actionRun->setText(stepping ? tr("&Continue") : tr("&Run"));
    m_ui->actionRun->setToolTip(!stepping && codeIsNotTheListing ? notTheListing : m_runToolTip);
    m_ui->actionStop->setEnabled(active);
    m_ui->actionStep->setEnabled(stepping || (!active && !codeIsNotTheListing));
    m_ui->actionStep->setToolTip(!stepping && codeIsNotTheListing ? notTheListing : m_stepToolTip);
    m_ui->actionRerun->setEnabled(m_controller->hasRun());
    const bool pythonUsable = m_python->availability() != PythonSession::Availability::Unavailable;
    m_runPython->setEnabled(!active && pythonUsable);
    m_runPython->setToolTip(pythonUsable ? (m_scriptPath.isEmpty()
                                                ? tr("Run the program shown with real Python, process by process (Ctrl+F5)")
                                                : tr("Run the script shown with real Python, process by process (Ctrl+F5)"))
                                         : m_python->unavailableReason());
    m_openScript->setEnabled(!active);
    m_ui->actionExportJson->setEnabled(!active && exportedRecord() != nullptr);
    if (m_exportMenu) // created after the first call
        m_exportMenu->setExportEnabled(m_ui->actionExportJson->isEnabled());
    // A replay shows its recorded example: another one is chosen after leaving it.
    m_examples->setEnabled(!active && !m_controller->isReplaying());
    // They show the recorded run's, when it has them; a script runs as written, without knobs.
    m_knobs->setEnabled(!m_controller->isReplaying() && m_scriptPath.isEmpty());
    m_knobs->setToolTip(m_scriptPath.isEmpty() ? QString()
                                               : tr("The knobs belong to the examples: a script runs as it is written. "
                                                    "Choose an example to use them."));
    m_ui->actionResetKnobs->setEnabled(!m_controller->isReplaying() && m_scriptPath.isEmpty() && !m_knobs->hasDefaultValues());
    updateStepHighlight();
}

void MainWindow::updateStatus(qint64 nowNs)
{
    const RunSummary &summary = m_controller->summary();
    const ReplaySource *replay = m_controller->replay();
    if (!m_controller->hasRun() && !replay) {
        m_statusState->setText(tr("● Ready"));
        m_statusElapsed->clear();
        m_statusProcesses->clear();
        return;
    }
    QString state;
    QString toolTip;
    QColor color;
    if (replay && !replay->atEnd()) {
        state = replay->isPlaying() ? tr("Replaying") : tr("Replay paused");
        color = QColor(0x15, 0x65, 0xc0);
    } else if (m_controller->isStopping()) {
        state = tr("Stopping");
        color = QColor(0xef, 0x6c, 0x00);
    } else if (m_controller->isActive()) {
        state = m_controller->isStepping() ? tr("Stepping") : tr("Running");
        color = QColor(0x2e, 0x7d, 0x32);
    } else {
        state = RunHistoryModel::resultText(summary);
        color = summary.exitCode == 0 ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28);
        // Why it exited 1, at a glance (a lost pool task names its worker, PID and signal);
        // elided to half the window, whole in the tool tip.
        if (const QString reason = ProcessStatusText::runFailureReason(summary, m_controller->poolTasks());
            summary.exitCode != 0 && !reason.isEmpty()) {
            const QString shown = m_statusState->fontMetrics().elidedText(reason, Qt::ElideRight, width() / 2);
            toolTip = tr("%1 (exit %2): %3").arg(state).arg(summary.exitCode).arg(reason);
            state = tr("%1 (exit %2): %3").arg(state).arg(summary.exitCode).arg(shown.toHtmlEscaped());
        }
    }
    m_statusState->setText(QStringLiteral("<span style='color:%1'>●</span> %2 · %3")
                               .arg(color.name(), state,
                                    replay ? tr("replay") : tr("run #%1").arg(m_controller->runNumber())));
    m_statusState->setToolTip(toolTip);
    const qint64 elapsed = nowNs ? RunClock::sinceStartNs(summary.startNs, nowNs) : 0;
    m_statusElapsed->setText(secondsText(qMax<qint64>(elapsed, 0)));
    m_statusProcesses->setText(tr("Processes alive: %1").arg(summary.liveProcessCount()));
}

const RunRecord *MainWindow::exportedRecord() const
{
    // A replay exports the whole loaded record, wherever its position is.
    if (const ReplaySource *replay = m_controller->replay())
        return &replay->source();
    return m_controller->hasRun() ? m_controller->record() : nullptr;
}

QString MainWindow::exportBaseName() const
{
    if (const ReplaySource *replay = m_controller->replay())
        return QFileInfo(replay->path()).completeBaseName();
    if (const PythonRun *python = m_controller->pythonRun()) {
        const QString name = python->options().exampleId.isEmpty() ? QFileInfo(m_scriptPath).completeBaseName()
                                                                   : python->options().exampleId;
        return QStringLiteral("%1-python-run%2").arg(name).arg(m_controller->runNumber());
    }
    return QStringLiteral("%1-run%2").arg(m_exampleId).arg(m_controller->runNumber());
}

void MainWindow::exportRecord()
{
    const RunRecord *record = exportedRecord();
    if (!record || m_controller->isActive())
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Run Record"), exportBaseName() + u".json",
                                                      tr("JSON files (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!writeRunRecordJson(*record, path, &error))
        QMessageBox::warning(this, tr("Export failed"), error);
}

void MainWindow::openReplayDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Run Record"), QString(),
                                                      tr("Run records (*.json);;All files (*)"));
    if (!path.isEmpty())
        openReplay(path);
}

QMessageBox *MainWindow::replayError() const
{
    return m_replayError;
}

bool MainWindow::openReplay(const QString &path)
{
    QString error;
    std::optional<LoadedRunRecord> loaded;
    if (m_controller->isActive())
        error = tr("A run is in progress: stop it before opening a recorded run.");
    else
        loaded = RunRecordReader::readFile(path, &error);
    if (!loaded) {
        // Nothing changes: the current run (or replay) stays as it was.
        if (m_replayError)
            m_replayError->close();
        m_replayError = new QMessageBox(QMessageBox::Warning, tr("Cannot Open the Run"), error, QMessageBox::Ok, this);
        m_replayError->setAttribute(Qt::WA_DeleteOnClose);
        m_replayError->setWindowModality(Qt::WindowModal);
        m_replayError->open();
        return false;
    }
    // Its example selected, if this version has it and its knobs still fit.
    QString note;
    const RunRecord &record = loaded->record;
    if (const ExampleDefinition *example = ExampleRegistry::find(record.exampleId())) {
        QString knobError;
        selectExample(example->id);
        if (!resolveKnobs(example->knobs, record.knobs(), &knobError))
            note = tr("its knobs do not fit this version (%1): the code shown is not the recorded one").arg(knobError);
    } else {
        note = tr("its example \"%1\" is not in this version: no code is shown for it").arg(record.exampleId());
    }
    auto replay = std::make_unique<ReplaySource>(std::move(*loaded), path);
    ReplaySource *source = replay.get();
    if (!m_controller->startReplay(std::move(replay)))
        return false;
    m_replayBar->setReplay(source, note);
    source->play();
    return true;
}

void MainWindow::handleReplayChanged()
{
    if (const ReplaySource *replay = m_controller->replay()) {
        // The recorded knobs in the panel (disabled, not stored as the user's), when this
        // version's example takes them; the code panel shows their listing (handleRunStarted).
        const RunRecord &record = replay->source();
        const ExampleDefinition *example = ExampleRegistry::find(record.exampleId());
        if (example && example->id == m_exampleId) {
            if (const std::optional<QVariantMap> knobs = resolveKnobs(example->knobs, record.knobs(), nullptr))
                m_knobs->showRecordedValues(*knobs);
        }
        updateControls();
        return;
    }
    // Left (or replaced by a live run): the replay's views go with it, the user's knobs come back.
    m_knobs->showOwnValues();
    m_replayBar->setReplay(nullptr);
    if (!m_controller->hasRun()) {
        m_outputArea->clear();
        m_console->clear();
        m_code->resetMarkers();
        m_code->runEnded();
        if (const ExampleDefinition *example = ExampleRegistry::find(m_exampleId))
            m_code->setExample(*example, m_knobs->values());
    }
    updateControls();
    updateStatus(0);
}

void MainWindow::setLanguage(const QString &code)
{
    Language::apply(code);
    QSettings().setValue(QStringLiteral("ui/language"), Language::current());
}

void MainWindow::applyFontScale()
{
    double size = m_baseFontSize + m_fontSteps;
    if (m_ui->actionPresenter->isChecked())
        size *= presenterScale;
    QFont f = QApplication::font();
    f.setPointSizeF(qMax(6.0, size));
    QApplication::setFont(f);
    QSettings settings;
    if (!std::exchange(m_presenterFromCommandLine, false))
        settings.setValue(QStringLiteral("ui/presenter"), m_ui->actionPresenter->isChecked());
    settings.setValue(QStringLiteral("ui/fontSteps"), m_fontSteps);
    // The code may get smaller than the presenter font to fit in height, but stays clearly
    // larger than the default font.
    m_windowLayout->setPresenterCodeMinimumPointSize(qMax(6.0, m_baseFontSize + m_fontSteps) * presenterCodeMinimumScale);
    if (m_windowLayout->isPresenter()) // zooming on the projector: the code must still fit
        QTimer::singleShot(0, m_windowLayout, &WindowLayout::fit);
}

void MainWindow::setPresenterMode(bool on)
{
    if (on == isPresenterMode())
        return;
    // From the command line (demos, screenshots): not stored as the user's choice.
    m_presenterFromCommandLine = true;
    m_ui->actionPresenter->setChecked(on);
}

QMessageBox *MainWindow::quitQuestion() const
{
    return m_quitQuestion;
}

bool MainWindow::isPresenterMode() const
{
    return m_ui->actionPresenter->isChecked();
}

void MainWindow::showShortcuts()
{
    auto *dialog = new ShortcutsDialog(this, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showTutorial()
{
    if (auto *existing = findChild<TutorialViewer *>()) {
        existing->raise();
        existing->activateWindow();
        return;
    }
    auto *viewer = new TutorialViewer(this);
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    viewer->show(); // not modal: it can stay open beside the code while reading along
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void MainWindow::retranslate()
{
    m_ui->retranslateUi(this);
    updateResetKnobsText();
    m_bottomTabs->setTabText(0, tr("Timeline"));
    m_bottomTabs->setTabText(1, tr("Console"));
    m_bottomTabs->setTabText(2, tr("Run history"));
    m_bottomTabs->setTabText(m_bottomTabs->indexOf(m_poolView), tr("Pool"));
    m_bottomTabs->setTabText(m_bottomTabs->indexOf(m_topology), tr("Topology"));
    m_bottomTabs->setTabText(m_bottomTabs->indexOf(m_queueView), tr("Queue"));
    m_bottomTabs->setTabText(m_bottomTabs->indexOf(m_pipeView), tr("Pipe"));
    m_bottomTabs->setTabText(m_bottomTabs->indexOf(m_sharedView), tr("Shared memory"));
    m_themeMenu->setTitle(tr("&Theme"));
    m_openRun->setText(tr("&Open Run…"));
    m_openRun->setToolTip(tr("Replay a saved run record (JSON) in every view"));
    m_runToolTip = m_ui->actionRun->toolTip();
    m_stepToolTip = m_ui->actionStep->toolTip();
    m_runPython->setText(tr("Run with &Python"));
    m_runPython->setIconText(tr("Run with Python"));
    m_openScript->setText(tr("Open &Python Script…"));
    m_openScript->setToolTip(tr("Show a .py file that uses multiprocessing and run it with Python, process by process"));
    m_settingsMenu->setTitle(tr("&Settings"));
    m_pythonInterpreter->setText(tr("&Python Interpreter…"));
    m_themeSystem->setText(tr("Follow the &System"));
    m_themeLight->setText(tr("&Light"));
    m_themeDark->setText(tr("&Dark (for dark rooms)"));
    m_firstRunHint->setRunShortcut(m_ui->actionRun->shortcut().toString(QKeySequence::NativeText));
    m_ui->actionLangZh->setChecked(Language::current() == QLatin1StringView("zh_CN"));
    m_ui->actionLangEn->setChecked(Language::current() != QLatin1StringView("zh_CN"));
    if (const ExampleDefinition *example = ExampleRegistry::find(m_exampleId))
        setWindowTitle(QStringLiteral("ProcessLab — %1").arg(isChineseUi() ? example->titleZh : example->titleEn));
    updateControls();
    updateStatus(m_controller->isActive() ? 0 : m_controller->summary().endNs);
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("ui/geometry")).toByteArray());
    if (!settings.contains(QStringLiteral("ui/topSplitter"))) {
        // First start: size the splitters by their content once the window has its size.
        QTimer::singleShot(0, this, [this] {
            if (!m_windowLayout->isPresenter())
                m_windowLayout->fit();
        });
    }
    m_mainSplitter->restoreState(settings.value(QStringLiteral("ui/mainSplitter")).toByteArray());
    m_centreSplitter->restoreState(settings.value(QStringLiteral("ui/centreSplitter")).toByteArray());
    m_topSplitter->restoreState(settings.value(QStringLiteral("ui/topSplitter")).toByteArray());
    if (settings.value(QStringLiteral("ui/panesAsTabs"), false).toBool())
        m_ui->actionPanesTabs->setChecked(true);
    m_console->setShowTimestamps(settings.value(QStringLiteral("console/timestamps"), false).toBool());
    m_console->setShowPrefixes(settings.value(QStringLiteral("console/prefixes"), true).toBool());
    connect(m_console, &ConsoleView::showTimestampsChanged, this,
            [](bool on) { QSettings().setValue(QStringLiteral("console/timestamps"), on); });
    connect(m_console, &ConsoleView::showPrefixesChanged, this,
            [](bool on) { QSettings().setValue(QStringLiteral("console/prefixes"), on); });
    m_fontSteps = settings.value(QStringLiteral("ui/fontSteps"), 0).toInt();
    m_ui->actionPresenter->setChecked(settings.value(QStringLiteral("ui/presenter"), false).toBool());
    if (m_fontSteps != 0)
        applyFontScale();
    const QString example = settings.value(QStringLiteral("ui/example")).toString();
    if (!selectExample(example))
        selectExample(ExampleRegistry::all().constFirst().id);
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("ui/geometry"), saveGeometry());
    if (!m_windowLayout->isPresenter()) { // presenter mode's layout is fitted, not the user's
        settings.setValue(QStringLiteral("ui/mainSplitter"), m_mainSplitter->saveState());
        settings.setValue(QStringLiteral("ui/centreSplitter"), m_centreSplitter->saveState());
        settings.setValue(QStringLiteral("ui/topSplitter"), m_topSplitter->saveState());
    }
    settings.setValue(QStringLiteral("ui/panesAsTabs"), m_ui->actionPanesTabs->isChecked());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    if (!m_controller->isActive()) {
        event->accept();
        return;
    }
    // Never quit under a live run by accident, and never leave processes behind.
    event->ignore();
    if (!m_quitWhenStopped)
        askStopAndQuit();
}

void MainWindow::askStopAndQuit()
{
    if (m_quitQuestion) {
        m_quitQuestion->raise();
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, tr("Quit ProcessLab"),
                                tr("A run is still going (processes alive: %1). Stop it and quit?")
                                    .arg(m_controller->summary().liveProcessCount()),
                                QMessageBox::NoButton, this);
    QPushButton *stopAndQuit = box->addButton(tr("Stop and Quit"), QMessageBox::AcceptRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, stopAndQuit] {
        if (box->clickedButton() == stopAndQuit)
            stopRunAndQuit();
    });
    m_quitQuestion = box;
    box->open(); // window-modal and asynchronous: the run and the views go on meanwhile
}

QMessageBox *MainWindow::pythonMessage() const
{
    return m_pythonMessage;
}

void MainWindow::showPythonMessage(const QString &title, const QString &text)
{
    if (m_pythonMessage)
        m_pythonMessage->close();
    m_pythonMessage = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    m_pythonMessage->setAttribute(Qt::WA_DeleteOnClose);
    m_pythonMessage->setWindowModality(Qt::WindowModal);
    m_pythonMessage->open();
}

void MainWindow::runWithPython()
{
    if (m_controller->isActive())
        return;
    if (m_python->availability() == PythonSession::Availability::Checking) {
        m_runPythonWhenChecked = true; // runs once the interpreter answered (or says why not)
        m_statusHint->setText(m_python->unavailableReason());
        return;
    }
    QString error;
    std::optional<PythonRun::Options> options;
    if (!m_scriptPath.isEmpty())
        options = m_python->scriptOptions(m_scriptPath, m_code->programText(), m_scriptArguments, m_scriptDirectory,
                                          &error);
    else
        options = m_python->programOptions(m_code->programFileName(), m_code->programText(), m_exampleId, &error);
    if (!options) {
        showPythonMessage(tr("Cannot Run with Python"), error);
        return;
    }
    m_controller->leaveReplay(); // as startRun()
    m_controller->startPython(std::move(*options));
}

void MainWindow::openPythonScriptDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Python Script"), QString(),
                                                      tr("Python scripts (*.py);;All files (*)"));
    if (!path.isEmpty())
        openPythonScript(path);
}

void MainWindow::openPythonScript(const QString &path)
{
    if (m_controller->isActive())
        return;
    QString error;
    const std::optional<QString> text = PythonScriptFile::read(path, &error);
    if (!text) {
        showPythonMessage(tr("Cannot Open the Script"), error); // nothing shown changes
        return;
    }
    auto *dialog = new ScriptArgumentsDialog(path, m_python->rememberedLaunch(path), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, path, text = *text] {
        const PythonSession::ScriptLaunch launch = dialog->launch();
        m_python->rememberLaunch(path, launch);
        QString splitError;
        const std::optional<QStringList> arguments = PythonSession::splitArguments(launch.argumentsText, &splitError);
        showScript(path, text, arguments.value_or(QStringList()), launch.workingDirectory); // the dialog checked them
        runWithPython();
    });
    dialog->open();
}

bool MainWindow::runPythonScript(const QString &path, const QStringList &arguments, const QString &workingDirectory,
                                 QString *error)
{
    const std::optional<QString> text = PythonScriptFile::read(path, error);
    if (!text)
        return false;
    if (!workingDirectory.isEmpty() && !QFileInfo(workingDirectory).isDir()) {
        *error = tr("the working directory %1 does not exist").arg(workingDirectory);
        return false;
    }
    showScript(path, *text, arguments, workingDirectory);
    runWithPython();
    return true;
}

void MainWindow::showScript(const QString &path, const QString &text, const QStringList &arguments,
                            const QString &workingDirectory)
{
    m_scriptPath = QFileInfo(path).absoluteFilePath();
    m_scriptArguments = arguments;
    m_scriptDirectory = workingDirectory;
    m_code->showScript(m_scriptPath, text);
    m_code->showProgram();
    m_examples->clearCurrent(); // the script is not one of the examples
    setWindowTitle(QStringLiteral("ProcessLab — %1").arg(QFileInfo(path).fileName()));
    updateControls();
}

void MainWindow::showPythonInterpreterDialog()
{
    auto *dialog = new PythonInterpreterDialog(m_python, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::stopRunAndQuit()
{
    if (m_quitQuestion)
        m_quitQuestion->close();
    if (m_quitWhenStopped)
        return; // already on the way out
    m_quitWhenStopped = true;
    if (!m_controller->isActive()) {
        close();
        return;
    }
    connect(m_controller, &RunController::runFinished, this, &QWidget::close, Qt::QueuedConnection);
    m_controller->stop();
}

} // namespace ProcessLab
