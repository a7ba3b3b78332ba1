#!/usr/bin/env bash
# Regenerates the pictures README.md shows (docs/screenshots/), in English and Chinese, at
# 1280×800 (the size --screenshot uses). Mid-run pictures use --screenshot-delay: the window is
# grabbed while the workers sleep, then the run is stopped and the app exits.
# An argument makes only the pictures whose names start with it: make-screenshots.sh queue
set -euo pipefail
cd "$(dirname "$0")/.."
app=${PROCESSLAB_APP:-build/bin/processlab}
out=docs/screenshots
mkdir -p "$out"
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
only=${1:-}
configs=$(mktemp -d)
trap 'rm -rf "$configs"' EXIT

# shot NAME ARGS...: one picture from fresh settings (default layout, no remembered knobs).
shot() {
  local name=$1
  shift
  [[ -z $only || $name == "$only"* ]] || return 0
  XDG_CONFIG_HOME=$(mktemp -d "$configs/XXXXXX") "$app" "$@" --screenshot "$out/$name"
}

# handout NAME STEP ARGS...: play a walkthrough without a display (--pace 0 --handout DIR) and
# keep the picture of one step.
handout() {
  local name=$1 step=$2
  shift 2
  [[ -z $only || $name == "$only"* ]] || return 0
  local pages
  pages=$(mktemp -d "$configs/XXXXXX")
  XDG_CONFIG_HOME=$(mktemp -d "$configs/XXXXXX") "$app" "$@" --pace 0 --handout "$pages/steps"
  cp "$pages/steps/$(printf 'step-%02d.png' "$step")" "$out/$name"
}

# A saved record for the replay pictures: the queue with 2 producers, 2 consumers.
replay_record=$configs/queue-record.json
"${PROCESSLAB_CLI:-$(dirname "$app")/processlab-cli}" run queue --producers 2 --consumers 2 --delay 0.2 \
  --json "$replay_record" >/dev/null

for lang in en zh_CN; do
  # The tutorial's example at its own values, mid-run (workers sleeping, Main in join()).
  shot "process-$lang.png" --example process --lang "$lang" --autorun --screenshot-delay 1200
  # The same in presenter mode (large fonts, the projector layout).
  shot "presenter-$lang.png" --example process --lang "$lang" --presenter --autorun --screenshot-delay 1200
  # 16 workers: more than 8 processes get the process list.
  shot "many-$lang.png" --example process --set workers=16 --lang "$lang" --autorun --screenshot-delay 1500
  # Changed knobs, after the run: the "Changed from the tutorial" banner and every exit code.
  shot "changed-$lang.png" --example process --set workers=3 --set sleep=1 --lang "$lang" --autorun
  # work=compute, 4 workers on 2 cores, mid-run: busy(1) in the listing under the banner; the
  # workers share the 2 cores, so the run takes about twice as long as with 2 workers.
  shot "compute-$lang.png" --example process --set workers=4 --set sleep=1 --set work=compute \
    --lang "$lang" --autorun --screenshot-delay 1500
  # CPU per process (the work knob): 2 computing workers use 2 cores; sparklines, CPU lane.
  shot "cpu-$lang.png" --example process --set work=compute --lang "$lang" --autorun --screenshot-delay 1500
  shot "cpu-dark-$lang.png" --example process --set work=compute --theme dark --lang "$lang" --autorun \
    --screenshot-delay 1500
  # The subclass example (示例2), mid-run.
  shot "subclass-$lang.png" --example subclass --lang "$lang" --autorun --screenshot-delay 1200
  # Queue: 2 producers, 2 consumers, a delay between puts so the lines interleave; mid-run.
  shot "queue-$lang.png" --example queue --set producers=2 --set consumers=2 --set delay=0.2 \
    --lang "$lang" --autorun --screenshot-delay 700
  # Shared memory without the lock, after the run: the lost updates.
  shot "shared-$lang.png" --example shared --set lock=false \
    --lang "$lang" --autorun
  # The shared-object views (issue 14), mid-run: the Queue tab (items in the queue, who waits,
  # each item's path), the Pipe tab (messages in flight), the Shared memory tab (cells coloured
  # by their last writer, the lost updates ticking up without the lock).
  shot "queue-view-$lang.png" --example queue --set producers=2 --set maxsize=3 --set items=20 --set delay=0.1 \
    --lang "$lang" --autorun --screenshot-delay 900 --view queue
  shot "pipe-view-$lang.png" --example pipe --set messages=100000 --lang "$lang" --autorun \
    --screenshot-delay 500 --view pipe
  shot "shared-view-$lang.png" --example shared --set lock=false --set increments=10000000 \
    --lang "$lang" --autorun --screenshot-delay 300 --view shared
  # Process pool (tutorial 4) at its own values, mid-run: each pool worker's pane and timeline
  # row name the task it runs.
  shot "pool-$lang.png" --example pool --lang "$lang" --autorun --screenshot-delay 1200
  shot "pool-presenter-$lang.png" --example pool --lang "$lang" --presenter --autorun --screenshot-delay 1200
  # A pool worker killed mid-task (the kill-worker-after fault), after the run: the lost task in
  # red in its pane and on the timeline, the replacement's row, why the run exited 1.
  shot "pool-kill-$lang.png" --example pool --set tasks=4 --set kill-worker-after=500 --lang "$lang" --autorun
  # pool.map over 40 items on 2 processes, after the run: the chunks on the workers' rows
  # ("square × 5 (items 0..4)") and the printed list.
  shot "pool-map-$lang.png" --example pool-map --set items=40 --lang "$lang" --autorun
  # The Queue listing run by real Python (Run with Python): a pane per Python process, named as
  # Python names them, each with its own lines; MainProcess is the interpreter, with its exit code.
  shot "python-queue-$lang.png" --example queue --python --lang "$lang" --autorun
  # The pool listing run by real Python, Pool tab: ForkPoolWorker-1/2 ran the tasks, the same
  # task table the native pool fills (the hooks report apply_async's tasks).
  shot "python-pool-$lang.png" --example pool --set tasks=6 --set sleep=0.5 --python --lang "$lang" --autorun \
    --view pool
  # Replay of a saved record (File → Open Run…), paused 0.6 s in (of about 1 s): the replay bar above the views.
  shot "replay-$lang.png" --replay "$replay_record" --lang "$lang" --screenshot-delay 600
  # The Pool tab: the task table of a pool with a killed worker, after the run (the lost row red).
  shot "pool-tasks-$lang.png" --example pool --set tasks=8 --set sleep=0.5 --set kill-worker-after=700 \
    --lang "$lang" --autorun --view pool
  # The Topology tab mid-run: Main, the queue, 2 producers and 2 consumers, edges lit by traffic.
  shot "topology-$lang.png" --example queue --set producers=2 --set consumers=2 --set delay=0.2 \
    --lang "$lang" --autorun --screenshot-delay 700 --view topology
  # Walkthroughs (issue 12): a step as its handout page shows it (the window when the step was
  # done, its narration under it): the missing-sentinel trap, Main waiting in join() for the
  # consumer that waits in get(); and a trap played in presenter mode (the panel beside the code).
  handout "walkthrough-$lang.png" 4 --walkthrough trap-missing-sentinel --lang "$lang"
  handout "walkthrough-presenter-$lang.png" 4 --walkthrough trap-join-order --presenter --lang "$lang"
done
ls -l "$out"
