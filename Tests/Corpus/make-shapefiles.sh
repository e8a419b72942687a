#!/usr/bin/env bash
# Rebuilds the small shapefile fixtures of the corpus with ogr2ogr (gdal-bin). They are committed as
# binary files; run this only to change them:   Tests/Corpus/make-shapefiles.sh
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# Two kecamatan with names that need more than ASCII: en dash, Ñ, é, curly quotes, middle dot.
cat > "$tmp/areas.geojson" <<'JSON'
{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"kode":"1601","nama":"Kecamatan Tanjung Raja – Ñ é"},"geometry":{"type":"Polygon","coordinates":[[[104.70,-3.00],[104.80,-3.00],[104.80,-2.90],[104.70,-2.90],[104.70,-3.00]]]}},
{"type":"Feature","properties":{"kode":"1602","nama":"Kec. Pemulutan “Barat” · café"},"geometry":{"type":"Polygon","coordinates":[[[104.80,-3.00],[104.90,-3.00],[104.90,-2.90],[104.80,-2.90],[104.80,-3.00]]]}}
]}
JSON

shp() {  # shp CASE [ogr2ogr options…]: writes CASE/areas.{shp,shx,dbf,prj,cpg}
  local case=$1; shift
  rm -f "$case"/areas.*
  mkdir -p "$case"
  ogr2ogr -f "ESRI Shapefile" "$@" "$case/areas.shp" "$tmp/areas.geojson"
}
ldid0() {  # clears the DBF language driver id (byte 29): no code page declared in the DBF
  printf '\x00' | dd of="$1" bs=1 seek=29 conv=notrunc status=none
}

# Windows-1252 attributes with a .cpg saying so: GDAL recodes them to UTF-8.
shp shapefile-cp1252-cpg -lco ENCODING=CP1252
# The same without .cpg and without a code page in the DBF, as old ArcView/MapInfo exports are.
shp shapefile-cp1252-no-cpg -lco ENCODING=CP1252
rm shapefile-cp1252-no-cpg/areas.cpg; ldid0 shapefile-cp1252-no-cpg/areas.dbf
# UTF-8 attributes without .cpg (valid UTF-8 must be kept as it is).
shp shapefile-utf8-no-cpg -lco ENCODING=UTF-8
rm shapefile-utf8-no-cpg/areas.cpg; ldid0 shapefile-utf8-no-cpg/areas.dbf
# UTM metres without the .prj file.
shp shapefile-projected-no-prj -t_srs EPSG:32748 -lco ENCODING=UTF-8
rm shapefile-projected-no-prj/areas.prj
# Degrees, but a .prj declaring UTM (a .prj copied from another file).
shp shapefile-degrees-utm-prj -lco ENCODING=UTF-8
ogr2ogr -f "ESRI Shapefile" "$tmp/utm.shp" "$tmp/areas.geojson" -t_srs EPSG:32748 -lco ENCODING=UTF-8
cp "$tmp/utm.prj" shapefile-degrees-utm-prj/areas.prj
# The .shx index is missing (only .shp and .dbf were e-mailed).
shp shapefile-missing-shx -lco ENCODING=UTF-8
rm shapefile-missing-shx/areas.shx
