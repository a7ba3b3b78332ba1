// SPDX-License-Identifier: MIT
#include "walkthrough.h"

#include "examples/exampleregistry.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>

namespace ProcessLab {

namespace {

// A walkthrough file is small text a person writes; anything larger is not one.
constexpr qint64 maxWalkthroughFileBytes = 1024 * 1024;
constexpr int formatVersion = 1;

// The line each value of a (syntactically valid) JSON text starts on, by field path
// ("steps[2].narration.en"); QJsonDocument keeps no positions, and messages must name lines.
class JsonLineIndex
{
public:
    explicit JsonLineIndex(const QByteArray &text) : m_text(text) { value(QString()); }
    int line(const QString &path) const { return m_lines.value(path, 0); } // 0: not in the file
    // A number, true/false or null as the file spells it ("1e300"), for messages; else empty.
    QString literal(const QString &path) const { return m_literals.value(path); }

private:
    void skipSpace()
    {
        while (m_pos < m_text.size()) {
            const char c = m_text.at(m_pos);
            if (c == '\n')
                ++m_line;
            else if (c != ' ' && c != '\t' && c != '\r')
                return;
            ++m_pos;
        }
    }
    QString string()
    {
        const qsizetype start = ++m_pos; // after the opening quote
        while (m_pos < m_text.size() && m_text.at(m_pos) != '"')
            m_pos += m_text.at(m_pos) == '\\' ? 2 : 1;
        const QByteArray raw = m_text.mid(start, m_pos - start);
        ++m_pos;
        // Keys with escapes are rare; decoding them through QJsonDocument keeps them exact.
        if (!raw.contains('\\'))
            return QString::fromUtf8(raw);
        return QJsonDocument::fromJson("[\"" + raw + "\"]").array().at(0).toString();
    }
    void value(const QString &path)
    {
        skipSpace();
        if (m_pos >= m_text.size())
            return;
        m_lines.insert(path, m_line);
        const char c = m_text.at(m_pos);
        if (c == '{') {
            ++m_pos;
            for (;;) {
                skipSpace();
                if (m_pos >= m_text.size() || m_text.at(m_pos) == '}')
                    break;
                if (m_text.at(m_pos) == ',') {
                    ++m_pos;
                    continue;
                }
                const QString key = string();
                skipSpace();
                ++m_pos; // ':'
                value(path.isEmpty() ? key : path + QLatin1Char('.') + key);
            }
            ++m_pos;
        } else if (c == '[') {
            ++m_pos;
            for (int index = 0;; ++index) {
                skipSpace();
                if (m_pos >= m_text.size() || m_text.at(m_pos) == ']')
                    break;
                if (m_text.at(m_pos) == ',') {
                    ++m_pos;
                    --index;
                    continue;
                }
                value(QStringLiteral("%1[%2]").arg(path).arg(index));
            }
            ++m_pos;
        } else if (c == '"') {
            string();
        } else {
            const qsizetype start = m_pos;
            while (m_pos < m_text.size() && !QByteArrayView(",]} \t\r\n").contains(m_text.at(m_pos)))
                ++m_pos;
            m_literals.insert(path, QString::fromUtf8(m_text.mid(start, m_pos - start)));
        }
    }

    const QByteArray &m_text;
    qsizetype m_pos = 0;
    int m_line = 1;
    QHash<QString, int> m_lines;
    QHash<QString, QString> m_literals;
};

struct LoadError
{
    QString path;
    QString message;
};

// What a step may name, for the knobs in effect: computed from the example's own program.
struct ExampleTargets
{
    int listingLines = 0;
    QSet<QString> processes;
    QSet<QString> objects;
    QList<int> statementLines; // listing lines main runs a statement of (ScriptStep events), sorted
    bool hasPool = false;

    bool hasProcess(const QString &role) const
    {
        static const QRegularExpression poolWorker(QStringLiteral("^PoolWorker-[1-9][0-9]*$"));
        return processes.contains(role) || (hasPool && poolWorker.match(role).hasMatch());
    }
    QString processList() const
    {
        QStringList names(processes.cbegin(), processes.cend());
        names.sort();
        if (hasPool)
            names << QStringLiteral("PoolWorker-N");
        return names.join(QStringLiteral(", "));
    }
};

ExampleTargets targetsOf(const ExampleDefinition &example, const QVariantMap &knobs)
{
    ExampleTargets targets;
    const PythonProgram program = example.pythonProgram(knobs);
    targets.listingLines = static_cast<int>(program.text.count(QLatin1Char('\n')));
    if (!program.text.isEmpty() && !program.text.endsWith(QLatin1Char('\n')))
        ++targets.listingLines;
    const HostScript script = example.script(knobs);
    targets.processes.insert(QStringLiteral("Main"));
    for (const WorkerSpec &worker : script.workers)
        targets.processes.insert(worker.role);
    QSet<int> lines;
    for (const ScriptStep &step : script.steps) {
        if (step.sourceLine > 0)
            lines.insert(step.sourceLine);
        if (step.kind != ScriptStep::Kind::CreateObject)
            continue;
        targets.objects.insert(step.object);
        if (step.method == QLatin1String("Pool"))
            targets.hasPool = true;
    }
    targets.statementLines = QList<int>(lines.cbegin(), lines.cend());
    std::sort(targets.statementLines.begin(), targets.statementLines.end());
    return targets;
}

class Parser
{
public:
    explicit Parser(const JsonLineIndex &lines) : m_lines(lines) {}

    std::optional<LoadError> error;

    // Field access: every helper records the first error and returns an empty value after it.
    QJsonValue member(const QJsonObject &object, const QString &objectPath, const QString &key, bool required)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() && required)
            fail(objectPath, key, QStringLiteral("missing"));
        return value;
    }
    QString string(const QJsonObject &object, const QString &objectPath, const QString &key, bool required)
    {
        const QJsonValue value = member(object, objectPath, key, required);
        if (value.isUndefined())
            return {};
        if (!value.isString() || (required && value.toString().trimmed().isEmpty())) {
            fail(objectPath, key, QStringLiteral("expected a non-empty string"));
            return {};
        }
        return value.toString();
    }
    std::optional<QJsonObject> object(const QJsonObject &parent, const QString &parentPath, const QString &key,
                                      bool required)
    {
        const QJsonValue value = member(parent, parentPath, key, required);
        if (value.isUndefined())
            return std::nullopt;
        if (!value.isObject()) {
            fail(parentPath, key, QStringLiteral("expected an object"));
            return std::nullopt;
        }
        return value.toObject();
    }
    std::optional<QJsonArray> array(const QJsonObject &parent, const QString &parentPath, const QString &key,
                                    bool required)
    {
        const QJsonValue value = member(parent, parentPath, key, required);
        if (value.isUndefined())
            return std::nullopt;
        if (!value.isArray()) {
            fail(parentPath, key, QStringLiteral("expected an array"));
            return std::nullopt;
        }
        return value.toArray();
    }
    // {"en": "...", "zh_CN": "..."}: both languages, non-empty, limited rich text.
    LocalizedText localized(const QJsonObject &parent, const QString &parentPath, const QString &key, bool required)
    {
        const QJsonValue value = member(parent, parentPath, key, required);
        if (value.isUndefined())
            return {};
        return localizedValue(value, join(parentPath, key));
    }
    LocalizedText localizedValue(const QJsonValue &value, const QString &path)
    {
        if (!value.isObject()) {
            fail(path, QStringLiteral("expected an object with \"en\" and \"zh_CN\""));
            return {};
        }
        const QJsonObject texts = value.toObject();
        LocalizedText result;
        result.en = string(texts, path, QStringLiteral("en"), true);
        result.zhCN = string(texts, path, QStringLiteral("zh_CN"), true);
        for (auto it = texts.begin(); it != texts.end(); ++it)
            if (it.key() != QLatin1String("en") && it.key() != QLatin1String("zh_CN"))
                fail(path, it.key(), QStringLiteral("unknown language (expected \"en\" and \"zh_CN\")"));
        checkRichText(result.en, join(path, QStringLiteral("en")));
        checkRichText(result.zhCN, join(path, QStringLiteral("zh_CN")));
        return result;
    }
    void unknownKeys(const QJsonObject &object, const QString &path, const QStringList &known)
    {
        for (auto it = object.begin(); it != object.end(); ++it)
            if (!known.contains(it.key()))
                fail(path, it.key(), QStringLiteral("unknown field (expected one of: %1)").arg(known.join(u", ")));
    }
    void fail(const QString &objectPath, const QString &key, const QString &message)
    {
        fail(join(objectPath, key), message);
    }
    void fail(const QString &path, const QString &message)
    {
        if (!error)
            error = LoadError{path, message};
    }
    static QString join(const QString &path, const QString &key)
    {
        return path.isEmpty() ? key : path + QLatin1Char('.') + key;
    }

    // A value as the file spells it: a number's literal ("1e300"), else its JSON text.
    QString asTyped(const QJsonValue &value, const QString &path) const
    {
        const QString literal = m_lines.literal(path);
        if (!literal.isEmpty())
            return literal;
        return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
    }

private:
    const JsonLineIndex &m_lines;

    void checkRichText(const QString &text, const QString &path)
    {
        static const QRegularExpression tag(QStringLiteral("<\\s*(/?)\\s*([^\\s>/]*)([^>]*)>"));
        static const QStringList allowed = {QStringLiteral("b"), QStringLiteral("i"), QStringLiteral("code"),
                                            QStringLiteral("br")};
        for (auto it = tag.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            const QString name = match.captured(2).toLower();
            const QString rest = match.captured(3).trimmed();
            if (!allowed.contains(name) || !(rest.isEmpty() || rest == QLatin1String("/"))) {
                fail(path, QStringLiteral("tag %1 is not allowed (only <b>, <i>, <code>, <br>)").arg(match.captured(0)));
                return;
            }
        }
    }
};

// Resolves `given` over `base` (the knobs in effect) for the example; fails on the field.
std::optional<QVariantMap> resolveOver(Parser &parser, const ExampleDefinition &example, const QVariantMap &base,
                                       const QJsonObject &given, const QString &path)
{
    QVariantMap merged = base;
    for (auto it = given.begin(); it != given.end(); ++it) {
        const auto knob = std::find_if(example.knobs.cbegin(), example.knobs.cend(),
                                       [&](const KnobSpec &spec) { return spec.name == it.key(); });
        if (knob == example.knobs.cend()) {
            QStringList names;
            for (const KnobSpec &spec : example.knobs)
                names << spec.name;
            parser.fail(path, it.key(),
                        QStringLiteral("example \"%1\" has no such knob (it has: %2)")
                            .arg(example.id, names.isEmpty() ? QStringLiteral("none") : names.join(u", ")));
            return std::nullopt;
        }
        // Through the CLI's parser, so a file accepts what `--set name=value` accepts.
        // A number is passed as the file spells it ("4", "1e300"), as `--set workers=1e300` would be.
        const QJsonValue value = it.value();
        QString text;
        if (value.isBool())
            text = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        else if (value.isDouble())
            text = parser.asTyped(value, Parser::join(path, it.key()));
        else if (value.isString())
            text = value.toString();
        else {
            parser.fail(path, it.key(), QStringLiteral("expected a number, true/false or a string"));
            return std::nullopt;
        }
        QString error;
        const std::optional<QVariant> parsed = parseKnobValue(*knob, text, &error, it.key());
        if (!parsed) {
            // The message names the knob as asked ("workers: expected ..."); the path names it already.
            const QString named = it.key() + QStringLiteral(": ");
            parser.fail(path, it.key(), error.startsWith(named) ? error.mid(named.size()) : error);
            return std::nullopt;
        }
        merged.insert(it.key(), *parsed);
    }
    QString error;
    std::optional<QVariantMap> resolved = resolveKnobs(example.knobs, merged, &error);
    if (!resolved)
        parser.fail(path, error);
    return resolved;
}

void parseShow(Parser &parser, const QJsonObject &show, const QString &path, const ExampleDefinition &example,
               const ExampleTargets &targets, WalkthroughShow &result)
{
    parser.unknownKeys(show, path,
                       {QStringLiteral("code"), QStringLiteral("panes"), QStringLiteral("timeline"),
                        QStringLiteral("knobs"), QStringLiteral("tab")});
    if (const auto code = parser.array(show, path, QStringLiteral("code"), false)) {
        const QString codePath = Parser::join(path, QStringLiteral("code"));
        const auto wholeNumber = [](const QJsonValue &value) {
            // toInt() gives 0 for 1.7 and 2e9: check the number is whole and fits first.
            return value.isDouble() && value.toDouble() == static_cast<double>(value.toInt());
        };
        if (code->size() != 2) {
            parser.fail(codePath, QStringLiteral("expected [first, last] line numbers"));
        } else if (!wholeNumber(code->at(0)) || !wholeNumber(code->at(1))) {
            parser.fail(codePath, QStringLiteral("expected whole line numbers [first, last], got [%1, %2]")
                                      .arg(parser.asTyped(code->at(0), codePath + QStringLiteral("[0]")),
                                           parser.asTyped(code->at(1), codePath + QStringLiteral("[1]"))));
        } else {
            result.firstCodeLine = code->at(0).toInt();
            result.lastCodeLine = code->at(1).toInt();
            if (result.firstCodeLine < 1 || result.lastCodeLine < result.firstCodeLine
                || result.lastCodeLine > targets.listingLines)
                parser.fail(codePath, QStringLiteral("lines %1-%2 are not in the listing (lines 1-%3 for these knobs)")
                                          .arg(result.firstCodeLine)
                                          .arg(result.lastCodeLine)
                                          .arg(targets.listingLines));
        }
    }
    const auto processes = [&](const QString &key, QStringList &into) {
        const auto list = parser.array(show, path, key, false);
        if (!list)
            return;
        for (qsizetype i = 0; i < list->size(); ++i) {
            const QString itemPath = QStringLiteral("%1[%2]").arg(Parser::join(path, key)).arg(i);
            const QString role = list->at(i).toString();
            if (!list->at(i).isString())
                parser.fail(itemPath, QStringLiteral("expected a process name"));
            else if (!targets.hasProcess(role))
                parser.fail(itemPath, QStringLiteral("no process \"%1\" in this run (processes: %2)")
                                          .arg(role, targets.processList()));
            into << role;
        }
    };
    processes(QStringLiteral("panes"), result.panes);
    processes(QStringLiteral("timeline"), result.timelineRows);
    if (const auto knobs = parser.array(show, path, QStringLiteral("knobs"), false)) {
        for (qsizetype i = 0; i < knobs->size(); ++i) {
            if (!knobs->at(i).isString()) {
                parser.fail(QStringLiteral("%1.knobs[%2]").arg(path).arg(i), QStringLiteral("expected a knob name"));
                continue;
            }
            const QString name = knobs->at(i).toString();
            const bool known = std::any_of(example.knobs.cbegin(), example.knobs.cend(),
                                           [&](const KnobSpec &spec) { return spec.name == name; });
            if (!known)
                parser.fail(QStringLiteral("%1.knobs[%2]").arg(path).arg(i),
                            QStringLiteral("example \"%1\" has no knob \"%2\"").arg(example.id, name));
            result.knobs << name;
        }
    }
    result.tab = parser.string(show, path, QStringLiteral("tab"), false);
    if (show.contains(QLatin1String("tab")) && !walkthroughTabs().contains(result.tab))
        parser.fail(path, QStringLiteral("tab"),
                    QStringLiteral("unknown tab \"%1\" (tabs: %2)").arg(result.tab, walkthroughTabs().join(u", ")));
    // Timeline rows are only seen on the timeline tab: another tab in front would hide the frames.
    else if (!result.timelineRows.isEmpty() && !result.tab.isEmpty() && result.tab != QLatin1String("timeline"))
        parser.fail(path, QStringLiteral("timeline"),
                    QStringLiteral("timeline rows are shown on the \"timeline\" tab, but this step brings \"%1\" to "
                                   "the front (use \"tab\": \"timeline\" or leave \"tab\" out)")
                        .arg(result.tab));
}

WalkthroughEvent parseEvent(Parser &parser, const QJsonObject &event, const QString &path,
                            const ExampleTargets &targets)
{
    WalkthroughEvent result;
    const QString kind = parser.string(event, path, QStringLiteral("kind"), true);
    const auto process = [&](bool required) {
        result.process = parser.string(event, path, QStringLiteral("process"), required);
        if (!result.process.isEmpty() && !targets.hasProcess(result.process))
            parser.fail(path, QStringLiteral("process"),
                        QStringLiteral("no process \"%1\" in this run (processes: %2)")
                            .arg(result.process, targets.processList()));
    };
    if (kind == QLatin1String("output")) {
        result.kind = WalkthroughEvent::Kind::Output;
        parser.unknownKeys(event, path, {QStringLiteral("kind"), QStringLiteral("process"), QStringLiteral("text")});
        process(true);
        result.text = parser.string(event, path, QStringLiteral("text"), true);
    } else if (kind == QLatin1String("ipc")) {
        result.kind = WalkthroughEvent::Kind::Ipc;
        parser.unknownKeys(event, path,
                           {QStringLiteral("kind"), QStringLiteral("process"), QStringLiteral("object"),
                            QStringLiteral("op"), QStringLiteral("depth")});
        process(false);
        result.object = parser.string(event, path, QStringLiteral("object"), true);
        if (!result.object.isEmpty() && !targets.objects.contains(result.object)) {
            QStringList names(targets.objects.cbegin(), targets.objects.cend());
            names.sort();
            parser.fail(path, QStringLiteral("object"),
                        QStringLiteral("the program creates no object \"%1\" (objects: %2)")
                            .arg(result.object, names.isEmpty() ? QStringLiteral("none") : names.join(u", ")));
        }
        // The operations the record holds (IpcOperation's op, ipcOpName()): a value read is not one.
        static const QStringList ops = {QStringLiteral("put"),     QStringLiteral("get"),     QStringLiteral("send"),
                                        QStringLiteral("recv"),    QStringLiteral("write"),   QStringLiteral("acquire"),
                                        QStringLiteral("release"), QStringLiteral("blocked"), QStringLiteral("close"),
                                        QStringLiteral("failed")};
        result.op = parser.string(event, path, QStringLiteral("op"), true);
        if (!result.op.isEmpty() && !ops.contains(result.op))
            parser.fail(path, QStringLiteral("op"),
                        QStringLiteral("unknown operation \"%1\" (operations: %2)").arg(result.op, ops.join(u", ")));
        if (event.contains(QLatin1String("depth"))) {
            const QJsonValue depth = event.value(QLatin1String("depth"));
            if (!depth.isDouble() || depth.toDouble() != depth.toInt() || depth.toInt() < 0)
                parser.fail(path, QStringLiteral("depth"), QStringLiteral("expected a whole number >= 0"));
            else
                result.depth = depth.toInt();
        }
    } else if (kind == QLatin1String("process-ended")) {
        result.kind = WalkthroughEvent::Kind::ProcessEnded;
        parser.unknownKeys(event, path, {QStringLiteral("kind"), QStringLiteral("process")});
        process(true);
    } else if (kind == QLatin1String("run-finished")) {
        result.kind = WalkthroughEvent::Kind::RunFinished;
        parser.unknownKeys(event, path, {QStringLiteral("kind")});
    } else if (kind == QLatin1String("statement")) {
        result.kind = WalkthroughEvent::Kind::Statement;
        parser.unknownKeys(event, path, {QStringLiteral("kind"), QStringLiteral("line")});
        const QJsonValue line = parser.member(event, path, QStringLiteral("line"), true);
        if (!line.isUndefined()) {
            if (!line.isDouble() || line.toDouble() != line.toInt() || line.toInt() < 1) {
                parser.fail(path, QStringLiteral("line"), QStringLiteral("expected a listing line (a whole number >= 1)"));
            } else if (line.toInt() > targets.listingLines) {
                parser.fail(path, QStringLiteral("line"),
                            QStringLiteral("line %1 is not in the listing (lines 1-%2 for these knobs)")
                                .arg(line.toInt())
                                .arg(targets.listingLines));
            } else if (!targets.statementLines.contains(line.toInt())) {
                QStringList lines;
                for (const int known : targets.statementLines)
                    lines << QString::number(known);
                parser.fail(path, QStringLiteral("line"),
                            QStringLiteral("the main program runs no statement on line %1 (statements on lines: %2)")
                                .arg(line.toInt())
                                .arg(lines.join(u", ")));
            } else {
                result.line = line.toInt();
            }
        }
    } else if (kind == QLatin1String("pool-task")) {
        result.kind = WalkthroughEvent::Kind::PoolTask;
        parser.unknownKeys(event, path, {QStringLiteral("kind"), QStringLiteral("phase"), QStringLiteral("task")});
        if (!targets.hasPool)
            parser.fail(path, QStringLiteral("kind"), QStringLiteral("the program creates no Pool"));
        static const QStringList phases = {QStringLiteral("started"), QStringLiteral("finished"),
                                           QStringLiteral("failed"), QStringLiteral("lost")};
        result.op = parser.string(event, path, QStringLiteral("phase"), true);
        if (!result.op.isEmpty() && !phases.contains(result.op))
            parser.fail(path, QStringLiteral("phase"),
                        QStringLiteral("unknown phase \"%1\" (phases: %2)").arg(result.op, phases.join(u", ")));
        if (event.contains(QLatin1String("task"))) {
            const QJsonValue task = event.value(QLatin1String("task"));
            if (!task.isDouble() || task.toDouble() != task.toInt() || task.toInt() < 1)
                parser.fail(path, QStringLiteral("task"), QStringLiteral("expected a task number (a whole number >= 1)"));
            else
                result.task = task.toInt();
        }
    } else if (!kind.isEmpty()) {
        parser.fail(path, QStringLiteral("kind"),
                    QStringLiteral("unknown event \"%1\" (events: output, ipc, process-ended, run-finished, statement, "
                                   "pool-task)")
                        .arg(kind));
    }
    return result;
}

std::optional<WalkthroughPrediction> parsePrediction(Parser &parser, const QJsonObject &prediction,
                                                     const QString &path, const ExampleTargets &targets)
{
    WalkthroughPrediction result;
    parser.unknownKeys(prediction, path,
                       {QStringLiteral("kind"), QStringLiteral("question"), QStringLiteral("choices"),
                        QStringLiteral("answer"), QStringLiteral("tolerance"), QStringLiteral("measure"),
                        QStringLiteral("explanation"), QStringLiteral("process"), QStringLiteral("prefix")});
    // `answer` and `tolerance` of a number (or of the number a choice is compared with).
    const auto numberAnswer = [&](WalkthroughPrediction &into) {
        const QJsonValue answer = parser.member(prediction, path, QStringLiteral("answer"), true);
        if (!answer.isUndefined() && !answer.isDouble())
            parser.fail(path, QStringLiteral("answer"), QStringLiteral("expected a number"));
        into.answerNumber = answer.toDouble();
        const QJsonValue tolerance = prediction.value(QLatin1String("tolerance"));
        if (!tolerance.isUndefined() && (!tolerance.isDouble() || tolerance.toDouble() < 0))
            parser.fail(path, QStringLiteral("tolerance"), QStringLiteral("expected a number >= 0"));
        into.tolerance = tolerance.toDouble();
    };
    // "output-number": who prints the number and the text before it, then the answer.
    const auto outputNumber = [&](WalkthroughPrediction &into) {
        into.process = parser.string(prediction, path, QStringLiteral("process"), true);
        if (!into.process.isEmpty() && !targets.hasProcess(into.process))
            parser.fail(path, QStringLiteral("process"),
                        QStringLiteral("no process \"%1\" in this run (processes: %2)")
                            .arg(into.process, targets.processList()));
        const QJsonValue prefix = parser.member(prediction, path, QStringLiteral("prefix"), true);
        if (!prefix.isUndefined() && !prefix.isString())
            parser.fail(path, QStringLiteral("prefix"), QStringLiteral("expected a string"));
        into.prefix = prefix.toString();
        numberAnswer(into);
    };
    const QString kind = parser.string(prediction, path, QStringLiteral("kind"), true);
    result.question = parser.localized(prediction, path, QStringLiteral("question"), true);
    result.explanation = parser.localized(prediction, path, QStringLiteral("explanation"), true);
    const QString measure = parser.string(prediction, path, QStringLiteral("measure"), false);
    if (kind == QLatin1String("choice")) {
        result.kind = WalkthroughPrediction::Kind::Choice;
        if (measure.isEmpty() || measure == QLatin1String("fixed"))
            result.measure = WalkthroughPrediction::Measure::Fixed;
        else if (measure == QLatin1String("first-output"))
            result.measure = WalkthroughPrediction::Measure::FirstOutput;
        else if (measure == QLatin1String("output-number"))
            result.measure = WalkthroughPrediction::Measure::OutputNumber;
        else
            parser.fail(path, QStringLiteral("measure"),
                        QStringLiteral("a choice is compared by \"fixed\", \"first-output\" or \"output-number\", "
                                       "not \"%1\"")
                            .arg(measure));
        const auto choices = parser.array(prediction, path, QStringLiteral("choices"), true);
        if (choices && choices->size() < 2)
            parser.fail(path, QStringLiteral("choices"), QStringLiteral("expected at least 2 choices"));
        for (qsizetype i = 0; choices && i < choices->size(); ++i) {
            const QString choicePath = QStringLiteral("%1.choices[%2]").arg(path).arg(i);
            if (!choices->at(i).isObject()) {
                parser.fail(choicePath, QStringLiteral("expected an object"));
                break;
            }
            const QJsonObject choice = choices->at(i).toObject();
            parser.unknownKeys(choice, choicePath, {QStringLiteral("en"), QStringLiteral("zh_CN"), QStringLiteral("match")});
            QJsonObject texts = choice;
            texts.remove(QLatin1String("match"));
            result.choices << parser.localizedValue(texts, choicePath);
            const bool measured = result.measure == WalkthroughPrediction::Measure::FirstOutput
                                  || result.measure == WalkthroughPrediction::Measure::OutputNumber;
            const QString match = parser.string(choice, choicePath, QStringLiteral("match"), measured);
            if (!measured && choice.contains(QLatin1String("match")))
                parser.fail(choicePath, QStringLiteral("match"),
                            QStringLiteral("only a choice measured by \"first-output\" or \"output-number\" has "
                                           "\"match\""));
            static const QStringList relations = {QStringLiteral("below"), QStringLiteral("equal"), QStringLiteral("above")};
            if (result.measure == WalkthroughPrediction::Measure::OutputNumber && !match.isEmpty()
                && !relations.contains(match))
                parser.fail(choicePath, QStringLiteral("match"),
                            QStringLiteral("with \"output-number\" a choice matches \"below\", \"equal\" or "
                                           "\"above\" the answer, not \"%1\"")
                                .arg(match));
            result.choiceMatches << match;
        }
        if (result.measure == WalkthroughPrediction::Measure::Fixed) {
            const QJsonValue answer = parser.member(prediction, path, QStringLiteral("answer"), true);
            const int count = choices ? static_cast<int>(choices->size()) : 0;
            if (!answer.isUndefined()) {
                if (!answer.isDouble() || answer.toDouble() != answer.toInt() || answer.toInt() < 0
                    || answer.toInt() >= count)
                    parser.fail(path, QStringLiteral("answer"),
                                QStringLiteral("expected the 0-based index of a choice (0-%1)").arg(count - 1));
                else
                    result.answerChoice = answer.toInt();
            }
        } else if (result.measure == WalkthroughPrediction::Measure::OutputNumber) {
            outputNumber(result); // the number the run prints is compared with `answer`
        } else if (prediction.contains(QLatin1String("answer"))) {
            parser.fail(path, QStringLiteral("answer"),
                        QStringLiteral("with \"first-output\" the run gives the answer; remove \"answer\""));
        }
    } else if (kind == QLatin1String("number")) {
        result.kind = WalkthroughPrediction::Kind::Number;
        if (measure.isEmpty() || measure == QLatin1String("fixed"))
            result.measure = WalkthroughPrediction::Measure::Fixed;
        else if (measure == QLatin1String("run-seconds"))
            result.measure = WalkthroughPrediction::Measure::RunSeconds;
        else if (measure == QLatin1String("output-number"))
            result.measure = WalkthroughPrediction::Measure::OutputNumber;
        else
            parser.fail(path, QStringLiteral("measure"),
                        QStringLiteral("a number is compared by \"fixed\", \"run-seconds\" or \"output-number\", "
                                       "not \"%1\"")
                            .arg(measure));
        if (result.measure == WalkthroughPrediction::Measure::OutputNumber)
            outputNumber(result);
        else
            numberAnswer(result);
        if (prediction.contains(QLatin1String("choices")))
            parser.fail(path, QStringLiteral("choices"), QStringLiteral("a number prediction has no choices"));
    } else if (!kind.isEmpty()) {
        parser.fail(path, QStringLiteral("kind"),
                    QStringLiteral("unknown prediction \"%1\" (expected \"choice\" or \"number\")").arg(kind));
    }
    if (result.measure != WalkthroughPrediction::Measure::OutputNumber)
        for (const QString &key : {QStringLiteral("process"), QStringLiteral("prefix")})
            if (prediction.contains(key))
                parser.fail(path, key,
                            QStringLiteral("only a prediction measured by \"output-number\" has \"%1\"").arg(key));
    if (result.kind == WalkthroughPrediction::Kind::Choice && result.measure != WalkthroughPrediction::Measure::OutputNumber
        && prediction.contains(QLatin1String("tolerance")))
        parser.fail(path, QStringLiteral("tolerance"),
                    QStringLiteral("only a number, or a choice measured by \"output-number\", has \"tolerance\""));
    return result;
}

} // namespace

const QStringList &walkthroughTabs()
{
    // The objectName()s of the app's tabs (code panel and bottom tabs).
    static const QStringList tabs = {QStringLiteral("python"),  QStringLiteral("cpp"),   QStringLiteral("timeline"),
                                     QStringLiteral("console"), QStringLiteral("history"), QStringLiteral("queue"),
                                     QStringLiteral("pipe"),    QStringLiteral("shared"),  QStringLiteral("pool"),
                                     QStringLiteral("topology")};
    return tabs;
}

WalkthroughLoadResult parseWalkthrough(const QByteArray &json, const QString &fileName)
{
    WalkthroughLoadResult result;
    if (json.size() > maxWalkthroughFileBytes) {
        result.error = QStringLiteral("%1: the file is larger than %2 bytes; not a walkthrough")
                           .arg(fileName)
                           .arg(maxWalkthroughFileBytes);
        return result;
    }
    QJsonParseError syntax;
    const QJsonDocument document = QJsonDocument::fromJson(json, &syntax);
    if (syntax.error != QJsonParseError::NoError) {
        const int line = static_cast<int>(json.left(syntax.offset).count('\n')) + 1;
        result.error = QStringLiteral("%1:%2: JSON syntax: %3").arg(fileName).arg(line).arg(syntax.errorString());
        return result;
    }
    const JsonLineIndex lines(json);
    Parser parser(lines);
    const auto failed = [&] {
        if (!parser.error)
            return false;
        // A missing field has no line: name its object's line.
        QString linePath = parser.error->path;
        int line = lines.line(linePath);
        while (line == 0 && !linePath.isEmpty()) {
            const qsizetype cut = std::max(linePath.lastIndexOf(QLatin1Char('.')), linePath.lastIndexOf(QLatin1Char('[')));
            linePath = cut < 0 ? QString() : linePath.left(cut);
            line = lines.line(linePath);
        }
        line = std::max(line, 1);
        result.error = QStringLiteral("%1:%2: %3: %4")
                           .arg(fileName)
                           .arg(line)
                           .arg(parser.error->path.isEmpty() ? QStringLiteral("(file)") : parser.error->path,
                                parser.error->message);
        return true;
    };
    if (!document.isObject()) {
        parser.fail(QString(), QStringLiteral("expected a JSON object"));
        failed();
        return result;
    }
    const QJsonObject root = document.object();
    parser.unknownKeys(root, QString(),
                       {QStringLiteral("format"), QStringLiteral("id"), QStringLiteral("title"),
                        QStringLiteral("example"), QStringLiteral("knobs"), QStringLiteral("steps")});
    const QJsonValue format = parser.member(root, QString(), QStringLiteral("format"), true);
    if (!format.isUndefined() && format.toInt(-1) != formatVersion)
        parser.fail(QStringLiteral("format"),
                    QStringLiteral("this ProcessLab reads format %1, not %2")
                        .arg(formatVersion)
                        .arg(QString::fromUtf8(QJsonDocument(QJsonArray{format}).toJson(QJsonDocument::Compact)).mid(1).chopped(1)));
    Walkthrough walkthrough;
    walkthrough.id = parser.string(root, QString(), QStringLiteral("id"), true);
    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9][a-z0-9-]*$"));
    if (!walkthrough.id.isEmpty() && !idPattern.match(walkthrough.id).hasMatch())
        parser.fail(QStringLiteral("id"), QStringLiteral("use lowercase letters, digits and '-' (\"%1\")").arg(walkthrough.id));
    walkthrough.title = parser.localized(root, QString(), QStringLiteral("title"), true);
    walkthrough.example = parser.string(root, QString(), QStringLiteral("example"), true);
    if (failed())
        return result;
    const ExampleDefinition *example = ExampleRegistry::find(walkthrough.example);
    if (!example) {
        QStringList ids;
        for (const ExampleDefinition &known : ExampleRegistry::all())
            ids << known.id;
        parser.fail(QStringLiteral("example"),
                    QStringLiteral("no example \"%1\" (examples: %2)").arg(walkthrough.example, ids.join(u", ")));
        failed();
        return result;
    }
    const QJsonObject knobs = parser.object(root, QString(), QStringLiteral("knobs"), false).value_or(QJsonObject());
    const std::optional<QVariantMap> resolved = resolveOver(parser, *example, {}, knobs, QStringLiteral("knobs"));
    if (failed())
        return result;
    walkthrough.knobs = *resolved;

    const auto steps = parser.array(root, QString(), QStringLiteral("steps"), true);
    if (steps && steps->isEmpty())
        parser.fail(QStringLiteral("steps"), QStringLiteral("a walkthrough needs at least one step"));
    if (failed())
        return result;
    const ExampleDefinition *current = example; // select-example may change it
    QVariantMap currentKnobs = walkthrough.knobs;
    for (qsizetype i = 0; i < steps->size(); ++i) {
        const QString path = QStringLiteral("steps[%1]").arg(i);
        if (!steps->at(i).isObject()) {
            parser.fail(path, QStringLiteral("expected an object"));
            break;
        }
        const QJsonObject stepObject = steps->at(i).toObject();
        WalkthroughStep step;
        step.sourceLine = lines.line(path);
        parser.unknownKeys(stepObject, path,
                           {QStringLiteral("narration"), QStringLiteral("show"), QStringLiteral("action"),
                            QStringLiteral("prediction")});
        step.narration = parser.localized(stepObject, path, QStringLiteral("narration"), true);

        // The action first: what the step shows is the program after it (new knobs, new example).
        if (const auto action = parser.object(stepObject, path, QStringLiteral("action"), false)) {
            const QString actionPath = Parser::join(path, QStringLiteral("action"));
            const QString kind = parser.string(*action, actionPath, QStringLiteral("kind"), true);
            const auto only = [&](QStringList keys) {
                keys.prepend(QStringLiteral("kind"));
                parser.unknownKeys(*action, actionPath, keys);
            };
            if (kind == QLatin1String("select-example")) {
                step.action.kind = WalkthroughAction::Kind::SelectExample;
                only({QStringLiteral("example")});
                step.action.example = parser.string(*action, actionPath, QStringLiteral("example"), true);
                const ExampleDefinition *selected = ExampleRegistry::find(step.action.example);
                if (!selected && !step.action.example.isEmpty())
                    parser.fail(actionPath, QStringLiteral("example"),
                                QStringLiteral("no example \"%1\"").arg(step.action.example));
                if (selected) {
                    current = selected;
                    QString error;
                    currentKnobs = resolveKnobs(current->knobs, {}, &error).value_or(QVariantMap());
                }
            } else if (kind == QLatin1String("set-knobs")) {
                step.action.kind = WalkthroughAction::Kind::SetKnobs;
                only({QStringLiteral("knobs")});
                if (const auto given = parser.object(*action, actionPath, QStringLiteral("knobs"), true)) {
                    if (const auto merged = resolveOver(parser, *current, currentKnobs, *given,
                                                        Parser::join(actionPath, QStringLiteral("knobs")))) {
                        currentKnobs = *merged;
                        step.action.knobs = *merged;
                    }
                }
            } else if (kind == QLatin1String("run") || kind == QLatin1String("step") || kind == QLatin1String("pause")
                       || kind == QLatin1String("stop")) {
                step.action.kind = kind == QLatin1String("run")     ? WalkthroughAction::Kind::Run
                                   : kind == QLatin1String("step")  ? WalkthroughAction::Kind::Step
                                   : kind == QLatin1String("pause") ? WalkthroughAction::Kind::Pause
                                                                    : WalkthroughAction::Kind::Stop;
                only({});
            } else if (kind == QLatin1String("run-until")) {
                step.action.kind = WalkthroughAction::Kind::RunUntil;
                only({QStringLiteral("event")});
                if (const auto event = parser.object(*action, actionPath, QStringLiteral("event"), true))
                    step.action.until = parseEvent(parser, *event, Parser::join(actionPath, QStringLiteral("event")),
                                                   targetsOf(*current, currentKnobs));
            } else if (!kind.isEmpty()) {
                parser.fail(actionPath, QStringLiteral("kind"),
                            QStringLiteral("unknown action \"%1\" (actions: select-example, set-knobs, run, step, "
                                           "run-until, pause, stop)")
                                .arg(kind));
            }
        }
        if (failed())
            return result;
        step.knobs = currentKnobs;
        const ExampleTargets targets = targetsOf(*current, currentKnobs);
        if (const auto show = parser.object(stepObject, path, QStringLiteral("show"), false))
            parseShow(parser, *show, Parser::join(path, QStringLiteral("show")), *current, targets, step.show);
        if (const auto prediction = parser.object(stepObject, path, QStringLiteral("prediction"), false)) {
            step.prediction = parsePrediction(parser, *prediction, Parser::join(path, QStringLiteral("prediction")), targets);
            if (step.action.kind == WalkthroughAction::Kind::None)
                parser.fail(path, QStringLiteral("prediction"),
                            QStringLiteral("a prediction is compared with the step's action; this step has none"));
        }
        if (failed())
            return result;
        walkthrough.steps << step;
    }
    if (failed())
        return result;
    result.walkthrough = std::move(walkthrough);
    return result;
}

WalkthroughLoadResult loadWalkthrough(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        WalkthroughLoadResult result;
        result.error = QStringLiteral("%1: cannot open: %2").arg(path, file.errorString());
        return result;
    }
    // Read at most one byte over the cap: parseWalkthrough then refuses it without decoding.
    return parseWalkthrough(file.read(maxWalkthroughFileBytes + 1), path);
}

} // namespace ProcessLab
