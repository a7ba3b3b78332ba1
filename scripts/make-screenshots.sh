#!/usr/bin/env bash
# Regenerates docs/screenshots/ from the app's --screenshot flag, in English and Chinese.
set -euo pipefail
cd "$(dirname "$0")/.."
app=${PROCESSLAB_APP:-build/bin/processlab}
out=docs/screenshots
mkdir -p "$out"
config=$(mktemp -d) # fresh settings: default layout, no remembered knobs
trap 'rm -rf "$config"' EXIT
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} XDG_CONFIG_HOME=$config
for lang in en zh_CN; do
  "$app" --example process --set workers=3 --set sleep=1 --lang "$lang" --autorun --screenshot "$out/process-$lang.png"
  "$app" --example subclass --set workers=2 --set sleep=1 --lang "$lang" --autorun --screenshot "$out/subclass-$lang.png"
done
ls -l "$out"
