# SPDX-License-Identifier: MIT
"""Unit tests of the bootstrap's lazy hooks (processlab_boot/lazy.py), its line sampler
(sampler.py) and the Manager's helper marking, in fresh interpreters with the boot directory
on PYTHONPATH as a run sets it (but without a host: nothing connects)."""

import os
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
import unittest

BOOT_DIR = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "..", "resources", "python"))
sys.path.insert(0, BOOT_DIR)

from processlab_boot import hooks, lazy, sampler  # noqa: E402


def run_python(code):
    environment = dict(os.environ)
    environment["PYTHONPATH"] = BOOT_DIR
    environment["PROCESSLAB_PY_BOOT"] = "1"
    for name in ("PROCESSLAB_SERVER", "PROCESSLAB_TOKEN", "PYTHONSTARTUP"):
        environment.pop(name, None)
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], env=environment,
                            capture_output=True, text=True, timeout=120)
    return result


class LazyHooksTest(unittest.TestCase):
    def test_start_up_imports_no_multiprocessing(self):
        result = run_python("""
            import sys
            print(sorted(name for name in sys.modules
                         if name.startswith(("multiprocessing", "processlab_boot.hooks", "socket"))))
            print(sys.modules["sitecustomize"].__file__)
        """)
        self.assertEqual(result.returncode, 0, result.stderr)
        lines = result.stdout.splitlines()
        self.assertEqual(lines[0], "[]")
        self.assertEqual(os.path.dirname(lines[1]), BOOT_DIR)

    def test_modules_are_patched_when_first_imported(self):
        result = run_python("""
            import multiprocessing.queues
            from multiprocessing import process
            print(process.BaseProcess.start.__qualname__)
            print(process.BaseProcess._bootstrap.__qualname__)
            print(multiprocessing.queues.Queue.put.__qualname__)
        """)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.splitlines(), [
            "_install_process_hooks.<locals>.start",
            "_install_process_hooks.<locals>._bootstrap",
            "_patch_queues.<locals>.wrap_put.<locals>.put",
        ])

    def test_imported_before_install_is_patched_at_install(self):
        result = run_python("""
            import sys
            sys.meta_path[:] = [f for f in sys.meta_path if type(f).__name__ != "PatchingFinder"]
            from processlab_boot import lazy
            lazy._patched.clear()
            from processlab_boot import hooks
            hooks._installed_modules.clear()
            import multiprocessing.process as process
            original = process.BaseProcess.start
            lazy.install()
            print(process.BaseProcess.start is not original)
            print(process.BaseProcess.start.__wrapped__ is original)
        """)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.splitlines(), ["True", "True"])

    def test_every_module_with_hooks_is_watched(self):
        self.assertLessEqual(set(hooks._INSTALLERS), set(lazy.PATCHED_MODULES))

    def test_processes_and_manager_work_patched(self):
        with tempfile.TemporaryDirectory() as directory:
            script = os.path.join(directory, "script.py")
            with open(script, "w") as file:
                file.write(textwrap.dedent("""
                    import multiprocessing as mp
                    def work(q):
                        q.put(41 + 1)
                    if __name__ == "__main__":
                        for method in ("fork", "spawn"):
                            ctx = mp.get_context(method)
                            q = ctx.Queue()
                            p = ctx.Process(target=work, args=(q,))
                            p.start()
                            print(method, q.get(timeout=60))
                            p.join()
                            print(method, p.exitcode)
                        with mp.Manager() as manager:
                            print(manager.list([1, 2]))
                """))
            result = run_python("import runpy; runpy.run_path(%r, run_name='__main__')" % script)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.splitlines(),
                         ["fork 42", "fork 0", "spawn 42", "spawn 0", "[1, 2]"])

    def test_helper_kind(self):
        from multiprocessing import managers, process

        manager = managers.SyncManager()
        server = process.BaseProcess(target=type(manager)._run_server)
        self.assertEqual(hooks.helper_kind(server), "manager")
        self.assertIsNone(hooks.helper_kind(process.BaseProcess(target=print)))
        self.assertIsNone(hooks.helper_kind(process.BaseProcess()))


class FakeHost:
    def __init__(self):
        self.frames = []

    def notify(self, name, body):
        self.frames.append((name, body))
        return True


class LineSamplerTest(unittest.TestCase):
    def test_reports_the_innermost_script_line_once_per_change(self):
        here = os.path.abspath(__file__)
        stop = threading.Event()
        started = threading.Event()

        def spin():
            started.set()
            while not stop.is_set():  # the sampled line
                time.sleep(0.001)
        spin_line = spin.__code__.co_firstlineno + 2

        thread = threading.Thread(target=spin)
        thread.start()
        started.wait(30)
        host = FakeHost()
        line_sampler = sampler.LineSampler(here, thread.ident)
        original = sampler.connection.current
        sampler.connection.current = lambda: host
        try:
            deadline = time.monotonic() + 30
            while not host.frames and time.monotonic() < deadline:
                self.assertTrue(line_sampler.sample_once())
            for _ in range(5):
                line_sampler.sample_once()
        finally:
            sampler.connection.current = original
            stop.set()
            thread.join()
        self.assertGreaterEqual(len(host.frames), 1)
        name, body = host.frames[0]
        self.assertEqual(name, "py.line")
        self.assertIn(body["line"], (spin_line, spin_line + 1))
        # The same line again is not sent again.
        lines = [frame[1]["line"] for frame in host.frames]
        for first, second in zip(lines, lines[1:]):
            self.assertNotEqual(first, second)

    def test_outside_the_script_nothing(self):
        line_sampler = sampler.LineSampler(os.path.join(BOOT_DIR, "no-such-script.py"),
                                           threading.get_ident())
        self.assertEqual(line_sampler.current_line(), 0)

    def test_without_host_it_stops(self):
        line_sampler = sampler.LineSampler(os.path.abspath(__file__), threading.get_ident())
        self.assertFalse(line_sampler.sample_once())


if __name__ == "__main__":
    unittest.main()
