# SPDX-License-Identifier: MIT
"""The executing line of a reporting process, sampled (docs/python-runner.md, "Line tracing").

sys.settrace made a tight loop 13 to 29 times slower here, so the line is not traced: a daemon
thread wakes every INTERVAL, reads the main thread's frame (sys._current_frames()), walks out
to the innermost frame of the script that was started (PROCESSLAB_SCRIPT, else __main__'s
file) and sends py.line {line} when that line changed since the last frame it sent. At most
one frame per wake-up (20 a second), nothing per executed line; a process outside the script
(in the standard library, the bootstrap, or finished) sends nothing."""

import os
import sys
import threading
import time

from . import connection

SCRIPT_ENV = "PROCESSLAB_SCRIPT"
INTERVAL = 0.05  # seconds between samples

_sampler = None


def _same_file(path):
    """A function telling whether a code object's file is `path` (realpath, cached by name)."""
    target = os.path.normcase(os.path.realpath(path))
    cache = {}

    def matches(filename):
        known = cache.get(filename)
        if known is None:
            if filename.startswith("<"):  # <string>, <frozen ...>
                known = False
            else:
                known = os.path.normcase(os.path.realpath(filename)) == target
            if len(cache) < 4096:
                cache[filename] = known
        return known

    return matches


class LineSampler:
    def __init__(self, script, thread_id):
        self._is_script = _same_file(script)
        self._thread_id = thread_id
        self._last_line = 0
        self.pid = os.getpid()

    def current_line(self):
        """The line of the innermost script frame the watched thread is in, or 0."""
        frame = sys._current_frames().get(self._thread_id)
        while frame is not None:
            if self._is_script(frame.f_code.co_filename):
                return frame.f_lineno or 0
            frame = frame.f_back
        return 0

    def sample_once(self):
        """One sample: sends py.line if the line changed; False once the host is gone."""
        host = connection.current()
        if host is None:
            return False
        line = self.current_line()
        if line > 0 and line != self._last_line:
            self._last_line = line
            return host.notify("py.line", {"line": line, "t": time.monotonic_ns()})
        return True

    def run(self):
        while os.getpid() == self.pid and self.sample_once():
            time.sleep(INTERVAL)


def script_path():
    """The script whose lines are reported: the one the host started, else __main__'s file."""
    path = os.environ.get(SCRIPT_ENV)
    if path:
        return path
    main = sys.modules.get("__main__")
    return getattr(main, "__file__", None)


def start():
    """Starts sampling this process's main thread (once per process; again after fork)."""
    global _sampler
    if _sampler is not None and _sampler.pid == os.getpid():
        return
    script = script_path()
    if not script or not hasattr(sys, "_current_frames"):
        return
    _sampler = LineSampler(script, threading.main_thread().ident)
    thread = threading.Thread(target=_sampler.run, name="processlab-lines", daemon=True)
    thread.start()
