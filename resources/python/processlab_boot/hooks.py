# SPDX-License-Identifier: MIT
"""Hooks in multiprocessing: what each process does, reported to the host
(docs/python-runner.md, "What each hook sends"). install_for(module) patches one module's
classes when lazy.py sees it imported (install() sets that up); a process
connects when it becomes a reporting process (the main interpreter at start, a Process in
its _bootstrap), so helper processes (resource tracker, forkserver) stay silent."""

import functools
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


def helper_kind(process):
    """"manager" for a Manager's server process (BaseManager.start() runs _run_server in a
    Process), else None: the host marks helpers so that views can tell them from the user's."""
    target = getattr(getattr(process, "_target", None), "__func__", None)
    if (getattr(target, "__module__", None) == "multiprocessing.managers"
            and getattr(target, "__name__", None) == "_run_server"):
        return "manager"
    return None


def _install_process_hooks():
    from multiprocessing import process

    original_start = process.BaseProcess.start
    original_bootstrap = process.BaseProcess._bootstrap
    original_join = process.BaseProcess.join

    def start(self):
        started_ns = time.monotonic_ns()
        helper = helper_kind(self)  # start() deletes self._target in the parent
        original_start(self)
        host = connection.current()
        if host is not None:
            body = {"name": self.name, "pid": self.pid, "t": started_ns,
                    "method": getattr(self._popen, "method", None)}
            if helper:
                body["helper"] = helper
            host.notify("py.start", body)

    def _bootstrap(self, *args, **kwargs):
        connection.connect(self.name, main=False, method=self._start_method,
                           helper=helper_kind(self))
        capture.install()
        code = original_bootstrap(self, *args, **kwargs)
        ipc.flush_all()  # the last counters of objects past their budget
        capture.finish()
        _notify("py.exit", {"code": code, "cpu": connection.cpu_time_ns()})
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


def _install_ipc(module_name):
    # Once: counts reset at fork, final counters at exit. Only this module is patched here: the
    # others may be half executed (multiprocessing.queues imports connection midway).
    ipc.install()
    ipc.install_module(module_name)


# Which hooks patch which module (lazy.py patches each when it is first imported). The IPC
# hooks' bodies are in ipc.py.
_INSTALLERS = {
    "multiprocessing.process": _install_process_hooks,
    **{name: functools.partial(_install_ipc, name)
       for name in ("multiprocessing.queues", "multiprocessing.connection", "multiprocessing.synchronize",
                    "multiprocessing.pool", "multiprocessing.sharedctypes")},
}
_installed_modules = set()


def install_for(module_name):
    """Patches one module of multiprocessing (already imported); idempotent. (A forked child's
    connection and writers are reset by the fork handlers connection.py and capture.py register
    when they are set up.)"""
    if module_name in _installed_modules:
        return
    _installed_modules.add(module_name)
    installer = _INSTALLERS.get(module_name)
    if installer is not None:
        installer()


def install():
    """Patches multiprocessing in this process: now for the modules imported already, and
    each other one when it is first imported (lazy.py); idempotent."""
    global _installed
    if _installed:
        return
    _installed = True
    from . import lazy
    lazy.install()
