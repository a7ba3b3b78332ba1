# SPDX-License-Identifier: MIT
"""Hooks in multiprocessing: what each process does, reported to the host
(docs/python-runner.md, "What each hook sends"). install() only patches classes; a process
connects when it becomes a reporting process (the main interpreter at start, a Process in
its _bootstrap), so helper processes (resource tracker, forkserver) stay silent."""

import os
import time

from . import capture, connection, ipc

IPC_TEXT_LIMIT = ipc.IPC_TEXT_LIMIT
short_repr = ipc.short_repr  # shared objects' hooks: ipc.py

_installed = False


def _notify(name, body):
    host = connection.current()
    if host is not None:
        body["t"] = time.monotonic_ns()
        host.notify(name, body)


def _install_process_hooks():
    from multiprocessing import process

    original_start = process.BaseProcess.start
    original_bootstrap = process.BaseProcess._bootstrap
    original_join = process.BaseProcess.join

    def start(self):
        started_ns = time.monotonic_ns()
        original_start(self)
        host = connection.current()
        if host is not None:
            host.notify("py.start", {"name": self.name, "pid": self.pid, "t": started_ns,
                                     "method": getattr(self._popen, "method", None)})

    def _bootstrap(self, *args, **kwargs):
        connection.connect(self.name, main=False, method=self._start_method)
        capture.install()
        code = original_bootstrap(self, *args, **kwargs)
        ipc.flush_all()  # the last counters of objects past their budget
        capture.finish()
        _notify("py.exit", {"code": code})
        return code

    def join(self, timeout=None):
        original_join(self, timeout)
        code = self.exitcode
        if code is not None and not getattr(self, "_processlab_joined", False):
            self._processlab_joined = True
            _notify("py.join", {"pid": self.pid, "exitcode": code})

    start.__wrapped__ = original_start
    _bootstrap.__wrapped__ = original_bootstrap
    join.__wrapped__ = original_join
    process.BaseProcess.start = start
    process.BaseProcess._bootstrap = _bootstrap
    process.BaseProcess.join = join


def _after_fork_in_child():
    connection.after_fork_in_child()
    capture.after_fork_in_child()


def install():
    """Patches multiprocessing in this process; idempotent."""
    global _installed
    if _installed:
        return
    _installed = True
    _install_process_hooks()
    ipc.install()  # Queue, Pipe, Lock, Value/Array, Pool: patched when first imported
    os.register_at_fork(after_in_child=_after_fork_in_child)
