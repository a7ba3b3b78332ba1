// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QImage>
#include <QList>
#include <QString>

namespace ProcessLab {

// One step of a walkthrough as handed out: what the window showed, and what was said.
struct HandoutPage
{
    QImage picture;
    QString stepLabel;      // "Step 3 of 9"
    QString narrationHtml;  // limited rich text (docs/walkthroughs.md)
    QString predictionHtml; // question, answer, what happened; may be empty
};

// What a teacher hands out after class: a walkthrough run as a PDF (A4 landscape, a title
// page, then one page per step: the picture scaled to fit, the narration under it) or as a
// folder of PNGs (step-01.png…, each the picture with the narration under it).
class HandoutWriter
{
    Q_DECLARE_TR_FUNCTIONS(ProcessLab::HandoutWriter)
public:
    // Written atomically: a failed write leaves an existing file as it was. false with *error
    // (naming the path and the reason) when it cannot be written.
    static bool writePdf(const QString &path, const QString &title, const QList<HandoutPage> &pages, QString *error);
    // The folder is created if needed. A folder holding anything but an earlier handout's
    // step-NN.png files is refused (nothing in it is touched); an earlier handout's pictures
    // are replaced, its extra steps removed.
    static bool writePngFolder(const QString &dir, const QString &title, const QList<HandoutPage> &pages,
                               QString *error);
    // The picture with the narration drawn under it, as writePngFolder() writes it.
    static QImage renderPagePicture(const QString &title, const HandoutPage &page);
    // step-01.png… (three digits from 100 steps on).
    static QString pngFileName(int index, int count);
};

} // namespace ProcessLab
