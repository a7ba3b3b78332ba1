// SPDX-License-Identifier: MIT
#include "interrupthandler.h"

#ifdef Q_OS_WIN
#include <QCoreApplication>
#include <windows.h>
#else
#include <QSocketNotifier>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>
#endif

namespace ProcessLab {

namespace {
InterruptHandler *s_instance = nullptr;
}

#ifdef Q_OS_WIN

namespace {
BOOL WINAPI consoleHandler(DWORD type)
{
    if (type != CTRL_C_EVENT && type != CTRL_BREAK_EVENT && type != CTRL_CLOSE_EVENT)
        return FALSE;
    if (InterruptHandler *handler = s_instance)
        QMetaObject::invokeMethod(handler, [handler] { emit handler->interrupted(2); }, Qt::QueuedConnection);
    return TRUE;
}
} // namespace

InterruptHandler::InterruptHandler(QObject *parent)
    : QObject(parent)
{
    s_instance = this;
    SetConsoleCtrlHandler(consoleHandler, TRUE);
}

InterruptHandler::~InterruptHandler()
{
    SetConsoleCtrlHandler(consoleHandler, FALSE);
    s_instance = nullptr;
}

#else

namespace {
int s_pipe[2] = {-1, -1};

void signalHandler(int signalNumber)
{
    const int savedErrno = errno; // the interrupted code may be looking at errno
    const unsigned char byte = static_cast<unsigned char>(signalNumber);
    [[maybe_unused]] const ssize_t ignored = ::write(s_pipe[1], &byte, 1); // async-signal-safe
    errno = savedErrno;
}
} // namespace

InterruptHandler::InterruptHandler(QObject *parent)
    : QObject(parent)
{
    s_instance = this;
    if (::pipe(s_pipe) != 0)
        return;
    for (const int fd : s_pipe) {
        ::fcntl(fd, F_SETFD, FD_CLOEXEC);
        ::fcntl(fd, F_SETFL, O_NONBLOCK);
    }
    auto *notifier = new QSocketNotifier(s_pipe[0], QSocketNotifier::Read, this);
    connect(notifier, &QSocketNotifier::activated, this, [this] {
        unsigned char byte = 0;
        while (::read(s_pipe[0], &byte, 1) == 1)
            emit interrupted(byte);
    });
    struct sigaction action{};
    action.sa_handler = signalHandler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGHUP, &action, nullptr);
}

InterruptHandler::~InterruptHandler()
{
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    std::signal(SIGHUP, SIG_DFL);
    qDeleteAll(findChildren<QSocketNotifier *>()); // before its descriptor goes
    for (int &fd : s_pipe) {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
    s_instance = nullptr;
}

#endif

} // namespace ProcessLab
