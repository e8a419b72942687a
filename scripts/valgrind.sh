#!/usr/bin/env bash
# A whole analysis under valgrind's leak checker (CI can call this):
#   scripts/valgrind.sh [operation.yaml]      default: geodata/demo/operation.yaml, else a corpus case
# Fails (exit 3) on any memory error or on memory definitely or indirectly lost.
set -euo pipefail
cd "$(dirname "$0")/.."
op=${1:-geodata/demo/operation.yaml}
[ -f "$op" ] || op=Tests/Corpus/baseline/operation.yaml
scratch=${SCRATCH:-.build}
swift build --scratch-path "$scratch" --product cakupan >&2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# valgrind 3.19 (Debian 12) cannot read the DWARF 5 debug information of Swift 6 binaries and stops;
# a copy without debug information keeps the symbol table, so stacks still name functions.
strip -g -o "$tmp/cakupan" "$scratch/debug/cakupan"
valgrind --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect \
  --suppressions=scripts/valgrind-swift.supp --num-callers=40 --error-exitcode=3 \
  "$tmp/cakupan" analyze "$op" --out "$tmp/out" --quiet
