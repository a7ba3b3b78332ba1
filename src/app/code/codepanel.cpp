// SPDX-License-Identifier: MIT
#include "codepanel.h"

#include "codeview.h"
#include "processcolors.h"
#include "record/runrecord.h"

#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace ProcessLab {

CodePanel::CodePanel(QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_banner(new QWidget(this))
    , m_bannerText(new QLabel(m_banner))
    , m_showTutorial(new QToolButton(m_banner))
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

    m_python->setObjectName(QStringLiteral("pythonProgramView"));
    m_tutorial->setObjectName(QStringLiteral("pythonTutorialView"));
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
    applyBannerColors();
    retranslate();
    connect(m_python, &QPlainTextEdit::textChanged, this, [this] {
        const bool edited = m_python->toPlainText() != m_shownText;
        if (edited != std::exchange(m_edited, edited))
            emit programEditedChanged(edited);
    });
}

QString CodePanel::programText() const
{
    if (!m_edited && m_scriptPath.isEmpty())
        return m_programText; // exactly the runnable listing
    QString text = m_python->toPlainText();
    if (!text.endsWith(QLatin1Char('\n')))
        text.append(QLatin1Char('\n'));
    return text;
}

void CodePanel::showScript(const QString &path, const QString &text)
{
    m_scriptPath = path;
    m_programText.clear();
    m_changed = false;
    m_banner->hide();
    m_showTutorial->setChecked(false);
    m_workerLines.clear();
    m_shownText = text;
    m_python->setSource(text);
    m_shownText = m_python->toPlainText();
    if (std::exchange(m_edited, false))
        emit programEditedChanged(false);
    retranslate();
}

QString CodePanel::programFileName() const
{
    if (!m_scriptPath.isEmpty())
        return QFileInfo(m_scriptPath).fileName();
    return m_example ? QFileInfo(m_example->pythonResource).fileName() : QStringLiteral("program.py");
}

void CodePanel::setExample(const ExampleDefinition &example, const QVariantMap &knobs)
{
    if (!m_example || m_example->id != example.id || !m_scriptPath.isEmpty()) {
        m_scriptPath.clear();
        m_example = example;
        m_programText.clear();
        m_shownText.clear();
        if (std::exchange(m_edited, false))
            emit programEditedChanged(false);
        m_tutorial->setSource(example.tutorialSource().text());
        m_cpp->setSource(SourceListing::fromResource(example.cppResource).text());
    }
    setKnobs(knobs);
}

void CodePanel::setKnobs(const QVariantMap &knobs)
{
    if (!m_example || m_edited || !m_scriptPath.isEmpty())
        return; // what the user edited or opened stays
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
    m_python->setSource(program.listing.text());
    m_shownText = m_python->toPlainText();
    if (std::exchange(m_edited, false))
        emit programEditedChanged(false);
    m_workerLines.clear();
    m_dirty = false;
    if (!m_changed)
        m_showTutorial->setChecked(false);
    m_banner->setVisible(m_changed);
    retranslate();
}

void CodePanel::resetMarkers()
{
    m_workerLines.clear();
    m_python->setExecutingLine(0);
    m_python->setMarkers({});
    // The markers are on the program that runs: show it.
    m_showTutorial->setChecked(false);
}

void CodePanel::consume(const RunRecord &record, qsizetype from, qsizetype to)
{
    int mainLine = -1;
    for (qsizetype i = from; i < to; ++i) {
        const RunEvent &event = record.events().at(i);
        switch (event.kind) {
        case EventKind::ScriptStep:
            mainLine = event.sourceLine;
            break;
        case EventKind::WorkerTrace:
            if (event.sourceLine > 0) {
                m_workerLines.insert(event.process, event.sourceLine);
                m_dirty = true;
            }
            break;
        case EventKind::StateChanged:
            if (event.process > 0 && isEndState(event.state) && m_workerLines.remove(event.process))
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
    applyMarkers();
}

void CodePanel::applyMarkers()
{
    m_dirty = false;
    const bool dark = isDarkPalette(palette());
    QList<int> processes = m_workerLines.keys();
    std::sort(processes.begin(), processes.end());
    QList<CodeView::Marker> markers;
    for (const int process : std::as_const(processes)) {
        markers.append({m_workerLines.value(process), tr("W%1").arg(process), processColor(process, dark)});
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
    m_pythonStack->setCurrentWidget(show ? m_tutorial : m_python);
    retranslate();
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
    const bool fromTutorial = !m_example || m_example->listingFromTutorial;
    m_tabs->setTabText(0, m_changed ? tr("Python (changed)") : fromTutorial ? tr("Python (tutorial)") : tr("Python"));
    // Pipe and Value/Array: the tutorial names them without a program; say whose this one is.
    m_tabs->setTabToolTip(0, fromTutorial ? QString()
                                          : tr("ProcessLab's own example: the tutorial names this topic but has no "
                                               "program for it."));
    m_tabs->setTabText(1, tr("C++ (worker)"));
    if (!m_changed || !m_example)
        return;
    if (m_showTutorial->isChecked()) {
        m_bannerText->setText(fromTutorial
                                  ? tr("The tutorial's original code, for reading. The run follows the changed program.")
                                  : tr("The example's code at its default values, for reading. The run follows the "
                                       "changed program."));
        m_showTutorial->setText(tr("Show the code that runs"));
    } else {
        m_bannerText->setText(fromTutorial ? tr("Changed from the tutorial: %1").arg(changesText())
                                           : tr("Changed from the defaults: %1").arg(changesText()));
        m_showTutorial->setText(fromTutorial ? tr("Show the tutorial's code") : tr("Show the default code"));
    }
    m_bannerText->setToolTip(fromTutorial
                                 ? tr("The tutorial's program written for the knobs' values: python3 runs it with "
                                      "the same output as ProcessLab.")
                                 : tr("The example's program written for the knobs' values: python3 runs it with "
                                      "the same output as ProcessLab."));
}

} // namespace ProcessLab
