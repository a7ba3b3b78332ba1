// SPDX-License-Identifier: MIT
#include "protocol.h"

#include <QCborValue>
#include <QCoreApplication>
#include <QtEndian>

namespace ProcessLab::Protocol {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ProcessLab::Protocol", text);
}

constexpr auto typeKey = QLatin1StringView("type");

bool setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
    return false;
}

} // namespace

QByteArray encodeFrame(const Message &message)
{
    QCborMap map = message.body;
    map.insert(typeKey, static_cast<int>(message.type));
    const QByteArray payload = map.toCborValue().toCbor();
    QByteArray frame(headerSize, Qt::Uninitialized);
    qToBigEndian(static_cast<quint32>(payload.size()), frame.data());
    frame.append(payload);
    return frame;
}

Message makeHello(const Hello &hello, quint32 magicValue, int versionValue)
{
    QCborMap body;
    body.insert(QLatin1StringView("magic"), static_cast<qint64>(magicValue));
    body.insert(QLatin1StringView("version"), versionValue);
    body.insert(QLatin1StringView("token"), hello.token);
    body.insert(QLatin1StringView("worker"), hello.workerId);
    body.insert(QLatin1StringView("pid"), hello.pid);
    body.insert(QLatin1StringView("t"), hello.timeNs);
    return {MessageType::Hello, body};
}

Message makeStart(const Start &start)
{
    QCborMap body;
    body.insert(QLatin1StringView("behaviour"), start.behaviour);
    body.insert(QLatin1StringView("args"), start.arguments);
    return {MessageType::Start, body};
}

Message makeStop()
{
    return {MessageType::Stop, {}};
}

Message makeTrace(const Trace &trace)
{
    QCborMap body;
    body.insert(QLatin1StringView("label"), trace.label);
    body.insert(QLatin1StringView("t"), trace.timeNs);
    return {MessageType::Trace, body};
}

std::optional<Hello> parseHello(const Message &message, QString *error)
{
    const QCborMap &b = message.body;
    if (message.type != MessageType::Hello) {
        setError(error, tr("expected a hello frame first"));
        return std::nullopt;
    }
    if (!b.value(QLatin1StringView("magic")).isInteger()
        || static_cast<quint32>(b.value(QLatin1StringView("magic")).toInteger()) != magic) {
        setError(error, tr("wrong magic number"));
        return std::nullopt;
    }
    if (b.value(QLatin1StringView("version")).toInteger(-1) != version) {
        setError(error, tr("unsupported protocol version %1 (expected %2)")
                            .arg(b.value(QLatin1StringView("version")).toInteger(-1))
                            .arg(version));
        return std::nullopt;
    }
    Hello hello;
    hello.token = b.value(QLatin1StringView("token")).toByteArray();
    hello.workerId = static_cast<int>(b.value(QLatin1StringView("worker")).toInteger(-1));
    hello.pid = b.value(QLatin1StringView("pid")).toInteger(-1);
    hello.timeNs = b.value(QLatin1StringView("t")).toInteger(0);
    if (hello.token.size() != tokenSize) {
        setError(error, tr("malformed run token"));
        return std::nullopt;
    }
    if (hello.workerId < 0 || hello.pid <= 0) {
        setError(error, tr("malformed worker id or pid"));
        return std::nullopt;
    }
    return hello;
}

std::optional<Start> parseStart(const Message &message, QString *error)
{
    const QCborValue behaviour = message.body.value(QLatin1StringView("behaviour"));
    const QCborValue args = message.body.value(QLatin1StringView("args"));
    if (message.type != MessageType::Start || !behaviour.isString() || !args.isMap()) {
        setError(error, tr("malformed start frame"));
        return std::nullopt;
    }
    return Start{behaviour.toString(), args.toMap()};
}

std::optional<Trace> parseTrace(const Message &message, QString *error)
{
    const QCborValue label = message.body.value(QLatin1StringView("label"));
    if (message.type != MessageType::Trace || !label.isString()) {
        setError(error, tr("malformed trace frame"));
        return std::nullopt;
    }
    return Trace{label.toString(), message.body.value(QLatin1StringView("t")).toInteger(0)};
}

std::optional<Message> decodePayload(const QByteArray &payload, QString *error)
{
    QCborParserError parseError;
    const QCborValue value = QCborValue::fromCbor(payload, &parseError);
    if (parseError.error != QCborError::NoError) {
        setError(error, tr("invalid CBOR payload: %1").arg(parseError.errorString()));
        return std::nullopt;
    }
    if (parseError.offset != payload.size()) {
        setError(error, tr("trailing bytes after the CBOR payload"));
        return std::nullopt;
    }
    if (!value.isMap()) {
        setError(error, tr("payload is not a CBOR map"));
        return std::nullopt;
    }
    QCborMap map = value.toMap();
    const QCborValue type = map.take(typeKey);
    const qint64 typeNumber = type.isInteger() ? type.toInteger() : -1;
    if (typeNumber < static_cast<int>(MessageType::Hello) || typeNumber > static_cast<int>(MessageType::Trace)) {
        setError(error, tr("unknown message type"));
        return std::nullopt;
    }
    return Message{static_cast<MessageType>(typeNumber), map};
}

void FrameReader::append(const QByteArray &bytes)
{
    if (hasError())
        return;
    // Drop consumed bytes before growing, so a long-lived connection stays small.
    if (m_offset > 0 && m_offset == m_buffer.size()) {
        m_buffer.clear();
        m_offset = 0;
    } else if (m_offset > 64 * 1024) {
        m_buffer.remove(0, m_offset);
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
    const quint32 length = qFromBigEndian<quint32>(m_buffer.constData() + m_offset);
    if (length == 0)
        return fail(tr("empty frame"));
    if (length > static_cast<quint64>(m_frameLimit))
        return fail(tr("frame of %1 bytes exceeds the limit of %2 bytes").arg(length).arg(m_frameLimit));
    if (bufferedBytes() < headerSize + qsizetype(length))
        return Status::NeedMore;
    const QByteArray payload = m_buffer.mid(m_offset + headerSize, length);
    m_offset += headerSize + length;
    QString error;
    std::optional<Message> decoded = decodePayload(payload, &error);
    if (!decoded)
        return fail(error);
    *message = std::move(*decoded);
    return Status::Frame;
}

FrameReader::Status FrameReader::fail(const QString &error)
{
    m_error = error;
    m_buffer.clear();
    m_offset = 0;
    return Status::Error;
}

} // namespace ProcessLab::Protocol

namespace ProcessLab::Protocol {

QString describeWorkerExit(int exitCode)
{
    switch (exitCode) {
    case ExitUsage: return tr("the worker was not started by ProcessLab");
    case ExitUnknownBehaviour: return tr("the worker does not know the requested behaviour");
    case ExitConnectFailed: return tr("the worker could not connect to the host");
    case ExitProtocolError: return tr("the worker received an invalid frame");
    case ExitStopped: return tr("stopped on request");
    case ExitHostGone: return tr("the control connection closed");
    default: return {};
    }
}

} // namespace ProcessLab::Protocol
