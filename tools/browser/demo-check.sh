#!/usr/bin/env bash
# The briefing's browser test, start to end:
#   tools/browser/demo-check.sh [OUT_DIR]        (default out/briefing-check)
# 1. writes the demo briefing (Bahasa Indonesia and English) through the Swift test that honours
#    BRIEFING_OUT, 2. checks that check.py catches bad pages (--self-test), 3. checks both pages
#    (no console errors, no requests, map colours present), 4. renders PNG + PDF for a person to see.
# Needs root for installing chromium the first time (apt-get). SWIFT_FLAGS is passed to swift test
# (e.g. SWIFT_FLAGS="--scratch-path .build-brief").
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-out/briefing-check}
mkdir -p "$out"
out=$(cd "$out" && pwd)

# shellcheck disable=SC2086
BRIEFING_OUT="$out" swift test ${SWIFT_FLAGS:-} --filter 'CakupanBriefingTests.BriefingRenderTests/writesTheDemoBriefingWhenAsked'
python3 tools/browser/check.py --self-test
python3 tools/browser/check.py "$out/briefing.html" --png "$out/check.png"
python3 tools/browser/check.py "$out/en/briefing.html" --png "$out/en/check.png"
tools/browser/render.sh "$out/briefing.html" "$out/briefing"
tools/browser/render.sh "$out/briefing.svg" "$out/map-svg" >/dev/null || true
echo "demo-check: briefing pages passed; pictures in $out"
