// SPDX-License-Identifier: MIT
// libFuzzer target for what the host decodes from a stranger: the frame reader, the CBOR
// decoder, the hello/start/trace parsers and the Python formatting of decoded values.
// Besides crashes and sanitizer reports it checks the codec's promises: whatever decodes
// re-encodes to something that decodes to the same value, the reader never buffers past
// its limit, and feeding the same bytes in different chunks gives the same frames.
#include "protocol/cbor.h"
#include "protocol/protocol.h"
#include "protocol/pythonformat.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

using namespace ProcessLab::Protocol;

namespace {

constexpr std::size_t frameLimit = 64 * 1024; // small, so the fuzzer reaches the limit checks

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_protocol: broken promise: %s\n", what);
        std::abort();
    }
}

void parseEveryWay(const Message &message)
{
    std::string error;
    if (const auto hello = parseHello(message, &error))
        check(parseHello(makeHello(*hello), nullptr).has_value(), "a parsed hello re-encodes to a valid hello");
    if (const auto start = parseStart(message, &error)) {
        const auto again = parseStart(makeStart(*start), nullptr);
        check(again && again->behaviour == start->behaviour
                  && encode(Value(again->arguments)) == encode(Value(start->arguments)),
              "a parsed start round-trips");
    }
    if (const auto trace = parseTrace(message, &error))
        check(parseTrace(makeTrace(*trace), nullptr).has_value(), "a parsed trace re-encodes to a valid trace");
    // Compared as bytes: a NaN is not == to itself, but encodes the same every time.
    const std::string frame = encodeFrame(message);
    const auto again = decodePayload(std::string_view(frame).substr(headerSize), nullptr);
    check(again && encodeFrame(*again) == frame, "a decoded message re-encodes to the same message");
}

// All frames (and the final status) of data fed in chunks of the given sizes, cycling.
std::vector<Message> readFrames(std::string_view data, const std::vector<std::size_t> &chunks, bool *failed)
{
    FrameReader reader(frameLimit);
    std::vector<Message> frames;
    std::size_t offset = 0;
    std::size_t turn = 0;
    *failed = false;
    while (!*failed) {
        Message message;
        const FrameReader::Status status = reader.next(&message);
        if (status == FrameReader::Status::Frame) {
            frames.push_back(std::move(message));
            continue;
        }
        if (status == FrameReader::Status::Error) {
            check(reader.hasError() && !reader.errorString().empty(), "an error has a message");
            *failed = true;
            break;
        }
        check(reader.bufferedBytes() < headerSize + frameLimit, "the reader buffers no more than one frame");
        if (offset == data.size())
            break;
        const std::size_t size = std::min(chunks[turn++ % chunks.size()], data.size() - offset);
        reader.append(data.substr(offset, size));
        offset += size;
    }
    return frames;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *bytes, std::size_t size)
{
    const std::string_view data(reinterpret_cast<const char *>(bytes), size);

    // The whole input as one CBOR item and as one frame payload.
    std::string error;
    std::size_t consumed = 0;
    if (const auto value = decodeFirst(data, &consumed, &error)) {
        check(consumed > 0 && consumed <= size, "decodeFirst consumes what it decoded");
        const std::string encoded = encode(*value);
        const auto again = decode(encoded, nullptr);
        check(again && encode(*again) == encoded, "a decoded value re-encodes to the same value");
        // Anything a stranger sends can be printed the way Python prints it.
        check(!pythonRepr(*value).empty() && (value->isText() || pythonStr(*value) == pythonRepr(*value)),
              "a decoded value has a Python repr, and str() of a non-str is its repr");
    }
    if (const auto message = decodePayload(data, &error))
        parseEveryWay(*message);

    // The input as a stream of frames: in one piece, then in uneven chunks.
    bool failedWhole = false;
    bool failedChunked = false;
    const std::vector<Message> whole = readFrames(data, {size + 1}, &failedWhole);
    const std::vector<Message> chunked = readFrames(data, {1, 7, 3, 4096, 2}, &failedChunked);
    check(failedWhole == failedChunked && whole.size() == chunked.size(), "chunking does not change what is read");
    for (std::size_t i = 0; i < whole.size(); ++i)
        check(encodeFrame(whole[i]) == encodeFrame(chunked[i]), "chunking does not change a frame");
    for (const Message &message : whole)
        parseEveryWay(message);
    return 0;
}
