#!/bin/sh
# Renders a committee report with headless Chromium, as a reader's browser would: the page as
# printed (A4 PDF, then one PNG per page when pdftoppm is installed) and the screen view (PNG).
#
#   scripts/render-report.sh [REPORT_DIR_OR_INDEX_HTML] [OUT_DIR]
#
# Defaults: Reports/bretagne-2024-juin and .build-render/<report folder name>/ (git-ignored).
# Needs the Debian package `chromium` (apt-get install -y chromium); `poppler-utils` for the
# PNG pages. Exit status 77 (the "skipped" code of test harnesses) when chromium is missing.
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

input=${1:-Reports/bretagne-2024-juin}
[ -d "$input" ] && input="$input/index.html"
[ -f "$input" ] || { echo "render-report: no file $input" >&2; exit 2; }
name=$(basename "$(dirname "$input")")
out=${2:-.build-render/$name}
width=${RENDER_WIDTH:-1280}
height=${RENDER_HEIGHT:-1800}
dpi=${RENDER_DPI:-60}

chromium=""
for c in chromium chromium-browser google-chrome; do
    if command -v "$c" >/dev/null 2>&1; then chromium=$(command -v "$c"); break; fi
done
if [ -z "$chromium" ]; then
    echo "render-report: chromium not found (Debian: apt-get install -y chromium)" >&2
    exit 77
fi

mkdir -p "$out"
page="file://$(cd "$(dirname "$input")" && pwd)/$(basename "$input")"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT INT TERM
# No network is needed (the report is self-contained): keep Chromium from trying any.
flags="--headless --no-sandbox --disable-gpu --no-first-run --hide-scrollbars --disable-extensions \
--disable-background-networking --disable-component-update --disable-sync --no-default-browser-check \
--user-data-dir=$profile --run-all-compositor-stages-before-draw --virtual-time-budget=3000"

# shellcheck disable=SC2086
"$chromium" $flags --no-pdf-header-footer --print-to-pdf="$out/index.pdf" "$page" >/dev/null 2>&1
# shellcheck disable=SC2086
"$chromium" $flags --window-size="$width,$height" --screenshot="$out/screen.png" "$page" >/dev/null 2>&1
[ -s "$out/index.pdf" ] || { echo "render-report: chromium wrote no PDF" >&2; exit 1; }
[ -s "$out/screen.png" ] || { echo "render-report: chromium wrote no screenshot" >&2; exit 1; }

if command -v pdftoppm >/dev/null 2>&1; then
    rm -f "$out"/page-*.png
    pdftoppm -png -r "$dpi" "$out/index.pdf" "$out/page"
    pages=$(ls "$out"/page-*.png | wc -l)
    echo "render-report: $out/index.pdf, $pages page(s) as $out/page-*.png, screen view $out/screen.png"
else
    echo "render-report: $out/index.pdf and screen view $out/screen.png (install poppler-utils for one PNG per page)"
fi
