#!/usr/bin/env bash
# The daily workflow on the demo's week (geodata/demo/week): one analyze per day, each added to the
# history store, then the trend. Usage: scripts/demo-week.sh [CAKUPAN_BINARY] [OUT_FOLDER]
#   defaults: .build/release/cakupan, out/demo  (history: OUT/history.gpkg, trend: OUT/trend)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/release/cakupan}
out=${2:-out/demo}
week=geodata/demo/week
rm -f "$out/history.gpkg" "$out/history.gpkg.lock"
for fixes in "$week"/fixes-*.csv; do
  day=$(basename "$fixes" .csv); day=${day#fixes-}
  "$bin" analyze "$week/operation.yaml" --tracks "$fixes" --out "$out/week/$day" --history "$out/history.gpkg" --quiet
  echo "demo-week: $day analyzed and added to $out/history.gpkg"
done
"$bin" history "$out/history.gpkg" --out "$out/trend"
