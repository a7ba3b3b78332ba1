# SPDX-License-Identifier: MIT
"""Unit tests of the Python bootstrap (resources/python/processlab_boot): the CBOR encoder
against fixed vectors (RFC 8949 Appendix A, in the core deterministic form the C++ encoder
writes; tst_pythonboot checks the same vectors against the C++ decoder and encoder), the
frames, and the output writer. Run: python3 -m unittest discover -s tests/python
(with resources/python on PYTHONPATH; CTest sets it)."""

import io
import json
import math
import os
import struct
import subprocess
import sys
import tempfile
import textwrap
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "resources", "python"))

from processlab_boot import capture, cbor, frames  # noqa: E402

VECTORS = [
    (0, "00"), (1, "01"), (23, "17"), (24, "1818"), (100, "1864"), (1000, "1903e8"),
    (1000000, "1a000f4240"), (1000000000000, "1b000000e8d4a51000"),
    (9223372036854775807, "1b7fffffffffffffff"), (-1, "20"), (-10, "29"), (-100, "3863"),
    (-1000, "3903e7"), (-9223372036854775808, "3b7fffffffffffffff"),
    (0.0, "f90000"), (-0.0, "f98000"), (1.0, "f93c00"), (1.1, "fb3ff199999999999a"),
    (1.5, "f93e00"), (65504.0, "f97bff"), (100000.0, "fa47c35000"),
    (3.4028234663852886e38, "fa7f7fffff"), (1.0e300, "fb7e37e43c8800759c"),
    (5.960464477539063e-8, "f90001"), (float("inf"), "f97c00"), (float("-inf"), "f9fc00"),
    (float("nan"), "f97e00"),
    (False, "f4"), (True, "f5"), (None, "f6"),
    ("", "60"), ("a", "6161"), ("IETF", "6449455446"), ("\u00fc", "62c3bc"), ("\u6c34", "63e6b0b4"),
    (b"", "40"), (b"\x01\x02\x03\x04", "4401020304"),
    ([], "80"), ([1, 2, 3], "83010203"), ((1, [2, 3], [4, 5]), "8301820203820405"),
    ({}, "a0"), ({"a": 1, "b": [2, 3]}, "a26161016162820203"),
    # Keys sorted by their encoding: shorter first, then bytewise.
    ({"b": 1, "aa": 3, "a": 2}, "a3616102616201626161" + "03"),
]


class CborTest(unittest.TestCase):
    def test_vectors(self):
        for value, expected in VECTORS:
            with self.subTest(value=value):
                self.assertEqual(cbor.encode(value).hex(), expected)

    def test_long_text_and_list_heads(self):
        self.assertEqual(cbor.encode("x" * 24)[:2].hex(), "7818")
        self.assertEqual(cbor.encode("x" * 256)[:3].hex(), "790100")
        self.assertEqual(cbor.encode([None] * 65536)[:5].hex(), "9a00010000")

    def test_refuses_what_the_subset_lacks(self):
        for value in (1 << 63, -(1 << 63) - 1, {1: 2}, object(), {1.5}):
            with self.subTest(value=value):
                with self.assertRaises(cbor.EncodeError):
                    cbor.encode(value)
        nested = []
        for _ in range(40):
            nested = [nested]
        with self.assertRaises(cbor.EncodeError):
            cbor.encode(nested)


class FramesTest(unittest.TestCase):
    def test_hello_frame(self):
        frame = frames.hello(bytes(range(16)), 4242, 123456789)
        (length,) = struct.unpack(">I", frame[:4])
        self.assertEqual(length, len(frame) - 4)
        self.assertLessEqual(length, frames.HELLO_FRAME_LIMIT)
        # The map is sorted by key encoding: "t" (1 char) comes first, then "pid", "type".
        self.assertTrue(frame[4:].startswith(bytes.fromhex("a7") + cbor.encode("t")))
        self.assertIn(cbor.encode("token") + cbor.encode(bytes(range(16))), frame)
        self.assertIn(cbor.encode("type") + cbor.encode(frames.HELLO), frame)
        self.assertIn(cbor.encode("magic") + cbor.encode(0x504C4142), frame)

    def test_hello_needs_a_whole_token(self):
        with self.assertRaises(ValueError):
            frames.hello(b"short", 1, 1)

    def test_notify_frame(self):
        frame = frames.notify("py.out", {"s": 0, "lines": ["a"]})
        self.assertEqual(frame[4:], cbor.encode({"type": frames.NOTIFY, "name": "py.out",
                                                 "body": {"s": 0, "lines": ["a"]}}))


class WriterTest(unittest.TestCase):
    """Without a connection the writer passes whole lines to the real stream."""

    def test_lines_and_partial_lines(self):
        real = io.StringIO()
        writer = capture.FrameWriter(capture.STDOUT, real)
        writer.write("Worker 1 started")
        self.assertEqual(real.getvalue(), "")  # waits for its newline
        writer.write("\n")
        writer.write("a\nb\nc")
        self.assertEqual(real.getvalue(), "Worker 1 started\na\nb\n")
        writer.finish()
        self.assertEqual(real.getvalue(), "Worker 1 started\na\nb\nc\n")

    def test_print_to_the_writer(self):
        real = io.StringIO()
        writer = capture.FrameWriter(capture.STDERR, real)
        print("x", 1, file=writer)
        print(file=writer)
        self.assertEqual(real.getvalue(), "x 1\n\n")
        with self.assertRaises(TypeError):
            writer.write(b"bytes")


BOOT_DIR = os.path.join(os.path.dirname(__file__), "..", "..", "resources", "python")

# Runs the program with the hooks installed and a fake host that prints each frame as JSON.
IPC_PRELUDE = """
import json, sys
sys.path.insert(0, %r)
from processlab_boot import connection, hooks, ipc
class FakeHost:
    def notify(self, name, body):
        body = dict(body); body.pop("t", None)
        sys.stdout.write(json.dumps([name, body]) + "\\n")  # one write: threads report too
        sys.stdout.flush()
        return True
connection.current = lambda host=FakeHost(): host
hooks.install()
import multiprocessing
"""


def run_with_hooks(program):
    code = IPC_PRELUDE % os.path.abspath(BOOT_DIR) + textwrap.dedent(program)
    environment = dict(os.environ)
    environment.pop("PROCESSLAB_PY_BOOT", None)
    with tempfile.TemporaryDirectory() as directory:
        script = os.path.join(directory, "program.py")  # a file: names come from its lines
        with open(script, "w", encoding="utf-8") as file:
            file.write(code)
        result = subprocess.run([sys.executable, script], capture_output=True, text=True, timeout=120,
                                env=environment)
    if result.returncode != 0:
        raise AssertionError("program failed: %s" % result.stderr)
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("[")]


class IpcHooksTest(unittest.TestCase):
    """processlab_boot/ipc.py: what each shared object reports (docs/python-runner.md)."""

    def test_names_and_only_the_users_objects(self):
        frames_sent = run_with_hooks("""
            queue = multiprocessing.Queue()
            parent_conn, child_conn = multiprocessing.Pipe()
            counter = multiprocessing.Value('i', 0)
            lock = multiprocessing.Lock()
            print(repr(multiprocessing.Queue()))
            jobs = multiprocessing.JoinableQueue()
            """)
        created = [(name, body["name"]) for name, body in frames_sent if body["op"] == "new"]
        # The Queue's own pipe and locks and the Value's RLock stay silent.
        self.assertEqual(created, [("py.queue", "queue"), ("py.pipe", "parent_conn, child_conn"),
                                   ("py.value", "counter"), ("py.lock", "lock"), ("py.queue", "Queue 1"),
                                   ("py.queue", "jobs")])

    def test_operations_and_failures(self):
        frames_sent = run_with_hooks("""
            import queue as queue_module
            q = multiprocessing.Queue(maxsize=1)
            q.put("a")
            try:
                q.put_nowait("b")
            except queue_module.Full:
                pass
            assert q.get() == "a"
            try:
                q.get_nowait()
            except queue_module.Empty:
                pass
            lock = multiprocessing.Lock()
            lock.acquire()
            assert not lock.acquire(False)
            lock.release()
            with lock:
                pass
            a, b = multiprocessing.Pipe(duplex=False)
            b.send([1, 2])
            assert a.recv() == [1, 2]
            b.close()
            try:
                a.recv()
            except EOFError:
                pass
            """)
        ops = [(name, body["op"], body.get("text"), body.get("end")) for name, body in frames_sent]
        self.assertIn(("py.queue", "put", "'a'", None), ops)
        self.assertIn(("py.queue", "failed", "queue.Full", None), ops)
        self.assertIn(("py.queue", "get", "'a'", None), ops)
        self.assertIn(("py.queue", "failed", "queue.Empty", None), ops)
        lock_ops = [op for name, op, _, _ in ops if name == "py.lock"]
        self.assertEqual(lock_ops, ["new", "acquire", "failed", "release", "acquire", "release"])
        pipe_ops = [(op, text, end) for name, op, text, end in ops if name == "py.pipe"]
        self.assertEqual(pipe_ops, [("new", None, None), ("send", "[1, 2]", 1), ("recv", "[1, 2]", 0),
                                    ("close", None, 1), ("failed", "EOFError", 0)])  # at EOF recv() does not wait

    def test_budget_then_counters(self):
        frames_sent = run_with_hooks("""
            ipc.OPERATION_BUDGET = 4
            counter = multiprocessing.Value('i', 0)
            for _ in range(10):
                with counter.get_lock():
                    counter.value += 1
            ipc.flush_all()
            """)
        bodies = [body for name, body in frames_sent if name == "py.value"]
        self.assertEqual([body["op"] for body in bodies[:5]], ["new", "acquire", "write", "release", "acquire"])
        counters = [body for body in bodies if body["op"] == "counters"]
        self.assertTrue(counters)
        # Every operation, including those sent one by one; the Value's value.
        self.assertEqual(counters[-1]["c"], {"acquire": 10, "write": 10, "release": 10})
        self.assertEqual(counters[-1]["value"], 10)
        self.assertEqual(len([body for body in bodies if body["op"] not in ("new", "counters")]), 4)

    def test_past_the_budget_counts_stay_exact(self):
        # Past the budget a lock view and a Value count in their own fast classes: the totals
        # must still be every operation, with threads racing, explicit acquire/release, a
        # user's Lock in `with`, and a fork child (whose own counts start at zero).
        frames_sent = run_with_hooks("""
            import os, threading
            ipc.OPERATION_BUDGET = 100
            counter = multiprocessing.Value('i', 0)
            lock = multiprocessing.Lock()
            def work(times):
                for _ in range(times):
                    with counter.get_lock():
                        counter.value += 1
                    view = counter.get_lock()
                    view.acquire()
                    counter.value += 1
                    view.release()
                    with lock:
                        pass
                    lock.acquire()
                    lock.release()
            threads = [threading.Thread(target=work, args=(3000,)) for _ in range(4)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            assert repr(counter).startswith("<Synchronized wrapper"), repr(counter)  # Python's
            # Past the budget the loop's operations only count: no report() call per operation.
            reports = []
            report = ipc.report
            ipc.report = lambda *args, **kwargs: reports.append(args) or report(*args, **kwargs)
            work(1000)
            ipc.report = report
            assert not reports, reports[:3]
            pid = os.fork()
            if pid == 0:
                work(500)
                ipc.flush_all()
                os._exit(0)
            os.waitpid(pid, 0)
            ipc.flush_all()
            assert counter.value == 27000, counter.value
            """)
        value = [body for name, body in frames_sent if name == "py.value"]
        lock = [body for name, body in frames_sent if name == "py.lock"]
        value_counters = [body for body in value if body["op"] == "counters"]
        lock_counters = [body for body in lock if body["op"] == "counters"]
        # The child's last counters (its own operations only), then the parent's.
        child = {"acquire": 1000, "write": 1000, "release": 1000}
        self.assertIn(child, [body["c"] for body in value_counters])
        self.assertEqual(value_counters[-1]["c"], {"acquire": 26000, "write": 26000, "release": 26000})
        self.assertEqual(value_counters[-1]["value"], 27000)
        self.assertIn({"acquire": 1000, "release": 1000}, [body["c"] for body in lock_counters])
        self.assertEqual(lock_counters[-1]["c"], {"acquire": 26000, "release": 26000})
        one_by_one = [body for body in value if body["op"] not in ("new", "counters")]
        self.assertEqual(len(one_by_one), 200)  # the budget in each process

    def test_a_pipe_end_keeps_its_id_when_pickled(self):
        frames_sent = run_with_hooks("""
            from multiprocessing import reduction
            parent_conn, child_conn = multiprocessing.Pipe()
            copy = reduction.ForkingPickler.loads(reduction.ForkingPickler.dumps(child_conn))
            copy.send("x")
            assert parent_conn.recv() == "x"
            """)
        pipe = [body for name, body in frames_sent if name == "py.pipe"]
        self.assertEqual([(body["op"], body.get("end")) for body in pipe], [("new", None), ("send", 1), ("recv", 0)])
        self.assertEqual(len({body["id"] for body in pipe}), 1)


if __name__ == "__main__":
    unittest.main()
