// SPDX-License-Identifier: MIT
// The walkthrough handout: a PDF (title page + one page per step, Chinese text extractable,
// fonts embedded) and a folder of PNGs (one per step, the narration under the picture), and
// the messages for paths that cannot be written.
#include "testsupport.h"

#include "walkthrough/handoutwriter.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QPainter>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace ProcessLab;

namespace {

QImage picture(int width, int height, const QColor &color)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(color);
    QPainter painter(&image);
    painter.fillRect(QRect(width / 4, height / 4, width / 2, height / 2), Qt::white);
    return image;
}

QList<HandoutPage> samplePages(int count, int width = 800, int height = 500)
{
    QList<HandoutPage> pages;
    for (int i = 0; i < count; ++i) {
        HandoutPage page;
        page.picture = picture(width, height, QColor::fromHsv((i * 70) % 360, 160, 200));
        page.stepLabel = QStringLiteral("Step %1 of %2").arg(i + 1).arg(count);
        page.narrationHtml = QStringLiteral("<b>start()</b> returns at once: step%1 marker. "
                                            "<code>process1.start()</code> 启动进程%1号。")
                                 .arg(i + 1);
        if (i == 1)
            page.predictionHtml = QStringLiteral("<b>Which line prints first?</b><br>Your answer: Worker 1 started"
                                                 "<br>What happened: Worker 2 started (哪一行先打印？)");
        pages.append(page);
    }
    return pages;
}

QString runTool(const QString &tool, const QStringList &arguments)
{
    QProcess process;
    process.start(tool, arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

// PROCESSLAB_HANDOUT_SAMPLES=<dir>: a copy of what the tests wrote, for a person to judge.
void keepSample(const QString &path)
{
    const QString dir = qEnvironmentVariable("PROCESSLAB_HANDOUT_SAMPLES");
    if (!dir.isEmpty()) {
        const QString copy = QDir(dir).filePath(QFileInfo(path).fileName());
        QFile::remove(copy);
        QFile::copy(path, copy);
    }
}

qsizetype pdfPageCount(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QString bytes = QString::fromLatin1(file.readAll());
    // Page objects ("/Type /Page"), not the page tree ("/Type /Pages").
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?![s])"));
    qsizetype count = 0;
    for (QRegularExpressionMatchIterator it = page.globalMatch(bytes); it.hasNext(); it.next())
        ++count;
    return count;
}

} // namespace

class TestHandoutWriter : public QObject
{
    Q_OBJECT
private slots:
    void pdfHasTitlePageAndOnePagePerStep();
    void pdfKeepsChineseTextAndEmbedsFonts();
    void pdfReplacesAnExistingFile();
    void pngFolderHasOnePicturePerStep();
    void pngFolderReplacesAnEarlierHandout();
    void pngFolderRefusesAFolderWithOtherFiles();
    void badPathsGiveAMessage_data();
    void badPathsGiveAMessage();
    void pictureNamesSortInStepOrder();
};

void TestHandoutWriter::pdfHasTitlePageAndOnePagePerStep()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("handout.pdf"));
    QString error;
    QVERIFY2(HandoutWriter::writePdf(path, QStringLiteral("Creating processes"), samplePages(4), &error),
             qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5) == "%PDF-");
    QCOMPARE(pdfPageCount(path), 5); // the title page + 4 steps
    const QString pdfinfo = QStandardPaths::findExecutable(QStringLiteral("pdfinfo"));
    if (pdfinfo.isEmpty())
        QSKIP("pdfinfo (poppler-utils) is not installed: page size not checked");
    const QString info = runTool(pdfinfo, {path});
    QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Pages:\\s+5\\b"))), qPrintable(info));
    // A4 landscape: 842 x 595 points.
    QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Page size:\\s+84[12](\\.\\d+)? x 595"))), qPrintable(info));
    QVERIFY2(info.contains(QStringLiteral("Creating processes")), qPrintable(info)); // the document's title
}

void TestHandoutWriter::pdfKeepsChineseTextAndEmbedsFonts()
{
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (pdftotext.isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed: the PDF's text cannot be read back on this machine");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("handout.pdf"));
    QString error;
    QVERIFY2(HandoutWriter::writePdf(path, QStringLiteral("创建进程 — Creating processes"), samplePages(3), &error),
             qPrintable(error));
    keepSample(path);
    // NFKC: Qt's PDF maps a glyph back to its first code point, and the CJK fonts share the
    // glyph of 一 with the Kangxi radical ⼀ (and "fi" with its ligature): the same text read.
    const QString text = runTool(pdftotext, {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")})
                             .normalized(QString::NormalizationForm_KC);
    QVERIFY2(text.contains(QStringLiteral("创建进程")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("启动进程2号")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("哪一行先打印")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Which line prints first?")), qPrintable(text));
    // Each step on its own page, in order (pdftotext separates pages by form feeds).
    const QStringList pages = text.split(QLatin1Char('\f'), Qt::SkipEmptyParts);
    QCOMPARE(pages.size(), 4);
    for (int i = 1; i <= 3; ++i) {
        QVERIFY2(pages.at(i).contains(QStringLiteral("step%1 marker").arg(i)), qPrintable(pages.at(i)));
        QVERIFY2(pages.at(i).contains(QStringLiteral("Step %1 of 3").arg(i)), qPrintable(pages.at(i)));
    }
    const QString pdffonts = QStandardPaths::findExecutable(QStringLiteral("pdffonts"));
    if (pdffonts.isEmpty())
        QSKIP("pdffonts (poppler-utils) is not installed: font embedding not checked");
    const QStringList fonts = runTool(pdffonts, {path}).split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(2);
    QVERIFY(!fonts.isEmpty());
    for (const QString &font : fonts) {
        // name type encoding emb sub uni object ID: "emb" is the 4th column from the right end's "yes/no" triple.
        const QStringList columns = font.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        QVERIFY2(columns.size() >= 5, qPrintable(font));
        QCOMPARE(columns.at(columns.size() - 5), QStringLiteral("yes")); // emb
    }
}

void TestHandoutWriter::pdfReplacesAnExistingFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("handout.pdf"));
    QFile old(path);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("old content");
    old.close();
    QString error;
    QVERIFY2(HandoutWriter::writePdf(path, QStringLiteral("Title"), samplePages(2), &error), qPrintable(error));
    QCOMPARE(pdfPageCount(path), 3);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("handout.pdf")});
}

void TestHandoutWriter::pngFolderHasOnePicturePerStep()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("handout")); // created by the writer
    QString error;
    QVERIFY2(HandoutWriter::writePngFolder(folder, QStringLiteral("Creating processes"), samplePages(3, 640, 400), &error),
             qPrintable(error));
    QCOMPARE(QDir(folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             (QStringList{QStringLiteral("step-01.png"), QStringLiteral("step-02.png"), QStringLiteral("step-03.png")}));
    int previousHeight = 0;
    for (int i = 1; i <= 3; ++i) {
        const QImage image(QDir(folder).filePath(QStringLiteral("step-0%1.png").arg(i)));
        QVERIFY(!image.isNull());
        keepSample(QDir(folder).filePath(QStringLiteral("step-0%1.png").arg(i)));
        QCOMPARE(image.width(), 640);
        QVERIFY(image.height() > 400 + 40); // the narration under the picture
        // The picture itself, unscaled, at the top.
        QCOMPARE(image.pixelColor(5, 5), samplePages(3, 640, 400).at(i - 1).picture.pixelColor(5, 5));
        // Text drawn under it: some dark pixels below the picture.
        bool ink = false;
        for (int y = 410; y < image.height() && !ink; ++y) {
            for (int x = 0; x < image.width() && !ink; ++x)
                ink = qGray(image.pixel(x, y)) < 100;
        }
        QVERIFY(ink);
        if (i == 2)
            QVERIFY2(image.height() > previousHeight, "step 2 has its prediction under the narration");
        previousHeight = image.height();
    }
}

void TestHandoutWriter::pngFolderReplacesAnEarlierHandout()
{
    QTemporaryDir dir;
    QString error;
    QVERIFY(HandoutWriter::writePngFolder(dir.path(), QStringLiteral("Long"), samplePages(3, 320, 200), &error));
    QVERIFY2(HandoutWriter::writePngFolder(dir.path(), QStringLiteral("Short"), samplePages(2, 300, 200), &error),
             qPrintable(error));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files),
             (QStringList{QStringLiteral("step-01.png"), QStringLiteral("step-02.png")}));
    QCOMPARE(QImage(dir.filePath(QStringLiteral("step-01.png"))).width(), 300);
}

void TestHandoutWriter::pngFolderRefusesAFolderWithOtherFiles()
{
    QTemporaryDir dir;
    QFile notes(dir.filePath(QStringLiteral("notes.txt")));
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("the teacher's notes");
    notes.close();
    QFile earlier(dir.filePath(QStringLiteral("step-01.png")));
    QVERIFY(earlier.open(QIODevice::WriteOnly));
    earlier.write("not touched");
    earlier.close();
    QString error;
    QVERIFY(!HandoutWriter::writePngFolder(dir.path(), QStringLiteral("T"), samplePages(2, 200, 100), &error));
    QVERIFY2(error.contains(QDir::toNativeSeparators(dir.path())), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("notes.txt")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("not empty")), qPrintable(error));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), (QStringList{QStringLiteral("notes.txt"), QStringLiteral("step-01.png")}));
    QFile check(dir.filePath(QStringLiteral("step-01.png")));
    QVERIFY(check.open(QIODevice::ReadOnly));
    QCOMPARE(check.readAll(), QByteArray("not touched"));
}

void TestHandoutWriter::badPathsGiveAMessage_data()
{
    QTest::addColumn<bool>("pdf");
    QTest::addColumn<QString>("relativePath"); // in a temporary folder holding "file.txt" and "sub/"
    QTest::addColumn<QString>("reason");
    QTest::newRow("pdf in a missing folder") << true << QStringLiteral("missing/handout.pdf") << QStringLiteral("missing");
    QTest::newRow("pdf onto a folder") << true << QStringLiteral("sub") << QStringLiteral("folder");
    QTest::newRow("pdf without a name") << true << QString() << QStringLiteral("No file name");
    QTest::newRow("png folder is a file") << false << QStringLiteral("file.txt") << QStringLiteral("not a folder");
    QTest::newRow("png folder under a file") << false << QStringLiteral("file.txt/pictures") << QStringLiteral("file.txt");
    QTest::newRow("png without a folder") << false << QString() << QStringLiteral("No folder");
}

void TestHandoutWriter::badPathsGiveAMessage()
{
    QFETCH(bool, pdf);
    QFETCH(QString, relativePath);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("sub")));
    QFile file(dir.filePath(QStringLiteral("file.txt")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const QString path = relativePath.isEmpty() ? QString() : dir.filePath(relativePath);
    QString error;
    const bool written = pdf ? HandoutWriter::writePdf(path, QStringLiteral("T"), samplePages(1, 100, 60), &error)
                             : HandoutWriter::writePngFolder(path, QStringLiteral("T"), samplePages(1, 100, 60), &error);
    QVERIFY(!written);
    QVERIFY2(error.contains(reason, Qt::CaseInsensitive), qPrintable(error));
    if (!path.isEmpty())
        QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
    // Nothing left behind.
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             (QStringList{QStringLiteral("file.txt"), QStringLiteral("sub")}));
    QVERIFY(QDir(dir.filePath(QStringLiteral("sub"))).isEmpty());
}

void TestHandoutWriter::pictureNamesSortInStepOrder()
{
    QCOMPARE(HandoutWriter::pngFileName(0, 9), QStringLiteral("step-01.png"));
    QCOMPARE(HandoutWriter::pngFileName(11, 12), QStringLiteral("step-12.png"));
    QCOMPARE(HandoutWriter::pngFileName(0, 120), QStringLiteral("step-001.png"));
    QCOMPARE(HandoutWriter::pngFileName(119, 120), QStringLiteral("step-120.png"));
}

QTEST_MAIN(TestHandoutWriter)
#include "tst_handoutwriter.moc"
