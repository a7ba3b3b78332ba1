// SPDX-License-Identifier: MIT
// libFuzzer target for RunRecordReader: a run record file is what a stranger hands the app
// (File → Open run…). Besides crashes and sanitizer reports it checks the reader's promises:
// a refusal always says why, and whatever reads writes back to JSON that reads again and
// writes the same bytes (the round trip a replay relies on).
//
// Built with PROCESSLAB_FUZZ_CORPUS_DRIVER (ctest, every build) it is a plain program that
// runs the same checks on each file named on its command line and on every prefix of it
// (every truncation), so the seed corpus stays a regression test without libFuzzer.
#include "record/jsonexport.h"
#include "record/runrecordreader.h"

#include <QBuffer>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace ProcessLab;

namespace {

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_record_reader: broken promise: %s\n", what);
        std::abort();
    }
}

QByteArray toJson(const RunRecord &record)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    check(writeRunRecordJson(record, &buffer, nullptr), "a record read back can be written");
    return bytes;
}

// True if the input read as a record.
bool readOne(QByteArrayView input)
{
    QString error;
    const std::optional<LoadedRunRecord> loaded = RunRecordReader::read(input, &error);
    if (!loaded) {
        check(!error.isEmpty(), "a refused record says why");
        return false;
    }
    const QByteArray written = toJson(loaded->record);
    const std::optional<LoadedRunRecord> again = RunRecordReader::read(written, &error);
    check(again.has_value(), "what was read, written back, reads again");
    check(again->record.size() == loaded->record.size(), "the events survive the round trip");
    check(toJson(again->record) == written, "write -> read -> write gives the same JSON");
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    readOne(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}

#ifdef PROCESSLAB_FUZZ_CORPUS_DRIVER
#include <QDir>
#include <QFile>

// Each argument: a file, or a directory of files. Exit 1 if none was found.
int main(int argc, char **argv)
{
    int files = 0;
    int records = 0;
    for (int i = 1; i < argc; ++i) {
        const QString path = QString::fromLocal8Bit(argv[i]);
        QStringList paths{path};
        if (QFileInfo(path).isDir()) {
            paths.clear();
            const QDir dir(path);
            for (const QString &name : dir.entryList(QDir::Files, QDir::Name))
                paths.append(dir.filePath(name));
        }
        for (const QString &file : std::as_const(paths)) {
            QFile f(file);
            if (!f.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "cannot read %s\n", qPrintable(file));
                return 1;
            }
            const QByteArray bytes = f.readAll();
            ++files;
            records += readOne(bytes) ? 1 : 0;
            const QByteArray trimmed = bytes.trimmed();
            for (qsizetype n = 0; n < trimmed.size(); ++n)
                check(!readOne(QByteArrayView(trimmed).first(n)), "a truncated record is refused");
        }
    }
    std::printf("%d files, %d read as records; every truncation refused\n", files, records);
    return files > 0 ? 0 : 1;
}
#endif
