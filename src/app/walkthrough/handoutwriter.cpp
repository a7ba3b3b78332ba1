// SPDX-License-Identifier: MIT
#include "handoutwriter.h"

#include <QAbstractTextDocumentLayout>
#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTextDocument>

#include <algorithm>
#include <QtMath>

namespace ProcessLab {

namespace {

constexpr int pdfResolution = 144; // dpi: pictures sharp enough on paper; the text is vector
constexpr qreal pdfMarginMm = 12;
const QColor inkColor(0x1f, 0x23, 0x28);
const QColor mutedColor(0x5f, 0x66, 0x6d);
const QColor ruleColor(0xc8, 0xcc, 0xd1);

// The narration, then the prediction in a tinted box (question, answer, what happened).
QString stepHtml(const HandoutPage &page)
{
    QString html = QStringLiteral("<div>%1</div>").arg(page.narrationHtml);
    if (!page.predictionHtml.isEmpty()) {
        html += QStringLiteral("<table width=\"100%\" cellpadding=\"8\" cellspacing=\"0\" style=\"margin-top:10px; "
                               "background-color:#f1ecf8;\"><tr><td>%1</td></tr></table>")
                    .arg(page.predictionHtml);
    }
    return html;
}

// A document laid out for the device it is drawn on, so point sizes mean the same on paper.
void prepareDocument(QTextDocument &document, QPaintDevice *device, const QFont &font, qreal width, const QString &html)
{
    if (device)
        document.documentLayout()->setPaintDevice(device);
    document.setDefaultFont(font);
    document.setDocumentMargin(0);
    document.setDefaultStyleSheet(QStringLiteral("code { font-family: monospace; } body { color: %1; }")
                                      .arg(inkColor.name()));
    document.setHtml(html);
    document.setTextWidth(width);
}

void drawDocument(QPainter &painter, QTextDocument &document, const QPointF &at)
{
    painter.save();
    painter.translate(at);
    document.drawContents(&painter);
    painter.restore();
}

QString nativePath(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

const QRegularExpression &ownPictureName()
{
    static const QRegularExpression name(QStringLiteral("^step-\\d{2,3}\\.png$"));
    return name;
}

void drawTitlePage(QPainter &painter, const QRect &area, const QString &title, qsizetype steps)
{
    QFont font = painter.font();
    font.setPointSizeF(30);
    font.setBold(true);
    painter.setFont(font);
    painter.setPen(inkColor);
    const QRect titleBox(area.left(), area.top() + area.height() * 3 / 10, area.width(), area.height() / 4);
    painter.drawText(titleBox, Qt::AlignHCenter | Qt::AlignBottom | Qt::TextWordWrap, title);
    font.setBold(false);
    font.setPointSizeF(15);
    painter.setFont(font);
    painter.setPen(mutedColor);
    const int line = painter.fontMetrics().lineSpacing();
    const QRect subtitle(area.left(), titleBox.bottom() + line, area.width(), line * 2);
    painter.drawText(subtitle, Qt::AlignHCenter | Qt::AlignTop,
                     steps == 1 ? HandoutWriter::tr("A ProcessLab walkthrough in one step")
                                : HandoutWriter::tr("A ProcessLab walkthrough in %1 steps").arg(steps));
    font.setPointSizeF(11);
    painter.setFont(font);
    painter.drawText(QRect(area.left(), subtitle.bottom(), area.width(), line * 2), Qt::AlignHCenter | Qt::AlignTop,
                     QLocale().toString(QDate::currentDate(), QLocale::LongFormat));
}

// Header line, picture scaled to fit, the text under it (smaller when it is long, so each
// step stays on its page).
void drawStepPage(QPainter &painter, QPaintDevice *device, const QRect &area, const QString &title,
                  const HandoutPage &page)
{
    QFont headerFont = painter.font();
    headerFont.setPointSizeF(10);
    headerFont.setBold(false);
    painter.setFont(headerFont);
    painter.setPen(mutedColor);
    const int headerHeight = painter.fontMetrics().lineSpacing();
    const QRect header(area.left(), area.top(), area.width(), headerHeight);
    painter.drawText(header, Qt::AlignLeft | Qt::AlignVCenter,
                     painter.fontMetrics().elidedText(title, Qt::ElideRight, area.width() * 2 / 3));
    painter.drawText(header, Qt::AlignRight | Qt::AlignVCenter, page.stepLabel);
    const int ruleY = header.bottom() + headerHeight / 3;
    painter.setPen(QPen(ruleColor, 0));
    painter.drawLine(area.left(), ruleY, area.right(), ruleY);

    const int gap = headerHeight * 2 / 3;
    const int top = ruleY + gap;
    const int available = area.bottom() - top;
    QTextDocument document;
    QFont textFont = painter.font();
    qreal pointSize = 13;
    for (;; pointSize -= 0.5) {
        textFont.setPointSizeF(pointSize);
        prepareDocument(document, device, textFont, area.width(), stepHtml(page));
        const qreal share = page.picture.isNull() ? 1.0 : 0.45;
        if (document.size().height() <= available * share || pointSize <= 7)
            break;
    }
    const int textHeight = qCeil(document.size().height());
    int textTop = top;
    if (!page.picture.isNull()) {
        const int pictureHeight = std::max(0, available - textHeight - gap);
        const QSize fitted = page.picture.size().scaled(QSize(area.width(), pictureHeight), Qt::KeepAspectRatio);
        const QRect target(area.left() + (area.width() - fitted.width()) / 2, top, fitted.width(), fitted.height());
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.drawImage(target, page.picture);
        painter.setPen(QPen(ruleColor, 0));
        painter.drawRect(target.adjusted(0, 0, -1, -1));
        textTop = target.bottom() + gap;
    }
    drawDocument(painter, document, QPointF(area.left(), textTop));
}

} // namespace

QString HandoutWriter::pngFileName(int index, int count)
{
    const int digits = count >= 100 ? 3 : 2;
    return QStringLiteral("step-%1.png").arg(index + 1, digits, 10, QLatin1Char('0'));
}

bool HandoutWriter::writePdf(const QString &path, const QString &title, const QList<HandoutPage> &pages,
                             QString *error)
{
    const auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (path.isEmpty())
        return fail(tr("No file name was given for the handout."));
    if (pages.isEmpty())
        return fail(tr("Cannot write the handout %1: it has no steps.").arg(nativePath(path)));
    if (QFileInfo(path).isDir())
        return fail(tr("Cannot write the handout %1: it is a folder.").arg(nativePath(path)));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(tr("Cannot write the handout %1: %2").arg(nativePath(path), file.errorString()));

    QPdfWriter writer(&file);
    writer.setResolution(pdfResolution);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape,
                                     QMarginsF(pdfMarginMm, pdfMarginMm, pdfMarginMm, pdfMarginMm),
                                     QPageLayout::Millimeter));
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("ProcessLab"));
    QPainter painter;
    if (!painter.begin(&writer))
        return fail(tr("Cannot write the handout %1: the PDF could not be started.").arg(nativePath(path)));
    const QRect area(0, 0, writer.width(), writer.height());
    drawTitlePage(painter, area, title, pages.size());
    for (const HandoutPage &page : pages) {
        writer.newPage();
        drawStepPage(painter, &writer, area, title, page);
    }
    painter.end();
    if (!file.commit())
        return fail(tr("Cannot write the handout %1: %2").arg(nativePath(path), file.errorString()));
    return true;
}

QImage HandoutWriter::renderPagePicture(const QString &title, const HandoutPage &page)
{
    const QImage &picture = page.picture;
    const int width = picture.isNull() ? 1200 : picture.width();
    const int margin = std::max(12, width / 40);
    QFont font;
    font.setPixelSize(std::clamp(width / 64, 13, 30));
    QFont headerFont = font;
    headerFont.setPixelSize(std::max(11, font.pixelSize() * 4 / 5));

    // Laid out on an image of the same kind, so the pixel sizes mean the same when drawn.
    QImage measure(1, 1, QImage::Format_RGB32);
    QTextDocument document;
    prepareDocument(document, &measure, font, width - 2 * margin, stepHtml(page));
    const int headerHeight = QFontMetrics(headerFont, &measure).lineSpacing();
    const int textTop = picture.height() + margin + headerHeight + margin / 2;
    const int height = textTop + qCeil(document.size().height()) + margin;

    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    if (!picture.isNull())
        painter.drawImage(QRect(QPoint(0, 0), picture.size()), picture);
    painter.setPen(QPen(ruleColor, 1));
    painter.drawLine(0, picture.height(), width, picture.height());
    painter.setFont(headerFont);
    painter.setPen(mutedColor);
    const QRect header(margin, picture.height() + margin, width - 2 * margin, headerHeight);
    painter.drawText(header, Qt::AlignLeft | Qt::AlignVCenter,
                     painter.fontMetrics().elidedText(title, Qt::ElideRight, header.width() * 2 / 3));
    painter.drawText(header, Qt::AlignRight | Qt::AlignVCenter, page.stepLabel);
    drawDocument(painter, document, QPointF(margin, textTop));
    painter.end();
    return image;
}

bool HandoutWriter::writePngFolder(const QString &dir, const QString &title, const QList<HandoutPage> &pages,
                                   QString *error)
{
    const auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (dir.isEmpty())
        return fail(tr("No folder was given for the handout."));
    if (pages.isEmpty())
        return fail(tr("Cannot write the handout to %1: it has no steps.").arg(nativePath(dir)));
    const QFileInfo info(dir);
    if (info.exists() && !info.isDir())
        return fail(tr("Cannot write the handout to %1: it is a file, not a folder.").arg(nativePath(dir)));
    QDir folder(dir);
    if (!info.exists() && !QDir().mkpath(dir))
        return fail(tr("Cannot write the handout to %1: the folder could not be created.").arg(nativePath(dir)));
    // Only an earlier handout's pictures may be replaced: anything else is the user's.
    QStringList earlier;
    const QFileInfoList entries
        = folder.entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDir::Name);
    for (const QFileInfo &entry : entries) {
        if (!entry.isFile() || !ownPictureName().match(entry.fileName()).hasMatch()) {
            return fail(tr("Cannot write the handout to %1: the folder is not empty (it holds %2). Choose an empty "
                           "folder or one with an earlier handout.")
                            .arg(nativePath(dir), entry.fileName()));
        }
        earlier.append(entry.fileName());
    }
    QStringList written;
    for (qsizetype i = 0; i < pages.size(); ++i) {
        const QString name = pngFileName(int(i), int(pages.size()));
        const QString path = folder.filePath(name);
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return fail(tr("Cannot write %1: %2").arg(nativePath(path), file.errorString()));
        if (!renderPagePicture(title, pages.at(i)).save(&file, "PNG"))
            return fail(tr("Cannot write %1: the picture could not be encoded.").arg(nativePath(path)));
        if (!file.commit())
            return fail(tr("Cannot write %1: %2").arg(nativePath(path), file.errorString()));
        written.append(name);
    }
    // An earlier, longer handout's last steps would be read as this one's.
    for (const QString &name : std::as_const(earlier)) {
        if (!written.contains(name) && !folder.remove(name))
            return fail(tr("Cannot remove %1 of an earlier handout.").arg(nativePath(folder.filePath(name))));
    }
    return true;
}

} // namespace ProcessLab
