#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Tests the installed ProcessLab, the way a user gets it.
#
#   scripts/package-test.sh [BUILD_DIR]          (default BUILD_DIR: build-pkg)
#       Configures BUILD_DIR as a release package build, builds it, makes the .deb with CPack,
#       checks its control fields and contents, installs it (apt-get as root, otherwise
#       dpkg-deb -x into a scratch prefix), runs the installed CLI and app, validates the
#       installed desktop file and metainfo, and removes the package again.
#       Set KEEP_INSTALLED=1 to leave the package installed, CMAKE_ARGS="..." to add
#       configure options (e.g. CMAKE_ARGS=-DPROCESSLAB_BUILD_APP=OFF).
#   scripts/package-test.sh --installed-tree BUILD_DIR
#       Quick variant run by CTest (packaging_install): cmake --install an already built
#       BUILD_DIR into a scratch prefix and run the same checks there.
set -euo pipefail

src=$(cd "$(dirname "$0")/.." && pwd)
app_id=io.github.processlab.ProcessLab

step() { printf '\n== %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }

scratch=$(mktemp -d)
installed_by_us=0
cleanup() {
  if [ "$installed_by_us" = 1 ] && [ "${KEEP_INSTALLED:-0}" != 1 ]; then
    step "remove the package"
    DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq processlab >/dev/null || true
  fi
  rm -rf "$scratch"
}
trap cleanup EXIT

# The installed host must find its worker by itself (../lib/processlab), not through the env.
unset PROCESSLAB_WORKER

# --- Checks on an installed tree (PREFIX is /usr or a scratch prefix) -----------------------
check_installed() {
  local prefix=$1 with_app=0
  [ -x "$prefix/bin/processlab" ] && with_app=1

  step "layout under $prefix"
  for f in bin/processlab-cli lib/processlab/processlab-worker; do
    [ -x "$prefix/$f" ] || fail "$prefix/$f missing or not executable"
  done
  [ ! -e "$prefix/bin/processlab-worker" ] || fail "worker must not be on PATH ($prefix/bin)"
  [ ! -e "$prefix/lib/processlab/processlab-test-worker" ] && [ ! -e "$prefix/bin/processlab-test-worker" ] \
    || fail "the test worker (test behaviours) must not be installed"
  ls "$prefix"/share/processlab/examples/*.py >/dev/null 2>&1 || fail "no examples in share/processlab/examples"
  [ -f "$prefix/share/doc/processlab/copyright" ] || fail "share/doc/processlab/copyright missing"
  echo "ok: bin/processlab-cli, lib/processlab/processlab-worker, share/processlab/examples, copyright"

  step "installed processlab-cli run process --sleep 0"
  local out
  out=$("$prefix/bin/processlab-cli" run process --sleep 0) || fail "processlab-cli exited with $?"
  printf '%s\n' "$out"
  local expected_workers actual_workers
  expected_workers=$(printf '%s\n' "Worker 1 finished" "Worker 1 started" "Worker 2 finished" "Worker 2 started")
  actual_workers=$(printf '%s\n' "$out" | head -n 4 | LC_ALL=C sort)
  [ "$(printf '%s\n' "$out" | wc -l)" -eq 5 ] || fail "expected exactly 5 lines of output"
  [ "$actual_workers" = "$expected_workers" ] || fail "worker lines differ from the tutorial's"
  [ "$(printf '%s\n' "$out" | tail -n 1)" = "All processes finished" ] || fail "last line is not 'All processes finished'"
  for n in 1 2; do
    local started finished
    started=$(printf '%s\n' "$out" | grep -n "^Worker $n started$" | cut -d: -f1)
    finished=$(printf '%s\n' "$out" | grep -n "^Worker $n finished$" | cut -d: -f1)
    [ "$started" -lt "$finished" ] || fail "Worker $n finished before it started"
  done
  echo "ok: output matches the tutorial"

  # The shared objects need the installed worker to attach segments the installed CLI made.
  step "installed processlab-cli run queue / pipe / shared"
  local queue_out
  queue_out=$("$prefix/bin/processlab-cli" run queue) || fail "run queue exited with $?"
  [ "$(printf '%s\n' "$queue_out" | grep -c '^Produced: [0-4]$')" -eq 5 ] || fail "queue: not 5 Produced lines"
  [ "$(printf '%s\n' "$queue_out" | grep '^Consumed: ' | tr '\n' ' ')" = "Consumed: 0 Consumed: 1 Consumed: 2 Consumed: 3 Consumed: 4 " ] \
    || fail "queue: consumed lines differ from the tutorial's"
  [ "$(printf '%s\n' "$queue_out" | tail -n 1)" = "All processes finished" ] || fail "queue: last line"
  [ "$("$prefix/bin/processlab-cli" run pipe --messages 3 | grep -c '^Received: Message [0-2]$')" -eq 3 ] \
    || fail "pipe: not 3 Received lines"
  "$prefix/bin/processlab-cli" run shared --workers 2 --increments 1000 | grep -qx 'Final value: 2000' \
    || fail "shared: the locked counter is not 2000"
  echo "ok: queue, pipe and shared run from the package"

  # The pool starts its worker processes itself (pool.worker of the installed worker).
  step "installed processlab-cli run pool / pool-map"
  local pool_out
  pool_out=$("$prefix/bin/processlab-cli" run pool --sleep 0.2) || fail "run pool exited with $?"
  [ "$(printf '%s\n' "$pool_out" | sort | tr '\n' ' ')" = "All processes finished Worker 1 finished Worker 1 started Worker 2 finished Worker 2 started " ] \
    || fail "pool: lines differ from the tutorial's"
  [ "$(printf '%s\n' "$pool_out" | tail -n 1)" = "All processes finished" ] || fail "pool: last line"
  [ "$("$prefix/bin/processlab-cli" run pool-map --items 5 --chunksize 2)" = "[0, 1, 4, 9, 16]" ] \
    || fail "pool-map: not the list of squares"
  echo "ok: pool and pool-map run from the package"

  if [ "$with_app" = 0 ]; then
    step "no $prefix/bin/processlab (desktop app not built): skipping app, desktop file and metainfo checks"
    return
  fi

  step "installed processlab --example process --autorun --screenshot (offscreen)"
  local shot=$scratch/screenshot.png
  QT_QPA_PLATFORM=offscreen timeout 60 "$prefix/bin/processlab" \
      --example process --autorun --screenshot "$shot" || fail "processlab exited with $?"
  [ -s "$shot" ] || fail "no screenshot written"
  file "$shot" | grep -q 'PNG image data' || fail "screenshot is not a PNG: $(file -b "$shot")"
  echo "ok: $(file -b "$shot")"

  step "desktop file, metainfo, icons"
  desktop-file-validate "$prefix/share/applications/$app_id.desktop"
  appstreamcli validate --no-net --pedantic "$prefix/share/metainfo/$app_id.metainfo.xml"
  [ -f "$prefix/share/icons/hicolor/scalable/apps/$app_id.svg" ] || fail "scalable icon missing"
  for size in 16 24 32 48 64 128 256; do
    local png=$prefix/share/icons/hicolor/${size}x${size}/apps/$app_id.png
    file "$png" | grep -q "PNG image data, $size x $size" || fail "icon $png missing or not ${size}x${size}"
  done
  echo "ok: desktop file and metainfo valid, icons in 7 sizes + SVG"
}

# --- Quick variant: install a built tree into a scratch prefix --------------------------------
if [ "${1:-}" = "--installed-tree" ]; then
  build=${2:?usage: $0 --installed-tree BUILD_DIR}
  step "cmake --install $build --prefix $scratch/prefix"
  cmake --install "$build" --prefix "$scratch/prefix" >/dev/null
  check_installed "$scratch/prefix"
  step "PASS (installed tree)"
  exit 0
fi

# --- Full variant: build, package, install and test the .deb ---------------------------------
build=${1:-$src/build-pkg}
start=$(date +%s)
command -v dpkg-shlibdeps >/dev/null || fail "dpkg-shlibdeps missing: run scripts/setup-debian.sh"

step "configure $build"
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
read -r -a extra_args <<< "${CMAKE_ARGS:-}"
cmake -S "$src" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_INSTALL_PREFIX=/usr -DBUILD_TESTING=OFF "${extra_args[@]}" >/dev/null

step "build"
cmake --build "$build" --parallel "$(nproc)"

step "cpack -G DEB"
rm -f "$build"/processlab_*.deb
(cd "$build" && cpack -G DEB >/dev/null)
debs=("$build"/processlab_*.deb)
if [ ${#debs[@]} -ne 1 ] || [ ! -f "${debs[0]}" ]; then
  fail "expected exactly one processlab_*.deb in $build"
fi
deb=$(realpath "${debs[0]}")
echo "$deb"

step "dpkg-deb -I"
dpkg-deb -I "$deb"
version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
[ -n "$version" ] || fail "no CPACK_PACKAGE_VERSION in $build/CPackConfig.cmake"
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = processlab ] || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$version-1" ] || fail "Version is '$(field Version)', project says $version"
[ "$(field Architecture)" = "$(dpkg --print-architecture)" ] || fail "Architecture is '$(field Architecture)'"
[ -n "$(field Maintainer)" ] || fail "Maintainer missing"
[ -n "$(field Section)" ] || fail "Section missing"
field Depends | grep -q 'libqt6core6' || fail "Depends was not computed by dpkg-shlibdeps: '$(field Depends)'"
field Depends | grep -q 'libc6' || fail "Depends lacks libc6: '$(field Depends)'"
grep -q "<release version=\"$version\"" "$src/packaging/linux/$app_id.metainfo.xml" \
  || fail "metainfo has no <release version=\"$version\">"
echo "ok: processlab $version-1, Depends computed, metainfo release matches"

step "dpkg-deb -c"
contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
printf '%s\n' "$contents"
for f in ./usr/bin/processlab-cli ./usr/lib/processlab/processlab-worker ./usr/share/doc/processlab/copyright; do
  printf '%s\n' "$contents" | grep -qx "$f" || fail "$f not in the package"
done
if printf '%s\n' "$contents" | grep -qx ./usr/bin/processlab; then
  for f in ./usr/share/applications/$app_id.desktop ./usr/share/metainfo/$app_id.metainfo.xml \
           ./usr/share/icons/hicolor/scalable/apps/$app_id.svg; do
    printf '%s\n' "$contents" | grep -qx "$f" || fail "$f not in the package"
  done
fi
! printf '%s\n' "$contents" | grep -q '^./usr/local' || fail "files under /usr/local in the package"

if [ "$(id -u)" -eq 0 ]; then
  step "apt-get install ./$(basename "$deb")"
  # No Recommends: Depends alone must be enough to run.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >/dev/null
  installed_by_us=1
  dpkg -s processlab | grep -q '^Status: install ok installed' || fail "processlab not installed"
  step "dpkg -L processlab"
  dpkg -L processlab | grep -E '/(bin|lib/processlab)/|\.desktop$|\.metainfo\.xml$'
  dpkg -L processlab | grep -qx /usr/lib/processlab/processlab-worker || fail "dpkg -L lacks the worker"
  check_installed /usr
else
  step "not root: dpkg-deb -x into $scratch/root"
  dpkg-deb -x "$deb" "$scratch/root"
  check_installed "$scratch/root/usr"
fi

step "PASS ($deb, $(( $(date +%s) - start )) s)"
