# SPDX-License-Identifier: MIT
"""Lazy hooks (docs/python-runner.md, "How children get the hooks"): multiprocessing is
patched when its modules are first imported, not at start-up. Importing
multiprocessing.queues eagerly cost every Python process of a run ~260 ms here (start-up of
`python -c pass`: 72 ms plain, 338 ms with eager hooks); a process that never imports
multiprocessing (a subprocess, a helper script) now pays nothing but this finder.

A sys.meta_path finder answers only for the modules hooks.PATCHED_MODULES names: it asks the
other finders for the real spec and wraps its loader so that, right after the module's code has
run, hooks.install_for(name) patches it — before the importer gets the module back. This file
imports nothing but sys (it runs in sitecustomize, in every process of the tree)."""

import sys

# The modules hooks.install_for() patches (kept here too so that sitecustomize need not import
# hooks, which imports socket and threading). tst_pythonboot checks both lists agree.
PATCHED_MODULES = (
    "multiprocessing.process",
    "multiprocessing.queues",
    "multiprocessing.connection",
    "multiprocessing.synchronize",
    "multiprocessing.pool",
    "multiprocessing.sharedctypes",
)

_patched = set()


def _patch(name):
    if name in _patched:
        return
    _patched.add(name)
    try:
        from . import hooks
        hooks.install_for(name)
    except Exception as error:  # never stop the user's program
        sys.stderr.write("processlab: could not install the hooks in %s: %r\n" % (name, error))


class _PatchingLoader:
    """Runs the real loader, then patches the module it made."""

    def __init__(self, loader, name):
        self._loader = loader
        self._name = name

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        self._loader.exec_module(module)
        _patch(self._name)

    def __getattr__(self, attribute):  # get_code, get_source, is_package... for tools
        return getattr(self._loader, attribute)


class PatchingFinder:
    """Finds nothing itself: it wraps the loader the other finders find for a patched module."""

    def find_spec(self, name, path=None, target=None):
        if name not in PATCHED_MODULES or name in _patched:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None:
                if spec.loader is not None and hasattr(spec.loader, "exec_module"):
                    spec.loader = _PatchingLoader(spec.loader, name)
                return spec
        return None

    def invalidate_caches(self):
        pass


def install():
    """Puts the finder first on sys.meta_path and patches what is imported already; idempotent."""
    if not any(isinstance(finder, PatchingFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, PatchingFinder())
    for name in PATCHED_MODULES:
        if name in sys.modules:
            _patch(name)
