# SPDX-License-Identifier: MIT
"""Hooks in multiprocessing: what each process does, reported to the host
(docs/python-runner.md, "What each hook sends"). install_for(module) patches one module's
classes when lazy.py sees it imported (install() sets that up); a process
connects when it becomes a reporting process (the main interpreter at start, a Process in
its _bootstrap), so helper processes (resource tracker, forkserver) stay silent."""

import itertools
import os
import time

from . import capture, connection

IPC_TEXT_LIMIT = 256  # bytes of an item's repr (Protocol::ipcTextLimit)

_installed = False
_queue_numbers = itertools.count(1)


def short_repr(value):
    try:
        text = repr(value)
    except Exception:  # a user's __repr__ may raise anything
        text = "<%s object>" % type(value).__name__
    data = text.encode("utf-8", "replace")
    if len(data) <= IPC_TEXT_LIMIT:
        return text
    return data[:IPC_TEXT_LIMIT - 3].decode("utf-8", "ignore") + "\u2026"


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


def _install_queue_hooks():
    from multiprocessing import queues

    Queue = queues.Queue
    original_init = Queue.__init__
    original_getstate = Queue.__getstate__
    original_setstate = Queue.__setstate__
    original_put = Queue.put
    original_get = Queue.get

    def __init__(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        # Names the queue in every process: the id travels with it when it is pickled.
        self._processlab_id = "%d:%d" % (os.getpid(), next(_queue_numbers))

    def __getstate__(self):
        return (original_getstate(self), getattr(self, "_processlab_id", ""))

    def __setstate__(self, state):
        original_setstate(self, state[0])
        self._processlab_id = state[1]

    def put(self, obj, block=True, timeout=None):
        original_put(self, obj, block, timeout)
        _notify("py.queue", {"q": getattr(self, "_processlab_id", ""), "op": "put",
                             "text": short_repr(obj)})

    def get(self, block=True, timeout=None):
        item = original_get(self, block, timeout)
        _notify("py.queue", {"q": getattr(self, "_processlab_id", ""), "op": "get",
                             "text": short_repr(item)})
        return item

    Queue.__init__ = __init__
    Queue.__getstate__ = __getstate__
    Queue.__setstate__ = __setstate__
    Queue.put = put
    Queue.get = get


def _after_fork_in_child():
    connection.after_fork_in_child()
    capture.after_fork_in_child()


# Which hooks patch which module (lazy.py patches each when it is first imported). Modules
# without hooks yet are listed too (lazy.PATCHED_MODULES), so adding one needs no change there.
_INSTALLERS = {
    "multiprocessing.process": _install_process_hooks,
    "multiprocessing.queues": _install_queue_hooks,
}
_installed_modules = set()
_fork_handler_registered = False


def install_for(module_name):
    """Patches one module of multiprocessing (already imported); idempotent."""
    global _fork_handler_registered
    if module_name in _installed_modules:
        return
    _installed_modules.add(module_name)
    if not _fork_handler_registered:
        _fork_handler_registered = True
        os.register_at_fork(after_in_child=_after_fork_in_child)
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
