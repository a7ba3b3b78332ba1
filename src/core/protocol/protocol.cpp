// SPDX-License-Identifier: MIT
#include "protocol.h"

#include <limits>

// lupdate finds translatable texts by this macro's name; the library itself links no Qt,
// so it stands in for Qt's own. The host translates the texts (runtime/protocolqt.cpp).
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace ProcessLab::Protocol {

namespace {

constexpr std::string_view typeKey = "type";

void setError(std::string *error, std::string text)
{
    if (error)
        *error = std::move(text);
}

void writeBigEndian32(char *out, std::uint32_t value)
{
    for (int k = 3; k >= 0; --k, value >>= 8)
        out[k] = static_cast<char>(value & 0xff);
}

std::uint32_t readBigEndian32(const char *in)
{
    std::uint32_t value = 0;
    for (int k = 0; k < 4; ++k)
        value = (value << 8) | static_cast<std::uint8_t>(in[k]);
    return value;
}

} // namespace

std::string encodeFrame(const Message &message)
{
    // Reserve the header, encode the payload behind it, then fill in its length: one
    // buffer, no copy of the payload.
    std::string frame(headerSize, '\0');
    Map map;
    map.insert(std::string(typeKey), static_cast<int>(message.type));
    for (const auto &[key, value] : message.body) {
        if (key != typeKey) // the message's own type wins, as it always has
            map.insert(key, value);
    }
    encode(Value(std::move(map)), frame);
    writeBigEndian32(frame.data(), static_cast<std::uint32_t>(frame.size() - headerSize));
    return frame;
}

Message makeHello(const Hello &hello, std::uint32_t magicValue, int versionValue)
{
    return {MessageType::Hello,
            Map{{"magic", static_cast<std::int64_t>(magicValue)},
                {"version", versionValue},
                {"token", Bytes{hello.token}},
                {"worker", hello.workerId},
                {"pid", hello.pid},
                {"t", hello.timeNs}}};
}

Message makeStart(const Start &start)
{
    return {MessageType::Start, Map{{"behaviour", start.behaviour}, {"args", start.arguments}}};
}

Message makeStop()
{
    return {MessageType::Stop, {}};
}

Message makeTrace(const Trace &trace)
{
    return {MessageType::Trace, Map{{"label", trace.label}, {"t", trace.timeNs}}};
}

Message makeIpcEvent(const IpcEvent &event)
{
    return {MessageType::IpcEvent, Map{{"object", event.object},
                                       {"op", static_cast<int>(event.op)},
                                       {"text", event.text},
                                       {"count", event.count},
                                       {"seq", event.sequence},
                                       {"t", event.timeNs}}};
}

Message makeWake(int object)
{
    return {MessageType::Wake, Map{{"object", object}}};
}

Message makeRequest(const Request &request)
{
    return {MessageType::Request, Map{{"id", request.id}, {"name", request.name}, {"body", request.body}}};
}

Message makeReply(const Reply &reply)
{
    if (reply.error)
        return {MessageType::Reply, Map{{"id", reply.id}, {"error", *reply.error}}};
    return {MessageType::Reply, Map{{"id", reply.id}, {"body", reply.body}}};
}

Message makeNotify(const Notify &notify)
{
    return {MessageType::Notify, Map{{"name", notify.name}, {"body", notify.body}}};
}

namespace {

bool validName(const Value &name)
{
    return name.isText() && !name.toText().empty() && name.toText().size() <= maxNameSize;
}

bool validId(const Value &id)
{
    return id.isInteger() && id.toInteger() >= 0;
}

} // namespace

std::optional<Request> parseRequest(const Message &message, std::string *error)
{
    const Map &b = message.body;
    if (message.type != MessageType::Request || !validId(b.value("id")) || !validName(b.value("name"))
        || !b.contains("body")) {
        setError(error, "malformed request frame");
        return std::nullopt;
    }
    return Request{b.value("id").toInteger(), std::string(b.value("name").toText()), b.value("body")};
}

std::optional<Reply> parseReply(const Message &message, std::string *error)
{
    const Map &b = message.body;
    const bool hasBody = b.contains("body");
    const Value *errorText = b.find("error");
    // Exactly one of body and error.
    if (message.type != MessageType::Reply || !validId(b.value("id")) || hasBody == (errorText != nullptr)
        || (errorText && !errorText->isText())) {
        setError(error, "malformed reply frame");
        return std::nullopt;
    }
    Reply reply;
    reply.id = b.value("id").toInteger();
    if (errorText)
        reply.error = std::string(errorText->toText());
    else
        reply.body = b.value("body");
    return reply;
}

std::optional<Notify> parseNotify(const Message &message, std::string *error)
{
    const Map &b = message.body;
    if (message.type != MessageType::Notify || !validName(b.value("name")) || !b.contains("body")) {
        setError(error, "malformed notify frame");
        return std::nullopt;
    }
    return Notify{std::string(b.value("name").toText()), b.value("body")};
}

std::optional<Hello> parseHello(const Message &message, std::string *error)
{
    const Map &b = message.body;
    if (message.type != MessageType::Hello) {
        setError(error, "expected a hello frame first");
        return std::nullopt;
    }
    // The whole value: a truncating cast would accept magic + k·2^32.
    if (!b.value("magic").isInteger() || b.value("magic").toInteger() != std::int64_t{magic}) {
        setError(error, "wrong magic number");
        return std::nullopt;
    }
    if (b.value("version").toInteger(-1) != version) {
        setError(error, "unsupported protocol version " + std::to_string(b.value("version").toInteger(-1))
                            + " (expected " + std::to_string(version) + ")");
        return std::nullopt;
    }
    Hello hello;
    hello.token = std::string(b.value("token").toBytes());
    const std::int64_t workerId = b.value("worker").toInteger(-1);
    hello.pid = b.value("pid").toInteger(-1);
    hello.timeNs = b.value("t").toInteger(0);
    if (hello.token.size() != tokenSize) {
        setError(error, "malformed run token");
        return std::nullopt;
    }
    if (workerId < 0 || workerId > std::numeric_limits<int>::max() || hello.pid <= 0) {
        setError(error, "malformed worker id or pid");
        return std::nullopt;
    }
    hello.workerId = static_cast<int>(workerId);
    return hello;
}

std::optional<Start> parseStart(const Message &message, std::string *error)
{
    const Value &behaviour = message.body.value("behaviour");
    const Value &args = message.body.value("args");
    if (message.type != MessageType::Start || !behaviour.isText() || !args.isMap()) {
        setError(error, "malformed start frame");
        return std::nullopt;
    }
    return Start{std::string(behaviour.toText()), args.toMap()};
}

std::optional<Trace> parseTrace(const Message &message, std::string *error)
{
    const Value &label = message.body.value("label");
    if (message.type != MessageType::Trace || !label.isText()) {
        setError(error, "malformed trace frame");
        return std::nullopt;
    }
    return Trace{std::string(label.toText()), message.body.value("t").toInteger(0)};
}

std::optional<IpcEvent> parseIpcEvent(const Message &message, std::string *error)
{
    const Map &b = message.body;
    const std::int64_t object = b.value("object").toInteger(-1);
    const std::int64_t op = b.value("op").toInteger(0);
    const Value &text = b.value("text");
    if (message.type != MessageType::IpcEvent || object <= 0 || object > std::numeric_limits<int>::max()
        || op < 1 || op > maxIpcOp || !text.isText() || text.toText().size() > ipcTextLimit
        || !b.value("count").isInteger() || !b.value("seq").isInteger()) {
        setError(error, "malformed ipc event frame");
        return std::nullopt;
    }
    return IpcEvent{static_cast<int>(object), static_cast<IpcOp>(op), std::string(text.toText()),
                    b.value("count").toInteger(), b.value("seq").toInteger(), b.value("t").toInteger(0)};
}

std::optional<int> parseWake(const Message &message, std::string *error)
{
    const std::int64_t object = message.body.value("object").toInteger(-1);
    if (message.type != MessageType::Wake || object <= 0 || object > std::numeric_limits<int>::max()) {
        setError(error, "malformed wake frame");
        return std::nullopt;
    }
    return static_cast<int>(object);
}

bool tokensEqual(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

std::optional<Message> decodePayload(std::string_view payload, std::string *error)
{
    std::size_t consumed = 0;
    std::string cborError;
    std::optional<Value> value = decodeFirst(payload, &consumed, &cborError);
    if (!value) {
        setError(error, "invalid CBOR payload: " + cborError);
        return std::nullopt;
    }
    if (consumed != payload.size()) {
        setError(error, "trailing bytes after the CBOR payload");
        return std::nullopt;
    }
    if (!value->isMap()) {
        setError(error, "payload is not a CBOR map");
        return std::nullopt;
    }
    Map map = value->toMap();
    const std::optional<Value> type = map.take(typeKey);
    const std::int64_t typeNumber = type && type->isInteger() ? type->toInteger() : -1;
    const bool known = (typeNumber >= static_cast<int>(MessageType::Hello) && typeNumber <= static_cast<int>(MessageType::Notify))
                       || typeNumber == static_cast<int>(MessageType::IpcEvent)
                       || typeNumber == static_cast<int>(MessageType::Wake);
    if (!known) {
        setError(error, "unknown message type");
        return std::nullopt;
    }
    return Message{static_cast<MessageType>(typeNumber), std::move(map)};
}

void FrameReader::append(std::string_view bytes)
{
    if (hasError())
        return;
    // Drop consumed bytes before growing, so a long-lived connection stays small.
    if (m_offset > 0 && m_offset == m_buffer.size()) {
        m_buffer.clear();
        m_offset = 0;
    } else if (m_offset > 64 * 1024) {
        m_buffer.erase(0, m_offset);
        m_offset = 0;
    }
    m_buffer.append(bytes);
}

FrameReader::Status FrameReader::next(Message *message)
{
    if (hasError())
        return Status::Error;
    if (bufferedBytes() < headerSize)
        return Status::NeedMore;
    const std::uint32_t length = readBigEndian32(m_buffer.data() + m_offset);
    if (length == 0)
        return fail("empty frame");
    if (length > m_frameLimit) {
        return fail("frame of " + std::to_string(length) + " bytes exceeds the limit of "
                    + std::to_string(m_frameLimit) + " bytes");
    }
    if (bufferedBytes() < headerSize + length)
        return Status::NeedMore;
    const std::string_view payload = std::string_view(m_buffer).substr(m_offset + headerSize, length);
    m_offset += headerSize + length;
    std::string error;
    std::optional<Message> decoded = decodePayload(payload, &error);
    if (!decoded)
        return fail(std::move(error));
    *message = std::move(*decoded);
    return Status::Frame;
}

FrameReader::Status FrameReader::fail(std::string error)
{
    m_error = std::move(error);
    m_buffer.clear();
    m_offset = 0;
    return Status::Error;
}

} // namespace ProcessLab::Protocol

namespace ProcessLab::Protocol {

const char *describeWorkerExit(int exitCode)
{
    switch (exitCode) {
    case ExitUsage: return QT_TRANSLATE_NOOP("ProcessLab::Protocol", "the worker was not started by ProcessLab");
    case ExitUnknownBehaviour:
        return QT_TRANSLATE_NOOP("ProcessLab::Protocol", "the worker does not know the requested behaviour");
    case ExitConnectFailed: return QT_TRANSLATE_NOOP("ProcessLab::Protocol", "the worker could not connect to the host");
    case ExitAttachFailed: return QT_TRANSLATE_NOOP("ProcessLab::Protocol", "the worker could not attach a shared object (queue, pipe or shared memory)");
    case ExitProtocolError: return QT_TRANSLATE_NOOP("ProcessLab::Protocol", "the worker received an invalid frame");
    case ExitHostGone: return QT_TRANSLATE_NOOP("ProcessLab::Protocol", "the control connection closed");
    default: return nullptr;
    }
}

} // namespace ProcessLab::Protocol
