# SPDX-License-Identifier: MIT
"""This process's connection to the run's server: one per Python process.

The first frame is a Hello with the run token (as processlab-worker sends it), then a
py.process notification naming the process. A reader thread waits on the socket: its end
means the host is gone, and so is this process (exit code 78, the worker's "control
connection closed"). After fork() the child never writes to its parent's connection:
current() answers only in the process that connected.
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
            except OSError:
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


def connect(name, main, method=None):
    """Connects this process to the run's server and says who it is. None when the
    environment names no server (not run by ProcessLab) or the server cannot be reached:
    the process then runs as it would without ProcessLab, printing to its real streams."""
    global _connection
    if current() is not None:
        return _connection
    server = os.environ.get(SERVER_ENV)
    token_hex = os.environ.get(TOKEN_ENV)
    if not server or not token_hex or not hasattr(socket, "AF_UNIX"):
        return None  # Windows' named pipe: not yet (docs/python-runner.md)
    try:
        token = bytes.fromhex(token_hex)
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.connect(server)
        sock.sendall(frames.hello(token, os.getpid(), time.monotonic_ns()))
    except (OSError, ValueError) as error:
        sys.__stderr__.write("processlab: cannot connect to the host: %s\n" % error)
        return None
    connection = HostConnection(sock)
    connection.notify("py.process", {"name": name, "ppid": os.getppid(), "main": bool(main),
                                     "method": method, "t": time.monotonic_ns()})
    connection.start_reader()
    _connection = connection
    return connection


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
