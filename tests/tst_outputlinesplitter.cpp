// SPDX-License-Identifier: MIT
#include "runtime/outputlinesplitter.h"

#include <QElapsedTimer>
#include <QTest>

using namespace ProcessLab;

class TestOutputLineSplitter : public QObject
{
    Q_OBJECT
private slots:
    void split_data();
    void split();
    void everySplitPointOfChineseText();
    void longLinesAreCut_data();
    void longLinesAreCut();
    void hugeLineWithoutNewlineIsLinear();
};

namespace {
QStringList texts(const QList<SplitLine> &lines)
{
    QStringList result;
    for (const SplitLine &line : lines)
        result.append(line.text);
    return result;
}
} // namespace

void TestOutputLineSplitter::split_data()
{
    QTest::addColumn<QList<QByteArray>>("reads");
    QTest::addColumn<QStringList>("lines");
    QTest::addColumn<QString>("remainder");
    const QByteArray chinese = QStringLiteral("进程\n").toUtf8();
    QTest::newRow("one-line") << QList<QByteArray>{"a\n"} << QStringList{QStringLiteral("a")} << QString();
    QTest::newRow("two-in-one-read") << QList<QByteArray>{"a\nb\n"} << QStringList{QStringLiteral("a"), QStringLiteral("b")}
                                     << QString();
    QTest::newRow("line-over-reads") << QList<QByteArray>{"Wor", "ker 1", " started\n"}
                                     << QStringList{QStringLiteral("Worker 1 started")} << QString();
    QTest::newRow("crlf") << QList<QByteArray>{"a\r\nb\r", "\n"} << QStringList{QStringLiteral("a"), QStringLiteral("b")}
                          << QString();
    QTest::newRow("empty-lines") << QList<QByteArray>{"\n\n"} << QStringList{QString(), QString()} << QString();
    QTest::newRow("no-final-newline") << QList<QByteArray>{"a\nlast"} << QStringList{QStringLiteral("a")}
                                      << QStringLiteral("last");
    QTest::newRow("chinese-split-in-char") << QList<QByteArray>{chinese.first(4), chinese.sliced(4)}
                                           << QStringList{QStringLiteral("进程")} << QString();
    QTest::newRow("invalid-utf8") << QList<QByteArray>{"a\xff\n"}
                                  << QStringList{QStringLiteral("a") + QChar(QChar::ReplacementCharacter)} << QString();
}

void TestOutputLineSplitter::split()
{
    QFETCH(QList<QByteArray>, reads);
    QFETCH(QStringList, lines);
    QFETCH(QString, remainder);
    OutputLineSplitter splitter;
    QStringList got;
    for (const QByteArray &read : reads)
        got += texts(splitter.feed(read));
    QCOMPARE(got, lines);
    QCOMPARE(splitter.takeRemainder().text, remainder);
    QVERIFY(!splitter.hasRemainder());
}

void TestOutputLineSplitter::everySplitPointOfChineseText()
{
    const QString text = QStringLiteral("示例1:使用 Process 类创建新的进程");
    const QByteArray bytes = (text + QLatin1Char('\n')).toUtf8();
    for (qsizetype cut = 1; cut < bytes.size(); ++cut) {
        OutputLineSplitter splitter;
        QStringList got = texts(splitter.feed(bytes.first(cut)));
        got += texts(splitter.feed(bytes.sliced(cut)));
        QCOMPARE(got, QStringList{text});
    }
}

void TestOutputLineSplitter::longLinesAreCut_data()
{
    constexpr qsizetype max = OutputLineSplitter::maxLineLength;
    QTest::addColumn<qsizetype>("length");
    QTest::addColumn<QByteArray>("ending");
    QTest::addColumn<qsizetype>("chunk");
    QTest::addColumn<qint64>("cut");
    QTest::newRow("exactly-the-cap") << max << QByteArray("\n") << qsizetype(4096) << qint64(0);
    QTest::newRow("one-over") << max + 1 << QByteArray("\n") << qsizetype(4096) << qint64(1);
    QTest::newRow("one-over-crlf") << max + 1 << QByteArray("\r\n") << qsizetype(4096) << qint64(1);
    QTest::newRow("cap-then-crlf-in-one-read") << max << QByteArray("\r\n") << max + 2 << qint64(0);
    QTest::newRow("ten-times") << 10 * max << QByteArray("\n") << qsizetype(4096) << qint64(9 * max);
    QTest::newRow("no-newline") << 3 * max << QByteArray() << qsizetype(4096) << qint64(2 * max);
}

// A line over the cap keeps its beginning and says how much was cut; the next line is whole.
void TestOutputLineSplitter::longLinesAreCut()
{
    QFETCH(qsizetype, length);
    QFETCH(QByteArray, ending);
    QFETCH(qsizetype, chunk);
    QFETCH(qint64, cut);
    // Without an ending, the long line is the stream's last, delivered when it ends.
    const QByteArray bytes = QByteArray(length, 'x') + (ending.isEmpty() ? QByteArray() : ending + "next\n");
    OutputLineSplitter splitter;
    QList<SplitLine> got;
    for (qsizetype at = 0; at < bytes.size(); at += chunk) {
        got += splitter.feed(QByteArrayView(bytes).sliced(at, std::min(chunk, bytes.size() - at)));
        QVERIFY(splitter.bufferedCharacters() <= OutputLineSplitter::maxLineLength);
    }
    if (ending.isEmpty()) {
        QCOMPARE(got.size(), 0);
        got.append(splitter.takeRemainder());
    } else {
        QCOMPARE(got.size(), 2);
        QCOMPARE(got.at(1).text, QStringLiteral("next"));
        QCOMPARE(got.at(1).cutCharacters, 0);
    }
    QCOMPARE(got.at(0).text, QString(std::min(length, OutputLineSplitter::maxLineLength), QLatin1Char('x')));
    QCOMPARE(got.at(0).cutCharacters, cut);
    QCOMPARE(outputLineText(got.at(0)).contains(QStringLiteral("line cut by ProcessLab")), cut > 0);
}

// 40 MB without a newline in 4 KiB reads took 43 s when each read rescanned the whole
// unfinished line; now each byte is looked at once. The limit only bounds a busy machine.
void TestOutputLineSplitter::hugeLineWithoutNewlineIsLinear()
{
    constexpr qsizetype total = 40 * 1024 * 1024;
    const QByteArray read(4096, 'x');
    OutputLineSplitter splitter;
    QElapsedTimer timer;
    timer.start();
    for (qsizetype fed = 0; fed < total; fed += read.size())
        QVERIFY(splitter.feed(read).isEmpty());
    const SplitLine line = splitter.takeRemainder();
    QVERIFY2(timer.elapsed() < 20000, qPrintable(QStringLiteral("%1 ms").arg(timer.elapsed())));
    QCOMPARE(line.text.size(), OutputLineSplitter::maxLineLength);
    QCOMPARE(line.cutCharacters, total - OutputLineSplitter::maxLineLength);
}

QTEST_GUILESS_MAIN(TestOutputLineSplitter)
#include "tst_outputlinesplitter.moc"
