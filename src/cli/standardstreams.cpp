// SPDX-License-Identifier: MIT
#include "standardstreams.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#ifdef Q_OS_UNIX
#include <csignal>
#include <fcntl.h>
#include <unistd.h>
#endif

namespace ProcessLab::Cli {

namespace {
QString lastErrorText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}
} // namespace

void prepareStandardStreams()
{
#ifdef Q_OS_UNIX
    // Descriptors are handed out lowest first, so opening in order 0, 1, 2 refills each gap.
    for (int fd = 0; fd <= 2; ++fd) {
        if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF)
            continue;
        const int placeholder = ::open("/dev/null", O_RDONLY); // read-only: writes fail (EBADF)
        if (placeholder >= 0 && placeholder != fd) {
            ::dup2(placeholder, fd);
            ::close(placeholder);
        }
    }
    struct sigaction ignore{};
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    ::sigaction(SIGPIPE, &ignore, nullptr);
#endif
}

bool writeStdout(const QByteArray &bytes, QString *error)
{
    errno = 0;
    const size_t written = std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
    if (written == static_cast<size_t>(bytes.size()) && !std::ferror(stdout))
        return true;
    if (error)
        *error = lastErrorText(errno ? errno : EIO);
    return false;
}

bool flushStdout(QString *error)
{
    errno = 0;
    if (std::fflush(stdout) == 0 && !std::ferror(stdout))
        return true;
    if (error)
        *error = lastErrorText(errno ? errno : EIO);
    return false;
}

bool writeStderr(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    return std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stderr)
        == static_cast<size_t>(bytes.size());
}

bool flushStderr()
{
    return std::fflush(stderr) == 0 && !std::ferror(stderr);
}

} // namespace ProcessLab::Cli
