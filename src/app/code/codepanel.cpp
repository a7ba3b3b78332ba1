// SPDX-License-Identifier: MIT
#include "codepanel.h"

#include "codeview.h"
#include "processcolors.h"
#include "record/runrecord.h"

#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>

namespace ProcessLab {

namespace {

// A program's text as the code view holds it: one final newline dropped (SourceListing),
// the document's own normalisations (line breaks, non-breaking spaces) applied.
QString viewTextOf(const QString &text)
{
    QString normalized = text;
    normalized.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).replace(QLatin1Char('\r'), QLatin1Char('\n'));
    QTextDocument document;
    document.setPlainText(SourceListing(normalized).text());
    return document.toPlainText();
}

} // namespace

CodePanel::CodePanel(QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_banner(new QWidget(this))
    , m_bannerText(new QLabel(m_banner))
    , m_showTutorial(new QToolButton(m_banner))
    , m_corner(new QWidget(this))
    , m_edit(new QToolButton(m_corner))
    , m_reset(new QToolButton(m_corner))
    , m_pythonStack(new QStackedWidget(this))
    , m_python(new CodeView(SourceHighlighter::Language::Python, this))
    , m_tutorial(new CodeView(SourceHighlighter::Language::Python, this))
    , m_cpp(new CodeView(SourceHighlighter::Language::Cpp, this))
{
    m_banner->setObjectName(QStringLiteral("programChangedBanner"));
    m_banner->setAutoFillBackground(true);
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextFormat(Qt::PlainText);
    m_showTutorial->setObjectName(QStringLiteral("showTutorialCode"));
    m_showTutorial->setCheckable(true);
    connect(m_showTutorial, &QToolButton::toggled, this, &CodePanel::showTutorial);
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(8, 4, 4, 4);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(m_showTutorial);
    m_banner->hide();

    // Edit and Reset sit in the tab bar's corner, for the Python tab.
    m_edit->setObjectName(QStringLiteral("editCode"));
    m_edit->setCheckable(true);
    m_edit->setAutoRaise(true);
    m_edit->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_reset->setObjectName(QStringLiteral("resetCode"));
    m_reset->setAutoRaise(true);
    m_reset->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *cornerLayout = new QHBoxLayout(m_corner);
    cornerLayout->setContentsMargins(0, 0, 4, 0);
    cornerLayout->setSpacing(2);
    cornerLayout->addWidget(m_reset);
    cornerLayout->addWidget(m_edit);
    connect(m_edit, &QToolButton::toggled, this, &CodePanel::setEditing);
    connect(m_reset, &QToolButton::clicked, this, &CodePanel::requestReset);

    m_python->setObjectName(QStringLiteral("pythonProgramView"));
    m_tutorial->setObjectName(QStringLiteral("pythonTutorialView"));
    connect(m_python, &QPlainTextEdit::textChanged, this, &CodePanel::handleTextChanged);
    m_pythonStack->addWidget(m_python);
    m_pythonStack->addWidget(m_tutorial);
    auto *pythonPage = new QWidget(this);
    auto *pythonLayout = new QVBoxLayout(pythonPage);
    pythonLayout->setContentsMargins(0, 0, 0, 0);
    pythonLayout->setSpacing(0);
    pythonLayout->addWidget(m_banner);
    pythonLayout->addWidget(m_pythonStack, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    m_tabs->addTab(pythonPage, QString());
    m_tabs->addTab(m_cpp, QString());
    m_tabs->setDocumentMode(true);
    m_tabs->setCornerWidget(m_corner, Qt::TopRightCorner);
    connect(m_tabs, &QTabWidget::currentChanged, this, &CodePanel::updateCorner);
    applyBannerColors();
    retranslate();
    updateCorner();
}

QString CodePanel::pythonMarkerLabel(int processId, const QString &pythonName)
{
    if (processId == mainProcessId)
        return CodeView::tr("Main"); // as the executing line's chip
    // Python's default names: Process-1, Process-1:2 (a child's child), ForkPoolWorker-3.
    static const QRegularExpression process(QStringLiteral("^Process-(\\d+(?::\\d+)*)$"));
    static const QRegularExpression poolWorker(QStringLiteral("^(?:Fork|Spawn|ForkServer)?PoolWorker-(\\d+(?::\\d+)*)$"));
    if (const QRegularExpressionMatch match = process.match(pythonName); match.hasMatch())
        return QStringLiteral("P") + match.captured(1);
    if (const QRegularExpressionMatch match = poolWorker.match(pythonName); match.hasMatch())
        return QStringLiteral("PW") + match.captured(1);
    if (pythonName.isEmpty())
        return QString::number(processId);
    constexpr qsizetype maxLabel = 10;
    return pythonName.size() <= maxLabel ? pythonName : QString(pythonName.left(maxLabel - 1) + QChar(0x2026));
}

QString CodePanel::currentKey() const
{
    switch (m_source) {
    case Source::Example: return QStringLiteral("example:") + m_example->id;
    case Source::Script: return QStringLiteral("script:") + QFileInfo(m_scriptPath).absoluteFilePath();
    case Source::None: break;
    }
    return {};
}

void CodePanel::stashEdits()
{
    if (m_source == Source::None)
        return;
    if (m_edited)
        m_savedEdits.insert(currentKey(), {m_python->toPlainText(), m_knobsChangedWhileEdited});
    else
        m_savedEdits.remove(currentKey());
}

void CodePanel::restoreEdits()
{
    const auto saved = m_savedEdits.constFind(currentKey());
    if (saved == m_savedEdits.cend() || saved->text == m_baseShown) {
        m_knobsChangedWhileEdited = false;
        return;
    }
    const SavedEdit edit = *saved;
    m_savedEdits.remove(currentKey()); // it is the live text now
    setViewText(edit.text);
    m_knobsChangedWhileEdited = edit.knobsChanged;
}

void CodePanel::setViewText(const QString &text)
{
    m_settingText = true;
    m_python->setSource(text);
    m_settingText = false;
    m_workerLines.clear();
    m_dirty = false;
    m_edited = text != m_baseShown;
    updateMarkersVisibility();
}

void CodePanel::setEdited(bool edited)
{
    if (edited == m_edited)
        return;
    m_edited = edited;
    emit programEditedChanged(edited);
}

void CodePanel::setExample(const ExampleDefinition &example, const QVariantMap &knobs)
{
    if (m_source == Source::Example && m_example && m_example->id == example.id) {
        setKnobs(knobs);
        return;
    }
    const bool wasEdited = m_edited;
    stashEdits();
    m_source = Source::Example;
    m_example = example;
    m_programText.clear();
    m_edited = false; // the next program replaces the view's text
    m_knobsChangedWhileEdited = false;
    m_tutorial->setSource(example.tutorialSource().text());
    m_cpp->setSource(SourceListing::fromResource(example.cppResource).text());
    m_tabs->setTabVisible(1, true);
    setKnobs(knobs);
    restoreEdits();
    if (m_edited != wasEdited)
        emit programEditedChanged(m_edited);
    retranslate();
}

void CodePanel::setKnobs(const QVariantMap &knobs)
{
    if (!m_example)
        return;
    QString error;
    const std::optional<QVariantMap> resolved = resolveKnobs(m_example->knobs, knobs, &error);
    if (!resolved) {
        qWarning("CodePanel: %s", qPrintable(error)); // callers pass the knob panel's checked values
        return;
    }
    const PythonProgram program = m_example->pythonProgram(*resolved);
    if (program.text == m_programText)
        return;
    m_knobs = *resolved;
    m_programText = program.text;
    m_changed = !m_example->isTutorialProgram(program);
    if (m_source == Source::Example) {
        if (m_edited) {
            // The user's code stays; the banner says the knobs moved on.
            m_baseShown = viewTextOf(program.text);
            m_knobsChangedWhileEdited = true;
            setEdited(m_python->toPlainText() != m_baseShown);
            if (!m_edited)
                m_knobsChangedWhileEdited = false;
        } else {
            m_baseShown = viewTextOf(program.text);
            setViewText(m_baseShown);
        }
    }
    if (!m_changed && !m_edited)
        m_showTutorial->setChecked(false);
    retranslate();
}

void CodePanel::showScript(const QString &path, const QString &text)
{
    const bool wasEdited = m_edited;
    stashEdits();
    m_source = Source::Script;
    m_scriptPath = path;
    m_scriptText = text;
    m_baseShown = viewTextOf(text);
    m_knobsChangedWhileEdited = false;
    m_showTutorial->setChecked(false);
    m_tabs->setTabVisible(1, false); // no C++ behind a user's script
    m_tabs->setCurrentIndex(0);
    setViewText(m_baseShown);
    restoreEdits();
    if (m_edited != wasEdited)
        emit programEditedChanged(m_edited);
    retranslate();
}

QString CodePanel::programText() const
{
    if (m_edited) {
        QString text = m_python->toPlainText();
        if (!text.endsWith(QLatin1Char('\n')))
            text += QLatin1Char('\n');
        return text;
    }
    switch (m_source) {
    case Source::Example: return m_programText;
    case Source::Script: return m_scriptText;
    case Source::None: break;
    }
    return {};
}

QString CodePanel::programFileName() const
{
    switch (m_source) {
    case Source::Example: return QFileInfo(m_example->pythonResource).fileName();
    case Source::Script: return QFileInfo(m_scriptPath).fileName();
    case Source::None: break;
    }
    return {};
}

void CodePanel::handleTextChanged()
{
    if (m_settingText)
        return;
    const bool edited = m_python->toPlainText() != m_baseShown;
    if (edited != m_edited) {
        if (!edited)
            m_knobsChangedWhileEdited = false;
        setEdited(edited);
        retranslate();
    }
    updateMarkersVisibility();
}

void CodePanel::setEditing(bool editing)
{
    if (m_edit->isChecked() != editing) {
        m_edit->setChecked(editing); // comes back here through toggled
        return;
    }
    m_python->setEditable(editing);
    if (editing) {
        m_showTutorial->setChecked(false);
        m_tabs->setCurrentIndex(0);
        m_python->setFocus();
    }
    retranslate();
}

bool CodePanel::isEditing() const
{
    return m_edit->isChecked();
}

void CodePanel::requestReset()
{
    if (!m_edited || m_source == Source::None)
        return;
    if (m_resetQuestion)
        return; // already asking
    m_resetQuestion = new QMessageBox(QMessageBox::Question, tr("Reset the code"), QString(), QMessageBox::Cancel, this);
    m_resetQuestion->setObjectName(QStringLiteral("resetCodeQuestion"));
    m_resetQuestion->setAttribute(Qt::WA_DeleteOnClose);
    m_resetQuestion->setWindowModality(Qt::WindowModal);
    if (m_source == Source::Script)
        m_resetQuestion->setText(tr("Discard your edits and go back to the text of %1 as it was opened?").arg(programFileName()));
    else if (m_example->listingFromTutorial)
        m_resetQuestion->setText(tr("Discard your edits and go back to the tutorial's code for the knobs' values?"));
    else
        m_resetQuestion->setText(tr("Discard your edits and go back to the example's code for the knobs' values?"));
    m_resetQuestion->setInformativeText(tr("Your edited code is lost."));
    QPushButton *discard = m_resetQuestion->addButton(tr("Discard Edits"), QMessageBox::DestructiveRole);
    m_resetQuestion->setDefaultButton(QMessageBox::Cancel);
    connect(m_resetQuestion, &QMessageBox::finished, this, [this, discard] {
        const bool confirmed = m_resetQuestion->clickedButton() == discard;
        m_resetQuestion = nullptr;
        if (confirmed)
            resetToBase();
    });
    m_resetQuestion->open();
}

void CodePanel::resetToBase()
{
    m_savedEdits.remove(currentKey());
    m_knobsChangedWhileEdited = false;
    setViewText(m_baseShown);
    if (!m_changed)
        m_showTutorial->setChecked(false);
    emit programEditedChanged(false);
    retranslate();
}

void CodePanel::setRunner(bool python)
{
    m_pythonRunner = python;
    m_runText = python ? m_python->toPlainText() : QString();
    updateMarkersVisibility();
}

void CodePanel::updateMarkersVisibility()
{
    // Markers name lines of the text the run started with: a Python run's own text; the
    // native run's program for the knobs.
    const bool hidden = m_pythonRunner ? m_python->toPlainText() != m_runText : m_edited;
    if (hidden == m_python->markersHidden())
        return;
    m_python->setMarkersHidden(hidden);
    if (m_runActive)
        retranslate();
}

void CodePanel::resetMarkers()
{
    m_workerLines.clear();
    m_processNames.clear();
    m_python->setExecutingLine(0);
    m_python->setMarkers({});
    m_runActive = true;
    // The markers are on the program that runs: show it.
    m_showTutorial->setChecked(false);
    retranslate();
}

void CodePanel::consume(const RunRecord &record, qsizetype from, qsizetype to)
{
    int mainLine = -1;
    for (qsizetype i = from; i < to; ++i) {
        const RunEvent &event = record.events().at(i);
        switch (event.kind) {
        case EventKind::ProcessCreated:
            m_processNames.insert(event.process, event.text);
            if (m_workerLines.contains(event.process))
                m_dirty = true;
            break;
        case EventKind::ScriptStep:
            mainLine = event.sourceLine;
            break;
        case EventKind::WorkerTrace:
            // A Python run's main interpreter reports its line like any process.
            if (event.process == mainProcessId) {
                if (event.sourceLine > 0)
                    mainLine = event.sourceLine;
            } else if (event.sourceLine > 0) {
                m_workerLines.insert(event.process, event.sourceLine);
                m_dirty = true;
            }
            break;
        case EventKind::StateChanged:
            if (!isEndState(event.state))
                break;
            if (event.process == mainProcessId)
                mainLine = m_pythonRunner ? 0 : mainLine;
            else if (m_workerLines.remove(event.process))
                m_dirty = true;
            break;
        default:
            break;
        }
    }
    if (mainLine >= 0)
        m_python->setExecutingLine(mainLine);
    if (m_dirty)
        applyMarkers();
}

void CodePanel::runEnded()
{
    m_python->setExecutingLine(0);
    m_workerLines.clear();
    m_runActive = false;
    applyMarkers();
    retranslate();
}

void CodePanel::applyMarkers()
{
    m_dirty = false;
    const bool dark = isDarkPalette(palette());
    QList<int> processes = m_workerLines.keys();
    std::sort(processes.begin(), processes.end());
    QList<CodeView::Marker> markers;
    for (const int process : std::as_const(processes)) {
        const QColor color = processColor(process, dark); // as its pane
        if (m_pythonRunner) {
            const QString name = m_processNames.value(process);
            markers.append({m_workerLines.value(process), pythonMarkerLabel(process, name), color, name});
        } else {
            markers.append({m_workerLines.value(process), tr("W%1").arg(process), color, {}});
        }
    }
    m_python->setMarkers(markers);
}

void CodePanel::showProgram()
{
    m_tabs->setCurrentIndex(0);
    m_showTutorial->setChecked(false);
}

void CodePanel::showTutorial(bool show)
{
    if (show && isEditing())
        setEditing(false); // the original is read only; the edits stay
    m_pythonStack->setCurrentWidget(show ? m_tutorial : m_python);
    retranslate();
}

void CodePanel::updateCorner()
{
    m_corner->setVisible(m_tabs->currentIndex() == 0 && m_source != Source::None);
}

void CodePanel::applyBannerColors()
{
    // A light tint of the highlight colour, so the banner reads in light and dark themes.
    QPalette banner = palette();
    banner.setColor(QPalette::Window, blendColors(palette().color(QPalette::Base),
                                                  palette().color(QPalette::Highlight), 0.18));
    m_banner->setPalette(banner);
}

QString CodePanel::changesText() const
{
    QStringList changes;
    for (const KnobSpec &knob : m_example->knobs) {
        const QVariant value = m_knobs.value(knob.name);
        if (value == knob.defaultValue)
            continue;
        const auto text = [](const KnobSpec &spec, const QVariant &v) {
            switch (spec.type) {
            case KnobSpec::Type::Int: return QString::number(v.toLongLong());
            case KnobSpec::Type::Double: return pythonNumber(v.toDouble()); // as the listing writes it
            case KnobSpec::Type::Bool: return v.toBool() ? tr("on") : tr("off");
            case KnobSpec::Type::Choice: return spec.translatedChoiceLabel(v.toString());
            }
            return v.toString();
        };
        //: A changed knob: its name, the default (the tutorial's) value, the value of the program shown.
        QString change = tr("%1 %2 → %3").arg(knob.translatedLabel(), text(knob, knob.defaultValue), text(knob, value));
        // A narrow banner wraps between changes, not inside one.
        change.replace(QLatin1Char(' '), QChar::Nbsp);
        changes.append(change);
    }
    return changes.join(tr(", "));
}

void CodePanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        applyBannerColors();
}

void CodePanel::retranslate()
{
    const bool script = m_source == Source::Script;
    const bool fromTutorial = !m_example || m_example->listingFromTutorial;
    if (script) {
        //: The Python tab's title for a user's script with unsaved edits; %1 is its file name.
        m_tabs->setTabText(0, m_edited ? tr("%1 (edited)").arg(programFileName()) : programFileName());
        m_tabs->setTabToolTip(0, QDir::toNativeSeparators(m_scriptPath));
    } else {
        m_tabs->setTabText(0, m_edited    ? tr("Python (edited)")
                              : m_changed ? tr("Python (changed)")
                              : fromTutorial ? tr("Python (tutorial)")
                                             : tr("Python"));
        // Pipe and Value/Array: the tutorial names them without a program; say whose this one is.
        m_tabs->setTabToolTip(0, fromTutorial ? QString()
                                              : tr("ProcessLab's own example: the tutorial names this topic but has no "
                                                   "program for it."));
    }
    m_tabs->setTabText(1, tr("C++ (worker)"));

    m_edit->setText(tr("Edit"));
    m_edit->setToolTip(script ? tr("Edit the script here; Run with Python runs the edited code (the file is not changed).")
                              : tr("Edit the program; Run with Python runs the edited code, the native run follows the "
                                   "knobs."));
    m_reset->setText(script         ? tr("Reset to the File's Text")
                     : fromTutorial ? tr("Reset to the Tutorial's Code")
                                    : tr("Reset to the Example's Code"));
    m_reset->setToolTip(script ? tr("Discard your edits: the script's text as it was opened.")
                               : tr("Discard your edits: the program for the knobs' values."));
    // Shown only when there is something to reset: the tabs keep their room at 1280 px.
    m_reset->setEnabled(m_edited);
    m_reset->setVisible(m_edited);
    updateCorner();

    // The line markers belong to the text the run started with; typing hides them.
    const QString hiddenMarkers = m_runActive && m_python->markersHidden()
                                      ? QString(u' ' + tr("Line markers are hidden: they belong to the code the run started with."))
                                      : QString();
    const bool tutorialShown = m_showTutorial->isChecked();
    m_showTutorial->setVisible(!script && (m_changed || m_edited));
    m_bannerText->setToolTip(QString());
    QString text;
    if (script) {
        if (m_edited)
            text = tr("Edited: Run with Python runs this code; %1 on disk is not changed.").arg(programFileName());
        else if (isEditing())
            text = tr("Edit the code, then Run with Python runs it; %1 on disk is not changed.").arg(programFileName());
    } else if (m_example) {
        if (tutorialShown) {
            if (m_edited)
                text = fromTutorial ? tr("The tutorial's original code, for reading. Run with Python runs your edited code.")
                                    : tr("The example's code at its default values, for reading. Run with Python runs "
                                         "your edited code.");
            else
                text = fromTutorial
                           ? tr("The tutorial's original code, for reading. The run follows the changed program.")
                           : tr("The example's code at its default values, for reading. The run follows the "
                                "changed program.");
            m_showTutorial->setText(tr("Show the code that runs"));
        } else {
            m_showTutorial->setText(fromTutorial ? tr("Show the tutorial's code") : tr("Show the default code"));
            if (m_edited) {
                text = tr("Edited: Run with Python runs this code; the native run follows the knobs.");
                if (m_knobsChangedWhileEdited)
                    text += u' ' + tr("The knobs changed since: your code is kept.");
            } else if (m_changed) {
                text = fromTutorial ? tr("Changed from the tutorial: %1").arg(changesText())
                                    : tr("Changed from the defaults: %1").arg(changesText());
                m_bannerText->setToolTip(fromTutorial
                                             ? tr("The tutorial's program written for the knobs' values: python3 runs it "
                                                  "with the same output as ProcessLab.")
                                             : tr("The example's program written for the knobs' values: python3 runs it "
                                                  "with the same output as ProcessLab."));
            } else if (isEditing()) {
                text = tr("Edit the code, then Run with Python runs it; the native run follows the knobs.");
            }
        }
    }
    if (!text.isEmpty())
        text += hiddenMarkers;
    m_bannerText->setText(text);
    m_banner->setVisible(!text.isEmpty());
}

} // namespace ProcessLab
