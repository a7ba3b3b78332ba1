# SPDX-License-Identifier: MIT
"""python -m processlab_boot SCRIPT [args]: runs SCRIPT as __main__, as `python SCRIPT args`
does, after connecting this (main) process to the host and installing the hooks."""

import sys

from . import MIN_PYTHON

EXIT_USAGE = 2


def _run(path, arguments):
    import builtins
    import os
    import traceback
    import types

    from . import capture, connection, hooks, sampler

    hooks.install()  # sitecustomize did it already where site runs; idempotent
    # The file whose lines are sampled, in this process and (inherited) in every child.
    os.environ.setdefault(sampler.SCRIPT_ENV, os.path.abspath(path))
    connection.connect("MainProcess", main=True)
    capture.install()
    try:
        with open(path, "rb") as script:
            source = script.read()
    except OSError as error:
        # What plain python3 says for a missing script.
        sys.stderr.write("%s: can't open file %r: [Errno %d] %s\n"
                         % (sys.executable, os.path.abspath(path), error.errno, error.strerror))
        return EXIT_USAGE
    try:
        code = compile(source, path, "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as error:
        # A syntax error has no traceback of its own: what python3 prints is the exception only.
        sys.stderr.write("".join(traceback.format_exception_only(type(error), error)))
        return 1

    module = types.ModuleType("__main__")
    module.__file__ = path
    module.__builtins__ = builtins
    module.__spec__ = None  # spawn children then re-import it by path, as for a plain run
    sys.modules["__main__"] = module
    sys.argv = [path] + list(arguments)
    sys.path[0] = os.path.dirname(os.path.abspath(path))
    try:
        exec(code, module.__dict__)
    except SystemExit:
        raise
    except BaseException as error:
        # Python's own report, without this bootstrap's frame.
        traceback.print_exception(type(error), error, error.__traceback__.tb_next)
        return 1
    return 0


def main():
    if sys.version_info < MIN_PYTHON:
        sys.stderr.write("processlab: Python %d.%d or newer is needed, this is %s\n"
                         % (MIN_PYTHON + (sys.version.split()[0],)))
        return EXIT_USAGE
    if len(sys.argv) < 2:
        sys.stderr.write("usage: python -m processlab_boot SCRIPT [args]\n")
        return EXIT_USAGE
    try:
        return _run(sys.argv[1], sys.argv[2:])
    finally:
        from . import capture, connection
        capture.finish()
        host = connection.current()
        if host is not None:
            # Its CPU time for the last resource sample (the host's RUSAGE_CHILDREN would add
            # every child the main interpreter reaped).
            host.notify("py.usage", {"cpu": connection.cpu_time_ns()})


sys.exit(main())
