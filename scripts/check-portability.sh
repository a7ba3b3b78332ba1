#!/usr/bin/env bash
# What Debian can check about the other platforms and about memory safety (docs/portability.md):
#   clang  build everything with clang++ 14 (macOS's compiler family), warnings as errors,
#          and run the non-GUI tests once
#   mingw  cross-build the Qt-free worker, protocol and std-only tests for 64-bit Windows
#          (MinGW-w64) and run the tests under Wine
#   fuzz   fuzz the frame reader, CBOR decoder and message parsers, and the run record reader
#          (File → Open run…), with libFuzzer + ASan/UBSan; PROCESSLAB_FUZZ_SECONDS is shared
#          between the two targets
#   asan   build everything with -DPROCESSLAB_SANITIZE=address (gcc) and run all tests, GUI
#          tests included, under ASan/UBSan (offscreen)
# Usage: scripts/check-portability.sh [step...]   (default: all four, in this order)
# Environment: PROCESSLAB_FUZZ_SECONDS (default 60), PROCESSLAB_CHECK_DIR (default
# build-checks/ in the source tree; one build directory per step below it).
# Any failure, and a tool that cannot run here (e.g. Wine), fails the script: no silent pass.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=${PROCESSLAB_CHECK_DIR:-$root/build-checks}
fuzz_seconds=${PROCESSLAB_FUZZ_SECONDS:-60}
steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=(clang mingw fuzz asan)

scripts/setup-debian.sh --checks

cmake_common=(-G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo)
if command -v ccache >/dev/null; then
  cmake_common+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
# Tests control their own environment; these only make sanitizer reports complete and fatal.
export ASAN_OPTIONS="detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$root/scripts/lsan-suppressions.txt:print_suppressions=0"

fail() { echo "check-portability: $*" >&2; exit 1; }
timings=()

step_clang() {
  local dir=$out/clang
  command -v clang++-14 >/dev/null || fail "clang++-14 not found (scripts/setup-debian.sh --checks installs it)"
  cmake -S . -B "$dir" "${cmake_common[@]}" -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_COMPILE_WARNING_AS_ERROR=ON
  cmake --build "$dir" --parallel 2
  ctest --test-dir "$dir" --output-on-failure --parallel 2 -E '^gui_'
}

find_wine() {
  local candidate
  for candidate in wine64 /usr/lib/wine/wine64 wine; do
    if command -v "$candidate" >/dev/null; then
      command -v "$candidate"
      return
    fi
  done
  return 1
}

step_mingw() {
  local dir=$out/mingw wine
  command -v x86_64-w64-mingw32-g++-posix >/dev/null \
    || fail "x86_64-w64-mingw32-g++-posix not found (Debian: g++-mingw-w64-x86-64-posix)"
  wine=$(find_wine) || fail "Wine not found (Debian: wine64): the Windows build cannot be tested"
  cmake -S . -B "$dir" "${cmake_common[@]}" -DCMAKE_TOOLCHAIN_FILE="$root/cmake/toolchains/mingw-w64-x86_64.cmake" \
    -DPROCESSLAB_WITH_QT=OFF -DCMAKE_COMPILE_WARNING_AS_ERROR=ON -DCMAKE_CROSSCOMPILING_EMULATOR="$wine"
  cmake --build "$dir" --parallel 2
  # Headless and private: no X display needed, the prefix lives in the build directory.
  export WINEDEBUG=-all WINEPREFIX=$dir/wineprefix
  unset DISPLAY
  trap 'wineserver -k >/dev/null 2>&1 || true' EXIT # this prefix's server only
  if ! timeout 600 "$wine" wineboot --init >"$dir/wineboot.log" 2>&1; then
    cat "$dir/wineboot.log" >&2
    fail "Wine cannot run here ($wine wineboot failed, log above): the Windows build is NOT tested"
  fi
  ctest --test-dir "$dir" --output-on-failure --parallel 2
  wineserver -k >/dev/null 2>&1 || true
  trap - EXIT
}

step_fuzz() {
  local dir=$out/fuzz
  command -v clang++-14 >/dev/null || fail "clang++-14 not found (scripts/setup-debian.sh --checks installs it)"
  cmake -S . -B "$dir" "${cmake_common[@]}" -DCMAKE_CXX_COMPILER=clang++-14 -DPROCESSLAB_WITH_QT=OFF \
    -DPROCESSLAB_SANITIZE=address -DPROCESSLAB_FUZZ=ON
  cmake --build "$dir" --parallel 2
  # The std-only tests come along and run under clang's ASan/UBSan too.
  ctest --test-dir "$dir" --output-on-failure --parallel 2
  # New inputs go to a scratch corpus; the checked-in seeds are only read.
  rm -rf "$dir/corpus" "$dir/artifacts"
  mkdir -p "$dir/corpus" "$dir/artifacts"
  local half=$(( (fuzz_seconds + 1) / 2 ))
  echo "fuzzing the protocol for ${half} s (half of PROCESSLAB_FUZZ_SECONDS)"
  if ! "$dir/fuzz/fuzz_protocol" -max_total_time="$half" -timeout=10 -rss_limit_mb=2048 \
      -max_len=70000 -print_final_stats=1 -artifact_prefix="$dir/artifacts/" \
      "$dir/corpus" "$root/tests/fuzz/corpus"; then
    ls -l "$dir/artifacts" >&2
    fail "the fuzzer found a failing input (above; reproduce: $dir/fuzz/fuzz_protocol <file>)"
  fi
  # The run record reader needs Qt Core: a second build with the Qt host, only its target.
  local qtdir=$out/fuzz-record
  cmake -S . -B "$qtdir" "${cmake_common[@]}" -DCMAKE_CXX_COMPILER=clang++-14 -DPROCESSLAB_BUILD_APP=OFF \
    -DBUILD_TESTING=OFF -DPROCESSLAB_SANITIZE=address -DPROCESSLAB_FUZZ=ON
  cmake --build "$qtdir" --parallel 2 --target fuzz_record_reader
  rm -rf "$qtdir/corpus" "$qtdir/artifacts"
  mkdir -p "$qtdir/corpus" "$qtdir/artifacts"
  echo "fuzzing the run record reader for $(( fuzz_seconds - half )) s"
  if ! "$qtdir/fuzz/fuzz_record_reader" -max_total_time="$(( fuzz_seconds - half ))" -timeout=10 \
      -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 -artifact_prefix="$qtdir/artifacts/" \
      "$qtdir/corpus" "$root/tests/fuzz/corpus-record"; then
    ls -l "$qtdir/artifacts" >&2
    fail "the fuzzer found a failing input (above; reproduce: $qtdir/fuzz/fuzz_record_reader <file>)"
  fi
}

step_asan() {
  local dir=$out/asan
  cmake -S . -B "$dir" "${cmake_common[@]}" -DPROCESSLAB_SANITIZE=address
  cmake --build "$dir" --parallel 2
  QT_QPA_PLATFORM=offscreen ctest --test-dir "$dir" --output-on-failure --parallel 2
}

for step in "${steps[@]}"; do
  case $step in
    clang|mingw|fuzz|asan) ;;
    *) fail "unknown step '$step' (steps: clang mingw fuzz asan)" ;;
  esac
  echo "=== check-portability: $step ==="
  start=$SECONDS
  "step_$step"
  timings+=("$step $((SECONDS - start)) s")
done
echo "=== check-portability: all passed ==="
printf '  %s\n' "${timings[@]}"
