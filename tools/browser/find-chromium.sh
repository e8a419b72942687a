#!/usr/bin/env bash
# Prints the path of Debian's chromium, installing it first (apt-get, as root) when it is missing.
set -euo pipefail
for candidate in chromium chromium-browser; do
    if command -v "$candidate" >/dev/null 2>&1; then
        command -v "$candidate"
        exit 0
    fi
done
if [[ $(id -u) -ne 0 ]]; then
    echo "chromium is not installed; run as root: apt-get install -y chromium" >&2
    exit 1
fi
echo "installing chromium with apt-get…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq chromium fonts-liberation >&2
command -v chromium
