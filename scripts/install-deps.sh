#!/usr/bin/env bash
# Installs the Debian packages Cakupan needs, only when they are missing.
#   scripts/install-deps.sh            build/run: GEOS, PROJ, GDAL, CBC development packages, pkg-config
#   scripts/install-deps.sh test       also what the tests use: gdal-bin (ogrinfo), python3 + venv
#   scripts/install-deps.sh browser    also headless Chromium (briefing render test)
#   scripts/install-deps.sh db         also PostgreSQL 15 + PostGIS 3 (history store tests, scripts/postgis.sh)
set -euo pipefail
want=(libgeos-dev libproj-dev libgdal-dev coinor-libcbc-dev pkg-config)
for extra in "$@"; do
  case "$extra" in
    test) want+=(gdal-bin python3 python3-venv python3-pip) ;;
    browser) want+=(chromium fonts-dejavu-core fonts-liberation) ;;
    db) want+=(postgresql postgresql-15-postgis-3 python3) ;;
    *) echo "install-deps: unknown group '$extra'" >&2; exit 2 ;;
  esac
done
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "install-deps: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install ${missing[*]}" >&2; exit 1; }
  SUDO=sudo
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
