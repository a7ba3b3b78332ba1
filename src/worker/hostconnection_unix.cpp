// SPDX-License-Identifier: MIT
// HostConnection on Linux and macOS: an AF_UNIX stream socket, as QLocalServer listens on.
#include "hostconnection.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace ProcessLab::Worker {

namespace {

// QLocalSocket's rule: an absolute path is the socket's path; any other name is a file in
// QDir::tempPath(), which is $TMPDIR or /tmp (macOS sets TMPDIR for every login session).
std::string socketPathFor(const std::string &serverName)
{
    if (serverName.front() == '/')
        return serverName;
    const char *tmpdir = std::getenv("TMPDIR");
    std::string directory = tmpdir && *tmpdir ? tmpdir : "/tmp";
    while (directory.size() > 1 && directory.back() == '/')
        directory.pop_back();
    if (directory != "/")
        directory.push_back('/');
    return directory + serverName;
}

// A socket that is not inherited across exec. Linux and the BSDs create it so atomically
// (SOCK_CLOEXEC); macOS has no such flag, so there it is set right after creation. The
// worker has no other thread yet that could fork in between.
int createCloseOnExecSocket()
{
#ifdef SOCK_CLOEXEC
    return ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
#else
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd >= 0 && ::fcntl(fd, F_SETFD, FD_CLOEXEC) < 0) {
        const int savedErrno = errno;
        ::close(fd);
        errno = savedErrno;
        return -1;
    }
    return fd;
#endif
}

// Writing to a socket whose peer is gone raises SIGPIPE, which would kill the worker
// before it can exit with ExitHostGone. Linux suppresses it per call (MSG_NOSIGNAL), macOS
// per socket (SO_NOSIGPIPE); a platform with neither would need SIGPIPE ignored.
#ifdef MSG_NOSIGNAL
constexpr int sendFlags = MSG_NOSIGNAL;
#else
constexpr int sendFlags = 0;
#endif

bool suppressSigpipe([[maybe_unused]] int fd)
{
#ifdef SO_NOSIGPIPE
    const int on = 1;
    return ::setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &on, sizeof(on)) == 0;
#else
    static_assert(sendFlags != 0, "no way to suppress SIGPIPE on this platform");
    return true;
#endif
}

// connect() interrupted by a signal goes on in the background (POSIX); it is not restarted
// but waited for, and its result read from SO_ERROR.
int finishInterruptedConnect(int fd)
{
    pollfd pending{fd, POLLOUT, 0};
    int rc;
    do {
        rc = ::poll(&pending, 1, -1);
    } while (rc < 0 && errno == EINTR);
    if (rc < 0)
        return errno;
    int socketError = 0;
    socklen_t length = sizeof(socketError);
    if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &socketError, &length) < 0)
        return errno;
    return socketError;
}

} // namespace

HostConnection::~HostConnection()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool HostConnection::connectTo(const std::string &serverName, std::string *error)
{
    if (serverName.empty() || serverName.find('\0') != std::string::npos) {
        *error = "invalid server name '" + serverName + "'";
        return false;
    }
    // The environment hands us the name in the local 8-bit encoding, as the OS wants it.
    const std::string path = socketPathFor(serverName);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (path.size() >= sizeof(address.sun_path)) { // room for the terminating NUL
        *error = "server path '" + path + "' is too long (" + std::to_string(path.size()) + " bytes, at most "
            + std::to_string(sizeof(address.sun_path) - 1) + ")";
        return false;
    }
    std::memcpy(address.sun_path, path.data(), path.size());

    const int fd = createCloseOnExecSocket();
    if (fd < 0 || !suppressSigpipe(fd)) {
        *error = std::string("cannot create a socket: ") + std::strerror(errno);
        if (fd >= 0)
            ::close(fd);
        return false;
    }
    int connectError = 0;
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof(address)) < 0)
        connectError = errno == EINTR ? finishInterruptedConnect(fd) : errno;
    if (connectError != 0) {
        *error = "connect to " + path + ": " + std::strerror(connectError);
        ::close(fd);
        return false;
    }
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = fd;
    return true;
}

bool HostConnection::send(std::string_view bytes)
{
    const std::lock_guard lock(m_sendMutex);
    const char *data = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        const ssize_t written = ::send(m_fd, data, left, sendFlags);
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += written;
        left -= static_cast<std::size_t>(written);
    }
    return true;
}

bool HostConnection::receive(std::string *bytes)
{
    char buffer[16 * 1024];
    for (;;) {
        const ssize_t got = ::recv(m_fd, buffer, sizeof(buffer), 0);
        if (got > 0) {
            bytes->append(buffer, static_cast<std::size_t>(got));
            return true;
        }
        if (got < 0 && errno == EINTR)
            continue;
        return false;
    }
}

} // namespace ProcessLab::Worker
