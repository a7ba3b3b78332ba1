#!/usr/bin/env bash
# Installs the Debian packages (scripts/setup-debian.sh), configures and builds into build/.
# Used by README's commands and by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-debian.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
cmake --build build --parallel
