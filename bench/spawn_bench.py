#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Worker spawn→ready time and idle memory: ProcessLab vs Python multiprocessing.

Measures in one run, on the same machine, interleaved so drift hits both sides:

* ProcessLab: ``processlab-cli bench spawn --workers N --repeat R [--memory]``
  (time from the first QProcess::start to the last worker's hello frame, and
  the PSS of idle workers);
* Python ``multiprocessing`` with the spawn, fork and forkserver start methods:
  time from just before the first ``Process.start()`` until the parent has
  received a first message from every child over a ``Pipe``; and the PSS of
  idle spawn-method children.

Both sides are compared against the goals in docs/performance.md.  Run it with the
real interpreter (see bench/README.md); Python 3.11 stdlib only.
"""

# Spawn and forkserver children re-import this file as their main module
# (``__mp_main__``), so the module level stays light: only what a minimal
# multiprocessing program imports anyway.  Everything else is imported inside
# the functions that run in the bench process only, so it does not inflate the
# idle child's memory or start-up time.
import multiprocessing
import os
import sys
import time

METHODS = ("spawn", "fork", "forkserver")
WORKER_COUNTS = (1, 8)
MEMORY_WORKERS = 8
SETTLE_S = 0.3          # same settle time as the CLI's --memory before reading PSS
BUSY_SHARE = 0.10       # above this much foreign CPU use the report flags the run
ROUND_TIMEOUT_S = 30.0  # one round of 8 takes well under a second; this catches hangs

# Goals from docs/performance.md (ProcessLab / Python, lower is better).
GOAL_VS_SPAWN = 1 / 6
GOAL_VS_FORK = 3 / 4
GOAL_PSS_VS_SPAWN = 1 / 4


class BenchError(Exception):
    """A failure that makes the numbers meaningless (exit code 1)."""


# --- children (run in the multiprocessing children; keep them trivial) ------

def _child_ready(conn):
    """Spawn→ready child: report readiness at once, then exit."""
    conn.send(os.getpid())
    conn.close()


def _child_idle(conn):
    """Idle child: report readiness, then sleep blocked in recv() until told to quit."""
    conn.send(os.getpid())
    try:
        conn.recv()
    except EOFError:
        pass


# --- Python measurement (runs inside this process) ------------------------

def real_interpreter():
    """The interpreter binary actually running this process.

    /proc/self/exe is the binary the kernel executed, so it is right even when
    we were started through a wrapper (a pyenv shim adds ~0.3 s per start).
    """
    try:
        return os.path.realpath("/proc/self/exe")
    except OSError:
        return os.path.realpath(sys.executable)


def python_round(ctx, workers):
    """Start `workers` children at once; return (all_ready_ms, per_child_ms)."""
    from multiprocessing.connection import wait

    # Pipes and Process objects are made before the clock starts, as the CLI
    # creates its server and QProcess objects before the first start().
    pipes = [ctx.Pipe(duplex=False) for _ in range(workers)]
    procs = [ctx.Process(target=_child_ready, args=(w,), daemon=True) for _, w in pipes]
    index = {r: i for i, (r, _) in enumerate(pipes)}
    started = [0] * workers
    ready = [0] * workers

    t0 = time.perf_counter_ns()
    try:
        for i, p in enumerate(procs):
            started[i] = time.perf_counter_ns()
            p.start()
        pending = [r for r, _ in pipes]
        deadline = time.monotonic() + ROUND_TIMEOUT_S
        while pending:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BenchError(f"{ctx.get_start_method()}: {len(pending)} of {workers} "
                                 f"children not ready after {ROUND_TIMEOUT_S:.0f} s")
            for r in wait(pending, timeout=left):
                r.recv()
                ready[index[r]] = time.perf_counter_ns()
                pending.remove(r)
        t_all = time.perf_counter_ns()
    finally:
        # Not timed: tidy up so nothing from this round runs during the next one.
        reap(procs)
        for r, w in pipes:
            r.close()
            w.close()
    bad = [p.exitcode for p in procs if p.exitcode != 0]
    if bad:
        raise BenchError(f"{ctx.get_start_method()}: children exited with {bad}")
    return (t_all - t0) / 1e6, [(ready[i] - started[i]) / 1e6 for i in range(workers)]


def reap(procs):
    """Join every started child; kill the ones that do not end within 5 s."""
    for p in procs:
        if p.pid is not None:
            p.join(5)
            if p.is_alive():
                p.kill()
                p.join()


def read_pss_kib(pid):
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            if line.startswith("Pss:"):
                return int(line.split()[1])
    raise BenchError(f"no Pss: line in /proc/{pid}/smaps_rollup")


def python_idle_pss(ctx, workers):
    """PSS (KiB) of `workers` idle children, read once all are ready and settled."""
    from multiprocessing.connection import wait

    pipes = [ctx.Pipe() for _ in range(workers)]
    procs = [ctx.Process(target=_child_idle, args=(child,), daemon=True) for _, child in pipes]
    try:
        for p in procs:
            p.start()
        pending = [parent for parent, _ in pipes]
        while pending:
            got = wait(pending, timeout=ROUND_TIMEOUT_S)
            if not got:
                raise BenchError("idle children not ready in time")
            for conn in got:
                conn.recv()
                pending.remove(conn)
        time.sleep(SETTLE_S)
        return [read_pss_kib(p.pid) for p in procs]
    finally:
        for parent, child in pipes:
            try:
                parent.send(None)
            except OSError:
                pass
        reap(procs)
        for parent, child in pipes:
            parent.close()
            child.close()


def stop_forkserver():
    """Stop the forkserver if it runs (private API, used by CPython's own tests).

    An idle forkserver maps libpython too, which would lower the spawn children's
    PSS share of it.  The next block's warm-up round restarts it.
    """
    from multiprocessing import forkserver
    stop = getattr(getattr(forkserver, "_forkserver", None), "_stop", None)
    if stop is not None:
        stop()


# --- ProcessLab measurement -----------------------------------------------

def processlab_run(cli, workers, repeat, memory):
    """Run the CLI's own spawn bench once; return its parsed JSON line."""
    import json
    import subprocess

    cmd = [cli, "bench", "spawn", "--workers", str(workers), "--repeat", str(repeat)]
    if memory:
        cmd.append("--memory")
    # capture_output: the CLI's output is read by this process after it exits,
    # so no other process is starting while the CLI measures.
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    if not lines:
        raise BenchError(f"{' '.join(cmd)} exited with {proc.returncode} and no output:\n"
                         f"{proc.stderr.strip()}")
    try:
        result = json.loads(lines[-1])
    except ValueError as e:
        raise BenchError(f"{' '.join(cmd)}: cannot parse {lines[-1]!r}: {e}") from e
    result["exitCode"] = proc.returncode
    if proc.returncode != 0 and not result.get("failures"):
        raise BenchError(f"{' '.join(cmd)} exited with {proc.returncode}:\n{proc.stderr.strip()}")
    return result


# --- the run ----------------------------------------------------------------

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


def run_bench(args, cli, log):
    """Interleaved blocks of ProcessLab and Python rounds; returns the raw data."""
    import gc
    import math

    per_block = math.ceil(args.repeat / args.blocks)
    contexts = {m: multiprocessing.get_context(m) for m in METHODS}
    raw = {
        "processlab": {str(n): {"allReadyMs": [], "firstReadyMs": [], "perWorkerMs": [],
                                "failures": 0, "runs": []} for n in WORKER_COUNTS},
        "python": {m: {str(n): {"allReadyMs": [], "perProcessMs": []} for n in WORKER_COUNTS}
                   for m in METHODS},
        "memory": {"processlabIdlePssKiB": [], "pythonSpawnIdlePssKiB": []},
    }

    def processlab_part(block, n):
        log(f"  block {block + 1}: ProcessLab, {n} worker(s) × {per_block}")
        res = processlab_run(cli, n, per_block, memory=(n == MEMORY_WORKERS))
        out = raw["processlab"][str(n)]
        out["runs"].append(res)
        out["failures"] += int(res.get("failures", 0))
        for key in ("allReadyMs", "firstReadyMs", "perWorkerMs"):
            out[key].extend(res.get(key, []))
        if n == MEMORY_WORKERS:
            pss = res.get("idlePssKiB", [])
            if len(pss) != MEMORY_WORKERS or any(v <= 0 for v in pss):
                raise BenchError(f"ProcessLab idle PSS incomplete: {pss}")
            raw["memory"]["processlabIdlePssKiB"].extend(pss)

    def python_part(block, n):
        log(f"  block {block + 1}: Python {'/'.join(METHODS)}, {n} process(es) × {per_block}")
        for m in METHODS:  # warm-up: starts forkserver/resource tracker, warms caches
            python_round(contexts[m], n)
        for r in range(per_block):
            # Rotate the method order so no method always runs right after another.
            for m in METHODS[r % 3:] + METHODS[:r % 3]:
                gc.collect()  # keep a collection of the bench's own heap out of the window
                all_ms, per_child = python_round(contexts[m], n)
                out = raw["python"][m][str(n)]
                out["allReadyMs"].append(all_ms)
                out["perProcessMs"].extend(per_child)

    for block in range(args.blocks):
        # ABBA order: ProcessLab first in even blocks, Python first in odd ones.
        for n in WORKER_COUNTS:
            parts = (processlab_part, python_part)
            for part in (parts if block % 2 == 0 else parts[::-1]):
                part(block, n)
        stop_forkserver()
        log(f"  block {block + 1}: Python spawn idle memory, {MEMORY_WORKERS} children")
        raw["memory"]["pythonSpawnIdlePssKiB"].extend(
            python_idle_pss(contexts["spawn"], MEMORY_WORKERS))
    return raw


def summarize(raw):
    from statistics import median

    empty = [name for name, values in (
        *((f"ProcessLab {n}", raw["processlab"][str(n)]["allReadyMs"]) for n in WORKER_COUNTS),
        *((f"Python {m} {n}", raw["python"][m][str(n)]["allReadyMs"])
          for m in METHODS for n in WORKER_COUNTS),
    ) if not values]
    if empty:
        raise BenchError(f"no successful rounds for: {', '.join(empty)}")

    def verdict(ratio, goal):
        return {"ratio": ratio, "goal": goal, "pass": ratio <= goal}

    summary = {"spawnToReadyMs": {}, "idlePssKiB": {}}
    for n in WORKER_COUNTS:
        pl = median(raw["processlab"][str(n)]["allReadyMs"])
        py = {m: median(raw["python"][m][str(n)]["allReadyMs"]) for m in METHODS}
        summary["spawnToReadyMs"][str(n)] = {
            "processlab": pl, **{f"python_{m}": v for m, v in py.items()},
            "vsSpawn": verdict(pl / py["spawn"], GOAL_VS_SPAWN),
            "vsFork": verdict(pl / py["fork"], GOAL_VS_FORK),
        }
    pl_pss = median(raw["memory"]["processlabIdlePssKiB"])
    py_pss = median(raw["memory"]["pythonSpawnIdlePssKiB"])
    summary["idlePssKiB"] = {"processlab": pl_pss, "python_spawn": py_pss,
                             "vsSpawn": verdict(pl_pss / py_pss, GOAL_PSS_VS_SPAWN)}
    return summary


def format_report(raw, summary, meta):
    from statistics import median

    def mark(v):
        return f"{v['ratio']:.3f} {'PASS' if v['pass'] else 'MISS'}"

    lines = [
        "Worker spawn→ready: ProcessLab vs Python multiprocessing (medians of all rounds)",
        f"  {meta['blocks']} interleaved blocks × {meta['roundsPerBlock']} rounds per case; "
        f"python {meta['pythonVersion']} ({meta['interpreter']}); "
        f"load avg {' '.join(meta['loadavgStart'] or [])} → {' '.join(meta['loadavgEnd'] or [])}",
        f"  CPU used by other processes during the run: {meta['foreignCpuShare']:.0%} of the machine"
        + ("  ← busy machine, numbers are disturbed; rerun when idle"
           if meta["foreignCpuShare"] > BUSY_SHARE else ""),
        "",
        f"{'case':<11} {'ProcessLab':>10} {'py spawn':>9} {'py fork':>9} {'py fksrv':>9}"
        f"   {'PL/spawn (goal ≤ 0.167)':<24} {'PL/fork (goal ≤ 0.750)':<22}",
    ]
    for n in WORKER_COUNTS:
        s = summary["spawnToReadyMs"][str(n)]
        label = "1 worker" if n == 1 else f"{n} at once"
        lines.append(
            f"{label:<11} {s['processlab']:>7.1f} ms {s['python_spawn']:>6.1f} ms"
            f" {s['python_fork']:>6.1f} ms {s['python_forkserver']:>6.1f} ms"
            f"   {mark(s['vsSpawn']):<24} {mark(s['vsFork'])}".rstrip())
    m = summary["idlePssKiB"]
    lines += [
        "",
        f"Idle memory, PSS of {MEMORY_WORKERS} running (median of "
        f"{len(raw['memory']['processlabIdlePssKiB'])} / "
        f"{len(raw['memory']['pythonSpawnIdlePssKiB'])}):",
        f"  ProcessLab worker {m['processlab'] / 1024:.2f} MiB, Python spawn child "
        f"{m['python_spawn'] / 1024:.2f} MiB → PL/spawn {mark(m['vsSpawn'])} (goal ≤ 0.250)",
        "",
        "Spread of all-ready times (ms): n  min  median  max",
    ]
    series = [(f"ProcessLab {n}", raw["processlab"][str(n)]["allReadyMs"]) for n in WORKER_COUNTS]
    series += [(f"py {meth} {n}", raw["python"][meth][str(n)]["allReadyMs"])
               for n in WORKER_COUNTS for meth in METHODS]
    for name, values in series:
        lines.append(f"  {name:<17} {len(values):>3} {min(values):>7.1f} {median(values):>7.1f}"
                     f" {max(values):>7.1f}")
    failures = sum(raw["processlab"][str(n)]["failures"] for n in WORKER_COUNTS)
    if failures:
        lines += ["", f"ProcessLab reported {failures} failed round(s): the run is not valid."]
    return "\n".join(lines)


def parse_args(argv):
    import argparse

    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cli", default=os.path.join(repo, "build", "bin", "processlab-cli"),
                    help="processlab-cli to measure (default: build/bin/processlab-cli)")
    ap.add_argument("--repeat", type=int, default=None,
                    help="measured rounds per case and side, split over the blocks (default 15)")
    ap.add_argument("--blocks", type=int, default=None,
                    help="interleaved ProcessLab/Python blocks (default 3)")
    ap.add_argument("--quick", action="store_true",
                    help="smoke run: --repeat 4 --blocks 2 unless given")
    ap.add_argument("--json", metavar="FILE", help="write all raw numbers and the summary here")
    args = ap.parse_args(argv)
    if args.repeat is None:
        args.repeat = 4 if args.quick else 15
    if args.blocks is None:
        args.blocks = 2 if args.quick else 3
    if not 1 <= args.repeat <= 1000:
        ap.error("--repeat expects a whole number from 1 to 1000")
    if not 1 <= args.blocks <= args.repeat:
        ap.error("--blocks expects a whole number from 1 to --repeat")
    return args


def main(argv=None):
    import json
    import math
    import platform

    args = parse_args(sys.argv[1:] if argv is None else argv)
    if not (os.path.isfile(args.cli) and os.access(args.cli, os.X_OK)):
        print(f"spawn_bench: {args.cli} not found or not executable; build it with "
              f"`cmake --build build` (or pass --cli PATH)", file=sys.stderr)
        return 2

    # The measurement runs in this process, which is always the real binary
    # (a wrapper such as the pyenv shim has exec'd it already and only cost our
    # own start-up), so re-executing ourselves would gain nothing.  What matters
    # is that spawn children and the forkserver start the real binary directly,
    # not through sys.executable if that is a wrapper script.
    real = real_interpreter()
    if os.path.realpath(sys.executable) != real:
        print(f"spawn_bench: sys.executable {sys.executable} is not the running binary; "
              f"children use {real}", file=sys.stderr)
    multiprocessing.set_executable(real)

    def log(msg):
        print(msg, file=sys.stderr, flush=True)

    meta = {
        "cli": os.path.abspath(args.cli),
        "interpreter": real,
        "pythonVersion": platform.python_version(),
        "platform": platform.platform(),
        "cpuCount": os.cpu_count(),
        "blocks": args.blocks,
        "roundsPerBlock": math.ceil(args.repeat / args.blocks),
        "loadavgStart": loadavg(),
    }
    cpu_start = cpu_snapshot()
    log(f"spawn_bench: {args.blocks} blocks × {meta['roundsPerBlock']} rounds per case")
    try:
        raw = run_bench(args, args.cli, log)
        summary = summarize(raw)
    except BenchError as e:
        print(f"spawn_bench: {e}", file=sys.stderr)
        return 1
    meta["loadavgEnd"] = loadavg()
    meta["foreignCpuShare"] = foreign_cpu_share(cpu_start, cpu_snapshot())
    print(format_report(raw, summary, meta))

    if args.json:
        with open(args.json, "w") as f:
            json.dump({"meta": meta, "summary": summary, "raw": raw}, f, indent=1)
            f.write("\n")
    failures = sum(raw["processlab"][str(n)]["failures"] for n in WORKER_COUNTS)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
