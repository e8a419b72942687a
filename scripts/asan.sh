#!/usr/bin/env bash
# The whole test suite under AddressSanitizer (CI can call this):
#   scripts/asan.sh [swift test arguments, e.g. --filter CorpusTests]
# Builds into .build-asan; the CLI tests run the ASan-built cakupan binary from the same folder.
set -euo pipefail
cd "$(dirname "$0")/.."
# The Swift runtime's backtracer and ASan both want a crashing process; let ASan report.
export SWIFT_BACKTRACE=enable=no
# detect_leaks=0: GDAL, PROJ and GEOS keep process-wide caches; leaks are checked with valgrind
# (docs/robustness.md). halt_on_error: the first finding fails the run.
export ASAN_OPTIONS="detect_leaks=0:halt_on_error=1:abort_on_error=1:detect_stack_use_after_return=0:${ASAN_OPTIONS:-}"
swift test --sanitize=address --scratch-path .build-asan "$@"
