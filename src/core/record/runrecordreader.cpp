// SPDX-License-Identifier: MIT
#include "runrecordreader.h"

#include "jsonexport.h"
#include "protocol/protocol.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <limits>
#include <vector>

namespace ProcessLab {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ProcessLab::RunRecordReader", text);
}

constexpr QLatin1StringView schemaName("processlab-run-record");

// Walks the JSON's structure without decoding it: finds where each value begins and ends
// (strings, nesting) and counts lines, so every value can be decoded on its own and every
// message can name its line. Iterative: nesting depth costs nothing.
class Scanner
{
public:
    enum class Skip { Ok, Truncated, Invalid };

    Scanner(QByteArrayView data, qsizetype pos, qsizetype line)
        : m_data(data)
        , m_pos(pos)
        , m_line(line)
    {
    }

    bool atEnd() const { return m_pos >= m_data.size(); }
    char peek() const { return m_data.at(m_pos); }
    void advance() { ++m_pos; }
    qsizetype pos() const { return m_pos; }
    qsizetype line() const { return m_line; }

    void skipSpace()
    {
        while (!atEnd()) {
            const char c = peek();
            if (c == '\n')
                ++m_line;
            else if (c != ' ' && c != '\t' && c != '\r')
                return;
            ++m_pos;
        }
    }

    // The string starting at the current '"'; leaves the position after its closing quote.
    Skip skipString()
    {
        ++m_pos;
        while (!atEnd()) {
            const char c = peek();
            if (c == '\\') {
                m_pos += 2;
                continue;
            }
            ++m_pos;
            if (c == '"')
                return Skip::Ok;
            if (c == '\n')
                ++m_line; // invalid JSON; the decoder of the value says so
        }
        m_pos = m_data.size();
        return Skip::Truncated;
    }

    // One value (object, array, string, literal) from the current position.
    Skip skipValue()
    {
        qsizetype depth = 0;
        do {
            if (atEnd())
                return Skip::Truncated;
            const char c = peek();
            switch (c) {
            case '"':
                if (skipString() != Skip::Ok)
                    return Skip::Truncated;
                break;
            case '{':
            case '[':
                ++depth;
                ++m_pos;
                break;
            case '}':
            case ']':
                if (depth == 0)
                    return Skip::Invalid;
                --depth;
                ++m_pos;
                break;
            case ',':
            case ':':
                if (depth == 0)
                    return Skip::Invalid;
                ++m_pos;
                break;
            case ' ':
            case '\t':
            case '\r':
            case '\n':
                if (depth == 0)
                    return Skip::Invalid;
                skipSpace();
                break;
            default: // a number or literal: up to the next structural byte
                while (!atEnd() && !QByteArrayView(",:{}[]\" \t\r\n").contains(peek()))
                    ++m_pos;
                if (depth == 0 && atEnd())
                    return Skip::Truncated; // a record never ends in a bare literal
                break;
            }
        } while (depth > 0);
        return Skip::Ok;
    }

private:
    QByteArrayView m_data;
    qsizetype m_pos = 0;
    qsizetype m_line = 1;
};

struct Member
{
    qsizetype begin = 0;
    qsizetype end = 0;
    qsizetype line = 1;
    bool truncated = false;
};

std::optional<QJsonValue> decodeValue(QByteArrayView bytes)
{
    QByteArray wrapped;
    wrapped.reserve(bytes.size() + 2);
    wrapped += '[';
    wrapped += bytes;
    wrapped += ']';
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(wrapped, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isArray() || document.array().size() != 1)
        return std::nullopt;
    return document.array().at(0);
}

// An integer, exactly: a JSON number with no fraction that fits qint64.
std::optional<qint64> exactInteger(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const qint64 a = value.toInteger(0);
    const qint64 b = value.toInteger(1);
    if (a != b)
        return std::nullopt; // a fraction, or out of qint64's range
    return a;
}

template <typename NameOf>
std::optional<int> findName(const QString &name, int first, int last, NameOf nameOf)
{
    for (int value = first; value <= last; ++value) {
        if (nameOf(value) == name)
            return value;
    }
    return std::nullopt;
}

// The fields of one event, each checked for its type and range; the first problem is kept.
class EventFields
{
public:
    EventFields(const QJsonObject &object, qsizetype index, qsizetype line)
        : m_object(object)
        , m_index(index)
        , m_line(line)
    {
    }

    bool failed() const { return !m_error.isEmpty(); }
    const QString &error() const { return m_error; }
    bool has(QLatin1StringView key) const { return m_object.contains(key); }

    void fail(QLatin1StringView key, const QString &problem)
    {
        if (m_error.isEmpty())
            m_error = tr("event %1 (line %2), field \"%3\": %4").arg(m_index).arg(m_line).arg(key, problem);
    }

    // Required unless optional; an absent optional field leaves *out as it was.
    void integer(QLatin1StringView key, qint64 min, qint64 max, qint64 *out, bool optional = false)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined()) {
            if (!optional)
                fail(key, tr("missing"));
            return;
        }
        const std::optional<qint64> number = exactInteger(value);
        if (!number) {
            fail(key, tr("must be an integer"));
            return;
        }
        if (*number < min || *number > max) {
            fail(key, tr("%1 is out of range (%2 to %3)").arg(*number).arg(min).arg(max));
            return;
        }
        *out = *number;
    }

    template <typename T>
    void integerAs(QLatin1StringView key, qint64 min, qint64 max, T *out, bool optional = false)
    {
        qint64 value = *out;
        integer(key, min, max, &value, optional);
        *out = T(value);
    }

    void text(QLatin1StringView key, QString *out)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined())
            return;
        if (!value.isString()) {
            fail(key, tr("must be a string"));
            return;
        }
        QString string = value.toString();
        if (string.size() > RunRecordReader::maxTextChars) {
            fail(key, tr("too long (%1 characters; at most %2)").arg(string.size()).arg(RunRecordReader::maxTextChars));
            return;
        }
        *out = std::move(string);
    }

    // An optional flag written only when true (absent = false).
    bool flag(QLatin1StringView key)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined())
            return false;
        if (!value.isBool()) {
            fail(key, tr("must be true or false"));
            return false;
        }
        return value.toBool();
    }

    template <typename NameOf>
    std::optional<int> name(QLatin1StringView key, int first, int last, NameOf nameOf)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined()) {
            fail(key, tr("missing"));
            return std::nullopt;
        }
        if (!value.isString()) {
            fail(key, tr("must be a string"));
            return std::nullopt;
        }
        const std::optional<int> found = findName(value.toString(), first, last, nameOf);
        if (!found)
            fail(key, tr("unknown value \"%1\"").arg(value.toString().left(64)));
        return found;
    }

private:
    const QJsonObject &m_object;
    qsizetype m_index;
    qsizetype m_line;
    QString m_error;
};

constexpr qint64 maxInt = std::numeric_limits<int>::max();
constexpr qint64 minInt = std::numeric_limits<int>::min();
constexpr qint64 maxI64 = std::numeric_limits<qint64>::max();
constexpr qint64 minI64 = std::numeric_limits<qint64>::min();
constexpr qint64 maxLine = 1'000'000;
constexpr qint64 maxPid = std::numeric_limits<qint64>::max();

// Decodes and checks one event; everything else (order, processes, caps) is the caller's.
bool decodeEvent(EventFields &fields, int version, qint64 startNs, RunEvent *event)
{
    const std::optional<int> kind = fields.name(QLatin1StringView("kind"), 0, int(EventKind::ResourceSample),
                                                [](int k) { return eventKindName(EventKind(k)); });
    if (!kind)
        return false;
    event->kind = EventKind(*kind);
    const int needs = [&] {
        switch (event->kind) {
        case EventKind::IpcObjectCreated:
        case EventKind::IpcOperation:
        case EventKind::IpcSampling:
        case EventKind::IpcCounters:
        case EventKind::IpcRecovered: return 2;
        case EventKind::ResourceSample: return 3;
        default: return 1;
        }
    }();
    if (version < needs) {
        fields.fail(QLatin1StringView("kind"), tr("\"%1\" needs schema version %2 (the file says %3)")
                                                   .arg(eventKindName(event->kind))
                                                   .arg(needs)
                                                   .arg(version));
        return false;
    }

    qint64 t = 0;
    fields.integer(QLatin1StringView("t"), 0, maxI64 - startNs, &t);
    event->timeNs = startNs + t;
    fields.integerAs(QLatin1StringView("process"), 0, RunRecordReader::maxProcessId, &event->process, true);
    fields.text(QLatin1StringView("text"), &event->text);

    const auto requireProcess = [&] {
        if (!fields.has(QLatin1StringView("process")))
            fields.fail(QLatin1StringView("process"), tr("missing"));
    };
    const auto object = [&] {
        fields.integerAs(QLatin1StringView("object"), 1, RunRecordReader::maxObjectId, &event->object);
    };
    const auto count = [&](qint64 min, qint64 max) { fields.integer(QLatin1StringView("count"), min, max, &event->count); };
    const auto optionalPid = [&] { fields.integer(QLatin1StringView("pid"), 1, maxPid, &event->pid, true); };
    const auto optionalLine = [&] {
        fields.integerAs(QLatin1StringView("line"), 1, maxLine, &event->sourceLine, true);
    };

    switch (event->kind) {
    case EventKind::RunStarted:
    case EventKind::ConnectionRejected:
        break;
    case EventKind::RunFinished:
        fields.integerAs(QLatin1StringView("exitCode"), minInt, maxInt, &event->exitCode);
        break;
    case EventKind::ProcessCreated:
        requireProcess();
        optionalPid();
        event->count = fields.flag(QLatin1StringView("helper")) ? 1 : 0;
        break;
    case EventKind::StateChanged: {
        requireProcess();
        if (const auto state = fields.name(QLatin1StringView("state"), 0, int(ProcessState::Killed),
                                           [](int s) { return stateName(ProcessState(s)); }))
            event->state = ProcessState(*state);
        optionalPid();
        const bool exitCode = fields.has(QLatin1StringView("exitCode"));
        const bool exitSignal = fields.has(QLatin1StringView("exitSignal"));
        if (exitCode || exitSignal) {
            if (!isEndState(event->state))
                fields.fail(QLatin1StringView(exitCode ? "exitCode" : "exitSignal"),
                            tr("only an end state (finished, failed, killed) has an exit status"));
            fields.integerAs(QLatin1StringView("exitCode"), minInt, maxInt, &event->exitCode);
            fields.integerAs(QLatin1StringView("exitSignal"), 0, maxInt, &event->exitSignal);
            event->hasExitStatus = true;
        }
        break;
    }
    case EventKind::Output:
        requireProcess();
        if (const auto stream = fields.name(QLatin1StringView("stream"), 0, 1,
                                            [](int s) { return streamName(OutputStream(s)); }))
            event->stream = OutputStream(*stream);
        fields.integer(QLatin1StringView("cut"), 1, maxI64, &event->count, true);
        break;
    case EventKind::ScriptStep:
        requireProcess();
        optionalLine();
        fields.integer(QLatin1StringView("joins"), 1, RunRecordReader::maxProcessId, &event->count, true);
        break;
    case EventKind::ScriptStepEnded:
    case EventKind::Paused:
    case EventKind::WorkerTrace:
        requireProcess();
        optionalLine();
        break;
    case EventKind::Error:
        optionalLine();
        break;
    case EventKind::OutputDropped:
    case EventKind::TracesDropped:
        requireProcess();
        count(0, maxI64);
        break;
    case EventKind::RejectionsDropped:
        count(0, maxI64);
        break;
    case EventKind::IpcObjectCreated:
        object();
        if (const auto kind = fields.name(QLatin1StringView("objectKind"), 1, int(IpcObjectKind::Lock),
                                          [](int k) { return ipcObjectKindName(IpcObjectKind(k)); }))
            event->op = quint8(*kind);
        count(0, maxI64);
        fields.integer(QLatin1StringView("budget"), 0, maxI64, &event->sequence);
        break;
    case EventKind::IpcOperation:
        requireProcess();
        object();
        if (const auto op = fields.name(QLatin1StringView("op"), 1, Protocol::maxIpcOp, ipcOpName))
            event->op = quint8(*op);
        count(minI64, maxI64);
        fields.integer(QLatin1StringView("seq"), 1, maxI64, &event->sequence, true);
        break;
    case EventKind::IpcSampling:
        object();
        count(0, maxI64);
        break;
    case EventKind::IpcRecovered:
        requireProcess();
        object();
        count(minI64, maxI64);
        optionalPid();
        break;
    case EventKind::IpcCounters:
        object();
        count(minI64, maxI64);
        fields.integer(QLatin1StringView("ops"), 0, maxI64, &event->sequence);
        break;
    case EventKind::PoolTask:
        object();
        if (const auto phase = fields.name(QLatin1StringView("phase"), int(PoolTaskPhase::Queued),
                                           int(PoolTaskPhase::Cancelled), poolTaskPhaseName))
            event->op = quint8(*phase);
        fields.integer(QLatin1StringView("task"), 0, maxI64, &event->count);
        fields.integer(QLatin1StringView("items"), 1, maxI64, &event->sequence, true);
        optionalPid();
        break;
    case EventKind::PoolWorker:
        object();
        if (const auto change = fields.name(QLatin1StringView("change"), int(PoolWorkerChange::Started),
                                            int(PoolWorkerChange::FaultNotFired), poolWorkerChangeName))
            event->op = quint8(*change);
        if (event->op == quint8(PoolWorkerChange::FaultInjected)) {
            fields.integer(QLatin1StringView("task"), 0, maxI64, &event->count);
            if (fields.flag(QLatin1StringView("byUser")))
                event->sequence = faultInjectedByUser; // "Kill this worker", not the knob
        } else if (event->op == quint8(PoolWorkerChange::FaultNotFired))
            fields.integer(QLatin1StringView("afterMs"), 0, maxI64, &event->count);
        optionalPid();
        break;
    case EventKind::ResourceSample:
        requireProcess();
        fields.integer(QLatin1StringView("pid"), 1, maxPid, &event->pid);
        fields.integer(QLatin1StringView("cpuPermille"), 0, 1'000'000, &event->count);
        fields.integer(QLatin1StringView("rssBytes"), -1, maxI64, &event->sequence);
        break;
    }
    return !fields.failed();
}

class Reader
{
public:
    explicit Reader(QByteArrayView data)
        : m_data(data)
    {
    }

    std::optional<LoadedRunRecord> read(QString *error)
    {
        if (!scanMembers() || !readHeader() || !readEvents()) {
            if (error)
                *error = m_error;
            return std::nullopt;
        }
        return std::move(m_loaded);
    }

private:
    bool fail(const QString &message)
    {
        m_error = message;
        return false;
    }

    QString truncatedAt(qsizetype line) const
    {
        return tr("the file ends early, at line %1: it is truncated (cut off while it was written or copied?)")
            .arg(line);
    }

    // Pass 1: where each top-level value is. Keys may come in any order.
    bool scanMembers()
    {
        Scanner s(m_data, 0, 1);
        s.skipSpace();
        if (s.atEnd())
            return fail(tr("the file is empty"));
        if (s.peek() != '{')
            return fail(tr("not a ProcessLab run record: it does not begin with a JSON object"));
        s.advance();
        for (;;) {
            s.skipSpace();
            if (s.atEnd())
                return fail(truncatedAt(s.line()));
            if (s.peek() == '}' && m_members.isEmpty()) {
                s.advance();
                break;
            }
            if (s.peek() != '"')
                return fail(tr("not valid JSON at line %1: expected a key").arg(s.line()));
            const qsizetype keyBegin = s.pos() + 1;
            if (s.skipString() != Scanner::Skip::Ok)
                return fail(truncatedAt(s.line()));
            const QByteArray key = m_data.sliced(keyBegin, std::min<qsizetype>(s.pos() - 1 - keyBegin, 256)).toByteArray();
            s.skipSpace();
            if (s.atEnd())
                return fail(truncatedAt(s.line()));
            if (s.peek() != ':')
                return fail(tr("not valid JSON at line %1: expected ':' after \"%2\"").arg(s.line()).arg(QString::fromUtf8(key)));
            s.advance();
            s.skipSpace();
            Member member{.begin = s.pos(), .end = s.pos(), .line = s.line(), .truncated = false};
            const Scanner::Skip skip = s.skipValue();
            member.end = s.pos();
            if (m_members.contains(key))
                return fail(tr("not a valid run record: \"%1\" appears twice (line %2)").arg(QString::fromUtf8(key)).arg(member.line));
            if (m_members.size() >= 64)
                return fail(tr("not a ProcessLab run record: too many top-level fields"));
            if (skip == Scanner::Skip::Truncated) {
                member.truncated = true;
                m_members.insert(key, member);
                m_truncatedLine = s.line();
                return true; // the header may still say what this is; the events say where it ends
            }
            if (skip == Scanner::Skip::Invalid)
                return fail(tr("not valid JSON at line %1").arg(s.line()));
            m_members.insert(key, member);
            s.skipSpace();
            if (s.atEnd()) {
                m_truncatedLine = s.line();
                return true;
            }
            if (s.peek() == ',') {
                s.advance();
                continue;
            }
            if (s.peek() == '}') {
                s.advance();
                break;
            }
            return fail(tr("not valid JSON at line %1: expected ',' or '}'").arg(s.line()));
        }
        s.skipSpace();
        if (!s.atEnd())
            return fail(tr("not valid JSON at line %1: more data after the record's end").arg(s.line()));
        return true;
    }

    // A small top-level value, decoded; nullopt (and m_error) when absent and required, or bad.
    std::optional<QJsonValue> header(const char *key, bool required)
    {
        const auto it = m_members.constFind(QByteArray(key));
        if (it == m_members.cend()) {
            if (required)
                fail(m_truncatedLine ? truncatedAt(m_truncatedLine)
                                     : tr("not a valid run record: the field \"%1\" is missing").arg(QLatin1StringView(key)));
            return std::nullopt;
        }
        if (it->truncated) {
            fail(truncatedAt(m_truncatedLine));
            return std::nullopt;
        }
        if (it->end - it->begin > RunRecordReader::maxHeaderValueBytes) {
            fail(tr("field \"%1\" (line %2): too large (%3 bytes; at most %4)")
                     .arg(QLatin1StringView(key))
                     .arg(it->line)
                     .arg(it->end - it->begin)
                     .arg(RunRecordReader::maxHeaderValueBytes));
            return std::nullopt;
        }
        const std::optional<QJsonValue> value = decodeValue(m_data.sliced(it->begin, it->end - it->begin));
        if (!value)
            fail(tr("field \"%1\" (line %2): not valid JSON").arg(QLatin1StringView(key)).arg(it->line));
        return value;
    }

    QString fieldProblem(const char *key, const QString &problem) const
    {
        const qsizetype line = m_members.value(QByteArray(key)).line;
        return tr("field \"%1\" (line %2): %3").arg(QLatin1StringView(key)).arg(line).arg(problem);
    }

    bool readHeader()
    {
        if (!m_members.contains(QByteArrayLiteral("schema")) && m_truncatedLine == 0)
            return fail(tr("not a ProcessLab run record: it has no \"schema\" field"));
        const std::optional<QJsonValue> schema = header("schema", true);
        if (!schema)
            return false;
        if (schema->toString() != schemaName)
            return fail(tr("not a ProcessLab run record: \"schema\" is %1, expected \"%2\"")
                            .arg(QString::fromUtf8(QJsonDocument(QJsonArray{*schema}).toJson(QJsonDocument::Compact)).mid(1).chopped(1).left(80),
                                 schemaName));

        const std::optional<QJsonValue> version = header("version", true);
        if (!version)
            return false;
        const std::optional<qint64> number = exactInteger(*version);
        if (!number || *number < 1)
            return fail(fieldProblem("version", tr("must be a whole number from 1")));
        if (*number > runRecordSchemaVersion)
            return fail(tr("made by a newer ProcessLab: schema %1; this version reads up to %2")
                            .arg(*number)
                            .arg(runRecordSchemaVersion));
        m_loaded.schemaVersion = int(*number);

        const std::optional<QJsonValue> example = header("example", true);
        if (!example)
            return false;
        if (!example->isString() || example->toString().size() > 256)
            return fail(fieldProblem("example", tr("must be an example id (a string)")));
        m_loaded.record.setExampleId(example->toString());

        if (m_members.contains(QByteArrayLiteral("knobs"))) {
            const std::optional<QJsonValue> knobs = header("knobs", false);
            if (!knobs)
                return false;
            if (!knobs->isObject())
                return fail(fieldProblem("knobs", tr("must be an object")));
            const QJsonObject object = knobs->toObject();
            if (object.size() > RunRecordReader::maxKnobs)
                return fail(fieldProblem("knobs", tr("too many knobs (%1; at most %2)").arg(object.size()).arg(RunRecordReader::maxKnobs)));
            for (auto it = object.begin(); it != object.end(); ++it) {
                const bool scalar = it->isBool() || it->isDouble() || (it->isString() && it->toString().size() <= 4096);
                if (!scalar)
                    return fail(fieldProblem("knobs", tr("knob \"%1\" must be a number, a string or true/false").arg(it.key().left(64))));
            }
            m_loaded.record.setKnobs(object.toVariantMap());
        }

        if (m_members.contains(QByteArrayLiteral("recordedAt"))) {
            const std::optional<QJsonValue> recordedAt = header("recordedAt", false);
            if (!recordedAt)
                return false;
            const QDateTime when = QDateTime::fromString(recordedAt->toString(), Qt::ISODateWithMs);
            if (!recordedAt->isString() || !when.isValid())
                return fail(fieldProblem("recordedAt", tr("must be a date and time (ISO 8601)")));
            m_loaded.record.setRecordedAt(when);
        }

        if (m_members.contains(QByteArrayLiteral("clock"))) {
            const std::optional<QJsonValue> clock = header("clock", false);
            if (!clock)
                return false;
            if (clock->toString() != QLatin1StringView("monotonic-ns"))
                return fail(fieldProblem("clock", tr("unknown clock (expected \"monotonic-ns\")")));
        }

        const std::optional<QJsonValue> startNs = header("startNs", true);
        if (!startNs)
            return false;
        const std::optional<qint64> start = exactInteger(*startNs);
        if (!start || *start < 0)
            return fail(fieldProblem("startNs", tr("must be a whole number of nanoseconds, 0 or more")));
        m_startNs = *start;

        if (!m_members.contains(QByteArrayLiteral("events")))
            return fail(m_truncatedLine ? truncatedAt(m_truncatedLine) : tr("not a valid run record: the field \"events\" is missing"));
        return true;
    }

    // Pass 2: the events, one at a time.
    bool readEvents()
    {
        const Member events = m_members.value(QByteArrayLiteral("events"));
        Scanner s(m_data, events.begin, events.line);
        if (s.atEnd())
            return fail(truncatedAt(s.line()));
        if (s.peek() != '[')
            return fail(fieldProblem("events", tr("must be a list")));
        s.advance();
        std::vector<bool> created; // process ids seen in process-created, so far
        qsizetype index = 0;
        for (;;) {
            s.skipSpace();
            if (s.atEnd())
                return fail(tr("%1; the last whole event is event %2").arg(truncatedAt(s.line())).arg(index - 1));
            if (index == 0 && s.peek() == ']') {
                s.advance();
                break;
            }
            const qsizetype begin = s.pos();
            const qsizetype line = s.line();
            const Scanner::Skip skip = s.skipValue();
            if (skip == Scanner::Skip::Truncated)
                return fail(tr("%1; the last whole event is event %2").arg(truncatedAt(s.line())).arg(index - 1));
            if (skip == Scanner::Skip::Invalid)
                return fail(tr("event %1 (line %2): not valid JSON").arg(index).arg(s.line()));
            if (index >= RunRecordReader::maxEvents)
                return fail(tr("more than %1 events: more than a run records").arg(RunRecordReader::maxEvents));
            if (s.pos() - begin > RunRecordReader::maxEventBytes)
                return fail(tr("event %1 (line %2): too large (%3 bytes; at most %4)")
                                .arg(index)
                                .arg(line)
                                .arg(s.pos() - begin)
                                .arg(RunRecordReader::maxEventBytes));
            QJsonParseError parseError;
            const QJsonDocument document
                = QJsonDocument::fromJson(QByteArray::fromRawData(m_data.data() + begin, s.pos() - begin), &parseError);
            if (parseError.error != QJsonParseError::NoError)
                return fail(tr("event %1 (line %2): not valid JSON: %3").arg(index).arg(line).arg(parseError.errorString()));
            if (!document.isObject())
                return fail(tr("event %1 (line %2): must be a JSON object").arg(index).arg(line));
            const QJsonObject object = document.object();
            EventFields fields(object, index, line);
            RunEvent event;
            if (!decodeEvent(fields, m_loaded.schemaVersion, m_startNs, &event))
                return fail(fields.error());
            if (index == 0 && event.timeNs != m_startNs)
                return fail(tr("event 0 (line %1), field \"t\": must be 0 (the first event is the run's start)").arg(line));
            if (!checkProcess(event, &created, index, line) || !append(event, index, line))
                return false;
            ++index;
            s.skipSpace();
            if (s.atEnd())
                return fail(tr("%1; the last whole event is event %2").arg(truncatedAt(s.line())).arg(index - 1));
            if (s.peek() == ',') {
                s.advance();
                continue;
            }
            if (s.peek() == ']') {
                s.advance();
                break;
            }
            return fail(tr("not valid JSON at line %1: expected ',' or ']' after event %2").arg(s.line()).arg(index - 1));
        }
        if (m_truncatedLine)
            return fail(truncatedAt(m_truncatedLine));
        return true;
    }

    // An event may only name a process created before it (views look processes up).
    bool checkProcess(const RunEvent &event, std::vector<bool> *created, qsizetype index, qsizetype line)
    {
        if (event.process == runLevel)
            return true;
        const auto id = std::size_t(event.process);
        const bool known = id < created->size() && created->at(id);
        if (event.kind == EventKind::ProcessCreated) {
            if (known)
                return fail(tr("event %1 (line %2), field \"process\": process %3 is created twice")
                                .arg(index)
                                .arg(line)
                                .arg(event.process));
            if (id >= created->size())
                created->resize(id + 1, false);
            (*created)[id] = true;
            return true;
        }
        if (!known)
            return fail(tr("event %1 (line %2), field \"process\": no process %3 was created before it")
                            .arg(index)
                            .arg(line)
                            .arg(event.process));
        return true;
    }

    bool append(const RunEvent &event, qsizetype index, qsizetype line)
    {
        if (m_loaded.record.appendRecorded(event))
            return true;
        const qsizetype cap = event.kind == EventKind::Output        ? m_loaded.record.outputLineCap()
                              : event.kind == EventKind::WorkerTrace ? m_loaded.record.traceCap()
                                                                     : m_loaded.record.rejectionCap();
        return fail(tr("event %1 (line %2): more \"%3\" events than a run keeps (%4)")
                        .arg(index)
                        .arg(line)
                        .arg(eventKindName(event.kind))
                        .arg(cap));
    }

    QByteArrayView m_data;
    QHash<QByteArray, Member> m_members;
    qsizetype m_truncatedLine = 0; // where the data ended early, if it did
    qint64 m_startNs = 0;
    LoadedRunRecord m_loaded;
    QString m_error;
};

} // namespace

std::optional<LoadedRunRecord> RunRecordReader::read(QByteArrayView json, QString *error)
{
    if (json.size() > maxFileBytes) {
        if (error)
            *error = tr("the file is too large (%1 bytes; a run record is at most %2)").arg(json.size()).arg(maxFileBytes);
        return std::nullopt;
    }
    return Reader(json).read(error);
}

std::optional<LoadedRunRecord> RunRecordReader::readFile(const QString &path, QString *error)
{
    const auto failure = [&](const QString &reason) -> std::optional<LoadedRunRecord> {
        if (error)
            *error = tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), reason);
        return std::nullopt;
    };
    QFile file(path);
    if (QFileInfo(path).isDir())
        return failure(tr("it is a directory"));
    if (!file.open(QIODevice::ReadOnly))
        return failure(file.errorString());
    // Checked before anything is read: a huge file costs nothing.
    if (file.size() > maxFileBytes)
        return failure(tr("the file is too large (%1 bytes; a run record is at most %2)").arg(file.size()).arg(maxFileBytes));
    QString reason;
    std::optional<LoadedRunRecord> loaded;
    if (file.size() > 0) {
        if (uchar *mapped = file.map(0, file.size())) {
            loaded = read(QByteArrayView(reinterpret_cast<const char *>(mapped), file.size()), &reason);
            file.unmap(mapped);
            return loaded ? std::move(loaded) : failure(reason);
        }
    }
    // Not mappable (a pipe, an empty file): read at most one byte over the cap.
    const QByteArray bytes = file.read(maxFileBytes + 1);
    loaded = read(bytes, &reason);
    return loaded ? std::move(loaded) : failure(reason);
}

} // namespace ProcessLab
