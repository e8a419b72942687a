#!/usr/bin/env bash
# Benchmarks: Cakupan and the GeoPandas peer on the same generated files, side by side, in one run.
#   benchmarks/run.sh [demo] [province] [national] [gps] [province-roads] [gps-day] [gps-week]
#                                                             (default: demo province)
# The field-like workloads (docs/benchmarks.md): province-roads (3,000 routes along a shared road
# network), gps-day (those plus 3 M fixes of 500 units driving between sites with stops, jitter,
# drop-outs and jumps over a day) and gps-week (10 M fixes over 7 days). The GPS peers run
# geopandas_temporal.py --coverage: the temporal analysis and the spatial analysis with the tracks as
# patrols, as Cakupan does. REPEAT=N runs each pair N times (Cakupan then the peer, each time).
# Scenario data is generated once (seeded) into bench-data/ (git-ignored). Needs the release build
# (make build) and the peer's Python packages (benchmarks/peers/requirements.txt, in .venv-peer when
# made by `make test-peer`, else the system python3). Prints a Markdown table for docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${BENCH_DATA:-bench-data}
py=python3
[ -x .venv-peer/bin/python ] && py=.venv-peer/bin/python
bin=.build/release/cakupan
[ -x "$bin" ] || { echo "run 'make build' first" >&2; exit 2; }
boundaries=${SUMSEL:-../shared/geodata/sumsel_kecamatan_adm3.geojson}
workloads=("$@")
[ ${#workloads[@]} -eq 0 ] && workloads=(demo province)
mkdir -p "$data"

gen() {  # gen NAME ARGS... : generate once
  local name=$1; shift
  [ -f "$data/$name/operation.yaml" ] || python3 tools/generate.py "$@" --out "$data/$name" >&2
}

measure() {  # measure LOG CMD... : wall seconds and peak RSS (KiB), and CPU seconds into LOG.time
  /usr/bin/time -f '%e %M %U %S' -o "$1.time" "${@:2}" > "$1.out" 2> "$1.err" || { cat "$1.err" >&2; return 1; }
  tail -1 "$1.time" | cut -d' ' -f1,2
}

cpu() {  # cpu LOG : user + system CPU seconds from LOG.time
  tail -1 "$1.time" | awk '{printf "%.1f", $3 + $4}'
}

rows=()
for w in "${workloads[@]}"; do
  case "$w" in
    demo)  # the demo's routes only: its GPS tracks are the gps workload's business (as in make test-peer)
      "$py" benchmarks/peers/routes_only.py geodata/demo/operation.yaml "$data/demo/operation.yaml" >&2
      op=$data/demo/operation.yaml ;;
    province)
      gen province scenario --boundaries "$boundaries" --sites 25000 --zones 2000 --routes 3000 --route-km 10 --units 0 --fixes 0 --seed 7
      op=$data/province/operation.yaml ;;
    national)
      gen national national --areas 7300 --sites 820000 --routes 50000 --seed 7
      op=$data/national/operation.yaml ;;
    province-roads)
      gen province-roads scenario --boundaries "$boundaries" --sites 25000 --zones 2000 --routes 3000 --route-km 10 --units 0 --fixes 0 --route-style roads --seed 7
      op=$data/province-roads/operation.yaml ;;
    gps-day|gps-week)
      if [ "$w" = gps-day ]; then fixes=3000000 days=1; else fixes=10000000 days=7; fi
      gen "$w" scenario --boundaries "$boundaries" --sites 25000 --zones 2000 --routes 3000 --route-km 10 --units 500 --fixes $fixes --route-style roads --gps-style field --days $days --seed 7
      op=$data/$w/operation.yaml
      out=$data/out-$w
      for run in $(seq "${REPEAT:-1}"); do
        rm -rf "$out"; mkdir -p "$out"
        load=$(cut -d' ' -f1 /proc/loadavg)
        read -r cs ck < <(measure "$out/cakupan" "$bin" analyze "$op" --out "$out/cakupan" --quiet --no-progress)
        read -r ps pk < <(measure "$out/peer" "$py" benchmarks/peers/geopandas_temporal.py "$op" --tracks "$data/$w/fixes.csv" --out "$out/peer" --coverage)
        agree=yes
        "$py" benchmarks/peers/compare_temporal.py "$out/cakupan" "$out/peer" > "$out/compare_temporal.txt" 2>&1 || agree=NO
        # the spatial part: Cakupan leaves out a unit's repeated passes within 25 m (docs/temporal.md),
        # the peer buffers every pass, so the track coverage agrees within that band (--track-band)
        "$py" benchmarks/peers/compare.py "$out/cakupan" "$out/peer" --track-band 35 > "$out/compare.txt" 2>&1 || agree="$agree; spatial NO"
        rows+=("| $w | $cs s | $((ck / 1024)) MiB | $ps s | $((pk / 1024)) MiB | $(python3 -c "print(f'{$ps/$cs:.1f}× faster, memory ×{$ck/$pk:.2f}')") | $agree | $(cpu "$out/cakupan") / $(cpu "$out/peer") | $load |")
      done
      continue ;;
    gps)
      gen gps scenario --boundaries "$boundaries" --sites 25000 --zones 2000 --routes 3000 --route-km 10 --units 500 --fixes 10000000 --seed 7
      op=$data/gps/operation.yaml
      out=$data/out-gps
      rm -rf "$out"; mkdir -p "$out"
      read -r cs ck < <(measure "$out/cakupan" "$bin" analyze "$op" --tracks "$data/gps/fixes.csv" --out "$out/cakupan" --quiet --no-progress)
      read -r ps pk < <(measure "$out/peer" "$py" benchmarks/peers/geopandas_temporal.py "$op" --tracks "$data/gps/fixes.csv" --out "$out/peer")
      agree=yes
      "$py" benchmarks/peers/compare_temporal.py "$out/cakupan" "$out/peer" > "$out/compare.txt" 2>&1 || agree=NO
      rows+=("| gps (10 M fixes) | $cs s | $((ck / 1024)) MiB | $ps s | $((pk / 1024)) MiB | $(python3 -c "print(f'{$ps/$cs:.1f}× faster, memory ×{$ck/$pk:.2f}')") | $agree | $(cpu "$out/cakupan") / $(cpu "$out/peer") | |")
      continue ;;
    *) echo "unknown workload $w" >&2; exit 2 ;;
  esac
  out=$data/out-$w
  for run in $(seq "${REPEAT:-1}"); do
    rm -rf "$out"; mkdir -p "$out"
    load=$(cut -d' ' -f1 /proc/loadavg)
    read -r cs ck < <(measure "$out/cakupan" "$bin" analyze "$op" --out "$out/cakupan" --quiet --no-progress)
    read -r ps pk < <(measure "$out/peer" "$py" benchmarks/peers/geopandas_analyze.py "$op" --out "$out/peer")
    agree=yes
    "$py" benchmarks/peers/compare.py "$out/cakupan" "$out/peer" > "$out/compare.txt" 2>&1 || agree=NO
    ratio=$(python3 -c "print(f'{$ps/$cs:.1f}×')")
    mem=$(python3 -c "print(f'{$ck/$pk:.2f}')")
    rows+=("| $w | $cs s | $((ck / 1024)) MiB | $ps s | $((pk / 1024)) MiB | $ratio faster, memory ×$mem | $agree | $(cpu "$out/cakupan") / $(cpu "$out/peer") | $load |")
  done
done
echo "| workload | Cakupan wall | Cakupan peak RSS | GeoPandas wall | GeoPandas peak RSS | ratio | numbers agree | CPU s (Cakupan / peer) | load before |"
echo "|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(uname -m); load: $(cut -d' ' -f1-3 /proc/loadavg)"
