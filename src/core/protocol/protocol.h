// SPDX-License-Identifier: MIT
#pragma once

// The wire protocol between the host (CLI or app) and processlab-worker.
// This file pair is compiled into both ends (library processlab_protocol). It uses only
// the C++ standard library, so the worker links no Qt at all: the dynamic loader's work
// for Qt Core, ICU and glib was ~85% of a worker's start-up (docs/performance.md). The
// host converts to and from Qt types in runtime/protocolqt.h.
//
// A frame is a 4-byte big-endian payload length followed by the payload, a CBOR map
// with an integer "type" key. The worker's first frame is a Hello carrying the magic,
// the protocol version, the run token and its worker id; anything else first, a first
// frame over helloFrameLimit, a later frame over maxFrameSize, a truncated frame or a
// payload that is not a valid CBOR map is a protocol error and the connection is closed.

#include "cbor.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ProcessLab::Protocol {

inline constexpr std::uint32_t magic = 0x504C4142; // "PLAB"
inline constexpr int version = 1;
inline constexpr std::size_t headerSize = 4;
inline constexpr std::size_t maxFrameSize = 16 * 1024 * 1024;
// Until its hello is accepted a connection is a stranger: its first frame may be this big
// (a hello is ~80 bytes), so a stranger costs the host at most this much to buffer and decode.
inline constexpr std::size_t helloFrameLimit = 1024;
inline constexpr std::size_t tokenSize = 16; // 128 bits

// Environment variables through which the host hands a worker its connection details.
inline constexpr char serverEnvVar[] = "PROCESSLAB_SERVER";
inline constexpr char tokenEnvVar[] = "PROCESSLAB_TOKEN"; // hex, 2 * tokenSize digits
inline constexpr char workerIdEnvVar[] = "PROCESSLAB_WORKER_ID";

enum class MessageType : int {
    Hello = 1, // worker -> host: magic, version, token, worker id, pid, time
    Start = 2, // host -> worker: behaviour name and its arguments
    Stop = 3,  // host -> worker: unused since Stop became SIGTERM; a worker ignores it
    Trace = 4, // worker -> host: the worker reached a labelled point of its behaviour
    Request = 5, // either way: id, name ("<object>.<method>"), body; answered by a Reply
    Reply = 6,   // either way: the id of the request, and its body or an error
    Notify = 7,  // worker -> host: one-way, name and body (e.g. a wake-up for an object)
    IpcEvent = 10, // worker -> host: an operation on a shared object (put, get, send, lock...)
    Wake = 11,     // worker -> host: the main program may go on waiting no more on an object
};

// What a process did to a shared object (Queue, Pipe, Value/Array, Lock): reported one by one
// while the object's observation budget lasts (src/core/shm/objects.h), then as counters.
enum class IpcOp : int {
    Put = 1,     // text: the item (Python repr), count: items in the queue after, sequence: item number
    Get = 2,     // as Put
    Send = 3,    // text: the message, count: messages in flight towards the receiver after
    Recv = 4,    // as Send
    Acquire = 5, // the lock (of a Lock, or a Value/Array's get_lock()) was taken
    Release = 6,
    Write = 7,   // a Value/Array cell was written: text: the new value, count: the index
    Close = 8,   // a pipe end or queue was closed by this process
    Blocked = 9, // the process waits in an operation; text: which ("put", "get", "recv", "acquire")
    Failed = 10, // an operation ended without its effect; text: why (Full, Empty, EOFError, timeout)
};
inline constexpr int maxIpcOp = 10;

// A request or notification name ("queue.get") is at most this long, in UTF-8 bytes.
inline constexpr std::size_t maxNameSize = 256;

struct Message
{
    MessageType type = MessageType::Hello;
    Map body; // without the "type" key

    bool operator==(const Message &other) const = default;
};

struct Hello
{
    std::string token; // tokenSize raw bytes (a CBOR byte string on the wire)
    int workerId = 0;
    std::int64_t pid = 0;
    std::int64_t timeNs = 0;
};

struct Start
{
    std::string behaviour; // UTF-8
    Map arguments;
};

struct IpcEvent
{
    int object = 0; // the object's id in the run (the host numbers them from 1)
    IpcOp op = IpcOp::Put;
    std::string text;       // UTF-8, at most ipcTextLimit bytes (the worker shortens it)
    std::int64_t count = 0; // see IpcOp
    std::int64_t sequence = 0;
    std::int64_t timeNs = 0;
};
// A shortened repr keeps a 10 MiB item from becoming a 10 MiB event.
inline constexpr std::size_t ipcTextLimit = 256;

struct Trace
{
    std::string label; // UTF-8
    std::int64_t timeNs = 0;
};

// A question to the other end; the answer is a Reply with the same id. Ids are chosen by
// the sender, unique among its open requests.
struct Request
{
    std::int64_t id = 0; // >= 0
    std::string name;    // UTF-8, at most maxNameSize bytes
    Value body;
};

// The answer to a request: a body, or an error (Python-style text, "queue.Empty").
struct Reply
{
    std::int64_t id = 0;
    Value body;
    std::optional<std::string> error;

    bool ok() const { return !error.has_value(); }
};

struct Notify
{
    std::string name; // UTF-8, at most maxNameSize bytes
    Value body;
};

// Encoders produce a complete frame (header + payload).
std::string encodeFrame(const Message &message);
Message makeHello(const Hello &hello, std::uint32_t magicValue = magic, int versionValue = version);
Message makeStart(const Start &start);
Message makeStop();
Message makeTrace(const Trace &trace);
Message makeIpcEvent(const IpcEvent &event);
Message makeWake(int object);
Message makeRequest(const Request &request);
Message makeReply(const Reply &reply);
Message makeNotify(const Notify &notify);

// Decoders check the shape of a message of the given type; nullopt names a malformed one.
std::optional<Hello> parseHello(const Message &message, std::string *error);
std::optional<Start> parseStart(const Message &message, std::string *error);
std::optional<Trace> parseTrace(const Message &message, std::string *error);
std::optional<IpcEvent> parseIpcEvent(const Message &message, std::string *error);
std::optional<int> parseWake(const Message &message, std::string *error);
std::optional<Request> parseRequest(const Message &message, std::string *error);
std::optional<Reply> parseReply(const Message &message, std::string *error);
std::optional<Notify> parseNotify(const Message &message, std::string *error);

// Compares run tokens in time independent of where they differ, so a local process
// cannot guess a token byte by byte from how fast it is refused.
bool tokensEqual(std::string_view a, std::string_view b);

// Incremental frame parser: feed bytes as they arrive, then call next() until it
// returns Status::NeedMore. After Status::Error the reader stays in error.
class FrameReader
{
public:
    enum class Status { NeedMore, Frame, Error };

    explicit FrameReader(std::size_t frameLimit = maxFrameSize) : m_frameLimit(frameLimit) {}

    // The largest payload next() accepts; a frame announcing more is an error at once,
    // before its payload is buffered.
    void setFrameLimit(std::size_t frameLimit) { m_frameLimit = frameLimit; }
    std::size_t frameLimit() const { return m_frameLimit; }

    void append(std::string_view bytes);
    Status next(Message *message);

    const std::string &errorString() const { return m_error; }
    std::size_t bufferedBytes() const { return m_buffer.size() - m_offset; }
    bool hasError() const { return !m_error.empty(); }

private:
    Status fail(std::string error);

    std::string m_buffer;
    std::size_t m_offset = 0; // start of the first unread frame in m_buffer
    std::size_t m_frameLimit;
    std::string m_error;
};

// Frame payload decoding without framing; exposed for tests and the reader.
std::optional<Message> decodePayload(std::string_view payload, std::string *error);

} // namespace ProcessLab::Protocol

namespace ProcessLab::Protocol {

// Exit codes of processlab-worker besides the behaviour's own (sysexits-style, so they
// do not collide with a behaviour's 0/1). The host turns them into messages.
enum WorkerExitCode : int {
    ExitUsage = 64,            // not started by a ProcessLab host (environment missing)
    ExitUnknownBehaviour = 65, // the host asked for a behaviour this worker does not have
    ExitConnectFailed = 69,    // could not reach the host's server
    ExitAttachFailed = 71,     // could not attach a shared object the host handed it
    ExitProtocolError = 76,    // the host sent something unexpected
    ExitHostGone = 78,         // the control connection closed
};

// English text for the codes above, nullptr for codes that are the behaviour's own. The
// text doubles as the translation key: the host translates it in the context
// describeWorkerExitContext (see describeWorkerExitText() in runtime/protocolqt.h).
const char *describeWorkerExit(int exitCode);
inline constexpr char describeWorkerExitContext[] = "ProcessLab::Protocol";

} // namespace ProcessLab::Protocol
