#!/bin/sh
# Renders the icons from their SVG sources (needs rsvg-convert: Debian's librsvg2-bin).
# electron-builder makes the macOS .icns and Windows .ico from icon.png (1024 px) itself.
set -eu
cd "$(dirname "$0")"
rsvg-convert -w 1024 -h 1024 icon.svg -o icon.png
for size in 16 32 48 64 128 256 512; do
  mkdir -p icons
  rsvg-convert -w "$size" -h "$size" icon.svg -o "icons/${size}x${size}.png"
done
rsvg-convert -w 32 -h 32 tray-icon.svg -o tray-icon.png
rsvg-convert -w 64 -h 64 tray-icon.svg -o tray-icon@2x.png
