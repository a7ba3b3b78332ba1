// SPDX-License-Identifier: MIT
#pragma once

#include "examples/exampleregistry.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QLabel;
class QMessageBox;
class QStackedWidget;
class QTabWidget;
class QToolButton;

namespace ProcessLab {

class CodeView;
class RunRecord;

// The example's Python program and the C++ the worker runs, in tabs. The Python tab shows
// the program for the current knob values: the tutorial's text when they are the tutorial's,
// otherwise the same program written for them, under a banner naming the changes, with a
// button that shows the tutorial's original (read only, no markers). During a run the
// program that runs follows the record: the main program's step line is highlighted and
// each worker's last trace line carries its marker.
//
// The Python tab is editable (Edit, docs/python-runner.md "The app"): the edited text is
// what Run with Python runs (programText()); the native run follows the knobs. Edits are
// kept per example (and per opened script) for the session, through knob changes, tab
// switches and Edit off; only Reset (after a question) discards them. An opened script
// (showScript) takes the Python tab's place until an example is shown again.
class CodePanel : public QWidget
{
    Q_OBJECT
public:
    explicit CodePanel(QWidget *parent = nullptr);

    // Shows the example's program (the user's edits of it, if any, are kept and shown).
    void setExample(const ExampleDefinition &example, const QVariantMap &knobs);
    // Shows the program for these knob values of the current example; nothing changes (markers
    // included) when that is the program already shown. Edited code is never replaced: the
    // banner says that the knobs changed.
    void setKnobs(const QVariantMap &knobs);
    // An opened .py script in the Python tab (editable too), until setExample().
    void showScript(const QString &path, const QString &text);
    bool showsScript() const { return m_source == Source::Script; }
    QString scriptPath() const { return m_scriptPath; }

    // The Python tab's program as a .py file holds it (final newline included): the edited
    // text, else the listing for the knobs, else the opened script's text.
    QString programText() const;
    bool isEdited() const { return m_edited; }
    // "process.py" for an example (its listing's name), the file name of an opened script.
    QString programFileName() const;
    // The run about to start is a Python run (true) or a native one; call it before every run.
    // A Python run's markers are per Python process, named as its pane; they are shown only
    // while the text on screen is the text that run started with.
    void setRunner(bool python);
    bool isPythonRunner() const { return m_pythonRunner; }
    // Edit on/off, as the tab's Edit button does.
    void setEditing(bool editing);
    bool isEditing() const;
    // Reset to the tutorial's code: asks first when edits would be lost (a window-modal
    // question, object name "resetCodeQuestion"); without edits nothing happens.
    void requestReset();

    void resetMarkers();
    void consume(const RunRecord &record, qsizetype from, qsizetype to);
    void runEnded();
    CodeView *pythonView() const { return m_python; } // the program that runs
    CodeView *tutorialView() const { return m_tutorial; }
    // The Python and C++ tabs (a walkthrough brings one forward and frames it).
    QTabWidget *tabs() const { return m_tabs; }
    // The Python tab with the program that runs (not the tutorial's original) in front.
    void showProgram();
    bool showsChangedProgram() const { return m_changed; }

    // A chip's label for a Python process name: "Main", "P1", "P1:2", "PW3", or the name
    // (cut to ten characters).
    static QString pythonMarkerLabel(int processId, const QString &pythonName);

signals:
    void programEditedChanged(bool edited);

protected:
    void changeEvent(QEvent *event) override;

private:
    enum class Source { None, Example, Script };
    struct SavedEdit
    {
        QString text; // as the view holds it
        bool knobsChanged = false;
    };

    void retranslate();
    void applyMarkers();
    void applyBannerColors();
    void showTutorial(bool show);
    QString changesText() const;
    QString currentKey() const;
    void stashEdits();
    void restoreEdits();
    void setViewText(const QString &text);
    void handleTextChanged();
    void setEdited(bool edited);
    void resetToBase();
    void updateMarkersVisibility();
    void updateCorner();

    QTabWidget *m_tabs = nullptr;
    QWidget *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    QToolButton *m_showTutorial = nullptr;
    QWidget *m_corner = nullptr;
    QToolButton *m_edit = nullptr;
    QToolButton *m_reset = nullptr;
    QMessageBox *m_resetQuestion = nullptr;
    QStackedWidget *m_pythonStack = nullptr;
    CodeView *m_python = nullptr;
    CodeView *m_tutorial = nullptr;
    CodeView *m_cpp = nullptr;
    Source m_source = Source::None;
    std::optional<ExampleDefinition> m_example;
    QVariantMap m_knobs; // resolved values of the program shown
    QString m_programText; // the example's program for the knobs, as a .py file holds it
    QString m_scriptPath;
    QString m_scriptText; // the opened script's text
    QString m_baseShown;  // the unedited program as the view holds it
    bool m_changed = false;
    bool m_edited = false;
    bool m_knobsChangedWhileEdited = false;
    bool m_settingText = false;
    QHash<QString, SavedEdit> m_savedEdits; // other examples' and scripts' edits, by key

    bool m_pythonRunner = false;
    QString m_runText; // a Python run's program as the view held it at its start
    bool m_runActive = false;
    QHash<int, int> m_workerLines; // process -> Python line
    QHash<int, QString> m_processNames; // process -> the record's ProcessCreated text
    bool m_dirty = false;
};

} // namespace ProcessLab
