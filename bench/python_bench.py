#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The Python runner's overhead: plain python3 vs `processlab-cli python` on the same scripts.

Measures in one run, on the same machine, interleaved (ABBA blocks) so drift hits both sides:

* the tutorial's 7 listings (resources/examples/*.py), wall time of the whole run, median of
  the rounds per side (goal, docs/python-runner.md: ProcessLab ≤ 1.10 × plain);
* a 100,000-item Queue (one producer process, the main interpreter gets): what a high rate
  costs with a py.queue frame per put and per get (no goal: reported);
* start-up of `python -c pass`: plain, with the bootstrap on PYTHONPATH as a run sets it
  (sitecustomize and the lazy hooks' finder), and `import multiprocessing.queues` in both.

Both sides run the resolved interpreter (/proc/self/exe: never a pyenv shim). Run by hand
(see bench/README.md); standard library only.
"""

import os
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LISTINGS = ("process", "subclass", "queue_example", "pipe", "shared", "pool", "pool-map")
GOAL_RATIO = 1.10
QUEUE_ITEMS = 100_000
START_UP_ROUNDS = 8

QUEUE_SCRIPT = """\
import multiprocessing, sys

def produce(q, n):
    for i in range(n):
        q.put(i)

if __name__ == "__main__":
    n = int(sys.argv[1])
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=produce, args=(q, n))
    p.start()
    total = sum(q.get() for _ in range(n))
    p.join()
    print(total)
"""


def clean_environment():
    environment = dict(os.environ)
    for name in ("PYTHONSTARTUP", "PROCESSLAB_SERVER", "PROCESSLAB_TOKEN", "PROCESSLAB_PY_BOOT",
                 "PROCESSLAB_SCRIPT"):
        environment.pop(name, None)
    return environment


def timed(command, environment, cwd, timeout=900):
    """Wall seconds of one run; the output is captured (both sides alike) and checked."""
    from benchsupport import BenchError

    started = time.perf_counter()
    result = subprocess.run(command, env=environment, cwd=cwd, capture_output=True, timeout=timeout)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise BenchError(f"{' '.join(command)} exited with {result.returncode}:\n"
                         f"{result.stderr.decode(errors='replace').strip()}")
    return elapsed, result.stdout


def compare_outputs(plain, processlab):
    """"same" (lines in the same order), "reordered" (the same lines, processes in another
    order), "interleaved" (the same characters: with PYTHONUNBUFFERED, plain python3's
    processes write a line's text and its newline separately, so lines of two processes mix),
    or "differs"."""
    if plain.splitlines() == processlab.splitlines():
        return "same"
    if sorted(plain.splitlines()) == sorted(processlab.splitlines()):
        return "reordered"
    if sorted(plain) == sorted(processlab):
        return "interleaved"
    return "differs"


def median(values):
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def cases(queue_script, items):
    """(name, script, arguments, goal) of every case."""
    listed = [(name, os.path.join(REPO, "resources", "examples", name + ".py"), [], True)
              for name in LISTINGS]
    return listed + [(f"queue {items:,}", queue_script, [str(items)], False)]


def measure_cases(args, interpreter, log):
    from benchsupport import abba

    environment = clean_environment()
    with tempfile.TemporaryDirectory(prefix="python-bench-") as directory:
        queue_script = os.path.join(directory, "queue_flood.py")
        with open(queue_script, "w") as file:
            file.write(QUEUE_SCRIPT)
        raw = {}
        for name, script, arguments, goal in cases(queue_script, args.items):
            plain = [interpreter, script] + arguments
            lab = [args.cli, "python", "--python", interpreter, script] + arguments
            sides = {"plain": plain, "processlab": lab}
            times = {"plain": [], "processlab": []}
            outputs = {}
            per_block = max(1, -(-args.repeat // args.blocks))
            for block in range(args.blocks):
                for side in abba(block, list(sides)):
                    for _ in range(per_block):
                        elapsed, output = timed(sides[side], environment, os.path.dirname(script))
                        times[side].append(elapsed)
                        outputs.setdefault(side, output)
            log(f"  {name}: plain {median(times['plain']):.2f} s, "
                f"processlab {median(times['processlab']):.2f} s")
            raw[name] = {"times": times, "goal": goal,
                         "output": compare_outputs(outputs["plain"], outputs["processlab"])}
        return raw


def measure_start_up(interpreter):
    """Best of START_UP_ROUNDS wall times of each start-up case, in ms."""
    plain = clean_environment()
    boot = dict(plain)
    boot_dir = os.path.join(REPO, "resources", "python")
    boot["PYTHONPATH"] = boot_dir + (os.pathsep + plain["PYTHONPATH"] if plain.get("PYTHONPATH") else "")
    boot["PROCESSLAB_PY_BOOT"] = "1"
    boot["PYTHONDONTWRITEBYTECODE"] = "1"  # the repository's tree stays clean; a run's dir has .pyc
    plain["PYTHONDONTWRITEBYTECODE"] = "1"
    results = {}
    for name, code in (("python -c pass", "pass"),
                       ("import multiprocessing.queues", "import multiprocessing.queues")):
        for side, environment in (("plain", plain), ("bootstrap", boot)):
            best = min(timed([interpreter, "-c", code], environment, None)[0]
                       for _ in range(START_UP_ROUNDS))
            results.setdefault(name, {})[side] = best * 1000
    return results


def report(raw, summary, meta):
    from benchsupport import conditions_lines

    lines = ["Python runner overhead: plain python3 vs processlab-cli python "
             f"(median wall time, {meta['blocks']} blocks)", ""]
    lines.append(f"  {'case':<18} {'plain':>8} {'ProcessLab':>11} {'ratio':>7}  goal")
    for name, case in raw["cases"].items():
        plain, lab = median(case["times"]["plain"]), median(case["times"]["processlab"])
        ratio = lab / plain
        verdict = ("PASS" if ratio <= GOAL_RATIO else "MISS") if case["goal"] else "—"
        same = {"same": "", "reordered": "  (lines of processes in another order)",
                "interleaved": "  (plain output has mixed lines: PYTHONUNBUFFERED)",
                "differs": "  (OUTPUT DIFFERS)"}[case["output"]]
        lines.append(f"  {name:<18} {plain:>7.2f}s {lab:>10.2f}s {ratio:>6.2f}×  {verdict}{same}")
    lines.append(f"  tutorial listings together: {summary['listingsRatio']:.2f}× "
                 f"(goal ≤ {GOAL_RATIO:.2f}×)")
    lines.append("")
    lines.append(f"  start-up, best of {START_UP_ROUNDS} {'plain':>8} {'bootstrap':>10}")
    for name, sides in raw["startUp"].items():
        lines.append(f"  {name:<30} {sides['plain']:>6.0f} ms {sides['bootstrap']:>7.0f} ms")
    lines.append("")
    lines += conditions_lines(meta, "case and side")
    return "\n".join(lines)


def main(argv):
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import benchsupport

    ap = benchsupport.argument_parser(__doc__)
    ap.add_argument("--items", type=int, default=QUEUE_ITEMS, help="items through the queue case")
    args = benchsupport.parse_run_args(ap, argv, repeat=3, quick_repeat=1, max_repeat=30,
                                       blocks=1, quick_blocks=1)

    def measure(meta):
        interpreter = meta["interpreter"]
        raw = {"cases": measure_cases(args, interpreter, benchsupport.log),
               "startUp": measure_start_up(interpreter)}
        listings = [case for case in raw["cases"].values() if case["goal"]]
        plain = sum(median(case["times"]["plain"]) for case in listings)
        lab = sum(median(case["times"]["processlab"]) for case in listings)
        summary = {"listingsRatio": lab / plain,
                   "ratios": {name: median(c["times"]["processlab"]) / median(c["times"]["plain"])
                              for name, c in raw["cases"].items()}}
        return raw, summary

    return benchsupport.run_main(
        "python_bench", args, measure=measure, report=report,
        describe=lambda meta: f"{len(LISTINGS)} listings + queue × {args.repeat} rounds per side")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
