// SPDX-License-Identifier: MIT
// Test helper: a host that owns one segment. segmentowner <16 hex digits> <object id> <size>
// creates it through HostSegment under the run name processlab-<own pid>-<hex>, fills it with
// 0x5a, prints "<type> <native key>" and waits until stdin closes; then it exits normally
// (removing the segment), unless the test killed it first (leaving it to SegmentSweeper).
#include "ipc/hostsegment.h"
#include "runtime/runservername.h"

#include <QCoreApplication>

#include <cstring>
#include <iostream>
#include <string>

using namespace ProcessLab;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        std::cerr << "usage: segmentowner <16 hex digits> <object id> <size>\n";
        return 2;
    }
    const QString runName = makeRunServerName(QCoreApplication::applicationPid(), args.at(1));
    QString error;
    const std::unique_ptr<HostSegment> segment =
        HostSegment::create(runName, args.at(2).toUInt(), args.at(3).toLongLong(), &error);
    if (!segment) {
        std::cerr << error.toStdString() << '\n';
        return 1;
    }
    std::memset(segment->data(), 0x5a, static_cast<std::size_t>(segment->size()));
    const Shm::SegmentKey key = segment->segmentKey();
    std::cout << Shm::keyTypeName(key.type) << ' ' << key.nativeKey << std::endl;
    std::string line;
    while (std::getline(std::cin, line)) {
    }
    return 0;
}
