// SPDX-License-Identifier: MIT
// Test helper, std-only like the worker: attaches a segment the host created, by key and type
// given on the command line, with Shm::SharedSegment (what processlab-worker uses).
//   segmentattacher <sysv|posix|windows> <native key> write <byte> <count>
//       writes byte into the first count bytes, exits 0
//   segmentattacher <sysv|posix|windows> <native key> hold <byte> <count>
//       prints "attached <size>", waits for a line on stdin, then writes and reads back the
//       pattern (the mapping must outlive the host's removal) and prints "still mapped"
// Errors go to stderr with exit code 1.
#include "shm/sharedsegment.h"

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

using namespace ProcessLab;

int main(int argc, char **argv)
{
    if (argc != 6) {
        std::cerr << "usage: segmentattacher <sysv|posix|windows> <key> <write|hold> <byte> <count>\n";
        return 2;
    }
    Shm::SegmentKey key;
    if (!Shm::keyTypeFromName(argv[1], &key.type)) {
        std::cerr << "unknown key type " << argv[1] << '\n';
        return 2;
    }
    key.nativeKey = argv[2];
    const std::string mode = argv[3];
    const auto byte = static_cast<unsigned char>(std::strtoul(argv[4], nullptr, 0));
    const auto count = static_cast<std::size_t>(std::strtoull(argv[5], nullptr, 0));

    std::string error;
    const std::unique_ptr<Shm::SharedSegment> segment = Shm::SharedSegment::attach(key, &error);
    if (!segment) {
        std::cerr << error << '\n';
        return 1;
    }
    if (count > segment->size()) {
        std::cerr << "count " << count << " exceeds the segment's size " << segment->size() << '\n';
        return 1;
    }
    auto *bytes = static_cast<unsigned char *>(segment->data());
    if (mode == "hold") {
        std::cout << "attached " << segment->size() << std::endl;
        std::string line;
        std::getline(std::cin, line);
    } else if (mode != "write") {
        std::cerr << "unknown mode " << mode << '\n';
        return 2;
    }
    std::memset(bytes, byte, count);
    for (std::size_t i = 0; i < count; ++i) {
        if (bytes[i] != byte) {
            std::cerr << "byte " << i << " reads back wrong\n";
            return 1;
        }
    }
    if (mode == "hold")
        std::cout << "still mapped" << std::endl;
    return 0;
}
