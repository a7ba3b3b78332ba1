#!/usr/bin/env bash
# Refreshes resources/translations/*.ts from the sources (src/ and ui/). Translate the
# new entries (Qt Linguist or by hand) so no "unfinished" entry remains.
set -euo pipefail
cd "$(dirname "$0")/.."
LUPDATE=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
"$LUPDATE" -no-obsolete -locations none src/core src/app ui -ts resources/translations/processlab_zh_CN.ts
grep -c 'type="unfinished"' resources/translations/processlab_zh_CN.ts || true
