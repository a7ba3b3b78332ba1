// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QLabel;
class QTextBrowser;

namespace ProcessLab {

// Help > Original Tutorial Text: the Chinese tutorial the examples come from, shipped as
// a resource and shown as it is (the copy lost its indentation; it is the source, so it
// is not repaired). Code listings and printed output are set in a monospace block so
// they stand apart from the prose.
class TutorialViewer : public QDialog
{
    Q_OBJECT
public:
    static constexpr const char *resourcePath = ":/tutorial/python-processes-tutorial.zh.txt";

    explicit TutorialViewer(QWidget *parent = nullptr);

    static QString sourceText(); // the resource, UTF-8 decoded; empty if missing
    // The text as HTML: headings bold, code and output blocks in <pre>, prose as paragraphs.
    static QString toHtml(const QString &text, const QColor &codeBackground);
    QTextBrowser *browser() const { return m_browser; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void render();

    QTextBrowser *m_browser;
    QLabel *m_note;
};

} // namespace ProcessLab
