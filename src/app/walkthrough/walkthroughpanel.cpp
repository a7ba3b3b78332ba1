// SPDX-License-Identifier: MIT
#include "walkthroughpanel.h"

#include "examplebrowser.h"
#include "processcolors.h"
#include "walkthrough/walkthroughmatch.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QCoreApplication>
#include <QDoubleValidator>
#include <QEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

namespace ProcessLab {

namespace {
// Next's label stays one line in a narrow dock: a long event is elided (whole in the tool tip).
constexpr int nextLabelMaxChars = 48;

QString numberText(double value, const WalkthroughPrediction &prediction)
{
    const QString number = QLocale().toString(value, 'g', 6);
    return prediction.measure == WalkthroughPrediction::Measure::RunSeconds
               ? QCoreApplication::translate("ProcessLab::WalkthroughPanel", "%1 s").arg(number)
               : number;
}
} // namespace

WalkthroughPanel::WalkthroughPanel(QWidget *parent)
    : QDockWidget(parent)
    , m_title(new QLabel(this))
    , m_stepLabel(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_narration(new QTextBrowser(this))
    , m_prediction(new QGroupBox(this))
    , m_question(new QLabel(m_prediction))
    , m_choices(new QButtonGroup(this))
    , m_number(new QLineEdit(m_prediction))
    , m_answer(new QPushButton(m_prediction))
    , m_status(new QLabel(this))
    , m_outcome(new QLabel(this))
    , m_back(new QPushButton(this))
    , m_next(new QPushButton(this))
    , m_restart(new QPushButton(this))
    , m_close(new QPushButton(this))
{
    setObjectName(QStringLiteral("walkthrough"));
    setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);

    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(m_stepLabel->fontMetrics().height() / 2 + 2);
    m_narration->setObjectName(QStringLiteral("walkthroughNarration"));
    m_narration->setOpenLinks(false);
    m_narration->setFrameShape(QFrame::NoFrame);

    auto *predictionLayout = new QVBoxLayout(m_prediction);
    m_question->setWordWrap(true);
    m_question->setTextFormat(Qt::RichText);
    predictionLayout->addWidget(m_question);
    m_choicesLayout = new QVBoxLayout;
    predictionLayout->addLayout(m_choicesLayout);
    auto *numberRow = new QHBoxLayout;
    m_number->setObjectName(QStringLiteral("walkthroughNumber"));
    m_number->setValidator(new QDoubleValidator(-1e9, 1e9, 3, m_number));
    numberRow->addWidget(m_number, 1);
    numberRow->addWidget(m_answer);
    predictionLayout->addLayout(numberRow);
    connect(m_answer, &QPushButton::clicked, this, &WalkthroughPanel::answerNumber);
    connect(m_number, &QLineEdit::returnPressed, this, &WalkthroughPanel::answerNumber);
    connect(m_choices, &QButtonGroup::idClicked, this, [this](int choice) {
        if (m_session)
            m_session->answerChoice(choice);
    });

    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText);
    m_outcome->setWordWrap(true);
    m_outcome->setTextFormat(Qt::RichText);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_back);
    buttons->addWidget(m_next, 1);
    auto *more = new QHBoxLayout;
    more->addWidget(m_restart);
    more->addStretch(1);
    more->addWidget(m_close);
    m_next->setDefault(true);
    m_back->setObjectName(QStringLiteral("walkthroughBack"));
    m_next->setObjectName(QStringLiteral("walkthroughNext"));
    m_restart->setObjectName(QStringLiteral("walkthroughRestart"));
    m_close->setObjectName(QStringLiteral("walkthroughClose"));
    connect(m_back, &QPushButton::clicked, this, [this] {
        if (m_session)
            m_session->back();
    });
    connect(m_next, &QPushButton::clicked, this, &WalkthroughPanel::handleNext);
    connect(m_restart, &QPushButton::clicked, this, [this] {
        if (m_session)
            m_session->restart();
    });
    connect(m_close, &QPushButton::clicked, this, &WalkthroughPanel::closeRequested);

    layout->addWidget(m_title);
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_stepLabel);
    progressRow->addWidget(m_progress, 1);
    layout->addLayout(progressRow);
    layout->addWidget(m_narration, 3);
    layout->addWidget(m_prediction);
    layout->addWidget(m_status);
    layout->addWidget(m_outcome);
    layout->addLayout(buttons);
    layout->addLayout(more);
    setWidget(body);
    retranslate();
}

void WalkthroughPanel::setSession(WalkthroughSession *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    m_predictionStep = -1;
    if (session) {
        connect(session, &WalkthroughSession::stepEntered, this, &WalkthroughPanel::refresh);
        connect(session, &WalkthroughSession::phaseChanged, this, &WalkthroughPanel::refresh);
        connect(session, &WalkthroughSession::answerChanged, this, &WalkthroughPanel::refresh);
        connect(session, &WalkthroughSession::stepFailed, this, &WalkthroughPanel::refresh);
    }
    refresh();
}

const WalkthroughStep *WalkthroughPanel::currentStep() const
{
    if (!m_session)
        return nullptr;
    const int index = m_session->currentStep();
    const QList<WalkthroughStep> &steps = m_session->walkthrough().steps;
    return index >= 0 && index < steps.size() ? &steps.at(index) : nullptr;
}

void WalkthroughPanel::refresh()
{
    const bool chinese = isChineseUi();
    const WalkthroughStep *step = currentStep();
    if (!step) {
        m_title->clear();
        m_stepLabel->clear();
        m_progress->setValue(0);
        m_narration->clear();
        m_prediction->hide();
        m_status->clear();
        m_outcome->clear();
        updateButtons();
        return;
    }
    const Walkthrough &walkthrough = m_session->walkthrough();
    const QString title = walkthrough.title.text(chinese);
    m_title->setText(title);
    setWindowTitle(tr("Walkthrough: %1").arg(title));
    const int index = m_session->currentStep();
    const int count = m_session->stepCount();
    m_stepLabel->setText(tr("Step %1 of %2").arg(index + 1).arg(count));
    m_progress->setRange(0, count);
    m_progress->setValue(index + 1);
    // Limited rich text (<b> <i> <code> <br>): the loader refuses anything else.
    m_narration->setHtml(step->narration.text(chinese));
    updatePrediction();
    updateStatus();
    updateButtons();
}

void WalkthroughPanel::rebuildPrediction()
{
    for (QAbstractButton *button : m_choices->buttons()) {
        m_choices->removeButton(button);
        delete button;
    }
    const WalkthroughStep *step = currentStep();
    m_predictionStep = m_session ? m_session->currentStep() : -1;
    if (!step || !step->prediction)
        return;
    const WalkthroughPrediction &prediction = *step->prediction;
    if (prediction.kind == WalkthroughPrediction::Kind::Choice) {
        for (int i = 0; i < prediction.choices.size(); ++i) {
            auto *radio = new QRadioButton(m_prediction);
            radio->setObjectName(QStringLiteral("walkthroughChoice%1").arg(i));
            m_choices->addButton(radio, i);
            m_choicesLayout->addWidget(radio);
        }
    }
    m_number->clear();
}

void WalkthroughPanel::updatePrediction()
{
    const WalkthroughStep *step = currentStep();
    if (!step || !step->prediction) {
        m_prediction->hide();
        return;
    }
    if (m_predictionStep != m_session->currentStep())
        rebuildPrediction();
    const bool chinese = isChineseUi();
    const WalkthroughPrediction &prediction = *step->prediction;
    // Answered before the action: once it runs, the question is locked.
    const bool open = m_session->phase() == WalkthroughSession::Phase::Reading;
    m_question->setText(prediction.question.text(chinese));
    const bool choice = prediction.kind == WalkthroughPrediction::Kind::Choice;
    const std::optional<int> chosen = m_session->choiceAnswer();
    m_choices->setExclusive(chosen.has_value()); // an exclusive group cannot show "none chosen"
    for (QAbstractButton *button : m_choices->buttons()) {
        const int id = m_choices->id(button);
        // A radio button shows plain text; the file's markup is limited to a few tags.
        QTextDocument plain;
        plain.setHtml(prediction.choices.value(id).text(chinese));
        button->setText(plain.toPlainText());
        button->setEnabled(open);
        const QSignalBlocker blocker(button);
        button->setChecked(chosen && *chosen == id);
    }
    m_number->setVisible(!choice);
    m_answer->setVisible(!choice);
    m_number->setEnabled(open);
    m_answer->setEnabled(open);
    if (!choice && m_session->numberAnswer() && !m_number->hasFocus())
        m_number->setText(QLocale().toString(*m_session->numberAnswer(), 'g', 6));
    m_prediction->show();
}

void WalkthroughPanel::answerNumber()
{
    if (!m_session || m_session->phase() != WalkthroughSession::Phase::Reading)
        return;
    bool ok = false;
    const double value = QLocale().toDouble(m_number->text(), &ok);
    if (ok)
        m_session->answerNumber(value);
}

void WalkthroughPanel::updateStatus()
{
    const bool chinese = isChineseUi();
    const bool dark = isDarkPalette(palette());
    const QString red = (dark ? QColor(0xef, 0x9a, 0x9a) : QColor(0xc6, 0x28, 0x28)).name();
    const QString green = (dark ? QColor(0xa5, 0xd6, 0xa7) : QColor(0x2e, 0x7d, 0x32)).name();
    const WalkthroughSession::Phase phase = m_session->phase();
    m_status->clear();
    m_outcome->clear();
    if (const QString failure = m_session->failure(); !failure.isEmpty()) {
        m_status->setText(QStringLiteral("<span style='color:%1'>%2</span>").arg(red, failure.toHtmlEscaped()));
    } else if (phase == WalkthroughSession::Phase::Acting) {
        m_status->setText(QStringLiteral("<i>%1</i>").arg(m_session->waitingFor().toHtmlEscaped()));
    }
    const WalkthroughStep *step = currentStep();
    const std::optional<PredictionOutcome> outcome = m_session->outcome();
    if (phase != WalkthroughSession::Phase::Done || !step->prediction || !outcome)
        return;
    const WalkthroughPrediction &prediction = *step->prediction;
    // A choice is quoted (it is a sentence of its own) and shown in the language in effect now,
    // also when it was measured before a language switch.
    const auto quoted = [](const QString &text) { return QStringLiteral("“%1”").arg(text); };
    QString said;
    if (const std::optional<int> choice = m_session->choiceAnswer())
        said = quoted(prediction.choices.value(*choice).text(chinese));
    else if (const std::optional<double> number = m_session->numberAnswer())
        said = numberText(*number, prediction).toHtmlEscaped();
    const bool seconds = prediction.measure == WalkthroughPrediction::Measure::RunSeconds;
    const bool choiceMeasured = prediction.kind == WalkthroughPrediction::Kind::Choice && outcome->actualChoice >= 0
                                && outcome->actualChoice < prediction.choices.size();
    QString actual = choiceMeasured ? quoted(prediction.choices.at(outcome->actualChoice).text(chinese))
                                    : outcome->actualText.toHtmlEscaped();
    if (choiceMeasured && prediction.measure == WalkthroughPrediction::Measure::OutputNumber)
        actual += QStringLiteral(" (%1)").arg(outcome->actualText.toHtmlEscaped()); // the number the run printed
    QString line;
    if (outcome->answered && outcome->measured) {
        const QString mark = QStringLiteral("<span style='color:%1'><b>%2</b></span>")
                                 .arg(outcome->right ? green : red, outcome->right ? QStringLiteral("✓") : QStringLiteral("✗"));
        line = seconds ? tr("You said %1 — it took %2 %3").arg(said, actual, mark)
                       : tr("You said %1 — it was %2 %3").arg(said, actual, mark);
    } else if (outcome->measured) {
        line = seconds ? tr("Not answered — it took %1").arg(actual) : tr("Not answered — it was %1").arg(actual);
    } else if (outcome->answered) {
        line = tr("You said %1 — this run did not show it").arg(said);
    } else {
        line = tr("Not answered — this run did not show it");
    }
    const QString explanation = prediction.explanation.text(chinese);
    m_outcome->setText(explanation.isEmpty() ? line : QStringLiteral("%1<br>%2").arg(line, explanation));
}

void WalkthroughPanel::updateButtons()
{
    const bool open = m_session && currentStep();
    m_back->setEnabled(open && m_session->currentStep() > 0);
    m_restart->setEnabled(open);
    m_close->setEnabled(true);
    if (!open) {
        m_next->setEnabled(false);
        m_next->setText(tr("Next step"));
        m_next->setToolTip(QString());
        return;
    }
    const WalkthroughStep &step = *currentStep();
    const WalkthroughSession::Phase phase = m_session->phase();
    const bool last = m_session->currentStep() + 1 >= m_session->stepCount();
    QString text;
    QString toolTip;
    bool enabled = true;
    if (phase == WalkthroughSession::Phase::Acting) {
        text = tr("Waiting…");
        enabled = false;
    } else if (phase == WalkthroughSession::Phase::Reading) {
        switch (step.action.kind) {
        case WalkthroughAction::Kind::Run:
            text = tr("Run the example");
            break;
        case WalkthroughAction::Kind::Step:
            text = tr("Run one statement (F10)");
            break;
        case WalkthroughAction::Kind::RunUntil:
            toolTip = tr("Run until %1").arg(describeEvent(step.action.until));
            text = toolTip.size() > nextLabelMaxChars ? toolTip.left(nextLabelMaxChars - 1) + u'…' : toolTip;
            break;
        case WalkthroughAction::Kind::Pause:
            text = tr("Pause the main program");
            break;
        case WalkthroughAction::Kind::Stop:
            text = tr("Stop the run");
            break;
        default:
            text = last ? tr("Finish") : tr("Next step");
            break;
        }
    } else {
        text = last ? tr("Finish") : tr("Next step");
    }
    m_next->setText(text);
    m_next->setToolTip(toolTip);
    m_next->setEnabled(enabled);
}

void WalkthroughPanel::handleNext()
{
    if (!m_session)
        return;
    const bool last = m_session->currentStep() + 1 >= m_session->stepCount();
    const WalkthroughStep *step = currentStep();
    const bool actionPending = m_session->phase() == WalkthroughSession::Phase::Reading && step
                               && step->action.kind != WalkthroughAction::Kind::None
                               && step->action.kind != WalkthroughAction::Kind::SelectExample
                               && step->action.kind != WalkthroughAction::Kind::SetKnobs;
    if (last && !actionPending && m_session->phase() != WalkthroughSession::Phase::Acting) {
        emit finishRequested();
        return;
    }
    if (m_session->phase() == WalkthroughSession::Phase::Reading && m_number->isVisible() && !m_number->text().isEmpty()
        && !m_session->numberAnswer())
        answerNumber(); // typed but not confirmed: the number counts
    m_session->next();
}

QString WalkthroughPanel::predictionHtml() const
{
    QString html;
    if (const WalkthroughStep *step = currentStep(); step && step->prediction)
        html = QStringLiteral("<p><b>%1</b></p><p>%2</p>").arg(m_question->text(), m_outcome->text());
    if (m_session && !m_session->failure().isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(m_status->text()); // the failure, in red
    return html;
}

QString WalkthroughPanel::stepText() const
{
    return m_stepLabel->text();
}

QString WalkthroughPanel::nextText() const
{
    return m_next->text();
}

QString WalkthroughPanel::statusText() const
{
    QTextDocument status;
    status.setHtml(m_status->text() + QStringLiteral("<br>") + m_outcome->text());
    return status.toPlainText().trimmed();
}

void WalkthroughPanel::retranslate()
{
    m_prediction->setTitle(tr("Your prediction"));
    m_number->setPlaceholderText(tr("Your answer"));
    m_answer->setText(tr("Answer"));
    m_back->setText(tr("Back"));
    m_back->setToolTip(tr("The previous step (PageUp, Left)"));
    m_restart->setText(tr("Restart"));
    m_restart->setToolTip(tr("Stop the run and start the walkthrough again"));
    m_close->setText(tr("Close"));
    if (!m_session)
        setWindowTitle(tr("Walkthrough"));
    refresh();
}

void WalkthroughPanel::changeEvent(QEvent *event)
{
    QDockWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::PaletteChange)
        retranslate();
}

} // namespace ProcessLab
