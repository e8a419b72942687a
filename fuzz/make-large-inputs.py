#!/usr/bin/env python3
"""Large inputs for the streaming and memory measurements of docs/robustness.md.

    fuzz/make-large-inputs.py csv ROWS OUT.csv          sites as an Excel-style CSV (';', decimal commas)
    fuzz/make-large-inputs.py geojson FEATURES OUT.geojson   sites as one GeoJSON FeatureCollection

Points are spread over Kota Palembang (104.6…104.9 E, 3.1…2.9 S); deterministic."""
import random
import sys

kind, count, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
r = random.Random(2024)
categories = ["tps", "kpu", "bawaslu", "gudang", "partai"]
priorities = ["tinggi", "sedang", "rendah"]
with open(path, "w", encoding="utf-8", newline="") as f:
    if kind == "csv":
        f.write("id;nama;kategori;prioritas;bujur;lintang\r\n")
        for i in range(count):
            lon, lat = 104.6 + r.random() * 0.3, -3.1 + r.random() * 0.2
            f.write(f"S{i:08d};TPS {i:07d} Kelurahan Uji;{categories[i % 5]};{priorities[i % 3]};"
                    f"{lon:.6f}".replace(".", ",") + ";" + f"{lat:.6f}".replace(".", ",") + "\r\n")
    elif kind == "geojson":
        f.write('{"type":"FeatureCollection","features":[\n')
        for i in range(count):
            lon, lat = 104.6 + r.random() * 0.3, -3.1 + r.random() * 0.2
            sep = ",\n" if i else ""
            f.write(f'{sep}{{"type":"Feature","properties":{{"id":"S{i:08d}","nama":"TPS {i:07d} Kelurahan Uji",'
                    f'"kategori":"{categories[i % 5]}","prioritas":"{priorities[i % 3]}"}},'
                    f'"geometry":{{"type":"Point","coordinates":[{lon:.6f},{lat:.6f}]}}}}')
        f.write("\n]}\n")
    else:
        sys.exit(f"unknown kind {kind}")
