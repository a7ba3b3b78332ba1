# SPDX-License-Identifier: MIT
"""This process's connection to the run's server: one per Python process.

The first frame is a Hello with the run token (as processlab-worker sends it), then a
py.process notification naming the process. A reader thread waits on the socket: its end
means the host is gone, and so is this process (exit code 78, the worker's "control
connection closed"). After fork() the child never writes to its parent's connection:
current() answers only in the process that connected. Once connected, the process's
executing line is sampled (sampler.py).

Windows (os.name == "nt"): QLocalServer listens on a named pipe, and PROCESSLAB_SERVER is its
full name (\\.\pipe\<name>, what QLocalServer::fullServerName() gives). The pipe is opened
as a file, unbuffered, and only written: a synchronous pipe handle serialises its I/O, so a
reader thread blocked in ReadFile would hold every write until the host sent something. No
reader is needed there: the host runs in a kill-on-close Job Object that every Python process
inherits, so they die with it (docs/python-runner.md, "Death rules"). Untested here (no
Windows machine): the Unix socket path is the tested one.
"""

import os
import socket
import sys
import threading
import time

from . import frames

SERVER_ENV = "PROCESSLAB_SERVER"
TOKEN_ENV = "PROCESSLAB_TOKEN"
EXIT_HOST_GONE = 78


PIPE_BUSY_WAIT_MS = 5000  # Windows: how long to wait for a free instance of the pipe


class _PipeFile:
    """Windows: the named pipe as a write-only byte stream with sendall()/close()."""

    def __init__(self, path):
        deadline = time.monotonic() + PIPE_BUSY_WAIT_MS / 1000
        while True:
            try:
                self._file = open(path, "r+b", buffering=0)
                return
            except OSError as error:
                # ERROR_PIPE_BUSY (231): every instance is taken for a moment; QLocalServer
                # creates the next one when it accepted the previous connection.
                if getattr(error, "winerror", None) != 231 or time.monotonic() > deadline:
                    raise
                time.sleep(0.01)

    def sendall(self, data):
        view = memoryview(data)
        while view:
            written = self._file.write(view)
            if not written:
                raise OSError("the host's pipe accepted nothing")
            view = view[written:]

    def close(self):
        self._file.close()


def _open_transport(server):
    """The connected transport to the run's server (a socket, or a pipe on Windows)."""
    if os.name == "nt":
        return _PipeFile(server)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.connect(server)
    except OSError:
        sock.close()
        raise
    return sock


class HostConnection:
    def __init__(self, sock):
        self._sock = sock
        self._lock = threading.Lock()
        self.pid = os.getpid()

    def send(self, data):
        """Writes one whole frame; False once the connection is broken."""
        with self._lock:
            if self._sock is None:
                return False
            try:
                self._sock.sendall(data)
                return True
            except (OSError, ValueError):
                self._sock = None
                return False

    def notify(self, name, body):
        try:
            data = frames.notify(name, body)
        except ValueError:
            return False
        return self.send(data)

    def _read_until_closed(self, sock):
        try:
            while sock.recv(4096):
                pass  # the host sends nothing to Python processes yet
        except OSError:
            pass
        if os.getpid() == self.pid:
            os._exit(EXIT_HOST_GONE)

    def start_reader(self):
        if not hasattr(self._sock, "recv"):
            return  # Windows' pipe: written only (see above)
        thread = threading.Thread(target=self._read_until_closed, args=(self._sock,),
                                  name="processlab-host", daemon=True)
        thread.start()


_connection = None


def current():
    """This process's connection, or None (not connected, or inherited through fork)."""
    connection = _connection
    if connection is not None and connection.pid == os.getpid():
        return connection
    return None


_fork_handler_registered = False


def connect(name, main, method=None, helper=None):
    """Connects this process to the run's server and says who it is (helper: what kind of
    multiprocessing helper it is, e.g. "manager", or None for the user's own processes). None
    when the environment names no server (not run by ProcessLab) or the server cannot be
    reached: the process then runs as it would without ProcessLab, printing to its real
    streams."""
    global _connection, _fork_handler_registered
    if current() is not None:
        return _connection
    server = os.environ.get(SERVER_ENV)
    token_hex = os.environ.get(TOKEN_ENV)
    if not server or not token_hex or (os.name != "nt" and not hasattr(socket, "AF_UNIX")):
        return None
    sock = None
    try:
        token = bytes.fromhex(token_hex)
        sock = _open_transport(server)
        sock.sendall(frames.hello(token, os.getpid(), time.monotonic_ns()))
    except (OSError, ValueError) as error:
        if sock is not None:
            sock.close()
        sys.__stderr__.write("processlab: cannot connect to the host: %s\n" % error)
        return None
    if not _fork_handler_registered:
        _fork_handler_registered = True
        os.register_at_fork(after_in_child=after_fork_in_child)
    connection = HostConnection(sock)
    body = {"name": name, "ppid": os.getppid(), "main": bool(main), "method": method,
            "t": time.monotonic_ns()}
    if helper:
        body["helper"] = helper
    connection.notify("py.process", body)
    connection.start_reader()
    _connection = connection
    from . import sampler
    sampler.start()
    return connection


def cpu_time_ns():
    """This process's CPU time so far (user + system, all its threads), for its last sample."""
    times = os.times()
    return int((times.user + times.system) * 1e9)


def after_fork_in_child():
    inherited = _connection
    if inherited is not None and inherited.pid != os.getpid():
        sock = inherited._sock
        inherited._sock = None
        inherited._lock = threading.Lock()
        if sock is not None:
            try:
                sock.close()  # this process's copy of the descriptor only
            except OSError:
                pass
