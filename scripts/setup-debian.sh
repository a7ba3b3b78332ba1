#!/usr/bin/env bash
# Installs every Debian package ProcessLab needs to build, test and package.
# Used by README's commands and by .ci/run. Safe to run repeatedly.
# --checks also installs what scripts/check-portability.sh needs: clang 14 with its
# sanitizer and libFuzzer runtimes, the MinGW-w64 cross compiler and Wine.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-svg-dev qt6-translations-l10n libgl1-mesa-dev
  doctest-dev
  xvfb xauth fonts-noto-cjk
  poppler-utils
  python3
  desktop-file-utils appstream dpkg-dev file
)
if [ "${1:-}" = "--checks" ]; then
  packages+=(
    clang-14 libclang-rt-14-dev
    g++-mingw-w64-x86-64-posix
    wine64 wine
  )
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
