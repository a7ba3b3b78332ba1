# SPDX-License-Identifier: MIT
"""sys.stdout and sys.stderr of a reporting process: each complete line goes to the host in a
py.out frame, so every line lands in its own process's pane although all processes inherit
one stdout. One frame per write() with all its complete lines; a partial line waits for its
newline or the process's end. Without a connection the text goes to the real stream."""

import io
import os
import threading
import time

from . import connection

STDOUT = 0
STDERR = 1
# Text per frame: far below the 16 MiB frame cap even at 4 UTF-8 bytes per character. A
# longer line is cut here (the record keeps 65,536 characters of a line anyway).
MAX_CHARS_PER_FRAME = 1 << 20


class FrameWriter(io.TextIOBase):
    def __init__(self, stream, fallback):
        super().__init__()
        self._stream = stream
        self._fallback = fallback
        self._partial = []
        self._lock = threading.RLock()
        self._pid = os.getpid()

    @property
    def encoding(self):
        return "utf-8"

    @property
    def errors(self):
        return "strict"

    @property
    def buffer(self):
        # Code that writes bytes (sys.stdout.buffer.write) reaches the real stream.
        return self._fallback.buffer

    def writable(self):
        return True

    def isatty(self):
        return False

    def fileno(self):
        return self._fallback.fileno()

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError("write() argument must be str, not %s" % type(text).__name__)
        if not text:
            return 0
        with self._lock:
            if "\n" not in text:
                self._partial.append(text)
                return len(text)
            lines = ("".join(self._partial) + text).split("\n")
            rest = lines.pop()
            self._partial = [rest] if rest else []
            self._send(lines)
        return len(text)

    def flush(self):
        # A partial line stays until its newline, as a terminal shows it; only the real
        # stream (used without a connection) needs flushing.
        if connection.current() is None and self._fallback is not None:
            self._fallback.flush()

    def finish(self):
        """At the process's end: the partial line, if any, as a last line."""
        with self._lock:
            if self._partial:
                lines, self._partial = ["".join(self._partial)], []
                self._send(lines)

    def _send(self, lines):
        host = connection.current()
        if host is not None:
            batch, size = [], 0
            for line in lines:
                line = line[:MAX_CHARS_PER_FRAME]
                if batch and size + len(line) > MAX_CHARS_PER_FRAME:
                    if not self._send_batch(host, batch):
                        break
                    batch, size = [], 0
                batch.append(line)
                size += len(line)
            else:
                if self._send_batch(host, batch):
                    return
        if self._fallback is not None:
            self._fallback.write("\n".join(lines) + "\n")
            self._fallback.flush()

    def _send_batch(self, host, batch):
        return host.notify("py.out", {"s": self._stream, "lines": batch, "t": time.monotonic_ns()})

    def after_fork_in_child(self):
        # The parent's partial line is the parent's; the lock may have been held at fork().
        self._partial = []
        self._lock = threading.RLock()
        self._pid = os.getpid()


_fork_handler_registered = False


def install():
    """Replaces sys.stdout and sys.stderr by frame writers (once per process)."""
    import sys
    global _fork_handler_registered
    if not _fork_handler_registered:
        # Also for a user's own os.fork(): the writers' lock may be held at the fork.
        _fork_handler_registered = True
        os.register_at_fork(after_in_child=after_fork_in_child)
    if not isinstance(sys.stdout, FrameWriter):
        sys.stdout = FrameWriter(STDOUT, sys.stdout)
    if not isinstance(sys.stderr, FrameWriter):
        sys.stderr = FrameWriter(STDERR, sys.stderr)


def finish():
    import sys
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, FrameWriter):
            stream.finish()


def after_fork_in_child():
    import sys
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, FrameWriter):
            stream.after_fork_in_child()
