# SPDX-License-Identifier: MIT
# ProcessLab's bootstrap (docs/python-runner.md): Python's site module imports this file from
# PYTHONPATH at the start of every Python process of a ProcessLab run — the main interpreter,
# spawn children, the forkserver — so all of them have the hooks. Then the distribution's own
# sitecustomize (Debian ships one) runs, as it would without ProcessLab.
import os
import sys

if os.environ.get("PROCESSLAB_PY_BOOT") == "1":
    try:
        # Lazily: multiprocessing is patched when it is first imported (processlab_boot/lazy.py).
        from processlab_boot import lazy as _processlab_lazy

        _processlab_lazy.install()
        del _processlab_lazy
    except Exception as _processlab_error:  # never stop the user's program
        sys.stderr.write("processlab: could not install the hooks: %r\n" % (_processlab_error,))


def _processlab_chain():
    import importlib.machinery
    import importlib.util

    here = os.path.dirname(os.path.abspath(__file__))
    paths = [entry for entry in sys.path if os.path.abspath(entry or os.curdir) != here]
    spec = importlib.machinery.PathFinder.find_spec("sitecustomize", paths)
    if spec is None or spec.loader is None:
        return
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)


_processlab_chain()
del _processlab_chain
