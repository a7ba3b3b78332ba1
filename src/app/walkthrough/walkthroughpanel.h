// SPDX-License-Identifier: MIT
#pragma once

#include "walkthrough/walkthroughsession.h"

#include <QDockWidget>
#include <QPointer>

class QButtonGroup;
class QGroupBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTextBrowser;
class QVBoxLayout;

namespace ProcessLab {

// The walkthrough's dock (objectName "walkthrough"): its title, "Step 3 of 9" and a progress
// bar, the step's narration, the prediction question (answered before the action, locked once
// it starts), what the step waits for while acting, then what really happened, and Back / Next
// / Restart / Close. Everything shown is rendered from the session, so a language switch
// re-renders the same step, phase and answer.
class WalkthroughPanel : public QDockWidget
{
    Q_OBJECT
public:
    explicit WalkthroughPanel(QWidget *parent = nullptr);

    // The session shown (null: nothing open). The panel only reads it and forwards clicks.
    void setSession(WalkthroughSession *session);
    WalkthroughSession *session() const { return m_session; }
    // Re-renders everything from the session.
    void refresh();

    // For tests and the handout: what the panel shows.
    QString stepText() const;
    QString nextText() const;
    QString statusText() const;
    // The question and, once done, what really happened, and why the step failed if it did
    // (the handout's text under the picture).
    QString predictionHtml() const;
    QPushButton *nextButton() const { return m_next; }
    QPushButton *backButton() const { return m_back; }

signals:
    void closeRequested();
    void finishRequested(); // Next on the last step, when it is done

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void rebuildPrediction();
    void updatePrediction();
    void updateStatus();
    void updateButtons();
    void handleNext();
    void answerNumber();
    const WalkthroughStep *currentStep() const;

    QPointer<WalkthroughSession> m_session;
    QLabel *m_title;
    QLabel *m_stepLabel;
    QProgressBar *m_progress;
    QTextBrowser *m_narration;
    QGroupBox *m_prediction;
    QLabel *m_question;
    QVBoxLayout *m_choicesLayout;
    QButtonGroup *m_choices;
    QLineEdit *m_number;
    QPushButton *m_answer;
    QLabel *m_status;
    QLabel *m_outcome;
    QPushButton *m_back;
    QPushButton *m_next;
    QPushButton *m_restart;
    QPushButton *m_close;
    int m_predictionStep = -1; // the step whose question the widgets were built for
};

} // namespace ProcessLab
