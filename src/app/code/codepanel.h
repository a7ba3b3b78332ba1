// SPDX-License-Identifier: MIT
#pragma once

#include "examples/exampleregistry.h"

#include <QWidget>

#include <optional>

class QLabel;
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
class CodePanel : public QWidget
{
    Q_OBJECT
public:
    explicit CodePanel(QWidget *parent = nullptr);

    void setExample(const ExampleDefinition &example, const QVariantMap &knobs);
    // Shows the program for these knob values of the current example; nothing changes (markers
    // included) when that is the program already shown.
    void setKnobs(const QVariantMap &knobs);
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

    // The Python runner's view of the panel (issue 13; helper D owns the full version: the
    // editable tab, Edit/Reset). The Python tab's text now: the listing for the knobs, or
    // what the user changed it to, or an opened script.
    QString programText() const;
    bool isEdited() const { return m_edited; }
    // An opened .py script in the Python tab; setExample() returns to an example's listing.
    void showScript(const QString &path, const QString &text);
    // "process.py" for an example (its resource name), the script's file name for a script.
    QString programFileName() const;
    // The run about to start is a Python run (markers per Python process).
    void setRunner(bool python) { m_pythonRunner = python; }

signals:
    void programEditedChanged(bool edited);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void applyMarkers();
    void applyBannerColors();
    void showTutorial(bool show);
    QString changesText() const;

    QTabWidget *m_tabs = nullptr;
    QWidget *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    QToolButton *m_showTutorial = nullptr;
    QStackedWidget *m_pythonStack = nullptr;
    CodeView *m_python = nullptr;
    CodeView *m_tutorial = nullptr;
    CodeView *m_cpp = nullptr;
    std::optional<ExampleDefinition> m_example;
    QVariantMap m_knobs; // resolved values of the program shown
    QString m_programText;
    bool m_changed = false;
    QHash<int, int> m_workerLines; // process -> Python line
    bool m_dirty = false;
    QString m_shownText;  // the text the Python tab was given (not edited)
    QString m_scriptPath; // an opened script, else empty
    bool m_edited = false;
    bool m_pythonRunner = false;
};

} // namespace ProcessLab
