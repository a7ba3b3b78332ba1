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
# multiprocessing program imports anyway.  Everything else, benchsupport too, is
# imported inside the functions that run in the bench process only, so it does
# not inflate the idle child's memory or start-up time.
import multiprocessing
import os
import sys
import time

METHODS = ("spawn", "fork", "forkserver")
WORKER_COUNTS = (1, 8)
MEMORY_WORKERS = 8
SETTLE_S = 0.3          # same settle time as the CLI's --memory before reading PSS
ROUND_TIMEOUT_S = 30.0  # one round of 8 takes well under a second; this catches hangs

# Goals from docs/performance.md (ProcessLab / Python, lower is better).
GOAL_VS_SPAWN = 1 / 6
GOAL_VS_FORK = 3 / 4
GOAL_PSS_VS_SPAWN = 1 / 4


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

def python_round(ctx, workers):
    """Start `workers` children at once; return (all_ready_ms, per_child_ms)."""
    from multiprocessing.connection import wait

    from benchsupport import BenchError

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
    from benchsupport import BenchError

    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            if line.startswith("Pss:"):
                return int(line.split()[1])
    raise BenchError(f"no Pss: line in /proc/{pid}/smaps_rollup")


def python_idle_pss(ctx, workers):
    """PSS (KiB) of `workers` idle children, read once all are ready and settled."""
    from multiprocessing.connection import wait

    from benchsupport import BenchError

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
    """Run the CLI's own spawn bench once; return its parsed JSON line.

    Failed rounds are counted in the result and reported, not raised.
    """
    from benchsupport import run_cli_json

    cmd = [cli, "bench", "spawn", "--workers", str(workers), "--repeat", str(repeat)]
    if memory:
        cmd.append("--memory")
    result, exit_code = run_cli_json(cmd, timeout=600, failures_ok=True)
    result["exitCode"] = exit_code
    return result


# --- the run ----------------------------------------------------------------

def run_bench(args, cli, log):
    """Interleaved blocks of ProcessLab and Python rounds; returns the raw data."""
    import gc
    import math

    from benchsupport import BenchError, abba

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
            for part in abba(block, (processlab_part, python_part)):
                part(block, n)
        stop_forkserver()
        log(f"  block {block + 1}: Python spawn idle memory, {MEMORY_WORKERS} children")
        raw["memory"]["pythonSpawnIdlePssKiB"].extend(
            python_idle_pss(contexts["spawn"], MEMORY_WORKERS))
    return raw


def summarize(raw):
    from statistics import median

    from benchsupport import BenchError

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

    from benchsupport import conditions_lines

    def mark(v):
        return f"{v['ratio']:.3f} {'PASS' if v['pass'] else 'MISS'}"

    lines = [
        "Worker spawn→ready: ProcessLab vs Python multiprocessing (medians of all rounds)",
        *conditions_lines(meta, "case"),
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
    from benchsupport import argument_parser, parse_run_args

    return parse_run_args(argument_parser(__doc__), argv, repeat=15, quick_repeat=4,
                          max_repeat=1000)


def main(argv=None):
    from benchsupport import log, run_main

    args = parse_args(sys.argv[1:] if argv is None else argv)

    def measure(meta):
        raw = run_bench(args, args.cli, log)
        return raw, summarize(raw)

    # Failed ProcessLab rounds are reported, and make the exit code 1.
    return run_main("spawn_bench", args,
                    describe=lambda meta: f"{args.blocks} blocks × {meta['roundsPerBlock']} rounds per case",
                    measure=measure, report=format_report,
                    exit_code=lambda raw: 1 if sum(raw["processlab"][str(n)]["failures"] for n in WORKER_COUNTS) else 0)


if __name__ == "__main__":
    sys.exit(main())
