#!/usr/bin/env bash
# The whole test suite under AddressSanitizer and LeakSanitizer (CI can call this):
#   scripts/asan.sh [swift test arguments, e.g. --filter 'CorpusTests|CLITests']
# Builds into .build-asan. The CLI tests run the ASan-built cakupan binary from the same folder, with
# the same options, so every corpus case is also checked for memory errors and leaks in a real run.
set -euo pipefail
cd "$(dirname "$0")/.."
# The Swift runtime's backtracer and ASan both want a crashing process; let ASan report.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:abort_on_error=1:${ASAN_OPTIONS:-}"
# Leaks of the test harness itself (XCTest, Foundation.Process) are suppressed; see the file.
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp:print_suppressions=0:${LSAN_OPTIONS:-}"
swift test --sanitize=address --scratch-path .build-asan "$@"
