#!/usr/bin/env bash
# Renders a briefing page with headless Chromium (Debian's package) for a person to look at:
#   tools/browser/render.sh HTML_FILE OUT_PREFIX
# writes OUT_PREFIX.png (a 1600×1000 screenshot of the top of the page: header and map) and
# OUT_PREFIX.pdf (printed as the page asks: A4 landscape, no browser header or footer).
# Installs chromium with apt-get when it is missing and we are root. Chromium needs --no-sandbox
# when run as root.
set -euo pipefail

if [[ $# -ne 2 ]]; then
    echo "usage: $0 HTML_FILE OUT_PREFIX" >&2
    exit 2
fi
html=$1
prefix=$2
if [[ ! -f $html ]]; then
    echo "render.sh: $html: no such file" >&2
    exit 2
fi

here=$(cd "$(dirname "$0")" && pwd)
browser=$("$here/find-chromium.sh")

url="file://$(cd "$(dirname "$html")" && pwd)/$(basename "$html")"
mkdir -p "$(dirname "$prefix")"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

flags=(--headless --disable-gpu --no-first-run --no-default-browser-check --hide-scrollbars
       --user-data-dir="$profile" --force-device-scale-factor=1 --force-color-profile=srgb
       --disable-background-networking --disable-component-update --disable-extensions
       --run-all-compositor-stages-before-draw)
if [[ $(id -u) -eq 0 ]]; then flags+=(--no-sandbox); fi

"$browser" "${flags[@]}" --window-size=1600,1000 --screenshot="$prefix.png" "$url" 2>"$profile/png.log" || {
    cat "$profile/png.log" >&2; exit 1; }
"$browser" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$prefix.pdf" "$url" 2>"$profile/pdf.log" || {
    cat "$profile/pdf.log" >&2; exit 1; }

for file in "$prefix.png" "$prefix.pdf"; do
    if [[ ! -s $file ]]; then
        echo "render.sh: chromium wrote no $file" >&2
        exit 1
    fi
done
echo "$prefix.png"
echo "$prefix.pdf"
