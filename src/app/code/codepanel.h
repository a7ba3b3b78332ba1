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
};

} // namespace ProcessLab
