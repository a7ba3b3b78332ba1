// SPDX-License-Identifier: MIT
// The walkthroughs the app ships (resources/walkthroughs/*.json, issue 12): each one loads
// against the registered examples (every code line, pane, knob and event target resolves), its
// id is its file name, its text is real prose in both languages, and the set is complete: one
// per example, the tour and the five traps. That each one plays on real runs:
// tst_shipped_walkthroughs_play.
#include "examples/exampleregistry.h"
#include "walkthrough/walkthrough.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTest>

using namespace ProcessLab;

namespace {

QDir shippedDir()
{
    return QDir(QStringLiteral(PROCESSLAB_WALKTHROUGHS_DIR));
}

QStringList shippedIds()
{
    QStringList ids;
    const QFileInfoList files = shippedDir().entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QFileInfo &file : files)
        ids << file.completeBaseName();
    return ids;
}

// The visible text of limited rich text (docs/walkthroughs.md: <b> <i> <code> <br>).
QString visibleText(const QString &richText)
{
    static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
    return QString(richText).replace(tag, QStringLiteral(" ")).simplified();
}

qsizetype cjkCount(const QString &text)
{
    return std::count_if(text.cbegin(), text.cend(),
                         [](QChar c) { return c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff; });
}

// Real prose, not a placeholder: a sentence in English; Chinese that is mostly Chinese.
// Returns what is wrong, or empty.
QString proseProblem(const LocalizedText &text, qsizetype minEnglishWords)
{
    const QString en = visibleText(text.en);
    const QString zh = visibleText(text.zhCN);
    static const QRegularExpression placeholder(QStringLiteral("\\b(TODO|FIXME|TBD|XXX|lorem)\\b"),
                                                QRegularExpression::CaseInsensitiveOption);
    if (en.split(QLatin1Char(' '), Qt::SkipEmptyParts).size() < minEnglishWords)
        return QStringLiteral("English too short: \"%1\"").arg(en);
    if (cjkCount(en) > 0)
        return QStringLiteral("English with Chinese characters: \"%1\"").arg(en);
    if (cjkCount(zh) < minEnglishWords)
        return QStringLiteral("Chinese too short or not Chinese: \"%1\"").arg(zh);
    if (placeholder.match(en).hasMatch() || placeholder.match(zh).hasMatch())
        return QStringLiteral("placeholder text: \"%1\" / \"%2\"").arg(en, zh);
    return {};
}

// Each trap of issue 12, the example it stages and the knob value that makes the trap.
struct Trap
{
    const char *id;
    const char *example;
    const char *knob;
    QVariant value; // the knob must reach this value in some step (or at the start)
};

const QList<Trap> &traps()
{
    static const QList<Trap> list = {
        {"trap-join-order", "process", "joins", QStringLiteral("after-each-start")},
        {"trap-missing-sentinel", "queue", "sentinel", false},
        {"trap-join-before-drain", "queue", "consumers-start", QStringLiteral("after-join")},
        {"trap-race", "shared", "lock", false},
        {"trap-pool-kill", "pool", "kill-worker-after", QVariant()}, // any value but 0
    };
    return list;
}

bool reachesKnob(const Walkthrough &w, const Trap &trap)
{
    const auto matches = [&](const QVariantMap &knobs) {
        const QVariant value = knobs.value(QLatin1String(trap.knob));
        if (!trap.value.isValid())
            return value.isValid() && value.toDouble() != 0;
        return value == trap.value || value.toString() == trap.value.toString();
    };
    if (matches(w.knobs))
        return true;
    return std::any_of(w.steps.cbegin(), w.steps.cend(),
                       [&](const WalkthroughStep &step) { return matches(step.knobs); });
}

} // namespace

class TstShippedWalkthroughs : public QObject
{
    Q_OBJECT

private slots:
    void loads_data()
    {
        QTest::addColumn<QString>("id");
        const QStringList ids = shippedIds();
        for (const QString &id : ids)
            QTest::newRow(qPrintable(id)) << id;
    }

    // Valid against the loader (targets included), id == file name, 5-10 steps, real prose in
    // both languages everywhere, at least one prediction, and something that runs.
    void loads()
    {
        QFETCH(QString, id);
        const WalkthroughLoadResult loaded = loadWalkthrough(shippedDir().filePath(id + QStringLiteral(".json")));
        QVERIFY2(loaded.walkthrough, qPrintable(loaded.error));
        const Walkthrough &w = *loaded.walkthrough;
        QCOMPARE(w.id, id);
        QVERIFY2(proseProblem(w.title, 2).isEmpty(), qPrintable(proseProblem(w.title, 2)));
        QVERIFY2(w.steps.size() >= 5 && w.steps.size() <= 10,
                 qPrintable(QStringLiteral("%1 steps (5-10 expected)").arg(w.steps.size())));

        int predictions = 0;
        bool runs = false;
        for (qsizetype i = 0; i < w.steps.size(); ++i) {
            const WalkthroughStep &step = w.steps.at(i);
            const QString where = QStringLiteral("steps[%1] (line %2): ").arg(i).arg(step.sourceLine);
            const QString narration = proseProblem(step.narration, 6);
            QVERIFY2(narration.isEmpty(), qPrintable(where + QStringLiteral("narration: ") + narration));
            const bool showsSomething = step.show.firstCodeLine > 0 || !step.show.panes.isEmpty()
                || !step.show.timelineRows.isEmpty() || !step.show.knobs.isEmpty() || !step.show.tab.isEmpty();
            QVERIFY2(showsSomething, qPrintable(where + QStringLiteral("shows nothing")));
            using Kind = WalkthroughAction::Kind;
            runs = runs || step.action.kind == Kind::Run || step.action.kind == Kind::RunUntil
                || step.action.kind == Kind::Step;
            if (!step.prediction)
                continue;
            ++predictions;
            const WalkthroughPrediction &p = *step.prediction;
            QVERIFY2(proseProblem(p.question, 3).isEmpty(), qPrintable(where + proseProblem(p.question, 3)));
            QVERIFY2(proseProblem(p.explanation, 8).isEmpty(), qPrintable(where + proseProblem(p.explanation, 8)));
        }
        QVERIFY2(predictions >= 1, "no prediction");
        QVERIFY2(runs, "nothing runs");
    }

    // One walkthrough per registered example, named after it; the tour; the five traps, each on
    // its example with the knob that stages it.
    void complete()
    {
        const QStringList ids = shippedIds();
        for (const ExampleDefinition &example : ExampleRegistry::all()) {
            QVERIFY2(ids.contains(example.id), qPrintable(QStringLiteral("no walkthrough for %1").arg(example.id)));
            const WalkthroughLoadResult loaded = loadWalkthrough(shippedDir().filePath(example.id + QStringLiteral(".json")));
            QVERIFY2(loaded.walkthrough, qPrintable(loaded.error));
            QCOMPARE(loaded.walkthrough->example, example.id);
        }
        QVERIFY(ids.contains(QStringLiteral("tour")));
        for (const Trap &trap : traps()) {
            const QString id = QLatin1String(trap.id);
            QVERIFY2(ids.contains(id), qPrintable(QStringLiteral("no walkthrough %1").arg(id)));
            const WalkthroughLoadResult loaded = loadWalkthrough(shippedDir().filePath(id + QStringLiteral(".json")));
            QVERIFY2(loaded.walkthrough, qPrintable(loaded.error));
            QCOMPARE(loaded.walkthrough->example, QLatin1String(trap.example));
            QVERIFY2(reachesKnob(*loaded.walkthrough, trap),
                     qPrintable(QStringLiteral("%1 never sets %2").arg(id, QLatin1String(trap.knob))));
        }
    }
};

QTEST_GUILESS_MAIN(TstShippedWalkthroughs)
#include "tst_shipped_walkthroughs.moc"
