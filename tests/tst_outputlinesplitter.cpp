// SPDX-License-Identifier: MIT
#include "runtime/outputlinesplitter.h"

#include <QTest>

using namespace ProcessLab;

class TestOutputLineSplitter : public QObject
{
    Q_OBJECT
private slots:
    void split_data();
    void split();
    void everySplitPointOfChineseText();
};

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
        got += splitter.feed(read);
    QCOMPARE(got, lines);
    QCOMPARE(splitter.takeRemainder(), remainder);
    QVERIFY(!splitter.hasRemainder());
}

void TestOutputLineSplitter::everySplitPointOfChineseText()
{
    const QString text = QStringLiteral("示例1:使用 Process 类创建新的进程");
    const QByteArray bytes = (text + QLatin1Char('\n')).toUtf8();
    for (qsizetype cut = 1; cut < bytes.size(); ++cut) {
        OutputLineSplitter splitter;
        QStringList got = splitter.feed(bytes.first(cut));
        got += splitter.feed(bytes.sliced(cut));
        QCOMPARE(got, QStringList{text});
    }
}

QTEST_GUILESS_MAIN(TestOutputLineSplitter)
#include "tst_outputlinesplitter.moc"
