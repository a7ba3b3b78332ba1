// SPDX-License-Identifier: MIT
#pragma once

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QAction;
class QLabel;
class QMenu;
class QMessageBox;
class QSplitter;
class QTabWidget;

namespace Ui {
class MainWindow;
}

namespace ProcessLab {

class CodePanel;
class ConsoleView;
class ExampleBrowser;
class FirstRunHint;
class KnobPanel;
class OutputArea;
class PoolView;
class TopologyView;
class RunController;
class ReplayBar;
class RunHistoryView;
class RunRecord;
class TimelineWidget;
class ExportMenu;
class QueueView;
class PipeView;
class SharedView;
class WindowLayout;
class WalkthroughMenu;
class KnobToolBar;
class WalkthroughPlayer;
class PythonSession;
struct ExampleDefinition;

// The desktop app's window: example list, code, knobs and run controls, one output pane
// per process, the combined console, the timeline and the run history. Every view is fed
// from RunController's batches of the current run's record.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    bool selectExample(const QString &id);
    KnobPanel *knobPanel() const { return m_knobs; }
    KnobToolBar *knobToolBar() const { return m_knobBar; }
    RunController *controller() const { return m_controller; }
    OutputArea *outputArea() const { return m_outputArea; }
    ConsoleView *console() const { return m_console; }
    TimelineWidget *timeline() const { return m_timeline; }
    ExportMenu *exportMenu() const { return m_exportMenu; }
    QTabWidget *bottomTabs() const { return m_bottomTabs; }
    PoolView *poolView() const { return m_poolView; }
    TopologyView *topologyView() const { return m_topology; }
    QueueView *queueView() const { return m_queueView; }
    PipeView *pipeView() const { return m_pipeView; }
    SharedView *sharedView() const { return m_sharedView; }
    CodePanel *codePanel() const { return m_code; }
    WindowLayout *windowLayout() const { return m_windowLayout; }
    FirstRunHint *firstRunHint() const { return m_firstRunHint; }
    WalkthroughPlayer *walkthroughPlayer() const { return m_walkthroughs; }
    WalkthroughMenu *walkthroughMenu() const { return m_walkthroughMenu; }
    // The question asked when quitting mid-run (null when none is open).
    QMessageBox *quitQuestion() const;

    void setPresenterMode(bool on);
    bool isPresenterMode() const;
    // The tabs below the panes (timeline, console, history, the communication views) by
    // their stable names; showView() selects one and returns false for an unknown name.
    QStringList viewNames() const;
    bool showView(const QString &name);

    void startRun();
    void stepRun();
    void stopRun();

    // Real Python (issue 13, docs/python-runner.md). Run with Python runs the code panel's
    // program as shown: an example's listing (edited or not) or an opened script.
    void runWithPython();
    PythonSession *pythonSession() const { return m_python; }
    // File → Open Python Script…: the file dialog, then openPythonScript().
    void openPythonScriptDialog();
    // Reads the script (a bad file: a message, nothing changes), asks for its arguments and
    // working directory (ScriptArgumentsDialog), then shows it and runs it with Python.
    void openPythonScript(const QString &path);
    // The same without asking (the command line's --python-script): false and *error if unreadable.
    bool runPythonScript(const QString &path, const QStringList &arguments, const QString &workingDirectory,
                         QString *error);
    QString pythonScriptPath() const { return m_scriptPath; } // empty: an example's listing is shown
    // The last message about Python (no interpreter, a bad script), window-modal; null when none is open.
    QMessageBox *pythonMessage() const;
    void showPythonInterpreterDialog();
    // Stops a live run without asking (SIGTERM, logout) and closes the window once it ended.
    void stopRunAndQuit();

    // Replays a saved run record (File → Open Run…, --replay). A file that cannot be read
    // shows the reader's message (a window-modal box, replayError()) and changes nothing.
    bool openReplay(const QString &path);
    ReplayBar *replayBar() const { return m_replayBar; }
    QMessageBox *replayError() const;

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildLayout();
    void connectActions();
    void retranslate();
    void showExample(const ExampleDefinition &example);
    void updateResetKnobsText();
    void handleRunStarted();
    void handleEvents(const RunRecord &record, qsizetype from, qsizetype to);
    void handleTick(qint64 nowNs);
    void confirmKillWorker(int process);
    void updateControls();
    void updateStatus(qint64 nowNs);
    void updateStepHighlight();
    void updateMainProgramPosition();
    // What File > Export writes: the whole loaded record while replaying, else the live run's.
    const RunRecord *exportedRecord() const;
    QString exportBaseName() const;
    void exportRecord();
    void openReplayDialog();
    void handleReplayChanged();
    void setLanguage(const QString &code);
    void applyFontScale();
    void restoreSettings();
    void saveSettings() const;
    void askStopAndQuit();
    void showShortcuts();
    void showTutorial();
    void showPythonMessage(const QString &title, const QString &text);
    void showScript(const QString &path, const QString &text, const QStringList &arguments,
                    const QString &workingDirectory);

    std::unique_ptr<Ui::MainWindow> m_ui;
    RunController *m_controller = nullptr;
    ExampleBrowser *m_examples = nullptr;
    KnobPanel *m_knobs = nullptr;
    KnobToolBar *m_knobBar = nullptr;
    CodePanel *m_code = nullptr;
    OutputArea *m_outputArea = nullptr;
    ConsoleView *m_console = nullptr;
    TimelineWidget *m_timeline = nullptr;
    RunHistoryView *m_history = nullptr;
    ExportMenu *m_exportMenu = nullptr;
    PoolView *m_poolView = nullptr;
    TopologyView *m_topology = nullptr;
    QueueView *m_queueView = nullptr;
    PipeView *m_pipeView = nullptr;
    SharedView *m_sharedView = nullptr;
    QTabWidget *m_bottomTabs = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_centreSplitter = nullptr;
    QSplitter *m_topSplitter = nullptr;
    QLabel *m_statusState = nullptr;
    QLabel *m_statusElapsed = nullptr;
    QLabel *m_statusProcesses = nullptr;
    QLabel *m_statusHint = nullptr;
    QMenu *m_themeMenu = nullptr;
    QAction *m_themeSystem = nullptr;
    QAction *m_themeLight = nullptr;
    QAction *m_themeDark = nullptr;
    WindowLayout *m_windowLayout = nullptr;
    FirstRunHint *m_firstRunHint = nullptr;
    WalkthroughPlayer *m_walkthroughs = nullptr;
    WalkthroughMenu *m_walkthroughMenu = nullptr;
    QPointer<QMessageBox> m_quitQuestion;
    QPointer<QMessageBox> m_replayError;
    ReplayBar *m_replayBar = nullptr;
    QAction *m_openRun = nullptr;
    QAction *m_runPython = nullptr;
    QAction *m_openScript = nullptr;
    QAction *m_pythonInterpreter = nullptr;
    QMenu *m_settingsMenu = nullptr;
    PythonSession *m_python = nullptr;
    QPointer<QMessageBox> m_pythonMessage;
    QString m_scriptPath;       // an opened script shown in the code panel
    QStringList m_scriptArguments; // its arguments
    QString m_scriptDirectory;  // its working directory
    bool m_runPythonWhenChecked = false; // Run with Python before the interpreter check answered
    QString m_runToolTip;  // the .ui's, for when the native run is possible
    QString m_stepToolTip;
    bool m_presenterFromCommandLine = false;
    bool m_quitWhenStopped = false; // "Stop and Quit" chosen: close once the run has ended
    QString m_exampleId;
    qreal m_baseFontSize = 0;
    int m_fontSteps = 0;
};

} // namespace ProcessLab
