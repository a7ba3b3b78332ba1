#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Process pool throughput and start-up: ProcessLab vs Python multiprocessing.Pool.

Measures in one run, on the same machine, interleaved so drift hits both sides:

* ProcessLab: ``processlab-cli bench pool --case C --processes P --tasks N --repeat R`` (a normal
  Run of a Pool of real pool workers, per-task events recorded as always);
* Python: ``multiprocessing.Pool`` with the same main programs and a trivial function defined
  in this module (``square(x): return x * x``).

Cases (both sides run the same statements):

* ``apply-async``: ``results = [pool.apply_async(square, (i,)) for i in range(20000)]`` then
  ``r.get()`` for every result; timed from the first apply_async to the last get returning;
  the pool was created just before (what is left of its workers' start is inside both times).
* ``map``: ``pool.map(square, range(200000))`` (default chunksize); timed around the call.
* ``startup``: ``Pool(2)`` until both workers are ready. ProcessLab: from the Pool statement's
  start to the last pool worker's hello frame received by the host (its process is running
  and connected; the host then tells it to run its task loop). Python: from ``Pool(2)`` until
  the parent has received one message from each worker, put by the pool's ``initializer``
  (the worker process is running, has unpickled its arguments and is about to take tasks).
  Python with fork and spawn.

Ratios are checked against the goals in docs/performance.md (apply_async ≥ 5×, map ≥ 2×).
Run it with the real interpreter (see bench/README.md); Python 3.11 stdlib only.
"""

# Spawn children re-import this file as their main module, so the module level stays light:
# everything else, benchsupport too, is imported inside the functions.
import multiprocessing
import sys
import time

# The same defaults as `processlab-cli bench pool` (src/cli/poolbenchcommand.cpp).
# name: (default tasks, what, unit, goal: ProcessLab rate / Python rate >= goal; None: reported)
CASES = {
    "apply-async": (20_000, "apply_async × N, then get() each", "tasks/s", 5.0),
    "map": (200_000, "map(square, range(N))", "items/s", 2.0),
    "startup": (0, "Pool(P) → every worker ready", "ms", None),
}
ROUND_TIMEOUT_S = 300.0


# --- the pool's functions (what the ProcessLab worker's `square` does) ------------------------

def square(x):
    return x * x


def _report_ready(queue):
    queue.put(None)  # the worker is up: it runs the initializer just before its task loop


# --- Python measurement (runs inside this process) ----------------------------------------

def python_round(ctx, name, processes, tasks):
    """One round; returns seconds (throughput cases) or milliseconds to ready (startup)."""
    from benchsupport import BenchError

    if name == "startup":
        ready = ctx.SimpleQueue()
        start = time.perf_counter()
        pool = ctx.Pool(processes, initializer=_report_ready, initargs=(ready,))
        for _ in range(processes):
            ready.get()
        elapsed = (time.perf_counter() - start) * 1e3
        pool.close()
        pool.join()
        ready.close()
        return elapsed
    pool = ctx.Pool(processes)
    try:
        if name == "apply-async":
            start = time.perf_counter()
            results = [pool.apply_async(square, (i,)) for i in range(tasks)]
            values = [r.get(ROUND_TIMEOUT_S) for r in results]
            elapsed = time.perf_counter() - start
            if values[-1] != (tasks - 1) ** 2:
                raise BenchError(f"python {name}: last result {values[-1]}, expected {(tasks - 1) ** 2}")
        else:
            start = time.perf_counter()
            values = pool.map_async(square, range(tasks)).get(ROUND_TIMEOUT_S)
            elapsed = time.perf_counter() - start
            if len(values) != tasks or values[-1] != (tasks - 1) ** 2:
                raise BenchError(f"python {name}: wrong results")
        pool.close()
        pool.join()
    except multiprocessing.TimeoutError as e:
        raise BenchError(f"python {name}: no result after {ROUND_TIMEOUT_S:.0f} s") from e
    finally:
        pool.terminate()
    return elapsed


# --- ProcessLab measurement -----------------------------------------------------------------

def processlab_run(cli, name, processes, tasks, repeat):
    """Run the CLI's own pool bench once; return its parsed JSON line (failed rounds raise)."""
    from benchsupport import run_cli_json

    cmd = [cli, "bench", "pool", "--case", name, "--processes", str(processes), "--repeat", str(repeat)]
    if tasks:
        cmd += ["--tasks", str(tasks)]
    result, _ = run_cli_json(cmd, timeout=ROUND_TIMEOUT_S * (repeat + 1), failures_ok=False)
    return result


# --- the run ----------------------------------------------------------------------------------

def measurements(args):
    """(case, processes, python start methods) in run order."""
    for name in args.cases:
        if name == "startup":
            yield name, args.startup_processes, args.startup_methods
        else:
            for processes in args.processes:
                yield name, processes, args.methods


def run_bench(args, log):
    """Interleaved blocks per measurement (ABBA); returns the raw numbers.

    Throughput values are rates (tasks or items per second), start-up values milliseconds.
    """
    import gc
    import math

    from benchsupport import abba

    per_block = math.ceil(args.repeat / args.blocks)
    raw = []
    for name, processes, methods in measurements(args):
        tasks = 0 if name == "startup" else (args.tasks.get(name) or CASES[name][0])
        entry = {"case": name, "processes": processes, "tasks": tasks,
                 "processlab": {"values": []}, "python": {m: {"values": []} for m in methods}}
        raw.append(entry)

        def processlab_part(block):
            log(f"  {name} P={processes} block {block + 1}: ProcessLab × {per_block}")
            res = processlab_run(args.cli, name, processes, tasks, per_block)
            out = entry["processlab"]
            out["taskEventBudget"] = res.get("taskEventBudget")
            out["perTaskEvents"] = res.get("perTaskEvents")
            out["values"].extend(res["rates"] if tasks else res["readyMs"])
            out.setdefault("readyMs", []).extend(res.get("readyMs", []))
            out.setdefault("runningMs", []).extend(res.get("runningMs", []))

        def python_part(block):
            for method in (methods if block % 2 == 0 else methods[::-1]):
                log(f"  {name} P={processes} block {block + 1}: Python {method} × {per_block}")
                ctx = multiprocessing.get_context(method)
                python_round(ctx, name, processes, min(tasks, 1000))  # warm-up: imports, forkserver
                for _ in range(per_block):
                    gc.collect()
                    value = python_round(ctx, name, processes, tasks)
                    entry["python"][method]["values"].append(tasks / value if tasks else value)

        for block in range(args.blocks):
            for part in abba(block, (processlab_part, python_part)):
                part(block)
    return raw


def summarize(raw):
    from statistics import median

    for entry in raw:
        name = entry["case"]
        _, _, unit, goal = CASES[name]
        pl = median(entry["processlab"]["values"])
        entry["unit"] = unit
        entry["goal"] = goal
        entry["processlabMedian"] = pl
        for method, data in entry["python"].items():
            py = median(data["values"])
            data["median"] = py
            # Throughput: ProcessLab's rate / Python's; start-up: Python's time / ProcessLab's
            # (both "how many times faster").
            data["ratio"] = pl / py if unit != "ms" else py / pl
            data["pass"] = None if goal is None else data["ratio"] >= goal
    return raw


def format_value(value, unit):
    from benchsupport import format_rate

    return f"{value:.1f} ms" if unit == "ms" else format_rate(value, unit)


def spread(values, unit):
    lo, hi = min(values), max(values)
    fmt = (lambda v: f"{v:.1f}") if unit == "ms" else (lambda v: f"{v / 1e3:,.1f}k")
    return f"{fmt(lo)}–{fmt(hi)}"


def format_report(raw, meta):
    from benchsupport import conditions_lines

    budget = next((e["processlab"].get("taskEventBudget") for e in raw), None)
    lines = [
        "Pool: ProcessLab vs Python multiprocessing.Pool, medians of all rounds "
        "(×: how many times faster ProcessLab is)",
        *conditions_lines(meta, "measurement and side"),
        f"  ProcessLab records queued/started/finished events for a pool's first {budget:,} tasks, "
        "then counters: that cost is inside its time",
        "",
        f"{'case':<12} {'P':>2} {'N':>7} {'ProcessLab':>17} {'Python':>24} {'×':>7}  goal",
    ]
    for e in raw:
        unit = e["unit"]
        for i, (method, data) in enumerate(e["python"].items()):
            pl = format_value(e["processlabMedian"], unit) if i == 0 else ""
            goal = "" if e["goal"] is None else f"≥ {e['goal']:g}×  {'PASS' if data['pass'] else 'MISS'}"
            lines.append(f"{e['case'] if i == 0 else '':<12} {e['processes'] if i == 0 else '':>2} "
                         f"{(e['tasks'] or '') if i == 0 else '':>7} {pl:>17} "
                         f"{method + ' ' + format_value(data['median'], unit):>24} {data['ratio']:>6.1f}×  {goal}")
    lines += ["", "Spread over rounds (min–max; rates in k/s, start-up in ms):"]
    for e in raw:
        unit = e["unit"]
        parts = [f"ProcessLab {spread(e['processlab']['values'], unit)} (n={len(e['processlab']['values'])})"]
        parts += [f"Python {m} {spread(d['values'], unit)}" for m, d in e["python"].items()]
        lines.append(f"  {e['case']:<12} P={e['processes']}: " + "; ".join(parts))
    return "\n".join(lines)


def parse_args(argv):
    from benchsupport import argument_parser, parse_run_args

    ap = argument_parser(__doc__)
    ap.add_argument("--case", dest="cases", action="append", choices=list(CASES),
                    help="a case to run (repeatable; default: all)")
    ap.add_argument("--processes", type=int, action="append", default=None,
                    help="pool processes for apply-async and map (repeatable; default 2 and 4)")
    ap.add_argument("--tasks", type=int, default=None,
                    help="apply_async calls / map items per round (default 20000 / 200000)")
    ap.add_argument("--spawn-too", action="store_true",
                    help="also measure Python's throughput with the spawn start method")
    args = parse_run_args(ap, argv, repeat=3, quick_repeat=1, max_repeat=64, quick_blocks=1)
    args.cases = args.cases or list(CASES)
    args.processes = args.processes or [2, 4]
    if any(not 1 <= p <= 64 for p in args.processes):
        ap.error("--processes expects a whole number from 1 to 64")
    if args.tasks is not None and not 1 <= args.tasks <= 1_000_000:
        ap.error("--tasks expects a whole number from 1 to 1000000")
    args.tasks = {name: args.tasks for name in CASES if name != "startup"} if args.tasks else {}
    default = multiprocessing.get_start_method()
    args.methods = [default] + (["spawn"] if args.spawn_too and default != "spawn" else [])
    available = multiprocessing.get_all_start_methods()
    args.startup_methods = [m for m in ("fork", "spawn") if m in available] or [default]
    args.startup_processes = 2
    return args


def main(argv=None):
    from benchsupport import log, run_main

    args = parse_args(sys.argv[1:] if argv is None else argv)

    def measure(meta):
        raw = summarize(run_bench(args, log))
        return raw, {"measurements": len(raw)}

    return run_main("pool_bench", args, startMethod=multiprocessing.get_start_method(),
                    describe=lambda meta: f"{', '.join(args.cases)}; processes {args.processes}; "
                                          f"{args.blocks} blocks × {meta['roundsPerBlock']} rounds per "
                                          f"measurement and side; Python start method {meta['startMethod']}",
                    measure=measure, report=lambda raw, summary, meta: format_report(raw, meta))


if __name__ == "__main__":
    sys.exit(main())
