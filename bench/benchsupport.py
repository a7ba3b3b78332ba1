# SPDX-License-Identifier: MIT
"""What every bench script needs around its measurement: the interpreter, the CLI, the
machine's load, the command line, the report's header and the JSON file.

The bench scripts import this module inside their functions, never at module level: spawn
children re-import a bench script as their main module (``__mp_main__``), and they must not
pay for anything a minimal multiprocessing program does not import.
"""

import os
import sys

BUSY_SHARE = 0.10  # above this much foreign CPU use the report flags the run


class BenchError(Exception):
    """A failure that makes the numbers meaningless (exit code 1)."""


def log(msg):
    """Progress goes to stderr, so stdout holds only the report."""
    print(msg, file=sys.stderr, flush=True)


# --- the interpreter and the CLI ------------------------------------------------------------

def real_interpreter():
    """The interpreter binary actually running this process.

    /proc/self/exe is the binary the kernel executed, so it is right even when
    we were started through a wrapper (a pyenv shim adds ~0.3 s per start).
    """
    try:
        return os.path.realpath("/proc/self/exe")
    except OSError:
        return os.path.realpath(sys.executable)


def use_real_interpreter(prog):
    """Make multiprocessing start children with the running binary; return its path.

    The measurement runs in this process, which is always the real binary (a
    wrapper such as the pyenv shim has exec'd it already and only cost our own
    start-up), so re-executing ourselves would gain nothing.  What matters is
    that spawn children and the forkserver start the real binary directly, not
    through sys.executable if that is a wrapper script.
    """
    import multiprocessing

    real = real_interpreter()
    if os.path.realpath(sys.executable) != real:
        print(f"{prog}: sys.executable {sys.executable} is not the running binary; "
              f"children use {real}", file=sys.stderr)
    multiprocessing.set_executable(real)
    return real


def cli_is_runnable(prog, cli):
    """True if `cli` is an executable file; otherwise say how to get one."""
    if os.path.isfile(cli) and os.access(cli, os.X_OK):
        return True
    print(f"{prog}: {cli} not found or not executable; build it with "
          f"`cmake --build build` (or pass --cli PATH)", file=sys.stderr)
    return False


def run_cli_json(cmd, timeout, *, failures_ok):
    """Run one `processlab-cli bench …` command; return (its last stdout line as JSON, exit code).

    A non-zero exit is an error unless `failures_ok` and the JSON counts failed
    rounds (the caller then reports them); failed rounds are an error otherwise.
    """
    import json
    import subprocess

    # capture_output: the CLI's output is read by this process after it exits,
    # so no other process is starting while the CLI measures.
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    if not lines:
        raise BenchError(f"{' '.join(cmd)} exited with {proc.returncode} and no output:\n"
                         f"{proc.stderr.strip()}")
    try:
        result = json.loads(lines[-1])
    except ValueError as e:
        raise BenchError(f"{' '.join(cmd)}: cannot parse {lines[-1]!r}: {e}") from e
    failed = (proc.returncode != 0 and not result.get("failures")) if failures_ok \
        else (proc.returncode != 0 or result.get("failures"))
    if failed:
        raise BenchError(f"{' '.join(cmd)} exited with {proc.returncode}:\n{proc.stderr.strip()}")
    return result, proc.returncode


# --- the machine's load ---------------------------------------------------------------------

def cpu_snapshot():
    """(machine busy seconds, machine total seconds, our own CPU seconds incl. reaped children)."""
    with open("/proc/stat") as f:
        ticks = [int(v) for v in f.readline().split()[1:]]
    hz = os.sysconf("SC_CLK_TCK")
    idle = ticks[3] + ticks[4]        # idle + iowait
    total = sum(ticks[:8])            # guest time is already inside user/nice
    t = os.times()
    return (total - idle) / hz, total / hz, t.user + t.system + t.children_user + t.children_system


def foreign_cpu_share(start, end):
    """Share of the machine's CPU time used by processes outside this bench.

    The bench's own CPU is its process plus reaped children (the CLI with its
    workers, the Python children); the best available noise indicator, since a
    concurrent build on 2 cores shifts every number.
    """
    busy = end[0] - start[0]
    total = end[1] - start[1]
    own = end[2] - start[2]
    return max(0.0, busy - own) / total if total > 0 else 0.0


def loadavg():
    try:
        with open("/proc/loadavg") as f:
            return f.read().split()[:3]
    except OSError:
        return None


# --- the command line -------------------------------------------------------------------------

def argument_parser(doc):
    """A parser with --cli; the script adds its own options, then calls parse_run_args."""
    import argparse

    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument("--cli", default=os.path.join(repo, "build", "bin", "processlab-cli"),
                    help="processlab-cli to measure (default: build/bin/processlab-cli)")
    return ap


def parse_run_args(ap, argv, *, repeat, quick_repeat, max_repeat, blocks=3, quick_blocks=2):
    """Add --repeat, --blocks, --quick and --json to `ap`, parse `argv` and check the rounds."""
    ap.add_argument("--repeat", type=int, default=None,
                    help=f"measured rounds per case and side, split over the blocks (default {repeat})")
    ap.add_argument("--blocks", type=int, default=None,
                    help=f"interleaved ProcessLab/Python blocks (default {blocks})")
    ap.add_argument("--quick", action="store_true",
                    help=f"smoke run: --repeat {quick_repeat} --blocks {quick_blocks} unless given")
    ap.add_argument("--json", metavar="FILE", help="write all raw numbers and the summary here")
    args = ap.parse_args(argv)
    if args.repeat is None:
        args.repeat = quick_repeat if args.quick else repeat
    if args.blocks is None:
        args.blocks = quick_blocks if args.quick else blocks
    if not 1 <= args.repeat <= max_repeat:
        ap.error(f"--repeat expects a whole number from 1 to {max_repeat}")
    if not 1 <= args.blocks <= args.repeat:
        ap.error("--blocks expects a whole number from 1 to --repeat")
    return args


# --- the run ---------------------------------------------------------------------------------

def abba(block, parts):
    """The parts in a block's order: as given in even blocks, reversed in odd ones (ABBA), so
    that drift hits every side alike."""
    return parts if block % 2 == 0 else parts[::-1]


def run_main(prog, args, *, describe, measure, report, exit_code=None, **extra):
    """What a bench script's main() does around its measurement; returns the exit code.

    Checks the CLI (2 if it cannot run), starts the meta (`extra` as in start_meta), logs
    "<prog>: <describe(meta)>", calls measure(meta) for (raw, summary) (a BenchError: said,
    exit code 1), finishes the meta, prints report(raw, summary, meta), writes --json and
    returns exit_code(raw) (default 0).
    """
    if not cli_is_runnable(prog, args.cli):
        return 2
    real = use_real_interpreter(prog)
    meta = start_meta(args, real, **extra)
    cpu_start = cpu_snapshot()
    log(f"{prog}: {describe(meta)}")
    try:
        raw, summary = measure(meta)
    except BenchError as e:
        print(f"{prog}: {e}", file=sys.stderr)
        return 1
    finish_meta(meta, cpu_start)
    print(report(raw, summary, meta))
    if args.json:
        write_json(args.json, meta, summary, raw)
    return exit_code(raw) if exit_code else 0


# --- meta, report and JSON --------------------------------------------------------------------

def start_meta(args, interpreter, **extra):
    """The run's conditions at its start; `extra` follows pythonVersion."""
    import math
    import platform

    return {
        "cli": os.path.abspath(args.cli),
        "interpreter": interpreter,
        "pythonVersion": platform.python_version(),
        **extra,
        "platform": platform.platform(),
        "cpuCount": os.cpu_count(),
        "blocks": args.blocks,
        "roundsPerBlock": math.ceil(args.repeat / args.blocks),
        "loadavgStart": loadavg(),
    }


def finish_meta(meta, cpu_start):
    """Add the run's load at its end and the share of CPU others used meanwhile."""
    meta["loadavgEnd"] = loadavg()
    meta["foreignCpuShare"] = foreign_cpu_share(cpu_start, cpu_snapshot())


def conditions_lines(meta, rounds_per):
    """The report's lines on how the run went: rounds, interpreter, load, foreign CPU."""
    return [
        f"  {meta['blocks']} interleaved blocks × {meta['roundsPerBlock']} rounds per {rounds_per}; "
        f"python {meta['pythonVersion']} ({meta['interpreter']}); "
        f"load avg {' '.join(meta['loadavgStart'] or [])} → {' '.join(meta['loadavgEnd'] or [])}",
        f"  CPU used by other processes during the run: {meta['foreignCpuShare']:.0%} of the machine"
        + ("  ← busy machine, numbers are disturbed; rerun when idle"
           if meta["foreignCpuShare"] > BUSY_SHARE else ""),
    ]


def format_rate(rate, unit):
    """A rate with k or M: "1.23 k items/s"."""
    for scale, prefix in ((1e6, "M"), (1e3, "k")):
        if rate >= scale:
            return f"{rate / scale:.2f} {prefix} {unit}"
    return f"{rate:.0f} {unit}"


def write_json(path, meta, summary, raw):
    import json

    with open(path, "w") as f:
        json.dump({"meta": meta, "summary": summary, "raw": raw}, f, indent=1)
        f.write("\n")
