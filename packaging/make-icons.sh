#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Regenerates every raster icon from the one master SVG. Run by hand after editing the SVG, then
# commit the results: the build never runs this, so it needs none of these tools.
#   needs: rsvg-convert (librsvg2-bin), icotool (icoutils), python3
set -euo pipefail
cd "$(dirname "$0")/.."

id=io.github.processlab.ProcessLab
hicolor=packaging/linux/icons/hicolor
master=$hicolor/scalable/apps/$id.svg

for tool in rsvg-convert icotool python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install librsvg2-bin icoutils python3" >&2; exit 1; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert --width "$size" --height "$size" "$master" --output "$tmp/$size.png"
done

# Linux: hicolor theme PNGs (the sizes desktops ask for; scalable/ holds the SVG itself).
for size in 16 24 32 48 64 128 256; do
  mkdir -p "$hicolor/${size}x${size}/apps"
  cp "$tmp/$size.png" "$hicolor/${size}x${size}/apps/$id.png"
done

# The app's window icon (embedded as a Qt resource).
cp "$master" resources/icons/processlab.svg

# Windows: one .ico with the classic sizes; 256 is stored as PNG, as Windows Vista+ expects.
icotool --create --output=packaging/windows/processlab.ico \
  "$tmp/16.png" "$tmp/24.png" "$tmp/32.png" "$tmp/48.png" "$tmp/64.png" "$tmp/128.png" \
  --raw="$tmp/256.png"

# macOS: .icns with PNG payloads, the layout iconutil writes (png2icns would store the large
# sizes as JPEG 2000). Type codes: icp4/icp5 16/32, ic07..ic10 128..1024, ic11..ic14 the @2x ones.
python3 - "$tmp" packaging/macos/processlab.icns <<'PY'
import struct, sys
tmp, out = sys.argv[1], sys.argv[2]
entries = [("icp4", 16), ("icp5", 32), ("ic11", 32), ("ic12", 64), ("ic07", 128), ("ic13", 256),
           ("ic08", 256), ("ic14", 512), ("ic09", 512), ("ic10", 1024)]
body = b""
for code, size in entries:
    png = open(f"{tmp}/{size}.png", "rb").read()
    body += code.encode() + struct.pack(">I", 8 + len(png)) + png
open(out, "wb").write(b"icns" + struct.pack(">I", 8 + len(body)) + body)
PY

echo "icons regenerated from $master"
