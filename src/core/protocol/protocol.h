// SPDX-License-Identifier: MIT
#pragma once

// The wire protocol between the host (CLI or app) and processlab-worker.
// This file pair is compiled into both ends (library processlab_protocol, Qt Core only).
//
// A frame is a 4-byte big-endian payload length followed by the payload, a CBOR map
// with an integer "type" key. The worker's first frame is a Hello carrying the magic,
// the protocol version, the run token and its worker id; anything else first, a frame
// over maxFrameSize, a truncated frame or a payload that is not a valid CBOR map is a
// protocol error and the connection is closed.

#include <QByteArray>
#include <QCborMap>
#include <QString>

#include <optional>

namespace ProcessLab::Protocol {

inline constexpr quint32 magic = 0x504C4142; // "PLAB"
inline constexpr int version = 1;
inline constexpr qsizetype headerSize = 4;
inline constexpr qsizetype maxFrameSize = 16 * 1024 * 1024;
inline constexpr qsizetype tokenSize = 16; // 128 bits

// Environment variables through which the host hands a worker its connection details.
inline constexpr char serverEnvVar[] = "PROCESSLAB_SERVER";
inline constexpr char tokenEnvVar[] = "PROCESSLAB_TOKEN";
inline constexpr char workerIdEnvVar[] = "PROCESSLAB_WORKER_ID";

enum class MessageType : int {
    Hello = 1, // worker -> host: magic, version, token, worker id, pid, time
    Start = 2, // host -> worker: behaviour name and its arguments
    Stop = 3,  // host -> worker: please exit now
    Trace = 4, // worker -> host: the worker reached a labelled point of its behaviour
};

struct Message
{
    MessageType type = MessageType::Hello;
    QCborMap body; // without the "type" key

    bool operator==(const Message &other) const = default;
};

struct Hello
{
    QByteArray token;
    int workerId = 0;
    qint64 pid = 0;
    qint64 timeNs = 0;
};

struct Start
{
    QString behaviour;
    QCborMap arguments;
};

struct Trace
{
    QString label;
    qint64 timeNs = 0;
};

// Encoders produce a complete frame (header + payload).
QByteArray encodeFrame(const Message &message);
Message makeHello(const Hello &hello, quint32 magicValue = magic, int versionValue = version);
Message makeStart(const Start &start);
Message makeStop();
Message makeTrace(const Trace &trace);

// Decoders check the shape of a message of the given type; nullopt names a malformed one.
std::optional<Hello> parseHello(const Message &message, QString *error);
std::optional<Start> parseStart(const Message &message, QString *error);
std::optional<Trace> parseTrace(const Message &message, QString *error);

// Incremental frame parser: feed bytes as they arrive, then call next() until it
// returns Status::NeedMore. After Status::Error the reader stays in error.
class FrameReader
{
public:
    enum class Status { NeedMore, Frame, Error };

    explicit FrameReader(qsizetype frameLimit = maxFrameSize) : m_frameLimit(frameLimit) {}

    void append(const QByteArray &bytes);
    Status next(Message *message);

    QString errorString() const { return m_error; }
    qsizetype bufferedBytes() const { return m_buffer.size() - m_offset; }
    bool hasError() const { return !m_error.isEmpty(); }

private:
    Status fail(const QString &error);

    QByteArray m_buffer;
    qsizetype m_offset = 0;
    qsizetype m_frameLimit;
    QString m_error;
};

// Frame payload decoding without framing; exposed for tests and the reader.
std::optional<Message> decodePayload(const QByteArray &payload, QString *error);

} // namespace ProcessLab::Protocol

namespace ProcessLab::Protocol {

// Exit codes of processlab-worker besides the behaviour's own (sysexits-style, so they
// do not collide with a behaviour's 0/1). The host turns them into messages.
enum WorkerExitCode : int {
    ExitUsage = 64,            // not started by a ProcessLab host (environment missing)
    ExitUnknownBehaviour = 65, // the host asked for a behaviour this worker does not have
    ExitConnectFailed = 69,    // could not reach the host's server
    ExitProtocolError = 76,    // the host sent something unexpected
    ExitStopped = 77,          // the host asked the worker to stop
    ExitHostGone = 78,         // the control connection closed
};

QString describeWorkerExit(int exitCode); // empty for codes that are the behaviour's own

} // namespace ProcessLab::Protocol
