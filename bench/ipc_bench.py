#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Queue, Pipe and locked Value throughput: ProcessLab vs Python multiprocessing.

Measures in one run, on the same machine, interleaved so drift hits both sides:

* ProcessLab: ``processlab-cli bench ipc --case C --ops N --repeat R`` (a normal Run with
  observation on: per-operation events while each object's budget lasts, then counters);
* Python ``multiprocessing`` with the platform's default start method (fork on Linux):
  mp.Queue, mp.Pipe and mp.Value with get_lock(), in children defined exactly like the
  ProcessLab worker's bench behaviours (src/worker/bench_behaviours.cpp).

Both sides measure the steady state inside the processes, not process start-up: the
receiving process clocks from its first completed operation to its last (the two
value-lock processes from a common start barrier to the last one's end), and the same
items cross (small ints, or one 1 KiB bytes object).  Ratios are checked against the goals
in docs/performance.md.  Run it with the real interpreter (see bench/README.md); Python
3.11 stdlib only.
"""

# Spawn children (macOS, Windows) re-import this file as their main module, so the module
# level stays light: everything else, benchsupport too, is imported inside the functions.
import multiprocessing
import os
import sys
import time

# The same defaults as `processlab-cli bench ipc` (src/cli/ipcbenchcommand.cpp): Python's side
# runs 1-3 s per round on the project's machine.
# name: (default ops, what, unit, goal, "higher" (PL/Py rate >= goal) or "lower" (PL/Py time <= goal))
CASES = {
    "queue-small": (200_000, "Queue 1→1, small ints", "items/s", 10.0, "higher"),
    "queue-1k": (100_000, "Queue 1→1, 1 KiB bytes", "items/s", 3.0, "higher"),
    "pipe-oneway": (200_000, "Pipe one-way, small ints", "msgs/s", 5.0, "higher"),
    "pipe-roundtrip": (50_000, "Pipe round trip", "µs", 0.8, "lower"),
    "value-lock": (1_000_000, "Value += 1 under get_lock(), 2 procs", "incs/s", 10.0, "higher"),
}
VALUE_LOCK_PARTIES = 2
ITEM_SIZE_1K = 1024
ROUND_TIMEOUT_S = 300.0  # a Python round takes ~1-3 s; this catches hangs


# --- children (the same definitions as the ProcessLab worker's bench.* behaviours) ---------

def _item_checker(size):
    if size:
        return lambda item, i: isinstance(item, bytes) and len(item) == size
    return lambda item, i: item == i


def _queue_put(queue, ops, size):
    if size:
        payload = b"x" * size
        for _ in range(ops):
            queue.put(payload)
    else:
        for i in range(ops):
            queue.put(i)


def _queue_get(queue, ops, size, out):
    ok = _item_checker(size)
    start = 0
    for i in range(ops):
        if not ok(queue.get(), i):
            raise SystemExit(f"item {i} is not what was sent")
        if i == 0:
            start = time.monotonic_ns()
    out.send((ops - 1, start, time.monotonic_ns()))


def _pipe_send(conn, ops):
    for i in range(ops):
        conn.send(i)


def _pipe_recv(conn, ops, out):
    start = 0
    for i in range(ops):
        if conn.recv() != i:
            raise SystemExit(f"message {i} is not what was sent")
        if i == 0:
            start = time.monotonic_ns()
    out.send((ops - 1, start, time.monotonic_ns()))


def _pipe_ping(conn, ops, out):
    start = 0
    for i in range(ops):
        conn.send(i)
        if conn.recv() != i:
            raise SystemExit(f"message {i} did not come back")
        if i == 0:
            start = time.monotonic_ns()
    out.send((ops - 1, start, time.monotonic_ns()))


def _pipe_pong(conn, ops):
    for _ in range(ops):
        conn.send(conn.recv())


def _value_add(counter, ready, ops, parties, out):
    with ready.get_lock():
        ready.value += 1
    while ready.value < parties:  # start together, so the increments really contend
        time.sleep(0.0001)
    start = time.monotonic_ns()
    for _ in range(ops):
        with counter.get_lock():
            counter.value += 1
    out.send((ops, start, time.monotonic_ns()))


# --- Python measurement (runs inside this process) ----------------------------------------

def python_round(ctx, name, ops):
    """One round of a case; returns (operations timed, seconds)."""
    from benchsupport import BenchError

    results = []     # (reader end, writer end) per measuring child
    procs = []

    def measuring(target, *args):
        r, w = ctx.Pipe(duplex=False)
        results.append((r, w))
        procs.append(ctx.Process(target=target, args=(*args, w), daemon=True))

    def plain(target, *args):
        procs.append(ctx.Process(target=target, args=args, daemon=True))

    check_value = None
    if name in ("queue-small", "queue-1k"):
        size = ITEM_SIZE_1K if name == "queue-1k" else 0
        queue = ctx.Queue()
        measuring(_queue_get, queue, ops, size)
        plain(_queue_put, queue, ops, size)
    elif name == "pipe-oneway":
        a, b = ctx.Pipe()
        measuring(_pipe_recv, a, ops)
        plain(_pipe_send, b, ops)
    elif name == "pipe-roundtrip":
        a, b = ctx.Pipe()
        measuring(_pipe_ping, a, ops)
        plain(_pipe_pong, b, ops)
    else:
        counter = ctx.Value("i", 0)
        ready = ctx.Value("i", 0)
        for _ in range(VALUE_LOCK_PARTIES):
            measuring(_value_add, counter, ready, ops, VALUE_LOCK_PARTIES)
        check_value = counter

    try:
        for p in procs:
            p.start()
        deadline = time.monotonic() + ROUND_TIMEOUT_S
        for p in procs:
            p.join(max(0.0, deadline - time.monotonic()))
        hung = [p for p in procs if p.is_alive()]
        if hung:
            raise BenchError(f"python {name}: {len(hung)} child(ren) still running after "
                             f"{ROUND_TIMEOUT_S:.0f} s")
    finally:
        for p in procs:
            if p.is_alive():
                p.kill()
                p.join()
    bad = [p.exitcode for p in procs if p.exitcode != 0]
    if bad:
        raise BenchError(f"python {name}: children exited with {bad}")
    if check_value is not None and check_value.value != VALUE_LOCK_PARTIES * ops:
        raise BenchError(f"python {name}: counter.value is {check_value.value}, "
                         f"expected {VALUE_LOCK_PARTIES * ops}")
    timed, start, end = 0, None, None
    for r, w in results:
        if not r.poll():
            raise BenchError(f"python {name}: a child sent no result")
        n, s, e = r.recv()
        timed += n
        start = s if start is None else min(start, s)
        end = e if end is None else max(end, e)
        r.close()
        w.close()
    if end <= start or timed <= 0:
        raise BenchError(f"python {name}: no time measured")
    return timed, (end - start) / 1e9


# --- ProcessLab measurement -----------------------------------------------------------------

def processlab_run(cli, name, ops, repeat):
    """Run the CLI's own IPC bench once; return its parsed JSON line (failed rounds raise)."""
    from benchsupport import run_cli_json

    cmd = [cli, "bench", "ipc", "--case", name, "--ops", str(ops), "--repeat", str(repeat)]
    result, _ = run_cli_json(cmd, timeout=ROUND_TIMEOUT_S * repeat, failures_ok=False)
    return result


# --- the run ----------------------------------------------------------------------------------

def run_bench(args, log):
    """Interleaved blocks per case (ABBA); returns the raw rates and times."""
    import gc
    import math

    from benchsupport import abba

    per_block = math.ceil(args.repeat / args.blocks)
    ctx = multiprocessing.get_context()
    raw = {}
    for name in args.cases:
        ops = args.ops or CASES[name][0]
        raw[name] = {"ops": ops, "processlab": {"rates": [], "seconds": [], "opsTimed": []},
                     "python": {"rates": [], "seconds": [], "opsTimed": []}}

        def processlab_part(block):
            log(f"  {name} block {block + 1}: ProcessLab × {per_block}")
            res = processlab_run(args.cli, name, ops, per_block)
            out = raw[name]["processlab"]
            out["observationBudget"] = res.get("observationBudget")
            for key in ("rates", "seconds", "opsTimed"):
                out[key].extend(res.get(key, []))

        def python_part(block):
            log(f"  {name} block {block + 1}: Python × {per_block}")
            python_round(ctx, name, min(ops, 1000))  # warm-up: imports, resource tracker
            out = raw[name]["python"]
            for _ in range(per_block):
                gc.collect()
                timed, seconds = python_round(ctx, name, ops)
                out["rates"].append(timed / seconds)
                out["seconds"].append(seconds)
                out["opsTimed"].append(timed)

        for block in range(args.blocks):
            for part in abba(block, (processlab_part, python_part)):
                part(block)
    return raw


def summarize(raw):
    from statistics import median

    summary = {}
    for name, data in raw.items():
        _, _, unit, goal, better = CASES[name]
        pl = median(data["processlab"]["rates"])
        py = median(data["python"]["rates"])
        if better == "higher":
            ratio = pl / py
            ok = ratio >= goal
        else:  # round trip: time per operation, ProcessLab / Python
            ratio = py / pl
            ok = ratio <= goal
        summary[name] = {"processlabRate": pl, "pythonRate": py, "unit": unit,
                         "ratio": ratio, "goal": goal, "better": better, "pass": ok}
    return summary


def format_rate(rate, unit):
    """A rate, or for a round trip (µs) the time per operation."""
    import benchsupport

    return f"{1e6 / rate:.1f} µs" if unit == "µs" else benchsupport.format_rate(rate, unit)


def format_report(raw, summary, meta):
    from statistics import median

    from benchsupport import conditions_lines

    lines = [
        "IPC throughput: ProcessLab (observation on) vs Python multiprocessing "
        f"({meta['startMethod']} start method), medians of all rounds",
        *conditions_lines(meta, "case and side"),
        "  ProcessLab's time includes observation: each object's first "
        f"{meta['observationBudget']:,} operations are recorded one by one, then counters",
        "",
        f"{'case':<15} {'ops':>8} {'ProcessLab':>16} {'Python':>16}   {'ratio':>7}  goal",
    ]
    for name, s in summary.items():
        if s["better"] == "higher":
            ratio, goal = f"{s['ratio']:.1f}×", f"PL ≥ {s['goal']:g}× Python"
        else:
            ratio, goal = f"{s['ratio']:.2f}", f"PL ≤ {s['goal']:g} × Python's time"
        lines.append(f"{name:<15} {raw[name]['ops']:>8} {format_rate(s['processlabRate'], s['unit']):>16} "
                     f"{format_rate(s['pythonRate'], s['unit']):>16}   {ratio:>7}  {goal}  "
                     f"{'PASS' if s['pass'] else 'FAIL'}")
    lines += ["", "Spread of rates (operations/s): n  min  median  max"]
    for name, data in raw.items():
        for side in ("processlab", "python"):
            values = data[side]["rates"]
            lines.append(f"  {name:<15} {side:<10} {len(values):>3} {min(values):>12,.0f} "
                         f"{median(values):>12,.0f} {max(values):>12,.0f}")
    return "\n".join(lines)


def parse_args(argv):
    from benchsupport import argument_parser, parse_run_args

    ap = argument_parser(__doc__)
    ap.add_argument("--case", dest="cases", action="append", choices=list(CASES),
                    help="a case to run (repeatable; default: all)")
    ap.add_argument("--ops", type=int, default=None,
                    help="operations per round for every case (default: each case's own)")
    args = parse_run_args(ap, argv, repeat=6, quick_repeat=2, max_repeat=64)
    args.cases = args.cases or list(CASES)
    if args.ops is not None and not 100 <= args.ops <= 10_000_000:
        ap.error("--ops expects a whole number from 100 to 10000000")
    return args


def main(argv=None):
    from benchsupport import log, run_main

    args = parse_args(sys.argv[1:] if argv is None else argv)

    def measure(meta):
        raw = run_bench(args, log)
        summary = summarize(raw)
        meta["observationBudget"] = next(d["processlab"]["observationBudget"] for d in raw.values())
        return raw, summary

    return run_main("ipc_bench", args, startMethod=multiprocessing.get_start_method(),
                    describe=lambda meta: f"{', '.join(args.cases)}; {args.blocks} blocks × "
                                          f"{meta['roundsPerBlock']} rounds per case and side; "
                                          f"Python start method {meta['startMethod']}",
                    measure=measure, report=format_report)


if __name__ == "__main__":
    sys.exit(main())
