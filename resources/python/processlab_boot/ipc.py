# SPDX-License-Identifier: MIT
"""Hooks in multiprocessing's shared objects: Queue, Pipe, Lock/RLock, Value/Array and Pool
report what each process does with them (docs/python-runner.md, "Shared objects").

Frames (Notify name: body), every body with "id" (the object's "<creator pid>:<n>", which
travels with the object when it is pickled for a spawn child), "op" and "t":
  py.queue  op new (name, n = maxsize) | put | get | blocked | failed | counters
  py.pipe   op new (name, n = 1 duplex / 0) | send | recv | close | blocked | failed | counters,
            "end": 0 for the first end Pipe() returned, 1 for the second
  py.lock   op new (name) | acquire | release | blocked | failed | counters
  py.value  op new (name, n = cells, array) | acquire | release (get_lock()) | write ("index")
            | blocked | failed | counters ("value": an integer Value's value)
  py.pool   op new (name, n = processes) | queued (job, i, items, text) | map (job, chunksize,
            items, fn) | worker | started / finished / failed (job, i, items, text) | counters
put/get/send/recv/write carry "text", the item's repr cut to 256 bytes.

Budget: per object and process, the first OPERATION_BUDGET operations are sent one by one;
after that only "counters" frames ("c": every operation this process did on the object, per
kind, including those sent one by one) at most every COUNTERS_INTERVAL_NS, and a last one when
the process ends (flush_all()). So a 100,000-item queue costs ~10,000 frames per process.

Which objects: every Queue and Pool; a Pipe, Lock, RLock, Value or Array only when the user's
code created it (multiprocessing's own pipes and locks — inside Queue, Manager, Value — stay
silent). The name is the assignment's target on the creating line ("queue",
"parent_conn, child_conn"), else Python's kind and a number ("Queue 1").
"""

import atexit
import itertools
import linecache
import os
import re
import sys
import time

from . import connection

IPC_TEXT_LIMIT = 256  # bytes of an item's repr (Protocol::ipcTextLimit)
OPERATION_BUDGET = 10_000  # per object and process: operations sent one by one
COUNTERS_INTERVAL_NS = 50_000_000
_CHECK_CLOCK_EVERY = 64  # past the budget: read the clock every this many operations

_object_numbers = itertools.count(1)
_kind_numbers = {}
_states = {}  # object id -> _Counts, this process's own operations
_ASSIGNMENT = re.compile(r"^\s*([A-Za-z_][\w.]*(?:\s*,\s*[A-Za-z_][\w.]*)*)\s*=(?!=)")
_NOTHING = object()


def short_repr(value):
    try:
        text = repr(value)
    except Exception:  # a user's __repr__ may raise anything
        text = "<%s object>" % type(value).__name__
    data = text.encode("utf-8", "replace")
    if len(data) <= IPC_TEXT_LIMIT:
        return text
    return data[:IPC_TEXT_LIMIT - 3].decode("utf-8", "ignore") + "\u2026"


def _user_frame():
    """The frame of the user's code that created an object, or None when multiprocessing
    itself made it (a Queue's internal pipe and lock, a Value's RLock, a Manager's pipe)."""
    frame = sys._getframe(2)
    while frame is not None:
        module = frame.f_globals.get("__name__", "")
        if module == "multiprocessing.context" or module.startswith("processlab_boot"):
            frame = frame.f_back
            continue
        if module == "multiprocessing" or module.startswith("multiprocessing."):
            return None
        return frame
    return None


def _outer_frame():
    """The first frame outside multiprocessing and the bootstrap (where a Queue or Pool that
    multiprocessing's own subclass made, JoinableQueue, was asked for)."""
    frame = sys._getframe(2)
    while frame is not None:
        module = frame.f_globals.get("__name__", "")
        if not (module == "multiprocessing" or module.startswith("multiprocessing.")
                or module.startswith("processlab_boot")):
            return frame
        frame = frame.f_back
    return None


def _name_at(frame, kind):
    if frame is not None:
        line = linecache.getline(frame.f_code.co_filename, frame.f_lineno)
        match = _ASSIGNMENT.match(line)
        if match:
            return re.sub(r"\s*,\s*", ", ", match.group(1))
    number = _kind_numbers.get(kind, 0) + 1
    _kind_numbers[kind] = number
    return "%s %d" % (kind, number)


def _new_id():
    return "%d:%d" % (os.getpid(), next(_object_numbers))


class _Counts:
    __slots__ = ("frame", "sent", "past", "counts", "last_flush", "value_of", "fast")

    def __init__(self, frame):
        self.frame = frame
        self.sent = 0
        self.past = 0
        self.counts = {}
        self.last_flush = 0
        self.value_of = None
        self.fast = []  # objects past the budget that count on themselves (_go_fast)

    def totals(self):
        """Every operation so far: those counted here and those the fast objects counted."""
        totals = dict(self.counts)
        for member in self.fast:
            for key, count in member._processlab_fast_counts():
                if count:
                    totals[key] = totals.get(key, 0) + count
        return totals


_host = None  # this process's connection once known (connection.current() reads the pid: a syscall)


def _current_host():
    global _host
    host = _host
    if host is None:
        host = _host = connection.current()
    return host


def _state(frame, tag):
    state = _states.get(tag)
    if state is None:
        state = _states[tag] = _Counts(frame)
    return state


def observing(tag):
    """True while this process still sends this object's operations one by one."""
    state = _states.get(tag)
    if state is None:
        return _current_host() is not None
    return state.sent < OPERATION_BUDGET


def announce(frame, tag, name, n=0, **extra):
    host = _current_host()
    if host is not None:
        body = {"id": tag, "op": "new", "name": name, "n": n, "t": time.monotonic_ns()}
        body.update(extra)
        host.notify(frame, body)


def announce_op(frame, tag, op, **fields):
    """A frame sent whatever the budget (one per call of the user's, never per item)."""
    host = _current_host()
    if host is not None:
        body = {"id": tag, "op": op, "t": time.monotonic_ns()}
        body.update(fields)
        host.notify(frame, body)


def report(frame, tag, op, key=None, item=_NOTHING, text=None, extra=None):
    """One operation: counted; sent alone while the budget lasts, else in counters."""
    state = _states.get(tag)
    if state is None:
        if _current_host() is None:
            return  # not a reporting process (yet)
        state = _states[tag] = _Counts(frame)
    if key is not None:
        counts = state.counts
        counts[key] = counts.get(key, 0) + 1
    if state.sent >= OPERATION_BUDGET:  # the fast path: counted only
        state.past += 1
        if state.past % _CHECK_CLOCK_EVERY == 1:
            _maybe_flush(tag, state)
        return
    state.sent += 1
    body = {"id": tag, "op": op, "t": time.monotonic_ns()}
    if item is not _NOTHING:
        body["text"] = short_repr(item)
    elif text is not None:
        body["text"] = text
    if extra:
        body.update(extra)
    _current_host().notify(frame, body)


def _maybe_flush(tag, state):
    now = time.monotonic_ns()
    if now - state.last_flush >= COUNTERS_INTERVAL_NS:
        _send_counters(_current_host(), tag, state, now)


def _send_counters(host, tag, state, now):
    state.last_flush = now
    body = {"id": tag, "op": "counters", "c": state.totals(), "t": now}
    if state.value_of is not None:
        try:
            value = state.value_of()
        except Exception:
            value = None
        if isinstance(value, int) and not isinstance(value, bool) and -(1 << 63) <= value < (1 << 63):
            body["value"] = value
    host.notify(state.frame, body)


def flush_all():
    """The last counters of every object this process went past the budget on (at its end)."""
    host = _current_host()
    if host is None:
        return
    now = time.monotonic_ns()
    for tag, state in list(_states.items()):
        if state.past:
            _send_counters(host, tag, state, now)


def _fast_tick(tag):
    """A fast object's every 1,024th operation: counters if COUNTERS_INTERVAL_NS have passed."""
    state = _states.get(tag)
    if state is not None:
        _maybe_flush(tag, state)


def _go_fast(state, member):
    """`member` (a lock view or a Value) counts its own operations from now on: its class
    becomes a twin whose methods only count (docs/python-runner.md, "Measured")."""
    if not any(known is member for known in state.fast):
        state.fast.append(member)
    state.past += 1


def _after_fork_in_child():
    global _host
    _host = None
    for state in _states.values():
        for member in state.fast:
            member._processlab_slow()  # the child's budget starts anew
    _states.clear()  # counts are per process


# --- Queue -------------------------------------------------------------------------------

def _patch_queues(queues):
    Queue = queues.Queue
    original_init = Queue.__init__
    original_getstate = Queue.__getstate__
    original_setstate = Queue.__setstate__

    def __init__(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        # Names the queue in every process: the id travels with it when it is pickled.
        self._processlab_id = _new_id()
        announce("py.queue", self._processlab_id, _name_at(_outer_frame(), "Queue"),
                 self._maxsize if self._maxsize < 2147483647 else 0)

    def __getstate__(self):
        return (original_getstate(self), getattr(self, "_processlab_id", ""))

    def __setstate__(self, state):
        original_setstate(self, state[0])
        self._processlab_id = state[1]

    def wrap_put(original_put):
        def put(self, obj, block=True, timeout=None):
            tag = getattr(self, "_processlab_id", "")
            if not tag:
                return original_put(self, obj, block, timeout)
            if block and self._maxsize < 2147483647 and observing(tag) and self.full():
                report("py.queue", tag, "blocked", text="put")
            try:
                original_put(self, obj, block, timeout)
            except queues.Full:
                report("py.queue", tag, "failed", text="queue.Full")
                raise
            report("py.queue", tag, "put", "put", item=obj)
        put.__wrapped__ = original_put
        return put

    original_get = Queue.get

    def get(self, block=True, timeout=None):
        tag = getattr(self, "_processlab_id", "")
        if not tag:
            return original_get(self, block, timeout)
        if block and observing(tag) and not self._closed and not self._poll():
            report("py.queue", tag, "blocked", text="get")
        try:
            item = original_get(self, block, timeout)
        except queues.Empty:
            report("py.queue", tag, "failed", text="queue.Empty")
            raise
        report("py.queue", tag, "get", "get", item=item)
        return item

    get.__wrapped__ = original_get
    Queue.__init__ = __init__
    Queue.__getstate__ = __getstate__
    Queue.__setstate__ = __setstate__
    Queue.put = wrap_put(Queue.put)
    Queue.get = get
    queues.JoinableQueue.put = wrap_put(queues.JoinableQueue.put)  # its own put, not Queue's

    # A pool's task queue names its pool in the worker processes (Pool below).
    SimpleQueue = queues.SimpleQueue
    simple_getstate = SimpleQueue.__getstate__
    simple_setstate = SimpleQueue.__setstate__

    def simple_getstate_tagged(self):
        return (simple_getstate(self), getattr(self, "_processlab_pool", None))

    def simple_setstate_tagged(self, state):
        simple_setstate(self, state[0])
        self._processlab_pool = state[1]

    SimpleQueue.__getstate__ = simple_getstate_tagged
    SimpleQueue.__setstate__ = simple_setstate_tagged


# --- Pipe --------------------------------------------------------------------------------

def _tag_connection(conn, tag, end):
    conn._processlab_id = tag
    conn._processlab_end = end


def _rebuild_tagged_connection(rebuild, args, tag, end):
    conn = rebuild(*args)
    _tag_connection(conn, tag, end)
    return conn


def _patch_connection(connection_module):
    from multiprocessing import reduction

    original_pipe = connection_module.Pipe

    def Pipe(duplex=True):
        first, second = original_pipe(duplex)
        frame = _user_frame()
        if frame is not None:
            tag = _new_id()
            _tag_connection(first, tag, 0)
            _tag_connection(second, tag, 1)
            announce("py.pipe", tag, _name_at(frame, "Pipe"), 1 if duplex else 0)
        return first, second

    Pipe.__wrapped__ = original_pipe
    connection_module.Pipe = Pipe

    base = connection_module._ConnectionBase
    original_send = base.send
    original_recv = base.recv
    original_close = base.close

    def send(self, obj):
        original_send(self, obj)
        tag = getattr(self, "_processlab_id", None)
        if tag is not None:
            end = self._processlab_end
            report("py.pipe", tag, "send", "send%d" % end, item=obj, extra={"end": end})

    def recv(self):
        tag = getattr(self, "_processlab_id", None)
        if tag is None:
            return original_recv(self)
        end = self._processlab_end
        if observing(tag) and not self.closed and not self.poll():
            report("py.pipe", tag, "blocked", text="recv", extra={"end": end})
        try:
            message = original_recv(self)
        except EOFError:
            report("py.pipe", tag, "failed", text="EOFError", extra={"end": end})
            raise
        report("py.pipe", tag, "recv", "recv%d" % end, item=message, extra={"end": end})
        return message

    def close(self):
        tag = getattr(self, "_processlab_id", None)
        was_open = not self.closed
        original_close(self)
        if tag is not None and was_open:
            report("py.pipe", tag, "close", extra={"end": self._processlab_end})

    send.__wrapped__ = original_send
    recv.__wrapped__ = original_recv
    close.__wrapped__ = original_close
    base.send = send
    base.recv = recv
    base.close = close

    # A spawn child gets its end pickled: the id and end travel with it.
    table = reduction.ForkingPickler._extra_reducers
    for cls in list(table):
        if issubclass(cls, base):
            original_reduce = table[cls]

            def reduce_tagged(conn, original_reduce=original_reduce):
                rebuild, args = original_reduce(conn)
                tag = getattr(conn, "_processlab_id", None)
                if tag is None:
                    return rebuild, args
                return _rebuild_tagged_connection, (rebuild, args, tag, conn._processlab_end)

            table[cls] = reduce_tagged


# --- Lock, RLock, Value/Array and their get_lock() ---------------------------------------

class TrackedLock:
    """A user's view of a lock: acquire/release (and `with`) are reported on object `tag`."""

    def __init__(self, lock, frame, tag):
        self._lock = lock
        self._frame = frame
        self._tag = tag

    def acquire(self, block=True, timeout=None):
        semlock = self._lock._semlock
        if observing(self._tag):
            if semlock.acquire(False):
                report(self._frame, self._tag, "acquire", "acquire")
                return True
            if not block:
                report(self._frame, self._tag, "failed", text="acquire")
                return False
            report(self._frame, self._tag, "blocked", text="acquire")
        if semlock.acquire(block, timeout):
            report(self._frame, self._tag, "acquire", "acquire")
            return True
        report(self._frame, self._tag, "failed", text="acquire")
        return False

    def release(self):
        state = _states.get(self._tag)
        if state is not None and state.sent >= OPERATION_BUDGET:
            # Past the budget: the view goes fast here, where this thread holds the lock, so
            # one thread only swaps its class (another one's count would be lost).
            if type(self) is TrackedLock:
                self._go_fast(state)
            return type(self).release(self)
        self._lock._semlock.release()
        report(self._frame, self._tag, "release", "release")

    # `with lock:` (also the lock's own `with`, SemLock.__enter__ below).
    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        self.release()

    def _go_fast(self, state):
        self.__class__ = _counting_lock_class(self._lock._semlock, self._tag)
        self._bind()
        _go_fast(state, self)

    def _processlab_slow(self):
        self.__class__ = TrackedLock
        self._bind()

    def _bind(self):
        """A user's Lock calls its view's acquire/release (track()): the current class's."""
        if getattr(self._lock, "_processlab_view", None) is self:
            self._lock.acquire = self.acquire
            self._lock.release = self.release

    def __getattr__(self, name):
        return getattr(self._lock, name)

    def __repr__(self):
        return repr(self._lock)


def _counting_lock_class(semlock, tag):
    """The class of one lock view past the budget: each operation only counts, in this
    class's closure (cheaper than an attribute or report()'s dictionary), under the lock so
    threads lose no count; every 1,024th acquisition looks at the clock for the periodic
    counters. A class per view: made once, when the view goes past the budget."""
    acquire_now = semlock.acquire
    release_now = semlock.release
    acquired = released = 0

    class CountingLock(TrackedLock):
        def acquire(self, block=True, timeout=None):
            nonlocal acquired
            if acquire_now(block, timeout):
                acquired += 1
                if not acquired & 1023:
                    _fast_tick(tag)
                return True
            return False  # a failed acquire past the budget is not counted (as report())

        def release(self):
            nonlocal released
            released += 1  # before releasing: still under the lock
            try:
                release_now()
            except BaseException:
                released -= 1
                raise

        def __enter__(self):
            nonlocal acquired
            acquire_now()
            acquired += 1
            if not acquired & 1023:
                _fast_tick(tag)
            return True

        def __exit__(self, *args):
            nonlocal released
            released += 1
            release_now()

        def _processlab_fast_counts(self):
            return (("acquire", acquired), ("release", released))

    return CountingLock


def _rebuild_synchronized(obj, lock, tag):
    from multiprocessing import sharedctypes

    synchronized = sharedctypes.synchronized(obj, lock)
    synchronized._processlab_id = tag
    return synchronized


def _patch_synchronize(synchronize):
    SemLock = synchronize.SemLock
    original_getstate = SemLock.__getstate__
    original_setstate = SemLock.__setstate__
    original_enter = SemLock.__enter__
    original_exit = SemLock.__exit__

    def track(lock, tag):
        lock._processlab_id = tag
        lock._processlab_view = TrackedLock(lock, "py.lock", tag)
        lock.acquire = lock._processlab_view.acquire
        lock.release = lock._processlab_view.release

    def wrap_init(cls, kind):
        original_init = cls.__init__

        def __init__(self, *args, **kwargs):
            original_init(self, *args, **kwargs)
            frame = _user_frame()
            if frame is not None:
                tag = _new_id()
                track(self, tag)
                announce("py.lock", tag, _name_at(frame, kind))

        __init__.__wrapped__ = original_init
        cls.__init__ = __init__

    def __getstate__(self):
        state = original_getstate(self)
        tag = getattr(self, "_processlab_id", None)
        return state if tag is None else ("processlab", state, tag)

    def __setstate__(self, state):
        if isinstance(state, tuple) and len(state) == 3 and state[0] == "processlab":
            original_setstate(self, state[1])
            track(self, state[2])
        else:
            original_setstate(self, state)

    def __enter__(self):
        view = getattr(self, "_processlab_view", None)
        return original_enter(self) if view is None else view.__enter__()

    def __exit__(self, *args):
        view = getattr(self, "_processlab_view", None)
        return original_exit(self, *args) if view is None else view.__exit__(*args)

    wrap_init(synchronize.Lock, "Lock")
    wrap_init(synchronize.RLock, "RLock")
    SemLock.__getstate__ = __getstate__
    SemLock.__setstate__ = __setstate__
    SemLock.__enter__ = __enter__
    SemLock.__exit__ = __exit__


def _patch_sharedctypes(sharedctypes):
    def wrap_factory(original, kind):
        def factory(typecode_or_type, *args, **kwargs):
            obj = original(typecode_or_type, *args, **kwargs)
            frame = _user_frame()
            if frame is not None and isinstance(obj, sharedctypes.SynchronizedBase):
                tag = _new_id()
                obj._processlab_id = tag
                array = kind == "Array"
                announce("py.value", tag, _name_at(frame, kind), len(obj) if array else 1, array=array)
            return obj

        factory.__wrapped__ = original
        return factory

    sharedctypes.Value = wrap_factory(sharedctypes.Value, "Value")
    sharedctypes.Array = wrap_factory(sharedctypes.Array, "Array")

    base = sharedctypes.SynchronizedBase
    original_get_lock = base.get_lock
    original_reduce = base.__reduce__

    def get_lock(self):
        tag = getattr(self, "_processlab_id", None)
        if tag is None:
            return original_get_lock(self)
        view = self.__dict__.get("_processlab_lock")
        if view is None:
            view = self._processlab_lock = TrackedLock(original_get_lock(self), "py.value", tag)
            # From now on `v.get_lock()` is a C call that returns the view (an instance's
            # attribute hides the class's method): `with v.get_lock():` in a tight loop.
            self.get_lock = itertools.repeat(view).__next__
        return view

    def __reduce__(self):
        tag = getattr(self, "_processlab_id", None)
        if tag is None:
            return original_reduce(self)
        reduced = original_reduce(self)  # checks that it is pickled for a child
        return _rebuild_synchronized, (reduced[1][0], reduced[1][1], tag)

    base.get_lock = get_lock
    base.__reduce__ = __reduce__

    value_property = sharedctypes.Synchronized.value

    def set_value(self, value):
        value_property.fset(self, value)
        tag = getattr(self, "_processlab_id", None)
        if tag is not None:
            report("py.value", tag, "write", "write", item=value, extra={"index": 0})
            state = _states.get(tag)
            if state is not None:
                if state.value_of is None:
                    state.value_of = lambda: self._obj.value
                if state.sent >= OPERATION_BUDGET and type(self) is sharedctypes.Synchronized:
                    self.acquire()  # one thread swaps the class (another's count would be lost)
                    try:
                        if type(self) is sharedctypes.Synchronized:
                            self.__class__ = counting_value_class(self)
                            _go_fast(state, self)
                    finally:
                        self.release()

    def counting_value_class(value):
        """The class of one Value past the budget: `v.value` and `v.value = x` as Python's own
        property does (under the Value's lock), the write counted in this class's closure
        under that lock (threads lose no count); every 1,024th write looks at the clock."""
        acquire, release, cell, tag = value.acquire, value.release, value._obj, value._processlab_id
        writes = 0

        class Synchronized(sharedctypes.Synchronized):
            def _get(self):
                acquire()
                try:
                    return cell.value
                finally:
                    release()

            def _set(self, new_value):
                nonlocal writes
                acquire()
                try:
                    cell.value = new_value
                    writes += 1
                    count = writes
                finally:
                    release()
                if not count & 1023:
                    _fast_tick(tag)

            value = property(_get, _set)

            def _processlab_fast_counts(self):
                return (("write", writes),)

            def _processlab_slow(self):
                self.__class__ = sharedctypes.Synchronized

        return Synchronized  # named as Python's: the Value's repr stays the same

    sharedctypes.Synchronized.value = property(value_property.fget, set_value)

    array_setitem = sharedctypes.SynchronizedArray.__setitem__

    def __setitem__(self, index, value):
        array_setitem(self, index, value)
        tag = getattr(self, "_processlab_id", None)
        if tag is not None:
            first = index.start or 0 if isinstance(index, slice) else index
            if isinstance(first, int) and first < 0:
                first += len(self)
            report("py.value", tag, "write", "write", item=value,
                   extra={"index": first if isinstance(first, int) else 0})

    sharedctypes.SynchronizedArray.__setitem__ = __setitem__


# --- Pool --------------------------------------------------------------------------------

def _call_text(function, args):
    name = getattr(function, "__name__", None) or short_repr(function)
    return short_repr_call(name, args)


def short_repr_call(name, args):
    text = "%s(%s)" % (name, ", ".join(short_repr(arg) for arg in args))
    return short_repr_text(text)


def short_repr_text(text):
    data = text.encode("utf-8", "replace")
    if len(data) <= IPC_TEXT_LIMIT:
        return text
    return data[:IPC_TEXT_LIMIT - 3].decode("utf-8", "ignore") + "\u2026"


class _TaskRun:
    """A pool task as the worker runs it: reports started, then finished or failed."""

    def __init__(self, pool, job, index, function):
        self.pool = pool
        self.job = job
        self.index = index
        self.function = function

    def __call__(self, *args, **kwargs):
        items, text = 1, None
        chunked = getattr(self.function, "__name__", "") in ("mapstar", "starmapstar") and len(args) == 1
        if chunked:
            function, chunk = args[0]
            items = len(chunk)
            text = "%s \u00d7 %d" % (getattr(function, "__name__", "?"), items)
        elif observing(self.pool):
            text = _call_text(self.function, args)
        where = {"job": self.job, "i": self.index, "items": items}
        report("py.pool", self.pool, "started", text=text, extra=where)
        try:
            result = self.function(*args, **kwargs)
        except BaseException as error:
            report("py.pool", self.pool, "failed", "done",
                   text=short_repr_text("%s: %s" % (type(error).__name__, error)), extra=where)
            raise
        report("py.pool", self.pool, "finished", "done", item=result, extra=where)
        return result


class _TaskSource:
    """The pool's task queue as one worker reads it: each task's function is wrapped."""

    def __init__(self, queue, pool, helper):
        self._queue = queue
        self._pool = pool
        self._helper = helper

    def get(self):
        task = self._queue.get()
        if task is None:
            return task
        job, index, function, args, kwargs = task
        if function is self._helper:  # a failed task generator: Python's own path
            return task
        return job, index, _TaskRun(self._pool, job, index if isinstance(index, int) else 0, function), args, kwargs

    def __getattr__(self, name):
        return getattr(self._queue, name)


class _AnnouncingTaskQueue:
    """The pool's task queue as apply_async and map put into it: each call is reported
    *before* its tasks can reach a pool process, so the host hears of a task being queued
    before it hears of it starting. (The pool's task handler thread holds the real queue.)"""

    def __init__(self, queue, pool, tag):
        self._queue = queue
        self._pool = pool
        self._tag = tag

    def put(self, item):
        if item is not None:
            try:
                self._announce(item[0])
            except Exception as error:  # a report never breaks the user's program
                sys.stderr.write("processlab: could not report a pool task: %r\n" % (error,))
        self._queue.put(item)

    def _announce(self, tasks):
        if isinstance(tasks, list):  # apply_async: [(job, 0, func, args, kwds)]
            for job, index, function, args, _ in tasks:
                text = _call_text(function, args) if observing(self._tag) else None
                report("py.pool", self._tag, "queued", "queued", text=text,
                       extra={"job": job, "i": index if isinstance(index, int) else 0, "items": 1})
            return
        pending = self._pool.__dict__.pop("_processlab_map", None)
        frame = getattr(tasks, "gi_frame", None)  # map's task generator, not started yet
        if pending is not None and frame is not None and "result_job" in frame.f_locals:
            name, chunksize, items = pending
            # Always sent (one frame per map call, not per task): the host numbers its chunks.
            announce_op("py.pool", self._tag, "map", text=name, job=frame.f_locals["result_job"],
                        chunksize=chunksize, items=items)

    def __getattr__(self, name):
        return getattr(self._queue, name)


_original_pool_worker = None


def pool_worker(inqueue, outqueue, *args, **kwargs):
    """multiprocessing.pool.worker with the tasks reported (a Pool's processes run this)."""
    from multiprocessing import pool

    original = _original_pool_worker or pool.worker
    tag = getattr(inqueue, "_processlab_pool", None)
    if original is pool_worker:
        raise RuntimeError("processlab: multiprocessing.pool was not hooked")
    if tag is None or connection.current() is None:
        return original(inqueue, outqueue, *args, **kwargs)
    report("py.pool", tag, "worker")
    return original(_TaskSource(inqueue, tag, pool._helper_reraises_exception), outqueue, *args, **kwargs)


def _patch_pool(pool):
    global _original_pool_worker
    _original_pool_worker = pool.worker
    pool.worker = pool_worker

    Pool = pool.Pool
    original_init = Pool.__init__
    original_setup_queues = Pool._setup_queues
    original_map_async = Pool._map_async

    def __init__(self, processes=None, *args, **kwargs):
        tag = None
        if not issubclass(type(self), pool.ThreadPool):
            tag = self._processlab_id = _new_id()
            announce("py.pool", tag, _name_at(_outer_frame(), "Pool"),
                     processes if isinstance(processes, int) else os.cpu_count() or 1)
        original_init(self, processes, *args, **kwargs)
        if tag is not None:
            self._taskqueue = _AnnouncingTaskQueue(self._taskqueue, self, tag)

    def _setup_queues(self):
        original_setup_queues(self)
        tag = getattr(self, "_processlab_id", None)
        if tag is not None and hasattr(self, "_inqueue"):
            self._inqueue._processlab_pool = tag

    def _map_async(self, func, iterable, mapper, chunksize=None, *rest, **kwargs):
        if not hasattr(iterable, "__len__"):
            iterable = list(iterable)  # as Python's own _map_async does
        if getattr(self, "_processlab_id", None) is not None and len(iterable):
            size = chunksize
            if size is None:  # Python's rule (Pool._map_async)
                size, extra = divmod(len(iterable), len(self._pool) * 4)
                size += 1 if extra else 0
            if isinstance(size, int) and size > 0:
                self._processlab_map = (short_repr_text(getattr(func, "__name__", "?")), size, len(iterable))
        try:
            return original_map_async(self, func, iterable, mapper, chunksize, *rest, **kwargs)
        finally:
            self.__dict__.pop("_processlab_map", None)

    Pool.__init__ = __init__
    Pool._setup_queues = _setup_queues
    Pool._map_async = _map_async


# --- installing: each module is patched when it is first imported ---------------------------

MODULE_PATCHES = {
    "multiprocessing.queues": _patch_queues,
    "multiprocessing.connection": _patch_connection,
    "multiprocessing.synchronize": _patch_synchronize,
    "multiprocessing.sharedctypes": _patch_sharedctypes,
    "multiprocessing.pool": _patch_pool,
}
_patched = set()


def install_module(name):
    """Patches one module of MODULE_PATCHES, imported already (a lazy-import finder's hook)."""
    module = sys.modules.get(name)
    if name in _patched or module is None or name not in MODULE_PATCHES:
        return
    _patched.add(name)
    try:
        MODULE_PATCHES[name](module)
    except Exception as error:  # never stop the user's program
        sys.stderr.write("processlab: could not hook %s: %r\n" % (name, error))


_installed = False


def install():
    """The per-process set-up: counts reset in a forked child, final counters at exit. The
    modules themselves are patched by install_module(), which lazy.py's finder calls right
    after each one's first import (hooks._INSTALLERS). Idempotent."""
    global _installed
    if _installed:
        return
    _installed = True
    os.register_at_fork(after_in_child=_after_fork_in_child)
    atexit.register(flush_all)
