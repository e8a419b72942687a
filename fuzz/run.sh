#!/usr/bin/env bash
# Fuzzes Cakupan's readers with libFuzzer and AddressSanitizer for a bounded time.
#
#   fuzz/run.sh SECONDS [JOBS]     e.g. fuzz/run.sh 600      (default 60 s, 1 job)
#
# Builds Sources/CakupanFuzz with -sanitize=fuzzer,address into .build-fuzz, then runs it on
# fuzz/seeds (the text inputs of Tests/Corpus, see fuzz/make-seeds.py) plus the inputs it found
# earlier (.build-fuzz/fuzz-corpus). Crashing inputs are written to fuzz/crashes/; replay one with
#   swift build --product cakupan-fuzz && .build/debug/cakupan-fuzz fuzz/crashes/crash-…
# Exit status: 0 when nothing crashed, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
jobs=${2:-1}
scratch=${FUZZ_SCRATCH:-.build-fuzz}

# CAKUPAN_LIBFUZZER swaps the replay main for libFuzzer's driver (Sources/CakupanFuzz/Fuzz.swift).
swift build -c debug --scratch-path "$scratch" --product cakupan-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DCAKUPAN_LIBFUZZER >&2
bin="$scratch/debug/cakupan-fuzz"

work="$scratch/fuzz-corpus"
mkdir -p "$work" fuzz/crashes
[ -d fuzz/seeds ] || python3 fuzz/make-seeds.py

# detect_leaks=0: GDAL and PROJ keep process-wide caches that LeakSanitizer would report; leaks are
# checked with valgrind instead (scripts/asan.sh, docs/robustness.md).
export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:symbolize=1:${ASAN_OPTIONS:-}"
export CAKUPAN_FUZZ_QUIET=1
# The Swift runtime's backtracer and ASan fight over a crashing process; let libFuzzer report.
export SWIFT_BACKTRACE=enable=no
status=0
"$bin" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=4096 -max_len=16384 \
  $( [ "$jobs" -gt 1 ] && echo "-jobs=$jobs -workers=$jobs" ) -print_final_stats=1 \
  -dict=fuzz/cakupan.dict -artifact_prefix=fuzz/crashes/ "$work" fuzz/seeds || status=$?
if [ "$jobs" -gt 1 ]; then cat fuzz-*.log 2>/dev/null | tail -n 40; rm -f fuzz-*.log; fi
ls fuzz/crashes | grep -E '^(crash|leak|timeout|oom)-' >&2 && status=1 || true
exit $status
